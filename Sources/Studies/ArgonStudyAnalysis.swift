import Foundation
import Output
import Physics
import Simulation

/// `argon`: the DUNE-like LAr module against ⁴²Ar/⁴²K (`ArgonStudy`, `docs/argon.md`), run by
/// `StudyRunner` like every other analysis. The card's `scenarios` are the reference detectors,
/// its `models` the hypotheses, its `argon:` block the module, scans and brute-force check.
///
/// Output (written by the common writers into `outputs/<card>/`):
/// - table `argon`: the least rejection R (⁴²Ar depletion × other rejection) that matches each
///   reference, per threshold and model, with a `status` column (a failed row counts as a failure);
/// - `scan_argon_depletion_<p>.csv`, `scan_argon_direction_resolution_<p>.csv`,
///   `scan_argon_energy_resolution_a_<p>.csv`, `scan_argon_threshold_<p>.csv` (`PlotData.scan`,
///   p = mu_nu or g): limits vs R, σ_θ, the stochastic term a and the threshold, the cut
///   optimized per point, with the references as flat curves;
/// - `spectrum_argon_base.csv`: signal and background after cuts at the base point;
/// - `conclusion.md`: the answer paragraph;
/// - `result.json` → `results.details.argon`: base points, reference limits, total decays, the
///   conclusion and the brute-force check when `argon.brute_force_decays` > 0.
enum ArgonStudyAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        do {
            return try runStudy(context)
        } catch {
            // Nothing computed (bad configuration, unreadable input): one failed row, the run goes on.
            context.progress("argon: failed: \(error)")
            var table = try emptyTable()
            try table.append(Array(repeating: .missing, count: table.columns.count - 1) + [AnalysisOutput.status(error)])
            return AnalysisOutput(analysis: .argon, table: table, failures: 1)
        }
    }

    static func runStudy(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        let block = card.argon ?? RunCard.Argon()
        let base = block.configuration(binWidthMeV: card.binning.binWidthMeV, cl: card.cl)
        let references = try card.scenarios.map { s in
            ArgonReference(name: s.name, scenario: try card.simulationScenario(s, spectrum: context.spectrum),
                           normalization: s.normalizationConstraint)
        }
        let models: [NewPhysicsModel.Kind] = card.models.isEmpty ? NewPhysicsModel.Kind.allCases
            : Array(Set(card.models.map(\.model)))
                .sorted { $0.rawValue > $1.rawValue }
        let study = ArgonStudy(base: base, models: models, references: references, scans: block.scans, spectrum: context.spectrum)
        // Progress: a line every tenth of the limits.
        let result = try study.run(threads: context.threads) { done, total in
            if total > 0, done == total || done % max(1, total / 10) == 0 { context.progress("argon: \(done)/\(total) limits") }
        }

        var bruteForce: ArgonBruteForceCheck.Report?
        let analysis = try ArgonAnalysis(spectrum: context.spectrum)
        if block.bruteForceDecays > 0 {
            let cut = result.base.first?.cosineCut ?? -1
            bruteForce = try ArgonBruteForceCheck.run(analysis: analysis, config: base, cosineCut: cut,
                                                      decays: block.bruteForceDecays, seed: block.seed, threads: context.threads)
            if let b = bruteForce {
                context.progress("argon: brute force \(b.decays) decays, χ² = \(StudyContext.short(b.chi2))/\(b.ndf), p = \(StudyContext.short(b.p_value))")
            }
        }
        var systematics: [ArgonSystematicsResult] = []
        if let selection = block.systematics, !selection.isNone {
            let nuisances = try selection.nuisances(detectorPreset: "dune-lar",
                                                    hasSourceShape: try SourceShapeVariation.lithium8Measured.contains(context.spectrum),
                                                    option: "argon.systematics")
            systematics = try result.base.map { p in
                try analysis.systematicLimits(base, model: p.model, cosineCut: p.cosineCut, systematics: nuisances)
            }
            context.progress("argon: base point with \(nuisances.count) systematics profiled")
        }
        let table = try rejectionTable(result)
        var data = try plotData(result, base: base, analysis: analysis)
        if !systematics.isEmpty { data.append(("systematics_argon", try systematicsTable(systematics))) }
        let label = block.systematics?.label ?? ""
        let conclusion = result.conclusion + (systematics.isEmpty ? "" : " " + systematicsSentence(systematics, label: label))
        var details = try results(result, base: base, bruteForce: bruteForce, conclusion: conclusion)
        if !systematics.isEmpty, case .object(var pairs) = details {
            pairs.append(("systematics", systematicsJSON(systematics, label: label)))
            details = .object(pairs)
        }
        return AnalysisOutput(analysis: .argon, table: table, data: data, results: details,
                              failures: result.rejections.filter { $0.failure != nil }.count + systematics.map(\.failedFits).reduce(0, +),
                              documents: [("conclusion.md", conclusion + "\n")])
    }

    /// `systematics_argon.csv`: per model at its base cut, the limit without shape systematics, with
    /// all profiled, and with each held at nominal in turn.
    static func systematicsTable(_ rows: [ArgonSystematicsResult]) throws -> ResultTable {
        var table = try ResultTable(title: "DUNE-like argon: base-point limits with detector and source systematics (dune-lar defaults)",
                                    columns: [.init("parameter"), .init("cos_cut", title: "cos θ cut"), .init("fixed"),
                                              .init("limit"), .init("ratio_to_all", title: "limit / all profiled")])
        for r in rows {
            let lines = [("no shape systematics", r.limitWithoutSystematics), ("none fixed", r.limit)] + r.held.map { ($0.name, $0.limit) }
            for (label, limit) in lines {
                try table.append([.text(r.model.parameter.name), .number(r.cosineCut), .text(label), AnalysisOutput.number(limit),
                                  AnalysisOutput.number(limit / r.limit)])
            }
        }
        return table
    }

    /// `results.details.argon.systematics` of `result.json`.
    static func systematicsJSON(_ rows: [ArgonSystematicsResult], label: String) -> JSONValue {
        func num(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }
        return .object([("selection", .string(label)), ("base", .array(rows.map { r in
            .object([("parameter", .string(r.model.parameter.name)), ("cos_cut", num(r.cosineCut)),
                     ("limit_without_systematics", num(r.limitWithoutSystematics)), ("limit", num(r.limit)),
                     ("held", .object(r.held.map { ($0.name, num($0.limit)) })), ("failed_fits", .number(Double(r.failedFits)))])
        }))])
    }

    /// The conclusion's sentence on systematics: each model's base limit without and with them, and
    /// the nuisance whose holding moves it most.
    static func systematicsSentence(_ rows: [ArgonSystematicsResult], label: String) -> String {
        let parts = rows.map { r -> String in
            let top = r.held.min { $0.limit < $1.limit }
            let name = r.model == .magneticMoment ? "μν" : "g", unit = r.model == .magneticMoment ? " μ_B" : ""
            func q(_ x: Double) -> String { NumberFormatting.significant(x, digits: 3) + unit }
            return "\(name) \(q(r.limitWithoutSystematics)) → \(q(r.limit))" + (top.map { " (holding \($0.name) recovers most)" } ?? "")
        }
        return "With the dune-lar detector and source systematics profiled at the base point (\(label); every σ assumed, "
            + "docs/physics.md §16.4): " + parts.joined(separator: ", ") + "."
    }

    /// The scan files (one per scan and model) and the base-point spectrum.
    static func plotData(_ result: ArgonStudy.Result, base: ArgonConfiguration,
                         analysis: ArgonAnalysis) throws -> [(name: String, table: ResultTable)] {
        var data: [(name: String, table: ResultTable)] = []
        for (scan, byModel) in result.scans.sorted(by: { $0.key < $1.key }) {
            let tag = scan.replacingOccurrences(of: "_mev", with: "").replacingOccurrences(of: "_deg", with: "")
            for (model, curves) in byModel.sorted(by: { $0.key.rawValue > $1.key.rawValue }) {
                data.append((PlotData.fileName(.scan, tag: "argon_\(tag)_\(model.parameter.name)"),
                             try PlotData.scan(scan, parameter: model.parameter.name, curves: curves)))
            }
        }
        if let first = result.base.first {
            let signal = try analysis.signalTemplates(base, cosineCut: first.cosineCut)
            let all = try analysis.allBackgrounds(base, cosineCut: first.cosineCut)
            let total = all.templates.reduce(signal.standardModel) { zip($0, $1.cut).map(+) }
            data.append((PlotData.fileName(.spectrum, tag: "argon_base"),
                         try PlotData.spectrum(binEdges: signal.binning.edges, components: [("SM", signal.standardModel)]
                            + all.templates.map { ($0.name, $0.cut) } + [("SM + backgrounds", total)])))
        }
        if !result.budget.isEmpty {
            var table = try ResultTable(title: "DUNE-like argon: events per component above threshold (base point otherwise)", columns: [
                .init("threshold_mev", title: "threshold", unit: "MeV"), .init("component"),
                .init("events_before_cut", title: "events, no direction cut"), .init("events_after_cut", title: "events after the base cut"),
            ])
            for row in result.budget {
                try table.append([.number(row.thresholdMeV), .text(row.component), .number(row.eventsBeforeCut), .number(row.eventsAfterCut)])
            }
            data.append(("budget_argon", table))
        }
        if !result.impact.isEmpty {
            let models = result.base.map(\.model)
            var table = try ResultTable(title: "DUNE-like argon: base-point limits with ⁴²Ar/⁴²K plus each other background",
                                        columns: [.init("backgrounds")] + models.map { .init("limit_\($0.parameter.name)") })
            for row in result.impact {
                try table.append([.text(row.label)] + models.map { AnalysisOutput.number(row.limits[$0] ?? .nan) })
            }
            data.append(("impact_argon", table))
        }
        return data
    }

    /// The rejection table's columns, without rows.
    static func emptyTable() throws -> ResultTable {
        try ResultTable(title: "DUNE-like argon: rejection R (depletion × other) needed to match each reference", columns: [
            .init("threshold_mev", title: "threshold", unit: "MeV"), .init("reference"), .init("parameter"),
            .init("reference_limit", title: "reference limit"), .init("limit_r1", title: "limit at R = 1"),
            .init("limit_background_free", title: "limit, no background"), .init("required_rejection", title: "required R"),
            .init("status"),
        ])
    }

    /// The main table: required rejection per threshold, reference and model.
    static func rejectionTable(_ result: ArgonStudy.Result) throws -> ResultTable {
        var table = try emptyTable()
        for row in result.rejections {
            let required: ResultTable.Cell = row.failure != nil ? .missing : row.requiredRejection.map { .number($0) } ?? .text("unreachable")
            try table.append([.number(row.thresholdMeV), .text(row.reference), .text(row.model.parameter.name),
                              AnalysisOutput.number(row.referenceLimit), AnalysisOutput.number(row.limitWithoutRejection),
                              AnalysisOutput.number(row.backgroundFreeLimit), required,
                              row.failure.map { .text("failed: \($0)") } ?? AnalysisOutput.status(nil)])
        }
        return table
    }

    /// `results.details.argon` of `result.json`.
    static func results(_ r: ArgonStudy.Result, base: ArgonConfiguration, bruteForce: ArgonBruteForceCheck.Report?,
                        conclusion: String) throws -> JSONValue {
        func num(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }
        let basePoints: [JSONValue] = r.base.map { p in
            .object([("model", .string(p.model.rawValue)), ("parameter", .string(p.model.parameter.name)), ("limit", num(p.limit)),
                     ("cos_cut", num(p.cosineCut)), ("signal_events", num(p.signalEvents)),
                     ("background_events", num(p.backgroundEvents)), ("sideband_events", num(p.sidebandEvents)),
                     ("background_sigma", num(p.backgroundSigma)), ("background_events_total", num(p.totalBackgroundEvents)),
                     ("components", .array(p.components.map { c in
                         .object([("name", .string(c.name)), ("events", num(c.events)), ("events_before_cut", num(c.eventsBeforeCut)),
                                  ("sigma", num(c.sigma)), ("direction", .string(c.direction)), ("rate_assumed", .bool(c.rateIsAssumed)),
                                  ("reference", .string(c.reference))])
                     }))])
        }
        let refs: [(String, JSONValue)] = r.referenceLimits.sorted { $0.key < $1.key }.map { name, limits in
            (name, .object(limits.sorted { $0.key.rawValue > $1.key.rawValue }.map { ($0.key.parameter.name, num($0.value)) }))
        }
        var pairs: [(String, JSONValue)] = [
            ("base_configuration", try JSONValue(encoding: base)), ("base", .array(basePoints)),
            ("reference_limits", .object(refs)), ("decays_total", num(base.chain.totalDecays)),
            ("impact", .array(r.impact.map { row in
                .object([("backgrounds", .string(row.label))]
                        + row.limits.sorted { $0.key.rawValue > $1.key.rawValue }.map { ($0.key.parameter.name, num($0.value)) })
            })),
            ("conclusion", .string(conclusion)),
        ]
        if let bruteForce { pairs.append(("brute_force", try JSONValue(encoding: bruteForce))) }
        return .object(pairs)
    }
}
