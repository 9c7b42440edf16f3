extension SystematicLikelihood {
    /// The start of a fit with θ held at x[0] from the last minimum x̂ (at θ̂ = `previousTheta`):
    /// x̂ moved along the first-order path of the profiled minimum, from ∇_F λ(θ, x_F(θ)) = 0
    /// (implicit function theorem),
    ///
    ///     Δx_F = −H_FF⁻¹ H_Fθ (θ − θ̂),
    ///
    /// H the last fit's Hessian (at its last Newton point), F the free nuisances off their bounds
    /// (docs/physics.md §16.6). nil when H_FF is not positive definite.
    func predictedStart(_ x: [Double], from previousTheta: Double, held: [Bool], lowerBounds: [Double]) -> [Double]? {
        let D = dimension, h = workspace.currentHessian
        let free = (1..<D).filter { !held[$0] && x[$0] > lowerBounds[$0] }
        guard !free.isEmpty else { return nil }
        let k = free.count, shift = x[0] - previousTheta
        var matrix = [Double](repeating: 0, count: k * k), rightHandSide = [Double](repeating: 0, count: k)
        for (r, a) in free.enumerated() {
            rightHandSide[r] = -h[a * D] * shift
            for (c, b) in free.enumerated() { matrix[r * k + c] = h[a * D + b] }
        }
        guard let step = CholeskySolve.solve(matrix, rightHandSide, dimension: k) else { return nil }
        var y = x
        for (r, a) in free.enumerated() { y[a] = max(lowerBounds[a], x[a] + step[r]) }
        return y
    }
}
