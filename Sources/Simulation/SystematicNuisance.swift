/// One detector or source systematic as a nuisance parameter x (x = 0 nominal, ±1 its ±1σ):
/// which quantity of `SystematicShift` it moves and its 1σ (docs/physics.md §16.1, §16.4).
/// `shift(at:)` is the exact point x σ; the morphing layer interpolates between x = 0, ±1.
public struct SystematicNuisance: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// α, σ a fraction (0.01 = 1 %).
        case energyScale = "energy_scale"
        /// β about the pivot, σ dimensionless per pivot energy.
        case nonLinearity = "energy_nonlinearity"
        /// r, σ a fraction of σ_E.
        case resolutionScale = "resolution_scale"
        /// e, σ a fraction of ε (a normalization of every sample).
        case efficiency = "efficiency"
        /// s, σ in units of the ⁸B shape's 1σ (1: the ±1σ pair).
        case sourceShape = "source_shape"
    }

    public let kind: Kind
    /// 1σ of the shifted quantity (> 0).
    public let sigma: Double
    /// E₀ of the energy map, MeV.
    public let pivotMeV: Double

    /// - Throws: `SimulationError` unless σ > 0 and the ±1σ shifts are valid (`SystematicShift`).
    public init(_ kind: Kind, sigma: Double, pivotMeV: Double = EnergyScaleMap.defaultPivotMeV) throws {
        try SimulationError.require(sigma, "\(kind.rawValue) σ", "must be > 0") { $0 > 0 }
        self.kind = kind
        self.sigma = sigma
        self.pivotMeV = pivotMeV
        _ = try shift(at: 1)
        _ = try shift(at: -1)
    }

    /// The shift at x standard deviations (only this nuisance moved).
    public func shift(at x: Double) throws -> SystematicShift {
        let v = x * sigma
        switch kind {
        case .energyScale: return try SystematicShift(energyScale: v, pivotMeV: pivotMeV)
        case .nonLinearity: return try SystematicShift(nonLinearity: v, pivotMeV: pivotMeV)
        case .resolutionScale: return try SystematicShift(pivotMeV: pivotMeV, resolutionScale: v)
        case .efficiency: return try SystematicShift(pivotMeV: pivotMeV, efficiencyScale: v)
        case .sourceShape: return try SystematicShift(pivotMeV: pivotMeV, sourceShape: v)
        }
    }

    /// Default σ candidates per detector preset (docs/physics.md §16.4, where each number is cited
    /// or marked assumed): energy scale, non-linearity (pivot 5 MeV), resolution scale, efficiency,
    /// ⁸Li shape (1σ of Winter et al.).
    /// - Throws: `SimulationError.unknownDetector` for a preset without defaults.
    public static func defaults(detector: String) throws -> [SystematicNuisance] {
        let values: [(Kind, Double)]
        switch detector {
        case "kamland":
            values = [(.energyScale, 0.014), (.nonLinearity, 0.005), (.resolutionScale, 0.10), (.efficiency, 0.018), (.sourceShape, 1)]
        case "juno":
            values = [(.energyScale, 0.005), (.nonLinearity, 0.005), (.resolutionScale, 0.05), (.efficiency, 0.01), (.sourceShape, 1)]
        case "snoplus", "sno+":
            values = [(.energyScale, 0.02), (.nonLinearity, 0.01), (.resolutionScale, 0.10), (.efficiency, 0.02), (.sourceShape, 1)]
        case "dune-lar", "dune":
            values = [(.energyScale, 0.02), (.nonLinearity, 0.01), (.resolutionScale, 0.10), (.efficiency, 0.02), (.sourceShape, 1)]
        default:
            throw SimulationError.invalidParameter(name: "systematics defaults for detector '\(detector)'", value: .nan,
                                    requirement: "exist for kamland, juno, snoplus, dune-lar only")
        }
        return try values.map { (kind, sigma) in try SystematicNuisance(kind, sigma: sigma) }
    }
}
