import Foundation
import GSL

/// A Poisson sampler for one fixed mean, with its constants precomputed, drawing only
/// uniforms from a `RandomStream` (so it is as reproducible as the stream).
///
/// - mean < 10: inversion by multiplication of uniforms (Knuth, TAOCP vol. 2, §3.4.1).
/// - mean ≥ 10: PTRS, transformed rejection with squeeze (W. Hörmann, "The transformed
///   rejection method for generating Poisson random variables", Insurance: Mathematics and
///   Economics 12, 39 (1993)) — about 2.3 uniforms per draw, no table, the method NumPy uses.
/// About 10× faster than `gsl_ran_poisson` at means of ~100 (gamma/binomial recursion), which
/// dominated the toy loop. Validated against the Poisson mean, variance and P(0) in the tests.
struct PoissonSampler: Sendable {
    let mean: Double
    private let expMinusMean: Double
    private let logMean: Double
    private let a: Double, b: Double, logInverseAlpha: Double, vr: Double

    init(mean: Double) {
        self.mean = mean
        expMinusMean = exp(-mean)
        logMean = mean > 0 ? log(mean) : 0
        let slam = mean.squareRoot()
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4))
        vr = 0.9277 - 3.6224 / (b - 2)
    }

    @inline(__always)
    func sample(_ stream: RandomStream) -> Double {
        if mean <= 0 { return 0 }
        if mean < 10 {
            var count = 0.0
            var product = stream.uniform()
            while product > expMinusMean {
                count += 1
                product *= stream.uniform()
            }
            return count
        }
        while true {
            let u = stream.uniform() - 0.5
            let v = stream.uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + logInverseAlpha - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) { return k }
        }
    }
}
