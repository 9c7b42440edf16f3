extension ElectroweakCouplings {
    /// The effective couplings at recoil T with the one-loop electroweak corrections of BKS 1995
    /// (docs/physics.md §9.1), in this type's sign convention (BKS's g_L, g_R are the negatives):
    ///
    ///     g_R = ρ κ̂(T) ŝ²,   g_L = 1 − ρ (1/2 − κ̂(T) ŝ²)   (ν_e, ν̄_e),   g_L = −ρ (1/2 − κ̂(T) ŝ²)   (ν_μ,τ)
    ///
    /// with g_V = g_L + g_R, g_A = g_L − g_R. At ρ = κ̂ = 1 these are the tree-level couplings.
    ///
    /// - Parameter sin2ThetaW: ŝ² = sin²θ̂_W(M_Z) in MS-bar (not the low-Q² effective value).
    public static func radiativelyCorrected(flavor: NeutrinoFlavor, sin2ThetaW: Double,
                                            recoilMeV t: Double) -> ElectroweakCouplings {
        let rho = ElectroweakRadiativeCorrection.rho
        let ks = ElectroweakRadiativeCorrection.kappa(flavor: flavor, recoilMeV: t) * sin2ThetaW
        let right = rho * ks
        let neutral = rho * (0.5 - ks)
        let left = flavor.hasChargedCurrent ? 1 - neutral : -neutral
        return ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW, vector: left + right, axial: left - right)
    }

    /// These tree-level couplings at recoil T: themselves, or with `radiativeCorrections` the
    /// one-loop ones at the same flavor and sin²θ̂_W(M_Z) (`radiativelyCorrected`).
    @inlinable
    public func atRecoil(_ t: Double, radiativeCorrections: Bool) -> ElectroweakCouplings {
        radiativeCorrections ? Self.radiativelyCorrected(flavor: flavor, sin2ThetaW: sin2ThetaW, recoilMeV: t) : self
    }
}
