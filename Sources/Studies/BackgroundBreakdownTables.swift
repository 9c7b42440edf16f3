import Foundation
import Output
import Physics
import Statistics

/// The tables of the `background-breakdown` analysis (docs/physics.md §8.11, `macros/README.md`):
///
/// - `background-summary` (Markdown, CSV): per scenario × model × statistic the background-free
///   and all-backgrounds limits, their ratio, and the component and group whose removal helps most;
/// - `background-budget-threshold`, `background-budget-window` (Markdown): events per component ×
///   scenario above threshold and in the analysis window;
/// - `background-without-…`, `background-only-…` (Markdown, per model × statistic): the limit
///   without each component or group, and with it alone, with the ratio to the all-backgrounds
///   (resp. background-free) limit in brackets;
/// - `background-limits`, `background-budget` (CSV, long format): every fit, every component.
struct BackgroundBreakdownTables {
    let card: RunCard
    let limits: [BackgroundBreakdownLimit]
    let budgets: [(scenario: Int, budget: BackgroundBudget)]
    let hypotheses: [NewPhysicsModel]
    let statistics: [TestStatistic]

    init(card: RunCard, limits: [BackgroundBreakdownLimit], budgets: [(scenario: Int, budget: BackgroundBudget)],
         hypotheses: [NewPhysicsModel], statistics: [TestStatistic]) throws {
        self.card = card
        self.limits = limits
        self.budgets = budgets
        self.hypotheses = hypotheses
        self.statistics = statistics
    }

    func all() throws -> [AnalysisOutput.ExtraTable] {
        var tables = [AnalysisOutput.ExtraTable(name: "background-summary", table: try summary(), csv: true, markdown: true),
                      .init(name: "background-budget-threshold", table: try budgetWide(inWindow: false), csv: false, markdown: true),
                      .init(name: "background-budget-window", table: try budgetWide(inWindow: true), csv: false, markdown: true)]
        for model in hypotheses {
            for statistic in statistics {
                let tag = StudySlug.make("\(model.label) \(statistics.count > 1 ? statistic.rawValue : "")")
                tables.append(.init(name: "background-without-\(tag)", table: try limitsWide(model, statistic, kind: .without),
                                    csv: false, markdown: true))
                tables.append(.init(name: "background-only-\(tag)", table: try limitsWide(model, statistic, kind: .only),
                                    csv: false, markdown: true))
            }
        }
        tables.append(.init(name: "background-limits", table: try limitsLong(), csv: true, markdown: false))
        tables.append(.init(name: "background-budget", table: try budgetLong(), csv: true, markdown: false))
        return tables
    }

    // MARK: - Lookups

    private var scenarioIndices: [Int] { budgets.map(\.scenario) }

    private func rows(_ scenario: Int, _ model: NewPhysicsModel, _ statistic: TestStatistic) -> [BackgroundBreakdownLimit] {
        limits.filter { $0.scenario == scenario && $0.model == model && $0.statistic == statistic }
    }

    private func limit(_ rows: [BackgroundBreakdownLimit], _ subset: BackgroundSubset) -> Double? {
        rows.first { $0.subset == subset }?.limit
    }

    private func budget(_ scenario: Int) -> BackgroundBudget? { budgets.first { $0.scenario == scenario }?.budget }

    /// The components of every scenario, in first-seen order.
    private var componentNames: [String] {
        var names: [String] = []
        for (_, budget) in budgets { for c in budget.components where !names.contains(c.name) { names.append(c.name) } }
        return names
    }

    private var percentCL: String { AsimovAnalysis.percent(card.cl) }

    private func title(_ model: NewPhysicsModel, _ statistic: TestStatistic) -> String {
        "\(model.parameter.header) (\(model.label)\(statistics.count > 1 ? ", \(statistic.rawValue)" : ""))"
    }

    /// `1.16e-10 (0.88)`: a limit and its ratio to a reference.
    private static func cell(_ value: Double?, reference: Double?) -> ResultTable.Cell {
        guard let value, value.isFinite else { return .text("failed") }
        let text = NumberFormatting.significant(value, digits: 3)
        guard let reference, reference > 0 else { return .text(text) }
        return .text("\(text) (\(String(format: "%.2f", value / reference)))")
    }

    private func scenarioColumns() -> [ResultTable.Column] {
        scenarioIndices.map { ResultTable.Column(StudySlug.make(card.scenarios[$0].name), title: card.scenarios[$0].name) }
    }

