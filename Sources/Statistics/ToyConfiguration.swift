/// What a toy run throws and fits.
///
/// Toys are thrown around μ(θ_truth, ν_gen) with ν_gen the nuisances profiled on reference
/// data (Asimov by default, or observed data) at θ_truth — not at their nominal values — and
/// each toy's global observables fluctuated: ν₀ ~ Gauss(ν_gen, σ) for every constrained
/// nuisance. Cowan et al., EPJC 71, 1554 (2011), §2; the pyhf/RooStats convention.
public struct ToyConfiguration: Sendable {
    public var model: BinnedModel
    public var statistic: TestStatistic
    public var confidenceLevel: Double
    /// Φ⁻¹(CL)², the critical value for the toys' upper limits.
    public var criticalValue: Double
    /// θ of the generated toys.
    public var truth: Double
    /// ν_gen: the nuisance values of the generated toys.
    public var generationNuisances: NuisanceParameters
    /// The master seed S.
    public var seed: UInt64
    /// A typical θ to start brackets (the Asimov limit).
    public var scale: Double
    /// Whether each toy computes an upper limit (false: best fit only).
    public var computesUpperLimit: Bool
    /// If set, each toy also reports t(θ_test) (Feldman–Cousins belts, coverage).
    public var testedTheta: Double?
    /// How each toy's upper limit is defined: CLs+b (p_θ = α) or CLs (p_θ / CLb = α, with
    /// CLb from the background-only Asimov q_θ,A; `ProfileLikelihood.clsUpperLimit`).
    public var limitMethod: LimitMethod

    public init(
        model: BinnedModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
        truth: Double = 0, generationNuisances: NuisanceParameters, seed: UInt64, scale: Double,
        computesUpperLimit: Bool = true, testedTheta: Double? = nil, limitMethod: LimitMethod = .clsb
    ) throws(StatisticsError) {
        guard generationNuisances.backgrounds.count == model.backgrounds.count else {
            throw StatisticsError("expected \(model.backgrounds.count) background normalizations, got \(generationNuisances.backgrounds.count)")
        }
        guard truth.isFinite, truth >= 0 else { throw StatisticsError("the true θ must be finite and ≥ 0, got \(truth)") }
        guard scale.isFinite, scale > 0 else { throw StatisticsError("the θ scale must be finite and > 0, got \(scale)") }
        self.model = model
        self.statistic = statistic
        self.confidenceLevel = confidenceLevel
        self.criticalValue = try CriticalValue.oneSided(confidenceLevel: confidenceLevel)
        self.truth = truth
        self.generationNuisances = generationNuisances
        self.seed = seed
        self.scale = scale
        self.computesUpperLimit = computesUpperLimit
        self.testedTheta = testedTheta
        self.limitMethod = limitMethod
    }

    /// Toys at `truth` with the nuisances profiled at θ = truth on `referenceData` (default:
    /// the Asimov data at θ = 0 with nominal global observables), and `scale` defaulting to
    /// the Asimov limit.
    public static func profiled(
        model: BinnedModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
        truth: Double = 0, seed: UInt64, referenceData: [Double]? = nil,
        referenceGlobalObservables: NuisanceParameters? = nil, scale: Double? = nil,
        computesUpperLimit: Bool = true, testedTheta: Double? = nil, limitMethod: LimitMethod = .clsb
    ) throws -> ToyConfiguration {
        let likelihood = ProfileLikelihood(model: model, statistic: statistic)
        try likelihood.setData(referenceData ?? model.asimovData(), globalObservables: referenceGlobalObservables)
        let point = likelihood.profile(theta: truth)
        guard point.isValid else { throw StatisticsError("cannot profile the nuisances at θ = \(truth): invalid point") }
        let theScale = try scale ?? AsimovSensitivity.compute(model: model, statistic: statistic, confidenceLevel: confidenceLevel).limit
        return try ToyConfiguration(
            model: model, statistic: statistic, confidenceLevel: confidenceLevel, truth: truth,
            generationNuisances: point.nuisances, seed: seed, scale: theScale,
            computesUpperLimit: computesUpperLimit, testedTheta: testedTheta, limitMethod: limitMethod)
    }
}
