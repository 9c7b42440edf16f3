import GSL

extension SystematicLikelihood {
    /// A minimum of λ over the free parameters.
    public struct Fit: Sendable {
        /// x̂ = (θ̂, n̂, b̂⃗, α̂⃗).
        public var parameters: [Double]
        public var value: Double
        public var status: FitStatus
        public var iterations: Int
        /// ∂λ/∂θ at x̂: with θ fixed, the slope of the profile dλ_p/dθ (envelope theorem).
        public var thetaGradient: Double
        /// Whether Newton stalled and GSL's simplex found the minimum (`minimize`).
        public var usedSimplex = false
        public var theta: Double { parameters[0] }
    }

    /// The absolute Newton decrement −∇λ·Δx at which a fit has converged (λ is χ²-like).
    static let convergedDecrement = 1e-10
    /// The decrement below which an undamped step off the edge is the last one: it is taken when
    /// its end point's λ passes Armijo, without that point's derivatives. Newton converges
    /// quadratically there (as `ProfileLikelihood.finalStepDecrement`), leaving a decrement ~10⁻¹²;
    /// ∂λ/∂θ at the end point is its linearization ∂_θλ + (H Δx)_θ.
    static let finalStepDecrement = 1e-6

    /// Minimizes λ by a bounded Newton method: the exact Hessian, Levenberg–Marquardt damping
    /// H + τ diag(H) when it is not positive definite, bound constraints by Bertsekas's projection
    /// (a coordinate on its bound with the step pointing outside is held), Armijo backtracking on
    /// λ (Nocedal & Wright §3.1, §4; docs/physics.md §16.6). A bin without events whose μ_i a trial
    /// point takes below 0 (a sample extrapolated beyond |α| = 1 can cancel it) becomes a
    /// constraint μ_i ≥ 0 of the step (`EdgeConstraints`: SQP on the edge of the domain). Where
    /// Newton still stalls, or after 200 iterations, GSL's Nelder–Mead continues from the last
    /// point over the free parameters (bounds and μ ≥ 0 by an infinite penalty) and Newton polishes
    /// its result; `usedSimplex` says so.
    ///
    /// - Parameters:
    ///   - fixedTheta: θ held at this value (a profile point); nil: θ fitted, ≥ `thetaLowerBound`.
    ///   - thetaLowerBound: 0 for the physical fit, −∞ for an unbounded θ̂ (impacts).
    ///   - fixed: parameter indices held at their start value (besides fixed constraints).
    ///   - start: the starting point (default: the last minimum found, or the nominal point).
    public func minimize(fixedTheta: Double? = nil, thetaLowerBound: Double = 0, fixed: Set<Int> = [],
                         start: [Double]? = nil) -> Fit {
        minimize(fixedTheta: fixedTheta, thetaLowerBound: thetaLowerBound, fixed: fixed, start: start, polishing: false)
    }

