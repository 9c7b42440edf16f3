import Foundation
import Testing

/// The command line and run cards map onto one scenario model: same defaults, same ranges,
/// same limits; exit codes follow the contract (64 usage with the usage text, 1 bad input or
/// runtime failure on one line).
@Suite struct ScenarioContractTests {
    /// A one-row card and the equivalent `nue sensitivity` give the same limit to the last bit:
    /// both build `StudyScenario` with the one default bin width (0.1 MeV) and CL (0.90).
    @Test func oneRowCardEqualsSensitivityCommand() throws {
        let out = try StudyCommandsTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let card = out.appendingPathComponent("one.yaml")
        try """
            format: nue-card/1
            title: one row
            analyses: [asimov]
            scenarios: [{name: KamLAND, detector: kamland, threshold_mev: 3, events: 3000}]
            models: [{model: light-vector, mediator_masses_mev: [0.5]}]
            """.write(to: card, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["run", card.path, "--out", out.appendingPathComponent("o").path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("o/result.json"))) as? [String: Any])
        let results = try #require(document["results"] as? [String: Any])
        let details = try #require(results["details"] as? [String: Any])
        let rows = try #require(details["asimov"] as? [[String: Any]])
        let cardLimit = try #require(rows.first?["limit"] as? Double)

        let cli = try CLIRunner.run(["sensitivity", "--detector", "kamland", "--threshold", "3", "--events", "3000",
                                     "--model", "light-vector", "--mediator-mass", "0.5", "--json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try cli.json()
        let cliLimit = try #require(json["limit"] as? Double)
        #expect(cliLimit == cardLimit)
        #expect(json["parameter"] as? String == "g")
        // Bins of 0.1 MeV from 3 MeV to T_max at the measured-final-state endpoint 15.3112 MeV:
        // 2 × 15.3112² / (0.511 + 2 × 15.3112) = 15.060 MeV (docs/physics.md §1.1, §4.5.1).
        #expect(json["bins"] as? Int == Int(((15.060 - 3) / 0.1).rounded(.up)))
    }

    @Test func exitCodes() throws {
        // Usage: an unknown option or text where a number belongs → 64 with the usage text.
        let unknown = try CLIRunner.run(["sensitivity", "--thresh", "2"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Usage:"))
        let notANumber = try CLIRunner.run(["sensitivity", "--threshold", "three"])
        #expect(notANumber.status == 64)
        // Bad input: one line naming the option, the value and what is allowed → 1.
        let negative = try CLIRunner.run(["sensitivity", "--threshold", "-1"])
        #expect(negative.status == 1)
        #expect(negative.stderr == "Error: --threshold must be a positive number of MeV, got -1.0\n")
        let norm = try CLIRunner.run(["sensitivity", "--norm-sigma", "5"])
        #expect(norm.stderr == "Error: --norm-sigma must be a fraction in [0, 1), got 5.0\n")
        let huge = try CLIRunner.run(["sensitivity", "--events", "1e30"])
        #expect(huge.status == 1)
        #expect(huge.stderr == "Error: --events must be a number of events in (0, 1e12], got 1e+30\n")
        let kinematic = try CLIRunner.run(["sensitivity", "--threshold", "20"])
        #expect(kinematic.status == 1)
        #expect(kinematic.stderr.hasPrefix("Error: --threshold: threshold 20.0 MeV is at or above the kinematic limit"))
        #expect(!kinematic.stderr.contains("Usage:"))
        // Runtime: a fit with no solution says what and why → 1.
        let heavy = try CLIRunner.run(["sensitivity", "--model", "light-vector", "--mediator-mass", "1e200"])
        #expect(heavy.status == 1)
        #expect(heavy.stderr.hasPrefix("Error: the Asimov limit has no solution"))
        // A missing card is bad input, not usage.
        let missing = try CLIRunner.run(["run", "/nonexistent/card.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: /nonexistent/card.yaml:0: no run card at this path (no such file)\n")
    }
}
