extension SystematicLikelihood {
    /// λ at x and, with `derivatives`, its gradient and Hessian (row-major, `dimension`²).
    public struct Evaluation: Sendable {
        public var value: Double
        public var gradient: [Double]
        public var hessian: [Double]
    }

    /// 1 + K + J.
    var sampleCount: Int { 1 + model.base.termCount + model.base.backgrounds.count }

    /// μ_i(x), the expected counts (nil where some μ_i < 0).
    public func expected(_ x: [Double]) -> [Double]? {
        precondition(x.count == dimension, "x needs \(dimension) parameters")
        let mu = x.withUnsafeBufferPointer { p -> [Double] in
            morph(p.baseAddress!, derivatives: false)
            return (0..<model.binCount).map { expectation(p.baseAddress!, bin: $0).mu }
        }
        return mu.allSatisfy { $0 >= 0 } ? mu : nil
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
        precondition(x.count == dimension, "x needs \(dimension) parameters")
        let D = dimension
        var gradient = [Double](repeating: 0, count: derivatives ? D : 0)
        var hessian = [Double](repeating: 0, count: derivatives ? D * D : 0)
        let value = x.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                hessian.withUnsafeMutableBufferPointer { h in
                    evaluate(at: p.baseAddress!, gradient: derivatives ? g.baseAddress : nil, hessian: derivatives ? h.baseAddress : nil)
                }
            }
        }
        guard let value else { return nil }
        return Evaluation(value: value, gradient: gradient, hessian: hessian)
    }
}
