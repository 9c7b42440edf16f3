import Physics
import Simulation
import Statistics

/// One fit configuration, validated at construction: source, detector, threshold,
/// normalization, binning and sin²θ_W (the `Simulation.Scenario` that fixes the templates), the
/// new-physics model, the test statistic, the confidence level, the limit method (CLs+b or
/// CLs), the normalization constraint and the background components (docs/physics.md §8).
///
/// The command line (`nue sensitivity`, `toys`, `coverage`, `export-pyhf`) and run cards (one per
/// scenario × model × statistic row) both build their fits through this type, with the
/// defaults and ranges of `ScenarioSetting`; equal settings give equal limits by construction.
public struct StudyScenario: Sendable {
    /// Label in tables and progress lines.
    public let name: String
    /// Detector, spectrum, threshold (MeV), normalization, binning, sin²θ_W and, for the light
    /// vector, the mediator mass of the templates.
    public let simulation: Simulation.Scenario
    public let model: NewPhysicsModel
    public let statistic: TestStatistic
    /// Confidence level of limits, in (0, 1).
    public let confidenceLevel: Double
    /// CLs+b (default) or CLs (`ScenarioSetting.limitMethod`).
    public let limitMethod: LimitMethod
    /// Fractional σ of the Gaussian normalization pull, in [0, 1).
    public let normSigma: Double
    /// The background components fitted beside the signal (validated; empty: none, the default).
    public let backgrounds: [BackgroundDefinition]
    /// What was asked for (`BackgroundSelection.label`: `none`, `preset`, names), for tables and labels.
    public let backgroundLabel: String
    /// The source intensity and up-time that turn N SM events into a live time for the backgrounds
    /// (`Scenario.backgroundExposure`); the exposure itself when the normalization is physical.
    public let referenceExposure: Exposure
    /// The detector and source systematics profiled beside the normalizations (docs/physics.md §16;
    /// empty: none, the default).
    public let systematics: [SystematicNuisance]
    /// What was asked for (`SystematicSelection.label`), for tables and labels.
    public let systematicsLabel: String

    /// - Parameters: nil settings take `ScenarioSetting`'s defaults (threshold 3 MeV, bins of
    ///   0.1 MeV up to the kinematic end, sin²θ_W 0.23867 — 0.23122 with radiative corrections —,
    ///   CL 0.90, σ_norm 0.007). `backgrounds`: validated components (`BackgroundSelection.definitions`),
    ///   names distinct; `backgroundLabel`: what was asked for (default: the names);
    ///   `referenceExposure`: the intensity and up-time that turn N SM events into the
    ///   backgrounds' live time (default IsoDAR@KamLAND; a physical exposure is its own reference).
    /// - Throws: `StudyError` for a value out of its range; `SimulationError` for a
    ///   threshold at or above the kinematic limit of the spectrum, an invalid detector or background.
    public init(name: String? = nil, detector: Detector, spectrum: NeutrinoSpectrum, thresholdMeV: Double? = nil,
                normalization: Simulation.Normalization, binWidthMeV: Double? = nil, maxMeV: Double? = nil,
                sin2ThetaW: Double? = nil, model: NewPhysicsModel, statistic: TestStatistic = .poisson,
                confidenceLevel: Double? = nil, normSigma: Double? = nil, limitMethod: LimitMethod? = nil,
                radiativeCorrections: Bool = false, backgrounds: [BackgroundDefinition] = [],
                backgroundLabel: String? = nil, referenceExposure: Exposure? = nil,
                systematics: [SystematicNuisance] = [], systematicsLabel: String? = nil) throws {
        let threshold = try ScenarioSetting.thresholdMeV.validate(thresholdMeV)
        let width = try ScenarioSetting.binWidthMeV.validate(binWidthMeV)
        if case .smEventsAboveThreshold(let n) = normalization { _ = try ScenarioSetting.events.validate(n) }
        if case .exposure(let e) = normalization {
            _ = try ScenarioSetting.intensityPerYear.validate(e.sourceIntensityPerYear)
            _ = try ScenarioSetting.liveTimeYears.validate(e.liveTimeYears)
            _ = try ScenarioSetting.upTime.validate(e.upTimeFraction)
        }
        let binning = try maxMeV.map { upper in
            try Binning.uniform(lower: threshold, upper: try ScenarioSetting.maxMeV.validate(upper), width: width)
        }
        simulation = try Simulation.Scenario(
            detector: detector, spectrum: spectrum, thresholdMeV: threshold, normalization: normalization,
            binning: binning, binWidthMeV: width,
            sin2ThetaW: try ScenarioSetting.sin2ThetaW(sin2ThetaW, radiativeCorrections: radiativeCorrections),
            mediatorMassMeV: model.mediatorMassMeV, interference: model.interference,
            radiativeCorrections: radiativeCorrections)
        self.name = name ?? "\(detector.name) >\(CardNode.format(threshold)) MeV"
        self.model = model
        self.statistic = statistic
        self.confidenceLevel = try ScenarioSetting.confidenceLevel.validate(confidenceLevel)
        self.normSigma = try ScenarioSetting.normSigma.validate(normSigma)
        self.limitMethod = limitMethod ?? ScenarioSetting.limitMethod.defaultValue
        var seen = Set<String>()
        for b in backgrounds {
            try b.validate()
            guard seen.insert(b.name).inserted else { throw StudyError("background '\(b.name)' is chosen twice") }
        }
        self.backgrounds = backgrounds
        self.backgroundLabel = backgroundLabel ?? (backgrounds.isEmpty ? "none" : backgrounds.map(\.name).joined(separator: ","))
        if case .exposure(let e) = normalization { self.referenceExposure = e } else {
            self.referenceExposure = referenceExposure ?? Exposure()
        }
        guard Set(systematics.map(\.kind)).count == systematics.count else { throw StudyError("a systematic is chosen twice") }
        self.systematics = systematics
        self.systematicsLabel = systematicsLabel ?? (systematics.isEmpty ? "none" : systematics.map { SystematicSelection.name(of: $0.kind) }.joined(separator: ","))
    }

