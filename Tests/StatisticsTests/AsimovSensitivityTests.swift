import Testing
import Foundation
import GSL
@testable import Statistics

struct AsimovSensitivityTests {
    /// Asimov data d = b: q(s) = 2[s − b ln(1 + s/b)] (Poisson, no nuisance); the limit solves
    /// q = Φ⁻¹(0.9)² = 1.6424 (bisection here, Brent in the library).
    @Test("Counting experiment: Poisson Asimov limit equals the closed form", arguments: [0.5, 3.0, 10.0, 1000.0])
    func countingPoisson(background b: Double) throws {
        let critical = 1.2815515655446004 * 1.2815515655446004
        let expected = TestModels.bisect({ s in 2 * (s - b * log1p(s / b)) - critical }, 0, 100 * (b + 10))
        let result = try AsimovSensitivity.compute(model: TestModels.counting(background: b))
        #expect(abs(result.limit - expected) <= 1e-8 * expected)
        #expect(abs(result.criticalValue - 1.642374415149818) < 1e-9)
    }

    /// Pearson with σ² = μ: q(s) = s²/(b + s), closed-form root s = [c + √(c² + 4bc)]/2.
    @Test("Counting experiment: Pearson Asimov limit equals the closed form", arguments: [0.5, 3.0, 10.0])
    func countingPearson(background b: Double) throws {
        let c = try CriticalValue.oneSided(confidenceLevel: 0.9)
        let expected = (c + (c * c + 4 * b * c).squareRoot()) / 2
        let result = try AsimovSensitivity.compute(model: TestModels.counting(background: b), statistic: .pearson)
        #expect(abs(result.limit - expected) <= 1e-8 * expected)
    }

    @Test("Critical values: Φ⁻¹(0.90)² = 1.6424, Φ⁻¹(0.95)² = 2.7055, χ²₁(0.90) = 2.7055")
    func criticalValues() throws {
        #expect(abs(try CriticalValue.oneSided(confidenceLevel: 0.90) - 1.642374415149818) < 1e-9)
        #expect(abs(try CriticalValue.oneSided(confidenceLevel: 0.95) - 2.705543454095404) < 1e-9)
        #expect(abs(try CriticalValue.twoSided(confidenceLevel: 0.90) - 2.705543454095404) < 1e-9)
        #expect(throws: StatisticsError.self) { try CriticalValue.oneSided(confidenceLevel: 1.2) }
    }

    /// The toy path (safeguarded Newton, analytic derivatives) on the Asimov data reproduces
    /// the Asimov limit (GSL Brent on values only), with and without the normalization nuisance.
    @Test("Toy upper-limit path equals the Brent Asimov limit", arguments: [TestStatistic.poisson, .pearson])
    func toyPathMatchesBrent(statistic: TestStatistic) throws {
        let model = TestModels.smooth(events: 3000, width: 0.5)
        let asimov = try AsimovSensitivity.compute(model: model, statistic: statistic)
        let likelihood = ProfileLikelihood(model: model, statistic: statistic)
        try likelihood.setData(model.asimovData())
        let best = likelihood.bestFit()
        #expect(best.theta == 0)
        let limit = likelihood.upperLimit(criticalValue: asimov.criticalValue, bestFit: best)
        #expect(abs(limit.theta - asimov.limit) <= 1e-7 * asimov.limit)
    }

    /// Bands: σ = θ_med/Φ⁻¹(CL), edges σ(Φ⁻¹(CL) ± N) clipped at 0 (Cowan et al. eq. 89–90).
    @Test("Asymptotic bands from the Asimov limit")
    func bands() throws {
        let band = ExpectedBand.asymptotic(asimovLimit: 2, criticalValue: 1.642374415149818)
        let z = 1.2815515655446004, sigma = 2 / z
        #expect(abs(band.plus1 - sigma * (z + 1)) < 1e-12)
        #expect(abs(band.plus2 - sigma * (z + 2)) < 1e-12)
        #expect(abs(band.minus1 - sigma * (z - 1)) < 1e-12)
        #expect(band.minus2 == 0)
    }

