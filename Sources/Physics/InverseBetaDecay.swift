import Foundation

/// Inverse β decay on free protons, ν̄_e + p → e⁺ + n: the detection reaction of reactor and
/// geo-neutrinos in scintillator, a background to ν̄_e–e scattering (docs/physics.md §13.5).
///
/// Cross section: the approximation of Strumia & Vissani, PLB 564, 42 (2003), eq. (25),
///
///     σ(E_ν) ≈ 10⁻⁴³ cm² · p_e E_e · E_ν^(−0.07056 + 0.02018 ln E_ν − 0.001953 ln³ E_ν),
///     E_e = E_ν − Δ,  p_e = √(E_e² − m_e²),  Δ = m_n − m_p = 1.29333 MeV   (all in MeV)
///
/// which they state agrees with their full calculation (V − A with form factors, nucleon recoil,
/// radiative corrections) within a few per mille for E_ν ≲ 300 MeV. Against nue's own
/// implementation of that full calculation it agrees within 0.5 % for 2.5–30 MeV and 1.3 %
/// just above threshold, where E_e = E_ν − Δ ignores the nucleon recoil (tested).
/// Masses: CODATA 2018.
public enum InverseBetaDecay {
    /// m_p, MeV (CODATA 2018).
    public static let protonMass = 938.27208816
    /// m_n, MeV (CODATA 2018).
    public static let neutronMass = 939.56542052
    /// Δ = m_n − m_p = 1.29333 MeV.
    public static let massDifference = neutronMass - protonMass

    /// The threshold E_th = ((m_n + m_e)² − m_p²) / (2 m_p) = 1.80607 MeV (free proton at rest).
    public static let threshold: Double = {
        let mn = neutronMass, me = PhysicalConstants.electronMass, mp = protonMass
        return ((mn + me) * (mn + me) - mp * mp) / (2 * mp)
    }()

    /// σ(E_ν) of eq. (25) of Strumia & Vissani (2003), cm²; 0 below `threshold`.
    /// Valid to a few per mille for threshold ≤ E_ν ≲ 300 MeV.
    public static func crossSection(neutrinoEnergy e: Double) -> Double {
        guard e.isFinite, e >= threshold else { return 0 }
        let ee = positronEnergy(neutrinoEnergy: e)
        let me = PhysicalConstants.electronMass
        let pe = max(0, ee * ee - me * me).squareRoot()
        let l = log(e)
        return 1e-43 * pe * ee * pow(e, -0.07056 + 0.02018 * l - 0.001953 * l * l * l)
    }

    /// The positron's total energy at zeroth order in 1/m_p, E_e = E_ν − Δ, MeV.
    public static func positronEnergy(neutrinoEnergy e: Double) -> Double { e - massDifference }

    /// The prompt visible energy: the positron's kinetic energy plus the two 511 keV annihilation
    /// photons, E_prompt = (E_e − m_e) + 2 m_e = E_ν − Δ + m_e = E_ν − 0.78233 MeV (neutron recoil,
    /// ≲ 50 keV at reactor energies, and quenching neglected). MeV.
    public static func promptEnergy(neutrinoEnergy e: Double) -> Double {
        positronEnergy(neutrinoEnergy: e) + PhysicalConstants.electronMass
    }

    /// The neutrino energy that gives prompt energy `prompt` MeV (the inverse of `promptEnergy`).
    public static func neutrinoEnergy(promptEnergy prompt: Double) -> Double {
        prompt + massDifference - PhysicalConstants.electronMass
    }
}
