import CGSL
import Foundation
import Testing
@testable import GSL

/// `ZigguratGaussian` against numbers computed independently: the 256-layer constants printed in
/// Marsaglia & Tsang (J. Stat. Softw. 5(8), 2000), the normal distribution's moments and tails (erfc,
/// GSL's quantile function), and a core fraction computed separately in Python.
@Suite struct ZigguratGaussianTests {
    static let zig = ZigguratGaussian.shared

    /// r and v of the paper for 256 layers (r = 3.6541528853610088, v = 4.92867323399×10⁻³), to the
    /// digits printed there; the edges fall from x₀ = v/f(r) through x₁ = r to x₂₅₆ = 0.
    @Test func constantsMatchThePaper() {
        #expect(abs(Self.zig.tailStart - 3.6541528853610088) < 1e-13)
        #expect(abs(Self.zig.layerArea / 4.92867323399e-3 - 1) < 1e-10)
        let x = Self.zig.edges
        #expect(x.count == 257 && x[1] == Self.zig.tailStart && x[256] == 0)
        #expect(abs(x[0] * exp(-0.5 * x[1] * x[1]) - Self.zig.layerArea) < 1e-15)
        for i in 1..<256 { #expect(x[i + 1] < x[i]) }
    }

    /// Every layer i = 1…255 has the area v: x_i (f(x_{i+1}) − f(x_i)) with f(x) = e^{−x²/2} evaluated
    /// here, to 10⁻¹⁰ (the recursion accumulates rounding over 255 steps).
    @Test func layersHaveEqualAreas() {
        let x = Self.zig.edges, v = Self.zig.layerArea
        func f(_ t: Double) -> Double { exp(-0.5 * t * t) }
        for i in 1..<256 {
            let area = x[i] * (f(x[i + 1]) - f(x[i]))
            #expect(abs(area / v - 1) < 1e-10, "layer \(i): \(area) vs \(v)")
        }
    }

    /// The share of words accepted by the core test, Σ_i (x_{i+1}/x_i)/256 = 0.98508094999 (computed in
    /// Python from the same defining equations), over 10⁶ words of a fixed stream: binomial 5σ.
    @Test func coreFractionMatchesTheLayers() {
        let stream = RandomStream(seed: 11)
        let n = 1_000_000
        var core = 0
        for _ in 0..<n where Self.zig.core(word: UInt32(truncatingIfNeeded: stream.nextWord())).accepted { core += 1 }
        let p = 0.9850809499905383
        let sd = (p * (1 - p) / Double(n)).squareRoot()
        #expect(abs(Double(core) / Double(n) - p) < 5 * sd, "core share \(Double(core) / Double(n))")
    }

    /// 4×10⁶ variates of a fixed stream against N(0, 1): the mean (5σ: 5/√N), the variance (5σ:
    /// 5√(2/N)), the kurtosis E z⁴ = 3 (5σ: 5√(96/N)), both tails P(z > t) and P(z < −t) at t = 1, 2,
    /// 3, r (the ziggurat's tail start) and 4 against erfc(t/√2)/2 (binomial 5σ), and Pearson χ² over
    /// 200 equiprobable bins cut at GSL's quantiles (p > 10⁻³).
    @Test func distributionIsStandardNormal() {
        let stream = RandomStream(seed: 20_260_301, index: 3)
        let n = 4_000_000
        let cuts = [1.0, 2, 3, Self.zig.tailStart, 4]
        let bins = 200
        let edges = (1..<bins).map { gsl_cdf_ugaussian_Pinv(Double($0) / Double(bins)) }
        var counts = [Double](repeating: 0, count: bins)
        var above = [Int](repeating: 0, count: cuts.count), below = above
        var s1 = 0.0, s2 = 0.0, s4 = 0.0
        for _ in 0..<n {
            let z = Self.zig.sample(stream: stream)
            s1 += z
            s2 += z * z
            s4 += z * z * z * z
            for (k, t) in cuts.enumerated() {
                if z > t { above[k] += 1 }
                if z < -t { below[k] += 1 }
            }
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if z < edges[mid] { hi = mid } else { lo = mid + 1 }
            }
            counts[lo] += 1
        }
        let N = Double(n)
        #expect(abs(s1 / N) < 5 / N.squareRoot(), "mean \(s1 / N)")
        #expect(abs(s2 / N - 1) < 5 * (2 / N).squareRoot(), "variance \(s2 / N)")
        #expect(abs(s4 / N - 3) < 5 * (96 / N).squareRoot(), "E z⁴ \(s4 / N)")
        for (k, t) in cuts.enumerated() {
            let p = 0.5 * erfc(t / 2.0.squareRoot())
            let sd = (p * (1 - p) / N).squareRoot()
            #expect(abs(Double(above[k]) / N - p) < 5 * sd, "P(z > \(t)) = \(Double(above[k]) / N) vs \(p)")
            #expect(abs(Double(below[k]) / N - p) < 5 * sd, "P(z < −\(t)) = \(Double(below[k]) / N) vs \(p)")
        }
        let expected = N / Double(bins)
        let chi2 = counts.reduce(0) { $0 + ($1 - expected) * ($1 - expected) / expected }
        let p = gsl_cdf_chisq_Q(chi2, Double(bins - 1))
        #expect(p > 1e-3, "χ² = \(chi2) / \(bins - 1)")
    }

    /// The tail beyond r alone (where Marsaglia's tail method draws): P(z > 4.5 | z > r) against
    /// erfc(4.5/√2)/erfc(r/√2) over the ~3000 of 2×10⁷ words' variates beyond r (binomial 5σ), with the
    /// first word of each variate taken from the stream by `sample(firstWord:stream:)`.
    @Test func tailBeyondTheBaseLayer() {
        let stream = RandomStream(seed: 5, index: 77)
        let r = Self.zig.tailStart
        var beyond = 0, far = 0
        for _ in 0..<20_000_000 {
            let z = Self.zig.sample(firstWord: UInt32(truncatingIfNeeded: stream.nextWord()), stream: stream)
            if abs(z) > r {
                beyond += 1
                if abs(z) > 4.5 { far += 1 }
            }
        }
        let p = erfc(4.5 / 2.0.squareRoot()) / erfc(r / 2.0.squareRoot())
        let sd = (p * (1 - p) / Double(beyond)).squareRoot()
        #expect(beyond > 2000)
        #expect(abs(Double(far) / Double(beyond) - p) < 5 * sd, "P(|z| > 4.5 | |z| > r) = \(Double(far) / Double(beyond)) vs \(p)")
    }
}
