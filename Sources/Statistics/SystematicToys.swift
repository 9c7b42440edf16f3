import GSL

/// Toy experiments of a `SystematicModel` (docs/physics.md §16.7): thrown at the profiled
/// nuisances and fitted with every nuisance profiled.
///
/// For a true θ_t, the nuisances x̂(θ_t) are fitted to the reference data (the Asimov data set of
/// θ = 0) with θ held at θ_t; each toy k then draws, from `RandomStream(seed: seed, index: firstIndex + k)`,
/// its counts d_i ~ Poisson(μ_i(θ_t, x̂)) (`PoissonSampler`) and every global observable around x̂
/// (n₀ ~ N(n̂, σ_n), b₀_j ~ N(b̂_j, σ_j), a_s ~ N(α̂_s, 1); fixed ones stay), and is fitted: θ̂ ≥ 0, and the upper limit
/// where λ_p(θ) − λ_p(θ̂) = c (Brent, as the Asimov limit). Each worker reuses one likelihood, reset
/// by `setData` per toy; the same seed gives the same toys for any thread count.
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
    /// test, as pyhf's toy calculator makes). Toy k draws from stream index `firstIndex` + k, so
    /// toy sets with disjoint index ranges are independent. Run by `ToyRunner` (results in memory).
    public static func run(model: SystematicModel, statistic: TestStatistic = .poisson, trueTheta: Double, critical: Double,
                           count: Int, seed: UInt64, threads: Int = 1, scale: Double? = nil, upperLimit: Bool = true,
                           testedTheta: Double? = nil, firstIndex: UInt64 = 0) throws -> [Toy] {
        var configuration = try ToyConfiguration(model: model.base, statistic: statistic, truth: trueTheta,
                                                 generationNuisances: model.base.nominalNuisances, seed: seed,
                                                 scale: scale ?? model.base.parameterScale, computesUpperLimit: upperLimit,
                                                 testedTheta: testedTheta)
        configuration.criticalValue = critical
        return try ToyRunner(configuration: configuration, systematicModel: model)
            .run(totalToys: count, firstIndex: firstIndex, threads: threads)
            .map { Toy(thetaHat: $0.thetaHat, upperLimit: $0.upperLimit, statisticAtTest: $0.statisticAtTest, status: $0.status) }
    }

    /// What every toy of a run at θ_t shares: the nuisances x̂(θ_t) fitted to the reference data
    /// with θ held at θ_t, and the expected counts μ(θ_t, x̂). Full-chain toys take the Asimov data
    /// at θ_t as the reference, so x̂ is the nominal point their events are generated at.
    public struct Generation: Sendable {
        public let model: SystematicModel
        public let statistic: TestStatistic
        public let trueTheta: Double
        /// x̂(θ_t) = (θ_t, n̂, b̂⃗, α̂⃗).
        public let nuisances: [Double]
        public let expected: [Double]
        /// One Poisson sampler per bin of `expected` (as `ToyRunner`'s plain toys).
        let samplers: [PoissonSampler]
        /// Each toy's fit starts one Fisher-scoring step from x̂ (nil: at x̂).
        let fisherStart: FisherScoringStart?

        /// - Parameter referenceData: the data the nuisances are fitted to (default: the Asimov data
        ///   of θ = 0).
        /// - Throws: `StatisticsError` when the nuisances cannot be fitted at θ_t.
        public init(model: SystematicModel, statistic: TestStatistic = .poisson, trueTheta: Double,
                    referenceData: [Double]? = nil) throws {
            let reference = SystematicLikelihood(model: model, statistic: statistic)
            try reference.setData(referenceData ?? model.asimovData(theta: 0))
            let conditional = reference.minimize(fixedTheta: trueTheta)
            guard conditional.status != .failed, let expected = reference.expected(conditional.parameters) else {
                throw StatisticsError("the nuisances at θ = \(trueTheta) could not be fitted to the reference data")
            }
            self.model = model
            self.statistic = statistic
            self.trueTheta = trueTheta
            nuisances = conditional.parameters
            self.expected = expected
            samplers = expected.map(PoissonSampler.init(mean:))
            fisherStart = FisherScoringStart(model: model, statistic: statistic, truth: nuisances, expected: expected)
        }

        /// Toy `index`: drawn from `RandomStream(seed: seed, index: index)` (`stream` reseeded there
        /// when given, so a worker reuses one) — its counts by
        /// `generator` when given (full chain), else Poisson around `expected`; then the global
        /// observables from the same stream — and fitted with `likelihood` (of this model and
        /// statistic; `setData` resets it, so a worker may reuse one), starting one Fisher-scoring
        /// step from the truth (θ_t, x̂) (`FisherScoringStart`); `scale` starts the brackets.
        /// - Throws: the generator's error, or `StatisticsError` for a generator with other bins.
        public func toy(index: UInt64, seed: UInt64, likelihood: SystematicLikelihood, critical: Double, scale: Double,
                        upperLimit: Bool, testedTheta: Double?, generator: ToyDataGenerator? = nil,
                        stream reused: RandomStream? = nil) throws -> Toy {
            let x = nuisances, J = model.base.backgrounds.count, S = model.systematics.count
            let stream = reused ?? RandomStream(seed: seed, index: index)
            if reused != nil { stream.reseed(seed: seed, index: index) }
            let data: [Double]
            if let generator {
                data = try generator(stream, index)
                guard data.count == expected.count else {
                    throw StatisticsError("the toy generator returned \(data.count) bins, the model has \(expected.count)")
                }
            } else {
                data = samplers.map { $0.sample(stream) }
            }
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
            let start = fisherStart?.start(data: data, observables: [0, n0] + b0 + a0) ?? x
            let best = likelihood.bestFit(scale: scale, start: start)
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
            }, lower: best.theta, initialUpper: best.theta + scale, growth: 2, relativeTolerance: 1e-8)
            guard let limit, !failed else { return Toy(thetaHat: best.theta, upperLimit: .nan, statisticAtTest: tested, status: .failed) }
            return Toy(thetaHat: best.theta, upperLimit: limit, statisticAtTest: tested, status: best.status)
        }
    }
}
