import Foundation
import Testing
@testable import Studies

/// Cards that used to pass parsing and fail later, crash the YAML parser, or overwrite each
/// other's outputs are refused at load time with one located sentence.
@Suite struct CardRobustnessTests {
    static let good = RunCardErrorTests.good

    func message(_ yaml: String) -> String {
        do {
            _ = try RunCard.parse(yaml: yaml, file: "bad.yaml", baseDirectory: ".")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func thresholdAtOrAboveTheKinematicLimitIsAParseError() {
        // T_max(E) = 2E²/(m_e + 2E) at the ⁸Li endpoint of the broad ⁸Be state, E = 16.0958 MeV
        // (2 × 16.0958² / (0.511 + 2 × 16.0958) = 15.844 MeV; docs/physics.md §1.1, §4).
        let yaml = Self.good.replacingOccurrences(of: "threshold_mev: 1", with: "threshold_mev: 16")
        #expect(message(yaml) == "bad.yaml:8: key 'scenarios[1].threshold_mev': must lie below the kinematic limit "
                + "T_max = 15.844 MeV of the source's endpoint, got 16")
        let sharp = Self.good.replacingOccurrences(of: "threshold_mev: 1", with: "threshold_mev: 13")
            + "\nsource: {final_state: sharp}"
        // Sharp level at 3.03 MeV: E = 12.974 MeV, T_max = 12.72 MeV.
        #expect(message(sharp).hasPrefix("bad.yaml:8: key 'scenarios[1].threshold_mev': must lie below the kinematic limit T_max = 12.7"))
        #expect(message(Self.good + "\nscans: {thresholds_mev: [1, 0]}")
                == "bad.yaml:13: key 'scans.thresholds_mev[1]': must be a positive number of MeV, got 0")
    }

    @Test func argonThresholdsAndCountsAreCheckedAtParsing() {
        let argon = ArgonStudyTests.smallCard
        #expect(message(argon.replacingOccurrences(of: "  threshold_mev: 3\n", with: "  threshold_mev: 40\n"))
                .contains("key 'argon.threshold_mev': must lie below the kinematic limit T_max = 15.844 MeV"))
        #expect(message(argon.replacingOccurrences(of: "thresholds_mev: [2, 4]", with: "thresholds_mev: [2, 16]"))
                .contains("key 'argon.scans.thresholds_mev[1]': must lie below the kinematic limit"))
        #expect(message(argon.replacingOccurrences(of: "brute_force_decays: 100000", with: "brute_force_decays: 1e14"))
                .contains("key 'argon.brute_force_decays': must be a number of decays in [0, 10000000000000.0], got 100000000000000"))
    }

    @Test func scenarioNamesThatGiveTheSameFileNamesAreRefused() {
        let yaml = """
            format: nue-card/1
            title: clash
            scenarios:
              - {name: "KamLAND >3 MeV", detector: kamland, threshold_mev: 3, events: 3000}
              - {name: "kamland 3MeV", detector: kamland, threshold_mev: 3, events: 6000}
            models: [{model: magnetic-moment}]
            """
        #expect(message(yaml) == "bad.yaml:5: key 'scenarios[1].name': scenario name 'kamland 3MeV' gives the same "
                + "output file names ('kamland-3mev') as 'KamLAND >3 MeV'; give the scenarios names that differ in letters or digits")
    }

    @Test func deepNestingIsRefusedBeforeTheYAMLParser() {
        let flow = Self.good + "\nnotes: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(message(flow) == "bad.yaml:13: the run card nests deeper than 64 levels of [ ] or { }")
        var block = Self.good + "\nnotes:\n"
        for level in 1...200 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        // notes: is line 13; level k (k columns) is on line 13 + k; k = 129 is the first over 128.
        #expect(message(block).hasPrefix("bad.yaml:142: the run card is indented deeper than 128 columns"))
        // Brackets inside quoted text do not count.
        let quoted = Self.good + "\nnotes: \"" + String(repeating: "[", count: 100) + "\""
        #expect(message(quoted) == "no error")
    }

    @Test func oversizedDirectoryAndNonUTF8CardsGetOneSentence() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func load(_ path: String) -> String {
            do { _ = try RunCard.load(path: path); return "no error" } catch { return error.description }
        }
        #expect(load(directory) == "\(directory):0: is a directory, not a run card (give a .yaml file)")

        let latin1 = (directory as NSString).appendingPathComponent("latin1.yaml")
        try Data(Self.good.utf8 + [0x0A, 0x23, 0x20, 0xE9, 0x74, 0xE9]).write(to: URL(fileURLWithPath: latin1))
        #expect(load(latin1) == "\(latin1):0: is not UTF-8 text; a run card is a YAML text file")

        let huge = (directory as NSString).appendingPathComponent("huge.yaml")
        try Data(Self.good.utf8 + Array(repeating: 0x23, count: CardTextLimits.maximumBytes)).write(to: URL(fileURLWithPath: huge))
        #expect(load(huge) == "\(huge):0: the run card is larger than 1048576 bytes; a card is a few kB of YAML")
    }

    @Test func everyMacroStillParses() throws {
        let macros = TestSupport.path("macros")
        for file in try FileManager.default.contentsOfDirectory(atPath: macros) where file.hasSuffix(".yaml") {
            _ = try RunCard.load(path: (macros as NSString).appendingPathComponent(file))
        }
    }
}
