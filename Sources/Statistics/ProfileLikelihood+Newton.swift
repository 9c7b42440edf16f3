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
    /// Each trial point is evaluated with its derivatives, so an accepted step costs one pass
    /// over the bins; nothing is allocated until the returned point.
    func profileNumerically(theta: Double) -> ProfilePoint {
        guard fillSignalSide(theta: theta) else { return invalidPoint(theta) }
        let m = freeCount, p = nuisanceCount
        let nu = workingNuisances
        for a in 0..<p { nu[a] = currentNuisances[a] }
        var status = FitStatus.converged
        if m > 0 {
            var converged = false
            var current = expectedCurrent, candidate = expectedTrial
            if accumulate(nu, derivatives: true, needValue: false, expected: current).value.isFinite {
                let tolerance = ProfileLikelihood.convergedDecrement
                for _ in 0..<100 {
                    for a in 0..<m { atBound[a] = nu[freeSlotList[a]] <= 0 }
                    guard projectedNewtonStep(dimension: m) else { break }
                    var decrement = 0.0
                    for a in 0..<m { decrement -= gradient[a] * step[a] }
                    if decrement <= tolerance { converged = decrement > -1e-9; break }
                    if decrement <= ProfileLikelihood.finalStepDecrement {
                        for a in 0..<m { let slot = freeSlotList[a]; nu[slot] = max(0, nu[slot] + step[a]) }
                        converged = true
                        break
                    }
                    var alpha = 1.0, accepted = false
                    for _ in 0..<60 {
                        for a in 0..<p { trial[a] = nu[a] }
                        for a in 0..<m { let slot = freeSlotList[a]; trial[slot] = max(0, nu[slot] + alpha * step[a]) }
                        if accumulate(trial, derivatives: true, needValue: false, expected: candidate).value.isFinite,
                           decreases(from: current, to: candidate, nuisances: nu, trial: trial, by: 1e-4 * alpha * decrement) {
                            for a in 0..<p { nu[a] = trial[a] }
                            swap(&current, &candidate)
                            accepted = true
                            break
                        }
                        alpha *= 0.5
                    }
                    guard accepted else { converged = decrement < 1e-8; break }
                }
            }
            if !converged {
                if let fallback = simplexFallback(start: nu) {
                    for a in 0..<p { nu[a] = fallback[a] }
                } else {
                    status = .failed
                }
            }
            if (0..<m).contains(where: { nu[freeSlotList[$0]] <= 0 }) { status = status.combined(with: .atBound) }
        }
        let result = accumulate(nu, derivatives: true)
        guard result.value.isFinite else { return invalidPoint(theta) }
        return finishProfile(theta: theta, nuisances: nu, result: result, status: status)
    }

    /// The projected Newton step over `dimension` coordinates (gradient and Hessian in the
    /// scratch buffers, `atBound` set where a coordinate sits on its bound 0): coordinates on
    /// the bound that the gradient or the Newton step pushes outside are held fixed (Bertsekas,
    /// SIAM J. Control Optim. 20, 221 (1982)), so the step needs no clipping there.
    func projectedNewtonStep(dimension: Int) -> Bool {
        for a in 0..<dimension { active[a] = atBound[a] && gradient[a] > 0 }
        guard solveNewtonStep(dimension: dimension) else { return false }
        var resolve = true
        while resolve {
            resolve = false
            for a in 0..<dimension where !active[a] && atBound[a] && step[a] < 0 {
                active[a] = true
                resolve = true
            }
            if resolve { guard solveNewtonStep(dimension: dimension) else { return false } }
        }
        return true
    }

    /// Armijo's test λ(trial) − λ(current) ≤ −`required`, from the expected counts and the
    /// nuisances at both points. First on an upper bound of the change that needs no logarithm
    /// (Poisson: f(μ + Δ) − f(μ) = 2[Δ − d ln(1 + x)] with x = Δ/μ, and ln(1 + x) ≥ x − x²/2 for
    /// x ≥ 0, ≥ x − x²/(2(1 + x)) for −1 < x < 0, from ln(1 + x) − x = −∫₀ˣ t/(1 + t) dt, so the
    /// bound exceeds the change by O(d x³)); when the bound cannot decide (large steps on large
    /// counts), on the exact change with log1p (no cancellation between large λ values).
    /// Pearson: the exact change, a rational function. The constraints: exact.
    func decreases(from current: UnsafeMutablePointer<Double>, to candidate: UnsafeMutablePointer<Double>,
                   nuisances nu: UnsafeMutablePointer<Double>, trial: UnsafeMutablePointer<Double>, by required: Double) -> Bool {
        var constraints = 0.0
        for a in 0..<freeCount {
            let slot = freeSlotList[a]
            let before = nu[slot] - globalVector[slot], after = trial[slot] - globalVector[slot]
            constraints += inverseVariances[slot] * (after * after - before * before)
        }
        switch statistic {
        case .poisson:
            var bound = constraints
            for i in 0..<bins {
                let mu = current[i], delta = candidate[i] - mu, d = data[i]
                var bin = delta
                if d > 0 {
                    let x = delta / mu
                    bin -= d * (x >= 0 ? x - 0.5 * x * x : x - 0.5 * x * x / (1 + x))
                }
                bound += 2 * bin
            }
            if bound <= -required { return true }
            var change = constraints
            for i in 0..<bins {
                let mu = current[i], delta = candidate[i] - mu, d = data[i]
                change += 2 * (d > 0 ? delta - d * log1p(delta / mu) : delta)
            }
            return change <= -required
        case .pearson:
            var change = constraints
            for i in 0..<bins {
                let d = data[i]
                if d == 0 { change += candidate[i] - current[i]; continue } // f(μ, 0) = μ
                let a = d - current[i], b = d - candidate[i]
                change += b * b / candidate[i] - a * a / current[i]
            }
            return change <= -required
        }
    }

    /// The profile point at ν̂ from `accumulate`'s result there (gradient and Hessian in the
    /// scratch buffers): λ_p″ by the Schur complement over the inactive free nuisances; ν̂
    /// becomes the warm start.
    func finishProfile(theta: Double, nuisances nu: UnsafeMutablePointer<Double>,
                       result: (value: Double, thetaFirst: Double, thetaSecond: Double), status: FitStatus) -> ProfilePoint {
        let m = freeCount
        var second = result.thetaSecond
        var k = 0
        for a in 0..<m where !(nu[freeSlotList[a]] <= 0 && gradient[a] > 0) {
            indexList[k] = a
            rightHandSide[k] = mixed[a]
            k += 1
        }
        if k > 0, solveSymmetric(count: k, leadingDimension: m) {
            for r in 0..<k { second -= mixed[indexList[r]] * rightHandSide[r] }
        }
        for a in 0..<nuisanceCount { currentNuisances[a] = nu[a] }
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
    /// scratch buffers), H_θa (into `mixed`), λ_θ and λ_θθ. Without `needValue` the logarithms
    /// are skipped (a valid point reports value 0, an invalid one +∞); `expected` receives μ_i.
    /// Column by column (contiguous loops the compiler vectorizes): μ, then f, f′, f″ per bin,
    /// then the sums as dot products with the columns ∂_aμ.
    func accumulate(_ nu: UnsafeMutablePointer<Double>, derivatives: Bool, needValue: Bool = true,
                    expected: UnsafeMutablePointer<Double>? = nil) -> (value: Double, thetaFirst: Double, thetaSecond: Double) {
        let m = freeCount, nBins = bins
        let mu = expected ?? expectedCurrent, first = binFirst, second = binSecond, d = data
        let n = nu[0]
        for i in 0..<nBins { mu[i] = n * signalSide[i] }
        for j in 0..<backgroundCount {
            let b = nu[j + 1], column = backgroundTemplates + j * nBins
            for i in 0..<nBins { mu[i] += b * column[i] }
        }
        for i in 0..<nBins where !(mu[i] > 0 || (mu[i] == 0 && d[i] == 0)) { return (.infinity, .nan, .nan) }
        var value = 0.0
        if needValue {
            for i in 0..<nBins where mu[i] > 0 { value += statistic.binTerm(expected: mu[i], observed: d[i]).value }
        }
        if derivatives || !needValue { fillBinDerivatives(expected: mu) }
        var thetaFirst = 0.0, thetaSecond = 0.0
        if derivatives {
            let firstTimesSlope = DotProduct.sum(first, signalSideFirst, count: nBins)
            let secondTimesSlopeSquared = DotProduct.sum(second, signalSideFirst, signalSideFirst, count: nBins)
            let firstTimesCurvature = DotProduct.sum(first, signalSideSecond, count: nBins)
            thetaFirst = n * firstTimesSlope
            thetaSecond = n * n * secondTimesSlopeSquared + n * firstTimesCurvature
            for a in 0..<m {
                let slotA = freeSlotList[a]
                let ca = slotA == 0 ? signalSide : backgroundTemplates + (slotA - 1) * nBins
                gradient[a] = DotProduct.sum(first, ca, count: nBins)
                mixed[a] = n * DotProduct.sum(second, signalSideFirst, ca, count: nBins) + (slotA == 0 ? firstTimesSlope : 0)
                for b in a..<m {
                    let slotB = freeSlotList[b]
                    let cb = slotB == 0 ? signalSide : backgroundTemplates + (slotB - 1) * nBins
                    let hab = DotProduct.sum(second, ca, cb, count: nBins)
                    hessian[a * m + b] = hab
                    hessian[b * m + a] = hab
                }
            }
        }
        for a in 0..<m {
            let slot = freeSlotList[a]
            let iv = inverseVariances[slot]
            let dv = nu[slot] - globalVector[slot]
            if needValue { value += iv * dv * dv }
            if derivatives {
                gradient[a] += 2 * iv * dv
                hessian[a * m + a] += 2 * iv
            }
        }
        return (value, thetaFirst, thetaSecond)
    }

    /// f′_i and f″_i of the statistic at μ_i into `binFirst`, `binSecond` (bins with μ = d = 0:
    /// f′ = 2 for Poisson, 1 for Pearson, f″ = 0, the limit μ → 0⁺); μ_i ≥ 0 and μ_i > 0 where d_i > 0.
    func fillBinDerivatives(expected mu: UnsafeMutablePointer<Double>) {
        let first = binFirst, second = binSecond, d = data
        switch statistic {
        case .poisson:
            for i in 0..<bins {
                let inverse = 1 / mu[i], r = d[i] * inverse
                first[i] = 2 - 2 * r
                second[i] = 2 * r * inverse
            }
        case .pearson:
            for i in 0..<bins {
                let inverse = 1 / mu[i], r = d[i] * inverse
                first[i] = 1 - r * r
                second[i] = 2 * r * r * inverse
            }
        }
        for i in 0..<bins where mu[i] == 0 {
            first[i] = statistic == .poisson ? 2 : 1
            second[i] = 0
        }
    }

    /// step = −H⁻¹G over the inactive coordinates of the `dimension` × `dimension` system in
    /// `hessian`/`gradient`, 0 on the active ones.
    func solveNewtonStep(dimension: Int) -> Bool {
        var k = 0
        for a in 0..<dimension {
            step[a] = 0
            if !active[a] {
                indexList[k] = a
                rightHandSide[k] = -gradient[a]
                k += 1
            }
        }
        if k == 0 { return true }
        guard solveSymmetric(count: k, leadingDimension: dimension) else { return false }
        for r in 0..<k { step[indexList[r]] = rightHandSide[r] }
        return true
    }

    /// Solves H_SS x = r in place (`rightHandSide`, first `count` entries) for the index set
    /// S = `indexList`[0..<count] of the row-major `hessian` with the given leading dimension, by
    /// the square-root-free Cholesky H_SS = L D Lᵀ (L unit lower triangular; one division per
    /// pivot, Golub & Van Loan §4.1), with a tiny ridge if H is singular; false when H_SS is not
    /// positive definite (a pivot D_p ≤ 0 or not finite).
    func solveSymmetric(count k: Int, leadingDimension ld: Int) -> Bool {
        // `factor`, k × k row-major: L_pq below the diagonal, 1/D_p on it, w_q = L_pq D_q above it.
        let f = factor, y = rightHandSide
        for attempt in 0..<3 {
            let ridge = attempt == 0 ? 0 : (attempt == 1 ? 1e-12 : 1e-8)
            var ok = true
            for p in 0..<k {
                let row = indexList[p] * ld
                var pivot = hessian[row + indexList[p]]
                pivot += ridge * max(1, abs(pivot))
                for q in 0..<p {
                    var w = hessian[row + indexList[q]]
                    for s in 0..<q { w -= f[s * k + p] * f[q * k + s] }
                    f[q * k + p] = w
                    let l = w * f[q * k + q]
                    f[p * k + q] = l
                    pivot -= w * l
                }
                guard pivot > 0, pivot.isFinite else { ok = false; break }
                f[p * k + p] = 1 / pivot
            }
            guard ok else { continue }
            for p in 0..<k { for s in 0..<p { y[p] -= f[p * k + s] * y[s] } }
            for p in 0..<k { y[p] *= f[p * k + p] }
            for p in stride(from: k - 1, through: 0, by: -1) {
                for s in (p + 1)..<k { y[p] -= f[s * k + p] * y[s] }
            }
            return true
        }
        return false
    }

    /// Nelder–Mead on the free nuisances (GSL nmsimplex2), ν ≥ 0 enforced by an infinite
    /// penalty; nil when the simplex does not converge.
    func simplexFallback(start: UnsafeMutablePointer<Double>) -> [Double]? {
        let m = freeCount
        let slots = freeSlots
        let base = Array(UnsafeBufferPointer(start: start, count: nuisanceCount))
        let x0 = slots.map { max(base[$0], 1e-6) }
        let steps = slots.map { slot -> Double in
            let sigma = model.normalization.sigma
            let width = slot == 0 ? sigma : model.backgrounds[slot - 1].constraint.sigma
            return width.isFinite && width > 0 ? min(width, max(abs(base[slot]), 1e-3)) : 0.1 * max(abs(base[slot]), 1e-3)
        }
        let point = trial
        let result = try? Minimization.simplex({ x in
            for a in 0..<base.count { point[a] = base[a] }
            for a in 0..<m {
                if x[a] < 0 { return .infinity }
                point[slots[a]] = x[a]
            }
            return self.accumulate(point, derivatives: false).value
        }, start: x0, stepSizes: steps, sizeTolerance: 1e-10, maxIterations: 20_000)
        guard let result, result.status == .converged, result.value.isFinite else { return nil }
        var nu = base
        for a in 0..<m { nu[slots[a]] = result.x[a] }
        return nu
    }
}
