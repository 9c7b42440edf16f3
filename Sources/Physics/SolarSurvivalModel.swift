/// How solar ν_e survive to the detector (docs/physics.md §13.3–13.4): the MSW-LMA probability of
/// `SolarOscillation`, averaged over each component's production region, or a fixed P_ee (for
/// cross-checks such as the briefing's P_ee = 0.31 for ⁸B, or P_ee = 1 without oscillation).
public enum SolarSurvivalModel: Sendable, Equatable {
    case mswLMA(SolarOscillation)
    /// A constant P_ee ∈ [0, 1] at all energies.
    case constant(Double)

    /// The default: MSW-LMA with the PDG 2024 parameters.
    public static let standard = SolarSurvivalModel.mswLMA(.pdg2024)

    /// P_ee(E) for `component` (dimensionless).
    public func probability(neutrinoEnergy e: Double, component: SolarNeutrinoComponent) -> Double {
        switch self {
        case .mswLMA(let oscillation): oscillation.survivalProbability(neutrinoEnergy: e, component: component)
        case .constant(let p): p
        }
    }
}
