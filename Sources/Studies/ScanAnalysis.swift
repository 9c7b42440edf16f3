import Physics
import Statistics

/// `threshold-scan` and `norm-scan`: the Asimov limit vs the analysis threshold (exposure kept:
/// an `events: N` scenario fixes the exposure at its own threshold, `StudyContext.templatesAtFixedExposure`)
/// and vs the normalization uncertainty σ_norm, per scenario × model variant × statistic
/// → `scan_threshold_<scenario>_<parameter>.csv`, `scan_norm_<scenario>_<parameter>.csv`. A
/// scenario with systematics profiles them at every point (refolded at each threshold,
/// `StudyContext.systematicTemplates`; docs/physics.md §16.6).
enum ScanAnalysis {
    /// One scan point: the SM events and the quoted Asimov limit for a statistic.
    struct Point {
        var events: Double
        var limit: (TestStatistic) throws -> Double
    }

    static func thresholds(_ context: StudyContext) throws -> AnalysisOutput {
        let values = context.card.scans?.thresholdsMeV ?? []
        return try scan(context, analysis: .thresholdScan, key: "threshold_mev", tag: "threshold", xTitle: "Threshold",
                        unit: "MeV", values: values) { index, variant, threshold in
            if let systematic = try context.systematicFit(index, variant, threshold: threshold) { return point(systematic, context.card) }
            let templates = try context.templatesAtFixedExposure(index, mass: variant.mediatorMassMeV, threshold: threshold)
            return point(try context.studyScenario(index, variant).fit(templates: templates,
                                                                       backgrounds: try context.backgrounds(index, threshold: threshold).templates),
                         context.card)
        }
    }

    static func normSigmas(_ context: StudyContext) throws -> AnalysisOutput {
        let values = context.card.scans?.normSigmas ?? []
        return try scan(context, analysis: .normScan, key: "norm_sigma", tag: "norm", xTitle: "σ_norm", unit: nil,
                        values: values) { index, variant, sigma in
            if let systematic = try context.systematicFit(index, variant, normSigma: sigma) { return point(systematic, context.card) }
            return point(try context.fit(index, variant, normSigma: sigma), context.card)
        }
    }

    static func point(_ fit: ModelFit, _ card: RunCard) -> Point {
        Point(events: fit.events) { statistic in fit.quoted(try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit) }
    }

    static func point(_ systematic: SystematicModelFit, _ card: RunCard) -> Point {
        Point(events: systematic.base.events) { statistic in
            systematic.base.quoted(try systematic.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
        }
    }

    static func scan(_ context: StudyContext, analysis: RunCard.Analysis, key: String, tag: String, xTitle: String,
                     unit: String?, values: [Double],
                     point make: @escaping @Sendable (Int, NewPhysicsModel, Double) throws -> Point) throws -> AnalysisOutput {
        let card = context.card
        var table = try ResultTable(title: "Limit vs \(xTitle)", columns: [
            .init("scenario", title: "Scenario"), .init("model", title: "Model"), .init("statistic", title: "Statistic"),
            .init("limit_method", title: "Limit"), .init("parameter", title: "Parameter"), .init(key, title: xTitle, unit: unit, digits: 3),
            .init("events", title: "SM events", digits: 4),
            .init("limit", title: "\(AsimovAnalysis.percent(card.cl)) CL limit", digits: 3), .init("status", title: "Status"),
        ])
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        let variants = try card.hypotheses()
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            for parameter in QuotedParameter.allCases {
                var curves: [PlotCurve] = []
                for variant in variants where variant.parameter == parameter {
                    for statistic in context.statistics {
                        let results: [Result<(Double, Double), Error>] = context.parallelMap(values.count) { k in
                            Result {
                                let point = try make(index, variant, values[k])
                                return (point.events, try point.limit(statistic))
                            }
                        }
                        var xs: [Double] = [], ys: [Double] = []
                        for (x, result) in zip(values, results) {
                            var cells: [ResultTable.Cell] = [.text(name), .text(variant.label), .text(statistic.rawValue),
                                                             .text(card.limit.rawValue), .text(parameter.name), .number(x)]
                            switch result {
                            case .success(let (events, limit)):
                                cells += [.number(events), .number(limit), AnalysisOutput.status(nil)]
                                xs.append(x); ys.append(limit)
                            case .failure(let error):
                                failures += 1
                                cells += [.missing, .missing, AnalysisOutput.status(error)]
                            }
                            try table.append(cells)
                        }
                        let label = variants.filter { $0.parameter == parameter }.count > 1
                            ? "\(variant.curveLabel), \(statistic.rawValue)" : statistic.rawValue
                        curves.append(PlotCurve(name: label, x: xs, y: ys))
                        context.progress("\(tag) scan \(name) · \(variant.label) · \(statistic.rawValue): \(xs.count)/\(values.count) points")
                    }
                }
                if !curves.isEmpty {
                    data.append((PlotData.fileName(.scan, tag: StudySlug.make(tag, name, parameter.name)),
                                 try PlotData.scan(key, parameter: parameter.name, curves: curves)))
                }
            }
        }
        return AnalysisOutput(analysis: analysis, table: table, data: data, failures: failures)
    }
}
