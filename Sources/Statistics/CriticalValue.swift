import GSL

/// Critical values of the test statistics in the asymptotic (Wilks/Chernoff) limit.
public enum CriticalValue {
    /// The one-sided critical value with a physical boundary: Δχ² = Φ⁻¹(CL)²
    /// (1.6424 at 90 % CL, 2.7055 at 95 %). Cowan, Cranmer, Gross & Vitells, EPJC 71, 1554
    /// (2011), eq. 58–59: q_μ is half a χ²₁ plus half a δ(0), so P(q ≥ c) = 1 − Φ(√c).
    public static func oneSided(confidenceLevel cl: Double) throws(StatisticsError) -> Double {
        try validate(cl)
        guard cl > 0.5 else { throw StatisticsError("a one-sided limit needs a confidence level above 0.5, got \(cl)") }
        let z = Distributions.normalQuantile(cl)
        return z * z
    }

    /// The critical value of the CLs limit on the background-only Asimov data set:
    /// Δχ² = Φ⁻¹((1 + CL)/2)² (2.7055 at 90 % CL, 3.8415 at 95 %). There q̃_θ = q_θ,A, so
    /// CLb = Φ(0) = ½ and CLs = 2 (1 − Φ(√q̃_θ)) (Cowan, Cranmer, Gross & Vitells, EPJC 71, 1554
    /// (2011), eq. 65–66; Read, J. Phys. G 28, 2693 (2002)); CLs = 1 − CL there. Numerically equal
    /// to the two-sided χ²₁ quantile, but the limit is still one-sided (θ ≥ 0, upper limit).
    public static func oneSidedCLs(confidenceLevel cl: Double) throws(StatisticsError) -> Double {
        try validate(cl)
        guard cl > 0.5 else { throw StatisticsError("a one-sided limit needs a confidence level above 0.5, got \(cl)") }
        return try twoSided(confidenceLevel: cl)
    }

    /// The two-sided critical value of a χ² with one degree of freedom: 2.7055 at 90 %.
    public static func twoSided(confidenceLevel cl: Double) throws(StatisticsError) -> Double {
        try validate(cl)
        return Distributions.chiSquaredQuantile(cl, degreesOfFreedom: 1)
    }

    static func validate(_ cl: Double) throws(StatisticsError) {
        guard cl > 0, cl < 1 else { throw StatisticsError("the confidence level must lie in (0, 1), got \(cl)") }
    }
}
