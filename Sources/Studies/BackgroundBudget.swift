import Simulation

/// The background budget of a scenario (`nue backgrounds`, docs/physics.md §8): the exposure the
/// components scale with and, per component, its expected events over the live time with
/// reconstructed energy above the threshold and in the analysis window [threshold, T_max(E_end)),
/// beside the SM signal.
public struct BackgroundBudget: Sendable {
    /// The scenario's SM expectation above threshold (the signal).
    public let signalEvents: Double
    public let exposure: BackgroundExposure
    /// Fiducial mass × live time, tonne-years.
    public let exposureTonneYears: Double
    /// The analysis window's upper end, T_max at the source endpoint, MeV.
    public let windowUpperMeV: Double
    public let components: [BackgroundTemplate]

    /// Builds the templates of `scenario`'s backgrounds at its exposure.
    public init(scenario: StudyScenario) throws {
        let templates = try scenario.templates()
        try self.init(scenario: scenario, templates: templates, components: try scenario.backgroundTemplates(templates: templates))
    }

    /// The budget of `components`, background templates already built at the exposure that
    /// `scenario`'s signal `templates` imply (`StudyScenario.backgroundTemplates(templates:)`; the
    /// run card's analyses reuse their cached ones).
    public init(scenario: StudyScenario, templates: TemplateSet, components: [BackgroundTemplate]) throws {
        let exposure = scenario.backgroundExposure(templates: templates)
        self.signalEvents = templates.aboveThreshold.standardModel
        self.exposure = exposure
        self.exposureTonneYears = exposure.tonneYears(scenario.simulation.detector)
        self.windowUpperMeV = scenario.simulation.kinematicLimitMeV
        self.components = components
    }

    /// Σ of the components' events above threshold.
    public var totalEvents: Double { components.reduce(0) { $0 + $1.eventsAboveThreshold } }
    /// Σ of the components' events in the window.
    public var totalEventsInWindow: Double { components.reduce(0) { $0 + $1.eventsInWindow } }
}
