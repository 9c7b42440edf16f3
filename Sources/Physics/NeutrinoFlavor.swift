/// The neutrino species scattering on the electron. ν_τ behaves as ν_μ (NC only).
public enum NeutrinoFlavor: String, Sendable, CaseIterable, Codable {
    case electronAntineutrino = "anti-nu-e"
    case electronNeutrino = "nu-e"
    case muonNeutrino = "nu-mu"
    case muonAntineutrino = "anti-nu-mu"

    public var isAntineutrino: Bool { self == .electronAntineutrino || self == .muonAntineutrino }
    /// Whether W exchange (the charged current) adds to Z exchange.
    public var hasChargedCurrent: Bool { self == .electronAntineutrino || self == .electronNeutrino }
    /// PDG Monte Carlo particle code.
    public var pdgCode: Int {
        switch self {
        case .electronNeutrino: 12
        case .electronAntineutrino: -12
        case .muonNeutrino: 14
        case .muonAntineutrino: -14
        }
    }
}
