import Testing
import Foundation
import GSL
@testable import Statistics

/// The likelihood with shape systematics against independent computations: its gradient and
/// Hessian against finite differences, its minimum against GSL's simplex, and its Asimov limit
/// against `AsimovSensitivity` where the systematics cannot act.
struct SystematicLikelihoodTests {
    static let edges = SyntheticTemplates.edges(lower: 3, upper: 12.5, width: 0.5)

    /// A template tilted like an energy-scale shift: X_i (1 + s (E_i − 7 MeV)/5 MeV).
    static func tilted(_ template: [Double], _ s: Double) -> [Double] {
        template.indices.map { i in template[i] * (1 + s * (0.5 * (edges[i] + edges[i + 1]) - 7) / 5) }
    }

    /// 19 bins: SM 3 000 events, a light-vector-like θ (T₁ negative interference, T₂ positive),
    /// two backgrounds (σ 30 %, 5 %), and two shape systematics with asymmetric ±1σ templates (so
    /// code4p's polynomial has A ≠ 0); the second leaves the second background alone.
    static func model(systematics: Bool = true, backgrounds: Bool = true, linear: Bool = false) throws -> SystematicModel {
        let sm = SyntheticTemplates.exponential(edges: edges, decayLength: 2.5, total: 3000)
        let raw = SyntheticTemplates.magneticMomentLike(edges: edges, cutoff: 10, coefficient: 1)
        let sum = raw.reduce(0, +)
        let t1 = raw.map { -20 * $0 / sum }, t2 = raw.map { 300 * $0 / sum }
        let b1 = SyntheticTemplates.exponential(edges: edges, decayLength: 1, total: 2000)
        let b2 = SyntheticTemplates.exponential(edges: edges, decayLength: 4, total: 800)
        let base = try BinnedModel(standardModel: sm, parameterTerms: linear ? [t2] : [t1, t2],
                                   backgrounds: backgrounds ? [BackgroundComponent(name: "b1", template: b1, constraint: .init(sigma: 0.3)),
                                                              BackgroundComponent(name: "b2", template: b2, constraint: .init(sigma: 0.05))] : [])
        guard systematics else { return try SystematicModel(base: base, systematics: []) }
        func histo(_ x: [Double], _ up: Double, _ down: Double) throws -> HistoSysInterpolation {
            try HistoSysInterpolation(nominal: x, up: tilted(x, up), down: tilted(x, -down))
        }
        let bkgs = backgrounds ? [b1, b2] : []
        let termShifts = [try histo(t1, 0.05, 0.04), try histo(t2, 0.05, 0.03)]
        let scale = ShapeSystematic(name: "scale", standardModel: try histo(sm, 0.03, 0.02), parameterTerms: linear ? [termShifts[1]] : termShifts,
                                    backgrounds: try bkgs.map { try histo($0, 0.02, 0.03) })
        let tilt = ShapeSystematic(name: "tilt", standardModel: try histo(sm, -0.02, -0.025),
                                   parameterTerms: linear ? [try histo(t2, 0.01, 0.02)] : [nil, try histo(t2, 0.01, 0.02)],
                                   backgrounds: backgrounds ? [try histo(b1, 0.04, 0.01), nil] : [])
        return try SystematicModel(base: base, systematics: [scale, tilt])
    }

