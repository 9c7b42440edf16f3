import GSL

extension EventPipeline {
    /// A Poisson count with mean `mean` from the stream (seed, index 2⁶⁴ − 1), which no event block
    /// uses; a Gaussian approximation above 10⁹.
    public static func poissonCount(mean: Double, seed: UInt64) -> Int {
        guard mean > 0, mean.isFinite else { return 0 }
        let stream = RandomStream(seed: seed, index: UInt64.max)
        if mean < 1e9 { return Int(stream.poisson(mean: mean)) }
        return Int((mean + mean.squareRoot() * stream.gaussian()).rounded())
    }

    /// One full-chain toy data set: a Poisson number of interactions with mean `expectedInteractions`
    /// (e.g. `TemplateSet.generated.combined(for:)`), generated, passed through the detector and
    /// binned in reconstructed T (overflow in the last bin). The detected counts are then Poisson with
    /// means `TemplateSet.expected(for:)`. Reuse one pipeline for many toys: its set-up is the costly part.
    public func toyHistogram(seed: UInt64, expectedInteractions: Double, binning: Binning) -> Histogram {
        let n = Self.poissonCount(mean: expectedInteractions, seed: seed)
        return recoilHistogram(seed: seed, events: n, binning: binning).histogram
    }
}
