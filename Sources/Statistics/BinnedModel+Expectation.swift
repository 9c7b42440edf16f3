extension BinnedModel {
    /// μ_i(θ, n, b⃗) = n (S_i + Σ_k θ^k T_k,i) + Σ_j b_j B_j,i for every bin.
    /// Throws when some μ_i < 0 (destructive interference beyond the SM rate: an invalid point).
    public func expected(theta: Double, nuisances: NuisanceParameters) throws(StatisticsError) -> [Double] {
        guard nuisances.backgrounds.count == backgrounds.count else {
            throw StatisticsError("expected \(backgrounds.count) background normalizations, got \(nuisances.backgrounds.count)")
        }
        var mu = [Double](repeating: 0, count: binCount)
        for i in 0..<binCount {
            var t = standardModel[i]
            var power = 1.0
            for k in 0..<termCount {
                power *= theta
                t += power * flatTerms[k * binCount + i]
            }
            var value = nuisances.normalization * t
            for j in 0..<backgrounds.count { value += nuisances.backgrounds[j] * flatBackgrounds[j * binCount + i] }
            guard value >= 0, value.isFinite else {
                throw StatisticsError("expected counts negative or not finite in bin \(i) at θ = \(theta) (value \(value))")
            }
            mu[i] = value
        }
        return mu
    }

    /// The Asimov data set at θ: the expected counts with the nuisances at their nominal values
    /// (Cowan et al., EPJC 71, 1554 (2011), §3.2). Its global observables are `nominalNuisances`.
    public func asimovData(theta: Double = 0) throws(StatisticsError) -> [Double] {
        try expected(theta: theta, nuisances: nominalNuisances)
    }

    /// A θ scale at which the new-physics terms change the total count by about one standard
    /// deviation √(ΣS + ΣB): Σ_k θ^k Σ_i |T_k,i| = √N. A starting bracket for root searches.
    public var parameterScale: Double {
        let total = standardModel.reduce(0, +) + backgrounds.reduce(0) { $0 + $1.template.reduce(0, +) }
        let target = max(total, 1).squareRoot()
        let sums = parameterTerms.map { $0.reduce(0) { $0 + abs($1) } }
        func extra(_ theta: Double) -> Double {
            var p = 1.0, s = 0.0
            for sum in sums { p *= theta; s += p * sum }
            return s
        }
        guard sums.contains(where: { $0 > 0 }) else { return 1 }
        var lo = 0.0, hi = 1.0
        while extra(hi) < target { lo = hi; hi *= 2; if hi > 1e300 { return 1 } }
        while extra(lo) == 0 && lo == 0 && hi > 1e-300 && extra(hi / 2) >= target { hi /= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if extra(mid) < target { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * hi { break }
        }
        return hi
    }
}
