import Foundation
import Testing

/// `nue argon` end to end through the built binary.
@Suite struct ArgonCommandTests {
    @Test func jsonHasTheDocumentedKeys() throws {
        let r = try CLIRunner.run(["argon", "--depletion", "1e4", "--threshold", "3", "--cos-cut", "0.5", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try r.json()
        for key in ["limit_mu_nu", "limit_g", "signal_events", "background_events", "cos_cut", "threshold_mev", "depletion"] {
            #expect(j[key] != nil, "missing \(key)")
        }
        let mu = try #require(j["limit_mu_nu"] as? Double), g = try #require(j["limit_g"] as? Double)
        #expect(mu > 1e-12 && mu < 1e-9 && g > 1e-8 && g < 1e-5)
        #expect(j["cos_cut"] as? Double == 0.5 && j["depletion"] as? Double == 1e4 && j["threshold_mev"] as? Double == 3)
        let background = try #require(j["background_events"] as? Double)
        let decays = try #require(j["decays_total"] as? Double)
        #expect(abs(decays / 2.9033e7 - 1) < 1e-3)  // 2.90e11 / 1e4
        #expect(background > 0 && background < decays * 0.25)
    }

    /// `--systematics` profiles the nuisances at the model's cut (docs/physics.md §16.9): an efficiency
    /// alone widens the limit, and held at nominal it gives back the plain limit (10⁻⁷, the fits'
    /// agreement in `SystematicLikelihoodTests.noSystematics`); without the option no key appears.
    @Test func systematicsOption() throws {
        let base = ["argon", "--model", "magnetic-moment", "--cos-cut", "0.5", "--threshold", "5", "--bin-width", "1", "--json"]
        let r = try CLIRunner.run(base + ["--systematics", "efficiency"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try r.json()
        #expect(j["systematics"] as? String == "efficiency")
        let m = try #require((j["models"] as? [String: Any])?["magnetic-moment"] as? [String: Any])
        let plain = try #require(m["limit"] as? Double), with = try #require(m["limit_with_systematics"] as? Double)
        let held = try #require((m["systematics_held"] as? [String: Any])?["efficiency"] as? Double)
        #expect(with > plain * 1.0001 && abs(held / plain - 1) < 1e-7, "\(plain), \(with), \(held)")
        let none = try CLIRunner.run(base)
        #expect(try none.json()["systematics"] == nil)
    }

    @Test func bruteForceOptionComparesWithFastPath() throws {
        let r = try CLIRunner.run(["argon", "--model", "magnetic-moment", "--cos-cut", "0", "--threshold", "1",
                                   "--brute-force", "--decays", "200000", "--threads", "2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try r.json()
        #expect(j["limit_g"] is NSNull || j["limit_g"] == nil)
        let b = try #require(j["brute_force"] as? [String: Any])
        #expect(b["decays"] as? Int == 200_000)
        #expect(try #require(b["p_value"] as? Double) > 1e-4)
    }

    @Test(arguments: [
        (["--depletion", "-3"], "depletion"),
        (["--depletion", "nan"], "depletion"),
        (["--threshold", "20"], "kinematic limit"),
        (["--threshold", "nan"], "threshold"),
        (["--cos-cut", "1.5"], "--cos-cut must be in [−1, 1), got 1.5"),
        (["--cos-cut", "sometimes"], "--cos-cut"),
        (["--bulk-fraction", "2"], "--bulk-fraction must be a fraction in [0, 1], got 2.0"),
        (["--cos-cut", "-0.5", "--activity", "-1"], "--activity must be a number of Bq/kg ≥ 0, got -1.0"),
        (["--model", "axion"], "--model"),
        (["--energy-resolution", "0.1,-1"], "--energy-resolution"),
        (["--systematics", "energy"], "--systematics takes preset, none, or NAME[=SIGMA] from: energy-scale"),
    ])
    func badInputIsAClearError(arguments: [String], message: String) throws {
        let r = try CLIRunner.run(["argon"] + arguments + ["--json"])
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

/// The whole study is a run card for `nue run`; `nue argon` is the single point only.
@Suite struct ArgonCardOptionTests {
    @Test func cardOptionIsGone() throws {
        let r = try CLIRunner.run(["argon", "--card", "macros/argon.yaml"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--card"), "\(r.stderr)")
    }
}
