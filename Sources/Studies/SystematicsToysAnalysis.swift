import Foundation
import Output
import Physics
import Statistics

/// `systematics-toys` (issue 13 item 6; docs/physics.md §16.7): for every scenario with systematics
/// and the card's first model, `toys.count` toys thrown at the profiled nuisances with every global
/// observable fluctuated (`SystematicToys`), fitted with every nuisance profiled:
///
/// - at θ = 0: the toy upper limits' median and 68 % band against the Asimov limit and its
///   asymptotic band (`toy_limits_*.csv`, plotted as the toy-limit histogram);
/// - at θ = the Asimov limit: the fraction of toys whose upper limit lies at or above it, the
///   coverage of the asymptotic interval (nominal: the CL), with its binomial σ.
///
/// - at θ = the Asimov limit, the same toys again: the coverage of the Feldman–Cousins interval,
///   t(θ_A) ≤ c with c the CL-quantile of t from `toys.count` independent toys
///   (`CoverageStudy.run(systematicModel:)`), and c itself beside the asymptotic χ²₁ quantile.
///
/// Where the two agree, the asymptotic formulas hold with these systematics; where they do not,
/// the table says by how much. Seeds: `toys.seed` + 2·(scenario index) for θ = 0, + 1 for the
/// coverage toys; the same for any thread count.
enum SystematicsToysAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        guard let toys = card.toys else { throw StudyError("analysis 'systematics-toys' needs toys: {count, seed}") }
        let model = try card.hypotheses()[0]
        var table = try ResultTable(title: "Toys with systematics and backgrounds (\(card.limit.rawValue), \(toys.count) toys per point)", columns: [
            .init("scenario", title: "Scenario"), .init("model", title: "Model"), .init("parameter", title: "Parameter"),
            .init("asimov", title: "Asimov limit", digits: 3), .init("toy_median", title: "Toy median", digits: 3),
            .init("median_ratio", title: "Median / Asimov", digits: 3),
            .init("asimov_band68_low", title: "Asimov −1σ", digits: 3), .init("asimov_band68_high", title: "Asimov +1σ", digits: 3),
            .init("toy_band68_low", title: "Toy 16 %", digits: 3), .init("toy_band68_high", title: "Toy 84 %", digits: 3),
            .init("coverage", title: "Coverage at the Asimov limit", digits: 3), .init("coverage_sigma", title: "Binomial σ", digits: 2),
            .init("fc_critical", title: "FC critical value", digits: 3), .init("chi2_critical", title: "χ²₁ quantile", digits: 3),
            .init("fc_coverage", title: "FC coverage", digits: 3), .init("fc_coverage_sigma", title: "FC binomial σ", digits: 2),
            .init("nominal", title: "Nominal", digits: 2), .init("failed", title: "Failed fits"),
        ])
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        for index in card.scenarios.indices where !card.systematicSelection(for: card.scenarios[index]).isNone {
            let name = card.scenarios[index].name
            do {
                guard let fit = try context.systematicFit(index, model) else { continue }
                let asimov = try fit.asimov(statistic: .poisson, cl: card.cl, method: .clsb)
                let seed = toys.seed &+ 2 &* UInt64(index)
                let atZero = try SystematicToys.run(model: fit.model, trueTheta: 0, critical: asimov.criticalValue, count: toys.count,
                                                    seed: seed, threads: context.threads, scale: asimov.limit)
                let atLimit = try SystematicToys.run(model: fit.model, trueTheta: asimov.limit, critical: asimov.criticalValue,
                                                     count: toys.count, seed: seed &+ 1, threads: context.threads, scale: asimov.limit)
                let fc = try CoverageStudy.run(model: fit.model.base, statistic: .poisson, confidenceLevel: card.cl, method: .feldmanCousins,
                                               trueValue: asimov.limit, toys: toys.count, seed: seed &+ 1, threads: context.threads,
                                               scale: asimov.limit, systematicModel: fit.model)
                let limits = atZero.filter { $0.status != .failed }.map(\.upperLimit).sorted()
                let coverageToys = atLimit.filter { $0.status != .failed }
                let covered = coverageToys.filter { $0.upperLimit >= asimov.limit }.count
                let failed = toys.count * 2 - limits.count - coverageToys.count + fc.failedFits
                failures += failed
                guard !limits.isEmpty, !coverageToys.isEmpty else { throw StudyError("every toy fit failed") }
                func quantile(_ q: Double) -> Double { Quantile.ofSorted(limits, q) }
                let band = ExpectedBand.asymptotic(asimovLimit: asimov.limit, criticalValue: asimov.criticalValue)
                let p = Double(covered) / Double(coverageToys.count)
                try table.append([
                    .text(name), .text(model.label), .text(model.parameter.header),
                    .number(fit.base.quoted(asimov.limit)), .number(fit.base.quoted(quantile(0.5))),
                    .number(fit.base.quoted(quantile(0.5)) / fit.base.quoted(asimov.limit)),
                    .number(fit.base.quoted(band.minus1)), .number(fit.base.quoted(band.plus1)),
                    .number(fit.base.quoted(quantile(0.158655))), .number(fit.base.quoted(quantile(0.841345))),
                    .number(p), .number((p * (1 - p) / Double(coverageToys.count)).squareRoot()),
                    .number(fc.criticalValue), .number(try CriticalValue.twoSided(confidenceLevel: card.cl)),
                    .number(fc.coverage), .number(fc.coverageError), .number(card.cl), .integer(failed),
                ])
                data.append((PlotData.fileName(.toyLimits, tag: "\(StudySlug.make(name))_\(StudySlug.make(model.label))_systematics"),
                             try PlotData.toyLimits(parameter: model.parameter.name, limits: atZero.map { $0.status == .failed ? nil : fit.base.quoted($0.upperLimit) },
                                                    asimov: fit.base.quoted(asimov.limit))))
                context.progress("systematics-toys \(name) · \(model.label): median/Asimov \(StudyContext.short(fit.base.quoted(quantile(0.5)) / fit.base.quoted(asimov.limit))), "
                                 + "coverage \(covered)/\(coverageToys.count), FC \(fc.covered)/\(fc.toys) (c = \(StudyContext.short(fc.criticalValue)))")
            } catch {
                failures += 1
                context.progress("systematics-toys \(name): failed: \(error)")
            }
        }
        return AnalysisOutput(analysis: .systematicsToys, table: table, data: data, failures: failures)
    }
}
