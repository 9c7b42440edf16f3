/// The start of a toy's fit: one Fisher-scoring step from the point x_t the toys are thrown at
/// (docs/physics.md §16.7),
///
///     x₁ = x_t − I_FF⁻¹ ∇_F λ(x_t),   ∇_a λ(x_t) = Σ_i f′(μ_i, d_i) ∂_aμ_i + 2 (x_a − a_a)/σ_a²,
///
/// I = ∇²λ(x_t) on x_t's own Asimov data (μ_i = d_i, global observables at x_t: the expected
/// Hessian, Σ_i f″ ∂_aμ_i ∂_bμ_i + 2/σ_a² δ_ab), F the free parameters. At x_t the expectations μ_i
/// and their derivatives ∂_aμ_i do not depend on the toy, so the gradient costs D·N products and no
/// morph, and I is factored once per run; it takes the place of the first Newton iteration, whose
/// evaluation at x_t would need the morph and the full Hessian. Where the step takes θ below 0, θ
/// is held at 0 and the other parameters take the step of I without θ's row and column (the second
/// factor); normalizations are clipped at 0. nil (start at x_t) for data impossible at x_t.
struct FisherScoringStart: Sendable {
    let truth: [Double]
    let expected: [Double]
    /// ∂μ_i/∂x_a at x_t, parameter-major (D columns of N).
    let columns: [Double]
    let statistic: TestStatistic
    let inverseVariances: [Double]
    let firstShapeIndex: Int
    let free: [Int]
    let freeFactor: [Double]
    /// `free` without θ (index 0), and its factor; empty when θ is not free.
    let freeWithoutTheta: [Int]
    let freeWithoutThetaFactor: [Double]

    /// nil when the expected Hessian at x_t is not positive definite (the fit then starts at x_t).
    init?(model: SystematicModel, statistic: TestStatistic, truth: [Double], expected: [Double]) {
        let likelihood = SystematicLikelihood(model: model, statistic: statistic)
        let J = model.base.backgrounds.count, first = 2 + J
        guard (try? likelihood.setData(expected,
                                       normalizationObservables: NuisanceParameters(normalization: truth[1],
                                                                                    backgrounds: Array(truth[2..<first])),
                                       shapeObservables: Array(truth[first...]))) != nil,
              let evaluation = likelihood.evaluate(truth) else { return nil }
        let D = likelihood.dimension, bins = model.binCount
        columns = Array(UnsafeBufferPointer(start: likelihood.workspace.columns, count: D * bins))
        inverseVariances = (0..<D).map { $0 == 0 ? 0 : likelihood.constraint($0).inverseVariance }
        let held = (0..<D).map { $0 > 0 && likelihood.constraint($0).isFixed }
        free = (0..<D).filter { !held[$0] }
        freeWithoutTheta = free.first == 0 ? Array(free.dropFirst()) : []
        func factor(_ indices: [Int]) -> [Double]? {
            let k = indices.count
            guard k > 0 else { return [] }
            var block = [Double](repeating: 0, count: k * k), l = [Double](repeating: 0, count: k * k)
            for (r, a) in indices.enumerated() { for (c, b) in indices.enumerated() { block[r * k + c] = evaluation.hessian[a * D + b] } }
            let positive = block.withUnsafeBufferPointer { a in
                l.withUnsafeMutableBufferPointer { CholeskySolve.factor(a.baseAddress!, into: $0.baseAddress!, dimension: k) }
            }
            return positive ? l : nil
        }
        guard let all = factor(free), let withoutTheta = factor(freeWithoutTheta) else { return nil }
        freeFactor = all
        freeWithoutThetaFactor = withoutTheta
        self.truth = truth
        self.expected = expected
        self.statistic = statistic
        firstShapeIndex = first
    }

    /// x₁ for a toy's counts `data` and global observables a⃗ (`observables[a]` for a ≥ 1, index 0
    /// unused); nil where some d_i > 0 has μ_i = 0. Allocates only its result.
    func start(data: [Double], observables: [Double]) -> [Double]? {
        let D = truth.count, bins = expected.count
        let zeroFirst = statistic.binDerivatives(expected: 1, observed: 0).first
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: bins + 2 * D) { scratch -> [Double]? in
            let slopes = scratch.baseAddress!, gradient = slopes + bins, y = gradient + D
            for i in 0..<bins {
                let mu = expected[i], d = data[i]
                if mu > 0 {
                    slopes[i] = statistic.binDerivatives(expected: mu, observed: d).first
                } else {
                    guard d == 0 else { return nil }
                    slopes[i] = zeroFirst
                }
            }
            columns.withUnsafeBufferPointer { columns in
                for a in 0..<D {
                    gradient[a] = DotProduct.sum(slopes, columns.baseAddress! + a * bins, count: bins)
                        + 2 * inverseVariances[a] * (truth[a] - observables[a])
                }
            }
            var x = truth
            /// x_t − (L Lᵀ)⁻¹ g over `indices` into x, the other coordinates at x_t.
            func step(_ indices: [Int], _ factor: [Double]) {
                for (r, a) in indices.enumerated() { y[r] = -gradient[a] }
                factor.withUnsafeBufferPointer { CholeskySolve.solve(factor: $0.baseAddress!, inPlace: y, dimension: indices.count) }
                for a in 0..<D { x[a] = truth[a] }
                for (r, a) in indices.enumerated() { x[a] += y[r] }
            }
            step(free, freeFactor)
            if x[0] < 0, !freeWithoutTheta.isEmpty { step(freeWithoutTheta, freeWithoutThetaFactor) }
            x[0] = max(x[0], 0)
            for a in 1..<firstShapeIndex { x[a] = max(x[a], 0) }
            return x
        }
    }
}
