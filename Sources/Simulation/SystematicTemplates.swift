/// The nominal templates of a scenario (signal terms and backgrounds) and, per nuisance, the
/// templates refolded exactly at its ±1σ (`Scenario.templates(at:…)`, docs/physics.md §16.2): the
/// inputs of the HistFactory-style morphing (`Studies.SystematicMorphing`, §16.3).
public struct SystematicTemplates: Sendable {
    /// One nuisance's ±1σ templates.
    public struct Variation: Sendable {
        public let nuisance: SystematicNuisance
        public let up: TemplateSet
        public let down: TemplateSet
        public let upBackgrounds: [BackgroundTemplate]
        public let downBackgrounds: [BackgroundTemplate]
    }

    public let nominal: TemplateSet
    public let nominalBackgrounds: [BackgroundTemplate]
    /// The nominal background exposure every variation keeps.
    public let exposure: BackgroundExposure
    public let variations: [Variation]

    /// Folds the nominal templates and, for each nuisance, those at x = ±1 (2 refolds per nuisance).
    public static func build(scenario: Scenario, backgrounds: [BackgroundDefinition], nuisances: [SystematicNuisance],
                             sourceShape: SourceShapeVariation = .lithium8Measured) throws -> SystematicTemplates {
        let nominal = try scenario.templates()
        return try build(nominal: nominal, scenario: scenario, backgrounds: backgrounds,
                         exposure: scenario.backgroundExposure(templates: nominal), nuisances: nuisances, sourceShape: sourceShape)
    }

    /// As `build(scenario:…)` from nominal templates already folded and the backgrounds' exposure.
    public static func build(nominal: TemplateSet, scenario: Scenario, backgrounds: [BackgroundDefinition], exposure: BackgroundExposure,
                             nuisances: [SystematicNuisance], sourceShape: SourceShapeVariation = .lithium8Measured) throws -> SystematicTemplates {
        let nominalBackgrounds = try scenario.backgroundTemplates(backgrounds, exposure: exposure)
        let factor = nominal.eventsPerSquareCentimeter
        let variations = try nuisances.map { nuisance in
            let up = try nuisance.shift(at: 1), down = try nuisance.shift(at: -1)
            return Variation(nuisance: nuisance,
                             up: try scenario.templates(at: up, eventsPerSquareCentimeter: factor, sourceShape: sourceShape),
                             down: try scenario.templates(at: down, eventsPerSquareCentimeter: factor, sourceShape: sourceShape),
                             upBackgrounds: try scenario.backgroundTemplates(backgrounds, exposure: exposure, at: up, sourceShape: sourceShape),
                             downBackgrounds: try scenario.backgroundTemplates(backgrounds, exposure: exposure, at: down, sourceShape: sourceShape))
        }
        return SystematicTemplates(nominal: nominal, nominalBackgrounds: nominalBackgrounds, exposure: exposure, variations: variations)
    }
}