    // MARK: - Tables

    /// The most harmful component and group: the subset of `kind` without whose members the limit
    /// is lowest (`without`), with its limit.
    private func mostHarmful(_ rows: [BackgroundBreakdownLimit], groups: Bool) -> BackgroundBreakdownLimit? {
        rows.filter { $0.subset.kind == .without && $0.subset.isGroup == groups && $0.limit != nil }
            .min { ($0.limit ?? .infinity) < ($1.limit ?? .infinity) }
    }

    func summary() throws -> ResultTable {
        var table = try ResultTable(
            title: "Backgrounds: Asimov \(percentCL) CL limits without and with the backgrounds (\(card.limit.rawValue))",
            columns: [.init("scenario", title: "Scenario"), .init("parameter", title: "Parameter"), .init("model", title: "Model"),
                      .init("statistic", title: "Statistic"),
                      .init("limit_none", title: "No backgrounds", digits: 3), .init("limit_all", title: "All backgrounds", digits: 3),
                      .init("factor", title: "All / none", digits: 3),
                      .init("most_harmful", title: "Most harmful component"),
                      .init("limit_without_most_harmful", title: "Limit without it", digits: 3),
                      .init("most_harmful_group", title: "Most harmful group"),
                      .init("limit_without_most_harmful_group", title: "Limit without the group", digits: 3)])
        for scenario in scenarioIndices {
            for model in hypotheses {
                for statistic in statistics {
                    let r = rows(scenario, model, statistic)
                    let none = limit(r, .none), all = limit(r, .all)
                    let component = mostHarmful(r, groups: false), group = mostHarmful(r, groups: true)
                    try table.append([
                        .text(card.scenarios[scenario].name), .text(model.parameter.header), .text(model.label),
                        .text(statistic.rawValue), AnalysisOutput.number(none), AnalysisOutput.number(all),
                        AnalysisOutput.number(none.flatMap { n in all.map { $0 / n } }),
                        component?.subset.subject.map(ResultTable.Cell.text) ?? .missing, AnalysisOutput.number(component?.limit),
                        group?.subset.subject.map(ResultTable.Cell.text) ?? .missing, AnalysisOutput.number(group?.limit),
                    ])
                }
            }
        }
        return table
    }

    func budgetWide(inWindow: Bool) throws -> ResultTable {
        let what = inWindow ? "in the analysis window [threshold, T_max)" : "with E_reco ≥ threshold"
        var table = try ResultTable(title: "Background budget: expected events \(what) over the live time",
                                    columns: [.init("component", title: "Component")] + scenarioColumns().map {
                                        var c = $0
                                        c.digits = 3
                                        return c
                                    })
        func row(_ label: String, _ value: (BackgroundBudget) -> Double?) throws {
            try table.append([.text(label)] + scenarioIndices.map { AnalysisOutput.number(budget($0).flatMap(value)) })
        }
        try row("SM signal (above threshold)") { $0.signalEvents }
        try row("live time [yr]") { $0.exposure.liveTimeYears }
        try row("window upper end [MeV]") { $0.windowUpperMeV }
        for name in componentNames {
            try row(name) { b in b.components.first { $0.name == name }.map { inWindow ? $0.eventsInWindow : $0.eventsAboveThreshold } }
        }
        try row("total") { inWindow ? $0.totalEventsInWindow : $0.totalEvents }
        return table
    }

    func limitsWide(_ model: NewPhysicsModel, _ statistic: TestStatistic, kind: BackgroundSubset.Kind) throws -> ResultTable {
        let heading = kind == .without
            ? "\(title(model, statistic)): \(percentCL) CL limit without each background (ratio to the limit with all of them)"
            : "\(title(model, statistic)): \(percentCL) CL limit with each background alone (ratio to the background-free limit)"
        var table = try ResultTable(title: heading, columns: [.init("fit", title: "Fitted backgrounds")] + scenarioColumns())
        let perScenario = scenarioIndices.map { rows($0, model, statistic) }
        let reference: BackgroundSubset = kind == .without ? .all : .none
        func append(_ label: String, _ subset: (BackgroundBreakdownLimit) -> Bool) throws {
            try table.append([.text(label)] + perScenario.map { r in
                guard let row = r.first(where: subset) else { return .missing }
                if row.subset.kind == kind, memberEvents(row) == 0 { return .text("no events") }
                return Self.cell(row.limit, reference: limit(r, reference))
            })
        }
        try append("none (idealized)") { $0.subset == .none }
        try append("all") { $0.subset == .all }
        var subjects: [(String, Bool)] = []
        for r in perScenario {
            for row in r where row.subset.kind == kind && !subjects.contains(where: { $0.0 == row.subset.subject && $0.1 == row.subset.isGroup }) {
                subjects.append((row.subset.subject ?? "", row.subset.isGroup))
            }
        }
        for (subject, isGroup) in subjects.filter({ !$0.1 }) + subjects.filter(\.1) {
            try append("\(kind.rawValue) \(isGroup ? "group " : "")\(subject)") {
                $0.subset.kind == kind && $0.subset.subject == subject && $0.subset.isGroup == isGroup
            }
        }
        return table
    }

