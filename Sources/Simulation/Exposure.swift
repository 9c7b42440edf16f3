/// A physical exposure to the IsoDAR source: neutrinos emitted during the live time.
/// Defaults: 2.6×10²² ν̄e/yr (IsoDAR@KamLAND, docs/physics.md §4.8, §5.5), 5 years, 90 % up-time.
public struct Exposure: Sendable, Codable, Equatable {
    /// Source intensity, ν̄e per year.
    public var sourceIntensityPerYear: Double
    /// Calendar run time, years.
    public var liveTimeYears: Double
    /// Fraction of the run time the source is on.
    public var upTimeFraction: Double

    public init(sourceIntensityPerYear: Double = 2.6e22, liveTimeYears: Double = 5, upTimeFraction: Double = 0.9) {
        self.sourceIntensityPerYear = sourceIntensityPerYear
        self.liveTimeYears = liveTimeYears
        self.upTimeFraction = upTimeFraction
    }

    public static let isodarKamLAND = Exposure()

    /// Neutrinos emitted while running: intensity × years × up-time.
    public var emittedNeutrinos: Double { sourceIntensityPerYear * liveTimeYears * upTimeFraction }

    func validate() throws(SimulationError) {
        try SimulationError.require(sourceIntensityPerYear, "source intensity (ν̄e/yr)", "must be > 0") { $0 > 0 }
        try SimulationError.require(liveTimeYears, "live time (years)", "must be > 0") { $0 > 0 }
        try SimulationError.require(upTimeFraction, "up-time fraction", "must lie in (0, 1]") { $0 > 0 && $0 <= 1 }
    }
}
