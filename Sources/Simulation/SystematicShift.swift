/// A shift of the detector response and of the source away from their nominal description, the
/// point at which templates are refolded exactly (`Scenario.templates(at:eventsPerSquareCentimeter:sourceShape:)`;
/// docs/physics.md §16.1). All zero is the nominal (`nominal`): the templates are then bit-identical
/// to `Scenario.templates()`.
///
/// - energy scale α and non-linearity β about the pivot E₀: the true deposited energy E is mapped
///   to the mean visible energy E' = (1 + α) E [1 + β (E − E₀)/E₀] *before* the smearing, which
///   then has width σ(E') (`EnergyScaleMap`); the threshold and the bins stay on the reconstructed
///   axis;
/// - resolution scale r: σ(E') → (1 + r) σ(E') (every term of `EnergyResolution` scaled by 1 + r);
/// - efficiency scale e: ε → (1 + e) ε, i.e. every expected count × (1 + e) (a normalization: it
///   may carry ε above 1, standing for the efficiency × exposure uncertainty);
/// - source shape s: the ⁸Li spectrum whose ⁸Be strength is unfolded from the ⁸B shape
///   λ + s δλ of Winter et al. (2006) (`SourceShapeVariation`; s = ±1 are the ±1σ spectra).
///
/// Ranges (checked by `init`, one-line errors): |α| < 0.5; f increasing on [0, 30] MeV
/// (−E₀/(60 MeV − E₀) < β < 1 for E₀ < 60 MeV); E₀ > 0; r > −1; e > −1; |s| ≤ 5.
public struct SystematicShift: Sendable, Equatable {
    /// α (dimensionless; 0.01 = +1 %).
    public let energyScale: Double
    /// β (dimensionless, per E₀ of energy).
    public let nonLinearity: Double
    /// E₀, MeV.
    public let pivotMeV: Double
    /// r (dimensionless).
    public let resolutionScale: Double
    /// e (dimensionless).
    public let efficiencyScale: Double
    /// s, in units of the ⁸B shape's 1σ.
    public let sourceShape: Double

    public static let nominal = SystematicShift()

    /// - Throws: `SimulationError.invalidParameter` naming the first value out of range.
    public init(energyScale: Double = 0, nonLinearity: Double = 0, pivotMeV: Double = EnergyScaleMap.defaultPivotMeV,
                resolutionScale: Double = 0, efficiencyScale: Double = 0, sourceShape: Double = 0) throws {
        try SimulationError.require(energyScale, "energy scale α", "must lie in (−0.5, 0.5) (a fraction)") { abs($0) < 0.5 }
        try SimulationError.require(pivotMeV, "non-linearity pivot E₀ (MeV)", "must be > 0") { $0 > 0 }
        let emax = EnergyScaleMap.maximumEnergyMeV
        try SimulationError.require(nonLinearity, "energy non-linearity β",
                                    "must keep E → (1+α)E(1+β(E−E₀)/E₀) increasing up to \(emax) MeV (β < 1 and 1 + β(2·\(emax) − E₀)/E₀ > 0)") {
            EnergyScaleMap(scale: energyScale, nonLinearity: $0, pivotMeV: pivotMeV).isIncreasing
        }
        try SimulationError.require(resolutionScale, "resolution scale r", "must be > −1 (σ → (1 + r)σ)") { $0 > -1 }
        try SimulationError.require(efficiencyScale, "efficiency scale", "must be > −1 (ε → (1 + e)ε)") { $0 > -1 }
        try SimulationError.require(sourceShape, "source shape s", "must lie in [−5, 5] (units of the ⁸B shape's 1σ)") { abs($0) <= 5 }
        self.energyScale = energyScale
        self.nonLinearity = nonLinearity
        self.pivotMeV = pivotMeV
        self.resolutionScale = resolutionScale
        self.efficiencyScale = efficiencyScale
        self.sourceShape = sourceShape
    }

    private init() {
        energyScale = 0
        nonLinearity = 0
        pivotMeV = EnergyScaleMap.defaultPivotMeV
        resolutionScale = 0
        efficiencyScale = 0
        sourceShape = 0
    }

    /// Whether every shift is zero (the pivot does not matter then).
    public var isNominal: Bool {
        energyScale == 0 && nonLinearity == 0 && resolutionScale == 0 && efficiencyScale == 0 && sourceShape == 0
    }

    /// Whether only the detector response is shifted (no source-shape shift).
    public var shiftsResponseOnly: Bool { sourceShape == 0 }

    /// The energy map E → E' of this shift.
    public var energyMap: EnergyScaleMap {
        EnergyScaleMap(scale: energyScale, nonLinearity: nonLinearity, pivotMeV: pivotMeV)
    }

    /// `resolution` with σ scaled by (1 + r): each of a, b, c times (1 + r), so
    /// σ' = √((1+r)²(a²E + b²E² + c²)) = (1 + r) σ; the same value for r = 0.
    public func scaled(_ resolution: EnergyResolution) -> EnergyResolution {
        guard resolutionScale != 0 else { return resolution }
        let k = 1 + resolutionScale
        return EnergyResolution(stochastic: resolution.stochastic * k, constant: resolution.constant * k,
                                noiseMeV: resolution.noiseMeV * k)
    }

    /// `response` at this shift: the energy map, the scaled resolution and efficiency × (1 + e);
    /// `response` itself when nominal.
    public func applied(to response: DetectorResponse) -> DetectorResponse {
        guard !isNominal else { return response }
        return DetectorResponse(resolution: scaled(response.resolution), thresholdMeV: response.thresholdMeV,
                                efficiency: response.efficiency * (1 + efficiencyScale),
                                directionResolutionDegrees: response.directionResolutionDegrees, energyMap: energyMap)
    }
}
