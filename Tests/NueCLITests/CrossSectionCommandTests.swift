import Foundation
import NueTestSupport
import Testing

/// `nue xsec` prints dσ/dT for every model; a total that diverges is null with the reason.
@Suite struct CrossSectionCommandTests {
    @Test func magneticMomentDifferentialWithoutTMin() throws {
        let sm = try CLIRunner.run(["xsec", "--enu", "8", "--t", "4", "--json"]).json()
        let result = try CLIRunner.run(["xsec", "--model", "magnetic-moment", "--mu-nu", "1e-11", "--enu", "8", "--t", "4", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let mm = try result.json()
        // (πα²/m_e²)(ħc)² = 2.4947e-25 cm² (docs/physics.md §2.4): κ² × 2.4947e-25 × (1/T − 1/E)
        // = 1e-22 × 2.4947e-25 × (1/4 − 1/8) = 3.1184e-48 cm²/MeV above the SM.
        let increment = try #require(mm["dsigma_dt_cm2_per_mev"] as? Double) - (try #require(sm["dsigma_dt_cm2_per_mev"] as? Double))
        #expect(relativeDifference(increment, 3.1184e-48) < 1e-3)
        #expect(mm["sigma_total_cm2"] is NSNull)
        #expect((mm["sigma_total_note"] as? String)?.contains("--t-min") == true)
        #expect(sm["sigma_total_note"] is NSNull)
        let bounded = try CLIRunner.run(["xsec", "--model", "magnetic-moment", "--mu-nu", "1e-11", "--enu", "8", "--t", "4",
                                         "--t-min", "1", "--json"]).json()
        #expect((bounded["sigma_total_cm2"] as? Double).map { $0 > 0 } == true)
    }

    @Test func negativeValuesReachValidation() throws {
        let result = try CLIRunner.run(["xsec", "--enu", "8", "--t", "-4"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: recoil kinetic energy T must be a finite positive number of MeV, got -4.0\n")
        let g = try CLIRunner.run(["xsec", "--model", "light-vector", "--g", "-1e-3", "--enu", "8", "--t", "4", "--json"])
        #expect(g.status == 0, "\(g.stderr)")  // g enters as g² and g⁴ (interference sign via g_ν g_e = g²)
    }

    @Test func sourceWithTheMeasuredFinalState() throws {
        let result = try CLIRunner.run(["source", "--isotope", "b8", "--final-state", "measured", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let fit = try #require(json["b8_fit"] as? [String: Any])
        // Winter et al.'s table: ⟨E⟩ = 6.770 MeV; the fit within 0.3 % and χ² below its 131 points.
        #expect(abs(try #require(fit["mean_measured_mev"] as? Double) - 6.770) < 0.001)
        #expect(try #require(json["mean_energy_mev"] as? Double) > 6.75 && (json["mean_energy_mev"] as? Double ?? 0) < 6.79)
        #expect(try #require(fit["chi2"] as? Double) < 131)
        let spectrum = try #require(json["spectrum"] as? [[Double]])
        var area = 0.0
        for i in 1..<spectrum.count { area += 0.5 * (spectrum[i][1] + spectrum[i - 1][1]) * (spectrum[i][0] - spectrum[i - 1][0]) }
        #expect(abs(area - 1) < 1e-3)
        let li8 = try CLIRunner.run(["source", "--final-state", "measured", "--json"]).json()
        #expect(li8["isotope"] as? String == "li8")
        #expect(abs(try #require(li8["mean_energy_mev"] as? Double) - 6.359) < 0.005)
    }
}
