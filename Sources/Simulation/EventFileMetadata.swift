/// Run-level information written into event-file headers (`NuHepMCWriter`), built for a scenario
/// by `Scenario.eventFileMetadata(model:templates:seed:weighted:toolVersion:)`.
///
/// The cross sections are flux-averaged per target electron (docs/physics.md §4.7, §5.7):
/// ⟨σ⟩ = ∫ φ(E) ∫ dσ/dT(E, T) · a(T) dT dE / ∫ φ(E) dE, with a(T) the selection's probability.
public struct EventFileMetadata: Sendable {
    public var tool: String
    public var toolVersion: String
    public var model: ScatteringModel
    public var detectorName: String
    public var thresholdMeV: Double
    public var seed: UInt64
    /// ⟨σ⟩ of **the events in the file**, cm² per electron: for detected events
    /// a(T) = ε · P(T_reco ≥ threshold | T) (the truncated Gaussian of docs/physics.md §5.6), so
    /// that σ(selection in a histogram bin) = ⟨σ⟩ · Σ_bin w / Σ_file w (NuHepMC v1.0 G.R.5, G.C.2).
    public var fluxAveragedCrossSectionCm2: Double
    /// ⟨σ⟩ of everything generated (true T ≥ `lowestRecoilMeV`, before the detector), cm² per
    /// electron: a(T) = 1 above `lowestRecoilMeV`. Provenance only.
    public var generatedCrossSectionCm2: Double
    /// Least true T generated, MeV.
    public var lowestRecoilMeV: Double
    /// Expected events per cm² of flux-averaged cross section at the scenario's exposure or
    /// `--events` normalization (emitted ν̄e × N_e × ⟨1/4πL²⟩, docs/physics.md §5.5), cm⁻²:
    /// expected events in the file's selection = this × `fluxAveragedCrossSectionCm2`.
    public var eventsPerSquareCentimeter: Double
    public var weighted: Bool

    public init(tool: String = "nue", toolVersion: String, model: ScatteringModel, detectorName: String,
                thresholdMeV: Double, seed: UInt64, fluxAveragedCrossSectionCm2: Double,
                generatedCrossSectionCm2: Double, lowestRecoilMeV: Double, eventsPerSquareCentimeter: Double,
                weighted: Bool) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.model = model
        self.detectorName = detectorName
        self.thresholdMeV = thresholdMeV
        self.seed = seed
        self.fluxAveragedCrossSectionCm2 = fluxAveragedCrossSectionCm2
        self.generatedCrossSectionCm2 = generatedCrossSectionCm2
        self.lowestRecoilMeV = lowestRecoilMeV
        self.eventsPerSquareCentimeter = eventsPerSquareCentimeter
        self.weighted = weighted
    }
}
