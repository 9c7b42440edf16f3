/// A background component's expected counts in a scenario (docs/physics.md §8): per bin of
/// reconstructed energy (the signal's binning; the last bin takes the overflow), after the
/// detector response and efficiency, at the scenario's background exposure. The fit's
/// `Statistics.BackgroundComponent` is `counts` with a Gaussian constraint of width
/// `relativeUncertainty` on its normalization.
public struct BackgroundTemplate: Sendable, Equatable, Codable {
    public let name: String
    /// Expected events per bin of reconstructed energy (last bin with overflow).
    public let counts: [Double]
    /// Expected events with reconstructed energy ≥ threshold (= Σ counts).
    public let eventsAboveThreshold: Double
    /// Expected events with threshold ≤ E_reco < T_max(E_end) of the signal: the analysis window.
    public let eventsInWindow: Double
    /// Expected events with true visible energy ≥ threshold, before the response and the
    /// efficiency (for checks: the unfolded rate above threshold).
    public let trueEventsAboveThreshold: Double
    /// Interactions or decays in the fiducial volume at every energy, before the response (and
    /// after any veto).
    public let totalEvents: Double
    /// σ of the normalization constraint (relative).
    public let relativeUncertainty: Double
    public let reference: String
    public let rateIsAssumed: Bool
    public let direction: BackgroundDirection

    public init(name: String, counts: [Double], eventsAboveThreshold: Double, eventsInWindow: Double,
                trueEventsAboveThreshold: Double, totalEvents: Double, relativeUncertainty: Double,
                reference: String, rateIsAssumed: Bool, direction: BackgroundDirection) {
        self.name = name
        self.counts = counts
        self.eventsAboveThreshold = eventsAboveThreshold
        self.eventsInWindow = eventsInWindow
        self.trueEventsAboveThreshold = trueEventsAboveThreshold
        self.totalEvents = totalEvents
        self.relativeUncertainty = relativeUncertainty
        self.reference = reference
        self.rateIsAssumed = rateIsAssumed
        self.direction = direction
    }
}
