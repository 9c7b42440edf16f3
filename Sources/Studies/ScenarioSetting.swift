import Physics
import Simulation
import Statistics

/// One numeric setting of a study scenario, defined once: its run-card key, its command-line
/// option, its default and its allowed range. The card parser and the CLI both read values
/// through `validate(_:)`, so they accept the same values and fall back to the same defaults;
/// only the way an error names the setting differs (`StudyError` with file:line:key, or the
/// option name).
public struct ScenarioSetting: Sendable, CustomStringConvertible {
    /// The key in a run card, e.g. `threshold_mev`.
    public let cardKey: String
    /// The command-line option, e.g. `--threshold`.
    public let option: String
    /// What is allowed, as written in error messages: "a positive number of MeV".
    public let requirement: String
    /// The default, where the setting has one.
    public let defaultValue: Double?
    private let isAllowed: @Sendable (Double) -> Bool

    public init(cardKey: String, option: String, requirement: String, defaultValue: Double?,
                isAllowed: @escaping @Sendable (Double) -> Bool) {
        self.cardKey = cardKey
        self.option = option
        self.requirement = requirement
        self.defaultValue = defaultValue
        self.isAllowed = isAllowed
    }

    /// Whether `value` is finite and in range.
    public func allows(_ value: Double) -> Bool { value.isFinite && isAllowed(value) }

    /// `value` when it is finite and in range.
    /// - Throws: `StudyError` as the command line says it: `--threshold must be a positive
    ///   number of MeV, got 0.0`.
    public func validate(_ value: Double) throws(StudyError) -> Double {
        guard allows(value) else { throw StudyError("\(option) \(requirementText(value)), got \(value)") }
        return value
    }

    /// `value`, or the default when nil.
    public func validate(_ value: Double?) throws(StudyError) -> Double {
        guard let value else { return defaultValue! }
        return try validate(value)
    }

    /// The problem as a run card says it (without location; `CardNode` adds file:line:key).
    func cardMessage(_ value: Double) -> String { "\(requirementText(value)), got \(CardNode.format(value))" }

    private func requirementText(_ value: Double) -> String {
        value.isFinite ? "must be \(requirement)" : "must be a finite number, \(requirement)"
    }

    public var description: String { cardKey }
}

extension ScenarioSetting {
    /// Largest expected-event count accepted (10¹²): far above any scenario (JUNO's physical
    /// exposure gives ~10⁵), and small enough that Poisson sampling and integer counts stay exact.
    public static let maximumEvents = 1e12

    /// Threshold on the reconstructed electron kinetic energy, MeV (default 3, the mission's
    /// KamLAND row). Must also lie below the kinematic limit of the source (checked with the
    /// spectrum, `StudyScenario`).
    public static let thresholdMeV = ScenarioSetting(
        cardKey: "threshold_mev", option: "--threshold", requirement: "a positive number of MeV",
        defaultValue: 3) { $0 > 0 }

    /// Expected SM events above threshold, the mission's normalization (no default: without it
    /// the physical exposure is used).
    public static let events = ScenarioSetting(
        cardKey: "events", option: "--events", requirement: "a number of events in (0, 1e12]",
        defaultValue: nil) { $0 > 0 && $0 <= maximumEvents }

    /// Fractional Gaussian uncertainty of the overall normalization (default 0.007, the mission's
    /// 0.7 %; `docs/physics.md §7`).
    public static let normSigma = ScenarioSetting(
        cardKey: "norm_sigma", option: "--norm-sigma", requirement: "a fraction in [0, 1)",
        defaultValue: GaussianConstraint.defaultNormalization.sigma) { $0 >= 0 && $0 < 1 }

    /// Bin width in reconstructed T, MeV (default 0.1, used by the mission table; at most 5 MeV).
    public static let binWidthMeV = ScenarioSetting(
        cardKey: "bin_width_mev", option: "--bin-width", requirement: "a number of MeV in (0, 5]",
        defaultValue: Binning.defaultWidthMeV) { $0 > 0 && $0 <= 5 }

