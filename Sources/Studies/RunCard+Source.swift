import Simulation

extension RunCard {
    /// The IsoDAR ⁸Li ν̄e source: spectrum model (or a user file) and intensity.
    public struct Source: Codable, Equatable, Sendable {
        /// ⁸Be final-state model for the ⁸Li spectrum; nil when `spectrumFile` is used.
        public var finalState: FinalState?
        /// A two-column file (E in MeV, weight ∝ dN/dE), relative to the card's directory;
        /// nil when `finalState` is used.
        public var spectrumFile: String?
        /// Source intensity, ν̄e per year (default 2.6×10²², IsoDAR@KamLAND).
        public var intensityPerYear: Double
        /// Calendar run time, years (default 5).
        public var liveTimeYears: Double
        /// Fraction of the run time the source is on, in (0, 1] (default 0.9).
        public var upTime: Double

        enum CodingKeys: String, CodingKey {
            case finalState = "final_state"
            case spectrumFile = "spectrum_file"
            case intensityPerYear = "intensity_per_year"
            case liveTimeYears = "live_time_years"
            case upTime = "up_time"
        }

        /// Defaults are `Simulation.Exposure()`'s: IsoDAR@KamLAND, 5 years, 90 % up-time.
        public init(finalState: FinalState? = .lithium8Default, spectrumFile: String? = nil,
                    intensityPerYear: Double = Exposure().sourceIntensityPerYear,
                    liveTimeYears: Double = Exposure().liveTimeYears, upTime: Double = Exposure().upTimeFraction) {
            self.finalState = spectrumFile == nil ? finalState : nil
            self.spectrumFile = spectrumFile
            self.intensityPerYear = intensityPerYear
            self.liveTimeYears = liveTimeYears
            self.upTime = upTime
        }
    }

    /// The ⁸Be final-state model of `Lithium8Spectrum`.
    public enum FinalState: String, Codable, CaseIterable, Sendable {
        /// The default of cards and the command line: `measured`, as `Lithium8Spectrum.make()`.
        public static let lithium8Default = FinalState.measured

        /// The broad 2⁺ resonance with an energy-dependent width (the single-level model).
        case resonance
        /// A sharp level at 3.03 MeV (⟨E⟩ too high; for comparison).
        case sharp
        /// The ⁸Be strength unfolded from the measured ⁸B spectrum (`Beryllium8Strength`; the default).
        case measured
    }
}
