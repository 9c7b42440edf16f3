import Physics
import Simulation
import Statistics

/// A scenario's fit with detector and source systematics (docs/physics.md §16.5): the nominal
/// `ModelFit` (signal terms, normalization pull, backgrounds each with its own constrained
/// normalization) and, per nuisance, every template refolded exactly at its ±1σ
/// (`Scenario.templates(at:…)`, `backgroundTemplates(_:exposure:at:)`), interpolated by
/// HistFactory's code4p histosys (`ShapeSystematic`). The ±1σ signal terms are rescaled by the
/// nominal fit's unit, so θ means the same in both. A background that has no events above
/// threshold at the nominal point stays out of the fit (as in `ModelFit`) even where a shift
/// would move some in.
public struct SystematicModelFit: Sendable {
    public let base: ModelFit
    public let model: SystematicModel
    public let nuisances: [SystematicNuisance]

    /// - Throws: `SimulationError` for a shift the scenario cannot take (source shape on another
    ///   source), `StatisticsError` for inconsistent templates.
    public init(study: StudyScenario, templates: TemplateSet, nuisances: [SystematicNuisance]) throws {
        try self.init(study: study, templates: try SystematicTemplates.build(nominal: templates, scenario: study.simulation,
                                                                             backgrounds: study.backgrounds,
                                                                             exposure: study.backgroundExposure(templates: templates),
                                                                             nuisances: nuisances))
    }

    /// The fit of `study`'s model from templates refolded already (`SystematicTemplates`: one set
    /// serves every model of the scenario).
    public init(study: StudyScenario, templates: SystematicTemplates) throws {
        let base = try study.fit(templates: templates.nominal, backgrounds: templates.nominalBackgrounds)
        let kept = base.backgrounds.map(\.name)
        func counts(_ list: [BackgroundTemplate]) throws -> [[Double]] {
            try kept.map { name in
                guard let t = list.first(where: { $0.name == name }) else { throw StudyError("no shifted template of background '\(name)'") }
                return t.counts
            }
        }
        func terms(_ t: TemplateSet) -> [[Double]] {
            var power = 1.0
            return ModelFit.parameterTerms(of: t, model: study.model).map { term in
                power *= base.unit
                let factor = power
                return term.map { $0 * factor }
            }
        }
        let systematics = try templates.variations.map { v in
            try ShapeSystematic(
                name: SystematicSelection.name(of: v.nuisance.kind), model: base.binnedModel,
                standardModelUp: v.up.standardModel, standardModelDown: v.down.standardModel,
                parameterTermsUp: terms(v.up), parameterTermsDown: terms(v.down),
                backgroundsUp: try counts(v.upBackgrounds), backgroundsDown: try counts(v.downBackgrounds))
        }
        self.base = base
        self.model = try SystematicModel(base: base.binnedModel, systematics: systematics)
        self.nuisances = templates.variations.map(\.nuisance)
    }

    /// The Asimov sensitivity with every nuisance profiled (θ in fitter units); `fixed`: parameter
    /// indices held at nominal (see `SystematicLikelihood.parameterName`).
    /// `limitWithoutSystematics`: `base`'s Asimov limit of the same method, when the caller has it.
    public func asimov(statistic: TestStatistic, cl: Double, method: LimitMethod, fixed: Set<Int> = [],
                       limitWithoutSystematics: Double? = nil) throws -> SystematicAsimovSensitivity {
        try SystematicAsimovSensitivity.compute(model: model, statistic: statistic, confidenceLevel: cl, method: method, fixed: fixed,
                                                limitWithoutSystematics: limitWithoutSystematics)
    }

    /// Pulls, constraints and impacts (θ in fitter units) on the Asimov data set of `truth`, with
    /// θ's post-fit σ.
    public func nuisanceReports(statistic: TestStatistic, truth: Double = 0) throws -> (thetaSigma: Double, nuisances: [NuisanceReport]) {
        let likelihood = SystematicLikelihood(model: model, statistic: statistic)
        try likelihood.setData(model.asimovData(theta: truth))
        guard let reports = likelihood.nuisanceReports() else {
            throw StudyError("the nuisance report failed: the unbounded fit to the Asimov data did not converge or its Hessian is singular")
        }
        return reports
    }
}
