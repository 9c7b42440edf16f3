import Foundation
import Output
import Physics
import Statistics

/// `systematics-breakdown` (issue 13 item 5; docs/physics.md §16.6): for every scenario with
/// systematics, per model × statistic,
///
/// - the Asimov limit (CLs+b or CLs as the card says) with no shape systematics (the normalizations
///   still profiled: the `asimov` row without `systematics`), with all of them, with each nuisance
///   held at its nominal value in turn (the normalization; the background normalizations as one
///   group; each shape systematic), and with every nuisance held (statistics only);
/// - the nuisances' pulls, post-fit constraints and impacts on θ̂ on the Asimov data set
///   (`NuisanceReport`; `impacts_<scenario>_<model>.csv`, first statistic), impacts in units of
///   θ's post-fit σ.
///
/// Tables: `table_systematics-limits.csv` (every fit, with its ratio to the all-systematics limit),
/// `table_nuisances.csv`, and in `table.md` a summary per row.
enum SystematicsBreakdownAnalysis {
    struct Limit: Sendable {
        var scenario: String, model: NewPhysicsModel, statistic: TestStatistic
        var fixed: String
        var limit: Double?
        var status: String
        /// The scenario × model × statistic the fit belongs to.
        var group: String { "\(scenario)|\(model.label)|\(statistic.rawValue)" }

