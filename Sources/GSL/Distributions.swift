import CGSL

/// Cumulative distributions and quantiles from `gsl_cdf`.
public enum Distributions {
    /// Φ⁻¹(p): the standard normal quantile. Φ⁻¹(0.90) = 1.28155.
    public static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }
    /// Φ(x): the standard normal cumulative distribution.
    public static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }
    /// The p-quantile of χ² with `dof` degrees of freedom. χ²₁(0.90) = 2.7055.
    public static func chiSquaredQuantile(_ p: Double, degreesOfFreedom dof: Double) -> Double { gsl_cdf_chisq_Pinv(p, dof) }
    /// Upper tail probability Q(χ² ≥ x) for `dof` degrees of freedom: a goodness-of-fit p-value.
    public static func chiSquaredSurvival(_ x: Double, degreesOfFreedom dof: Double) -> Double { gsl_cdf_chisq_Q(x, dof) }
    /// P(N ≤ k) for a Poisson mean `mean`.
    public static func poissonCDF(_ k: UInt32, mean: Double) -> Double { gsl_cdf_poisson_P(k, mean) }
    /// P(N = k) for a Poisson mean `mean`.
    public static func poissonProbability(_ k: UInt32, mean: Double) -> Double { gsl_ran_poisson_pdf(k, mean) }
}
