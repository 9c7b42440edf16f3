/// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan,
/// Am. Stat. 50, 361 (1996), definition 7 — R's and NumPy's default):
/// Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), h = (N − 1)p, 0-based order statistics.
public enum Quantile {
    /// The p-quantile of `sorted` (ascending, non-empty); NaN for an empty sample.
    public static func ofSorted(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// Φ(±1), Φ(±2): the probabilities of the ±1σ and ±2σ band edges.
    public static let minus2Sigma = 0.022750131948179195
    public static let minus1Sigma = 0.15865525393145707
    public static let plus1Sigma = 0.8413447460685429
    public static let plus2Sigma = 0.9772498680518208
}
