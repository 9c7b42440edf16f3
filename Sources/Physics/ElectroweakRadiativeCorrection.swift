import Foundation

/// One-loop electroweak corrections to ν–e elastic scattering in the MS-bar scheme:
/// Bahcall, Kamionkowski & Sirlin, PRD 51, 6146 (1995), Appendix A (docs/physics.md §9.1).
///
/// The neutral-current amplitude is rescaled by ρ_NC and sin²θ_W is replaced by κ̂(T) ŝ², where
/// ŝ² = sin²θ̂_W(M_Z) (MS-bar) and κ̂(T) carries the running to q² = −2 m_e T together with the
/// vertex, box and neutrino charge-radius corrections. Valid for T ≪ M_W (the whole nue range).
public enum ElectroweakRadiativeCorrection {
    /// ρ_NC^(ν,ℓ) = 1.0126 ± 0.0016 (BKS 1995, eq. A3).
    public static let rho = 1.0126
    /// ŝ² = sin²θ̂_W(M_Z) = 0.2317, the MS-bar value BKS used (their reference numbers assume it).
    public static let bahcallKamionkowskiSirlinSin2ThetaW = 0.2317

    /// I(T) = (1/6)[1/3 + (3 − x²)((x/2) ln((x + 1)/(x − 1)) − 1)], x = √(1 + 2 m_e/T)
    /// (BKS 1995, eq. A4), dimensionless, for recoil T > 0 MeV. I → 0 as T → 0; I(1 MeV) = 0.09506 (docs/physics.md §9.6).
    /// For small T (x large) the bracket is evaluated by its series to avoid cancellation.
    @inlinable
    public static func loopFunction(recoilMeV t: Double) -> Double {
        let x2 = 1 + 2 * PhysicalConstants.electronMass / t
        let x = x2.squareRoot()
        let bracket: Double
        if x2 > 400 {
            // (x/2) ln((x+1)/(x−1)) − 1 = Σ_{k≥1} x^{−2k}/(2k + 1).
            let u = 1 / x2
            bracket = u * (1.0 / 3 + u * (1.0 / 5 + u * (1.0 / 7 + u * (1.0 / 9 + u / 11))))
        } else {
            bracket = x / 2 * log((x + 1) / (x - 1)) - 1
        }
        return (1.0 / 3 + (3 - x2) * bracket) / 6
    }

    /// κ̂(T): 0.9791 + 0.0097 I(T) for ν_e, ν̄_e and 0.9970 − 0.00037 I(T) for ν_μ,τ and their
    /// antineutrinos (BKS 1995, eqs. A5–A6; ±0.0025 each), dimensionless.
    @inlinable
    public static func kappa(flavor: NeutrinoFlavor, recoilMeV t: Double) -> Double {
        let i = loopFunction(recoilMeV: t)
        return flavor.hasChargedCurrent ? 0.9791 + 0.0097 * i : 0.9970 - 0.00037 * i
    }
}
