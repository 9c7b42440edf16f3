import Foundation
import GSL

extension ProfileLikelihood {
    /// The profile over all free nuisances by projected Newton with Armijo backtracking
    /// (bounds ν ≥ 0 handled by an active set), warm-started from the previous θ of the same
    /// data set; GSL's Nelder–Mead simplex takes over if Newton does not converge.
    ///
    /// Gradient and Hessian of λ in ν: G_a = Σ_i f′_i ∂_aμ_i + 2(ν_a − ν₀_a)/σ_a²,
    /// H_ab = Σ_i f″_i ∂_aμ_i ∂_bμ_i + 2δ_ab/σ_a², with ∂_nμ_i = t_i and ∂_{b_j}μ_i = B_j,i.
    /// θ-derivatives: ∂_θμ = n t′, ∂²_θμ = n t″, ∂_n∂_θμ = t′.
    func profileNumerically(theta: Double) -> ProfilePoint {
        guard fillSignalSide(theta: theta) else { return invalidPoint(theta) }
        let m = freeSlots.count
        var nu = currentNuisances
        var status = FitStatus.converged
        if m > 0 {
            var converged = false
            var value = accumulate(nu, derivatives: true).value
            for _ in 0..<100 {
                guard value.isFinite else { break }
                for a in 0..<m { active[a] = nu[freeSlots[a]] <= 0 && gradient[a] > 0 }
                guard solveNewtonStep() else { break }
                var decrement = 0.0
                for a in 0..<m { decrement -= gradient[a] * step[a] }
                if decrement <= 1e-12 * max(1, abs(value)) { converged = decrement > -1e-9 * max(1, abs(value)); break }
                var alpha = 1.0, accepted = false
                var trialValue = value
                for _ in 0..<60 {
                    trial = nu
                    for a in 0..<m { let slot = freeSlots[a]; trial[slot] = max(0, nu[slot] + alpha * step[a]) }
                    trialValue = accumulate(trial, derivatives: false).value
                    if trialValue.isFinite && trialValue <= value - 1e-4 * alpha * decrement { accepted = true; break }
                    alpha *= 0.5
                }
                if !accepted {
                    converged = decrement < 1e-8 * max(1, abs(value))
                    break
                }
                nu = trial
                let previous = value
                value = accumulate(nu, derivatives: true).value
                if abs(previous - value) <= 1e-14 * max(1, abs(value)) && decrement < 1e-9 * max(1, abs(value)) {
                    converged = true
                    break
                }
            }
            if !converged {
                if let fallback = simplexFallback(start: nu) { nu = fallback } else { status = .failed }
            }
            if (0..<m).contains(where: { nu[freeSlots[$0]] <= 0 }) { status = status.combined(with: .atBound) }
        }
        let result = accumulate(nu, derivatives: true)
        guard result.value.isFinite else { return invalidPoint(theta) }
        // Schur complement over the inactive free nuisances.
        var second = result.thetaSecond
        for a in 0..<m { active[a] = nu[freeSlots[a]] <= 0 && gradient[a] > 0 }
        let inactive = (0..<m).filter { !active[$0] }
        if !inactive.isEmpty, let solved = solveSymmetric(indices: inactive, rightHandSide: inactive.map { mixed[$0] }) {
            for (k, a) in inactive.enumerated() { second -= mixed[a] * solved[k] }
        }
        currentNuisances = nu
        return ProfilePoint(theta: theta, value: result.value, derivative: result.thetaFirst,
                            secondDerivative: second, nuisances: nuisanceParameters(nu), status: status)
    }

    /// t_i, t′_i, t″_i at θ; false when some t_i < 0 (invalid point).
    func fillSignalSide(theta: Double) -> Bool {
        for i in 0..<bins {
            var t = standardModel[i], first = 0.0, second = 0.0
            var powerKm1 = 1.0, powerKm2 = 1.0
            for k in 1...termCount {
                let c = terms[(k - 1) * bins + i], order = Double(k)
                t += powerKm1 * theta * c
                first += order * powerKm1 * c
                if k >= 2 { second += order * (order - 1) * powerKm2 * c }
                powerKm2 = powerKm1
                powerKm1 *= theta
            }
            if t < 0 { return false }
            signalSide[i] = t
            signalSideFirst[i] = first
            signalSideSecond[i] = second
        }
        return true
    }

