import Testing
import Foundation
import GSL
@testable import Statistics

/// The two short cuts of the toy fits with systematics against the full computation: the
/// Fisher-scoring start (`FisherScoringStart`) against the likelihood's own gradient and Hessian,
/// and the final Newton step whose λ is the quadratic model's (`finalStepStaysInside`) against λ
/// evaluated at the fitted point.
struct SystematicToyFitTests {
    /// Poisson toys around the generation point with fluctuated global observables, as
    /// `SystematicToys.Generation.toy` throws them.
    static func toys(_ generation: SystematicToys.Generation, count: Int, seed: UInt64)
        -> [(data: [Double], globals: NuisanceParameters, shapes: [Double])] {
        let x = generation.nuisances, model = generation.model
        return (0..<count).map { k in
            let stream = RandomStream(seed: seed, index: UInt64(k))
            let data = generation.samplers.map { $0.sample(stream) }
            let globals = NuisanceParameters(normalization: x[1] + model.base.normalization.sigma * stream.gaussian(),
                                             backgrounds: model.base.backgrounds.indices.map { x[2 + $0] + model.base.backgrounds[$0].constraint.sigma * stream.gaussian() })
            let first = 2 + model.base.backgrounds.count
            return (data, globals, model.systematics.indices.map { x[first + $0] + stream.gaussian() })
        }
    }

    /// x₁ − x_t solves I Δ = −∇λ(x_t), with ∇λ(x_t) from `SystematicLikelihood.evaluate` on the toy
    /// (morph, columns and constraints of the full path) and I its Hessian on x_t's Asimov data,
    /// solved by Gaussian elimination with partial pivoting here: to 10⁻⁹ of the step (both are
    /// double-precision solves of a well-conditioned 6 × 6 system). Thrown at θ = 0, about half the
    /// toys step below θ = 0 and hold it there.
    @Test("The Fisher-scoring start is one scoring step of the likelihood's own derivatives", arguments: TestStatistic.allCases)
    func fisherStep(statistic: TestStatistic) throws {
        let model = try SystematicLikelihoodTests.model(linear: true)
        let generation = try SystematicToys.Generation(model: model, statistic: statistic, trueTheta: 0)
        let start = try #require(generation.fisherStart)
        let truth = generation.nuisances, D = truth.count, first = 2 + model.base.backgrounds.count
        let reference = SystematicLikelihood(model: model, statistic: statistic)
        try reference.setData(generation.expected, normalizationObservables: .init(normalization: truth[1], backgrounds: Array(truth[2..<first])),
                              shapeObservables: Array(truth[first...]))
        let information = try #require(reference.evaluate(truth)).hessian
        let likelihood = SystematicLikelihood(model: model, statistic: statistic)
        var heldTheta = 0
        for toy in Self.toys(generation, count: 8, seed: 3) {
            try likelihood.setData(toy.data, normalizationObservables: toy.globals, shapeObservables: toy.shapes)
            let gradient = try #require(likelihood.evaluate(truth)).gradient
            var step = Self.solve(information, gradient.map { -$0 }, dimension: D)
            if truth[0] + step[0] < 0 {
                heldTheta += 1
                let reduced = (1..<D).flatMap { a in (1..<D).map { information[a * D + $0] } }
                step = [-truth[0]] + Self.solve(reduced, (1..<D).map { -gradient[$0] }, dimension: D - 1)
            }
            let x1 = try #require(start.start(data: toy.data, observables: [0, toy.globals.normalization] + toy.globals.backgrounds + toy.shapes))
            let scale = step.map(abs).max()!
            for a in 0..<D { #expect(abs(x1[a] - truth[a] - step[a]) <= 1e-9 * scale, "x\(a): \(x1[a] - truth[a]) vs \(step[a])") }
        }
        #expect(heldTheta > 0 && heldTheta < 8, "both branches: \(heldTheta) of 8 toys held θ at 0")
        print("Fisher start (\(statistic)): 8 toys at θ = 0, \(heldTheta) with θ held at 0")
    }

    /// Fits of the same toys from x₁ and from x_t reach the same minimum (λ is convex in the
    /// nuisances for a linear model, so the start decides only the path): λ̂ to 10⁻⁹, θ̂ to 10⁻⁵
    /// of the Asimov limit (a fit stops at a decrement ≤ 10⁻¹⁰, which leaves θ̂ within
    /// √(2·10⁻¹⁰) σ_θ ≈ 1.4×10⁻⁵ σ_θ, and σ_θ ≈ limit/√2.71 = 0.61 limit). And each fit's λ̂,
    /// whose last step may be the Newton model's λ − ½ decrement, equals λ evaluated at x̂ to 10⁻⁹
    /// (third-order error, decrement ≤ 10⁻⁶).
    @Test("Fits from the Fisher start reach the minimum; the final step's λ is λ at x̂")
    func sameMinimum() throws {
        let model = try SystematicLikelihoodTests.model(linear: true)
        let asimov = try SystematicAsimovSensitivity.compute(model: model)
        let generation = try SystematicToys.Generation(model: model, trueTheta: asimov.limit)
        let fisher = try #require(generation.fisherStart)
        let likelihood = SystematicLikelihood(model: model)
        var predicted = 0
        for toy in Self.toys(generation, count: 40, seed: 5) {
            try likelihood.setData(toy.data, normalizationObservables: toy.globals, shapeObservables: toy.shapes)
            let x1 = try #require(fisher.start(data: toy.data, observables: [0, toy.globals.normalization] + toy.globals.backgrounds + toy.shapes))
            let fromFisher = likelihood.bestFit(start: x1)
            let profile = likelihood.minimize(fixedTheta: asimov.limit)
            let fromTruth = likelihood.bestFit(start: generation.nuisances)
            #expect(fromFisher.status != .failed && fromTruth.status != .failed && profile.status != .failed)
            #expect(abs(fromFisher.value - fromTruth.value) <= 1e-9, "λ̂ \(fromFisher.value) vs \(fromTruth.value)")
            #expect(abs(fromFisher.theta - fromTruth.theta) <= 1e-5 * asimov.limit, "θ̂ \(fromFisher.theta) vs \(fromTruth.theta)")
            for fit in [fromFisher, profile, fromTruth] {
                let exact = try #require(likelihood.evaluate(fit.parameters, derivatives: false)).value
                if exact != fit.value { predicted += 1 }
                #expect(abs(exact - fit.value) <= 1e-9, "λ̂ \(fit.value) vs λ(x̂) \(exact)")
            }
        }
        #expect(predicted > 0, "no final step took the model's λ: the comparison tested nothing")
        print("final steps with the model's λ: \(predicted) of 120 fits")
    }

    /// A x = b by Gaussian elimination with partial pivoting (row-major n × n).
    static func solve(_ a: [Double], _ b: [Double], dimension n: Int) -> [Double] {
        var m = a, y = b
        for c in 0..<n {
            let p = (c..<n).max { abs(m[$0 * n + c]) < abs(m[$1 * n + c]) }!
            if p != c {
                for k in 0..<n { m.swapAt(c * n + k, p * n + k) }
                y.swapAt(c, p)
            }
            for r in (c + 1)..<n {
                let f = m[r * n + c] / m[c * n + c]
                for k in c..<n { m[r * n + k] -= f * m[c * n + k] }
                y[r] -= f * y[c]
            }
        }
        for r in stride(from: n - 1, through: 0, by: -1) {
            for k in (r + 1)..<n { y[r] -= m[r * n + k] * y[k] }
            y[r] /= m[r * n + r]
        }
        return y
    }
}
