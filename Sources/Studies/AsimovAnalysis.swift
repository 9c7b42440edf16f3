import Foundation
import Statistics
import Output

/// `asimov`: the median expected upper limit from the Asimov data set for every scenario ×
/// model variant × statistic (the mission's table), with the asymptotic ±1σ/±2σ bands in
/// `result.json`. CLs+b (card `limit: clsb`, default): Δλ(θ) = Φ⁻¹(CL)² (1.6424 at 90 %, half-χ²
/// at the boundary θ ≥ 0); CLs (`limit: cls`): Δλ(θ) = Φ⁻¹((1 + CL)/2)² (2.7055 at 90 %). The
/// normalization profiled with its pull term (Cowan et al., EPJC 71, 1554 (2011); `LimitMethod`).
/// A scenario with `systematics` profiles them too (`SystematicModelFit`, docs/physics.md §16).
enum AsimovAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        var rows: [LimitRow] = []
        var details: [JSONValue] = []
        var failures = 0
        for index in card.scenarios.indices {
            for variant in try card.hypotheses() {
                for statistic in context.statistics {
                    var limit: Double?, events: Double?, failure: Error?
                    var band: ExpectedBand?
                    do {
                        let fit = try context.fit(index, variant)
                        events = fit.events
                        if let systematic = try context.systematicFit(index, variant) {
                            let asimov = try systematic.asimov(statistic: statistic, cl: card.cl, method: card.limit)
                            limit = fit.quoted(asimov.limit)
                            band = (card.limit == .cls ? ExpectedBand.asymptoticCLs(asimovLimit: asimov.limit, confidenceLevel: card.cl)
                                    : ExpectedBand.asymptotic(asimovLimit: asimov.limit, criticalValue: asimov.criticalValue)).map(fit.quoted)
                        } else {
                            let asimov = try fit.asimov(statistic: statistic, cl: card.cl, method: card.limit)
                            limit = fit.quoted(asimov.limit)
                            band = asimov.band.map(fit.quoted)
                        }
                    } catch {
                        failure = error
                        failures += 1
                    }
                    let row = context.limitRow(index, variant, statistic: statistic, events: events, limit: limit, error: failure)
                    rows.append(row)
                    context.progress("asimov  \(row.scenario) · \(variant.label) · \(statistic.rawValue): \(variant.parameter.name) < \(StudyContext.short(limit))")
                    details.append(.object([
                        ("scenario", .string(row.scenario)), ("model", .string(variant.label)),
                        ("statistic", .string(statistic.rawValue)),
                        ("limit_method", .string(card.limit.rawValue)), ("parameter", .string(variant.parameter.name)),
                        ("limit", limit.map(JSONValue.number) ?? .null),
                        ("band", band.map { b in .array([b.minus2, b.minus1, b.median, b.plus1, b.plus2].map(JSONValue.number)) } ?? .null),
                    ]))
                }
            }
        }
        let table = try ResultTable.limits(rows, cl: card.cl, title: "Asimov \(percent(card.cl)) CL sensitivity", status: true)
        return AnalysisOutput(analysis: .asimov, table: table, results: .array(details), failures: failures)
    }

    /// `90 %` for 0.90.
    static func percent(_ cl: Double) -> String {
        NumberFormatting.significant(cl * 100, digits: 4)
            .replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression) + " %"
    }
}
