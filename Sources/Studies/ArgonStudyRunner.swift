import Foundation
import Physics
import Simulation
import Output

/// Runs the `argon` analysis of a card and writes `<outputRoot>/<card name>/` (or
/// `outputs.directory`):
///
/// - `table.md`, `table.csv`: the least rejection R (⁴²Ar depletion × other rejection) that
///   matches each reference scenario of the card, per threshold and model;
/// - `scan_argon_depletion_<p>.csv`, `scan_argon_direction_resolution_<p>.csv`,
///   `scan_argon_threshold_<p>.csv` (`PlotData.scan`, p = mu_nu or g): limits vs rejection,
///   σ_θ and threshold, the cut optimized per point, with the references as flat curves;
/// - `spectrum_argon_base.csv`: signal and background after cuts at the base point;
/// - `conclusion.md`: the answer paragraph; `result.json`: all of it, plus the brute-force
///   check when `argon.brute_force_decays` > 0.
public enum ArgonStudyRunner {
    /// What a run wrote and found.
    public struct Summary: Sendable {
        public var files: [String]
        public var result: ArgonStudy.Result
        public var bruteForce: ArgonBruteForceCheck.Report?
    }

    /// - Parameters:
    ///   - threads: workers (models run concurrently; the brute-force check uses all).
    ///   - progress: (steps done, total), from any thread.
    public static func run(card loaded: LoadedCard, outputRoot: URL, threads: Int = 1,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Summary {
        try run(card: loaded, into: OutputDirectory(path: loaded.outputDirectory(root: outputRoot.path)),
                threads: threads, progress: progress)
    }

    /// The same, writing into `out` (what `nue run --out DIR` asks for).
    public static func run(card loaded: LoadedCard, into out: OutputDirectory, threads: Int = 1,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Summary {
        let card = loaded.card
        let block = card.argon ?? RunCard.Argon()
        let base = block.configuration(binWidthMeV: card.binning.binWidthMeV, cl: card.cl)
        let spectrum = try card.sourceSpectrum(cardDirectory: (loaded.path as NSString).deletingLastPathComponent)
        let references = try card.scenarios.map { s in
            ArgonReference(name: s.name,
                           scenario: try card.simulationScenario(s, spectrum: spectrum),
                           normalization: s.normalizationConstraint)
        }
        let models: [ArgonModel] = card.models.isEmpty ? ArgonModel.allCases
            : Array(Set(card.models.map { $0.model == .magneticMoment ? ArgonModel.magneticMoment : .lightVector }))
                .sorted { $0.rawValue > $1.rawValue }
        let study = ArgonStudy(base: base, models: models, references: references, scans: block.scans, spectrum: spectrum)
        let result = try study.run(threads: threads, progress: progress)

        var bruteForce: ArgonBruteForceCheck.Report?
        let analysis = try ArgonAnalysis()
        if block.bruteForceDecays > 0 {
            let cut = result.base.first?.cosineCut ?? -1
            bruteForce = try ArgonBruteForceCheck.run(analysis: analysis, config: base, cosineCut: cut,
                                                      decays: block.bruteForceDecays, seed: block.seed, threads: threads)
        }

        var data: [(name: String, table: ResultTable)] = []
        if card.outputs.plots {
            for (scan, byModel) in result.scans.sorted(by: { $0.key < $1.key }) {
                for (model, curves) in byModel.sorted(by: { $0.key.rawValue > $1.key.rawValue }) {
                    data.append((PlotData.fileName(.scan, tag: "argon_\(scan.replacingOccurrences(of: "_mev", with: "").replacingOccurrences(of: "_deg", with: ""))_\(model.parameter)"),
                                 try PlotData.scan(scan, parameter: model.parameter, curves: curves)))
                }
            }
            if let first = result.base.first {
                let signal = try analysis.signalTemplates(base, cosineCut: first.cosineCut)
                let background = try analysis.backgroundCounts(base, binning: signal.binning)
                    .map { $0 * IsotropicDirection.fractionPassing(cosineCut: first.cosineCut) }
                data.append((PlotData.fileName(.spectrum, tag: "argon_base"),
                             try PlotData.spectrum(binEdges: signal.binning.edges, components: [
                                ("SM", signal.standardModel), ("Ar42+K42", background),
                                ("SM + Ar42+K42", zip(signal.standardModel, background).map(+))])))
            }
        }
        let table = try rejectionTable(result)
        let document = ResultDocument(provenance: .current(card: loaded, seed: block.seed), card: card,
                                      results: try results(result, base: base, bruteForce: bruteForce))
        var files = try out.writeAll(main: table, data: data, document: document, outputs: card.outputs)
        let conclusionPath = out.file("conclusion.md")
        try AtomicFile.write(result.conclusion + "\n", to: conclusionPath)
        files.append(conclusionPath)
        return Summary(files: files, result: result, bruteForce: bruteForce)
    }

    /// The main table: required rejection per threshold, reference and model.
    static func rejectionTable(_ result: ArgonStudy.Result) throws -> ResultTable {
        var table = try ResultTable(title: "DUNE-like argon: rejection R (depletion × other) needed to match each reference", columns: [
            .init("threshold_mev", title: "threshold", unit: "MeV"), .init("reference"), .init("parameter"),
            .init("reference_limit", title: "reference limit"), .init("limit_r1", title: "limit at R = 1"),
            .init("limit_background_free", title: "limit, no background"), .init("required_rejection", title: "required R"),
        ])
        for row in result.rejections {
            try table.append([.number(row.thresholdMeV), .text(row.reference), .text(row.model.parameter),
                              .number(row.referenceLimit), .number(row.limitWithoutRejection), .number(row.backgroundFreeLimit),
                              row.requiredRejection.map { .number($0) } ?? .text("unreachable")])
        }
        return table
    }

    static func results(_ r: ArgonStudy.Result, base: ArgonConfiguration, bruteForce: ArgonBruteForceCheck.Report?) throws -> JSONValue {
        func num(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }
        let basePoints: [JSONValue] = r.base.map { p in
            .object([("model", .string(p.model.rawValue)), ("parameter", .string(p.model.parameter)), ("limit", num(p.limit)),
                     ("cos_cut", num(p.cosineCut)), ("signal_events", num(p.signalEvents)),
                     ("background_events", num(p.backgroundEvents)), ("sideband_events", num(p.sidebandEvents)),
                     ("background_sigma", num(p.backgroundSigma))])
        }
        let refs: [(String, JSONValue)] = r.referenceLimits.sorted { $0.key < $1.key }.map { name, limits in
            (name, .object(limits.sorted { $0.key.rawValue > $1.key.rawValue }.map { ($0.key.parameter, num($0.value)) }))
        }
        var pairs: [(String, JSONValue)] = [
            ("base_configuration", try JSONValue(encoding: base)), ("base", .array(basePoints)),
            ("reference_limits", .object(refs)), ("decays_total", num(base.chain.totalDecays)),
            ("conclusion", .string(r.conclusion)),
        ]
        if let bruteForce { pairs.append(("brute_force", try JSONValue(encoding: bruteForce))) }
        return .object(pairs)
    }
}
