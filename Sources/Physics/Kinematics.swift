import Foundation

/// Two-body kinematics of ν + e⁻ → ν + e⁻ on an electron at rest (Vogel & Engel, PRD 39, 3378).
/// Energies in MeV; T is the electron recoil kinetic energy.
public enum Kinematics {
    /// T_max = 2E² / (m_e + 2E), MeV. T_max(8 MeV) = 7.7524 MeV.
    @inlinable
    public static func maxRecoil(neutrinoEnergy e: Double) -> Double {
        2 * e * e / (PhysicalConstants.electronMass + 2 * e)
    }

    /// E_min(T) = [T + √(T(T + 2m_e))] / 2, MeV: the least neutrino energy giving recoil T
    /// (the inverse of `maxRecoil`).
    @inlinable
    public static func minNeutrinoEnergy(recoil t: Double) -> Double {
        (t + (t * (t + 2 * PhysicalConstants.electronMass)).squareRoot()) / 2
    }

    /// cos θ_e = (E + m_e)/E · √(T / (T + 2m_e)): the electron's angle to the neutrino
    /// direction. Equals 1 at T = T_max. cos θ_e(8, 4) = 0.9495.
    @inlinable
    public static func cosRecoilAngle(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        (e + PhysicalConstants.electronMass) / e * (t / (t + 2 * PhysicalConstants.electronMass)).squareRoot()
    }
}