    /// λ(θ, ν) at the filled θ; with `derivatives`, also the ν-gradient and Hessian (into the
    /// scratch arrays), H_θa (into `mixed`), λ_θ and λ_θθ.
    func accumulate(_ nu: [Double], derivatives: Bool) -> (value: Double, thetaFirst: Double, thetaSecond: Double) {
        let m = freeSlots.count
        if derivatives {
            for a in 0..<m { gradient[a] = 0; mixed[a] = 0 }
            for a in 0..<(m * m) { hessian[a] = 0 }
        }
        let n = nu[0]
        var value = 0.0, thetaFirst = 0.0, thetaSecond = 0.0, firstTimesSlope = 0.0
        let zeroSlope: Double = statistic == .poisson ? 2 : 1
        for i in 0..<bins {
            let t = signalSide[i]
            var mu = n * t
            for j in 0..<backgroundCount { mu += nu[j + 1] * backgroundTemplates[j * bins + i] }
            let d = data[i]
            let term: (value: Double, first: Double, second: Double)
            if mu > 0 {
                term = statistic.binTerm(expected: mu, observed: d)
            } else if d == 0 && mu == 0 {
                term = (0, zeroSlope, 0)
            } else {
                return (.infinity, .nan, .nan)
            }
            value += term.value
            guard derivatives else { continue }
            let slope = signalSideFirst[i]
            let dMuDTheta = n * slope
            thetaFirst += term.first * dMuDTheta
            thetaSecond += term.second * dMuDTheta * dMuDTheta + term.first * n * signalSideSecond[i]
            firstTimesSlope += term.first * slope
            for a in 0..<m {
                let pa = partial(slot: freeSlots[a], bin: i)
                if pa == 0 { continue }
                gradient[a] += term.first * pa
                mixed[a] += term.second * dMuDTheta * pa
                for b in a..<m {
                    let pb = partial(slot: freeSlots[b], bin: i)
                    hessian[a * m + b] += term.second * pa * pb
                }
            }
        }
        for a in 0..<m {
            let slot = freeSlots[a]
            let iv = inverseVariances[slot]
            let dv = nu[slot] - globalVector[slot]
            value += iv * dv * dv
            if derivatives {
                gradient[a] += 2 * iv * dv
                hessian[a * m + a] += 2 * iv
                if slot == 0 { mixed[a] += firstTimesSlope }
            }
        }
        if derivatives {
            for a in 0..<m { for b in 0..<a { hessian[a * m + b] = hessian[b * m + a] } }
        }
        return (value, thetaFirst, thetaSecond)
    }

    @inline(__always)
    func partial(slot: Int, bin i: Int) -> Double {
        slot == 0 ? signalSide[i] : backgroundTemplates[(slot - 1) * bins + i]
    }

    /// step = −H⁻¹G over the inactive nuisances, 0 on the active ones.
    func solveNewtonStep() -> Bool {
        let m = freeSlots.count
        let inactive = (0..<m).filter { !active[$0] }
        for a in 0..<m { step[a] = 0 }
        if inactive.isEmpty { return true }
        guard let solved = solveSymmetric(indices: inactive, rightHandSide: inactive.map { -gradient[$0] }) else { return false }
        for (k, a) in inactive.enumerated() { step[a] = solved[k] }
        return true
    }

    /// Solves H_SS x = r for the index set S by Cholesky (with a tiny ridge if H is singular).
    func solveSymmetric(indices: [Int], rightHandSide r: [Double]) -> [Double]? {
        let m = freeSlots.count, k = indices.count
        for ridge in [0.0, 1e-12, 1e-8] {
            var l = [Double](repeating: 0, count: k * k)
            var ok = true
            outer: for p in 0..<k {
                for q in 0...p {
                    var sum = hessian[indices[p] * m + indices[q]]
                    if p == q { sum += ridge * max(1, abs(sum)) }
                    for s in 0..<q { sum -= l[p * k + s] * l[q * k + s] }
                    if p == q {
                        guard sum > 0, sum.isFinite else { ok = false; break outer }
                        l[p * k + p] = sum.squareRoot()
                    } else {
                        l[p * k + q] = sum / l[q * k + q]
                    }
                }
            }
            guard ok else { continue }
            var y = r
            for p in 0..<k { for s in 0..<p { y[p] -= l[p * k + s] * y[s] }; y[p] /= l[p * k + p] }
            for p in stride(from: k - 1, through: 0, by: -1) {
                for s in (p + 1)..<k { y[p] -= l[s * k + p] * y[s] }
                y[p] /= l[p * k + p]
            }
            return y
        }
        return nil
    }

    /// Nelder–Mead on the free nuisances (GSL nmsimplex2), ν ≥ 0 enforced by an infinite
    /// penalty; nil when the simplex does not converge.
    func simplexFallback(start: [Double]) -> [Double]? {
        let m = freeSlots.count
        let slots = freeSlots
        let base = start
        let x0 = slots.map { max(start[$0], 1e-6) }
        let steps = slots.map { slot -> Double in
            let sigma = model.normalization.sigma
            let width = slot == 0 ? sigma : model.backgrounds[slot - 1].constraint.sigma
            return width.isFinite && width > 0 ? min(width, max(abs(start[slot]), 1e-3)) : 0.1 * max(abs(start[slot]), 1e-3)
        }
        let result = try? Minimization.simplex({ x in
            var nu = base
            for a in 0..<m {
                if x[a] < 0 { return .infinity }
                nu[slots[a]] = x[a]
            }
            return self.accumulate(nu, derivatives: false).value
        }, start: x0, stepSizes: steps, sizeTolerance: 1e-10, maxIterations: 20_000)
        guard let result, result.status == .converged, result.value.isFinite else { return nil }
        var nu = base
        for a in 0..<m { nu[slots[a]] = result.x[a] }
        return nu
    }
}
