import Foundation

/// The energy response used by both the simulator and the integrated templates: the
/// reconstructed kinetic energy is Gaussian around the true T with σ_T(T), truncated to
/// T_reco ≥ 0 (the simulator resamples negative values, so the density is renormalized on
/// [0, ∞) rather than piled up at 0); a perfect resolution gives T_reco = T.
public struct DetectorResponse: Sendable, Equatable {
    public let resolution: EnergyResolution
    public let thresholdMeV: Double
    public let efficiency: Double

    public init(resolution: EnergyResolution, thresholdMeV: Double, efficiency: Double) {
        self.resolution = resolution
        self.thresholdMeV = thresholdMeV
        self.efficiency = efficiency
    }

    /// Φ(z), the standard normal CDF, via erfc for accurate tails.
    @inlinable
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// P(lower ≤ T_reco < upper | T) (upper may be +∞), without the efficiency.
    public func probability(recoFrom lower: Double, to upper: Double, trueRecoilMeV t: Double) -> Double {
        let sigma = resolution.sigmaMeV(at: t)
        guard sigma > 0 else { return (t >= lower && t < upper) ? 1 : 0 }
        let hi = upper.isInfinite ? 1 : Self.normalCDF((upper - t) / sigma)
        let lo = Self.normalCDF((lower - t) / sigma)
        let norm = Self.normalCDF(t / sigma)
        return max(0, hi - lo) / norm
    }

    /// The least true T that reaches the threshold with probability above ~10⁻¹⁴ (threshold − 7.6σ,
    /// solved by bisection); the threshold itself for a perfect resolution; at least 1 keV.
    /// Events below it are neither generated nor integrated.
    public var lowestTrueRecoilMeV: Double {
        let thr = thresholdMeV
        guard !resolution.isPerfect else { return thr }
        let sigmas = 7.6
        func reaches(_ t: Double) -> Bool { thr - t < sigmas * resolution.sigmaMeV(at: t) }
        var lo = 1e-3, hi = thr
        if reaches(lo) { return lo }
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if reaches(mid) { hi = mid } else { lo = mid }
        }
        return lo
    }
}
