import Simulation
import Statistics
import Output

/// `sin2w-precision`: the expected precision on sin²θ_W from the SM spectrum alone.
///
/// The SM rate is exactly quadratic in s = sin²θ_W (g_V = 1/2 + 2s, g_A = 1/2 in
/// dσ/dT ∝ (g_V − g_A)² + (g_V + g_A)²(1 − T/E)² − (g_V² − g_A²) m_e T/E², docs/physics.md §1.3, §7.10; with
/// radiative corrections g_L, g_R stay linear in ŝ² and the QED terms multiply their squares, §9.1–9.2), so
/// templates at s₀ − h, s₀, s₀ + h (h = 0.01; exposure fixed) give per bin, exactly,
/// S(s₀ ± δ) = S₀ ± δ S′ + δ² S″/2. The fit model n·S(s) with the normalization pull is a
/// `BinnedModel` in δ ≥ 0 on each side (terms [±S′, S″/2]); on the Asimov data at s₀ the
/// two-sided interval is where Δχ² = χ²₁ quantile at the card's CL (1 at 68.27 %), the
/// normalization profiled. σ = (δ₊ + δ₋)/2; relative = σ/s₀. With the scenario's systematics
/// every nuisance is profiled as well (`Sin2ThetaWAnalysis+Systematics`, docs/physics.md §16.8).
/// The table has every statistic; `scan_sin2w-precision.csv` the first one (one curve per scenario).
enum Sin2ThetaWAnalysis {
    static let step = 0.01

    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        let truths = card.scans?.sin2ThetaW ?? [card.sin2ThetaW]
        let critical = try CriticalValue.twoSided(confidenceLevel: card.cl)
        var table = try ResultTable(title: "Expected precision on sin²θ_W (Δχ² = \(NumberFormatting.significant(critical, digits: 3)), normalization profiled)", columns: [
            .init("scenario", title: "Scenario"), .init("statistic", title: "Statistic"),
            .init("sin2_theta_w", title: "sin²θ_W (true)", digits: 5), .init("events", title: "SM events", digits: 4),
            .init("sigma_minus", title: "σ₋", digits: 3), .init("sigma_plus", title: "σ₊", digits: 3),
            .init("sigma", title: "σ(sin²θ_W)", digits: 3), .init("relative_percent", title: "σ/sin²θ_W", unit: "%", digits: 3),
            .init("status", title: "Status"),
        ])
        var curves: [String: PlotCurve] = [:]
        var order: [String] = []
        var failures = 0
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            for truth in truths {
                for statistic in context.statistics {
                    var cells: [ResultTable.Cell] = [.text(name), .text(statistic.rawValue), .number(truth)]
                    do {
                        let (events, minus, plus) = try precision(context, index, truth: truth, statistic: statistic, critical: critical)
                        let sigma = 0.5 * (minus + plus)
                        cells += [.number(events), .number(minus), .number(plus), .number(sigma), .number(100 * sigma / truth),
                                  AnalysisOutput.status(nil)]
                        if statistic == context.statistics.first {
                            if curves[name] == nil { order.append(name); curves[name] = PlotCurve(name: name, x: [], y: []) }
                            curves[name]!.x.append(truth)
                            curves[name]!.y.append(sigma)
                        }
                        context.progress("sin2w   \(name) · \(statistic.rawValue) at \(truth): σ = \(StudyContext.short(sigma)) (\(StudyContext.short(100 * sigma / truth)) %)")
                    } catch {
                        failures += 1
                        cells += Array(repeating: .missing, count: 5) + [AnalysisOutput.status(error)]
                        context.progress("sin2w   \(name): failed: \(error)")
                    }
                    try table.append(cells)
                }
            }
        }
        let data = [(name: PlotData.fileName(.scan, tag: "sin2w-precision"),
                     table: try PlotData.scan("sin2_theta_w", parameter: "sigma_sin2_theta_w", curves: order.map { curves[$0]! }))]
        return AnalysisOutput(analysis: .sin2wPrecision, table: table, data: data, failures: failures)
    }

    /// (SM events at the truth, δ₋, δ₊) for scenario `index`.
    static func precision(_ context: StudyContext, _ index: Int, truth: Double, statistic: TestStatistic,
                          critical: Double) throws -> (Double, Double, Double) {
        let h = step
        let low = try context.templatesAtFixedExposure(index, sin2w: truth - h).standardModel
        let mid = try context.templatesAtFixedExposure(index, sin2w: truth).standardModel
        let high = try context.templatesAtFixedExposure(index, sin2w: truth + h).standardModel
        let slope = zip(high, low).map { ($0 - $1) / (2 * h) }
        let half = (0..<mid.count).map { (high[$0] - 2 * mid[$0] + low[$0]) / (2 * h * h) }
        let normalization = GaussianConstraint(nominal: 1, sigma: context.card.scenarios[index].normSigma)
        let backgrounds = try context.backgrounds(index).templates.filter { $0.counts.reduce(0, +) > 0 }.map {
            BackgroundComponent(name: $0.name, template: $0.counts, constraint: GaussianConstraint(nominal: 1, sigma: $0.relativeUncertainty))
        }
        let shapes = try systematicTerms(context, index, truth: truth, kept: backgrounds.map(\.name))
        func side(_ sign: Double) throws -> Double {
            let (model, unit) = try BinnedModel.rescaled(standardModel: mid, parameterTerms: [slope.map { sign * $0 }, half],
                                                         normalization: normalization, backgrounds: backgrounds)
            let likelihood = ProfileLikelihood(model: model, statistic: statistic)
            try likelihood.setData(model.asimovData())
            let best = likelihood.bestFit()
            let upper = likelihood.upperLimit(criticalValue: critical, bestFit: best)
            guard upper.status != .failed, upper.theta.isFinite else {
                throw StatisticsError("the Δχ² crossing on the \(sign > 0 ? "upper" : "lower") side was not found")
            }
            guard let shapes else { return upper.theta * unit }
            return try systematicCrossing(shapes, model: model, unit: unit, sign: sign, statistic: statistic, critical: critical,
                                          withoutSystematics: upper.theta) * unit
        }
        return (mid.reduce(0, +), try side(-1), try side(1))
    }
}
