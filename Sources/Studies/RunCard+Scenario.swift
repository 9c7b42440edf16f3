extension RunCard {
    /// One detector configuration to evaluate: detector, analysis threshold, normalization.
    /// Exactly one of `events` (expected SM events above threshold) or `exposure: true`.
    public struct Scenario: Codable, Equatable, Sendable {
        /// Label in tables (default "<detector> >T MeV").
        public var name: String
        /// A preset name or the name of an entry of `detectors`.
        public var detector: String
        /// Analysis threshold on the recoil kinetic energy T, MeV (≥ 0).
        public var thresholdMeV: Double
        /// Expected SM events above threshold (nil when `exposure` is used).
        public var events: Double?
        /// True: normalize from source intensity × live time × up-time × target electrons / (4πd²).
        public var exposure: Bool?
        /// Fractional Gaussian uncertainty on the overall normalization, in [0, 1) (default 0.007).
        public var normSigma: Double
        /// Overrides `source.intensity_per_year` for this scenario, ν̄e/yr.
        public var intensityPerYear: Double?
        /// Overrides `source.live_time_years` for this scenario, years.
        public var liveTimeYears: Double?
        /// This scenario's backgrounds (overrides the card's top-level `backgrounds`).
        public var backgrounds: BackgroundSelection?
        /// This scenario's systematics (overrides the card's top-level `systematics`).
        public var systematics: SystematicSelection?

        enum CodingKeys: String, CodingKey {
            case name, detector
            case thresholdMeV = "threshold_mev"
            case events, exposure
            case normSigma = "norm_sigma"
            case intensityPerYear = "intensity_per_year"
            case liveTimeYears = "live_time_years"
            case backgrounds, systematics
        }

        public init(name: String? = nil, detector: String, thresholdMeV: Double, normalization: Normalization,
                    normSigma: Double = ScenarioSetting.normSigma.defaultValue!, intensityPerYear: Double? = nil, liveTimeYears: Double? = nil,
                    backgrounds: BackgroundSelection? = nil, systematics: SystematicSelection? = nil) {
            self.name = name ?? Scenario.defaultName(detector: detector, thresholdMeV: thresholdMeV)
            self.detector = detector
            self.thresholdMeV = thresholdMeV
            switch normalization {
            case .events(let n): events = n; exposure = nil
            case .exposure: events = nil; exposure = true
            }
            self.normSigma = normSigma
            self.intensityPerYear = intensityPerYear
            self.liveTimeYears = liveTimeYears
            self.backgrounds = backgrounds
            self.systematics = systematics
        }

        /// How the SM rate is fixed.
        public var normalization: Normalization {
            if let events { return .events(events) }
            return .exposure
        }

        static func defaultName(detector: String, thresholdMeV: Double) -> String {
            "\(detector) >\(CardNode.format(thresholdMeV)) MeV"
        }
    }

    /// How a scenario's SM rate is fixed.
    public enum Normalization: Equatable, Sendable {
        /// This many expected SM events above threshold.
        case events(Double)
        /// From the physical exposure.
        case exposure
    }
}
