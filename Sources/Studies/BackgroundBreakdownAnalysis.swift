import Foundation
import Output
import Physics
import Simulation
import Statistics

/// `background-breakdown` (issue 12 item 9; docs/physics.md §8.11): for every scenario with
/// backgrounds,
///
/// - the background budget (`BackgroundBudget`): expected events per component over the live time
///   with E_reco ≥ threshold and in the analysis window [threshold, T_max(E_end));
/// - per model × statistic the Asimov limit (CLs+b or CLs as the card says) with no backgrounds
///   (the idealized row), with all of them, with all but each component and each group
///   (`BackgroundSubset`: solar ν, radioactivity, cosmogenic) and with each one alone. Every
///   subset reuses the scenario's templates (same exposure, same σ_j): only the fitted list changes;
///   with systematics every fit profiles them too (the subset of the refolded backgrounds,
///   `SystematicTemplates.keepingBackgrounds`);
/// - the stacked spectra (`stack_<scenario>.csv`, plot data): the SM signal, each background and
///   the new-physics increment at the all-backgrounds limit of each model (first statistic).
///
/// Tables: the long CSVs `table_background-limits.csv` (every fit; ratios to the all-backgrounds
/// and to the background-free limit) and `table_background-budget.csv`; in `table.md` a summary
/// per row, the budget per component × scenario, and per model "without each" and "only each".
enum BackgroundBreakdownAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        let hypotheses = try card.hypotheses()
        var limits: [BackgroundBreakdownLimit] = []
        var budgets: [(scenario: Int, budget: BackgroundBudget)] = []
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        for index in card.scenarios.indices where !card.backgroundSelection(for: card.scenarios[index]).isNone {
            let name = card.scenarios[index].name
            let backgrounds: ScenarioBackgrounds
            let signal: TemplateSet
            do {
                backgrounds = try context.backgrounds(index)
                signal = try context.templates(index)
                let scenario = try context.studyScenario(index, .magneticMoment)
                budgets.append((index, try BackgroundBudget(scenario: scenario, templates: signal, components: backgrounds.templates)))
            } catch {
                failures += 1
                context.progress("background-breakdown \(name): failed: \(error)")
                continue
            }
            let subsets = BackgroundSubset.breakdown(of: backgrounds.templates.map(\.name))
            var excess: [(name: String, role: PlotData.StackRole, events: [Double])] = []
            for model in hypotheses {
                for (s, statistic) in context.statistics.enumerated() {
                    let rows = limitsOf(index, model, statistic, subsets: subsets, backgrounds: backgrounds.templates, context: context)
                    failures += rows.filter { $0.limit == nil }.count
                    limits += rows
                    let all = rows.first { $0.subset == .all }?.limit, none = rows.first { $0.subset == .none }?.limit
                    context.progress("background-breakdown \(name) · \(model.label) · \(statistic.rawValue): "
                                     + "\(model.parameter.name) < \(StudyContext.short(none)) → \(StudyContext.short(all)) "
                                     + "(\(rows.count) fits)")
                    if s == 0, let all, let fit = try? context.fit(index, model) {
                        let label = "\(model.curveLabel)=\(NumberFormatting.significant(all, digits: 3))"
                        excess.append((label, .excess, fit.increment(at: all)))
                    }
                }
            }
            let components: [(name: String, role: PlotData.StackRole, events: [Double])] =
                [("SM", .signal, signal.standardModel)] + backgrounds.templates.map { ($0.name, .background, $0.counts) } + excess
            data.append((PlotData.fileName(.stack, tag: StudySlug.make(name)),
                         try PlotData.stack(binEdges: signal.binning.edges, components: components)))
        }
        let tables = try BackgroundBreakdownTables(card: card, limits: limits, budgets: budgets, hypotheses: hypotheses,
                                                   statistics: context.statistics)
        return AnalysisOutput(analysis: .backgroundBreakdown, data: data, results: details(limits, card: card),
                              failures: failures, extraTables: try tables.all())
    }

    /// The limits of one scenario × model × statistic for every subset, in the subsets' order
    /// (fits in parallel; the result does not depend on the thread count).
    static func limitsOf(_ index: Int, _ model: NewPhysicsModel, _ statistic: TestStatistic, subsets: [BackgroundSubset],
                         backgrounds: [BackgroundTemplate], context: StudyContext) -> [BackgroundBreakdownLimit] {
        let card = context.card
        let prepared: Result<(StudyScenario, TemplateSet, SystematicTemplates?), Error> = Result {
            (try context.studyScenario(index, model, statistic: statistic), try context.templates(index, mass: model.mediatorMassMeV),
             try context.systematicTemplates(index, mass: model.mediatorMassMeV))
        }
        return context.parallelMap(subsets.count) { i in
            let subset = subsets[i]
            let selected = subset.select(backgrounds)
            let events = selected.reduce(0) { $0 + $1.eventsAboveThreshold }
            do {
                let (scenario, templates, refolded) = try prepared.get()
                let limit: Double
                if let refolded {
                    let fit = try SystematicModelFit(study: scenario, templates: refolded.keepingBackgrounds(Set(selected.map(\.name))))
                    limit = fit.base.quoted(try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                } else {
                    let fit = try scenario.fit(templates: templates, backgrounds: selected)
                    limit = fit.quoted(try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                }
                return BackgroundBreakdownLimit(scenario: index, model: model, statistic: statistic, subset: subset,
                                                backgroundEvents: events, limit: limit, status: "ok")
            } catch {
                guard case .text(let status) = AnalysisOutput.status(error) else { preconditionFailure() }
                return BackgroundBreakdownLimit(scenario: index, model: model, statistic: statistic, subset: subset,
                                                backgroundEvents: events, limit: nil, status: status)
            }
        }
    }

    /// `result.json` details: per scenario × model × statistic the limits by subset label.
    static func details(_ limits: [BackgroundBreakdownLimit], card: RunCard) -> JSONValue {
        var groups: [(key: String, rows: [BackgroundBreakdownLimit])] = []
        for row in limits {
            let key = "\(row.scenario)|\(row.model.label)|\(row.statistic.rawValue)"
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].rows.append(row) } else { groups.append((key, [row])) }
        }
        return .array(groups.map { group in
            let first = group.rows[0]
            return .object([
                ("scenario", .string(card.scenarios[first.scenario].name)), ("model", .string(first.model.label)),
                ("statistic", .string(first.statistic.rawValue)), ("limit_method", .string(card.limit.rawValue)),
                ("parameter", .string(first.model.parameter.name)),
                ("limits", .object(group.rows.map { ($0.subset.label, $0.limit.map(JSONValue.number) ?? .null) })),
            ])
        })
    }
}
