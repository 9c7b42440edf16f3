import Foundation
import NueTestSupport
import Physics
import Testing
@testable import Studies

/// The `radiative_corrections` card key and the precision-physics comparison (docs/physics.md §9).
@Suite struct RadiativeCorrectionCardTests {
    static let card = """
        format: nue-card/1
        title: rc
        radiative_corrections: true
        scenarios:
          - {detector: kamland, threshold_mev: 3, events: 3000}
        models:
          - model: magnetic-moment
        """

    /// With corrections the default sin²θ_W is the MS-bar value at M_Z (0.23122), and the
    /// scenario's templates carry the corrections; an explicit value is kept.
    @Test func defaultsFollowTheSetting() throws {
        let card = try RunCard.parse(yaml: Self.card, file: "rc.yaml")
        #expect(card.radiativeCorrections)
        #expect(card.sin2ThetaW == 0.23122)
        let study = try card.studyScenario(card.scenarios[0], spectrum: try Lithium8Spectrum.make(), model: .magneticMoment)
        #expect(study.simulation.radiativeCorrections && study.simulation.sin2ThetaW == 0.23122)
        let explicit = try RunCard.parse(yaml: Self.card + "\nsin2_theta_w: 0.2317", file: "rc.yaml")
        #expect(explicit.sin2ThetaW == 0.2317)
        #expect(try RunCard.parse(yaml: Self.card.replacingOccurrences(of: "radiative_corrections: true\n", with: ""),
                                  file: "rc.yaml").sin2ThetaW == 0.23867)
    }

    /// The argon analysis is tree level: a card asking for both is refused at load, naming the key.
    @Test func argonWithCorrectionsIsRefused() throws {
        let argon = ArgonStudyTests.smallCard + "\nradiative_corrections: true"
        do {
            _ = try RunCard.parse(yaml: argon, file: "a.yaml", baseDirectory: ".")
            Issue.record("an argon card with radiative_corrections must be refused")
        } catch let error as StudyError {
            #expect(error.key == "radiative_corrections" && error.message.contains("tree level"), "\(error)")
        }
    }

    /// `scripts/compare_precision_physics.py` run on the committed tables reproduces the committed
    /// comparison, and its numbers are those of the three cards' tables (read independently here).
    @Test func precisionPhysicsTableIsFreshAndTraceable() throws {
        let root = try TestPaths.temporaryDirectory(prefix: "nue-precision")
        defer { try? FileManager.default.removeItem(at: root) }
        for card in ["isodar-sensitivity-single-level", "isodar-sensitivity", "isodar-sensitivity-radiative"] {
            let directory = root.appendingPathComponent(card)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: TestPaths.path("outputs/\(card)/table.csv"),
                                             toPath: directory.appendingPathComponent("table.csv").path)
        }
        let result = try #require(ProcessRunner.runOnPath(["python3", TestPaths.path("scripts/compare_precision_physics.py"), root.path]))
        try #require(result.status == 0, "\(result.stderr)")
        for file in ["table.csv", "table.md"] {
            let fresh = FileManager.default.contents(atPath: root.appendingPathComponent("precision-physics/\(file)").path)
            let committed = FileManager.default.contents(atPath: TestPaths.path("outputs/precision-physics/\(file)"))
            #expect(fresh != nil && fresh == committed, "outputs/precision-physics/\(file) is stale; run make run")
        }
        // KamLAND >3 MeV μν from the three tables, read here without the script.
        func limit(_ card: String) throws -> Double {
            let text = try String(contentsOfFile: TestPaths.path("outputs/\(card)/table.csv"), encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first {
                $0.hasPrefix("KamLAND >3 MeV,") && $0.contains(",magnetic-moment,") && $0.contains(",poisson,")
            })
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return try #require(Double(fields[fields.count - 2]))
        }
        let comparison = try String(contentsOfFile: TestPaths.path("outputs/precision-physics/table.csv"), encoding: .utf8)
        let row = try #require(comparison.split(separator: "\n").first { $0.hasPrefix("KamLAND >3 MeV,μν [μ_B],") })
        let values = row.split(separator: ",").dropFirst(2).prefix(3).compactMap { Double($0) }
        #expect(values == [try limit("isodar-sensitivity-single-level"), try limit("isodar-sensitivity"),
                           try limit("isodar-sensitivity-radiative")])
    }
}
