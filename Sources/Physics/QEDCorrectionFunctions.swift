import Foundation
import GSL

/// The O(α) QED corrections to the recoil-electron energy spectrum of ν–e elastic scattering,
/// virtual photons plus bremsstrahlung with the photon unobserved: the functions f₋, f₊, f₊₋ of
/// Bahcall, Kamionkowski & Sirlin, PRD 51, 6146 (1995), Appendix B (docs/physics.md §9.2).
///
/// They multiply α/π beside the three kinematic terms of dσ/dT (flat, (1 − z)², interference),
/// z = T/E_ν. With E_e = T + m_e, l = √(E_e² − m_e²), β = l/E_e, L(x) = −Li₂(x),
/// f₀ = (E_e/l) ln((E_e + l)/m_e) − 1 and λ = ln(1 − z − m_e/(E_e + l)):
///
///     f₋ = f₀[2λ − ln(1−z) − ½ ln z − 5/12] + ½[L(z) − L(β)] − ½ ln²(1−z) − (11/12 + z/2) ln(1−z)
///          + z[ln z + ½ ln(2E_ν/m_e)] − (31/18 + ln z/12) β − 11z/12 + z²/24
///     (1−z)² f₊ = f₀[(1−z)²(2λ − ln(1−z) − ½ ln z − 2/3) − ½(z² ln z + 1 − z)]
///          − ½(1−z)²[ln²(1−z) + β(L(1−z) − ln z ln(1−z))] + ln(1−z)[½ z² ln z + (1−z)(2z − ½)/3]
///          − ½ z² L(1−z) − z(1 − 2z) ln z/3 − z(1−z)/6 − (β/12)[ln z + (1−z)(115 − 109z)/6]
///     f₊₋ = 2 f₀ λ
///
/// The argument of λ vanishes at T = T_max (the soft-photon logarithm of the electron spectrum,
/// integrable); it is evaluated in the cancellation-free form
/// 1 − z − m_e/(E_e + l) = T (2E_ν + m_e)(T_max − T) / (E_ν [E_ν l + T (E_ν + m_e)]).
/// Valid for 0 < T < T_max(E_ν), any E_ν.
public struct QEDCorrectionFunctions: Sendable, Equatable {
    /// f₋(z), dimensionless: the correction to the flat term.
    public let fMinus: Double
    /// (1 − z)² f₊(z), dimensionless: the correction added to the (1 − z)² term.
    public let fPlusTimesOneMinusZSquared: Double
    /// f₊₋(z), dimensionless: the correction to the interference term.
    public let fPlusMinus: Double

    public init(neutrinoEnergyMeV e: Double, recoilMeV t: Double) {
        let me = PhysicalConstants.electronMass
        let ee = t + me
        let l = (t * (t + 2 * me)).squareRoot()
        let beta = l / ee
        let z = t / e
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: e)
        let w = t * (2 * e + me) * (tMax - t) / (e * (e * l + t * (e + me)))
        let lambda = log(w)
        let f0 = ee / l * log1p((t + l) / me) - 1
        let lnZ = log(z), ln1mZ = log1p(-z)
        let y = 1 - z, y2 = y * y
        let spenceZ = -SpecialFunctions.dilogarithm(z)
        let spenceBeta = -SpecialFunctions.dilogarithm(beta)
        let spenceY = -SpecialFunctions.dilogarithm(y)

        fMinus = f0 * (2 * lambda - ln1mZ - lnZ / 2 - 5.0 / 12)
            + (spenceZ - spenceBeta) / 2
            - ln1mZ * ln1mZ / 2 - (11.0 / 12 + z / 2) * ln1mZ
            + z * (lnZ + log(2 * e / me) / 2)
            - (31.0 / 18 + lnZ / 12) * beta
            - 11 * z / 12 + z * z / 24
        fPlusTimesOneMinusZSquared = f0 * (y2 * (2 * lambda - ln1mZ - lnZ / 2 - 2.0 / 3) - (z * z * lnZ + y) / 2)
            - y2 / 2 * (ln1mZ * ln1mZ + beta * (spenceY - lnZ * ln1mZ))
            + ln1mZ * (z * z * lnZ / 2 + y * (2 * z - 0.5) / 3)
            - z * z / 2 * spenceY - z * (1 - 2 * z) * lnZ / 3 - z * y / 6
            - beta / 12 * (lnZ + y * (115 - 109 * z) / 6)
        fPlusMinus = 2 * f0 * lambda
    }
}
