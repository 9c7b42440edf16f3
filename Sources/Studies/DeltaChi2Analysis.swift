import Physics
import Statistics

/// `delta-chi2`: the profiled Δχ²(parameter) = λ_p(θ) − λ_p(θ̂) on the Asimov SM data, per
/// scenario and parameter (κ or g), one curve per model variant × statistic, each on 61 points
/// from 0 to 2.5× its own Asimov limit, with the critical value Φ⁻¹(CL)²
/// → `delta_chi2_<scenario>_<parameter>.csv`. A scenario with systematics profiles every nuisance
/// as well (`SystematicLikelihood`, docs/physics.md §16.6).
enum DeltaChi2Analysis {
    static let points = 61

    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        let critical = try CriticalValue.oneSided(confidenceLevel: card.cl)
        let variants = try card.hypotheses()
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            for parameter in QuotedParameter.allCases {
                let group = variants.filter { $0.parameter == parameter }
                guard !group.isEmpty else { continue }
                do {
                    // Per curve: the fit (for its units), the quoted Asimov limit and Δλ(θ) in fitter units.
                    var fits: [(NewPhysicsModel, ModelFit, TestStatistic, Double, (Double) -> Double)] = []
                    for variant in group {
                        let fit = try context.fit(index, variant)
                        let systematic = try context.systematicFit(index, variant)
                        for statistic in context.statistics {
                            if let systematic {
                                let likelihood = SystematicLikelihood(model: systematic.model, statistic: statistic)
                                try likelihood.setData(systematic.model.asimovData(theta: 0))
                                let best = likelihood.bestFit()
                                guard best.status != .failed else { throw StatisticsError("the best fit to the Asimov data with systematics failed") }
                                let limit = try systematic.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit
                                fits.append((variant, fit, statistic, fit.quoted(limit), { theta in
                                    let point = likelihood.minimize(fixedTheta: theta)
                                    return point.status == .failed ? .nan : point.value - best.value
                                }))
                            } else {
                                let likelihood = ProfileLikelihood(model: fit.binnedModel, statistic: statistic)
                                try likelihood.setData(fit.binnedModel.asimovData())
                                let best = likelihood.bestFit()
                                let limit = fit.quoted(try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                                fits.append((variant, fit, statistic, limit, { theta in likelihood.profile(theta: theta).value - best.value }))
                            }
                        }
                    }
                    let curves = fits.map { variant, fit, statistic, limit, deltaLambda in
                        let xs = (0..<points).map { 2.5 * limit * Double($0) / Double(points - 1) }
                        return PlotCurve(name: "\(variant.curveLabel) (\(statistic.rawValue))", x: xs, y: xs.map { x in
                            let value = deltaLambda(fit.theta(quoted: x))
                            return value.isFinite ? max(0, value) : .nan
                        })
                    }
                    data.append((PlotData.fileName(.deltaChi2, tag: StudySlug.make(name, parameter.name)),
                                 try PlotData.deltaChi2(parameter: parameter.name, curves: curves, critical: critical)))
                    context.progress("Δχ²     \(name) · \(parameter.symbol): \(curves.count) curves")
                } catch {
                    failures += 1
                    context.progress("Δχ²     \(name) · \(parameter.symbol): failed: \(error)")
                }
            }
        }
        return AnalysisOutput(analysis: .deltaChi2, data: data, failures: failures)
    }
}
