import Foundation
import Testing
@testable import Studies

/// The runner executes a card's analyses, reports a failing row in the status column, and
/// writes the documented layout.
@Suite struct StudyRunnerTests {
    static func run(_ yaml: String) throws -> (StudyRunner.Outcome, String) {
        let root = try TestSupport.temporaryDirectory()
        let path = (root as NSString).appendingPathComponent("card.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try RunCard.load(path: path)
        let directory = OutputDirectory(path: (root as NSString).appendingPathComponent("out"))
        return (try StudyRunner(card: loaded, options: .init(threads: 1)).run(into: directory), directory.path)
    }

    @Test func aFailingRowIsReportedAndTheRunGoesOn() throws {
        // The second mediator is so heavy that its signal vanishes in double precision: its
        // Asimov limit has no solution (a run-time failure; out-of-range values fail at parsing).
        let (outcome, path) = try Self.run("""
            format: nue-card/1
            title: one good row, one bad row
            analyses: [asimov, norm-scan]
            scenarios:
              - {name: good, detector: kamland, threshold_mev: 3, events: 3000}
            models: [{model: light-vector, mediator_masses_mev: [0, 1e200]}]
            scans: {norm_sigmas: [0.001, 0.05]}
            binning: {bin_width_mev: 0.5}
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(outcome.failures == 3)
        let csv = try String(contentsOfFile: (path as NSString).appendingPathComponent("table.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasSuffix(",ok"))
        #expect(lines[2].contains(",\"failed: the Asimov limit has no solution"))
        for file in ["table.md", "table_norm-scan.csv", "result.json", "scan_norm_good_g.csv"] {
            #expect(FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func normScanTightensTheLimitWithASmallerPull() throws {
        let (outcome, path) = try Self.run("""
            format: nue-card/1
            title: norm scan
            analyses: [norm-scan]
            scenarios: [{name: JUNO, detector: juno, threshold_mev: 3, events: 80000}]
            models: [{model: magnetic-moment}]
            scans: {norm_sigmas: [0.001, 0.05]}
            binning: {bin_width_mev: 0.5}
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let table = try #require(outcome.outputs.first?.table)
        guard case .number(let tight)? = table.column("limit")?[0], case .number(let loose)? = table.column("limit")?[1] else {
            Issue.record("no limits"); return
        }
        #expect(tight < loose)
    }

    @Test func slugsAreFileNameSafe() {
        #expect(StudySlug.make("KamLAND >3 MeV") == "kamland-3mev")
        #expect(StudySlug.make("JUNO >0.2 MeV", "mu_nu") == "juno-0p2mev_mu-nu")
        #expect(StudySlug.make("SNO+ >0.2 MeV") == "sno-0p2mev")
    }
}
