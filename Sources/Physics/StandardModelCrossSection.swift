/// Standard Model ν–e⁻ elastic scattering at tree level, W and Z exchange (docs/physics.md §1.3):
///
///     dσ/dT = (G_F² m_e / 2π) [ (g_V ∓ g_A)² + (g_V ± g_A)² (1 − T/E)² − (g_V² − g_A²) m_e T/E² ]
///
/// upper signs for antineutrinos. For ν̄_e this is (2G_F² m_e/π)[g_R² + g_L²(1 − T/E)² − g_L g_R m_e T/E²].
/// Vogel & Engel, PRD 39, 3378 (1989), eq. (2); Conrad et al., PRD 89, 072010 (2014).
///
/// With `radiativeCorrections` the one-loop electroweak and QED corrections of Bahcall,
/// Kamionkowski & Sirlin (1995) are applied (`StandardModelCrossSection+RadiativeCorrections`,
/// docs/physics.md §9); `sin2ThetaW` is then sin²θ̂_W(M_Z) in MS-bar.
public struct StandardModelCrossSection: CrossSection {
    /// The tree-level couplings at `sin2ThetaW`.
    public let couplings: ElectroweakCouplings
    /// Whether the BKS one-loop corrections are applied.
    public let radiativeCorrections: Bool

    public init(flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                radiativeCorrections: Bool = false) {
        couplings = ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW)
        self.radiativeCorrections = radiativeCorrections
    }

    public var label: String { radiativeCorrections ? "sm-rc" : "sm" }

    /// The coefficients (a, b, c) of dσ/dT = K [a + b (1 − T/E)² − c m_e T/E²], K = G_F² m_e/(2π) in cm²/MeV,
    /// with the vector coupling shifted by `deltaVector` (used by the light-vector model).
    @inlinable
    static func bracketCoefficients(_ c: ElectroweakCouplings, deltaVector: Double = 0) -> (a: Double, b: Double, c: Double) {
        let gv = c.vector + deltaVector, ga = c.axial
        let minus = (gv - ga) * (gv - ga), plus = (gv + ga) * (gv + ga)
        return c.flavor.isAntineutrino ? (minus, plus, gv * gv - ga * ga) : (plus, minus, gv * gv - ga * ga)
    }

    /// G_F² m_e / (2π) in cm²/MeV: one quarter of `PhysicalConstants.weakCrossSectionScale`.
    public static let prefactor = PhysicalConstants.weakCrossSectionScale / 4

    @inlinable
    public func differential(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        guard t > 0, t <= Kinematics.maxRecoil(neutrinoEnergy: e) else { return 0 }
        if radiativeCorrections {
            return Self.radiativelyCorrectedDifferential(flavor: couplings.flavor, sin2ThetaW: couplings.sin2ThetaW,
                                                         neutrinoEnergyMeV: e, recoilMeV: t)
        }
        return Self.treeDifferential(couplings: couplings, neutrinoEnergyMeV: e, recoilMeV: t)
    }

    /// The tree-level dσ/dT for given couplings at a point with 0 < T ≤ T_max(E), cm²/MeV.
    @inlinable
    public static func treeDifferential(couplings: ElectroweakCouplings, neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        let (a, b, c) = bracketCoefficients(couplings)
        let y = 1 - t / e
        return prefactor * (a + b * y * y - c * PhysicalConstants.electronMass * t / (e * e))
    }

    /// Closed form of ∫ dσ/dT dT over [lower, upper] ∩ (0, T_max]:
    /// K [a ΔT + b E/3 ((1 − T₁/E)³ − (1 − T₂/E)³) − c m_e (T₂² − T₁²)/(2E²)].
    /// With radiative corrections there is no closed form: GSL QAGS (`numericalIntegral`).
    public func integrated(neutrinoEnergy e: Double, recoilFrom lower: Double, to upper: Double) throws -> Double {
        if radiativeCorrections { return try numericalIntegral(neutrinoEnergy: e, recoilFrom: lower, to: upper) }
        let (t1, t2) = try Self.clippedRecoilRange(neutrinoEnergy: e, lower, upper)
        guard t2 > t1 else { return 0 }
        let (a, b, c) = Self.bracketCoefficients(couplings)
        let y1 = 1 - t1 / e, y2 = 1 - t2 / e
        let cubic = e / 3 * (y1 * y1 * y1 - y2 * y2 * y2)
        return Self.prefactor * (a * (t2 - t1) + b * cubic - c * PhysicalConstants.electronMass * (t2 * t2 - t1 * t1) / (2 * e * e))
    }
}
