/// q_θ,A: the one-sided statistic q̃_θ = λ_p(θ) − λ_p(θ̂_A) evaluated on the background-only
/// Asimov data set (μ(θ = 0, nominal nuisances), nominal global observables), where θ̂_A = 0.
/// It sets CLb = Φ(√q_θ,A − √q̃_θ) in the asymptotic CLs of Cowan, Cranmer, Gross & Vitells,
/// EPJC 71, 1554 (2011), eq. 65–66 (`LimitMethod.pValue`).
///
/// Each value is computed exactly by profiling the Asimov likelihood at θ (no grid, no
/// interpolation: the same fit as `AsimovSensitivity`, so q_θ,A is accurate to the profile
/// fit's own precision). A reference type with a mutable likelihood: one per worker thread.
public final class BackgroundAsimovStatistic {
    private let likelihood: ProfileLikelihood
    private let bestFit: BestFit

    /// - Throws: `StatisticsError` if the Asimov data cannot be built or its best fit fails.
    public init(model: BinnedModel, statistic: TestStatistic) throws {
        likelihood = ProfileLikelihood(model: model, statistic: statistic)
        try likelihood.setData(model.asimovData())
        bestFit = likelihood.bestFit()
        guard bestFit.status != .failed else { throw StatisticsError("the best fit to the background-only Asimov data failed") }
    }

    /// q_θ,A ≥ 0 (0 for θ ≤ θ̂_A; +∞ where the profile fit fails).
    public func value(theta: Double) -> Double {
        likelihood.upperLimitStatistic(theta: theta, bestFit: bestFit)
    }
}
