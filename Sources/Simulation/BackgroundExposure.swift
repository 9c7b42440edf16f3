import Physics

/// The exposure backgrounds scale with (docs/physics.md §8.6): the calendar time the detector
/// takes data and the ν̄_e the source emits in it.
///
/// - Backgrounds that are always there — the Sun, radioactivity, cosmogenics, user tables —
///   scale with the **live time** (calendar years, not scaled by the source up-time: the Sun
///   shines whether the cyclotron runs or not; the detector is taken to be live all the time).
/// - The IsoDAR inverse β decay scales with the **emitted ν̄_e**, like the signal.
///
/// With a physical exposure both are given. With N expected SM events above threshold
/// (`Normalization.smEventsAboveThreshold`) they are implied: N fixes the emitted ν̄_e,
///
///     N_ν = N / (N_e ⟨1/4πL²⟩ ⟨σ⟩_det),   live time = N_ν / (intensity × up-time),
///
/// i.e. live time = N / (SM events per calendar year above threshold for the physical source of
/// `Scenario.backgroundExposure(templates:reference:)`'s reference exposure).
public struct BackgroundExposure: Sendable, Equatable, Codable {
    /// Calendar live time, s.
    public let liveTimeSeconds: Double
    /// ν̄_e emitted by the source during it (up-time included).
    public let emittedNeutrinos: Double
    /// True when implied by a number of SM events (the mission's normalization) rather than given.
    public let impliedByEventCount: Bool

    public init(liveTimeSeconds: Double, emittedNeutrinos: Double, impliedByEventCount: Bool) {
        self.liveTimeSeconds = liveTimeSeconds
        self.emittedNeutrinos = emittedNeutrinos
        self.impliedByEventCount = impliedByEventCount
    }

    /// Live time, Julian years.
    public var liveTimeYears: Double { liveTimeSeconds / PhysicalConstants.secondsPerYear }

    /// Fiducial mass × live time, tonne-years.
    public func tonneYears(_ detector: Detector) -> Double { detector.targetMassTonnes * liveTimeYears }
}
