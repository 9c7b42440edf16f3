extension ProfileLikelihood {
    /// The upper limit θ_up > θ̂ where q(θ) = λ_p(θ) − λ_p(θ̂) reaches `criticalValue`
    /// (Φ⁻¹(CL)² = 1.6424 at 90 % CL one-sided with the boundary; Cowan et al., EPJC 71, 1554
    /// (2011), eq. 88–89 and §3.8). The crossing is bracketed by doubling the distance from θ̂
    /// (starting at the local quadratic estimate from θ̂, else `scale`) and solved by
    /// safeguarded Newton with the analytic dλ_p/dθ.
    /// For non-linear models this is the first crossing found above θ̂.
    public func upperLimit(criticalValue: Double, bestFit: BestFit, scale: Double? = nil) -> UpperLimit {
        let scale = scale ?? model.parameterScale
        guard bestFit.status != .failed, criticalValue > 0 else {
            return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed)
        }
        let target = bestFit.value + criticalValue
        // First guess from the local quadratic model λ ≈ λ̂ + s Δ + ½ h Δ² = λ̂ + c.
        var distance = scale
        let s = bestFit.slope, h = bestFit.curvature
        if s.isFinite, h.isFinite, h > 0 {
            let slope = max(0, s)
            let guess = (2 * criticalValue) / (slope + (slope * slope + 2 * h * criticalValue).squareRoot())
            if guess.isFinite, guess > 0 { distance = 1.15 * guess } // a little above: usually brackets at once
        }
        var lower = bestFit.theta, upper = bestFit.theta + distance
        var lowerValue = -criticalValue
        var upperValue = -1.0, upperDerivative = Double.nan
        var expansions = 0
        while true {
            let point = profile(theta: upper)
            let value = point.value
            upperValue = value.isFinite ? value - target : .infinity
            upperDerivative = point.derivative
            if upperValue >= 0 { break }
            lower = upper
            lowerValue = upperValue
            upper = bestFit.theta + 2 * (upper - bestFit.theta)
            expansions += 1
            if expansions > 200 { return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed) }
        }
        let start = upperValue.isFinite ? upper : 0.5 * (lower + upper)
        let root = SafeguardedNewton.root(
            lower: lower, upper: upper, valueAtLower: lowerValue, valueAtUpper: upperValue,
            start: start, absoluteTolerance: 1e-12 * max(upper, scale),
            valueAtStart: upperValue.isFinite && upperDerivative.isFinite ? (upperValue, upperDerivative) : nil
        ) { theta in
            let p = self.profile(theta: theta)
            return p.isValid ? (p.value - target, p.derivative) : (.infinity, .nan)
        }
        guard let root else { return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed) }
        return UpperLimit(theta: root, bestFit: bestFit, status: bestFit.status == .failed ? .failed : .converged)
    }
}
