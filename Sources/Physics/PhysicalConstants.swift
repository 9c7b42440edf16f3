/// Physical constants in natural units (ħ = c = 1, energies in MeV) with the conversion to cm².
/// Values: CODATA 2018 / PDG 2024 (docs/physics.md §0.2).
public enum PhysicalConstants {
    /// Fermi coupling G_F, MeV⁻².
    public static let fermiCoupling = 1.1663788e-11
    /// Electron mass m_e, MeV.
    public static let electronMass = 0.51099895
    /// Fine-structure constant α (dimensionless).
    public static let fineStructure = 1 / 137.035999
    /// (ħc)², MeV²·cm²: multiplies a cross section in MeV⁻² to give cm².
    public static let hbarCSquared = 0.389379372e-21
    /// ħc, MeV·fm.
    public static let hbarC = 197.3269804
    /// α-particle mass, MeV (CODATA 2018).
    public static let alphaMass = 3727.3794066
    /// Seconds in a Julian year.
    public static let secondsPerYear = 365.25 * 86400
    /// Atomic mass unit, MeV.
    public static let atomicMassUnit = 931.49410242

    /// 2 G_F² m_e / π in cm²/MeV (= 1.72327×10⁻⁴⁴, docs/physics.md §0.3).
    public static let weakCrossSectionScale = 2 * fermiCoupling * fermiCoupling * electronMass / Double.pi * hbarCSquared
    /// π α² / m_e² in cm² (= 2.4947×10⁻²⁵, docs/physics.md §0.3): the magnetic-moment scale.
    public static let magneticMomentScale = Double.pi * fineStructure * fineStructure / (electronMass * electronMass) * hbarCSquared
}
