/// A detector described as data (Codable, so a run card can define one): target, energy
/// response, threshold, efficiency, direction response and geometry relative to the source.
/// Presets: `Detector.preset(named:)`.
public struct Detector: Sendable, Codable, Equatable {
    /// Short name used on the command line and in outputs.
    public var name: String
    /// Fiducial target mass, tonnes.
    public var targetMassTonnes: Double
    /// Electrons per kilotonne of target (docs/physics.md §5.1).
    public var electronsPerKilotonne: Double
    /// σ_T(T) of the reconstructed kinetic energy.
    public var resolution: EnergyResolution
    /// Default analysis threshold on the reconstructed kinetic energy, MeV.
    public var thresholdMeV: Double
    /// Detection efficiency above threshold, constant in [0, 1].
    public var efficiency: Double
    /// Angular resolution of the reconstructed electron direction, degrees (the σ of the
    /// von Mises–Fisher smearing, κ = 1/σ²); nil: no direction information (scintillators).
    public var directionResolutionDegrees: Double?
    public var geometry: DetectorGeometry
    /// Where the numbers come from, and what is assumed.
    public var notes: String
    /// Free protons (hydrogen nuclei) per kilotonne of target, the inverse-β-decay targets
    /// (docs/physics.md §5.1); nil for a target without free protons (argon) or unknown.
    public var freeProtonsPerKilotonne: Double?

    public init(name: String, targetMassTonnes: Double, electronsPerKilotonne: Double,
                resolution: EnergyResolution, thresholdMeV: Double = 3, efficiency: Double = 1,
                directionResolutionDegrees: Double? = nil, geometry: DetectorGeometry, notes: String = "",
                freeProtonsPerKilotonne: Double? = nil) {
        self.name = name
        self.targetMassTonnes = targetMassTonnes
        self.electronsPerKilotonne = electronsPerKilotonne
        self.resolution = resolution
        self.thresholdMeV = thresholdMeV
        self.efficiency = efficiency
        self.directionResolutionDegrees = directionResolutionDegrees
        self.geometry = geometry
        self.notes = notes
        self.freeProtonsPerKilotonne = freeProtonsPerKilotonne
    }

    /// Number of target electrons: mass (kt) × electrons per kt.
    public var targetElectrons: Double { targetMassTonnes / 1000 * electronsPerKilotonne }

    /// Number of free protons in the fiducial mass (mass in kt × protons per kt); nil without
    /// `freeProtonsPerKilotonne`.
    public var freeProtons: Double? { freeProtonsPerKilotonne.map { targetMassTonnes / 1000 * $0 } }

    /// Whether the detector measures the electron direction.
    public var measuresDirection: Bool { directionResolutionDegrees != nil }

    /// Checks every field; throws a message naming the bad one.
    public func validate() throws(SimulationError) {
        try SimulationError.require(targetMassTonnes, "\(name) target mass (t)", "must be > 0") { $0 > 0 }
        try SimulationError.require(electronsPerKilotonne, "\(name) electrons per kt", "must be > 0") { $0 > 0 }
        try resolution.validate(name)
        try SimulationError.require(thresholdMeV, "\(name) threshold (MeV)", "must be > 0") { $0 > 0 }
        try SimulationError.require(efficiency, "\(name) efficiency", "must lie in (0, 1]") { $0 > 0 && $0 <= 1 }
        if let d = directionResolutionDegrees {
            try SimulationError.require(d, "\(name) direction resolution (degrees)", "must be ≥ 0") { $0 >= 0 }
        }
        if let p = freeProtonsPerKilotonne {
            try SimulationError.require(p, "\(name) free protons per kt", "must be > 0") { $0 > 0 }
        }
        try geometry.validate(name)
    }
}
