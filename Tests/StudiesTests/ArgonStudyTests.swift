import Foundation
import Physics
import Simulation
import Testing
@testable import Studies

/// The argon study: physics behaviour of the limits, the card block, errors, and the runner.
@Suite struct ArgonStudyTests {
    let analysis: ArgonAnalysis
    init() throws { analysis = try ArgonAnalysis() }

    @Test func limitsBehave() throws {
        var c = ArgonConfiguration()
        c.cosineCut = 0.5
        c.binWidthMeV = 0.5
        let r1 = try analysis.evaluate(c, model: .magneticMoment)
        c.depletion = 1e4
        let r4 = try analysis.evaluate(c, model: .magneticMoment)
        c.depletion = 1e14
        let free = try analysis.evaluate(c, model: .magneticMoment)
        #expect(r1.limit > r4.limit && r4.limit > free.limit)
        #expect(abs(r4.backgroundEvents * 1e4 / r1.backgroundEvents - 1) < 1e-12)
        #expect(r1.signalEvents == free.signalEvents)
        // Sideband: N_sb = N_bkg (1 + c)/(1 − c) = 3 N_bkg for c = 0.5, σ_b = 1/√N_sb.
        #expect(abs(r1.sidebandEvents / (3 * r1.backgroundEvents) - 1) < 1e-12)
        #expect(abs(r1.backgroundSigma * r1.sidebandEvents.squareRoot() - 1) < 1e-12)
        // No cut: no sideband, the background normalization is free.
        c.cosineCut = -1
        c.depletion = 1
        #expect(try analysis.evaluate(c, model: .magneticMoment).backgroundSigma == .infinity)
        // 250 000 events with T > 0, whatever the threshold.
        #expect(abs(try analysis.totalSignalEvents(c) / 250_000 - 1) < 1e-12)
        c.massKilotonnes = 20
        #expect(abs(try analysis.totalSignalEvents(c) / 500_000 - 1) < 1e-12)
    }

    @Test func optimizedCutIsTheBestOfTheGrid() throws {
        var c = ArgonConfiguration()
        c.binWidthMeV = 0.5
        c.thresholdMeV = 1
        c.depletion = 1e3
        let best = try analysis.evaluate(c, model: .lightVector)
        for cut in [-1.0, 0.5, 0.9] {
            #expect(best.limit <= (try analysis.evaluate(c, model: .lightVector, cosineCut: cut)).limit * (1 + 1e-9))
        }
    }

    @Test func badConfigurationsAreErrors() throws {
        let limit = analysis.kinematicLimitMeV
        for mutate in [{ (c: inout ArgonConfiguration) in c.depletion = -3 }, { $0.depletion = .nan }, { $0.thresholdMeV = 20 },
                       { $0.thresholdMeV = .nan }, { $0.cosineCut = 1 }, { $0.potassiumBulkFraction = 1.5 },
                       { $0.massKilotonnes = 0 }, { $0.directionResolutionDegrees = -5 }] {
            var c = ArgonConfiguration()
            mutate(&c)
            #expect(throws: ArgonStudyError.self) { try c.validate(kinematicLimitMeV: limit) }
            #expect(throws: ArgonStudyError.self) { try analysis.evaluate(c, model: .magneticMoment) }
        }
    }

    static let smallCard = """
        format: nue-card/1
        title: argon test
        analyses: [argon]
        scenarios:
          - {name: KamLAND >3 MeV, detector: kamland, threshold_mev: 3.0, events: 3000}
        models:
          - model: magnetic-moment
        binning: {bin_width_mev: 1.0}
        argon:
          depletion: 10
          threshold_mev: 3
          cos_cut: auto
          background_sigma: sideband
          brute_force_decays: 100000
          scans:
            depletion: {from: 1, to: 1.0e4, points: 3}
            direction_resolution_deg: [10, 40]
            thresholds_mev: [2, 4]
            curve_thresholds_mev: [2]
            curve_depletions: [1]
        """

