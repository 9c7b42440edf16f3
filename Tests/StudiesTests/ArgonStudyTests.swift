import Foundation
import Output
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
            #expect(throws: StudyError.self) { try c.validate(kinematicLimitMeV: limit) }
            #expect(throws: StudyError.self) { try analysis.evaluate(c, model: .magneticMoment) }
        }
    }

    /// The other backgrounds: each component's events match the budget and impact tables, the
    /// impact row "all" is the base limit, ⁴²Ar/⁴²K alone is the `.none` configuration, and the
    /// conclusion quotes the base limit. Switching everything off restores the ⁴²Ar/⁴²K-only limit.
    @Test func backgroundBudgetIsConsistent() throws {
        var base = ArgonConfiguration()
        base.binWidthMeV = 0.5
        base.cosineCut = 0.5
        var scans = RunCard.ArgonScans()
        scans.depletion = RunCard.LogGrid(from: 1, to: 100, points: 2)
        scans.directionResolutionDeg = [30]
        scans.thresholdsMeV = [3]
        scans.curveThresholdsMeV = [3]
        scans.curveDepletions = [1]
        scans.energyResolutionStochastic = [0.45]
        scans.neutronCapturePerKtDay = [0, 10]
        let study = ArgonStudy(base: base, models: [.magneticMoment], references: [], scans: scans)
        let result = try study.run()
        let point = try #require(result.base.first)
        #expect(point.components.map(\.name) == ["Ar42+K42", "Ar39", "Ar39-pileup", "solar-b8", "solar-hep", "nue-Ar40-CC", "n-capture"])
        let all = try #require(result.impact.last)
        #expect(all.label == "all" && all.limits[.magneticMoment] == point.limit)
        var only = base
        only.backgrounds = .none
        let alone = try analysis.evaluate(only, model: .magneticMoment)
        #expect(result.impact.first?.limits[.magneticMoment] == alone.limit && alone.components.count == 1)
        #expect(point.limit > alone.limit)
        for c in point.components {
            let row = try #require(result.budget.first { $0.thresholdMeV == 3 && $0.component == c.name })
            #expect(abs(row.eventsAfterCut / c.events - 1) < 1e-12 && abs(row.eventsBeforeCut / c.eventsBeforeCut - 1) < 1e-12, "\(c.name)")
            // Isotropic components keep (1 − c)/2 = 0.25 of their events.
            if c.direction == "isotropic" { #expect(abs(c.events / c.eventsBeforeCut - 0.25) < 1e-12) }
        }
        // The capture scan at the base rate reproduces the base point; at 0 it is "all but n-capture".
        let curve = try #require(result.scans["n_capture"]?[.magneticMoment]?.first)
        #expect(curve.y[1] == point.limit)
        #expect(curve.y[0] == result.impact.first { $0.label == "all but n-capture" }?.limits[.magneticMoment])
        let text = result.conclusion
        #expect(text.contains("μν < " + NumberFormatting.significant(point.limit, digits: 3).replacingOccurrences(of: "e-11", with: "e-11")
            .prefix(4)))
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
          systematics: [efficiency, resolution]
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

    /// Runs `yaml` through the common `StudyRunner` into a temporary directory (fixed provenance).
    static func runCard(_ yaml: String) throws -> (StudyRunner.Outcome, OutputDirectory, [String]) {
        let dir = try TestSupport.temporaryDirectory()
        let cardPath = (dir as NSString).appendingPathComponent("argon.yaml")
        try yaml.write(toFile: cardPath, atomically: true, encoding: .utf8)
        let loaded = try RunCard.load(path: cardPath)
        let out = OutputDirectory(path: (dir as NSString).appendingPathComponent("argon"))
        let lines = LineSink()
        let options = StudyRunner.Options(threads: 2, progress: { lines.append($0) }, date: Date(timeIntervalSince1970: 0),
                                          gitCommit: String(repeating: "a", count: 40))
        let outcome = try StudyRunner(card: loaded, options: options).run(into: out)
        return (outcome, out, lines.all)
    }

    @Test func runnerWritesTheStandardFiles() throws {
        let (outcome, out, lines) = try Self.runCard(Self.smallCard)
        defer { try? FileManager.default.removeItem(atPath: (out.path as NSString).deletingLastPathComponent) }
        #expect(outcome.failures == 0)
        #expect(lines.contains { $0.hasPrefix("argon: ") && $0.hasSuffix(" limits") }, "\(lines)")
        for name in ["table.md", "table.csv", "result.json", "conclusion.md", "scan_argon_depletion_mu_nu.csv",
                     "scan_argon_direction_resolution_mu_nu.csv", "scan_argon_energy_resolution_a_mu_nu.csv",
                     "scan_argon_threshold_mu_nu.csv", "spectrum_argon_base.csv"] {
            #expect(outcome.written.contains(out.file(name)), "\(name)")
        }
        let scan = try String(contentsOfFile: out.file("scan_argon_depletion_mu_nu.csv"), encoding: .utf8)
        #expect(scan.hasPrefix("scan,x,parameter,limit,curve\n"))
        // Thresholds 2, 3 (base), 4 × one reference × one model, each with status ok.
        let csv = try String(contentsOfFile: out.file("table.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "threshold_mev,reference,parameter,reference_limit,limit_r1,limit_background_free,required_rejection,status")
        #expect(csv.count == 4 && csv.dropFirst().allSatisfy { $0.hasSuffix(",ok") })
        let markdown = try String(contentsOfFile: out.file("table.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# argon test\n\n## DUNE-like argon: rejection R"))
        let conclusion = try String(contentsOfFile: out.file("conclusion.md"), encoding: .utf8)
        #expect(conclusion.contains("KamLAND >3 MeV"))
        // argon.systematics (docs/physics.md §16.9): per model the limit without shape systematics
        // (the base point's limit of result.json, computed without the systematic model, to 10⁻¹²),
        // with both profiled (wider) and with each held (in between).
        let rows = try String(contentsOfFile: out.file("systematics_argon.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        #expect(rows.first == ["parameter", "cos_cut", "fixed", "limit", "ratio_to_all"] && rows.count == 1 + 4, "\(rows)")
        let limits = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (String($0[2]), Double($0[3]) ?? .nan) })
        let none = try #require(limits["no shape systematics"]), all = try #require(limits["none fixed"])
        #expect(all > none && [limits["efficiency"], limits["resolution"]].allSatisfy { $0.map { $0 <= all * (1 + 1e-6) && $0 >= none * (1 - 1e-6) } ?? false },
                "\(limits)")
        #expect(conclusion.contains("With the dune-lar detector and source systematics profiled"), "\(conclusion)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.file("result.json")))) as? [String: Any])
        let provenance = try #require(json["provenance"] as? [String: Any])
        #expect(provenance["git_commit"] as? String == String(repeating: "a", count: 40))
        #expect(provenance["seed"] as? Int == 1 && provenance["date_utc"] as? String == "1970-01-01T00:00:00Z")
        let tables = try #require(json["tables"] as? [String: Any])
        #expect(tables["argon"] != nil)
        let results = try #require(json["results"] as? [String: Any])
        #expect(results["failed_rows"] as? Int == 0)
        let argon = try #require((results["details"] as? [String: Any])?["argon"] as? [String: Any])
        #expect(argon["conclusion"] as? String == conclusion.trimmingCharacters(in: .newlines))
        let basePoint = try #require((argon["base"] as? [[String: Any]])?.first?["limit"] as? Double)
        #expect(abs(none / basePoint - 1) < 1e-12, "\(none) vs \(basePoint)")
        #expect((argon["systematics"] as? [String: Any])?["selection"] as? String == "efficiency,resolution")
        let brute = try #require(argon["brute_force"] as? [String: Any])
        #expect(brute["decays"] as? Int == 100_000)
        #expect(try #require(brute["p_value"] as? Double) > 1e-4)
    }

    /// A study that fails at run time (out-of-range values fail at parsing): an activity of
    /// 10³⁰⁰ Bq/kg passes the card's check (≥ 0) but overflows the decay count to +∞, so the
    /// background templates are not finite. The table says so and the run counts a failure (exit
    /// status 1 in `nue run`); other analyses still run. (10³ Bq/kg, 10¹⁸ decays, failed before
    /// the fit's bin term was computed in log1p form; now its limit is found: the recoil spectrum
    /// above the ⁴²K tail stays background-free.)
    @Test func aFailingStudyIsAFailedRow() throws {
        let yaml = Self.smallCard
            .replacingOccurrences(of: "analyses: [argon]", with: "analyses: [exposure, argon]")
            .replacingOccurrences(of: "  depletion: 10\n", with: "  depletion: 1\n  activity_bq_per_kg: 1.0e300\n")
        let (outcome, out, lines) = try Self.runCard(yaml)
        defer { try? FileManager.default.removeItem(atPath: (out.path as NSString).deletingLastPathComponent) }
        #expect(outcome.outputs.map(\.analysis) == [.exposure, .argon])
        #expect(outcome.outputs[1].failures == 1)
        let csv = try String(contentsOfFile: out.file("table_argon.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 2 && csv[1].contains(",failed: component weight = inf"), "\(csv)")
        #expect(lines.contains { $0.hasPrefix("argon: failed: ") }, "\(lines)")
    }
}

/// Progress lines collected from any thread.
final class LineSink: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
