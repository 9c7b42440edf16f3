import Physics
import Statistics

/// A study's run card (`macros/*.yaml`, format `nue-card/1`, documented in `macros/README.md`):
/// what to compute (analyses), for which source, detectors and scenarios, which new-physics
/// models and scans, with which statistic, CL, binning and toys, and which outputs to write.
///
/// Load one with `RunCard.load(path:)` (or `parse(yaml:file:)`): every problem is a
/// `StudyError` naming the file, the line and the key. All defaults are filled in, so an
/// encoded card (`yaml()`, JSON) states everything the run used.
public struct RunCard: Codable, Equatable, Sendable {
    /// The only format this version reads.
    public static let formatVersion = "nue-card/1"

    /// Format tag, always `nue-card/1`.
    public var format: String
    /// One-line human title of the study.
    public var title: String
    /// Free text: why the study exists, what to look at.
    public var notes: String?
    /// What the runner computes, in order.
    public var analyses: [Analysis]
    /// The ⁸Li ν̄e source.
    public var source: Source
    /// Custom detectors (or preset overrides) that scenarios may name; presets need no entry.
    public var detectors: [Detector]
    /// Detector × threshold × normalization rows.
    public var scenarios: [Scenario]
    /// New-physics models to test (may be empty for SM-only analyses such as sin2w-precision).
    public var models: [Model]
    /// Parameter scans (optional).
    public var scans: Scans?
    /// Weak mixing angle sin²θ_W used for the SM prediction (default low-Q² 0.23867 at tree
    /// level, sin²θ̂_W(M_Z) = 0.23122 with radiative corrections).
    public var sin2ThetaW: Double
    /// Whether the SM carries the BKS one-loop corrections (card key `radiative_corrections`).
    public var radiativeCorrections: Bool
    /// Test statistic(s): Poisson likelihood ratio, Pearson χ², or both.
    public var statistic: StatisticChoice
    /// Confidence level of limits, in (0, 1) (default 0.90).
    public var cl: Double
    /// How limits are defined: CLs+b (default) or CLs (card key `limit`).
    public var limit: LimitMethod
    /// Recoil-energy binning.
    public var binning: Binning
    /// Pseudo-experiments (optional).
    public var toys: Toys?
    /// Which files to write.
    public var outputs: Outputs
    /// The DUNE-like argon study (analysis `argon`; `RunCard+Argon.swift`).
    public var argon: Argon?
    /// Backgrounds of every scenario that does not choose its own (card key `backgrounds`;
    /// nil: none). `BackgroundSelection`, docs/physics.md §8.
    public var backgrounds: BackgroundSelection?
    /// Systematics of every scenario that does not choose its own (card key `systematics`; nil:
    /// none). `SystematicSelection`, docs/physics.md §16.
    public var systematics: SystematicSelection?

    enum CodingKeys: String, CodingKey {
        case format, title, notes, analyses, source, detectors, scenarios, models, scans
        case sin2ThetaW = "sin2_theta_w"
        case radiativeCorrections = "radiative_corrections"
        case statistic, cl, limit, binning, toys, outputs, argon, backgrounds, systematics
    }

    public init(format: String = RunCard.formatVersion, title: String, notes: String? = nil,
                analyses: [Analysis] = [.asimov], source: Source = Source(), detectors: [Detector] = [],
                scenarios: [Scenario], models: [Model], scans: Scans? = nil,
                sin2ThetaW: Double = RunCard.defaultSin2ThetaW, radiativeCorrections: Bool = false,
                statistic: StatisticChoice = .poisson,
                cl: Double = 0.90, limit: LimitMethod = ScenarioSetting.limitMethod.defaultValue, binning: Binning = Binning(), toys: Toys? = nil, outputs: Outputs = Outputs(),
                argon: Argon? = nil, backgrounds: BackgroundSelection? = nil, systematics: SystematicSelection? = nil) {
        self.format = format
        self.title = title
        self.notes = notes
        self.analyses = analyses
        self.source = source
        self.detectors = detectors
        self.scenarios = scenarios
        self.models = models
        self.scans = scans
        self.sin2ThetaW = sin2ThetaW
        self.radiativeCorrections = radiativeCorrections
        self.statistic = statistic
        self.cl = cl
        self.limit = limit
        self.binning = binning
        self.toys = toys
        self.outputs = outputs
        self.argon = argon
        self.backgrounds = backgrounds
        self.systematics = systematics
    }

    /// Low-Q² MS-bar sin²θ_W (Erler & Ramsey-Musolf 2005), the project's default
    /// (`ElectroweakCouplings.defaultSin2ThetaW`).
    public static var defaultSin2ThetaW: Double { ElectroweakCouplings.defaultSin2ThetaW }
}
