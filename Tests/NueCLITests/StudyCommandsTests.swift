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
        #expect(csv.hasPrefix("scenario,detector,threshold_mev,events,norm_sigma,model,interference,mediator_mass_mev,statistic,limit_method,parameter,limit,status\n"))
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
        #expect(Set(json.keys) == ["channels", "measurements", "observations", "version"], "only pyhf's schema keys")
        let sidecar = out.appendingPathComponent("ws.nue.json")
        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sidecar)) as? [String: Any])
        #expect(metadata["exported_at"] as? Double == 1e-6)
        #expect(metadata["parameter"] as? String == "g")
        #expect(metadata["limit_method"] as? String == "clsb")
        let bad = try CLIRunner.run(["export-pyhf", "--at", "-1", "--output", file.path])
        #expect(bad.status != 0)
    }

    /// nue's Asimov limit (the default export value) agrees with pyhf's asymptotic limit of the
    /// same method: mu = 1 within 1 % (KamLAND > 3 MeV, 3 000 events, magnetic moment), CLs+b
    /// (default) and CLs (`--limit cls`); the exported file passes `pyhf inspect`.
    @Test(.enabled(if: StudyCommandsTests.hasPyhf, "pyhf is not importable by python3"),
          arguments: ["clsb", "cls"])
    func exportedWorkspaceAgreesWithPyhf(method: String) throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("kamland.json")
        let export = try CLIRunner.run(["export-pyhf", "--detector", "kamland", "--threshold", "3", "--events", "3000",
                                        "--model", "magnetic-moment", "--limit", method, "--output", file.path])
        #expect(export.status == 0, "\(export.stderr)")
        let inspect = try CLIRunner.run(["pyhf", "inspect", file.path], program: Self.env)
        #expect(inspect.status == 0, "pyhf inspect: \(inspect.stderr)")
        let check = try CLIRunner.run(["python3", Self.repoRoot.appendingPathComponent("scripts/pyhf_check.py").path, file.path],
                                      program: Self.env)
        #expect(check.status == 0, "\(check.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        #expect(answer["limit_method"] as? String == method)
        let mu = try #require(answer["mu_limit"] as? Double)
        print("pyhf \(method) mu_limit at nue's Asimov \(method) limit: \(mu)")
        #expect(abs(mu - 1) < 0.01)
    }

    /// `--limit` chooses the Asimov limit's method (CLs weaker than CLs+b; written as
    /// limit_method); Feldman–Cousins coverage refuses `cls` (exit 1, one line).
    @Test func limitOptionChoosesTheMethod() throws {
        let scenario = ["--detector", "kamland", "--threshold", "3", "--events", "3000", "--bin-width", "0.5"]
        let clsb = try CLIRunner.run(["sensitivity"] + scenario + ["--json"])
        let cls = try CLIRunner.run(["sensitivity"] + scenario + ["--limit", "cls", "--json"])
        #expect(clsb.status == 0 && cls.status == 0, "\(clsb.stderr) \(cls.stderr)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(clsb.stdout.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(cls.stdout.utf8)) as? [String: Any])
        #expect(a["limit_method"] as? String == "clsb")
        #expect(b["limit_method"] as? String == "cls")
        let ratio = try #require(b["limit"] as? Double) / (try #require(a["limit"] as? Double))
        #expect(ratio > 1.05 && ratio < 1.2, "CLs/CLs+b = \(ratio)")
        #expect(abs(try #require(b["critical_value"] as? Double) - 2.705543454095404) < 1e-9)
        let coverage = try CLIRunner.run(["coverage"] + scenario + ["--limit", "cls", "--true", "0", "--toys", "10",
                                                                    "--method", "fc"])
        #expect(coverage.status == 1 && coverage.stderr.contains("--limit cls") && coverage.stderr.contains("--method fc"),
                "\(coverage.stderr)")
        #expect(coverage.stderr.split(separator: "\n").count == 1, "\(coverage.stderr)")
        let bad = try CLIRunner.run(["sensitivity"] + scenario + ["--limit", "cl"])
        #expect(bad.status == 64)
    }
}
