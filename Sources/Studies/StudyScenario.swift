import Physics
import Simulation
import Statistics

/// One fit configuration, validated at construction: source, detector, threshold,
/// normalization, binning and sin²θ_W (the `Simulation.Scenario` that fixes the templates), the
/// new-physics model, the test statistic, the confidence level, the limit method (CLs+b or
/// CLs) and the normalization constraint.
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

    /// - Parameters: nil settings take `ScenarioSetting`'s defaults (threshold 3 MeV, bins of
    ///   0.1 MeV up to the kinematic end, sin²θ_W 0.23867 — 0.23122 with radiative corrections —,
    ///   CL 0.90, σ_norm 0.007).
    /// - Throws: `StudyError` for a value out of its range; `SimulationError` for a
    ///   threshold at or above the kinematic limit of the spectrum, or an invalid detector.
    public init(name: String? = nil, detector: Detector, spectrum: NeutrinoSpectrum, thresholdMeV: Double? = nil,
                normalization: Simulation.Normalization, binWidthMeV: Double? = nil, maxMeV: Double? = nil,
                sin2ThetaW: Double? = nil, model: NewPhysicsModel, statistic: TestStatistic = .poisson,
                confidenceLevel: Double? = nil, normSigma: Double? = nil, limitMethod: LimitMethod? = nil,
                radiativeCorrections: Bool = false) throws {
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
    }

    /// The expected spectra (SM and new-physics terms per unit parameter) of `simulation`; the
    /// pure-Z′ approximation has no interference term.
    public func templates() throws -> TemplateSet { try simulation.templates() }

    /// The fitter's model of `templates` (this scenario's, or cached ones of the same scenario
    /// with exact interference: `ModelFit` drops the interference term for the pure-Z′ model)
    /// with this scenario's model and normalization pull.
    public func fit(templates: TemplateSet) throws -> ModelFit {
        try ModelFit(templates: templates, model: model, normSigma: normSigma)
    }

    /// The Asimov sensitivity (θ in fitter units) of `fit`, with this scenario's statistic, CL
    /// and limit method.
    public func asimov(_ fit: ModelFit) throws -> AsimovSensitivity {
        try fit.asimov(statistic: statistic, cl: confidenceLevel, method: limitMethod)
    }
}
