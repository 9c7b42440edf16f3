import Testing
import GSL
@testable import Statistics

/// The minimum on the edge μ_i = 0 of the domain (a bin without events that two shape
/// systematics and a background can cancel; `EdgeConstraints`) against GSL's Nelder–Mead over every
/// parameter, which sees the edge only as an infinite penalty (restarted from its own result until
/// it stops improving, as a simplex can stall on a boundary).
struct SystematicEdgeTests {
    /// Six bins; the last has a small SM and background expectation that the "scale" systematic
    /// removes at α₁ = −1 (its −1σ template is 0 there) and the "tilt" systematic and the
    /// background move further, so the edge μ₆(x) = 0 is curved in (n, b, α₁, α₂).
    static func model() throws -> SystematicModel {
        let sm = [4000.0, 3000, 2000, 1000, 300, 0.5], term = [0.0, 0, 1, 3, 5, 1], background = [500.0, 400, 300, 200, 100, 0.05]
        let base = try BinnedModel(standardModel: sm, parameterTerms: [term],
                                   backgrounds: [BackgroundComponent(name: "b", template: background, constraint: .init(sigma: 0.2))])
        func scaled(_ x: [Double], _ factors: [Double]) -> [Double] { zip(x, factors).map { $0 * $1 } }
        let scale = ShapeSystematic(
            name: "scale",
            standardModel: try HistoSysInterpolation(nominal: sm, up: scaled(sm, [0.9, 0.95, 1, 1.1, 1.3, 1.8]),
                                                     down: scaled(sm, [1.1, 1.05, 1, 0.9, 0.7, 0])),
            parameterTerms: [nil], backgrounds: [nil])
        let tilt = ShapeSystematic(
            name: "tilt",
            standardModel: try HistoSysInterpolation(nominal: sm, up: scaled(sm, [1.02, 1.01, 1, 0.99, 1.1, 1.2]),
                                                     down: scaled(sm, [0.97, 0.99, 1, 1.01, 0.9, 0.6])),
            parameterTerms: [nil],
            backgrounds: [try HistoSysInterpolation(nominal: background, up: scaled(background, [1, 1, 1, 1, 1.2, 1.5]),
                                                    down: scaled(background, [1, 1, 1, 1, 0.8, 0.2]))])
        return try SystematicModel(base: base, systematics: [scale, tilt])
    }

    @Test("A minimum on the edge μ = 0 equals a simplex over every parameter")
    func minimumOnTheEdge() throws {
        let model = try Self.model()
        let likelihood = SystematicLikelihood(model: model)
        // The first five bins as at α₁ = −1.4, α₂ = 0.3, the sixth empty: the fit wants α₁ below
        // the point where bin six vanishes.
        let (sm, background, shapes) = (model.base.standardModel, model.base.backgrounds[0].template, model.systematics)
        let data = (0..<5).map { i in
            (sm[i] + shapes[0].standardModel!.delta(-1.4, bin: i) + shapes[1].standardModel!.delta(0.3, bin: i)
             + background[i] + shapes[1].backgrounds[0]!.delta(0.3, bin: i)).rounded()
        } + [0]
        for (globals, scaleObservable) in [(1.0, -1.4), (1.1, -1.8), (0.9, -1.2)] {
            try likelihood.setData(data, normalizationObservables: .init(normalization: 1, backgrounds: [globals]),
                                   shapeObservables: [scaleObservable, 0.3])
            let fit = likelihood.bestFit()
            #expect(fit.status != .failed)
            #expect(!fit.usedSimplex, "Newton needed the simplex")
            let mu = try #require(likelihood.expected(fit.parameters))
            #expect(mu[5] >= 0 && mu[5] < 1e-9, "bin 6 at \(mu[5]): the minimum is not on the edge")
            var reference = try Minimization.simplex({ x in
                guard x[0] >= 0, x[1] >= 0, x[2] >= 0 else { return .infinity }
                return likelihood.evaluate(x, derivatives: false)?.value ?? .infinity
            }, start: [0.5, 1, 1, 0, 0], stepSizes: [1, 0.01, 0.1, 0.5, 0.5], sizeTolerance: 1e-11, maxIterations: 100_000)
            for _ in 0..<20 {
                let again = try Minimization.simplex({ x in
                    guard x[0] >= 0, x[1] >= 0, x[2] >= 0 else { return .infinity }
                    return likelihood.evaluate(x, derivatives: false)?.value ?? .infinity
                }, start: reference.x, stepSizes: [0.1, 0.001, 0.01, 0.05, 0.05], sizeTolerance: 1e-11, maxIterations: 100_000)
                guard again.value < reference.value - 1e-12 else { break }
                reference = again
            }
            #expect(abs(fit.value - reference.value) < 1e-6, "\(globals), \(scaleObservable): \(fit.value) vs \(reference.value)")
            #expect(fit.value <= reference.value + 1e-9, "Newton above the simplex: \(fit.value) vs \(reference.value)")
            #expect(abs(fit.theta - reference.x[0]) < 1e-3, "θ̂ \(fit.theta) vs \(reference.x[0])")
        }
    }
}
