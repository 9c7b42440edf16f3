extension StandardModelCrossSection {
    /// dσ/dT with the one-loop corrections of Bahcall, Kamionkowski & Sirlin, PRD 51, 6146 (1995),
    /// eq. (A1) and Appendix B (docs/physics.md §9), cm²/MeV, for 0 < T < T_max(E):
    ///
    ///     dσ/dT = (2G_F² m_e/π) { g_a² [1 + (α/π) f₋] + g_b² [(1−z)² + (α/π)(1−z)² f₊] − g_L g_R (m_e z/E)[1 + (α/π) f₊₋] }
    ///
    /// z = T/E, with the electroweak couplings g_L(T), g_R(T) of
    /// `ElectroweakCouplings.radiativelyCorrected` and (g_a, g_b) = (g_L, g_R) for neutrinos,
    /// (g_R, g_L) for antineutrinos (each QED function stays with its kinematic term).
    ///
    /// The observable is the recoil electron's kinetic energy T with any bremsstrahlung photon
    /// unobserved (BKS; what a Cherenkov detector measures). `sin2ThetaW` is sin²θ̂_W(M_Z) (MS-bar).
    @inlinable
    public static func radiativelyCorrectedDifferential(flavor: NeutrinoFlavor, sin2ThetaW: Double,
                                                        neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        let corrected = ElectroweakCouplings.radiativelyCorrected(flavor: flavor, sin2ThetaW: sin2ThetaW, recoilMeV: t)
        return treeDifferential(couplings: corrected, neutrinoEnergyMeV: e, recoilMeV: t)
            + qedIncrement(couplings: corrected, neutrinoEnergyMeV: e, recoilMeV: t)
    }

    /// The QED part of the corrected dσ/dT alone, cm²/MeV:
    /// (2G_F² m_e/π)(α/π)[g_a² f₋ + g_b² (1−z)² f₊ − g_L g_R (m_e z/E) f₊₋] (see above).
    @inlinable
    public static func qedIncrement(couplings c: ElectroweakCouplings, neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        let f = QEDCorrectionFunctions(neutrinoEnergyMeV: e, recoilMeV: t)
        let (flat, slope) = c.flavor.isAntineutrino ? (c.right, c.left) : (c.left, c.right)
        let bracket = flat * flat * f.fMinus + slope * slope * f.fPlusTimesOneMinusZSquared
            - c.left * c.right * PhysicalConstants.electronMass * t / (e * e) * f.fPlusMinus
        return PhysicalConstants.weakCrossSectionScale * PhysicalConstants.fineStructure / Double.pi * bracket
    }
}
