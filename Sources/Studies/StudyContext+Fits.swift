import Physics
import Statistics
import Output

extension StudyContext {
    /// The validated fit configuration of scenario `index` for `model` and `statistic`, with
    /// the scenario's normalization pull unless `normSigma` overrides it.
    func studyScenario(_ index: Int, _ model: NewPhysicsModel, statistic: TestStatistic = .poisson,
                       normSigma: Double? = nil, threshold: Double? = nil) throws -> StudyScenario {
        try card.studyScenario(card.scenarios[index], spectrum: spectrum, model: model, statistic: statistic, thresholdMeV: threshold,
                               normSigma: normSigma, cardDirectory: cardDirectory)
    }

    /// The fit model of scenario `index` for `model` (cached templates at the model's M), with
    /// the scenario's normalization pull unless `normSigma` overrides it.
    func fit(_ index: Int, _ model: NewPhysicsModel, normSigma: Double? = nil) throws -> ModelFit {
        let scenario = try studyScenario(index, model, normSigma: normSigma)
        return try scenario.fit(templates: try templates(index, mass: model.mediatorMassMeV),
                                backgrounds: try backgrounds(index).templates)
    }

    /// A row of the limits table for scenario `index` (limit nil and status when it failed).
    func limitRow(_ index: Int, _ model: NewPhysicsModel, statistic: TestStatistic, events: Double?,
                  limit: Double?, error: Error?) -> LimitRow {
        let scenario = card.scenarios[index]
        let status: String
        if case .text(let s) = AnalysisOutput.status(error) { status = s } else { status = "ok" }
        var row = LimitRow(scenario: scenario.name, detector: scenario.detector, thresholdMeV: scenario.thresholdMeV,
                           events: events ?? scenario.events ?? .nan, normSigma: scenario.normSigma,
                           model: model, statistic: statistic, limitMethod: card.limit, limit: limit, status: status)
        if !card.backgroundSelection(for: scenario).isNone {
            let b = try? backgrounds(index)
            row.backgrounds = LimitRow.Backgrounds(
                label: card.backgroundSelection(for: scenario).label,
                events: b.map { $0.templates.reduce(0) { $0 + $1.eventsAboveThreshold } },
                liveTimeYears: b?.exposure.liveTimeYears, impliedByEventCount: b?.exposure.impliedByEventCount)
        }
        let systematics = card.systematicSelection(for: scenario)
        if !systematics.isNone { row.systematics = systematics.label }
        return row
    }

    /// The fit with shape systematics of scenario `index` for `model` (its card `systematics`),
    /// nil when it has none.
    /// `normSigma` overrides the scenario's normalization pull; `threshold` moves its threshold
    /// with the exposure kept (`systematicTemplates`).
    func systematicFit(_ index: Int, _ model: NewPhysicsModel, normSigma: Double? = nil,
                       threshold: Double? = nil) throws -> SystematicModelFit? {
        guard let refolded = try systematicTemplates(index, mass: model.mediatorMassMeV, threshold: threshold) else { return nil }
        return try SystematicModelFit(study: try studyScenario(index, model, normSigma: normSigma, threshold: threshold), templates: refolded)
    }

    /// `3.10e-11`-style text for progress lines.
    static func short(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return NumberFormatting.significant(value, digits: 3)
    }
}