    @Test func cardParsesAndRoundTrips() throws {
        let card = try RunCard.parse(yaml: Self.smallCard, file: "argon.yaml")
        let a = try #require(card.argon)
        #expect(a.depletion == 10 && a.cosCut == nil && a.backgroundSigma == nil && a.bruteForceDecays == 100_000)
        #expect(a.scans.depletion.values.count == 3)
        #expect(try RunCard.parse(yaml: try card.yaml(), file: "again.yaml") == card)
        let config = a.configuration(binWidthMeV: 1, cl: 0.9)
        #expect(config.depletion == 10 && config.signalEventsPer10kt == 250_000 && config.cosineCut == nil)
        let fixed = try RunCard.parse(yaml: Self.smallCard.replacingOccurrences(of: "cos_cut: auto", with: "cos_cut: 0.7"), file: "x")
        #expect(fixed.argon?.cosCut == 0.7)
    }

    @Test func shippedCardParsesAndRoundTrips() throws {
        let loaded = try RunCard.load(path: TestSupport.path("macros/argon.yaml"))
        #expect(loaded.card.analyses == [.argon])
        #expect(loaded.card.argon?.bruteForceDecays == 100_000_000)
        #expect(try RunCard.parse(yaml: try loaded.card.yaml(), file: "again.yaml") == loaded.card)
    }

    @Test(arguments: [
        ("depletion: 10", "depletion: 0.5", "key 'argon.depletion': must be ≥ 1"),
        ("cos_cut: auto", "cos_cut: maybe", "key 'argon.cos_cut': expected 'auto' or a number"),
        ("threshold_mev: 3\n", "treshold_mev: 3\n", "key 'argon.treshold_mev': unknown key"),
        ("depletion: 10", "depletion: .nan", "key 'argon.depletion': must be a finite number"),
        ("from: 1, to", "from: 0.1, to", "rejections must be ≥ 1"),
    ])
    func cardErrorsNameFileLineAndKey(original: String, replacement: String, message: String) throws {
        let text = Self.smallCard.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try RunCard.parse(yaml: text, file: "argon.yaml")
            Issue.record("no error for \(replacement)")
        } catch {
            #expect(error.description.hasPrefix("argon.yaml:"), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func runnerWritesOutputs() throws {
        let dir = try TestSupport.temporaryDirectory()
        let cardPath = (dir as NSString).appendingPathComponent("argon.yaml")
        try Self.smallCard.write(toFile: cardPath, atomically: true, encoding: .utf8)
        let loaded = try RunCard.load(path: cardPath)
        let summary = try ArgonStudyRunner.run(card: loaded, outputRoot: URL(fileURLWithPath: dir), threads: 2)
        let out = (dir as NSString).appendingPathComponent("argon")
        for name in ["table.md", "table.csv", "result.json", "conclusion.md", "scan_argon_depletion_mu_nu.csv",
                     "scan_argon_direction_resolution_mu_nu.csv", "scan_argon_threshold_mu_nu.csv", "spectrum_argon_base.csv"] {
            #expect(FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent(name)), "\(name)")
        }
        let scan = try String(contentsOfFile: (out as NSString).appendingPathComponent("scan_argon_depletion_mu_nu.csv"), encoding: .utf8)
        #expect(scan.hasPrefix("scan,x,parameter,limit,curve\n"))
        #expect(summary.result.rejections.count == 3)  // thresholds 2, 3 (base), 4 × one reference × one model
        #expect(summary.result.conclusion.contains("KamLAND >3 MeV"))
        let brute = try #require(summary.bruteForce)
        #expect(brute.decays == 100_000)
        let json = try String(contentsOfFile: (out as NSString).appendingPathComponent("result.json"), encoding: .utf8)
        #expect(json.contains("\"brute_force\"") && json.contains("\"conclusion\""))
    }
}
