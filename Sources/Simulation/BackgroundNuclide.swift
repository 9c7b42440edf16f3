import Physics

/// A radioactive or cosmogenic nuclide that a background component decays through, mapped to its
/// decay scheme in the Physics library (docs/physics.md §14): the single-decay visible-energy
/// spectrum (β⁻/β⁺ continua with their prompt γ's, lines) comes from there; the rate is the
/// background component's (`BackgroundDefinition`).
public enum BackgroundNuclide: String, Sendable, CaseIterable, Codable {
    /// ¹⁴C β⁻, Q = 0.156 MeV (`BetaEmitter.carbon14`).
    case c14
    /// ⁸⁵Kr β⁻, Q = 0.687 MeV (`BetaEmitter.krypton85`).
    case kr85
    /// ²¹⁰Bi β⁻, Q = 1.162 MeV (`BetaEmitter.bismuth210`).
    case bi210
    /// ²¹⁰Po α, 5.304 MeV quenched to 0.408 MeV electron-equivalent (`RadioactiveEmitter.polonium210`).
    case po210
    /// ²¹⁴Bi β⁻ + γ (²³⁸U chain), Q = 3.27 MeV (`BetaEmitter.bismuth214`).
    case bi214
    /// ²⁰⁸Tl β⁻ + γ (²³²Th chain), Q = 5.00 MeV, 2.614 MeV γ always (`BetaEmitter.thallium208`).
    case tl208
    /// ⁴⁰K β⁻ (89 %) and EC → 1.461 MeV γ (11 %) (`RadioactiveEmitter.potassium40`).
    case k40
    /// ¹¹C β⁺ (cosmogenic), E_vis 1.02–1.98 MeV (`BetaEmitter.carbon11`).
    case c11
    /// ¹⁰C β⁺ + 0.718 MeV γ (cosmogenic), E_vis ≤ 3.65 MeV (`BetaEmitter.carbon10`).
    case c10
    /// ⁸Li β⁻ (cosmogenic), T½ = 0.84 s, Q = 16.0 MeV (`BetaEmitter.lithium8Cosmogenic`).
    case li8
    /// ⁸He β⁻ (cosmogenic, 16 % β-n), T½ = 119 ms, Q = 10.66 MeV (`BetaEmitter.helium8`).
    case he8
    /// ⁹Li β⁻ (cosmogenic, 51 % β-n), T½ = 178 ms, Q = 13.6 MeV (`BetaEmitter.lithium9`).
    case li9
    /// ¹²B β⁻ (cosmogenic), T½ = 20.2 ms, Q = 13.37 MeV (`BetaEmitter.boron12`).
    case b12

    /// Whether cosmic muons make it in the scintillator (a muon veto can remove it).
    public var isCosmogenic: Bool {
        switch self {
        case .c11, .c10, .li8, .he8, .li9, .b12: true
        case .c14, .kr85, .bi210, .po210, .bi214, .tl208, .k40: false
        }
    }

    /// The decay scheme of one decay (docs/physics.md §14.1, §14.5), default Coulomb model.
    /// - Parameter alphaQuenchingFactor: Q_α of the ²¹⁰Po α (≥ 1; default 13, §14.4); ignored by
    ///   the others.
    public func emitter(alphaQuenchingFactor: Double = RadioactiveEmitter.polonium210DefaultQuenchingFactor) throws -> RadioactiveEmitter {
        switch self {
        case .c14: RadioactiveEmitter(try BetaEmitter.carbon14())
        case .kr85: RadioactiveEmitter(try BetaEmitter.krypton85())
        case .bi210: RadioactiveEmitter(try BetaEmitter.bismuth210())
        case .po210: try RadioactiveEmitter.polonium210(quenchingFactor: alphaQuenchingFactor)
        case .bi214: RadioactiveEmitter(try BetaEmitter.bismuth214())
        case .tl208: RadioactiveEmitter(try BetaEmitter.thallium208())
        case .k40: try RadioactiveEmitter.potassium40()
        case .c11: RadioactiveEmitter(try BetaEmitter.carbon11())
        case .c10: RadioactiveEmitter(try BetaEmitter.carbon10())
        case .li8: RadioactiveEmitter(try BetaEmitter.lithium8Cosmogenic())
        case .he8: RadioactiveEmitter(try BetaEmitter.helium8())
        case .li9: RadioactiveEmitter(try BetaEmitter.lithium9())
        case .b12: RadioactiveEmitter(try BetaEmitter.boron12())
        }
    }
}
