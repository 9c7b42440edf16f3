import GSL

/// The median expected upper limit on θ from the Asimov data set of a `SystematicModel`, every
/// nuisance profiled (docs/physics.md §16.6): as `AsimovSensitivity`, with Δλ(θ) = λ_p(θ) − λ_p(θ̂)
/// from `SystematicLikelihood.minimize` (θ fixed, resp. θ ≥ 0) and the crossing of the method's
/// critical value found by Brent (Cowan et al., EPJC 71, 1554 (2011), eq. 88–90).
public struct SystematicAsimovSensitivity: Sendable {
    public var limit: Double
    public var confidenceLevel: Double
    public var criticalValue: Double
    public var method: LimitMethod
    public var bestFit: SystematicLikelihood.Fit
    /// Profile fits made to find the crossing, and how many of them failed.
    public var profileFits: Int
    public var failedFits: Int

    /// - Parameters:
    ///   - fixed: parameter indices of x held at their nominal values (a systematics breakdown).
    ///   - truth: θ of the Asimov data (0 for CLs).
    ///   - limitWithoutSystematics: the base model's Asimov limit of the same method when the
    ///     caller has it (the root search starts just above it: systematics only widen it); nil:
    ///     computed here.
    /// - Throws: `StatisticsError` when a fit fails or Δλ never reaches the critical value.
    public static func compute(model: SystematicModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
                               method: LimitMethod = .clsb, truth: Double = 0, fixed: Set<Int> = [],
                               limitWithoutSystematics: Double? = nil) throws -> SystematicAsimovSensitivity {
        let critical = try method.asimovCriticalValue(confidenceLevel: confidenceLevel)
        guard method == .clsb || truth == 0 else {
            throw StatisticsError("the Asimov CLs limit is defined on the background-only Asimov data (truth 0), got truth \(truth)")
        }
        let likelihood = SystematicLikelihood(model: model, statistic: statistic)
        try likelihood.setData(model.asimovData(theta: truth))
        let fit = likelihood.bestFit(fixed: fixed)
        guard fit.status != .failed else { throw StatisticsError("the best fit to the Asimov data with systematics failed") }
        let plainLimit = try limitWithoutSystematics ?? AsimovSensitivity.compute(
            model: model.base, statistic: statistic, confidenceLevel: confidenceLevel, truth: truth, method: method).limit
        let (limit, fits, failures) = try crossing(likelihood, bestFit: fit, criticalValue: critical, fixed: fixed,
                                                   initialUpper: max(plainLimit, fit.theta) * 1.2)
        return SystematicAsimovSensitivity(limit: limit, confidenceLevel: confidenceLevel, criticalValue: critical, method: method,
                                           bestFit: fit, profileFits: fits, failedFits: failures)
    }

    /// The θ > θ̂ where the profile Δλ(θ) = λ_p(θ) − λ_p(θ̂) reaches `criticalValue`, found by Brent
    /// from a bracket that starts at `initialUpper` (best placed just above the answer) and
    /// doubles; with the number of profile fits made.
    /// - Throws: `StatisticsError` when Δλ never reaches the critical value or a profile fit fails.
    public static func crossing(_ likelihood: SystematicLikelihood, bestFit fit: SystematicLikelihood.Fit, criticalValue critical: Double,
                                fixed: Set<Int> = [], initialUpper: Double) throws -> (theta: Double, fits: Int, failures: Int) {
        let target = fit.value + critical
        var fits = 0, failures = 0
        let deltaChi2: (Double) -> Double = { theta in
            let point = likelihood.minimize(fixedTheta: theta, fixed: fixed)
            fits += 1
            guard point.status != .failed, point.value.isFinite else { failures += 1; return 1e300 }
            return point.value - target
        }
        let theta: Double
        do {
            theta = try RootFinding.brentExpandingUpward(deltaChi2, lower: fit.theta, initialUpper: initialUpper,
                                                         growth: 2, relativeTolerance: 1e-10)
        } catch {
            throw StatisticsError("the profile with systematics has no solution: Δχ² did not cross \(critical) (\(error))")
        }
        guard failures == 0 else {
            throw StatisticsError("\(failures) of \(fits) profile fits failed while solving for the crossing with systematics")
        }
        return (theta, fits, failures)
    }
}