    /// Upper edge of the binning, MeV (default: the kinematic end of the spectrum).
    public static let maxMeV = ScenarioSetting(
        cardKey: "max_mev", option: "--max-energy", requirement: "a positive number of MeV",
        defaultValue: nil) { $0 > 0 }

    /// sin²θ_W of the SM prediction: at tree level the low-Q² effective value (default 0.23867,
    /// docs/physics.md §1.2); with radiative corrections sin²θ̂_W(M_Z) in MS-bar (default
    /// 0.23122, §9.4): `value(_:radiativeCorrections:)`.
    public static let sin2ThetaW = ScenarioSetting(
        cardKey: "sin2_theta_w", option: "--sin2w", requirement: "in (0, 1)",
        defaultValue: ElectroweakCouplings.defaultSin2ThetaW) { $0 > 0 && $0 < 1 }

    /// Whether the SM carries the one-loop corrections of Bahcall, Kamionkowski & Sirlin (1995)
    /// (docs/physics.md §9; default off, the mission's tree-level table). Card key
    /// `radiative_corrections` (top level), flag `--radiative-corrections`.
    public static let radiativeCorrections = (cardKey: "radiative_corrections", option: "--radiative-corrections", defaultValue: false)

    /// A validated sin²θ_W, or the default that goes with the radiative-correction setting.
    public static func sin2ThetaW(_ value: Double?, radiativeCorrections: Bool) throws(StudyError) -> Double {
        guard let value else { return ElectroweakCouplings.defaultSin2ThetaW(radiativeCorrections: radiativeCorrections) }
        return try sin2ThetaW.validate(value)
    }

    /// Confidence level of limits (default 0.90).
    public static let confidenceLevel = ScenarioSetting(
        cardKey: "cl", option: "--cl", requirement: "in (0, 1)", defaultValue: 0.90) { $0 > 0 && $0 < 1 }

    /// Z′ mass M, MeV (default 0).
    public static let mediatorMassMeV = ScenarioSetting(
        cardKey: "mediator_masses_mev", option: "--mediator-mass", requirement: "a number of MeV ≥ 0",
        defaultValue: 0) { $0 >= 0 }

    /// Source intensity, ν̄e per year (default 2.6×10²², IsoDAR@KamLAND; docs/physics.md §4).
    public static let intensityPerYear = ScenarioSetting(
        cardKey: "intensity_per_year", option: "--intensity", requirement: "a positive number of ν̄e per year",
        defaultValue: Exposure().sourceIntensityPerYear) { $0 > 0 }

    /// Calendar run time, years (default 5).
    public static let liveTimeYears = ScenarioSetting(
        cardKey: "live_time_years", option: "--years", requirement: "a positive number of years",
        defaultValue: Exposure().liveTimeYears) { $0 > 0 }

    /// Fraction of the run time the source is on (default 0.9).
    public static let upTime = ScenarioSetting(
        cardKey: "up_time", option: "--up-time", requirement: "a fraction in (0, 1]",
        defaultValue: Exposure().upTimeFraction) { $0 > 0 && $0 <= 1 }
}

extension ScenarioSetting {
    /// Which backgrounds the fit includes (`BackgroundSelection`, docs/physics.md §8): `none`
    /// (default: the mission's table is background-free), `preset` (the detector's), or names.
    /// Card key `backgrounds` (top level, or per scenario, which wins), option `--backgrounds`.
    public static let backgrounds = (cardKey: "backgrounds", option: "--backgrounds", defaultValue: BackgroundSelection.none)

    /// How limits are defined: `clsb` (default, the frequentist CLs+b; Δχ² = Φ⁻¹(CL)² on the
    /// Asimov data) or `cls` (CLs = CLs+b / CLb; Δχ² = Φ⁻¹((1 + CL)/2)²), `LimitMethod`. Card
    /// key `limit` (top level, like `statistic`), option `--limit`.
    public static let limitMethod = ScenarioChoice<LimitMethod>(cardKey: "limit", option: "--limit", defaultValue: .clsb)
}
