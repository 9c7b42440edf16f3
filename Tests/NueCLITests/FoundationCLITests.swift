import Foundation
import Testing

@Suite struct FoundationCLITests {
    /// `nue xsec --json` against physics.md's worked value (3.2357e-45 cm²/MeV at sin²θ_W = 0.2387).
    @Test func crossSectionJSON() throws {
        let result = try CLIRunner.run(["xsec", "--model", "sm", "--enu", "8", "--t", "4", "--sin2w", "0.2387", "--json"])
        #expect(result.status == 0)
        let json = try result.json()
        let value = try #require(json["dsigma_dt_cm2_per_mev"] as? Double)
        let total = try #require(json["sigma_total_cm2"] as? Double)
        #expect(abs(value / 3.2357e-45 - 1) < 1e-4)
        #expect(abs(total / 3.1958e-44 - 1) < 1e-4)
    }

    /// Full light-vector rate at g = 1e-6: 1.0326 × SM (physics.md §3).
    @Test func lightVectorIncludesTheStandardModel() throws {
        let sm = try CLIRunner.run(["xsec", "--enu", "8", "--t", "4", "--sin2w", "0.2387", "--json"]).json()
        let lv = try CLIRunner.run(["xsec", "--model", "light-vector", "--g", "1e-6", "--enu", "8", "--t", "4",
                                    "--sin2w", "0.2387", "--t-min", "1", "--json"]).json()
        let ratio = (lv["dsigma_dt_cm2_per_mev"] as! Double) / (sm["dsigma_dt_cm2_per_mev"] as! Double)
        #expect(abs(ratio - 1.0326) < 1e-4)
    }

    @Test(arguments: [
        (["xsec", "--enu=-8", "--t", "4"], "neutrino energy"),
        (["xsec", "--enu", "8", "--t", "9"], "kinematic limit"),
        (["xsec", "--enu", "nan", "--t", "4"], "finite"),
        (["xsec", "--model", "dark-photon", "--enu", "8", "--t", "4"], "dark-photon"),
        (["xsec", "--model", "magnetic-moment", "--mu-nu", "1e-11", "--enu", "8", "--t", "4", "--t-min", "9"], "--t-min"),
        (["source", "--final-state", "wide"], "wide"),
        (["source", "--spectrum-file", "/nonexistent.txt"], "/nonexistent.txt"),
    ])
    func badInputFailsWithAMessage(arguments: [String], mentions: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(mentions), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// `--radiative-corrections`: at E = 8, T = 4 MeV the ν̄e value at the default sin²θ̂_W(M_Z) = 0.23122
    /// is 3.04457×10⁻⁴⁵ cm²/MeV (40-digit mpmath of BKS, docs/physics.md §9.7); the sensitivity
    /// command runs with it, and its μν limit at fixed SM events moves by −3 % (§ Precision physics).
    @Test func radiativeCorrectionsOption() throws {
        let xs = try CLIRunner.run(["xsec", "--enu", "8", "--t", "4", "--radiative-corrections", "--json"]).json()
        #expect(abs((xs["dsigma_dt_cm2_per_mev"] as? Double ?? 0) / 3.0445733e-45 - 1) < 1e-6)
        #expect(xs["model"] as? String == "sm-rc")
        let base = ["sensitivity", "--detector", "kamland", "--threshold", "3", "--events", "3000", "--json"]
        let tree = try #require(try CLIRunner.run(base).json()["limit"] as? Double)
        let corrected = try #require(try CLIRunner.run(base + ["--radiative-corrections"]).json()["limit"] as? Double)
        #expect(corrected / tree < 0.985 && corrected / tree > 0.95, "ratio \(corrected / tree)")
    }

    /// The single-level resonance: ⟨E⟩ ≈ 6.67 MeV, endpoint Q + 0.09184 = 16.09584 MeV (docs/physics.md §4.5);
    /// the default, the measured final state: ⟨E⟩ = 6.359 MeV (§4.5.1; `MeasuredFinalStateTests`).
    @Test func sourceJSON() throws {
        let json = try CLIRunner.run(["source", "--final-state", "resonance", "--json"]).json()
        let mean = try #require(json["mean_energy_mev"] as? Double)
        let endpoint = try #require(json["endpoint_mev"] as? Double)
        #expect(mean > 6.6 && mean < 6.72)
        #expect(abs(endpoint - 16.09584) < 1e-6)
        #expect(json["name"] is String)
        let measured = try CLIRunner.run(["source", "--json"]).json()
        #expect(measured["final_state"] as? String == "measured")
        #expect(abs((measured["mean_energy_mev"] as? Double ?? 0) - 6.359) < 0.002)
    }

    /// A user's tabulated spectrum: weights ∝ E on [1, 4] MeV have ⟨E⟩ = 2.8 MeV.
    @Test func tabulatedSourceFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nue-ramp-\(UUID().uuidString).txt")
        try "1 1\n2 2\n3 3\n4 4\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let json = try CLIRunner.run(["source", "--spectrum-file", url.path, "--json"]).json()
        #expect(abs((json["mean_energy_mev"] as! Double) - 2.8) < 1e-9)
    }
}
