/// Weighted counts in bins; optionally the last bin also collects everything above the upper edge
/// (the convention of `TemplateSet`, whose last bin integrates to +∞).
public struct Histogram: Sendable, Codable, Equatable {
    public let binning: Binning
    public var counts: [Double]
    /// Σ w² per bin: the variance of a weighted count.
    public var sumOfSquaredWeights: [Double]
    /// Whether values at or above `binning.upper` go to the last bin.
    public let collectsOverflow: Bool
    /// Total weight that fell outside the bins.
    public var outside: Double = 0

    public init(binning: Binning, collectsOverflow: Bool = false) {
        self.binning = binning
        self.collectsOverflow = collectsOverflow
        counts = Array(repeating: 0, count: binning.count)
        sumOfSquaredWeights = counts
    }

    @inlinable
    public mutating func fill(_ x: Double, weight: Double = 1) {
        guard let k = collectsOverflow ? binning.indexWithOverflow(of: x) : binning.index(of: x) else {
            outside += weight
            return
        }
        counts[k] += weight
        sumOfSquaredWeights[k] += weight * weight
    }

    /// Adds another histogram with the same binning.
    public mutating func add(_ other: Histogram) {
        precondition(other.binning == binning, "histograms with different binnings")
        for k in counts.indices {
            counts[k] += other.counts[k]
            sumOfSquaredWeights[k] += other.sumOfSquaredWeights[k]
        }
        outside += other.outside
    }

    /// Σ counts.
    public var total: Double { counts.reduce(0, +) }
}
