/// Effective vector and axial couplings of ν–e scattering, CC included for ν_e and ν̄_e
/// (the Fierz-rearranged W exchange adds +1 to g_V and g_A):
/// g_V = ±1/2 + 2 sin²θ_W, g_A = ±1/2 (upper sign ν_e, ν̄_e; lower ν_μ,τ).
/// Vogel & Engel, PRD 39, 3378 (1989); Marciano & Parsa, J. Phys. G 29, 2629 (2003).
public struct ElectroweakCouplings: Sendable, Equatable {
    /// Low-Q² MS-bar value (Erler & Ramsey-Musolf, PRD 72, 073003, 2005): nue's default.
    public static let defaultSin2ThetaW = 0.23867
    /// The Z-pole MS-bar value sin²θ̂_W(M_Z) (PDG 2024, 0.23122 ± 0.00006): the default when
    /// radiative corrections are on (docs/physics.md §9.4).
    public static let zPoleSin2ThetaW = 0.23122

    /// The default sin²θ_W for a cross section with or without the one-loop corrections: the
    /// low-Q² effective value at tree level, sin²θ̂_W(M_Z) with corrections (docs/physics.md §9.4).
    public static func defaultSin2ThetaW(radiativeCorrections: Bool) -> Double {
        radiativeCorrections ? zPoleSin2ThetaW : defaultSin2ThetaW
    }

    public let sin2ThetaW: Double
    public let flavor: NeutrinoFlavor
    public let vector: Double
    public let axial: Double

    public init(flavor: NeutrinoFlavor, sin2ThetaW: Double = defaultSin2ThetaW) {
        self.flavor = flavor
        self.sin2ThetaW = sin2ThetaW
        let half = flavor.hasChargedCurrent ? 0.5 : -0.5
        vector = half + 2 * sin2ThetaW
        axial = half
    }

    /// Couplings given directly (the radiatively corrected ones; `sin2ThetaW` records the input).
    init(flavor: NeutrinoFlavor, sin2ThetaW: Double, vector: Double, axial: Double) {
        self.flavor = flavor
        self.sin2ThetaW = sin2ThetaW
        self.vector = vector
        self.axial = axial
    }

    /// g_L = (g_V + g_A)/2, g_R = (g_V − g_A)/2.
    public var left: Double { (vector + axial) / 2 }
    public var right: Double { (vector - axial) / 2 }
}
