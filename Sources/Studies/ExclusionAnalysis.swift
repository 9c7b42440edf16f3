import Physics
import Statistics

/// `gm-exclusion`: the Asimov upper limit on the universal Z′ coupling g vs the mediator mass
/// M over `scans.mediator_mass_mev` (log grid), per scenario, light-vector interference
/// treatment and statistic. The g effect scales with g²/(2 m_e T + M²) (docs/physics.md §3.6): flat
/// for M² ≪ 2 m_e T, g_limit ∝ M above → `exclusion_gm_<scenario>.csv`. Templates at each M
/// are built in parallel (results do not depend on the thread count). A scenario with systematics
/// profiles them, refolded at each M (docs/physics.md §16.6).
enum ExclusionAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        guard let grid = card.scans?.mediatorMassMeV?.values else {
            throw StatisticsError("analysis 'gm-exclusion' needs scans.mediator_mass_mev")
        }
        let treatments = card.models.filter { $0.model == .lightVector }.map { $0.interference ?? .exact }
        var table = try ResultTable(title: "g limit vs mediator mass M", columns: [
            .init("scenario", title: "Scenario"), .init("interference", title: "Interference"),
            .init("statistic", title: "Statistic"), .init("limit_method", title: "Limit"), .init("mass_mev", title: "M", unit: "MeV", digits: 3),
            .init("g_limit", title: "\(AsimovAnalysis.percent(card.cl)) CL limit on g", digits: 3),
            .init("status", title: "Status"),
        ])
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            var curves: [PlotCurve] = []
            for interference in treatments {
                for statistic in context.statistics {
                    let limits: [Result<Double, Error>] = context.parallelMap(grid.count) { m in
                        Result {
                            let variant = try NewPhysicsModel.lightVector(mediatorMassMeV: grid[m], interference: interference)
                            if let systematic = try context.systematicFit(index, variant) {
                                return systematic.base.quoted(try systematic.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                            }
                            let fit = try context.fit(index, variant)
                            return fit.quoted(try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                        }
                    }
                    var xs: [Double] = [], ys: [Double] = []
                    for (mass, result) in zip(grid, limits) {
                        switch result {
                        case .success(let g):
                            try table.append([.text(name), .text(interference.rawValue), .text(statistic.rawValue),
                                              .text(card.limit.rawValue), .number(mass), .number(g), AnalysisOutput.status(nil)])
                            xs.append(mass); ys.append(g)
                        case .failure(let error):
                            failures += 1
                            try table.append([.text(name), .text(interference.rawValue), .text(statistic.rawValue),
                                              .text(card.limit.rawValue), .number(mass), .missing, AnalysisOutput.status(error)])
                        }
                    }
                    let label = interference == .exact ? "exact interference" : "pure Z' only (no interference)"
                    curves.append(PlotCurve(name: context.statistics.count > 1 ? "\(label), \(statistic.rawValue)" : label, x: xs, y: ys))
                    context.progress("g–M     \(name) · \(interference.rawValue) · \(statistic.rawValue): g(M=\(StudyContext.short(grid.first))) < \(StudyContext.short(ys.first)), g(M=\(StudyContext.short(grid.last))) < \(StudyContext.short(ys.last))")
                }
            }
            data.append((PlotData.fileName(.exclusion, tag: StudySlug.make(name)), try PlotData.gmExclusion(curves)))
        }
        return AnalysisOutput(analysis: .gmExclusion, table: table, data: data, failures: failures)
    }
}
