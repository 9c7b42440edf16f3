/// A monoenergetic energy deposit of a decay (or capture) channel without a β continuum
/// (docs/physics.md §14.3): an α line, a γ line after electron capture, a neutron-capture γ
/// cascade. Its visible energy is
///
///     E_vis = E_local + c · E_γ
///
/// with E_local the electron-equivalent energy deposited at the vertex (a quenched α, X-rays and
/// Auger electrons) and E_γ the γ energy, scaled by the same γ containment c ∈ [0, 1] as the
/// prompt γ of β branches (`VisibleEnergySpectrum`). Energies in MeV.
public struct EnergyLine: Sendable, Equatable {
    /// A label for tables ("Po210 α", "K40 EC → Ar40 1460.8 keV").
    public let name: String
    /// Electron-equivalent energy deposited at the vertex, independent of the γ containment, MeV.
    public let localEnergy: Double
    /// γ energy (a cascade summed), deposited with the γ containment, MeV.
    public let gammaEnergy: Double
    /// The α kinetic energy of an α line, MeV (0 for other lines); `localEnergy` is its
    /// quenched value.
    public let alphaEnergy: Double
    /// The α quenching factor Q_α = E_α / E_ee (≥ 1) of an α line; 1 for other lines.
    public let quenchingFactor: Double

    /// A general line.
    /// - Throws: `PhysicsInputError.invalidParameter` unless both energies are finite and ≥ 0.
    public init(name: String, localEnergy: Double = 0, gammaEnergy: Double = 0) throws {
        for (label, v) in [("local energy (MeV)", localEnergy), ("gamma energy (MeV)", gammaEnergy)]
        where !(v.isFinite && v >= 0) {
            throw PhysicsInputError.invalidParameter(name: "\(name) \(label)", value: v,
                                                     requirement: "must be a finite non-negative number of MeV")
        }
        self.init(validatedName: name, localEnergy: localEnergy, gammaEnergy: gammaEnergy, alphaEnergy: 0, quenchingFactor: 1)
    }

    /// Memberwise, for values already checked (or constants known to be valid).
    init(validatedName name: String, localEnergy: Double, gammaEnergy: Double, alphaEnergy: Double, quenchingFactor: Double) {
        self.name = name
        self.localEnergy = localEnergy
        self.gammaEnergy = gammaEnergy
        self.alphaEnergy = alphaEnergy
        self.quenchingFactor = quenchingFactor
    }

    /// A γ line of energy `energy` (MeV): E_vis = c · E.
    public static func gamma(name: String, energy: Double) throws -> EnergyLine {
        try EnergyLine(name: name, localEnergy: 0, gammaEnergy: energy)
    }

    /// An α line: kinetic energy `kineticEnergy` (MeV) deposited locally and quenched,
    /// E_vis = E_α / Q_α (scintillation quenching of heavily ionizing particles, Birks' law; Q_α
    /// depends on the scintillator and on E_α and is a parameter, docs/physics.md §14.4).
    /// - Throws: `PhysicsInputError.invalidParameter` unless E_α ≥ 0 and Q_α ≥ 1 are finite.
    public static func alpha(name: String, kineticEnergy: Double, quenchingFactor: Double) throws -> EnergyLine {
        guard quenchingFactor.isFinite, quenchingFactor >= 1 else {
            throw PhysicsInputError.invalidParameter(name: "\(name) alpha quenching factor", value: quenchingFactor,
                                                     requirement: "must be a finite number ≥ 1 (E_alpha / E_visible)")
        }
        guard kineticEnergy.isFinite, kineticEnergy >= 0 else {
            throw PhysicsInputError.invalidParameter(name: "\(name) alpha energy (MeV)", value: kineticEnergy,
                                                     requirement: "must be a finite non-negative number of MeV")
        }
        return EnergyLine(validatedName: name, localEnergy: kineticEnergy / quenchingFactor, gammaEnergy: 0,
                          alphaEnergy: kineticEnergy, quenchingFactor: quenchingFactor)
    }

    /// E_vis = E_local + c E_γ for a γ containment `c` ∈ [0, 1], MeV.
    public func visibleEnergy(gammaContainment c: Double = 1) -> Double {
        localEnergy + c * gammaEnergy
    }
}

/// A line with a weight: the expected number (or probability) of decays through it; the line
/// counterpart of `BetaComponent`.
public struct LineComponent: Sendable {
    /// Non-negative weight.
    public let weight: Double
    public let line: EnergyLine
    /// Which emitter the line belongs to ("Po210").
    public let emitter: String

    public init(weight: Double, line: EnergyLine, emitter: String) {
        self.weight = weight
        self.line = line
        self.emitter = emitter
    }
}
