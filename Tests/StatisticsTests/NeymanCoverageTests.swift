import Testing
import Foundation
import GSL
@testable import Statistics

struct NeymanCoverageTests {
    /// 9 bins, 400 SM events, σₙ = 0.7 %.
    static let model = TestModels.smooth(events: 400, width: 1.0, signalPerTheta: 100)

    /// FC coverage at θ = 0, near the boundary, at and above the Asimov limit: within 2σ of
    /// 90 %, σ = √(p(1 − p)(1/N + 1/N_c)) — the binomial error of the N coverage toys and the
    /// equal-size error that the N_c toys of the critical value add (a quantile estimated from
    /// N_c toys moves the coverage by √(p(1 − p)/N_c)).
    @Test("Feldman–Cousins coverage within 2σ of 90 %", arguments: [0.0, 0.3, 1.0, 2.0])
    func feldmanCousinsCoverage(multipleOfAsimov: Double) throws {
        let asimov = try AsimovSensitivity.compute(model: Self.model).limit
        let truth = multipleOfAsimov * asimov
        let toys = 3000, criticalToys = 3000
        let study = try CoverageStudy.run(model: Self.model, method: .feldmanCousins, trueValue: truth,
                                          toys: toys, seed: 99, criticalToys: criticalToys, threads: 2)
        let p = 0.9
        let sigma = (p * (1 - p) * (1 / Double(toys) + 1 / Double(criticalToys))).squareRoot()
        #expect(study.failedFits == 0)
        #expect(abs(study.coverage - p) < 2 * sigma, "θ = \(truth): coverage \(study.coverage) ± \(study.coverageError), c = \(study.criticalValue)")
        #expect(abs(study.coverageError - (study.coverage * (1 - study.coverage) / Double(study.toys)).squareRoot()) < 1e-15)
    }

    /// The asymptotic threshold covers ≈ 90 % at high counts away from the boundary (Wilks),
    /// tested within 2σ binomial.
    @Test("Asimov-threshold coverage at high counts")
    func asimovCoverage() throws {
        let model = TestModels.smooth(events: 50_000, width: 0.5, signalPerTheta: 500)
        let asimov = try AsimovSensitivity.compute(model: model).limit
        let study = try CoverageStudy.run(model: model, method: .asimov, trueValue: asimov, toys: 3000, seed: 5, threads: 2)
        #expect(abs(study.coverage - 0.9) < 2 * study.coverageError, "coverage \(study.coverage) ± \(study.coverageError)")
    }

    /// Near-Gaussian regime: FC critical values are χ²₁'s 80 % quantile (1.642) at θ = 0, where
    /// half the toys have θ̂ = 0 and t = 0, and χ²₁'s 90 % quantile (2.706) far from the
    /// boundary; the one-sided q̃ ordering follows Cowan et al.'s eq. 65 (below 1.642 near 0). Tolerance: 3σ of a
    /// 90 % quantile from 2000 toys (≈ 0.32 for χ²₁).
    @Test("Neyman belts: toy critical values match the asymptotic ones")
    func beltCriticalValues() throws {
        let model = TestModels.smooth(events: 50_000, width: 0.5, signalPerTheta: 500)
        let asimov = try AsimovSensitivity.compute(model: model).limit
        let grid = [0, 3 * asimov, 6 * asimov]
        let fc = try NeymanBelt.build(model: model, ordering: .feldmanCousins, grid: grid, toysPerPoint: 2000, seed: 17, threads: 2)
        #expect(abs(fc.criticalValues[0] - 1.642) < 0.25)
        #expect(abs(fc.criticalValues[2] - 2.706) < 0.32)
        let upper = try NeymanBelt.build(model: model, ordering: .upperLimit, grid: [0, 0.5 * asimov, asimov, 2 * asimov],
                                         toysPerPoint: 2000, seed: 18, threads: 2)
        // Asymptotic q̃ quantile (Cowan et al. eq. 65): c = z² if θ/σ ≥ z, else 2zθ/σ − θ²/σ²,
        // with z = Φ⁻¹(0.9) and σ = θ_Asimov/z.
        let z = 1.2815515655446004, sigma = asimov / z
        for (theta, c) in zip(upper.grid, upper.criticalValues).dropFirst() {
            let r = theta / sigma
            let expected = r >= z ? z * z : 2 * z * r - r * r
            #expect(abs(c - expected) < 0.25, "θ = \(theta): c = \(c), asymptotic \(expected)")
        }
        // On Asimov data the FC interval starts at 0 and ends between the crossings of the
        // asymptotic 1.642 and 2.706 levels; the one-sided belt's limit is near the Asimov one.
        let likelihood = ProfileLikelihood(model: model)
        try likelihood.setData(model.asimovData())
        let interval = try fc.interval(for: likelihood)
        let best = likelihood.bestFit()
        let at2706 = likelihood.upperLimit(criticalValue: 2.706, bestFit: best).theta
        #expect(interval.lower == 0)
        #expect(interval.upper > 0.97 * asimov && interval.upper < 1.03 * at2706)
        let limit = try upper.interval(for: likelihood)
        #expect(abs(limit.upper / asimov - 1) < 0.08)
    }
}
