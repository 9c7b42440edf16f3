import Testing
import Foundation
@testable import Statistics
import NueTestSupport

/// The Asimov limit with constrained backgrounds against an independent implementation
/// (`scripts/asimov_limit_check.py`: NumPy Newton on the exact λ for every θ, SciPy brentq in
/// θ), from KamLAND-size counts to argon-size ones (10¹¹ per bin), where λ must be computed
/// without cancellation (log1p, `TestStatistic.binTerm`).
struct LargeCountAsimovTests {
    /// 40 bins; an exponential SM spectrum of `signal` events, a term falling as 1/bin, and four
    /// backgrounds (flat, rising, falling, peaked) of `background` events each with σ 50 %, 30 %,
    /// 4 %, 10 %; normalization σ 0.7 %.
    static func model(signal: Double, background: Double) throws -> BinnedModel {
        let bins = 40
        func normalized(_ shape: (Double) -> Double, total: Double) -> [Double] {
            let raw = (0..<bins).map { shape(Double($0)) }
            let sum = raw.reduce(0, +)
            return raw.map { $0 * total / sum }
        }
        let sm = normalized({ exp(-$0 / 12) }, total: signal)
        let term = normalized({ 1 / ($0 + 2) }, total: 0.1 * signal)
        let shapes: [(Double) -> Double] = [{ _ in 1 }, { 1 + $0 / 10 }, { exp(-$0 / 5) }, { exp(-pow(($0 - 20) / 4, 2)) + 0.01 }]
        let sigmas = [0.5, 0.3, 0.04, 0.1]
        let backgrounds = zip(shapes, sigmas).enumerated().map { k, pair in
            BackgroundComponent(name: "b\(k)", template: normalized(pair.0, total: background), constraint: GaussianConstraint(nominal: 1, sigma: pair.1))
        }
        return try BinnedModel(standardModel: sm, parameterTerms: [term], normalization: GaussianConstraint(nominal: 1, sigma: 0.007),
                               backgrounds: backgrounds)
    }

    /// Agreement to 10⁻⁹ relative at 10⁴ signal events with 10⁴ or 4 × 10¹² background events
    /// (10¹¹ per bin, the argon study's ³⁹Ar at 1 MeV): both sides converge their Newton steps to
    /// decrements ≤ 10⁻¹² and their θ roots to ~10⁻¹³; λ's rounding with log1p is ~10⁻¹⁴ per bin
    /// at 10¹¹ counts. (With ln(d/μ) instead of log1p the large-count case differs by 2 × 10⁻⁵.)
    @Test(.enabled(if: PythonModules.available("scipy"), "scipy is not importable by python3"),
          arguments: [1e4, 1e12])
    func asimovLimitAgrees(backgroundPerComponent: Double) throws {
        let model = try Self.model(signal: 1e4, background: backgroundPerComponent)
        let nue = try AsimovSensitivity.compute(model: model)
        let input: [String: Any] = ["sm": model.standardModel, "term": model.parameterTerms[0], "bg": model.backgrounds.map(\.template),
                                    "bg_sigma": model.backgrounds.map(\.constraint.sigma), "norm_sigma": 0.007,
                                    "critical": nue.criticalValue]
        let independent = try #require(try PythonScript.json("scripts/asimov_limit_check.py", input: input)["limit"] as? Double)
        #expect(relativeDifference(nue.limit, independent) < 1e-9, "nue \(nue.limit), independent \(independent)")
    }
}
