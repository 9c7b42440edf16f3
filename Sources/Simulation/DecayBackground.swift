import Physics

/// Radioactive or cosmogenic decays in the fiducial volume (docs/physics.md §8.3, §14): one or
/// more nuclides sharing a total decay rate, each decay seen at its visible energy
/// (`RadioactiveEmitter.visibleSpectrum`, γ containment 1: the detectors are large and the
/// decays internal).
///
///     decays = rate (per day per 100 t) × (1 − veto efficiency) × fiducial mass / 100 t × live time (days)
///
/// `decaysPerDayPer100Tonnes` is the decay rate of the whole spectrum (all energies; Borexino's
/// "cpd/100 t"), before any muon veto. The fraction of decays above threshold comes from the
/// spectrum fold.
public struct DecayBackground: Sendable, Equatable {
    /// The nuclides and their shares of the decays (non-negative, normalized when folded).
    public var nuclides: [BackgroundNuclide]
    public var shares: [Double]
    /// Decays per day per 100 t of target (all energies), before the veto.
    public var decaysPerDayPer100Tonnes: Double
    /// Fraction of the decays removed by a muon veto, in [0, 1]; nil for nuclides no veto
    /// addresses (primordial radioactivity). Dead time is not modelled.
    public var vetoEfficiency: Double?
    /// Q_α of the ²¹⁰Po α line (≥ 1; default 13, docs/physics.md §14.4).
    public var alphaQuenchingFactor: Double

    public init(nuclides: [BackgroundNuclide], shares: [Double]? = nil, decaysPerDayPer100Tonnes: Double,
                vetoEfficiency: Double? = nil,
                alphaQuenchingFactor: Double = RadioactiveEmitter.polonium210DefaultQuenchingFactor) {
        self.nuclides = nuclides
        self.shares = shares ?? nuclides.map { _ in 1 }
        self.decaysPerDayPer100Tonnes = decaysPerDayPer100Tonnes
        self.vetoEfficiency = vetoEfficiency
        self.alphaQuenchingFactor = alphaQuenchingFactor
    }

    /// Decays per day per 100 t that survive the veto.
    public var survivingDecaysPerDayPer100Tonnes: Double { decaysPerDayPer100Tonnes * (1 - (vetoEfficiency ?? 0)) }

    func validate(_ name: String) throws(SimulationError) {
        guard !nuclides.isEmpty, nuclides.count == shares.count else {
            throw .invalidParameter(name: "background '\(name)' nuclide count", value: Double(nuclides.count),
                                    requirement: "needs at least one nuclide and one share per nuclide")
        }
        for s in shares {
            try SimulationError.require(s, "background '\(name)' nuclide share", "must be ≥ 0") { $0 >= 0 }
        }
        try SimulationError.require(shares.reduce(0, +), "background '\(name)' total share", "must be > 0") { $0 > 0 }
        try SimulationError.require(decaysPerDayPer100Tonnes, "background '\(name)' rate (decays per day per 100 t)",
                                    "must be ≥ 0") { $0 >= 0 }
        if let v = vetoEfficiency {
            try SimulationError.require(v, "background '\(name)' veto efficiency", "must be a fraction in [0, 1]") { $0 >= 0 && $0 <= 1 }
        }
        try SimulationError.require(alphaQuenchingFactor, "background '\(name)' alpha quenching factor", "must be ≥ 1") { $0 >= 1 }
    }
}
