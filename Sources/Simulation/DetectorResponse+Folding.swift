import Foundation

/// The folding side of the response: probabilities of reconstructed energies given the true one
/// (dimensionless, without the efficiency ε). Every function maps the true energy T to the mean
/// visible energy E' = f(T) first (`visibleEnergy`; the identity unless a systematic shift is
/// applied) and smears around E' with σ_T(E').
extension DetectorResponse {
    /// S(x | T) = P(T_reco ≥ x | T) = Φ((T − x)/σ) / Φ(T/σ), σ = σ_T(T) > 0, for the Gaussian
    /// truncated at T_reco ≥ 0 (x ≥ 0; `norm` = Φ(T/σ) passed in to share it across edges).
    @inlinable
    static func survival(_ x: Double, trueEnergy t: Double, sigma: Double, norm: Double) -> Double {
        normalCDF((t - x) / sigma) / norm
    }

    /// P(T_reco ∈ bin i | T) for every bin of `edges` (first edge ≥ 0), written into `p`
    /// (count = edges.count − 1): S(e_i) − S(e_{i+1}), the last bin S(e_{n−1}) (it takes the
    /// overflow); for a perfect resolution 1 in the bin of T (`Binning.indexWithOverflow`), none
    /// below e₀. `tails` is scratch of edges.count values.
    @inlinable
    public func binProbabilities(trueEnergyMeV t: Double, edges: [Double], into p: inout [Double], tails: inout [Double]) {
        let bins = edges.count - 1
        let e = visibleEnergy(trueEnergyMeV: t)
        let sigma = resolution.sigmaMeV(at: e)
        if sigma > 0 {
            let norm = Self.normalCDF(e / sigma)
            for k in edges.indices { tails[k] = Self.survival(edges[k], trueEnergy: e, sigma: sigma, norm: norm) }
            for j in 0..<bins { p[j] = j == bins - 1 ? tails[j] : tails[j] - tails[j + 1] }
        } else {
            for j in 0..<bins { p[j] = 0 }
            if let j = Binning.indexWithOverflow(of: e, edges: edges) { p[j] = 1 }
        }
    }

    /// P(T_reco ∈ bin i | T) for one bin (the same arithmetic as `binProbabilities`).
    @inlinable
    public func binProbability(_ i: Int, trueEnergyMeV t: Double, edges: [Double]) -> Double {
        let e = visibleEnergy(trueEnergyMeV: t)
        let sigma = resolution.sigmaMeV(at: e)
        guard sigma > 0 else { return Binning.indexWithOverflow(of: e, edges: edges) == i ? 1 : 0 }
        let norm = Self.normalCDF(e / sigma)
        let lower = Self.survival(edges[i], trueEnergy: e, sigma: sigma, norm: norm)
        return i == edges.count - 2 ? lower : lower - Self.survival(edges[i + 1], trueEnergy: e, sigma: sigma, norm: norm)
    }

    /// P(T_reco ≥ threshold | T) = S(threshold | T); a step at the threshold for a perfect resolution.
    @inlinable
    public func probabilityAboveThreshold(trueEnergyMeV t: Double) -> Double {
        let e = visibleEnergy(trueEnergyMeV: t)
        let sigma = resolution.sigmaMeV(at: e)
        guard sigma > 0 else { return e >= thresholdMeV ? 1 : 0 }
        return Self.survival(thresholdMeV, trueEnergy: e, sigma: sigma, norm: Self.normalCDF(e / sigma))
    }

    /// P(lower ≤ T_reco < upper | T) (upper may be +∞; lower ≥ 0) = S(lower) − S(upper).
    public func probability(recoFrom lower: Double, to upper: Double, trueRecoilMeV t: Double) -> Double {
        let e = visibleEnergy(trueEnergyMeV: t)
        let sigma = resolution.sigmaMeV(at: e)
        guard sigma > 0 else { return (e >= lower && e < upper) ? 1 : 0 }
        let norm = Self.normalCDF(e / sigma)
        let hi = upper.isInfinite ? 0 : Self.survival(upper, trueEnergy: e, sigma: sigma, norm: norm)
        return max(0, Self.survival(lower, trueEnergy: e, sigma: sigma, norm: norm) - hi)
    }
}
