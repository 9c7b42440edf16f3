import Foundation

extension ProfileLikelihood {
    /// The Poisson profile over the normalization n alone, in closed form.
    ///
    /// With t_i = S_i + Σ_k θ^k T_k,i, T = Σ t_i, D = Σ d_i and a = 1/σₙ²:
    ///
    ///     λ(θ, n) = 2[nT − D − D ln n + Σ d_i ln(d_i/t_i)] + a (n − n₀)²
    ///     ∂λ/∂n = 0  ⇔  a n² + (T − a n₀) n − D = 0,
    ///     n̂ = 2D / (β + √(β² + 4aD))  for β = T − a n₀ ≥ 0,  (−β + √(β² + 4aD)) / 2a  otherwise
    ///
    /// (n̂ = D/T for a free normalization, n₀ for a fixed one). Derivatives in θ:
    /// λ_θ = 2(n T′ − Σ d t′/t), λ_θθ = 2(n T″ − Σ d t″/t + Σ d t′²/t²), λ_nθ = 2T′,
    /// λ_nn = 2D/n² + 2a; profiled: λ_p″ = λ_θθ − λ_nθ²/λ_nn.
    /// Baker & Cousins, NIM 221, 437 (1984) for the likelihood ratio to the saturated model.
    func profileClosedForm(theta: Double, needValue: Bool) -> ProfilePoint {
        // Totals of the signal-side template and its θ-derivatives.
        var total = standardModelTotal, totalFirst = 0.0, totalSecond = 0.0
        var powerKm1 = 1.0, powerKm2 = 1.0 // θ^(k−1), θ^(k−2)
        for k in 1...termCount {
            let c = termTotals[k - 1], order = Double(k)
            total += powerKm1 * theta * c
            totalFirst += order * powerKm1 * c
            if k >= 2 { totalSecond += order * (order - 1) * powerKm2 * c }
            powerKm2 = powerKm1
            powerKm1 *= theta
        }
        let n0 = globalObservables.normalization
        let a = inverseVariances[0]
        let fixed = normalizationFixed
        let D = dataTotal
        let n: Double
        if fixed {
            n = n0
        } else if a == 0 {
            n = total > 0 ? D / total : 0
        } else {
            let beta = total - a * n0
            let root = (beta * beta + 4 * a * D).squareRoot()
            n = beta >= 0 ? (root + beta > 0 ? 2 * D / (beta + root) : 0) : (root - beta) / (2 * a)
        }

        var sumFirstRatio = 0.0   // Σ d t′/t
        var sumFirstSquared = 0.0 // Σ d t′²/t²
        var sumSecondRatio = 0.0  // Σ d t″/t
        var sumLog = 0.0          // Σ d ln(d/t)
        var invalid = false
        let s = standardModel, tk = terms, d = data
        if termCount == 1 {
            for i in 0..<bins {
                let slope = tk[i]
                let t = s[i] + theta * slope
                let di = d[i]
                if t < 0 { invalid = true; break }
                if di > 0 {
                    if t == 0 { invalid = true; break }
                    let r = slope / t
                    let dr = di * r
                    sumFirstRatio += dr
                    sumFirstSquared += dr * r
                    if needValue { sumLog += di * log(di / t) }
                }
            }
        } else {
            for i in 0..<bins {
                var t = s[i], first = 0.0, second = 0.0
                var powerKm1 = 1.0, powerKm2 = 1.0
                for k in 1...termCount {
                    let c = tk[(k - 1) * bins + i], order = Double(k)
                    t += powerKm1 * theta * c
                    first += order * powerKm1 * c
                    if k >= 2 { second += order * (order - 1) * powerKm2 * c }
                    powerKm2 = powerKm1
                    powerKm1 *= theta
                }
                let di = d[i]
                if t < 0 { invalid = true; break }
                if di > 0 {
                    if t == 0 { invalid = true; break }
                    let r = first / t
                    sumFirstRatio += di * r
                    sumFirstSquared += di * r * r
                    sumSecondRatio += di * second / t
                    if needValue { sumLog += di * log(di / t) }
                }
            }
        }
        if invalid || (D > 0 && !(n > 0)) { return invalidPoint(theta) }

        var value = Double.nan
        if needValue {
            let dn = n0 - n
            value = 2 * (n * total - D - (D > 0 ? D * log(n) : 0) + sumLog) + a * dn * dn
        }
        let derivative = 2 * (n * totalFirst - sumFirstRatio)
        var second = 2 * (n * totalSecond - sumSecondRatio + sumFirstSquared)
        if !fixed {
            let lnn = 2 * D / (n * n) + 2 * a
            if lnn > 0 { second -= (2 * totalFirst) * (2 * totalFirst) / lnn }
        }
        currentNuisances[0] = n
        return ProfilePoint(theta: theta, value: value, derivative: derivative, secondDerivative: second,
                            nuisances: NuisanceParameters(normalization: n), status: .converged)
    }
}
