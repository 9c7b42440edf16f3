import Testing
import Foundation
import GSL
@testable import Statistics

struct ProfileLikelihoodTests {
    /// The closed-form n̂ and λ_p equal a direct GSL Brent minimization over n of
    /// 2Σ[μ − d + d ln(d/μ)] + (n − n₀)²/σ² (a different algorithm), on a Poisson toy.
    @Test("Closed-form normalization profile equals numerical minimization")
    func closedFormProfile() throws {
        let model = TestModels.smooth(events: 500, width: 0.5, normalization: GaussianConstraint(nominal: 1, sigma: 0.05))
        let stream = RandomStream(seed: 11, index: 0)
        let data = try model.asimovData(theta: 0.3).map { Double(stream.poisson(mean: $0)) }
        let n0 = 1.03
        let likelihood = ProfileLikelihood(model: model)
        try likelihood.setData(data, globalObservables: NuisanceParameters(normalization: n0))
        for theta in [0.0, 0.2, 1.5] {
            let t = try model.expected(theta: theta, nuisances: NuisanceParameters(normalization: 1))
            func lambda(_ n: Double) -> Double {
                var sum = 0.0
                for i in t.indices {
                    let mu = n * t[i]
                    sum += 2 * (mu - data[i] + (data[i] > 0 ? data[i] * log(data[i] / mu) : 0))
                }
                return sum + (n - n0) * (n - n0) / (0.05 * 0.05)
            }
            let numeric = try Minimization.brent(lambda, lower: 0.5, upper: 1.5, guess: 1.0, absoluteTolerance: 1e-12)
            let point = likelihood.profile(theta: theta)
            #expect(abs(point.nuisances.normalization - numeric.x[0]) < 1e-6)
            #expect(abs(point.value - numeric.value) < 1e-9 * max(1, numeric.value))
        }
    }

    /// The Newton path (forced by a zero background template, which changes nothing) gives the
    /// same λ_p, n̂ and θ-derivatives as the closed form; derivatives also match central
    /// finite differences.
    @Test("Newton path equals closed form; derivatives equal finite differences")
    func newtonPath() throws {
        let base = TestModels.smooth(events: 800, width: 0.5, normalization: GaussianConstraint(nominal: 1, sigma: 0.03))
        let bins = base.binCount
        let withBackground = try BinnedModel(
            standardModel: base.standardModel, parameterTerms: base.parameterTerms, normalization: base.normalization,
            backgrounds: [BackgroundComponent(name: "none", template: [Double](repeating: 0, count: bins),
                                              constraint: GaussianConstraint(nominal: 1, sigma: 0.1))])
        let stream = RandomStream(seed: 5, index: 3)
        let data = try base.asimovData(theta: 0.5).map { Double(stream.poisson(mean: $0)) }
        let closed = ProfileLikelihood(model: base)
        try closed.setData(data, globalObservables: NuisanceParameters(normalization: 0.98))
        let newton = ProfileLikelihood(model: withBackground)
        try newton.setData(data, globalObservables: NuisanceParameters(normalization: 0.98, backgrounds: [1]))
        #expect(!newton.usesClosedForm && closed.usesClosedForm)
        for theta in [0.0, 0.4, 2.0] {
            let a = closed.profile(theta: theta), b = newton.profile(theta: theta)
            #expect(abs(a.value - b.value) < 1e-8 * max(1, abs(a.value)))
            #expect(abs(a.nuisances.normalization - b.nuisances.normalization) < 1e-7)
            #expect(abs(a.derivative - b.derivative) < 1e-6 * max(1, abs(a.derivative)))
            #expect(abs(a.secondDerivative - b.secondDerivative) < 1e-5 * max(1, abs(a.secondDerivative)))
            let h = 1e-4
            let up = closed.profile(theta: theta + h), down = closed.profile(theta: max(0, theta - h))
            let step = theta + h - max(0, theta - h)
            #expect(abs((up.value - down.value) / step - a.derivative) < 1e-3 * max(1, abs(a.derivative)))
            #expect(abs((up.derivative - down.derivative) / step - a.secondDerivative) < 1e-3 * max(1, abs(a.secondDerivative)))
        }
    }

