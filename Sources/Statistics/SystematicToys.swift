import GSL
import Parallel

/// Toy experiments of a `SystematicModel` (docs/physics.md §16.7): thrown at the profiled
/// nuisances and fitted with every nuisance profiled.
///
/// For a true θ_t, the nuisances x̂(θ_t) are fitted to the reference data (the Asimov data set of
/// θ = 0) with θ held at θ_t; each toy k then draws, from `RandomStream(seed: seed, index: k)`,
/// its counts d_i ~ Poisson(μ_i(θ_t, x̂)) and every global observable around x̂ (n₀ ~ N(n̂, σ_n),
/// b₀_j ~ N(b̂_j, σ_j), a_s ~ N(α̂_s, 1); fixed ones stay), and is fitted, starting from its truth
/// (θ_t, x̂): θ̂ ≥ 0, and the upper limit where λ_p(θ) − λ_p(θ̂) = c (Brent, as the Asimov limit).
/// Each worker reuses one likelihood, reset by `setData` per toy; the same seed gives the same
/// toys for any thread count.
public enum SystematicToys {
    public struct Toy: Sendable {
        public var thetaHat: Double
        /// NaN unless asked for.
        public var upperLimit: Double
        /// q(θ_test) = λ_p(θ_test) − λ_p(θ̂) (NaN unless a θ_test is given).
        public var statisticAtTest: Double = .nan
        public var status: FitStatus
    }

    /// `count` toys at θ_t (fitter units): θ̂ and, when `upperLimit`, the upper limit at critical
    /// value `critical`; with `testedTheta`, also q(θ_test) (one more profile fit: a toy hypothesis
    /// test, as pyhf's toy calculator makes).
    public static func run(model: SystematicModel, statistic: TestStatistic = .poisson, trueTheta: Double, critical: Double,
                           count: Int, seed: UInt64, threads: Int = 1, scale: Double? = nil, upperLimit: Bool = true,
                           testedTheta: Double? = nil) throws -> [Toy] {
        let reference = SystematicLikelihood(model: model, statistic: statistic)
        try reference.setData(model.asimovData(theta: 0))
        let conditional = reference.minimize(fixedTheta: trueTheta)
        guard conditional.status != .failed, let expected = reference.expected(conditional.parameters) else {
            throw StatisticsError("the nuisances at θ = \(trueTheta) could not be fitted to the reference data")
        }
        let x = conditional.parameters, J = model.base.backgrounds.count, S = model.systematics.count
        let start = scale ?? model.base.parameterScale
        return Parallel.map(count, threads: threads, state: { SystematicLikelihood(model: model, statistic: statistic) }) { reused, k in
            let likelihood = reused
            let stream = RandomStream(seed: seed, index: UInt64(k))
            let data = expected.map { Double(stream.poisson(mean: $0)) }
            func observable(_ value: Double, _ c: GaussianConstraint) -> Double {
                c.sigma > 0 && c.sigma.isFinite ? value + c.sigma * stream.gaussian() : value
            }
            let n0 = observable(x[1], model.base.normalization)
            let b0 = (0..<J).map { observable(x[2 + $0], model.base.backgrounds[$0].constraint) }
            let a0 = (0..<S).map { x[2 + J + $0] + stream.gaussian() }
            guard (try? likelihood.setData(data, normalizationObservables: NuisanceParameters(normalization: n0, backgrounds: b0),
                                           shapeObservables: a0)) != nil else {
                return Toy(thetaHat: .nan, upperLimit: .nan, status: .failed)
            }
            let best = likelihood.bestFit(scale: start, start: x)
            guard best.status != .failed else { return Toy(thetaHat: .nan, upperLimit: .nan, status: .failed) }
            var tested = Double.nan
            if let testedTheta {
                let point = likelihood.minimize(fixedTheta: testedTheta)
                guard point.status != .failed else { return Toy(thetaHat: best.theta, upperLimit: .nan, status: .failed) }
                tested = max(0, point.value - best.value)
            }
            guard upperLimit else { return Toy(thetaHat: best.theta, upperLimit: .nan, statisticAtTest: tested, status: best.status) }
            let target = best.value + critical
            var failed = false
            let limit = try? RootFinding.brentExpandingUpward({ theta in
                let point = likelihood.minimize(fixedTheta: theta)
                guard point.status != .failed else { failed = true; return 1e300 }
                return point.value - target
            }, lower: best.theta, initialUpper: best.theta + start, growth: 2, relativeTolerance: 1e-8)
            guard let limit, !failed else { return Toy(thetaHat: best.theta, upperLimit: .nan, statisticAtTest: tested, status: .failed) }
            return Toy(thetaHat: best.theta, upperLimit: limit, statisticAtTest: tested, status: best.status)
        }
    }
}
