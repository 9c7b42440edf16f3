import Foundation
import Testing
@testable import Studies

@Suite struct RunCardParsingTests {
    static let cards = ["smoke", "isodar-sensitivity", "toys-validation", "gm-exclusion",
                        "threshold-and-norm-scans", "sin2w-precision", "exposure"]

    @Test(arguments: cards)
    func everyShippedCardParses(name: String) throws {
        let loaded = try RunCard.load(path: TestSupport.path("macros/\(name).yaml"))
        #expect(loaded.name == name)
        #expect(loaded.card.format == "nue-card/1")
        #expect(!loaded.card.scenarios.isEmpty)
        #expect(loaded.outputDirectory() == "outputs/\(name)")
    }

    @Test(arguments: cards)
    func yamlRoundTripGivesTheSameCard(name: String) throws {
        let card = try RunCard.load(path: TestSupport.path("macros/\(name).yaml")).card
        let again = try RunCard.parse(yaml: try card.yaml(), file: "roundtrip.yaml")
        #expect(again == card)
        let json = try JSONEncoder().encode(card)
        #expect(try JSONDecoder().decode(RunCard.self, from: json) == card)
    }

    @Test func missionScenariosAreTheSixRows() throws {
        let card = try RunCard.load(path: TestSupport.path("macros/isodar-sensitivity.yaml")).card
        let rows = card.scenarios.map { "\($0.detector) \($0.thresholdMeV) \($0.events ?? -1) \($0.normSigma)" }
        #expect(rows == ["kamland 3.0 3000.0 0.007", "kamland 1.0 7500.0 0.007", "juno 3.0 80000.0 0.007",
                         "juno 1.0 200000.0 0.007", "juno 0.2 280000.0 0.007", "snoplus 0.2 10500.0 0.007"])
        #expect(card.statistic.statistics == ["poisson", "pearson"])
        #expect(Set(card.models.map(\.model)) == [.magneticMoment, .lightVector])
    }

    @Test func defaultsAreFilledIn() throws {
        let card = try RunCard.parse(yaml: """
            format: nue-card/1
            title: minimal
            scenarios:
              - {detector: kamland, threshold_mev: 3, events: 3000}
            models:
              - model: light-vector
            """)
        #expect(card.analyses == [.asimov])
        #expect(card.cl == 0.90)
        #expect(card.statistic == .poisson)
        #expect(card.sin2ThetaW == 0.23867)
        #expect(card.binning == RunCard.Binning(binWidthMeV: 0.1, maxMeV: nil))
        #expect(card.source == RunCard.Source(finalState: .measured, intensityPerYear: 2.6e22, liveTimeYears: 5, upTime: 0.9))
        #expect(card.radiativeCorrections == false)
        #expect(card.scenarios[0].name == "kamland >3 MeV")
        #expect(card.scenarios[0].normSigma == 0.007)
        #expect(card.scenarios[0].normalization == .events(3000))
        #expect(card.models[0] == RunCard.Model(model: .lightVector, mediatorMassesMeV: [0], interference: .exact))
        #expect(card.outputs == RunCard.Outputs())
    }

    @Test func logGridEndsExactlyAndIsGeometric() throws {
        let card = try RunCard.load(path: TestSupport.path("macros/gm-exclusion.yaml")).card
        let grid = try #require(card.scans?.mediatorMassMeV).values
        #expect(grid.count == 41)
        #expect(grid.first == 0.001)
        #expect(grid.last == 100)
        #expect(abs(grid[8] / 0.01 - 1) < 1e-12)   // 8 points per decade
    }

    @Test func exposureCardUsesACustomDetector() throws {
        let card = try RunCard.load(path: TestSupport.path("macros/exposure.yaml")).card
        #expect(card.detectors.map(\.name) == ["yemilab"])
        #expect(card.detectors[0].sourceDistanceM == 17)
        #expect(card.scenarios[2].normalization == .exposure)
        #expect(card.scenarios[2].intensityPerYear == 1.0e23)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
