extension DetectorResponse {
    /// Expected events per bin of reconstructed energy (`edges`, MeV; the last bin takes the
    /// overflow) of point masses: Σ_k w_k P(E_reco ∈ j | E_k) through this response (truncated
    /// Gaussian, docs/physics.md §5.6), before the efficiency. For lines and discretized spectra
    /// (the ³⁹Ar pile-up sums, the ⁴⁰Ar(n, γ) line; §15). Every mass is folded, however far below
    /// the threshold (erfc keeps the far tail).
    public func binCounts(energies: [Double], weights: [Double], edges: [Double]) -> [Double] {
        var fold = BackgroundFold(bins: edges.count - 1)
        var p = [Double](repeating: 0, count: edges.count - 1), tails = edges
        let upper = edges[edges.count - 1]
        for (e, w) in zip(energies, weights) where w > 0 {
            accumulate(w, at: e, edges: edges, windowUpper: upper, into: &fold, p: &p, tails: &tails)
        }
        return fold.bins
    }

    /// Expected events per bin of a smooth density f(E) (events per MeV of true visible energy) on
    /// [lower, upper], with `breakpoints` where f has kinks or steps: the background fold of
    /// docs/physics.md §8.2 (8-point Gauss–Legendre panels no wider than min(0.05 MeV, σ/2),
    /// starting at the least energy that reaches the threshold), before the efficiency.
    public func binCounts(density f: (Double) throws -> Double, from lower: Double, to upper: Double,
                          breakpoints: [Double] = [], edges: [Double]) throws -> [Double] {
        try foldDensity(f, from: lower, to: upper, breakpoints: breakpoints, edges: edges, windowUpper: edges[edges.count - 1]).bins
    }
}