    /// Expected events above threshold of the components a row drops (`without`) or keeps (`only`).
    private func memberEvents(_ row: BackgroundBreakdownLimit) -> Double {
        budget(row.scenario)?.components.filter { row.subset.members.contains($0.name) }.reduce(0) { $0 + $1.eventsAboveThreshold } ?? .nan
    }

    func limitsLong() throws -> ResultTable {
        var table = try ResultTable(
            title: "Asimov \(percentCL) CL limits by fitted background subset",
            columns: [.init("scenario"), .init("detector"), .init("threshold_mev", unit: "MeV"), .init("events"),
                      .init("model"), .init("interference"), .init("mediator_mass_mev", unit: "MeV"), .init("statistic"),
                      .init("limit_method"), .init("parameter"), .init("fit"), .init("kind"), .init("subject"),
                      .init("subject_is_group"), .init("members"), .init("background_events"), .init("limit"),
                      .init("ratio_to_all"), .init("ratio_to_none"), .init("status")])
        for scenario in scenarioIndices {
            let s = card.scenarios[scenario]
            for model in hypotheses {
                for statistic in statistics {
                    let r = rows(scenario, model, statistic)
                    let all = limit(r, .all), none = limit(r, .none)
                    for row in r {
                        try table.append([
                            .text(s.name), .text(s.detector), .number(s.thresholdMeV),
                            AnalysisOutput.number(budget(scenario)?.signalEvents),
                            .text(model.kind.rawValue), model.interferenceLabel.map(ResultTable.Cell.text) ?? .missing,
                            model.kind == .lightVector ? .number(model.mediatorMassMeV) : .missing,
                            .text(statistic.rawValue), .text(card.limit.rawValue), .text(model.parameter.name),
                            .text(row.subset.label), .text(row.subset.kind.rawValue), row.subset.subject.map(ResultTable.Cell.text) ?? .missing,
                            .text(row.subset.isGroup ? "true" : "false"), .text(row.subset.members.joined(separator: " ")),
                            .number(row.backgroundEvents), AnalysisOutput.number(row.limit),
                            AnalysisOutput.number(row.limit.flatMap { l in all.map { l / $0 } }),
                            AnalysisOutput.number(row.limit.flatMap { l in none.map { l / $0 } }), .text(row.status),
                        ])
                    }
                }
            }
        }
        return table
    }

    func budgetLong() throws -> ResultTable {
        var table = try ResultTable(
            title: "Background budget per scenario and component",
            columns: [.init("scenario"), .init("detector"), .init("threshold_mev", unit: "MeV"), .init("window_upper_mev", unit: "MeV"),
                      .init("live_time_years", unit: "yr"), .init("live_time"), .init("exposure_tonne_years"),
                      .init("signal_events"), .init("component"), .init("events"), .init("events_in_window"),
                      .init("total_events"), .init("relative_uncertainty"), .init("rate_assumed"), .init("reference")])
        for (scenario, budget) in budgets {
            let s = card.scenarios[scenario]
            for c in budget.components {
                try table.append([
                    .text(s.name), .text(s.detector), .number(s.thresholdMeV), .number(budget.windowUpperMeV),
                    .number(budget.exposure.liveTimeYears), .text(budget.exposure.impliedByEventCount ? "implied by N events" : "exposure"),
                    .number(budget.exposureTonneYears), .number(budget.signalEvents), .text(c.name),
                    .number(c.eventsAboveThreshold), .number(c.eventsInWindow), .number(c.totalEvents),
                    AnalysisOutput.number(c.relativeUncertainty), .text(c.rateIsAssumed ? "true" : "false"), .text(c.reference),
                ])
            }
        }
        return table
    }
}
