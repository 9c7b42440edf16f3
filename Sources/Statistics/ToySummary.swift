/// Median and ±1σ/±2σ quantiles of toy upper limits, with the failure count.
public struct ToySummary: Sendable, Equatable {
    /// Toys in the sample (failed ones included).
    public var toys: Int
    /// Toys whose fit or limit failed (excluded from the quantiles).
    public var failedFits: Int
    /// Quantiles of the upper limits on θ (type-7, see `Quantile`).
    public var band: ExpectedBand
    /// A distribution-free ≈68 % error on the median: half the spread of the order statistics
    /// at ranks N/2 ∓ √N/2 (the binomial interval of the median's rank).
    public var medianError: Double

    public init(results: [ToyResult]) {
        var accumulator = Accumulator()
        for toy in results { accumulator.add(toy) }
        self = accumulator.finish()
    }

    /// The summary of `toys` toys, `failedFits` of them failed, whose finite upper limits are
    /// `limits`, sorted ascending.
    init(toys: Int, failedFits: Int, sortedLimits limits: [Double]) {
        self.toys = toys
        self.failedFits = failedFits
        band = ExpectedBand(
            minus2: Quantile.ofSorted(limits, Quantile.minus2Sigma), minus1: Quantile.ofSorted(limits, Quantile.minus1Sigma),
            median: Quantile.ofSorted(limits, 0.5),
            plus1: Quantile.ofSorted(limits, Quantile.plus1Sigma), plus2: Quantile.ofSorted(limits, Quantile.plus2Sigma))
        if limits.count >= 4 {
            let n = Double(limits.count)
            let halfWidth = 0.5 * n.squareRoot() / n
            medianError = 0.5 * (Quantile.ofSorted(limits, 0.5 + halfWidth) - Quantile.ofSorted(limits, 0.5 - halfWidth))
        } else {
            medianError = .nan
        }
    }
}