    /// Central differences of λ and of the analytic gradient at points with α inside (−1, 1) (code4p's
    /// polynomial) and outside (its linear extrapolation): the gradient to 10⁻⁶ and the Hessian to
    /// 10⁻⁵ of the largest entry of its row (step 10⁻⁵; the truncation error is O(h²) ≈ 10⁻¹⁰ relative,
    /// rounding ~ε λ/h ≈ 10⁻⁹).
    @Test("Gradient and Hessian equal finite differences", arguments: TestStatistic.allCases)
    func derivatives(statistic: TestStatistic) throws {
        let model = try Self.model()
        let likelihood = SystematicLikelihood(model: model, statistic: statistic)
        let data = try model.asimovData(theta: 0.3).map { ($0 * 1.07).rounded() }
        try likelihood.setData(data, normalizationObservables: .init(normalization: 1.004, backgrounds: [1.1, 0.97]), shapeObservables: [0.3, -0.2])
        for x in [[0.4, 1.01, 0.9, 1.02, 0.45, -0.7], [0.9, 0.98, 1.2, 0.95, 1.6, -1.4]] {
            let e = try #require(likelihood.evaluate(x))
            let D = x.count, h = 1e-5
            for a in 0..<D {
                var plus = x, minus = x
                plus[a] += h
                minus[a] -= h
                let vp = try #require(likelihood.evaluate(plus)), vm = try #require(likelihood.evaluate(minus))
                let numeric = (vp.value - vm.value) / (2 * h)
                #expect(abs(numeric - e.gradient[a]) <= 1e-6 * max(1, abs(e.gradient[a])), "∂λ/∂x\(a) at \(x): \(numeric) vs \(e.gradient[a])")
                let rowScale = (0..<D).map { abs(e.hessian[a * D + $0]) }.max()!
                for b in 0..<D {
                    let numericH = (vp.gradient[b] - vm.gradient[b]) / (2 * h)
                    #expect(abs(numericH - e.hessian[a * D + b]) <= 1e-5 * max(1, rowScale),
                            "∂²λ/∂x\(a)∂x\(b) at \(x): \(numericH) vs \(e.hessian[a * D + b])")
                }
            }
        }
    }

    /// On Poisson toys with fluctuated global observables, the bounded Newton minimum equals GSL's
    /// Nelder–Mead over all six parameters (θ, n, b ≥ 0 by an infinite penalty; a derivative-free
    /// algorithm): λ̂ to 10⁻⁶ (the simplex stops at a size of 10⁻¹⁰ in x) and θ̂ to 10⁻³.
    @Test("The minimum equals a simplex over every parameter")
    func minimumEqualsSimplex() throws {
        let model = try Self.model()
        let likelihood = SystematicLikelihood(model: model)
        for k in 0..<4 {
            let stream = RandomStream(seed: 91, index: UInt64(k))
            let data = try model.asimovData(theta: 0.5).map { Double(stream.poisson(mean: $0)) }
            let globals = NuisanceParameters(normalization: 1 + 0.007 * stream.gaussian(), backgrounds: [1 + 0.3 * stream.gaussian(), 1 + 0.05 * stream.gaussian()])
            let shapes = [stream.gaussian(), stream.gaussian()]
            try likelihood.setData(data, normalizationObservables: globals, shapeObservables: shapes)
            let fit = likelihood.bestFit()
            #expect(fit.status != .failed)
            // λ_p has two minima in θ here (interference): the simplex from both sides, the lower kept.
            let reference = try [0.05, 1.5].map { theta in
                try Minimization.simplex({ x in
                    guard x[0] >= 0, x[1] >= 0, x[2] >= 0, x[3] >= 0 else { return .infinity }
                    return likelihood.evaluate(x, derivatives: false)?.value ?? .infinity
                }, start: [theta, 1, 1, 1, 0, 0], stepSizes: [0.2, 0.01, 0.1, 0.05, 0.5, 0.5], sizeTolerance: 1e-10, maxIterations: 100_000)
            }.min { $0.value < $1.value }!
            #expect(abs(fit.value - reference.value) < 1e-6, "toy \(k): \(fit.value) vs \(reference.value)")
            #expect(fit.value <= reference.value + 1e-9, "toy \(k): Newton above the simplex")
            #expect(abs(fit.theta - reference.x[0]) < 1e-3, "toy \(k): θ̂ \(fit.theta) vs \(reference.x[0])")
        }
    }

    /// Without shape systematics the model is the `BinnedModel`: the Asimov limit equals
    /// `AsimovSensitivity`'s (nested profile fits of a different code) to 10⁻⁷, both statistics
    /// and both methods.
    @Test("No systematics: the Asimov limit of the plain model", arguments: [LimitMethod.clsb, .cls])
    func noSystematics(method: LimitMethod) throws {
        for statistic in TestStatistic.allCases {
            let model = try Self.model(systematics: false)
            let plain = try AsimovSensitivity.compute(model: model.base, statistic: statistic, method: method)
            let with = try SystematicAsimovSensitivity.compute(model: model, statistic: statistic, method: method)
            #expect(abs(with.limit / plain.limit - 1) < 1e-7, "\(statistic): \(with.limit) vs \(plain.limit)")
            #expect(with.failedFits == 0)
        }
    }

    /// The shape systematics widen the limit; held at their nominal values (`fixed`), they give
    /// back the limit without them (to 10⁻⁷), and the Asimov pulls vanish (to 10⁻⁵) with post-fit
    /// constraints in (0, 1].
    @Test("Systematics widen the limit; fixed they change nothing")
    func fixedSystematics() throws {
        let model = try Self.model()
        let plain = try AsimovSensitivity.compute(model: model.base)
        let all = try SystematicAsimovSensitivity.compute(model: model)
        let fixed = try SystematicAsimovSensitivity.compute(model: model, fixed: [4, 5])
        #expect(all.limit > plain.limit * 1.001)
        #expect(abs(fixed.limit / plain.limit - 1) < 1e-7, "\(fixed.limit) vs \(plain.limit)")
        let likelihood = SystematicLikelihood(model: model)
        try likelihood.setData(model.asimovData())
        let (thetaSigma, reports) = try #require(likelihood.nuisanceReports())
        #expect(thetaSigma > 0 && thetaSigma.isFinite)
        #expect(reports.map(\.name) == ["normalization", "background:b1", "background:b2", "scale", "tilt"])
        for r in reports {
            #expect(abs(r.pull) < 1e-5, "\(r.name) pull \(r.pull)")
            #expect(r.constraint > 0 && r.constraint <= 1 + 1e-9, "\(r.name) constraint \(r.constraint)")
            #expect(r.impact.isFinite)
        }
    }

    /// Toys thrown at the profiled nuisances with every global observable fluctuated (linear model,
    /// two shape systematics, two backgrounds; 3 000 SM events): the median toy upper limit at θ = 0
    /// lies within 5 % of the Asimov limit (its standard error over 400 toys is ≈ 1.25 √(π/2)/√400 of
    /// the band's 68 % half-width ≈ 4 % of the limit here), and at θ = the Asimov limit the
    /// asymptotic interval covers 90 % ± 4.5 % (3 binomial σ for 400 toys). Same toys on 1 and 2 threads.
    @Test("Toys with nuisances: median and coverage of the Asimov interval")
    func toys() throws {
        let model = try Self.model(linear: true)
        let asimov = try SystematicAsimovSensitivity.compute(model: model)
        let atZero = try SystematicToys.run(model: model, trueTheta: 0, critical: asimov.criticalValue, count: 400, seed: 7, threads: 2)
        let limits = atZero.filter { $0.status != .failed }.map(\.upperLimit).sorted()
        #expect(limits.count == 400)
        let median = limits[199...200].reduce(0, +) / 2
        #expect(abs(median / asimov.limit - 1) < 0.05, "median \(median) vs Asimov \(asimov.limit)")
        let atLimit = try SystematicToys.run(model: model, trueTheta: asimov.limit, critical: asimov.criticalValue, count: 400, seed: 8, threads: 2)
        let covered = atLimit.filter { $0.status != .failed && $0.upperLimit >= asimov.limit }.count
        #expect(abs(Double(covered) / 400 - 0.90) < 0.045, "coverage \(covered)/400")
        print("systematic toys: median/Asimov (θ) \(median / asimov.limit), coverage at the Asimov limit \(covered)/400")
        let one = try SystematicToys.run(model: model, trueTheta: 0, critical: asimov.criticalValue, count: 8, seed: 7, threads: 1)
        #expect(one.map(\.upperLimit) == atZero.prefix(8).map(\.upperLimit))
    }

    /// `CoverageStudy` with the systematic model on the toys of `toys()` at the Asimov limit (same
    /// seed, same indices):
    /// `.asimov` decides by q̃(θ_t) ≤ Φ⁻¹(CL)², a different computation from the upper limits'
    /// root search but the same event (q̃ increases above θ̂, and the limit solves q̃ = c), so it
    /// counts the same toys (±1 for a toy within the root tolerance). `.feldmanCousins`: the critical
    /// value from 400 independent toys is χ²₁'s 2.706 asymptotically (quantile standard error ≈ 0.3
    /// at 400 toys: within ±0.9), and covers 90 % ± 4.5 % (3 binomial σ).
    @Test("Coverage with nuisances: q̃ and the upper limits agree; Feldman–Cousins covers")
    func coverage() throws {
        let model = try Self.model(linear: true)
        let asimov = try SystematicAsimovSensitivity.compute(model: model)
        let limits = try SystematicToys.run(model: model, trueTheta: asimov.limit, critical: asimov.criticalValue, count: 400, seed: 8, threads: 2)
        let byLimit = limits.filter { $0.status != .failed && $0.upperLimit >= asimov.limit }.count
        let byStatistic = try CoverageStudy.run(model: model.base, method: .asimov, trueValue: asimov.limit, toys: 400, seed: 8, threads: 2,
                                                scale: asimov.limit, systematicModel: model)
        #expect(byStatistic.toys == 400 && abs(byStatistic.covered - byLimit) <= 1, "q̃: \(byStatistic.covered), limits: \(byLimit)")
        let fc = try CoverageStudy.run(model: model.base, method: .feldmanCousins, trueValue: asimov.limit, toys: 400, seed: 8, threads: 2,
                                       scale: asimov.limit, systematicModel: model)
        #expect(abs(fc.criticalValue - 2.706) < 0.9, "FC critical value \(fc.criticalValue)")
        #expect(abs(fc.coverage - 0.90) < 0.045, "FC coverage \(fc.covered)/\(fc.toys)")
        print("systematic coverage: asimov \(byStatistic.covered)/400 (limits \(byLimit)), FC c = \(fc.criticalValue), \(fc.covered)/\(fc.toys)")
    }
}