    /// `minimize`, where `polishing` (a Newton pass after the simplex) does not fall back again.
    func minimize(fixedTheta: Double?, thetaLowerBound: Double, fixed: Set<Int>, start: [Double]?, polishing: Bool) -> Fit {
        let w = workspace, D = w.parameters, point = w.point, trial = w.trial, step = w.step
        var x = start ?? warmStart
        let previousTheta = x[0], predicts = start == nil && fixedTheta != nil && w.hessianAtWarmStart
        w.hessianAtWarmStart = false
        if let fixedTheta { x[0] = fixedTheta } else { x[0] = max(x[0], thetaLowerBound) }
        var held = [Bool](repeating: false, count: D)
        for a in fixed { held[a] = true }
        if fixedTheta != nil { held[0] = true }
        for a in 1..<D where constraint(a).isFixed {
            held[a] = true
            x[a] = constraint(a).observable
        }
        let lowerBounds = (0..<D).map { a in a == 0 ? thetaLowerBound : (a < firstShapeIndex ? 0 : -.infinity) }
        for a in 1..<firstShapeIndex { x[a] = max(x[a], 0) }
        func evaluateCurrent(_ y: [Double]) -> Double? {
            for a in 0..<D { point[a] = y[a] }
            return evaluate(at: point, gradient: w.currentGradient, hessian: w.currentHessian)
        }
        // An impossible start (fluctuated global observables can put α where a template turns
        // negative) falls back to the model's nominal point: n₀, b⃗₀ of the model, α⃗ = 0.
        var predicted: Double?
        if predicts, x[0] != previousTheta, let y = predictedStart(x, from: previousTheta, held: held, lowerBounds: lowerBounds),
           let value = evaluateCurrent(y) {
            x = y
            predicted = value
        }
        guard var current = predicted ?? evaluateCurrent(x) ?? {
            let nominal = model.base.nominalNuisances
            x = [fixedTheta ?? 0, nominal.normalization] + nominal.backgrounds + [Double](repeating: 0, count: model.systematics.count)
            for a in fixed { x[a] = (start ?? warmStart)[a] }
            return evaluateCurrent(x)
        }() else {
            return Fit(parameters: x, value: .infinity, status: .failed, iterations: 0, thetaGradient: .nan)
        }
        var edges = EdgeConstraints(dimension: D)
        var converged = false, iterations = 0
        var finalSlope: Double?
        newton: while iterations < 200 {
            iterations += 1
            guard let decrement = newtonStep(held: held, lowerBounds: lowerBounds, edges: &edges) else { break }
            if decrement <= Self.convergedDecrement { converged = decrement > -1e-9; break }
            let gradient = w.currentGradient
            if decrement <= Self.finalStepDecrement, w.lastDamping == 0, !edges.isWorking {
                var change = 0.0, clipped = false
                for a in 0..<D {
                    trial[a] = w.active[a] ? point[a] : max(lowerBounds[a], point[a] + step[a])
                    clipped = clipped || (!w.active[a] && point[a] + step[a] < lowerBounds[a])
                    change += gradient[a] * (trial[a] - point[a])
                }
                let value = !clipped && edges.isEmpty && finalStepStaysInside()
                    ? current - 0.5 * decrement : evaluate(at: trial, gradient: nil, hessian: nil)
                if let value, value <= current + 1e-4 * change {
                    var slope = gradient[0]
                    for b in 0..<D { slope += w.currentHessian[b] * (trial[b] - point[b]) }
                    point.update(from: trial, count: D)
                    current = value
                    finalSlope = slope
                    converged = true
                    break
                }
            }
            var t = 1.0, accepted = false
            for attempt in 0..<50 {
                for a in 0..<D { trial[a] = w.active[a] ? point[a] : max(lowerBounds[a], point[a] + t * step[a]) }
                edges.restore(trial, likelihood: self, lowerBounds: lowerBounds)
                var change = 0.0
                for a in 0..<D { change += gradient[a] * (trial[a] - point[a]) }
                // The full step is evaluated with its derivatives (usually accepted), shorter ones without.
                let full = attempt == 0
                if let value = evaluate(at: trial, gradient: full ? w.trialGradient : nil, hessian: full ? w.trialHessian : nil) {
                    if value <= current + 1e-4 * change {
                        if !full { guard evaluate(at: trial, gradient: w.trialGradient, hessian: w.trialHessian) != nil else { break } }
                        point.update(from: trial, count: D)
                        w.acceptTrialDerivatives()
                        current = value
                        accepted = true
                        break
                    }
                } else if w.infeasibleBin >= 0, w.observed[w.infeasibleBin] == 0,
                          edges.add(w.infeasibleBin, scale: w.binScale[w.infeasibleBin]) {
                    continue newton
                }
                t *= 0.5
            }
            if !accepted {
                converged = decrement < 1e-7
                break
            }
        }
        let x̂ = Array(UnsafeBufferPointer(start: point, count: D))
        let slope = finalSlope ?? edges.lagrangianSlope(w.currentGradient[0])
        guard converged else {
            guard !polishing, let rescued = simplexFallback(from: x̂, held: held, lowerBound: { lowerBounds[$0] }),
                  rescued.value <= current + 1e-9 else {
                return Fit(parameters: x̂, value: current, status: .failed, iterations: iterations, thetaGradient: slope)
            }
            var polished = minimize(fixedTheta: fixedTheta, thetaLowerBound: thetaLowerBound, fixed: fixed, start: rescued.x,
                                    polishing: true)
            if polished.status == .failed || polished.value > rescued.value {
                guard let e = evaluate(rescued.x) else {
                    return Fit(parameters: x̂, value: current, status: .failed, iterations: iterations, thetaGradient: slope)
                }
                warmStart = rescued.x
                let atBound = (0..<firstShapeIndex).contains { a in !held[a] && rescued.x[a] <= lowerBounds[a] }
                polished = Fit(parameters: rescued.x, value: e.value, status: atBound ? .atBound : .converged, iterations: iterations,
                               thetaGradient: e.gradient[0])
            }
            polished.usedSimplex = true
            return polished
        }
        warmStart = x̂
        w.hessianAtWarmStart = !edges.isWorking
        let atBound = (0..<firstShapeIndex).contains { a in !held[a] && x̂[a] <= lowerBounds[a] }
        return Fit(parameters: x̂, value: current, status: atBound ? .atBound : .converged, iterations: iterations, thetaGradient: slope)
    }

