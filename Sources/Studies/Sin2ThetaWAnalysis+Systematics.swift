import Physics
import Simulation
import Statistics

extension Sin2ThetaWAnalysis {
    /// The ±1σ templates of every nuisance of a scenario's systematics for the sin²θ_W model
    /// S(s₀ ± δ) = S₀ ± δ S′ + δ² S″/2 (docs/physics.md §16.8): S₀, S′ and S″ each from templates
    /// refolded exactly at the nuisance's ±1σ at s₀ − h, s₀, s₀ + h (exposure fixed), and each
    /// background's ±1σ template (`StudyContext.systematicTemplates`). The backgrounds do not follow
    /// sin²θ_W (those of s₀ are used; their normalizations are free within their constraints).
    struct SystematicTerms {
        struct Pair {
            var up: [Double]
            var down: [Double]
        }

        struct Variation {
            var name: String
            var standardModel: Pair
            var slope: Pair
            var half: Pair
            var backgroundsUp: [[Double]]
            var backgroundsDown: [[Double]]
        }

        var variations: [Variation]
    }

    /// The systematic terms of scenario `index` at sin²θ_W = `truth`, nil when it has no
    /// systematics. `kept`: the names of the backgrounds in the fit, in its order.
    static func systematicTerms(_ context: StudyContext, _ index: Int, truth: Double, kept: [String]) throws -> SystematicTerms? {
        let h = step
        guard let low = try context.systematicTemplates(index, sin2w: truth - h), let mid = try context.systematicTemplates(index, sin2w: truth),
              let high = try context.systematicTemplates(index, sin2w: truth + h) else { return nil }
        func derivatives(_ l: [Double], _ m: [Double], _ u: [Double]) -> (slope: [Double], half: [Double]) {
            (zip(u, l).map { ($0 - $1) / (2 * h) }, m.indices.map { (u[$0] - 2 * m[$0] + l[$0]) / (2 * h * h) })
        }
        func counts(_ list: [BackgroundTemplate]) throws -> [[Double]] {
            try kept.map { name in
                guard let t = list.first(where: { $0.name == name }) else { throw StudyError("no shifted template of background '\(name)'") }
                return t.counts
            }
        }
        let variations = try mid.variations.indices.map { j in
            let up = derivatives(low.variations[j].up.standardModel, mid.variations[j].up.standardModel, high.variations[j].up.standardModel)
            let down = derivatives(low.variations[j].down.standardModel, mid.variations[j].down.standardModel,
                                   high.variations[j].down.standardModel)
            return SystematicTerms.Variation(
                name: SystematicSelection.name(of: mid.variations[j].nuisance.kind),
                standardModel: .init(up: mid.variations[j].up.standardModel, down: mid.variations[j].down.standardModel),
                slope: .init(up: up.slope, down: down.slope), half: .init(up: up.half, down: down.half),
                backgroundsUp: try counts(mid.variations[j].upBackgrounds), backgroundsDown: try counts(mid.variations[j].downBackgrounds))
        }
        return SystematicTerms(variations: variations)
    }

    /// δ on one side (`sign` −1 or +1) where the profile Δλ reaches `critical` with every nuisance
    /// profiled, in the fitter units of `model` (its terms [±S′, S″/2] rescaled by `unit`);
    /// `withoutSystematics`: the same crossing without them, where the search starts.
    static func systematicCrossing(_ terms: SystematicTerms, model: BinnedModel, unit: Double, sign: Double, statistic: TestStatistic,
                                   critical: Double, withoutSystematics: Double) throws -> Double {
        func scaled(_ slope: [Double], _ half: [Double]) -> [[Double]] {
            [slope.map { sign * unit * $0 }, half.map { unit * unit * $0 }]
        }
        let systematics = try terms.variations.map { v in
            try ShapeSystematic(name: v.name, model: model, standardModelUp: v.standardModel.up, standardModelDown: v.standardModel.down,
                                parameterTermsUp: scaled(v.slope.up, v.half.up), parameterTermsDown: scaled(v.slope.down, v.half.down),
                                backgroundsUp: v.backgroundsUp, backgroundsDown: v.backgroundsDown)
        }
        let systematicModel = try SystematicModel(base: model, systematics: systematics)
        let likelihood = SystematicLikelihood(model: systematicModel, statistic: statistic)
        try likelihood.setData(systematicModel.asimovData(theta: 0))
        let fit = likelihood.bestFit()
        guard fit.status != .failed else { throw StatisticsError("the best fit to the Asimov data with systematics failed") }
        return try SystematicAsimovSensitivity.crossing(likelihood, bestFit: fit, criticalValue: critical,
                                                        initialUpper: max(withoutSystematics, fit.theta) * 1.2).theta
    }
}