        static let noShapeSystematics = "no shape systematics", noneFixed = "none fixed", allFixed = "all nuisances"
    }

    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        var limits: [Limit] = []
        var nuisanceRows: [(scenario: String, model: String, report: NuisanceReport, thetaSigma: Double, unit: Double)] = []
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        for index in card.scenarios.indices where !card.systematicSelection(for: card.scenarios[index]).isNone {
            let name = card.scenarios[index].name
            for model in try card.hypotheses() {
                let fit: SystematicModelFit
                do {
                    guard let built = try context.systematicFit(index, model) else { continue }
                    fit = built
                } catch {
                    failures += 1
                    context.progress("systematics-breakdown \(name) · \(model.label): failed: \(error)")
                    continue
                }
                let likelihood = SystematicLikelihood(model: fit.model)
                let D = likelihood.dimension, first = 2 + fit.base.backgrounds.count
                var held: [(String, Set<Int>)] = [(Limit.noneFixed, []), ("normalization", [1])]
                if first > 2 { held.append(("background normalizations", Set(2..<first))) }
                for a in first..<D { held.append((likelihood.parameterName(a), [a])) }
                held.append((Limit.allFixed, Set(1..<D)))
                let sets = held
                for (s, statistic) in context.statistics.enumerated() {
                    let plain: Limit, start: Double?
                    do {
                        let theta = try fit.base.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit
                        start = theta
                        plain = Limit(scenario: name, model: model, statistic: statistic, fixed: Limit.noShapeSystematics,
                                      limit: fit.base.quoted(theta), status: "ok")
                    } catch {
                        start = nil
                        plain = Limit(scenario: name, model: model, statistic: statistic, fixed: Limit.noShapeSystematics,
                                      limit: nil, status: "\(error)")
                    }
                    let rows = [plain] + context.parallelMap(sets.count) { k in
                        do {
                            let result = try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit, fixed: sets[k].1,
                                                        limitWithoutSystematics: start)
                            return Limit(scenario: name, model: model, statistic: statistic, fixed: sets[k].0,
                                         limit: fit.base.quoted(result.limit), status: "ok")
                        } catch {
                            return Limit(scenario: name, model: model, statistic: statistic, fixed: sets[k].0, limit: nil, status: "\(error)")
                        }
                    }
                    failures += rows.filter { $0.limit == nil }.count
                    limits += rows
                    context.progress("systematics-breakdown \(name) · \(model.label) · \(statistic.rawValue): \(model.parameter.name) < "
                                     + "\(StudyContext.short(plain.limit)) → \(StudyContext.short(rows[1].limit)) (\(rows.count) fits)")
                    guard s == 0 else { continue }
                    do {
                        let (sigma, reports) = try fit.nuisanceReports(statistic: statistic)
                        nuisanceRows += reports.map { (name, model.label, $0, sigma, fit.base.unit) }
                        data.append((PlotData.fileName(.impacts, tag: "\(StudySlug.make(name))_\(StudySlug.make(model.label))"),
                                     try PlotData.impacts(reports, thetaSigma: sigma, parameter: model.parameter)))
                    } catch {
                        failures += 1
                        context.progress("systematics-breakdown \(name) · \(model.label): nuisance report failed: \(error)")
                    }
                }
            }
        }
        let summary = try summaryTable(limits, card: card)
        return AnalysisOutput(analysis: .systematicsBreakdown, table: summary, data: data, failures: failures,
                              extraTables: [
                                .init(name: "systematics-limits", table: try limitsTable(limits), csv: true, markdown: false),
                                .init(name: "nuisances", table: try nuisancesTable(nuisanceRows), csv: true, markdown: true),
                              ])
    }

    /// Per scenario × model × statistic: no shape systematics, all, their ratio, statistics only,
    /// and the nuisance whose fixing helps most with the limit then.
    static func summaryTable(_ limits: [Limit], card: RunCard) throws -> ResultTable {
        var table = try ResultTable(title: "Asimov \(AsimovAnalysis.percent(card.cl)) CL limits with systematics (\(card.limit.rawValue))", columns: [
            .init("scenario", title: "Scenario"), .init("model", title: "Model"), .init("statistic", title: "Statistic"),
            .init("parameter", title: "Parameter"), .init("no_shape_systematics", title: "No shape systematics", digits: 3),
            .init("all", title: "All systematics", digits: 3), .init("ratio", title: "All / none", digits: 3),
            .init("statistics_only", title: "All nuisances fixed", digits: 3),
            .init("most_important", title: "Most important nuisance"), .init("limit_without_it", title: "Limit with it fixed", digits: 3),
            .init("largest_shape", title: "Largest shape systematic"), .init("limit_without_shape", title: "Limit with it fixed", digits: 3),
        ])
        var keys: [String] = []
        for l in limits where !keys.contains(l.group) { keys.append(l.group) }
        for key in keys {
            let rows = limits.filter { $0.group == key }
            let first = rows[0]
            func value(_ fixed: String) -> Double? { rows.first { $0.fixed == fixed }?.limit }
            let singles = rows.filter { ![Limit.noShapeSystematics, Limit.noneFixed, Limit.allFixed].contains($0.fixed) }
            let best = singles.compactMap { r in r.limit.map { (r.fixed, $0) } }.min { $0.1 < $1.1 }
            let shape = singles.filter { !["normalization", "background normalizations"].contains($0.fixed) }
                .compactMap { r in r.limit.map { (r.fixed, $0) } }.min { $0.1 < $1.1 }
            let none = value(Limit.noShapeSystematics), all = value(Limit.noneFixed)
            try table.append([
                .text(first.scenario), .text(first.model.label), .text(first.statistic.rawValue), .text(first.model.parameter.header),
                none.map(ResultTable.Cell.number) ?? .missing, all.map(ResultTable.Cell.number) ?? .missing,
                (none != nil && all != nil) ? .number(all! / none!) : .missing,
                value(Limit.allFixed).map(ResultTable.Cell.number) ?? .missing,
                best.map { .text($0.0) } ?? .missing, best.map { .number($0.1) } ?? .missing,
                shape.map { .text($0.0) } ?? .missing, shape.map { .number($0.1) } ?? .missing,
            ])
        }
        return table
    }

    static func limitsTable(_ limits: [Limit]) throws -> ResultTable {
        var table = try ResultTable(columns: [
            .init("scenario"), .init("model"), .init("statistic"), .init("parameter"), .init("fixed"), .init("limit", digits: 4),
            .init("ratio_to_all", digits: 4), .init("status"),
        ])
        for l in limits {
            let all = limits.first { $0.group == l.group && $0.fixed == Limit.noneFixed }?.limit
            try table.append([.text(l.scenario), .text(l.model.label), .text(l.statistic.rawValue), .text(l.model.parameter.name),
                              .text(l.fixed), l.limit.map(ResultTable.Cell.number) ?? .missing,
                              (l.limit != nil && all != nil) ? .number(l.limit! / all!) : .missing, .text(l.status)])
        }
        return table
    }

    static func nuisancesTable(_ rows: [(scenario: String, model: String, report: NuisanceReport, thetaSigma: Double, unit: Double)]) throws -> ResultTable {
        var table = try ResultTable(title: "Nuisances on the Asimov data set: pull, post-fit constraint σ_post/σ_pre, impact on θ̂ in units of its σ", columns: [
            .init("scenario", title: "Scenario"), .init("model", title: "Model"), .init("nuisance", title: "Nuisance"),
            .init("pull", title: "Pull", digits: 2), .init("constraint", title: "σ_post/σ_pre", digits: 3),
            .init("impact_up", title: "Δθ̂/σ_θ (+σ)", digits: 3), .init("impact_down", title: "Δθ̂/σ_θ (−σ)", digits: 3),
        ])
        for r in rows {
            func cell(_ x: Double) -> ResultTable.Cell { x.isFinite ? .number(x) : .missing }
            try table.append([.text(r.scenario), .text(r.model), .text(r.report.name), cell(r.report.pull), cell(r.report.constraint),
                              cell(r.report.impactUp / r.thetaSigma), cell(r.report.impactDown / r.thetaSigma)])
        }
        return table
    }
}
