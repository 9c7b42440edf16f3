import Testing
import Foundation
import GSL
@testable import Statistics

/// The joint Newton fit over (c = nθ, ν) against two other algorithms: the nested search (a θ
/// root-finder around the profile over ν, `bestFitLinear`) and GSL's simplex over (θ, n, b⃗).
struct JointFitTests {
    /// Three constrained backgrounds (σ 50 %, 50 %, 4 %) and a 0.7 % normalization on 38 bins,
    /// the shape of the fitter benchmark: 3 000 SM events, θ = 1 adds 300.
    static func model() throws -> BinnedModel {
        let edges = SyntheticTemplates.edges(lower: 3, upper: 12.5, width: 0.25)
        let sm = SyntheticTemplates.exponential(edges: edges, decayLength: 2.5, total: 3000)
        let raw = SyntheticTemplates.magneticMomentLike(edges: edges, cutoff: 10, coefficient: 1)
        let sum = raw.reduce(0, +)
        func component(_ name: String, _ length: Double, _ total: Double, _ sigma: Double) -> BackgroundComponent {
            BackgroundComponent(name: name, template: SyntheticTemplates.exponential(edges: edges, decayLength: length, total: total),
                                constraint: GaussianConstraint(nominal: 1, sigma: sigma))
        }
        return try BinnedModel(standardModel: sm, parameterTerms: [raw.map { $0 * 300 / sum }],
                               normalization: GaussianConstraint(nominal: 1, sigma: 0.007),
                               backgrounds: [component("a", 1, 4000, 0.5), component("b", 4, 3000, 0.5), component("c", 2.5, 1500, 0.04)])
    }

    /// 300 Poisson toys at θ = 0 and θ = 0.5 with fluctuated global observables: θ̂ agrees with
    /// the nested search to 10⁻⁵ of θ's standard error σ_θ = √(2/λ_p″) (0.98–1.08 here) and λ̂ to
    /// 10⁻¹⁰ (measured: 1.1 × 10⁻⁶ σ_θ and 1.4 × 10⁻¹²). The nested search's θ root has tolerance 10⁻¹² × scale and each of its profiles stops at
    /// a Newton decrement ≤ 10⁻¹² (the joint fit too), which leaves each coordinate within
    /// ~√(2 × 10⁻¹²) ≈ 1.4 × 10⁻⁶ standard errors of its minimum. Both statistics; every joint
    /// fit converges (none falls back).
    @Test("Joint best fit equals the nested θ search", arguments: TestStatistic.allCases)
    func jointEqualsNested(statistic: TestStatistic) throws {
        let model = try Self.model()
        let likelihood = ProfileLikelihood(model: model, statistic: statistic)
        #expect(likelihood.usesJointFit)
        let sigmas = [0.007, 0.5, 0.5, 0.04]
        var atBound = 0
        for k in 0..<300 {
            let stream = RandomStream(seed: 4242, index: UInt64(k))
            let truth = k % 2 == 0 ? 0.0 : 0.5
            let data = try model.asimovData(theta: truth).map { Double(stream.poisson(mean: $0)) }
            let observed = sigmas.map { 1 + $0 * stream.gaussian() }
            let globals = NuisanceParameters(normalization: observed[0], backgrounds: Array(observed.dropFirst()))
            try likelihood.setData(data, globalObservables: globals)
            let joint = try #require(likelihood.bestFitJoint())
            try likelihood.setData(data, globalObservables: globals)
            let nested = likelihood.bestFitLinear(scale: 0.3)
            #expect(nested.status != .failed)
            let sigma = (2 / joint.curvature).squareRoot()
            #expect(sigma.isFinite && sigma > 0, "toy \(k): σ_θ \(sigma)")
            #expect(abs(joint.theta - nested.theta) < 1e-5 * sigma, "toy \(k): \(joint.theta) vs \(nested.theta)")
            #expect(abs(joint.value - nested.value) < 1e-10 * max(1, nested.value), "toy \(k)")
            #expect(joint.status == nested.status, "toy \(k)")
            if joint.status == .atBound { atBound += 1 }
        }
        // About half of the θ = 0 toys sit on the boundary: the bound handling is exercised.
        #expect(atBound > 30)
    }

