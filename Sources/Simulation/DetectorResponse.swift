import Foundation
import GSL

/// The detector response, defined once for the folding path (templates, the ⁴²Ar/⁴²K fast path)
/// and the simulation path (`DetectorSimulator`, `Argon42BruteForce`, histograms):
///
/// - energy: T_reco = E' + σ_T(E')·z with E' = f(T) the energy map (`energyMap`, identity unless a
///   systematic shift is applied, docs/physics.md §16.1; the formulas below write T for E'), z standard normal, truncated to T_reco ≥ 0 (the simulation
///   redraws a negative value, so the density is renormalized on [0, ∞) rather than piled up at 0):
///   P(T_reco ≥ x | T) = Φ((T − x)/σ_T) / Φ(T/σ_T) for x ≥ 0 (`survival`), Φ the standard normal
///   CDF, σ_T = √(a²T + b²T² + c²) MeV (`EnergyResolution`); a perfect resolution gives T_reco = T;
/// - binning: bin i of edges e₀ < … < e_n is [e_i, e_{i+1}), the last bin also takes the overflow
///   T_reco ≥ e_n (`Binning.indexWithOverflow`), so P_i = S(e_i) − S(e_{i+1}) and P_{n−1} = S(e_{n−1});
/// - threshold: detected when T_reco ≥ `thresholdMeV`;
/// - efficiency: then kept with probability ε (a uniform draw below ε), energy independent;
/// - direction: the true direction rotated by a polar angle δ from the von Mises–Fisher
///   distribution with κ = 1/σ_θ² (σ_θ in radians; Wood, Commun. Stat. Simul. 23, 157 (1994):
///   cos δ = 1 + ln(v + (1 − v)e^{−2κ})/κ) about a uniform azimuth ψ; nil: no direction measured.
///
/// The folding functions return probabilities without the efficiency (expected counts multiply by
/// ε); the sampling functions consume the random numbers documented on each.
public struct DetectorResponse: Sendable, Equatable {
    public let resolution: EnergyResolution
    public let thresholdMeV: Double
    public let efficiency: Double
    /// σ_θ of the direction response, degrees; nil when the detector measures no direction.
    public let directionResolutionDegrees: Double?
    /// The map from the true energy to the mean visible energy E' = f(T) before smearing
    /// (energy scale and non-linearity, `EnergyScaleMap`); the identity by default. σ is taken at E'.
    public let energyMap: EnergyScaleMap

    public init(resolution: EnergyResolution, thresholdMeV: Double, efficiency: Double, directionResolutionDegrees: Double? = nil,
                energyMap: EnergyScaleMap = .identity) {
        self.resolution = resolution
        self.thresholdMeV = thresholdMeV
        self.efficiency = efficiency
        self.directionResolutionDegrees = directionResolutionDegrees
        self.energyMap = energyMap
    }

    /// E' = f(T), the mean visible energy of true energy `t` (MeV): `t` itself for the identity map.
    @inlinable
    public func visibleEnergy(trueEnergyMeV t: Double) -> Double {
        energyMap.isIdentity ? t : energyMap(t)
    }

    /// f⁻¹(E'), the true energy whose mean visible energy is `e` (MeV): where a reconstructed-energy
    /// edge sits on the true-energy axis (exactly so for a perfect resolution).
    @inlinable
    public func trueEnergy(visibleEnergyMeV e: Double) -> Double {
        energyMap.isIdentity ? e : energyMap.inverse(e)
    }

    /// The response of `detector` at `thresholdMeV` (energy, efficiency, direction).
    public init(detector: Detector, thresholdMeV: Double) {
        self.init(resolution: detector.resolution, thresholdMeV: thresholdMeV, efficiency: detector.efficiency,
                  directionResolutionDegrees: detector.directionResolutionDegrees)
    }

    /// Φ(z), the standard normal CDF, via erfc for accurate tails: Φ(z) = erfc(−z/√2)/2.
    @inlinable
    public static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// The vMF concentration κ = 1/σ_θ² (σ_θ = `degrees` · π/180 rad); +∞ for σ_θ = 0.
    @inlinable
    public static func vonMisesConcentration(degrees: Double) -> Double {
        let rad = degrees * Double.pi / 180
        return rad > 0 ? 1 / (rad * rad) : .infinity
    }

    /// The least true T that reaches the threshold with probability above ~10⁻¹⁴ (f(T) = threshold − 7.6σ,
    /// solved by bisection); f⁻¹(threshold) for a perfect resolution; at least 1 keV.
    /// Events below it are neither generated nor integrated.
    public var lowestTrueRecoilMeV: Double {
        let thr = thresholdMeV
        guard !resolution.isPerfect else { return trueEnergy(visibleEnergyMeV: thr) }
        let sigmas = 7.6
        func reaches(_ t: Double) -> Bool {
            let e = visibleEnergy(trueEnergyMeV: t)
            return thr - e < sigmas * resolution.sigmaMeV(at: e)
        }
        var lo = 1e-3, hi = thr
        if reaches(lo) { return lo }
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if reaches(mid) { hi = mid } else { lo = mid }
        }
        return lo
    }
}
