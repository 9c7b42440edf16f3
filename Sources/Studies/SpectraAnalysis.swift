import Statistics
import Output

/// `spectra`: per scenario, the expected SM recoil spectrum and SM + each model variant at its
/// Asimov limit (first statistic of the card) → `spectrum_<scenario>.csv`.
enum SpectraAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        let statistic = context.statistics.first ?? .poisson
        var data: [(name: String, table: ResultTable)] = []
        var failures = 0
        for index in card.scenarios.indices {
            let name = card.scenarios[index].name
            do {
                let sm = try context.templates(index)
                var components: [(name: String, events: [Double])] = [("SM", sm.standardModel)]
                for variant in try card.hypotheses() {
                    let fit = try context.fit(index, variant)
                    let limit = fit.quoted(try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit).limit)
                    let total = zip(fit.templates.standardModel, fit.increment(at: limit)).map { $0 + $1 }
                    let label = "SM + \(variant.curveLabel)=\(NumberFormatting.significant(limit, digits: 3))"
                    components.append((label, total))
                }
                data.append((PlotData.fileName(.spectrum, tag: StudySlug.make(name)),
                             try PlotData.spectrum(binEdges: sm.binning.edges, components: components)))
                context.progress("spectra \(name): \(components.count) components")
            } catch {
                failures += 1
                context.progress("spectra \(name): failed: \(error)")
            }
        }
        return AnalysisOutput(analysis: .spectra, data: data, failures: failures)
    }
}
