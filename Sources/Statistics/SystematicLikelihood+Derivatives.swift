extension SystematicLikelihood {
    /// λ at x and, with `derivatives`, its gradient and Hessian (row-major, `dimension`²).
    public struct Evaluation: Sendable {
        public var value: Double
        public var gradient: [Double]
        public var hessian: [Double]
    }

    /// λ(x) with, when asked, the analytic gradient and Hessian; nil where some μ_i < 0, or μ_i = 0
    /// with d_i > 0 (an impossible point). Per bin, with A = S + Σ_k θ^k T_k (templates at α⃗),
    /// A′ = ∂A/∂θ, A″ = ∂²A/∂θ²:
    ///
    ///     ∂μ/∂θ = n A′,  ∂μ/∂n = A,  ∂μ/∂b_j = B_j,  ∂μ/∂α_s = n ∂_s A + Σ_j b_j ∂_s B_j,
    ///     ∂²μ: θθ n A″, θn A′, θα_s n ∂_s A′, nα_s ∂_s A, b_jα_s ∂_s B_j,
    ///          α_sα_s n ∂²_s A + Σ_j b_j ∂²_s B_j  (α_s α_t, s ≠ t: 0, each δ depends on one α),
    ///
    /// and ∇λ = Σ_i f′_i ∇μ_i + constraints, ∇²λ = Σ_i (f″_i ∇μ_i ∇μ_iᵀ + f′_i ∇²μ_i) + constraints
    /// (docs/physics.md §16.5). The Hessian is exact, so it may be indefinite away from the minimum.
    public func evaluate(_ x: [Double], derivatives: Bool = true) -> Evaluation? {
        let base = model.base, bins = model.binCount, terms = base.termCount
        let J = backgroundCount, shapes = model.systematics, S = shapes.count, D = dimension, first = firstShapeIndex
        let theta = x[0], n = x[1]
        var value = 0.0
        var gradient = [Double](repeating: 0, count: derivatives ? D : 0)
        var hessian = [Double](repeating: 0, count: derivatives ? D * D : 0)
        var jacobian = [Double](repeating: 0, count: D)
        // θ^k, k θ^{k−1}, k(k−1) θ^{k−2} for k = 1…K.
        var power = [Double](repeating: 0, count: terms), slope = power, curve = power
        var p = 1.0, previous = 0.0  // θ^{k−1}, θ^{k−2}
        for k in 1...terms {
            let kk = Double(k)
            curve[k - 1] = kk * (kk - 1) * previous
            slope[k - 1] = kk * p
            previous = p
            p *= theta
            power[k - 1] = p
        }
        var dA = [Double](repeating: 0, count: S), dAprime = dA, d2MuShape = dA
        for i in 0..<bins {
            var a = base.standardModel[i], aPrime = 0.0, aSecond = 0.0
            for k in 0..<terms {
                var t = base.parameterTerms[k][i]
                for s in 0..<S { if let h = shapes[s].parameterTerms[k] { t += h.delta(x[first + s], bin: i) } }
                a += power[k] * t
                aPrime += slope[k] * t
                aSecond += curve[k] * t
            }
            for s in 0..<S { if let h = shapes[s].standardModel { a += h.delta(x[first + s], bin: i) } }
            var mu = n * a
            for j in 0..<J {
                var b = base.backgrounds[j].template[i]
                for s in 0..<S { if let h = shapes[s].backgrounds[j] { b += h.delta(x[first + s], bin: i) } }
                mu += x[2 + j] * b
                jacobian[2 + j] = b
            }
            let d = data[i]
            guard mu > 0 || (mu == 0 && d == 0) else { return nil }
            let term = mu > 0 ? statistic.binTerm(expected: mu, observed: d) : (value: 0, first: statistic == .poisson ? 2 : 1, second: 0)
            value += term.value
            guard derivatives else { continue }
            for s in 0..<S {
                let alpha = x[first + s], shape = shapes[s]
                var da = shape.standardModel?.derivative(alpha, bin: i) ?? 0
                var d2a = shape.standardModel?.secondDerivative(alpha, bin: i) ?? 0
                var daPrime = 0.0
                for k in 0..<terms {
                    guard let h = shape.parameterTerms[k] else { continue }
                    let dt = h.derivative(alpha, bin: i), d2t = h.secondDerivative(alpha, bin: i)
                    da += power[k] * dt
                    d2a += power[k] * d2t
                    daPrime += slope[k] * dt
                }
                var dMu = n * da, d2Mu = n * d2a
                for j in 0..<J {
                    guard let h = shape.backgrounds[j] else { continue }
                    let db = h.derivative(alpha, bin: i)
                    dMu += x[2 + j] * db
                    d2Mu += x[2 + j] * h.secondDerivative(alpha, bin: i)
                    // ∂²μ/∂b_j∂α_s = ∂_s B_j
                    hessian[(2 + j) * D + first + s] += term.first * db
                }
                dA[s] = da
                dAprime[s] = daPrime
                d2MuShape[s] = d2Mu
                jacobian[first + s] = dMu
            }
            jacobian[0] = n * aPrime
            jacobian[1] = a
            for r in 0..<D {
                gradient[r] += term.first * jacobian[r]
                let w = term.second * jacobian[r]
                guard w != 0 else { continue }
                for c in r..<D { hessian[r * D + c] += w * jacobian[c] }
            }
            // f′ ∇²μ (upper triangle; b_j α_s added above).
            hessian[0] += term.first * n * aSecond
            hessian[1] += term.first * aPrime
            for s in 0..<S {
                hessian[first + s] += term.first * n * dAprime[s]
                hessian[D + first + s] += term.first * dA[s]
                hessian[(first + s) * D + first + s] += term.first * d2MuShape[s]
            }
        }
        for a in 1..<D {
            let c = constraint(a)
            guard c.inverseVariance > 0 else { continue }
            let dv = x[a] - c.observable
            value += c.inverseVariance * dv * dv
            if derivatives {
                gradient[a] += 2 * c.inverseVariance * dv
                hessian[a * D + a] += 2 * c.inverseVariance
            }
        }
        if derivatives {
            for r in 0..<D { for c in 0..<r { hessian[r * D + c] = hessian[c * D + r] } }
        }
        return Evaluation(value: value, gradient: gradient, hessian: hessian)
    }
}

extension SystematicLikelihood {
    /// μ_i(x), the expected counts (nil where some μ_i < 0).
    public func expected(_ x: [Double]) -> [Double]? {
        let base = model.base, shapes = model.systematics, first = firstShapeIndex
        var mu = [Double](repeating: 0, count: model.binCount)
        for i in mu.indices {
            var a = base.standardModel[i], p = 1.0
            for s in shapes.indices { if let h = shapes[s].standardModel { a += h.delta(x[first + s], bin: i) } }
            for k in 0..<base.termCount {
                p *= x[0]
                var t = base.parameterTerms[k][i]
                for s in shapes.indices { if let h = shapes[s].parameterTerms[k] { t += h.delta(x[first + s], bin: i) } }
                a += p * t
            }
            var value = x[1] * a
            for j in base.backgrounds.indices {
                var b = base.backgrounds[j].template[i]
                for s in shapes.indices { if let h = shapes[s].backgrounds[j] { b += h.delta(x[first + s], bin: i) } }
                value += x[2 + j] * b
            }
            guard value >= 0 else { return nil }
            mu[i] = value
        }
        return mu
    }
}
