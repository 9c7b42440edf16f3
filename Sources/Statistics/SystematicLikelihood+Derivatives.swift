extension SystematicLikelihood {
    /// λ at x and, with `derivatives`, its gradient and Hessian (row-major, `dimension`²).
    public struct Evaluation: Sendable {
        public var value: Double
        public var gradient: [Double]
        public var hessian: [Double]
    }

    /// The templates at α⃗ (sample p: 0 the SM, 1…K the terms T_k, K + j the background j; `bins`
    /// values each) with their first and second derivatives in each α_s (sample-major, then s).
    struct MorphedTemplates {
        var values: [Double]
        var first: [Double]
        var second: [Double]
    }

    /// X_p(α⃗) = X_p + Σ_s δ^p_s(α_s) and ∂_s X_p, ∂²_s X_p (0 where s does not move p). Not
    /// clipped at 0 (as pyhf): a sample's bin may turn negative beyond |α| = 1, only the total μ_i
    /// must stay ≥ 0.
    func morphed(_ x: [Double]) -> MorphedTemplates {
        let bins = model.binCount, S = model.systematics.count, samples = sampleCount, first = firstShapeIndex
        var t = MorphedTemplates(values: nominalTemplates, first: [Double](repeating: 0, count: samples * S * bins),
                                 second: [Double](repeating: 0, count: samples * S * bins))
        t.values.withUnsafeMutableBufferPointer { v in
            t.first.withUnsafeMutableBufferPointer { d1 in
                t.second.withUnsafeMutableBufferPointer { d2 in
                    for (s, shape) in model.systematics.enumerated() {
                        let alpha = x[first + s]
                        for p in 0..<samples {
                            guard let h = Self.modifier(shape, sample: p, terms: model.base.termCount) else { continue }
                            let offset = (p * S + s) * bins
                            h.evaluate(alpha, into: v.baseAddress! + p * bins, first: d1.baseAddress! + offset,
                                       second: d2.baseAddress! + offset)
                        }
                    }
                }
            }
        }
        return t
    }

    /// The histosys of sample p in `shape` (nil: the systematic does not move it).
    static func modifier(_ shape: ShapeSystematic, sample p: Int, terms: Int) -> HistoSysInterpolation? {
        p == 0 ? shape.standardModel : (p <= terms ? shape.parameterTerms[p - 1] : shape.backgrounds[p - 1 - terms])
    }

    /// 1 + K + J.
    var sampleCount: Int { 1 + model.base.termCount + model.base.backgrounds.count }

    /// μ_i(x), the expected counts (nil where some μ_i < 0).
    public func expected(_ x: [Double]) -> [Double]? {
        let t = morphed(x), bins = model.binCount, K = model.base.termCount, J = backgroundCount
        var mu = [Double](repeating: 0, count: bins)
        for i in 0..<bins {
            var a = t.values[i], p = 1.0
            for k in 1...K { p *= x[0]; a += p * t.values[k * bins + i] }
            var value = x[1] * a
            for j in 0..<J { value += x[2 + j] * t.values[(1 + K + j) * bins + i] }
            guard value >= 0 else { return nil }
            mu[i] = value
        }
        return mu
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
    /// (docs/physics.md §16.6). The Hessian is exact, so it may be indefinite away from the minimum.
    public func evaluate(_ x: [Double], derivatives: Bool = true) -> Evaluation? {
        let bins = model.binCount, K = model.base.termCount
        let J = backgroundCount, S = model.systematics.count, D = dimension, first = firstShapeIndex
        let theta = x[0], n = x[1]
        let t = morphed(x)
        var value = 0.0
        var gradient = [Double](repeating: 0, count: derivatives ? D : 0)
        var hessian = [Double](repeating: 0, count: derivatives ? D * D : 0)
        var jacobian = [Double](repeating: 0, count: D)
        // θ^k, k θ^{k−1}, k(k−1) θ^{k−2} for k = 1…K.
        var power = [Double](repeating: 0, count: K), slope = power, curve = power
        var p = 1.0, previous = 0.0  // θ^{k−1}, θ^{k−2}
        for k in 1...K {
            let kk = Double(k)
            curve[k - 1] = kk * (kk - 1) * previous
            slope[k - 1] = kk * p
            previous = p
            p *= theta
            power[k - 1] = p
        }
        var dA = [Double](repeating: 0, count: S), dAprime = dA, d2Mu = dA
        for i in 0..<bins {
            var a = t.values[i], aPrime = 0.0, aSecond = 0.0
            for k in 0..<K {
                let v = t.values[(1 + k) * bins + i]
                a += power[k] * v
                aPrime += slope[k] * v
                aSecond += curve[k] * v
            }
            var mu = n * a
            for j in 0..<J {
                let b = t.values[(1 + K + j) * bins + i]
                mu += x[2 + j] * b
                jacobian[2 + j] = b
            }
            let d = data[i]
            guard mu > 0 || (mu == 0 && d == 0) else { return nil }
            let term = mu > 0 ? statistic.binTerm(expected: mu, observed: d) : (value: 0, first: statistic == .poisson ? 2 : 1, second: 0)
            value += term.value
            guard derivatives else { continue }
            for s in 0..<S {
                var da = t.first[s * bins + i], d2a = t.second[s * bins + i], daPrime = 0.0
                for k in 0..<K {
                    let offset = ((1 + k) * S + s) * bins + i
                    da += power[k] * t.first[offset]
                    d2a += power[k] * t.second[offset]
                    daPrime += slope[k] * t.first[offset]
                }
                var dMu = n * da, second = n * d2a
                for j in 0..<J {
                    let offset = ((1 + K + j) * S + s) * bins + i
                    let db = t.first[offset]
                    dMu += x[2 + j] * db
                    second += x[2 + j] * t.second[offset]
                    hessian[(2 + j) * D + first + s] += term.first * db  // ∂²μ/∂b_j∂α_s = ∂_s B_j
                }
                dA[s] = da
                dAprime[s] = daPrime
                d2Mu[s] = second
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
                hessian[(first + s) * D + first + s] += term.first * d2Mu[s]
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
