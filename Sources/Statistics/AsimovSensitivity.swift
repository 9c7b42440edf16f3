import GSL

/// The median expected upper limit from the Asimov data set, with asymptotic bands.
///
/// With Asimov data at the truth θ₀ (default 0) and nominal global observables, θ̂ = θ₀ and
/// Δλ(θ) = λ_p(θ) − min_{θ′ ≥ 0} λ_p(θ′) (= q̃_θ,A, the Asimov test statistic); the limit is
/// the θ > θ̂ where Δλ equals the method's critical value, found by GSL's Brent root finder
/// (RootFinding.brentExpandingUpward), not on a grid:
/// - CLs+b: Δλ = Φ⁻¹(CL)² (p_θ = 1 − Φ(√q̃_θ) = α),
/// - CLs: Δλ = Φ⁻¹((1 + CL)/2)² (CLs = p_θ / CLb with CLb = ½ on the Asimov data).
/// Cowan, Cranmer, Gross & Vitells, EPJC 71, 1554 (2011), §3.2, eq. 65–66 and 88–90
/// (`LimitMethod`, `docs/statistics.md`).
public struct AsimovSensitivity: Sendable {
    /// The median expected upper limit on θ.
    public var limit: Double
    /// The confidence level (e.g. 0.90).
    public var confidenceLevel: Double
    /// Φ⁻¹(CL)².
    public var criticalValue: Double
    public var statistic: TestStatistic
    /// CLs+b or CLs.
    public var method: LimitMethod
    /// The asymptotic ±1σ, ±2σ band on θ (median = `limit`).
    public var band: ExpectedBand
    /// The best fit on the Asimov data (θ̂ = truth up to numerical precision).
    public var bestFit: BestFit
    /// λ_p″(θ̂) on the Asimov data: the Fisher information on θ (×2).
    public var curvature: Double

    /// Computes the Asimov limit of `model`.
    /// - Parameters:
    ///   - truth: θ of the Asimov data set (0: the background-only / SM expectation).
    ///   - method: CLs+b (default) or CLs; the CLs formulas assume background-only Asimov data
    ///     (truth 0).
    public static func compute(
        model: BinnedModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
        truth: Double = 0, method: LimitMethod = .clsb
    ) throws -> AsimovSensitivity {
        let critical = try method.asimovCriticalValue(confidenceLevel: confidenceLevel)
        guard method == .clsb || truth == 0 else {
            throw StatisticsError("the Asimov CLs limit is defined on the background-only Asimov data (truth 0), got truth \(truth)")
        }
        let likelihood = ProfileLikelihood(model: model, statistic: statistic)
        try likelihood.setData(model.asimovData(theta: truth))
        let fit = likelihood.bestFit()
        guard fit.status != .failed else { throw StatisticsError("the best fit to the Asimov data failed") }
        let curvature = likelihood.profile(theta: fit.theta).secondDerivative
        // Fisher estimate of the crossing: Δλ ≈ λ″ (θ − θ̂)²/2.
        var initial = curvature > 0 && curvature.isFinite
            ? 1.5 * (2 * critical / curvature).squareRoot() : model.parameterScale
        if !(initial > 0) { initial = model.parameterScale }
        let target = fit.value + critical
        let deltaChi2: (Double) -> Double = { theta in
            let value = likelihood.profile(theta: theta).value
            return value.isFinite ? value - target : 1e300
        }
        let limit: Double
        do {
            limit = try RootFinding.brentExpandingUpward(deltaChi2, lower: fit.theta, initialUpper: fit.theta + initial,
                                                         growth: 2, relativeTolerance: 1e-12)
        } catch let error as GSLError {
            guard curvature.isFinite, curvature > 0 else {
                throw StatisticsError("the Asimov limit has no solution: the new-physics terms do not change the "
                                      + "expected spectrum (Fisher information on θ is \(curvature)), so Δχ² never "
                                      + "reaches the critical value \(critical) (for example a mediator so heavy that "
                                      + "its signal vanishes in double precision)")
            }
            let atBestFit = deltaChi2(fit.theta)
            if atBestFit >= 0 {
                throw StatisticsError("the Asimov limit has no solution: Δχ² is already \(atBestFit + critical) ≥ the "
                                      + "critical value \(critical) at the best fit θ̂ = \(fit.theta), so the fit is "
                                      + "numerically unreliable here (for example a background many orders of magnitude "
                                      + "above the signal); \(error)")
            }
            throw StatisticsError("the Asimov limit has no solution: Δχ²(θ) did not cross the critical value "
                                  + "\(critical) at a point the root finder could solve (\(error)); either the signal "
                                  + "never reaches it or the profile fit is numerically unstable here (for example a "
                                  + "background many orders of magnitude above the signal)")
        }
        return AsimovSensitivity(
            limit: limit, confidenceLevel: confidenceLevel, criticalValue: critical, statistic: statistic,
            method: method,
            band: method == .cls ? ExpectedBand.asymptoticCLs(asimovLimit: limit, confidenceLevel: confidenceLevel)
                                 : ExpectedBand.asymptotic(asimovLimit: limit, criticalValue: critical),
            bestFit: fit, curvature: curvature)
    }
}
