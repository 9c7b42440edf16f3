extension SystematicLikelihood {
    /// One step of `minimize` into `workspace.step` from the current point and its derivatives
    /// (`workspace.point`, `currentGradient`, `currentHessian`): −H_FF⁻¹ ∇_F λ on the free
    /// coordinates F (not held; not on a lower bound with ∇λ pointing outside), with
    /// H_FF + τ diag(H_FF), τ raised from 0 (10⁻⁸, ×10 up to 10⁸) until it is positive definite;
    /// on the edge, H the Lagrangian's Hessian and the step constrained (`EdgeConstraints`). A free
    /// coordinate on its bound that the step would cross is held, one held on its bound with a
    /// negative Lagrange multiplier released, and the step solved again.
    /// Returns the Newton decrement −∇λ·Δ, nil if no τ makes H positive definite.
    func newtonStep(held: [Bool], lowerBounds: [Double], edges: inout EdgeConstraints) -> Double? {
        let w = workspace, D = w.parameters, x = w.point, g = w.currentGradient, h = w.currentHessian, step = w.step
        if !edges.isEmpty { edges.linearize(at: x, likelihood: self) }
        for a in 0..<D { w.active[a] = held[a] || (x[a] <= lowerBounds[a] && edges.lagrangianSlope(g[a], coordinate: a) > 0) }
        var released = [Bool](repeating: false, count: edges.isEmpty ? 0 : D)
        while true {
            var k = 0
            for a in 0..<D where !w.active[a] {
                w.free[k] = a
                k += 1
            }
            step.update(repeating: 0, count: D)
            guard k > 0 else { return 0 }
            for r in 0..<k {
                for c in 0..<k {
                    let a = w.free[r], b = w.free[c]
                    w.reduced[r * k + c] = h[a * D + b] - (edges.isEmpty ? 0 : edges.curvature(a, b))
                }
            }
            guard factorDamped(k) else { return nil }
            for a in 0..<D { w.rightHandSide[a] = -g[a] }
            applyInverse(w.rightHandSide, into: step, free: k)
            if !edges.isEmpty {
                guard edges.constrain(step: step, inverse: { applyInverse($0, into: $1, free: k) }) else { return nil }
            }
            var resolve = false
            for a in 0..<D where !w.active[a] && x[a] <= lowerBounds[a] && step[a] < 0 {
                w.active[a] = true
                resolve = true
            }
            // On the edge a bound's multiplier is the Lagrangian's slope ∂_aλ − Σ_e ν_e ∂_aμ_e:
            // a coordinate held on its bound with a negative one is released (once per step).
            if !resolve, edges.isWorking,
               let a = (0..<D).filter({ w.active[$0] && !held[$0] && !released[$0] })
                              .min(by: { edges.lagrangianSlope(g[$0], coordinate: $0) < edges.lagrangianSlope(g[$1], coordinate: $1) }),
               edges.lagrangianSlope(g[a], coordinate: a) < 0 {
                w.active[a] = false
                released[a] = true
                resolve = true
            }
            if !resolve { break }
        }
        var decrement = 0.0
        for a in 0..<D { decrement -= g[a] * step[a] }
        return decrement
    }

    /// The Cholesky factor L (L Lᵀ = H_FF + τ diag(H_FF), Golub & Van Loan §4.2) of the k × k
    /// `workspace.reduced` into `workspace.factor`, with the smallest τ of 0, 10⁻⁸, 10⁻⁷, …, 10⁸
    /// that makes it positive definite; false if none does.
    func factorDamped(_ k: Int) -> Bool {
        let w = workspace, a = w.reduced, l = w.factor
        var tau = 0.0
        while tau <= 1e8 {
            w.lastDamping = tau
            if CholeskySolve.factor(a, into: l, dimension: k, damping: tau) { return true }
            tau = tau == 0 ? 1e-8 : tau * 10
        }
        return false
    }

    /// out = (L Lᵀ)⁻¹ v on the k free coordinates of `workspace.free` (full-length vectors, out 0
    /// on the others), L the factor of `factorDamped`.
    func applyInverse(_ v: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, free k: Int) {
        let w = workspace, l = w.factor, y = w.solution
        for p in 0..<k {
            var sum = v[w.free[p]]
            for s in 0..<p { sum -= l[p * k + s] * y[s] }
            y[p] = sum / l[p * k + p]
        }
        for p in stride(from: k - 1, through: 0, by: -1) {
            var sum = y[p]
            for s in (p + 1)..<k { sum -= l[s * k + p] * y[s] }
            y[p] = sum / l[p * k + p]
        }
        out.update(repeating: 0, count: w.parameters)
        for p in 0..<k { out[w.free[p]] = y[p] }
    }
}
