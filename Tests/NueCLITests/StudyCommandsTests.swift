import Foundation
import NueTestSupport
import Testing

/// End-to-end checks of `nue run` and `nue export-pyhf` through the built binary.
@Suite struct StudyCommandsTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func temporaryDirectory() throws -> URL { try TestPaths.temporaryDirectory(prefix: "nue-cli") }

    static let env = URL(fileURLWithPath: "/usr/bin/env")

    static var hasPyhf: Bool { PythonModules.hasPyhf }

    @Test func runWritesTheSmokeCardOutputs() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let card = Self.repoRoot.appendingPathComponent("macros/smoke.yaml").path
        let result = try CLIRunner.run(["run", card, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("asimov"))
        let csv = try String(contentsOf: out.appendingPathComponent("table.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("scenario,detector,threshold_mev,events,norm_sigma,model,interference,mediator_mass_mev,statistic,parameter,limit,status\n"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("result.json").path))
        let quiet = try CLIRunner.run(["run", card, "--out", out.path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test func runRejectsABadCardWithItsLocation() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let card = out.appendingPathComponent("bad.yaml")
        try "format: nue-card/1\ntitle: bad\nscenarios:\n  - {detector: kamlnd, threshold_mev: 3, events: 10}\n"
            .write(to: card, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["run", card.path, "--out", out.appendingPathComponent("o").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.yaml:4: key 'scenarios[0].detector'"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("o").path))
    }

    @Test func exportPyhfRecordsTheValue() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("ws.json")
        let result = try CLIRunner.run(["export-pyhf", "--detector", "kamland", "--threshold", "3", "--events", "3000",
                                        "--model", "light-vector", "--at", "1e-6", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let metadata = try #require(json["metadata"] as? [String: Any])
        #expect(metadata["exported_at"] as? Double == 1e-6)
        #expect(metadata["parameter"] as? String == "g")
        let bad = try CLIRunner.run(["export-pyhf", "--at", "-1", "--output", file.path])
        #expect(bad.status != 0)
    }

    /// nue's Asimov limit (the default export value) agrees with pyhf's asymptotic CLs+b limit:
    /// mu = 1 within 1 % (KamLAND > 3 MeV, 3 000 events, magnetic moment).
    @Test(.enabled(if: StudyCommandsTests.hasPyhf, "pyhf is not importable by python3"))
    func exportedWorkspaceAgreesWithPyhf() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("kamland.json")
        let export = try CLIRunner.run(["export-pyhf", "--detector", "kamland", "--threshold", "3", "--events", "3000",
                                        "--model", "magnetic-moment", "--output", file.path])
        #expect(export.status == 0, "\(export.stderr)")
        let check = try CLIRunner.run(["python3", Self.repoRoot.appendingPathComponent("scripts/pyhf_check.py").path, file.path],
                                      program: Self.env)
        #expect(check.status == 0, "\(check.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let mu = try #require(answer["mu_limit"] as? Double)
        print("pyhf mu_limit at nue's Asimov limit: \(mu)")
        #expect(abs(mu - 1) < 0.01)
    }
}