    /// Whether the last step Δ = `workspace.step` from `workspace.point` keeps every bin at more than
    /// half its μ_i to first order, μ_i + ∇μ_i·Δ > μ_i/2 (∇μ_i the columns of the last evaluation
    /// with derivatives, the current point's). Then the final step's λ is the Newton model's,
    /// λ − ½ decrement (ΔᵀHΔ = −∇λ·Δ for an undamped, unclipped step), exact to third order in Δ:
    /// |Δ|³ ~ decrement^{3/2} ≲ 10⁻⁹ in λ (`SystematicToyFitTests` compares it with λ at x̂).
    func finalStepStaysInside() -> Bool {
        let w = workspace, bins = w.bins, change = w.expectedChange
        change.update(repeating: 0, count: bins)
        for a in 0..<w.parameters where w.step[a] != 0 {
            let column = w.columns + a * bins, s = w.step[a]
            for i in 0..<bins { change[i] += s * column[i] }
        }
        for i in 0..<bins {
            let mu = w.expected[i]
            guard mu + change[i] > 0.5 * mu || (mu == 0 && change[i] == 0) else { return false }
        }
        return true
    }

    /// GSL's Nelder–Mead over the free coordinates from `x` (steps: 0.1 of each prior σ, 0.1 for a
    /// shape nuisance, 5 % of θ or of the model's θ scale), bounds and impossible points by an
    /// infinite penalty; nil if it does not converge.
    func simplexFallback(from x: [Double], held: [Bool], lowerBound: (Int) -> Double) -> (x: [Double], value: Double)? {
        let free = (0..<dimension).filter { !held[$0] }
        guard !free.isEmpty else { return nil }
        let steps = free.map { a -> Double in
            if a == 0 { return max(0.05 * abs(x[0]), 0.05 * model.base.parameterScale) }
            let c = constraint(a)
            return c.inverseVariance > 0 ? 0.1 / c.inverseVariance.squareRoot() : 0.1 * max(abs(x[a]), 1)
        }
        let bounds = free.map(lowerBound)
        guard let result = try? Minimization.simplex({ y in
            var point = x
            for (r, a) in free.enumerated() {
                guard y[r] >= bounds[r] else { return .infinity }
                point[a] = y[r]
            }
            return self.evaluate(point, derivatives: false)?.value ?? .infinity
        }, start: free.map { x[$0] }, stepSizes: steps, sizeTolerance: 1e-9, maxIterations: 20_000), result.value.isFinite else { return nil }
        var point = x
        for (r, a) in free.enumerated() { point[a] = result.x[r] }
        return (point, result.value)
    }
}

extension SystematicLikelihood {
    /// The best fit θ̂ ≥ 0 with every nuisance profiled. A model linear in θ (one term) is fitted
    /// from the start directly. A non-linear one (θ² terms: destructive interference) may have two
    /// minima in θ, so the profile is first read on a geometric grid from scale/1024 to 8192·scale
    /// (as `ProfileLikelihood.bestFit`), and the fit starts from the lowest point.
    /// - Parameters:
    ///   - scale: a typical θ (default `model.base.parameterScale`).
    ///   - start: the nuisances' starting point (default: the last minimum, or the nominal point).
    public func bestFit(scale: Double? = nil, fixed: Set<Int> = [], start: [Double]? = nil) -> Fit {
        let nominal = start ?? warmStart
        guard model.base.termCount > 1 else { return minimize(fixed: fixed, start: nominal) }
        let scale = scale ?? model.base.parameterScale
        var best: Fit?
        for theta in [0.0] + (0..<24).map({ scale * Double(sign: .plus, exponent: $0 - 10, significand: 1) }) {
            let point = minimize(fixedTheta: theta, fixed: fixed, start: best?.parameters ?? nominal)
            if point.status != .failed, point.value < (best?.value ?? .infinity) { best = point }
        }
        guard let best else { return minimize(fixed: fixed, start: nominal) }
        return minimize(fixed: fixed, start: best.parameters)
    }
}
