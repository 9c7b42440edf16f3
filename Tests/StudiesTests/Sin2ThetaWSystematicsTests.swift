import Foundation
import Testing
@testable import Studies

/// `sin2w-precision` with systematics (docs/physics.md §16.8).
@Suite struct Sin2ThetaWSystematicsTests {
    static func card(normSigma: Double, systematics: String?) -> String {
        """
        format: nue-card/1
        title: s2
        analyses: [sin2w-precision]
        scenarios:
          - {detector: kamland, threshold_mev: 3, events: 3000, norm_sigma: \(normSigma)\(systematics.map { ", systematics: \"\($0)\"" } ?? "")}
        statistic: poisson
        cl: 0.6827
        outputs: {table: true, csv: false, json: false, plots: false}
        """
    }

    /// σ(sin²θ_W) of the card's only row.
    static func sigma(_ yaml: String) throws -> Double {
        let (outcome, _) = try BackgroundBreakdownTests.run(yaml)
        let table = try #require(outcome.outputs.first { $0.analysis == .sin2wPrecision }?.table)
        guard case .number(let sigma) = try #require(table.column("sigma")?.first) else {
            Issue.record("no σ in the sin2w-precision table")
            return .nan
        }
        return sigma
    }

    /// An efficiency systematic scales every count by (1 + σ_e α): its ±1σ templates are exact
    /// multiples, so code4p interpolates it linearly and the fit is n(1 + σ_e α)·S(s) with two
    /// Gaussian pulls. To first order in the pulls that is one normalization pull of
    /// σ = √(σ_n² + σ_e²); the product term (n − 1)σ_e α is ~10⁻⁴ of the count at the crossing,
    /// so σ(sin²θ_W) agrees within 0.1 % (the systematic itself moves it by ~10 %).
    @Test func efficiencyIsAWiderNormalizationPull() throws {
        let withEfficiency = try Self.sigma(Self.card(normSigma: 0.007, systematics: "efficiency=0.01"))
        let widerPull = try Self.sigma(Self.card(normSigma: (0.007 * 0.007 + 0.01 * 0.01).squareRoot(), systematics: nil))
        let plain = try Self.sigma(Self.card(normSigma: 0.007, systematics: nil))
        print("sin2w σ: plain \(plain), efficiency \(withEfficiency), wider pull \(widerPull)")
        #expect(abs(withEfficiency / widerPull - 1) < 1e-3, "efficiency \(withEfficiency) vs wider pull \(widerPull)")
        #expect(withEfficiency > plain * 1.05)
    }
}
