import Foundation

/// The per-bin term of −2 ln L (up to a data-only constant) that the fitter minimizes.
///
/// - `poisson`: the Poisson likelihood ratio to the saturated model,
///   f(μ, d) = 2[μ − d + d ln(d/μ)] (Baker & Cousins, NIM 221, 437 (1984)); asymptotically χ².
///   Correct at low counts; the default.
/// - `pearson`: Pearson's χ² with σ² = μ, f(μ, d) = (d − μ)²/μ (the seed study's method).
///
/// Both are convex in μ > 0, so with the model linear in the nuisances the profile over them
/// is a convex problem.
public enum TestStatistic: String, Sendable, CaseIterable, Codable {
    case poisson
    case pearson

    /// f(μ, d), f′ = ∂f/∂μ and f″ = ∂²f/∂μ² for μ > 0 and d ≥ 0.
    @inlinable
    public func binTerm(expected mu: Double, observed d: Double) -> (value: Double, first: Double, second: Double) {
        switch self {
        case .poisson:
            if d > 0 {
                // d ln(d/μ) = −d ln(1 + (μ − d)/d): log1p keeps the value accurate when μ ≈ d ≫ 1
                // (ln of a ratio near 1 loses ~10⁻¹⁶ absolute, × d = 10¹¹ counts gives 10⁻⁵).
                let r = d / mu, excess = mu - d
                return (2 * (excess - d * log1p(excess / d)), 2 * (1 - r), 2 * r / mu)
            }
            return (2 * mu, 2, 0)
        case .pearson:
            let r = d / mu
            let diff = d - mu
            return (diff * diff / mu, 1 - r * r, 2 * r * r / mu)
        }
    }

    /// f′ and f″ of `binTerm(expected:observed:)` without its logarithm (value reported as 0).
    @inlinable
    public func binDerivatives(expected mu: Double, observed d: Double) -> (value: Double, first: Double, second: Double) {
        let r = d / mu
        switch self {
        case .poisson: return (0, 2 * (1 - r), 2 * r / mu)
        case .pearson: return (0, 1 - r * r, 2 * r * r / mu)
        }
    }
}