    /// The expected spectra (SM and new-physics terms per unit parameter) of `simulation`; the
    /// pure-Z′ approximation has no interference term.
    public func templates() throws -> TemplateSet { try simulation.templates() }

    /// The fitter's model of `templates` (this scenario's, or cached ones of the same scenario
    /// with exact interference: `ModelFit` drops the interference term for the pure-Z′ model)
    /// with this scenario's model and normalization pull, and the background templates
    /// (`backgrounds` given, or nil: this scenario's, built by `backgroundTemplates(templates:)`).
    public func fit(templates: TemplateSet, backgrounds: [BackgroundTemplate]? = nil) throws -> ModelFit {
        let built = try backgrounds ?? backgroundTemplates(templates: templates)
        return try ModelFit(templates: templates, model: model, normSigma: normSigma, backgrounds: built)
    }

    /// The fitter's model with this scenario's systematics (`SystematicModelFit`: ±1σ refolds of
    /// every template); `templates` must be this scenario's.
    public func systematicFit(templates: TemplateSet) throws -> SystematicModelFit {
        try SystematicModelFit(study: self, templates: templates, nuisances: systematics)
    }

    /// The exposure the backgrounds scale with (docs/physics.md §8.6): the physical exposure, or
    /// the one N SM events imply at `referenceExposure`'s intensity and up-time.
    public func backgroundExposure(templates: TemplateSet) -> BackgroundExposure {
        simulation.backgroundExposure(templates: templates, reference: referenceExposure)
    }

    /// The background templates of this scenario at the exposure its `templates` imply (empty
    /// without backgrounds). `templates` must have this scenario's binning.
    public func backgroundTemplates(templates: TemplateSet) throws -> [BackgroundTemplate] {
        guard !backgrounds.isEmpty else { return [] }
        guard templates.binning == simulation.binning else {
            throw StudyError("background templates need the scenario's own binning (templates at another threshold: give the backgrounds)")
        }
        return try simulation.backgroundTemplates(backgrounds, exposure: backgroundExposure(templates: templates))
    }

    /// The full-chain event sources of this scenario's backgrounds at the exposure its `templates`
    /// imply (`Scenario.backgroundToyComponents`), nil without backgrounds; `threads` for its
    /// blocks (1 for toys, which run in parallel over toys).
    public func backgroundToyGenerator(templates: TemplateSet, threads: Int = 1) throws -> BackgroundToyGenerator? {
        guard !backgrounds.isEmpty else { return nil }
        let components = try simulation.backgroundToyComponents(backgrounds, exposure: backgroundExposure(templates: templates))
        return try BackgroundToyGenerator(components: components, binning: simulation.binning, threads: threads)
    }

    /// The Asimov sensitivity (θ in fitter units) of `fit`, with this scenario's statistic, CL
    /// and limit method.
    public func asimov(_ fit: ModelFit) throws -> AsimovSensitivity {
        try fit.asimov(statistic: statistic, cl: confidenceLevel, method: limitMethod)
    }
}
