import Testing
@testable import GSL

@Suite struct RandomStreamTests {
    @Test func sameSeedAndIndexGiveTheSameSequence() {
        for algorithm in RandomStream.Algorithm.allCases {
            let a = RandomStream(seed: 42, index: 7, algorithm: algorithm)
            let b = RandomStream(seed: 42, index: 7, algorithm: algorithm)
            let xs = (0..<1000).map { _ in a.uniform() }
            let ys = (0..<1000).map { _ in b.uniform() }
            #expect(xs == ys)
        }
    }

    @Test func reseedRestartsTheStream() {
        let a = RandomStream(seed: 9, index: 3)
        let first = (0..<50).map { _ in a.nextWord() }
        a.reseed(seed: 9, index: 3)
        #expect((0..<50).map { _ in a.nextWord() } == first)
    }

    /// Pearson correlation of 10⁵ pairs from streams with neighbouring indices (and from
    /// neighbouring seeds): for independent streams r ~ N(0, 1/√N), so |r| < 5/√N = 0.016.
    @Test func differentIndicesAreUncorrelated() {
        let n = 100_000
        for (s1, i1, s2, i2) in [(1, 0, 1, 1), (1, 0, 2, 0), (5, 1000, 5, 1001)] as [(UInt64, UInt64, UInt64, UInt64)] {
            let a = RandomStream(seed: s1, index: i1), b = RandomStream(seed: s2, index: i2)
            var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
            for _ in 0..<n {
                let x = a.uniform(), y = b.uniform()
                sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
            }
            let nd = Double(n)
            let r = (sxy / nd - sx * sy / (nd * nd)) / ((sxx / nd - sx * sx / (nd * nd)) * (syy / nd - sy * sy / (nd * nd))).squareRoot()
            #expect(abs(r) < 5 / nd.squareRoot())
        }
    }

    /// Uniform moments: mean 1/2 ± 5σ with σ = √(1/12/N).
    @Test func uniformHasTheRightMean() {
        let s = RandomStream(seed: 123)
        let n = 200_000
        let mean = (0..<n).reduce(0.0) { acc, _ in acc + s.uniform() } / Double(n)
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
    }

    /// Poisson(μ = 3.7): sample mean and variance both μ; tolerance 5σ of each estimator
    /// (σ_mean = √(μ/N); σ_var ≈ √((μ + 2μ²)/N)).
    @Test func poissonMeanAndVariance() {
        let s = RandomStream(seed: 77, index: 1)
        let n = 200_000, mu = 3.7
        var sum = 0.0, sum2 = 0.0
        for _ in 0..<n { let k = Double(s.poisson(mean: mu)); sum += k; sum2 += k * k }
        let mean = sum / Double(n), variance = sum2 / Double(n) - mean * mean
        #expect(abs(mean - mu) < 5 * (mu / Double(n)).squareRoot())
        #expect(abs(variance - mu) < 5 * ((mu + 2 * mu * mu) / Double(n)).squareRoot())
        #expect(s.poisson(mean: 0) == 0)
    }

    /// Gaussian(σ = 2): sample standard deviation within 5 × σ/√(2N).
    @Test func gaussianWidth() {
        let s = RandomStream(seed: 5)
        let n = 200_000
        var sum2 = 0.0
        for _ in 0..<n { let x = s.gaussian(sigma: 2); sum2 += x * x }
        #expect(abs((sum2 / Double(n)).squareRoot() - 2) < 5 * 2 / (2 * Double(n)).squareRoot())
    }

    /// Walker alias sampling against its weights: χ² goodness of fit, p > 10⁻³.
    @Test func discreteSamplingMatchesWeights() throws {
        let weights = [1.0, 0, 3, 6, 0.5]
        let table = try DiscreteDistribution(weights: weights)
        let s = RandomStream(seed: 2024)
        let n = 100_000
        var counts = [Double](repeating: 0, count: weights.count)
        for _ in 0..<n { counts[s.discrete(table)] += 1 }
        #expect(counts[1] == 0)
        let total = weights.reduce(0, +)
        var chi2 = 0.0, dof = -1.0
        for (k, w) in weights.enumerated() where w > 0 {
            let expected = Double(n) * w / total
            chi2 += (counts[k] - expected) * (counts[k] - expected) / expected
            dof += 1
        }
        #expect(Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: dof) > 1e-3)
        #expect(abs(table.probability(3) - 6 / 10.5) < 1e-12)
    }

    @Test func discreteRejectsBadWeights() {
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: []) }
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [0, 0]) }
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [1, .nan]) }
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [1, -1]) }
    }
}
