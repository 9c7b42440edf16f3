/// The energy distribution of one solar-neutrino component (docs/physics.md §13.2), normalized to
/// one neutrino: either a continuous dN/dE (β⁺ decays and ⁸B; per MeV, unit area) or a set of
/// δ-function lines (electron captures: pep, ⁷Be) whose branchings add up to 1.
public enum SolarNeutrinoSpectrum: Sendable {
    case continuous(NeutrinoSpectrum)
    case lines([NeutrinoLine])

    /// ⟨f⟩ = ∫ f(E) dN/dE dE (continuous) or Σ_k b_k f(E_k) (lines); same unit as f.
    public func average(_ f: @escaping (Double) -> Double) throws -> Double {
        switch self {
        case .continuous(let spectrum):
            return try spectrum.average(f)
        case .lines(let lines):
            return lines.reduce(0) { $0 + $1.branching * f($1.energyMeV) }
        }
    }

    /// ⟨E⟩, MeV.
    public func meanEnergy() throws -> Double { try average { $0 } }

    /// The highest neutrino energy, MeV: the spectrum's endpoint or the highest line.
    public var maximumEnergy: Double {
        switch self {
        case .continuous(let spectrum): spectrum.endpoint
        case .lines(let lines): lines.map(\.energyMeV).max() ?? 0
        }
    }
}
