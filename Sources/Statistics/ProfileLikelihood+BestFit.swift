import Foundation
import GSL

extension ProfileLikelihood {
    /// The best fit θ̂ = argmin_{θ ≥ 0} λ_p(θ), bounded at the physical boundary θ = 0.
    ///
    /// Linear models (one term): λ_p is unimodal in θ — substituting c = nθ makes λ jointly
    /// convex in (n, c, b⃗), and the image of a convex sub-level set under c/n is an interval —
    /// so θ̂ = 0 when λ_p′(0) ≥ 0, and otherwise the root of λ_p′, found by safeguarded Newton
    /// with the analytic λ_p″ (no logarithms needed until the final value).
    /// Non-linear models (θ² terms, e.g. destructive Z′ interference) may have two minima:
    /// a geometric scan from scale/1024 to 8192·scale picks the lowest, then GSL's Brent
    /// minimizer refines it.
    ///
    /// - Parameter scale: a typical θ (for instance the Asimov limit); default
    ///   `model.parameterScale`.
    public func bestFit(scale: Double? = nil) -> BestFit {
        let scale = scale ?? model.parameterScale
        guard model.isLinearInParameter else { return bestFitByScan(scale: scale) }
        if usesJointFit, let joint = bestFitJoint() { return joint }
        return bestFitLinear(scale: scale)
    }

    /// t(θ) = λ_p(θ) − λ_p(θ̂) ≥ 0 with θ̂ bounded at 0: the Feldman–Cousins ordering
    /// statistic (two-sided). Feldman & Cousins, PRD 57, 3873 (1998), eq. 4.1 in −2 ln form.
    public func testStatistic(theta: Double, bestFit: BestFit) -> Double {
        let value = profile(theta: theta).value
        guard value.isFinite else { return .infinity }
        return max(0, value - bestFit.value)
    }

    /// q(θ) for upper limits: t(θ) when θ ≥ θ̂, 0 when θ < θ̂ (an excess above θ is not
    /// evidence against θ). Cowan et al., EPJC 71, 1554 (2011), eq. 14 and 16 (q̃_μ).
    public func upperLimitStatistic(theta: Double, bestFit: BestFit) -> Double {
        theta < bestFit.theta ? 0 : testStatistic(theta: theta, bestFit: bestFit)
    }

    func bestFitLinear(scale: Double) -> BestFit {
        let atZero = profile(theta: 0)
        if atZero.isValid, atZero.derivative >= 0 {
            return BestFit(theta: 0, value: atZero.value, nuisances: atZero.nuisances, status: .atBound,
                           slope: atZero.derivative, curvature: atZero.secondDerivative)
        }
        // First Newton step from θ = 0 as the first bracket candidate (or `scale`).
        var lower = 0.0
        var lowerDerivative = atZero.isValid ? atZero.derivative : -Double.infinity
        var upper = scale
        if atZero.isValid, atZero.secondDerivative > 0 {
            let step = -atZero.derivative / atZero.secondDerivative
            if step.isFinite, step > 0 { upper = 1.5 * step }
        }
        var upperDerivative = -1.0
        var expansions = 0
        while true {
            let p = profile(theta: upper, needValue: false)
            upperDerivative = p.isValid ? p.derivative : .infinity
            if upperDerivative >= 0 { break }
            lower = upper
            lowerDerivative = upperDerivative
            upper *= 2
            expansions += 1
            if expansions > 400 { return failedFit() }
        }
        if !lowerDerivative.isFinite { lowerDerivative = -1 }
        let tolerance = 1e-12 * max(upper, scale)
        let start = lower == 0 && upper != scale ? upper / 1.5 : 0.5 * (lower + upper)
        let root = SafeguardedNewton.root(
            lower: lower, upper: upper, valueAtLower: lowerDerivative, valueAtUpper: upperDerivative,
            start: start, absoluteTolerance: tolerance
        ) { theta in
            let p = self.profile(theta: theta, needValue: false)
            return p.isValid ? (p.derivative, p.secondDerivative) : (.infinity, .nan)
        }
        guard let root else { return failedFit() }
        let point = profile(theta: root)
        guard point.isValid else { return failedFit() }
        return BestFit(theta: root, value: point.value, nuisances: point.nuisances,
                       status: point.status == .failed ? .failed : .converged,
                       slope: point.derivative, curvature: point.secondDerivative)
    }

    private func bestFitByScan(scale: Double) -> BestFit {
        let grid = [0.0] + (0..<24).map { scale * pow(2, Double($0 - 10)) }
        let values = grid.map { profile(theta: $0).value }
        guard let best = values.indices.min(by: { values[$0] < values[$1] }), values[best].isFinite else {
            return failedFit()
        }
        var lower: Double, upper: Double, guess: Double
        if best == 0 {
            let atZero = profile(theta: 0, needValue: false)
            if atZero.derivative >= 0 {
                let point = profile(theta: 0)
                return BestFit(theta: 0, value: point.value, nuisances: point.nuisances, status: .atBound,
                               slope: point.derivative, curvature: point.secondDerivative)
            }
            lower = 0; upper = grid[1]; guess = grid[1] / 2
            while profile(theta: guess).value >= values[0] && guess > 1e-300 { upper = guess; guess /= 2 }
            if guess <= 1e-300 {
                let point = profile(theta: 0)
                return BestFit(theta: 0, value: point.value, nuisances: point.nuisances, status: .atBound)
            }
        } else {
            lower = grid[best - 1]
            upper = grid[min(best + 1, grid.count - 1)]
            guess = grid[best]
        }
        // Brent locates a minimum only to ~√ε relative (the value is flat there); then the
        // root of λ_p′ is polished by safeguarded Newton in a small bracket around it.
        let minimum = try? Minimization.brent(
            { let v = self.profile(theta: $0).value; return v.isFinite ? v : Double.greatestFiniteMagnitude },
            lower: lower, upper: upper, guess: guess, absoluteTolerance: 1e-10 * scale, relativeTolerance: 1e-7)
        guard let minimum else { return failedFit() }
        var theta = minimum.x[0]
        let width = 1e-4 * max(theta, scale * 1e-3)
        let a = max(lower, theta - width), b = min(upper, theta + width)
        let da = profile(theta: a, needValue: false), db = profile(theta: b, needValue: false)
        if da.isValid, db.isValid, da.derivative < 0, db.derivative > 0,
           let root = SafeguardedNewton.root(
               lower: a, upper: b, valueAtLower: da.derivative, valueAtUpper: db.derivative, start: theta,
               absoluteTolerance: 1e-12 * scale, { t in
                   let p = self.profile(theta: t, needValue: false)
                   return p.isValid ? (p.derivative, p.secondDerivative) : (.infinity, .nan)
               }) {
            theta = root
        } else if minimum.status != .converged {
            return failedFit()
        }
        let point = profile(theta: theta)
        guard point.isValid else { return failedFit() }
        let status: FitStatus = best == grid.count - 1 ? .failed : (theta == 0 ? .atBound : .converged)
        return BestFit(theta: theta, value: point.value, nuisances: point.nuisances, status: status,
                       slope: point.derivative, curvature: point.secondDerivative)
    }

    private func failedFit() -> BestFit {
        BestFit(theta: .nan, value: .nan, nuisances: nuisanceParameters(globalVector), status: .failed)
    }
}
