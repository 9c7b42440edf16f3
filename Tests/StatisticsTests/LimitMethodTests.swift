import Foundation
import GSL
import Testing
@testable import Statistics

/// CLs against CLs+b in closed form. In a Gaussian measurement x ~ N(θ, σ = 1) with the Asimov
/// (background-only) observation x = 0, q̃_θ = q_θ,A = θ², CLs+b = 1 − Φ(θ), CLb = ½, so the
/// 90 % limits are θ = Φ⁻¹(0.90) = 1.2816 (CLs+b) and Φ⁻¹(0.95) = 1.6449 (CLs); with x = N the
/// CLs limit is N + Φ⁻¹(1 − α Φ(N)) (Cowan et al., EPJC 71, 1554 (2011), eq. 65–66).
@Suite struct LimitMethodTests {
    @Test func criticalValuesAreTheClosedForms() throws {
        #expect(abs(try LimitMethod.clsb.asimovCriticalValue(confidenceLevel: 0.90) - 1.6423744151498544) < 1e-12)
        #expect(abs(try LimitMethod.cls.asimovCriticalValue(confidenceLevel: 0.90) - 2.705543454095404) < 1e-12)
        #expect(abs(try LimitMethod.cls.asimovCriticalValue(confidenceLevel: 0.95) - 3.841458820694124) < 1e-12)
        #expect(throws: StatisticsError.self) { try LimitMethod.cls.asimovCriticalValue(confidenceLevel: 0.4) }
    }

    /// On the Asimov data CLs = 2 CLs+b, at every θ; at each method's critical value its
    /// p-value is α = 0.10.
    @Test(arguments: [0.1, 0.5, 1.0, 1.2815515655446004, 1.6448536269514722, 3.0])
    func clsIsTwiceClsbOnTheAsimovData(theta: Double) {
        let q = theta * theta
        let clsb = LimitMethod.clsb.pValue(observed: q, asimov: q)
        let cls = LimitMethod.cls.pValue(observed: q, asimov: q)
        #expect(abs(clsb - (1 - Distributions.normalCDF(theta))) < 1e-14)
        #expect(abs(cls - 2 * clsb) < 1e-14)
        if abs(theta - 1.2815515655446004) < 1e-12 { #expect(abs(clsb - 0.10) < 1e-12) }
        if abs(theta - 1.6448536269514722) < 1e-12 { #expect(abs(cls - 0.10) < 1e-12) }
    }

    /// A Poisson bin of 10¹⁰ events with signal 10⁵ θ is Gaussian with σ_θ = 1 up to the Poisson
    /// skew, Δχ² = θ²(1 − s/3b + …) with s/3b ≤ 6·10⁻⁶: the Asimov limits are the closed forms
    /// within 10⁻⁵, and CLs/CLs+b = Φ⁻¹(0.95)/Φ⁻¹(0.90) = 1.28348.
    @Test func asimovLimitsOfAGaussianMeasurement() throws {
        let model = try BinnedModel(standardModel: [1e10], parameterTerms: [[1e5]],
                                    normalization: GaussianConstraint(nominal: 1, sigma: 0))
        let clsb = try AsimovSensitivity.compute(model: model, confidenceLevel: 0.90, method: .clsb)
        let cls = try AsimovSensitivity.compute(model: model, confidenceLevel: 0.90, method: .cls)
        #expect(abs(clsb.limit / 1.2815515655446004 - 1) < 1e-5)
        #expect(abs(cls.limit / 1.6448536269514722 - 1) < 1e-5)
        #expect(cls.method == .cls && clsb.method == .clsb)
        #expect(abs(cls.limit / clsb.limit - 1.6448536269514722 / 1.2815515655446004) < 1e-5)
        #expect(throws: StatisticsError.self) {
            try AsimovSensitivity.compute(model: model, truth: 1, method: .cls)
        }
    }

    /// The asymptotic CLs band: with data x = N (q̃ = θ² − 2θN for N < 0, (θ − N)² else;
    /// q_A = θ²) the θ where `pValue` = α, found by bisection, is the band's edge.
    @Test func clsBandSolvesTheShiftedData() {
        let band = ExpectedBand.asymptoticCLs(asimovLimit: 1.6448536269514722, confidenceLevel: 0.90)
        for (n, edge) in [(-2.0, band.minus2), (-1, band.minus1), (0, band.median), (1, band.plus1), (2, band.plus2)] {
            func p(_ theta: Double) -> Double {
                let q = n < 0 ? theta * theta - 2 * theta * n : (theta - n) * (theta - n)
                return LimitMethod.cls.pValue(observed: theta > n ? q : 0, asimov: theta * theta)
            }
            var low = max(0, n) + 1e-9, high = 20.0
            for _ in 0..<200 {
                let mid = 0.5 * (low + high)
                if p(mid) > 0.10 { low = mid } else { high = mid }
            }
            #expect(abs(0.5 * (low + high) - edge) < 1e-9, "N = \(n): \(0.5 * (low + high)) vs \(edge)")
        }
        #expect(band.minus2 > 0 && band.minus2 < band.minus1 && band.plus1 < band.plus2)
    }
}