    /// The toys' start (`ToyRunner`: one Fisher-scoring step from the generation point,
    /// `jointStart`) leads to the minimum of the default start (c = 0, nominal ν): λ is jointly
    /// convex in (c, ν), so only the path differs. 200 Poisson toys at θ = 0 and θ = 0.5, both
    /// statistics: θ̂ to 10⁻⁵ σ_θ and λ̂ to 10⁻¹⁰, the tolerances of `jointEqualsNested` (both stop
    /// at a decrement ≤ 10⁻¹²).
    @Test("Joint best fit from the Fisher-scoring start equals the one from the nominal start", arguments: TestStatistic.allCases)
    func fisherStartSameMinimum(statistic: TestStatistic) throws {
        let model = try Self.model()
        let likelihood = ProfileLikelihood(model: model, statistic: statistic)
        let sigmas = [0.007, 0.5, 0.5, 0.04]
        for truth in [0.0, 0.5] {
            let expected = try model.asimovData(theta: truth)
            let start = try #require(FisherScoringStart(model: try SystematicModel(base: model, systematics: []), statistic: statistic,
                                                        truth: [truth, 1, 1, 1, 1], expected: expected))
            for k in 0..<100 {
                let stream = RandomStream(seed: 977, index: UInt64(k))
                let data = expected.map { Double(stream.poisson(mean: $0)) }
                let globals = sigmas.map { 1 + $0 * stream.gaussian() }
                let observables = NuisanceParameters(normalization: globals[0], backgrounds: Array(globals.dropFirst()))
                try likelihood.setData(data, globalObservables: observables)
                let reference = try #require(likelihood.bestFitJoint())
                var x = try #require(start.start(data: data, observables: [0] + globals))
                x[0] *= x[1]
                try likelihood.setData(data, globalObservables: observables)
                likelihood.jointStart = x
                let fromStart = try #require(likelihood.bestFitJoint())
                let sigma = (2 / reference.curvature).squareRoot()
                #expect(abs(fromStart.theta - reference.theta) < 1e-5 * sigma, "θ = \(truth), toy \(k): \(fromStart.theta) vs \(reference.theta)")
                #expect(abs(fromStart.value - reference.value) < 1e-10 * max(1, reference.value), "θ = \(truth), toy \(k)")
            }
        }
    }

    /// On a few toys, the joint minimum equals GSL's Nelder–Mead over (θ, n, b₁, b₂, b₃) with
    /// θ, b ≥ 0 by an infinite penalty (a third, derivative-free algorithm) to the simplex's own
    /// precision.
    @Test("Joint best fit equals a simplex over (θ, ν)")
    func jointEqualsSimplex() throws {
        let model = try Self.model()
        let likelihood = ProfileLikelihood(model: model)
        for k in 0..<4 {
            let stream = RandomStream(seed: 77, index: UInt64(k))
            let data = try model.asimovData(theta: 0.6).map { Double(stream.poisson(mean: $0)) }
            let globals = NuisanceParameters(normalization: 1.003, backgrounds: [1.2, 0.8, 1.01])
            try likelihood.setData(data, globalObservables: globals)
            let joint = try #require(likelihood.bestFitJoint())
            let sigmas = [0.007, 0.5, 0.5, 0.04], observed = [1.003, 1.2, 0.8, 1.01]
            let simplex = try Minimization.simplex({ x in
                guard x.allSatisfy({ $0 >= 0 }) else { return .infinity }
                let mu = try? model.expected(theta: x[0], nuisances: .init(normalization: x[1], backgrounds: Array(x[2...])))
                guard let mu else { return .infinity }
                var sum = 0.0
                for i in mu.indices {
                    let d = data[i]
                    sum += 2 * (mu[i] - d + (d > 0 ? d * log(d / mu[i]) : 0))
                }
                for a in 0..<4 { sum += pow((x[a + 1] - observed[a]) / sigmas[a], 2) }
                return sum
            }, start: [0.5, 1, 1, 1, 1], stepSizes: [0.1, 0.005, 0.1, 0.1, 0.02], sizeTolerance: 1e-10, maxIterations: 200_000)
            #expect(joint.value <= simplex.value + 1e-9)
            #expect(abs(joint.value - simplex.value) < 1e-6)
            #expect(abs(joint.theta - simplex.x[0]) < 1e-3)
        }
    }
}
