import Foundation

extension ProfileLikelihood {
    /// The Newton decrement −G·Δx (in units of λ) below which the last step is taken without
    /// evaluating its end point: Newton converges quadratically there (for the self-concordant
    /// Poisson λ/2 the next decrement is ≤ (decrement)²/2, Boyd & Vandenberghe §9.6.4), so the
    /// step leaves a decrement of ~10⁻¹², θ to ~10⁻⁶ of its standard error or better.
    static let finalStepDecrement = 1e-6
    /// The Newton decrement at which a minimization has converged, absolute (λ is a χ²-like
    /// number whatever the counts, so no scaling with the data: with 10¹³ events the rounding
    /// of the gradient still leaves the decrement ~10⁻²⁰).
    static let convergedDecrement = 1e-12

    /// Whether θ̂ comes from the joint fit: a model linear in θ (one term) whose nuisances are
    /// profiled numerically (backgrounds, or the Pearson statistic).
    var usesJointFit: Bool { termCount == 1 && !usesClosedForm }

    /// θ̂ of a linear model by one projected Newton minimization over (c, ν⃗) with c = nθ:
    ///
    ///     μ_i = n S_i + c T_i + Σ_j b_j B_j,i,
    ///     λ(c, ν) = Σ_i f(μ_i, d_i) + Σ_a (ν_a − ν₀_a)²/σ_a²,   c ≥ 0, ν ≥ 0,
    ///
    /// μ is linear in (c, ν) and f convex in μ (`TestStatistic`), so λ is jointly convex and
    /// Newton with Armijo backtracking and an active set on the bounds converges to the global
    /// minimum; θ̂ = ĉ/n̂ (θ ≥ 0 ⇔ c ≥ 0 for n > 0). The same minimum as nesting a θ search
    /// around the profile over ν (`bestFitLinear`), found in one pass over the bins per
    /// iteration instead of one inner minimization per θ. The result's value, slope and
    /// curvature are the profile's at (θ̂, ν̂): λ with its logarithms, λ_θ, and λ_θθ by the Schur
    /// complement (`finishProfile`), from one more pass (docs/physics.md §7.3).
    ///
    /// Starts at `jointStart` when it is set and possible, else at c = 0 and the nominal ν.
    /// - Returns: nil when Newton does not converge (the caller falls back to the nested search).
    func bestFitJoint() -> BestFit? {
        let m = freeCount, q = m + 1, p = nuisanceCount
        let nu = workingNuisances
        for a in 0..<p { nu[a] = globalVector[a] }
        var c = 0.0
        var current = expectedCurrent, candidate = expectedTrial
        let start = jointStart.flatMap { $0.count == p + 1 ? $0 : nil }
        if let start {
            c = max(0, start[0])
            for a in 0..<m { nu[freeSlotList[a]] = max(0, start[1 + freeSlotList[a]]) }
        }
        if start == nil || !accumulateJoint(c: c, nu: nu, expected: current) {
            c = 0
            for a in 0..<m { nu[freeSlotList[a]] = nominalVector[freeSlotList[a]] }
            guard accumulateJoint(c: c, nu: nu, expected: current) else { return nil }
        }
        let tolerance = ProfileLikelihood.convergedDecrement
        var converged = false
        for _ in 0..<100 {
            atBound[0] = c <= 0
            for a in 0..<m { atBound[a + 1] = nu[freeSlotList[a]] <= 0 }
            guard projectedNewtonStep(dimension: q) else { return nil }
            var decrement = 0.0
            for a in 0..<q { decrement -= gradient[a] * step[a] }
            if decrement <= tolerance { converged = decrement > -1e-9; break }
            if decrement <= ProfileLikelihood.finalStepDecrement {
                c = max(0, c + step[0])
                for a in 0..<m { let slot = freeSlotList[a]; nu[slot] = max(0, nu[slot] + step[a + 1]) }
                converged = true
                break
            }
            // Armijo backtracking on the change of λ (`decreases`: a log-free bound first, the
            // exact change when the bound cannot decide). λ itself is evaluated once, at the end.
            var alpha = 1.0, accepted = false
            for _ in 0..<60 {
                for a in 0..<p { trial[a] = nu[a] }
                for a in 0..<m { let slot = freeSlotList[a]; trial[slot] = max(0, nu[slot] + alpha * step[a + 1]) }
                let trialC = max(0, c + alpha * step[0])
                if accumulateJoint(c: trialC, nu: trial, expected: candidate),
                   decreases(from: current, to: candidate, nuisances: nu, trial: trial, by: 1e-4 * alpha * decrement) {
                    c = trialC
                    for a in 0..<p { nu[a] = trial[a] }
                    swap(&current, &candidate)
                    accepted = true
                    break
                }
                alpha *= 0.5
            }
            guard accepted else {
                converged = decrement < 1e-8
                break
            }
        }
        guard converged, nu[0] > 0 else { return nil }
        let theta = c / nu[0]
        guard fillSignalSide(theta: theta) else { return nil }
        let result = accumulate(nu, derivatives: true)
        guard result.value.isFinite else { return nil }
        let status: FitStatus = (0..<m).contains(where: { nu[freeSlotList[$0]] <= 0 }) ? .atBound : .converged
        let point = finishProfile(theta: theta, nuisances: nu, result: result, status: status)
        return BestFit(theta: theta, value: point.value, nuisances: point.nuisances,
                       status: theta == 0 ? .atBound : .converged,
                       slope: point.derivative, curvature: point.secondDerivative)
    }

    /// The gradient and Hessian of λ over (c, free ν) into the scratch buffers (row-major,
    /// dimension 1 + m) and μ_i into `expected`, in one pass over the bins without logarithms;
    /// false where some μ_i ≤ 0 meets d_i > 0.
    func accumulateJoint(c: Double, nu: UnsafeMutablePointer<Double>, expected: UnsafeMutablePointer<Double>) -> Bool {
        let m = freeCount, q = m + 1, n = bins
        let mu = expected, first = binFirst, second = binSecond, d = data
        // Column by column (contiguous loops the compiler vectorizes): μ, then f′ and f″ per bin,
        // then the gradient and Hessian as dot products of the columns.
        let n0 = nu[0]
        for i in 0..<n { mu[i] = n0 * standardModel[i] + c * terms[i] }
        for j in 0..<backgroundCount {
            let b = nu[j + 1], column = backgroundTemplates + j * n
            for i in 0..<n { mu[i] += b * column[i] }
        }
        for i in 0..<n where !(mu[i] > 0 || (mu[i] == 0 && d[i] == 0)) { return false }
        fillBinDerivatives(expected: mu)
        let columns = jointColumns
        for a in 0..<q {
            let ca = columns + a * n
            gradient[a] = DotProduct.sum(first, ca, count: n)
            for b in a..<q {
                let h = DotProduct.sum(second, ca, columns + b * n, count: n)
                hessian[a * q + b] = h
                hessian[b * q + a] = h
            }
        }
        for a in 0..<m {
            let slot = freeSlotList[a]
            let iv = inverseVariances[slot]
            gradient[a + 1] += 2 * iv * (nu[slot] - globalVector[slot])
            hessian[(a + 1) * q + a + 1] += 2 * iv
        }
        return true
    }
}
