import Output
/// A streaming event-file writer: `write` per event, `finish` renames the completed file into
/// place (`AtomicFile`); `abandon` leaves nothing behind.
public protocol EventWriter: AnyObject {
    func write(_ event: Event) throws
    func finish() throws
    func abandon()
}

/// Run-level information written into event-file headers.
public struct EventFileMetadata: Sendable {
    public var tool: String
    public var toolVersion: String
    public var model: ScatteringModel
    public var detectorName: String
    public var thresholdMeV: Double
    public var seed: UInt64
    /// ∫ φ dσ/dT over the generation region, cm² per electron.
    public var fluxAveragedCrossSectionCm2: Double
    /// Least true T generated, MeV.
    public var lowestRecoilMeV: Double
    public var weighted: Bool

    public init(tool: String = "nue", toolVersion: String, model: ScatteringModel, detectorName: String,
                thresholdMeV: Double, seed: UInt64, fluxAveragedCrossSectionCm2: Double, lowestRecoilMeV: Double,
                weighted: Bool) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.model = model
        self.detectorName = detectorName
        self.thresholdMeV = thresholdMeV
        self.seed = seed
        self.fluxAveragedCrossSectionCm2 = fluxAveragedCrossSectionCm2
        self.lowestRecoilMeV = lowestRecoilMeV
        self.weighted = weighted
    }
}
