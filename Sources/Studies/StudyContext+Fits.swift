import Statistics
import Output

extension StudyContext {
    /// The fit model of scenario `index` for `variant` (templates at the variant's M), with the
    /// scenario's normalization pull unless `normSigma` overrides it.
    func fit(_ index: Int, _ variant: ModelVariant, normSigma: Double? = nil) throws -> ModelFit {
        let templates = try self.templates(index, mass: variant.mediatorMassMeV)
        return try ModelFit(templates: templates, kind: variant.kind, interference: variant.interference,
                            normSigma: normSigma ?? card.scenarios[index].normSigma)
    }

    /// A row of the limits table for scenario `index` (limit nil and status when it failed).
    func limitRow(_ index: Int, _ variant: ModelVariant, statistic: TestStatistic, events: Double?,
                  limit: Double?, error: Error?) -> LimitRow {
        let scenario = card.scenarios[index]
        let status: String
        if case .text(let s) = AnalysisOutput.status(error) { status = s } else { status = "ok" }
        return LimitRow(scenario: scenario.name, detector: scenario.detector, thresholdMeV: scenario.thresholdMeV,
                        events: events ?? scenario.events ?? .nan, normSigma: scenario.normSigma,
                        model: variant.kind.rawValue, interference: variant.interferenceLabel,
                        mediatorMassMeV: variant.kind == .lightVector ? variant.mediatorMassMeV : nil,
                        statistic: statistic.rawValue, parameter: variant.parameter, limit: limit, status: status)
    }

    /// `3.10e-11`-style text for progress lines.
    static func short(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return NumberFormatting.significant(value, digits: 3)
    }
}
