import Foundation

/// The electromagnetic scattering of a neutrino with magnetic moment μ_ν = κ μ_B
/// (Vogel & Engel, PRD 39, 3378 (1989), eq. (3); TEXONO, PRD 75, 012001 (2007)):
///
///     dσ/dT = (π α² / m_e²) κ² (1/T − 1/E),   π α²/m_e² = 2.4947×10⁻²⁵ cm²
///
/// Helicity-flipping, so it does not interfere with the weak amplitude: add it to the SM term.
/// Valid for 0 < T ≤ T_max; the total diverges like ln T at T → 0.
public struct MagneticMomentCrossSection: CrossSection {
    /// κ = μ_ν / μ_B (dimensionless).
    public let kappa: Double

    public init(kappa: Double) { self.kappa = kappa }

    public var label: String { "magnetic-moment" }

    @inlinable
    public func differential(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        guard t > 0, t <= Kinematics.maxRecoil(neutrinoEnergy: e) else { return 0 }
        return PhysicalConstants.magneticMomentScale * kappa * kappa * (1 / t - 1 / e)
    }

    /// Closed form: (πα²/m_e²) κ² [ln(T₂/T₁) − (T₂ − T₁)/E]. A lower limit of 0 diverges and throws.
    public func integrated(neutrinoEnergy e: Double, recoilFrom lower: Double, to upper: Double) throws -> Double {
        let (t1, t2) = try Self.clippedRecoilRange(neutrinoEnergy: e, lower, upper)
        guard t2 > t1 else { return 0 }
        guard t1 > 0 else {
            throw PhysicsInputError.invalidParameter(
                name: "lower recoil limit", value: t1,
                requirement: "the magnetic-moment cross section diverges like ln T at T → 0; give a positive lower limit")
        }
        return PhysicalConstants.magneticMomentScale * kappa * kappa * (log(t2 / t1) - (t2 - t1) / e)
    }
}