    /// Halving the bin width of a smooth spectrum changes the Asimov limit by < 2 %.
    @Test("Asimov limit stable under halving the bin width")
    func binWidth() throws {
        let coarse = try AsimovSensitivity.compute(model: TestModels.smooth(events: 3000, width: 0.5)).limit
        let fine = try AsimovSensitivity.compute(model: TestModels.smooth(events: 3000, width: 0.25)).limit
        #expect(abs(fine / coarse - 1) < 0.02, "0.5 MeV: \(coarse), 0.25 MeV: \(fine)")
    }

    /// High counts (3·10⁵ events): Pearson and Poisson limits agree within 1 %. Low counts
    /// (single bin, b = 0.5): Pearson's limit is more than 20 % above Poisson's (closed forms:
    /// s²/(b + s) = c gives 2.044, 2[s − b ln(1 + s/b)] = c gives 1.519: 35 % apart).
    @Test("Pearson vs Poisson: agree at high counts, differ at low counts")
    func pearsonVersusPoisson() throws {
        let high = TestModels.smooth(events: 300_000, width: 0.25)
        let poissonHigh = try AsimovSensitivity.compute(model: high, statistic: .poisson).limit
        let pearsonHigh = try AsimovSensitivity.compute(model: high, statistic: .pearson).limit
        #expect(abs(pearsonHigh / poissonHigh - 1) < 0.01)
        let low = TestModels.counting(background: 0.5)
        let poissonLow = try AsimovSensitivity.compute(model: low, statistic: .poisson).limit
        let pearsonLow = try AsimovSensitivity.compute(model: low, statistic: .pearson).limit
        #expect(pearsonLow / poissonLow - 1 > 0.20, "Poisson \(poissonLow), Pearson \(pearsonLow)")
        #expect(abs(pearsonLow - 2.0442) < 1e-3 && abs(poissonLow - 1.519) < 2e-3)
    }
}

struct ParameterUnitTests {
    /// θ in physical units (κ² ~ 10⁻²¹): scaling T by 10²¹ scales every limit by 10⁻²¹ (Asimov,
    /// toys, θ̂), and the light-vector-like two-term model scales as T₁·u, T₂·u².
    @Test("Limits are invariant under rescaling θ (κ² ~ 1e-21, g² ~ 1e-12)")
    func rescaling() throws {
        let base = TestModels.smooth(events: 3000, width: 0.5)
        let unit = 1e-21
        let physical = try BinnedModel(standardModel: base.standardModel, parameterTerms: [base.parameterTerms[0].map { $0 / unit }])
        let a = try AsimovSensitivity.compute(model: base).limit
        let b = try AsimovSensitivity.compute(model: physical).limit
        #expect(abs(b / unit / a - 1) < 1e-9)
        let toysBase = try ToyRunner(configuration: ToyConfiguration.profiled(model: base, seed: 1)).run(totalToys: 50)
        let toysPhysical = try ToyRunner(configuration: ToyConfiguration.profiled(model: physical, seed: 1)).run(totalToys: 50)
        for (x, y) in zip(toysBase, toysPhysical) {
            #expect(abs(y.upperLimit / unit - x.upperLimit) <= 1e-8 * x.upperLimit)
            #expect(abs(y.thetaHat / unit - x.thetaHat) <= 1e-7 * max(x.thetaHat, x.upperLimit))
        }
        let two = try BinnedModel(standardModel: base.standardModel,
                                  parameterTerms: [base.parameterTerms[0].map { -0.3 * $0 }, base.parameterTerms[0]])
        let u = 1e-12
        let twoPhysical = try BinnedModel(standardModel: base.standardModel,
                                          parameterTerms: [two.parameterTerms[0].map { $0 / u }, two.parameterTerms[1].map { $0 / (u * u) }])
        let c = try AsimovSensitivity.compute(model: two).limit
        let d = try AsimovSensitivity.compute(model: twoPhysical).limit
        #expect(abs(d / u / c - 1) < 1e-8)
    }
}
