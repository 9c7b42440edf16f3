import Statistics
import Output

/// `coverage`: the fraction of toys whose interval contains the true value, per scenario ×
/// model variant × statistic × method × true value (in units of the row's Asimov limit), with
/// the binomial error √(p(1 − p)/N). Methods (`CoverageStudy`): `asimov` — the asymptotic
/// upper limit (covered iff q(θ_true) ≤ Φ⁻¹(CL)²; with card `limit: cls` iff CLs(θ_true) ≥ 1 − CL,
/// column `limit_method`, true values in units of the Asimov CLs limit); `fc` — Feldman–Cousins, covered iff
/// t(θ_true) ≤ c(θ_true), c the CL-quantile of t from `critical_toys` independent toys at θ_true
/// (Feldman & Cousins, PRD 57, 3873 (1998)) → `coverage_<scenario>_<model>.csv`. Each point
/// (row r) uses the master seed `StudyContext.rowSeed(seed, row: r)` (the `seed` column): the
/// points are independent, and each is reproduced by `nue coverage --seed <that seed>`. A scenario
/// with systematics profiles every nuisance in the toys and the Asimov limit
/// (`CoverageStudy.run(systematicModel:)`, docs/physics.md §16.7; CLs+b only), and the table gains the column `systematics`.
enum CoverageAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        guard let toys = card.toys, let coverage = toys.coverage else {
            throw StatisticsError("analysis 'coverage' needs toys.coverage")
        }
        let count = coverage.toys ?? toys.count
        let criticalToys = coverage.criticalToys ?? 2 * count
        let withSystematics = card.scenarios.contains { !card.systematicSelection(for: $0).isNone }
        var table = try ResultTable(title: "Coverage at true values (\(count) toys per point; FC critical values from \(criticalToys) toys)", columns: [
            .init("scenario", title: "Scenario"), .init("model", title: "Model"), .init("statistic", title: "Statistic"),
            .init("limit_method", title: "Limit")] + (withSystematics ? [.init("systematics", title: "Systematics")] : []) + [
            .init("parameter", title: "Parameter"), .init("method", title: "Method"),
            .init("seed", title: "Seed"), .init("true_over_asimov", title: "True/Asimov", digits: 2),
            .init("true_value", title: "True value"),
            .init("toys", title: "Toys"), .init("covered", title: "Covered"), .init("coverage", title: "Coverage", digits: 3),
            .init("coverage_error", title: "± binomial", digits: 2), .init("nominal", title: "Nominal", digits: 2),
            .init("critical_value", title: "Critical Δχ²", digits: 3), .init("failed", title: "Failed"),
            .init("status", title: "Status"),
        ])
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        var row = 0
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            let systematicsCell: [ResultTable.Cell] = withSystematics ? [.text(card.systematicSelection(for: card.scenarios[index]).label)] : []
            for variant in try card.hypotheses() {
                var points: [PlotData.CoveragePoint] = []
                for statistic in context.statistics {
                    let asimov: (fit: ModelFit, systematic: SystematicModelFit?, limit: Double)?
                    do {
                        let fit = try context.fit(index, variant)
                        if let systematic = try context.systematicFit(index, variant) {
                            asimov = (fit, systematic, try systematic.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                        } else {
                            asimov = (fit, nil, try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                        }
                    } catch {
                        asimov = nil
                        failures += 1
                        try table.append([.text(name), .text(variant.label), .text(statistic.rawValue), .text(card.limit.rawValue)]
                                         + systematicsCell + [.text(variant.parameter.name)]
                                         + Array(repeating: .missing, count: 11) + [AnalysisOutput.status(error)])
                        continue
                    }
                    guard let (fit, systematic, limit) = asimov else { continue }
                    for method in coverage.methods {
                        for ratio in coverage.trueValuesOverAsimov {
                            let theta = ratio * ratio * limit   // the true value κ or g is ratio × limit
                            let trueValue = fit.quoted(theta)
                            let seed = context.rowSeed(toys.seed, row: row)
                            row += 1
                            var cells: [ResultTable.Cell] = [.text(name), .text(variant.label), .text(statistic.rawValue),
                                                             .text(card.limit.rawValue)] + systematicsCell + [
                                                             .text(variant.parameter.name), .text(method.rawValue), .text(String(seed)),
                                                             .number(ratio), .number(trueValue)]
                            do {
                                let study = try CoverageStudy.run(
                                    model: fit.binnedModel, statistic: statistic, confidenceLevel: card.cl,
                                    method: method == .fc ? .feldmanCousins : .asimov, trueValue: theta, toys: count,
                                    seed: seed, criticalToys: criticalToys, threads: context.threads, limitMethod: card.limit,
                                    scale: systematic == nil ? nil : limit, systematicModel: systematic?.model)
                                cells += [.integer(study.toys), .integer(study.covered), AnalysisOutput.number(study.coverage),
                                          AnalysisOutput.number(study.coverageError), .number(card.cl),
                                          AnalysisOutput.number(study.criticalValue), .integer(study.failedFits),
                                          AnalysisOutput.status(nil)]
                                points.append(PlotData.CoveragePoint(method: method.rawValue, parameter: variant.parameter.name,
                                                                     trueValue: trueValue, toys: study.toys,
                                                                     covered: study.covered, nominal: card.cl))
                                context.progress("coverage \(name) · \(variant.label) · \(method.rawValue) at \(NumberFormatting.roundTrip(ratio))×Asimov: \(StudyContext.short(study.coverage)) ± \(StudyContext.short(study.coverageError))")
                            } catch {
                                failures += 1
                                cells += Array(repeating: .missing, count: 7) + [AnalysisOutput.status(error)]
                                context.progress("coverage \(name) · \(variant.label) · \(method.rawValue): failed: \(error)")
                            }
                            try table.append(cells)
                        }
                    }
                }
                if !points.isEmpty {
                    data.append((PlotData.fileName(.coverage, tag: StudySlug.make(name, variant.label)), try PlotData.coverage(points)))
                }
            }
        }
        return AnalysisOutput(analysis: .coverage, table: table, data: data, failures: failures)
    }
}
