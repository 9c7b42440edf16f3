extension SystematicLikelihood {
    /// Writes X_p(α⃗) = X_p + Σ_s δ^p_s(α_s) to `workspace.values` and, with `derivatives`, the
    /// per-systematic columns ∂_s A, ∂_s A′, ∂²μ/∂α_s² and ∂_s B_j (A = S + Σ_k θ^k T_k). Not
    /// clipped at 0 (as pyhf): a sample's bin may turn negative beyond |α| = 1, only the total μ_i
    /// must stay ≥ 0. Allocation-free.
    func morph(_ x: UnsafePointer<Double>, derivatives: Bool) {
        let w = workspace, bins = w.bins, K = w.terms, J = w.backgrounds, S = w.systematics, P = w.samples
        let first = w.firstShape, n = x[1]
        w.values.update(from: w.nominal, count: P * bins)
        fillPowers(x[0])
        if derivatives {
            w.shapeA.update(repeating: 0, count: S * bins)
            w.shapeAPrime.update(repeating: 0, count: S * bins)
            w.shapeMuSecond.update(repeating: 0, count: S * bins)
        }
        for m in 0..<w.modifierCount {
            let s = w.modifierSystematic[m], p = w.modifierSample[m], alpha = x[first + s]
            let table = UnsafePointer(w.modifierTables + m * 4 * bins), code = w.modifierCode[m], values = w.values + p * bins
            guard derivatives else {
                HistoSysInterpolation.evaluate(alpha, code: code, table: table, bins: bins, into: values, first: nil, second: nil)
                continue
            }
            // δ′ goes to ∂_s A (weight θ^k; 1 for the SM) and ∂_s A′ (k θ^{k−1}), or to ∂_s B_j;
            // δ″ (only on code4p's polynomial branch) to ∂²μ/∂α_s² (weight n θ^k, or b_j).
            let isBackground = p > K, power = p == 0 ? 1 : (isBackground ? 0 : w.powers[p - 1])
            let slope = p == 0 || isBackground ? 0 : w.powers[K + p - 1]
            let curvatureWeight = isBackground ? x[2 + p - 1 - K] : n * power
            let a = w.shapeA + s * bins, aPrime = w.shapeAPrime + s * bins, muSecond = w.shapeMuSecond + s * bins
            let side = HistoSysInterpolation.branch(alpha, code: code)
            if side == 0 {
                let v = HistoSysInterpolation.polynomialWeights(alpha), sym = table + 2 * bins, asym = table + 3 * bins
                let c = curvatureWeight * HistoSysInterpolation.polynomialCurvature(alpha)
                if isBackground {
                    let b = w.shapeB + (s * J + p - 1 - K) * bins
                    for i in 0..<bins {
                        let si = sym[i], ai = asym[i]
                        values[i] += v.s * si + v.a * ai
                        muSecond[i] += c * ai
                        b[i] = v.ds * si + v.da * ai
                    }
                } else if p == 0 {
                    for i in 0..<bins {
                        let si = sym[i], ai = asym[i]
                        values[i] += v.s * si + v.a * ai
                        muSecond[i] += c * ai
                        a[i] += v.ds * si + v.da * ai
                    }
                } else {
                    for i in 0..<bins {
                        let si = sym[i], ai = asym[i], d1 = v.ds * si + v.da * ai
                        values[i] += v.s * si + v.a * ai
                        muSecond[i] += c * ai
                        a[i] += power * d1
                        aPrime[i] += slope * d1
                    }
                }
            } else {
                let delta = side > 0 ? table : table + bins
                for i in 0..<bins { values[i] += alpha * delta[i] }
                if isBackground {
                    (w.shapeB + (s * J + p - 1 - K) * bins).update(from: delta, count: bins)
                } else if p == 0 {
                    for i in 0..<bins { a[i] += delta[i] }
                } else {
                    for i in 0..<bins {
                        a[i] += power * delta[i]
                        aPrime[i] += slope * delta[i]
                    }
                }
            }
        }
    }

    /// θ^k, k θ^{k−1}, k(k−1) θ^{k−2} (k = 1…K) into `workspace.powers`.
    func fillPowers(_ theta: Double) {
        let K = workspace.terms, powers = workspace.powers
        var p = 1.0, previous = 0.0
        for k in 1...max(K, 1) where K > 0 {
            let kk = Double(k)
            powers[2 * K + k - 1] = kk * (kk - 1) * previous
            powers[K + k - 1] = kk * p
            previous = p
            p *= theta
            powers[k - 1] = p
        }
    }

    /// μ_i, A_i, A′_i, A″_i from the morphed templates of the last `morph` at the same x.
    @inline(__always)
    func expectation(_ x: UnsafePointer<Double>, bin i: Int) -> (mu: Double, a: Double, aPrime: Double, aSecond: Double) {
        let w = workspace, bins = w.bins, K = w.terms, J = w.backgrounds
        var a = w.values[i], aPrime = 0.0, aSecond = 0.0
        for k in 0..<K {
            let v = w.values[(1 + k) * bins + i]
            a += w.powers[k] * v
            aPrime += w.powers[K + k] * v
            aSecond += w.powers[2 * K + k] * v
        }
        var mu = x[1] * a
        for j in 0..<J { mu += x[2 + j] * w.values[(1 + K + j) * bins + i] }
        return (mu, a, aPrime, aSecond)
    }

    /// λ(x) (formulas of `evaluate(_:derivatives:)`) and, when the buffers are given, ∇λ and ∇²λ
    /// (row-major, both triangles). Per bin: μ_i, f_i, f′_i, f″_i and the columns ∂μ_i/∂x_a; then
    /// ∇λ_a = Σ_i f′_i ∂_aμ_i and ∇²λ_ab = Σ_i f″_i ∂_aμ_i ∂_bμ_i + Σ_i f′_i ∂_a∂_bμ_i as dot
    /// products over the bins (`DotProduct`). nil at an impossible point, whose first bin goes to
    /// `workspace.infeasibleBin`. Allocation-free.
    func evaluate(at x: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>?,
                  hessian: UnsafeMutablePointer<Double>?) -> Double? {
        let w = workspace, bins = w.bins, K = w.terms, J = w.backgrounds, S = w.systematics, D = w.parameters
        let first = w.firstShape, n = x[1]
        let derivatives = gradient != nil && hessian != nil
        morph(x, derivatives: derivatives)
        w.infeasibleBin = -1
        let zeroFirst = statistic == .poisson ? 2.0 : 1.0
        var value = 0.0
        for i in 0..<bins {
            let e = expectation(x, bin: i), d = w.observed[i]
            guard e.mu > 0 || (e.mu == 0 && d == 0) else {
                w.infeasibleBin = i
                return nil
            }
            let term = e.mu > 0 ? statistic.binTerm(expected: e.mu, observed: d) : (value: 0, first: zeroFirst, second: 0)
            value += term.value
            guard derivatives else { continue }
            w.expected[i] = e.mu
            w.binFirst[i] = term.first
            w.binSecond[i] = term.second
            w.aPrime[i] = e.aPrime
            w.aSecond[i] = e.aSecond
            w.columns[i] = n * e.aPrime
            w.columns[bins + i] = e.a
        }
        for a in 1..<D {
            let inverseVariance = w.inverseVariances[a]
            guard inverseVariance > 0 else { continue }
            let dv = x[a] - w.observables[a]
            value += inverseVariance * dv * dv
        }
        guard derivatives, let gradient, let hessian else { return value }
        for j in 0..<J { (w.columns + (2 + j) * bins).update(from: w.values + (1 + K + j) * bins, count: bins) }
        for s in 0..<S {
            let column = w.columns + (first + s) * bins, a = w.shapeA + s * bins
            for i in 0..<bins { column[i] = n * a[i] }
            for j in 0..<J where w.movesBackground[s * J + j] {
                let b = x[2 + j], db = w.shapeB + (s * J + j) * bins
                for i in 0..<bins { column[i] += b * db[i] }
            }
        }
        let f1 = UnsafePointer(w.binFirst), f2 = UnsafePointer(w.binSecond)
        for r in 0..<D {
            let column = w.columns + r * bins, weighted = w.weightedColumns + r * bins
            for i in 0..<bins { weighted[i] = f2[i] * column[i] }
            gradient[r] = DotProduct.sum(f1, column, count: bins)
        }
        // Rows r, r + 1 together: each column c is loaded once for both.
        var r = 0
        while r < D {
            let weighted = UnsafePointer(w.weightedColumns + r * bins)
            guard r + 1 < D else {
                hessian[r * D + r] = DotProduct.sum(weighted, w.columns + r * bins, count: bins)
                break
            }
            let next = UnsafePointer(w.weightedColumns + (r + 1) * bins)
            hessian[r * D + r] = DotProduct.sum(weighted, w.columns + r * bins, count: bins)
            for c in (r + 1)..<D {
                (hessian[r * D + c], hessian[(r + 1) * D + c]) = DotProduct.pair(weighted, next, w.columns + c * bins, count: bins)
            }
            r += 2
        }
        // f′ ∇²μ, upper triangle.
        if K > 1 { hessian[0] += n * DotProduct.sum(f1, w.aSecond, count: bins) }
        hessian[1] += DotProduct.sum(f1, w.aPrime, count: bins)
        for s in 0..<S {
            let c = first + s
            hessian[c] += n * DotProduct.sum(f1, w.shapeAPrime + s * bins, count: bins)
            hessian[D + c] += DotProduct.sum(f1, w.shapeA + s * bins, count: bins)
            hessian[c * D + c] += DotProduct.sum(f1, w.shapeMuSecond + s * bins, count: bins)
            for j in 0..<J where w.movesBackground[s * J + j] {
                hessian[(2 + j) * D + c] += DotProduct.sum(f1, w.shapeB + (s * J + j) * bins, count: bins)
            }
        }
        for a in 1..<D {
            let inverseVariance = w.inverseVariances[a]
            guard inverseVariance > 0 else { continue }
            gradient[a] += 2 * inverseVariance * (x[a] - w.observables[a])
            hessian[a * D + a] += 2 * inverseVariance
        }
        for r in 0..<D { for c in 0..<r { hessian[r * D + c] = hessian[c * D + r] } }
        return value
    }

    /// μ_e(x) of one bin and, when the buffers are given, ∇μ_e (D) and ∇²μ_e (D², both triangles):
    /// the per-bin formulas of `evaluate(_:derivatives:)` from the histosys's δ, δ′, δ″ at that bin.
    /// Reads no workspace state but the nominal templates, so it may be called between evaluations.
    func binExpansion(_ x: UnsafePointer<Double>, bin e: Int, gradient: UnsafeMutablePointer<Double>?,
                      hessian: UnsafeMutablePointer<Double>?) -> Double {
        let w = workspace, bins = w.bins, K = w.terms, J = w.backgrounds, S = w.systematics, P = w.samples
        let D = w.parameters, first = w.firstShape, theta = x[0], n = x[1]
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: P) { templates in
            for p in 0..<P { templates[p] = w.nominal[p * bins + e] }
            for s in 0..<S {
                for p in 0..<P { if let h = w.modifiers[s * P + p] { templates[p] += h.delta(x[first + s], bin: e) } }
            }
            func thetaPower(_ m: Int) -> Double {
                var v = 1.0
                for _ in 0..<max(m, 0) { v *= theta }
                return v
            }
            var a = templates[0], aPrime = 0.0, aSecond = 0.0
            for k in 1...max(K, 1) where K > 0 {
                let kk = Double(k), t = templates[k]
                a += thetaPower(k) * t
                aPrime += kk * thetaPower(k - 1) * t
                if k > 1 { aSecond += kk * (kk - 1) * thetaPower(k - 2) * t }
            }
            var mu = n * a
            for j in 0..<J { mu += x[2 + j] * templates[1 + K + j] }
            guard let gradient, let hessian else { return mu }
            gradient.update(repeating: 0, count: D)
            hessian.update(repeating: 0, count: D * D)
            gradient[0] = n * aPrime
            gradient[1] = a
            for j in 0..<J { gradient[2 + j] = templates[1 + K + j] }
            hessian[0] = n * aSecond
            hessian[1] = aPrime
            hessian[D] = aPrime
            for s in 0..<S {
                let alpha = x[first + s], c = first + s
                var dA = 0.0, dAPrime = 0.0, dMu = 0.0, second = 0.0
                for p in 0..<P {
                    guard let h = w.modifiers[s * P + p] else { continue }
                    let d1 = h.derivative(alpha, bin: e), d2 = h.secondDerivative(alpha, bin: e)
                    if p == 0 {
                        dA += d1
                        second += n * d2
                    } else if p <= K {
                        let v = thetaPower(p)
                        dA += v * d1
                        dAPrime += Double(p) * thetaPower(p - 1) * d1
                        second += n * v * d2
                    } else {
                        let j = p - 1 - K
                        dMu += x[2 + j] * d1
                        second += x[2 + j] * d2
                        hessian[(2 + j) * D + c] = d1
                        hessian[c * D + 2 + j] = d1
                    }
                }
                gradient[c] = n * dA + dMu
                hessian[c] = n * dAPrime
                hessian[c * D] = n * dAPrime
                hessian[D + c] = dA
                hessian[c * D + 1] = dA
                hessian[c * D + c] = second
            }
            return mu
        }
    }
}
