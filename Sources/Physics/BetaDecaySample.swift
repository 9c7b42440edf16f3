/// One sampled β decay: which component (branch) fired, the electron kinetic energy and the
/// prompt γ energy.
public struct BetaDecaySample: Sendable, Equatable {
    /// Index into the sampler's `components`.
    public let component: Int
    /// Electron kinetic energy T_e, MeV.
    public let electronKineticEnergy: Double
    /// Total prompt γ energy of the branch, MeV (0 for ground-state branches).
    public let gammaEnergy: Double

    public init(component: Int, electronKineticEnergy: Double, gammaEnergy: Double) {
        self.component = component
        self.electronKineticEnergy = electronKineticEnergy
        self.gammaEnergy = gammaEnergy
    }

    /// Visible energy E_vis = T_e + c · E_γ, MeV, for a γ containment c ∈ [0, 1] (the fraction
    /// of the γ energy deposited in the liquid; 1 = fully contained).
    @inlinable
    public func visibleEnergy(gammaContainment c: Double = 1) -> Double {
        electronKineticEnergy + c * gammaEnergy
    }
}