    /// A background with its own constraint: Newton's profile equals GSL's simplex over (n, b).
    @Test("Profile with a constrained background equals the simplex minimum")
    func backgroundProfile() throws {
        let bins = 12
        let sm = (0..<bins).map { 50 * exp(-Double($0) / 4) }
        let signal = (0..<bins).map { 5.0 / Double($0 + 1) }
        let background = (0..<bins).map { _ in 30.0 }
        let model = try BinnedModel(standardModel: sm, parameterTerms: [signal], normalization: .init(nominal: 1, sigma: 0.05),
                                    backgrounds: [BackgroundComponent(name: "flat", template: background, constraint: .init(nominal: 1, sigma: 0.2))])
        let stream = RandomStream(seed: 9, index: 1)
        let data = try model.expected(theta: 1, nuisances: .init(normalization: 1.02, backgrounds: [0.9])).map { Double(stream.poisson(mean: $0)) }
        for statistic in TestStatistic.allCases {
            let likelihood = ProfileLikelihood(model: model, statistic: statistic)
            try likelihood.setData(data, globalObservables: .init(normalization: 1, backgrounds: [1]))
            let point = likelihood.profile(theta: 0.7)
            let t = try model.expected(theta: 0.7, nuisances: .init(normalization: 1, backgrounds: [0]))
            let simplex = try Minimization.simplex({ x in
                var sum = 0.0
                for i in 0..<bins {
                    let mu = x[0] * t[i] + x[1] * background[i]
                    let d = data[i]
                    sum += statistic == .poisson ? 2 * (mu - d + (d > 0 ? d * log(d / mu) : 0)) : (d - mu) * (d - mu) / mu
                }
                return sum + pow((x[0] - 1) / 0.05, 2) + pow((x[1] - 1) / 0.2, 2)
            }, start: [1, 1], stepSizes: [0.01, 0.05], sizeTolerance: 1e-12)
            #expect(point.status == .converged)
            #expect(abs(point.value - simplex.value) < 1e-7 * max(1, simplex.value))
            #expect(abs(point.nuisances.normalization - simplex.x[0]) < 1e-5)
            #expect(abs(point.nuisances.backgrounds[0] - simplex.x[1]) < 1e-4)
        }
    }

    /// Destructive interference (T₁ < 0, T₂ > 0): negative expectations are invalid points, and
    /// the scan-based best fit finds the global minimum of a two-minimum profile (checked
    /// against a dense grid).
    @Test("Non-linear model: invalid region and global best fit")
    func nonLinear() throws {
        let sm = [100.0, 80, 60, 40]
        let model = try BinnedModel(standardModel: sm, parameterTerms: [[-50, -40, -30, -20], [10, 10, 10, 10]])
        let tooDestructive = try BinnedModel(standardModel: sm, parameterTerms: [[-80, -60, -45, -30], [10, 10, 10, 10]])
        #expect(throws: StatisticsError.self) { try tooDestructive.expected(theta: 4, nuisances: .init(normalization: 1)) }
        let invalid = ProfileLikelihood(model: tooDestructive)
        try invalid.setData(sm)
        #expect(invalid.profile(theta: 4).value == .infinity)
        let data = [104.0, 85, 66, 45]  // close to the SM and to θ ≈ 5 (S + 5T₁ + 25T₂ ≈ S + …)
        let likelihood = ProfileLikelihood(model: model)
        try likelihood.setData(data)
        let best = likelihood.bestFit(scale: 1)
        var gridBest = (theta: 0.0, value: Double.infinity)
        var theta = 0.0
        while theta < 20 {
            let v = likelihood.profile(theta: theta).value
            if v < gridBest.value { gridBest = (theta, v) }
            theta += 0.0005
        }
        #expect(best.status != .failed)
        #expect(best.value <= gridBest.value + 1e-9)
        #expect(abs(best.theta - gridBest.theta) < 2e-3)
    }

    @Test("Invalid input is reported, never a crash")
    func invalidInput() {
        #expect(throws: StatisticsError.self) { try BinnedModel(standardModel: [1, 2], parameterTerms: [[1]]) }
        #expect(throws: StatisticsError.self) { try BinnedModel(standardModel: [-1], parameterTerms: [[1]]) }
        #expect(throws: StatisticsError.self) { try BinnedModel(standardModel: [1], parameterTerms: []) }
        let likelihood = ProfileLikelihood(model: TestModels.counting(background: 3))
        #expect(throws: StatisticsError.self) { try likelihood.setData([1, 2]) }
        #expect(throws: StatisticsError.self) { try likelihood.setData([-1]) }
        #expect(throws: StatisticsError.self) { try ToyShard(parsing: "3/2") }
    }
}
