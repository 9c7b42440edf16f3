import GSL

extension ProfileLikelihood {
    /// The CLs upper limit: the θ > θ̂ where
    ///
    ///     CLs(θ) = p_θ / (1 − p_b) = α = 1 − CL,
    ///
    /// with p_θ and 1 − p_b the asymptotic p-values of Cowan et al., EPJC 71, 1554 (2011),
    /// eq. 65–66 (`LimitMethod.cls.pValue`) of this data's q̃_θ = λ_p(θ) − λ_p(θ̂) (θ ≥ θ̂) and
    /// the background-only Asimov q_θ,A (`asimov`). Read, J. Phys. G 28, 2693 (2002).
    ///
    /// Since CLb ≤ 1, CLs ≥ CLs+b, so the CLs limit is never below the CLs+b limit `clsb`
    /// (where p_θ = α, hence CLs − α ≥ 0): the crossing is bracketed upward from it by doubling
    /// the distance (starting at max(θ_b − θ̂, 10⁻³·scale)) and solved by GSL's Brent–Dekker
    /// to the CLs+b tolerance, 10⁻¹² · max(upper, scale) in θ.
    public func clsUpperLimit(confidenceLevel: Double, clsb: UpperLimit, asimov: BackgroundAsimovStatistic,
                              scale: Double? = nil) -> UpperLimit {
        let scale = scale ?? model.parameterScale
        let bestFit = clsb.bestFit
        guard clsb.status != .failed, clsb.theta.isFinite else { return clsb }
        let alpha = 1 - confidenceLevel
        // CLs(θ) − α; a failed profile (non-finite statistic) gives NaN and fails the limit.
        let excess: (Double) -> Double = { theta in
            let q = self.upperLimitStatistic(theta: theta, bestFit: bestFit)
            let qA = asimov.value(theta: theta)
            guard q.isFinite, qA.isFinite else { return .nan }
            return LimitMethod.cls.pValue(observed: q, asimov: qA) - alpha
        }
        let lower = clsb.theta
        let atLower = excess(lower)
        guard atLower.isFinite else { return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed) }
        if atLower <= 0 { return clsb } // CLb = 1 to double precision: CLs = CLs+b
        var distance = max(clsb.theta - bestFit.theta, 1e-3 * scale)
        var upper = lower + distance
        var expansions = 0
        while true {
            let value = excess(upper)
            guard value.isFinite else { return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed) }
            if value <= 0 { break }
            distance *= 2
            upper = lower + distance
            expansions += 1
            if expansions > 200 { return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed) }
        }
        guard let root = try? RootFinding.brent(excess, lower: lower, upper: upper,
                                                 absoluteTolerance: 1e-12 * max(upper, scale), relativeTolerance: 0)
        else { return UpperLimit(theta: .nan, bestFit: bestFit, status: .failed) }
        return UpperLimit(theta: root, bestFit: bestFit, status: clsb.status)
    }
}
