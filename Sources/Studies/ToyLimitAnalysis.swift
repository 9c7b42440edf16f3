import Statistics

/// `toys`: per scenario × model variant × statistic, `toys.count` pseudo-experiments thrown at
/// the SM (θ = 0, normalization profiled on the Asimov data, its global observable fluctuated;
/// `ToyConfiguration.profiled`), each fitted for its upper limit — CLs+b, or CLs with card
/// `limit: cls` (column `limit_method`; the Asimov limit and band then CLs too). The table gives the toy median
/// (± its error) and ±1σ/±2σ quantiles beside the Asimov limit and its asymptotic band (Cowan et
/// al., EPJC 71, 1554 (2011), eq. 89–90) → `toy_limits_<scenario>_<model>.csv`. Row r throws
/// its toys with the master seed `StudyContext.rowSeed(seed, row: r)` (the `seed` column), so the
/// rows are independent and each is reproduced by `nue toys --seed <that seed>`. With
/// `toys.full_chain` every row is also thrown full-chain (`FullChainToys`: events generated,
/// simulated and histogrammed; `nue toys --full-chain`), column `generation`.
///
/// Two band conventions (README, Toy validation): `minus2…plus2` are quantiles of the per-toy
/// limits (`limit_quantiles`); `ts_*` are the pyhf/RooStats expected limits
/// (`test_statistic_quantiles`, `ToyExpectedBand`: b-only quantiles of q̃ mapped through CLs+b,
/// `ts_cls_median` through CLs) from `toys.count` toys per hypothesis at each of the 22 θ of
/// `ToyTestStatisticScan.defaultGrid` (the background-only toys are the row's first toys), for
/// binned rows only (full-chain rows leave them empty).
///
/// A scenario with systematics throws its toys at the profiled nuisances with every global
/// observable fluctuated and profiles every nuisance in each fit (`SystematicToys`,
/// docs/physics.md §16.7; CLs+b; full-chain toys generated at the nominal detector; the `ts_*`
/// band from toys with systematics too), and the table gains the column `systematics`.
enum ToyLimitAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        guard let toys = card.toys else { throw StatisticsError("analysis 'toys' needs the toys section") }
        let withSystematics = card.scenarios.contains { !card.systematicSelection(for: $0).isNone }
        var table = try ResultTable(title: "Toy limits (\(toys.count) toys per row, seed \(toys.seed)) vs Asimov", columns: [
            .init("scenario", title: "Scenario"), .init("model", title: "Model"), .init("statistic", title: "Statistic"),
            .init("limit_method", title: "Limit")] + (withSystematics ? [.init("systematics", title: "Systematics")] : []) + [
            .init("generation", title: "Toys from"), .init("parameter", title: "Parameter"), .init("seed", title: "Seed"), .init("toys", title: "Toys"), .init("failed", title: "Failed"),
            .init("asimov", title: "Asimov"), .init("asymptotic_minus2", title: "Asympt. −2σ"),
            .init("asymptotic_minus1", title: "Asympt. −1σ"), .init("asymptotic_plus1", title: "Asympt. +1σ"),
            .init("asymptotic_plus2", title: "Asympt. +2σ"), .init("median", title: "Toy median"),
            .init("median_error", title: "± median", digits: 2), .init("minus2", title: "Toy −2σ"),
            .init("minus1", title: "Toy −1σ"), .init("plus1", title: "Toy +1σ"), .init("plus2", title: "Toy +2σ"),
            .init("median_over_asimov", title: "Median/Asimov", digits: 3),
            .init("ts_minus2", title: "TS −2σ"), .init("ts_minus1", title: "TS −1σ"), .init("ts_median", title: "TS median"),
            .init("ts_plus1", title: "TS +1σ"), .init("ts_plus2", title: "TS +2σ"), .init("ts_cls_median", title: "TS CLs median"),
            .init("status", title: "Status"),
        ])
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        var row = 0
        let generations = toys.fullChain ? [false, true] : [false]
        let combinations = try card.hypotheses().flatMap { variant in
            context.statistics.flatMap { statistic in generations.map { (variant, statistic, $0) } }
        }
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            for (variant, statistic, fullChain) in combinations {
                let seed = context.rowSeed(toys.seed, row: row)
                row += 1
                let generation = fullChain ? "full-chain" : "binned"
                var cells: [ResultTable.Cell] = [.text(name), .text(variant.label), .text(statistic.rawValue), .text(card.limit.rawValue)]
                    + (withSystematics ? [.text(card.systematicSelection(for: card.scenarios[index]).label)] : [])
                    + [.text(generation), .text(variant.parameter.name), .text(String(seed))]
                do {
                    let fit = try context.fit(index, variant)
                    let systematic = try context.systematicFit(index, variant)
                    let asimov: (limit: Double, band: ExpectedBand)
                    if let systematic {
                        let sensitivity = try systematic.asimov(statistic: statistic, cl: card.cl, method: .clsb)
                        asimov = (sensitivity.limit, ExpectedBand.asymptotic(asimovLimit: sensitivity.limit, criticalValue: sensitivity.criticalValue))
                    } else {
                        let sensitivity = try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit)
                        asimov = (sensitivity.limit, sensitivity.band)
                    }
                    let configuration = try ToyConfiguration.profiled(
                        model: fit.binnedModel, statistic: statistic, confidenceLevel: card.cl, truth: 0,
                        seed: seed, scale: asimov.limit, limitMethod: card.limit)
                    var generator: ToyDataGenerator?
                    if fullChain {
                        let study = try context.studyScenario(index, variant)
                        let scenario = study.simulation
                        generator = try FullChainToys.generator(scenario: scenario, model: scenario.model(),
                                                                templates: fit.templates,
                                                                backgrounds: study.backgroundToyGenerator(templates: fit.templates))
                    }
                    let results = try ToyRunner(configuration: configuration, dataGenerator: generator, systematicModel: systematic?.model)
                        .run(totalToys: toys.count, threads: context.threads)
                    let summary = ToySummary(results: results)
                    var testStatistic: ExpectedBand?
                    var clsMedian = Double.nan
                    if !fullChain {
                        let scan = try ToyTestStatisticScan.run(model: fit.binnedModel, statistic: statistic, confidenceLevel: card.cl,
                                                                backgroundToys: toys.count, seed: seed, scale: asimov.limit,
                                                                threads: context.threads, systematicModel: systematic?.model)
                        testStatistic = try ToyExpectedBand(scan: scan, method: .clsb, confidenceLevel: card.cl).band.map(fit.quoted)
                        clsMedian = fit.quoted(try ToyExpectedBand(scan: scan, method: .cls, confidenceLevel: card.cl).band.median)
                    }
                    let ts: [ResultTable.Cell] = testStatistic.map { t in
                        [t.minus2, t.minus1, t.median, t.plus1, t.plus2, clsMedian].map { AnalysisOutput.number($0) }
                    } ?? Array(repeating: .missing, count: 6)
                    let asymptotic = asimov.band.map(fit.quoted)
                    let band = summary.band.map(fit.quoted)
                    let medianError = fit.quoted(summary.band.median + summary.medianError) - band.median
                    cells += [.integer(summary.toys), .integer(summary.failedFits), AnalysisOutput.number(asymptotic.median),
                              AnalysisOutput.number(asymptotic.minus2), AnalysisOutput.number(asymptotic.minus1),
                              AnalysisOutput.number(asymptotic.plus1), AnalysisOutput.number(asymptotic.plus2),
                              AnalysisOutput.number(band.median), AnalysisOutput.number(medianError),
                              AnalysisOutput.number(band.minus2), AnalysisOutput.number(band.minus1),
                              AnalysisOutput.number(band.plus1), AnalysisOutput.number(band.plus2),
                              AnalysisOutput.number(band.median / asymptotic.median)] + ts + [AnalysisOutput.status(nil)]
                    let limits: [Double?] = results.map { $0.status == .failed || !$0.upperLimit.isFinite ? nil : fit.quoted($0.upperLimit) }
                    let tag = fullChain ? StudySlug.make(name, variant.label, generation) : StudySlug.make(name, variant.label)
                    data.append((PlotData.fileName(.toyLimits, tag: tag),
                                 try PlotData.toyLimits(parameter: variant.parameter.name, limits: limits, asimov: asymptotic.median,
                                                           testStatisticBand: testStatistic)))
                    context.progress("toys    \(name) · \(variant.label) · \(statistic.rawValue) · \(generation): median \(StudyContext.short(band.median)) vs Asimov \(StudyContext.short(asymptotic.median)) (\(summary.toys) toys, \(summary.failedFits) failed)")
                } catch {
                    failures += 1
                    cells += [.missing, .missing] + Array(repeating: ResultTable.Cell.missing, count: 18) + [AnalysisOutput.status(error)]
                    context.progress("toys    \(name) · \(variant.label): failed: \(error)")
                }
                try table.append(cells)
            }
        }
        return AnalysisOutput(analysis: .toys, table: table, data: data, failures: failures)
    }
}
