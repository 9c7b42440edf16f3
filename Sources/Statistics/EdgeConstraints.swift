/// The edge μ_e(x) ≥ 0 of a `SystematicLikelihood`'s domain at bins without events (d_e = 0):
/// there f = 2μ_e stays finite down to μ_e = 0, so the minimum may lie on the edge (a sample
/// extrapolated beyond |α| = 1 cancels the bin), where plain Newton steps keep leaving the domain
/// (docs/physics.md §16.6). A bin becomes a candidate when a trial point crosses its edge; each
/// Newton step then solves the equality-constrained (SQP) subproblem on the working set W of
/// candidates the step would otherwise take below their margin m_e,
///
///     min_Δ ∇λ·Δ + ½ Δᵀ H_L Δ   subject to   ∇μ_e·Δ = m_e − μ_e   (e ∈ W):
///     Δ = Δ₀ + Σ_e ν_e u_e,   u_e = H_L⁻¹ ∇μ_e,   Σ_f (∇μ_e·u_f) ν_f = m_e − μ_e − ∇μ_e·Δ₀,   Δ₀ = −H_L⁻¹ ∇λ,
///
/// H_L = ∇²λ − Σ_e ν_e ∇²μ_e the Hessian of the Lagrangian with the previous step's multipliers;
/// a negative multiplier leaves W, a candidate the step crosses joins it (Nocedal & Wright §16.5,
/// §18.1). Trial points that fall below the margin (the edge is curved) are pulled back along the
/// same u_e (second-order correction, N&W §18.3). The margin m_e = 10⁻¹³ of the bin's scale
/// (`SystematicWorkspace.binScale`) keeps μ_e > 0 through rounding and moves λ by ~ν m_e ≪ 10⁻¹⁰.
struct EdgeConstraints {
    /// Candidate bins and their margins m_e.
    private(set) var bins: [Int] = []
    private var margins: [Double] = []
    /// ν_e ≥ 0 of the last step (0 outside W).
    private(set) var multipliers: [Double] = []
    /// At the current point: μ_e, ∇μ_e (D each), ∇²μ_e (D² each).
    private var values: [Double] = []
    private var gradients: [Double] = []
    private var hessians: [Double] = []
    /// u_e of the last step (D each, 0 on held coordinates), the working set and its matrix ∇μ_e·u_f.
    private var directions: [Double] = []
    private var working: [Int] = []
    private var workingMatrix: [Double] = []
    let dimension: Int
    static let relativeMargin = 1e-13

    init(dimension: Int) { self.dimension = dimension }

    var isEmpty: Bool { bins.isEmpty }
    var isWorking: Bool { !working.isEmpty }

    /// Adds bin e as a candidate; false if it is one already, or D − 1 are (W ≤ the free coordinates).
    mutating func add(_ e: Int, scale: Double) -> Bool {
        guard !bins.contains(e), bins.count < dimension - 1 else { return false }
        bins.append(e)
        margins.append(Self.relativeMargin * scale)
        multipliers.append(0)
        return true
    }

    /// μ_e, ∇μ_e and ∇²μ_e of every candidate at x.
    mutating func linearize(at x: UnsafePointer<Double>, likelihood: SystematicLikelihood) {
        let D = dimension, m = bins.count
        values = [Double](repeating: 0, count: m)
        gradients = [Double](repeating: 0, count: m * D)
        hessians = [Double](repeating: 0, count: m * D * D)
        gradients.withUnsafeMutableBufferPointer { g in
            hessians.withUnsafeMutableBufferPointer { h in
                for (k, e) in bins.enumerated() {
                    values[k] = likelihood.binExpansion(x, bin: e, gradient: g.baseAddress! + k * D, hessian: h.baseAddress! + k * D * D)
                }
            }
        }
    }

    /// Σ_e ν_e ∂²μ_e/∂x_a∂x_b, the constraints' part of the Lagrangian's Hessian.
    func curvature(_ a: Int, _ b: Int) -> Double {
        var sum = 0.0
        for k in bins.indices where multipliers[k] > 0 { sum += multipliers[k] * hessians[k * dimension * dimension + a * dimension + b] }
        return sum
    }

    /// ∂_aλ − Σ_e ν_e ∂_aμ_e, the Lagrangian's slope in x_a (`gradient` = ∂_aλ): for θ, the slope
    /// of the profile on the edge (envelope theorem); on a bound, that bound's multiplier.
    func lagrangianSlope(_ gradient: Double, coordinate a: Int = 0) -> Double {
        var slope = gradient
        for k in bins.indices where multipliers[k] > 0 { slope -= multipliers[k] * gradients[k * dimension + a] }
        return slope
    }

    /// Turns Δ₀ in `step` into the constrained step Δ; `inverse(v, out)` applies H_L⁻¹ on the free
    /// coordinates (0 on the held ones). false if the working set's matrix is singular.
    mutating func constrain(step: UnsafeMutablePointer<Double>,
                            inverse: (UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) -> Bool {
        let D = dimension, m = bins.count
        directions = [Double](repeating: 0, count: m * D)
        gradients.withUnsafeBufferPointer { g in
            directions.withUnsafeMutableBufferPointer { u in
                for k in 0..<m { inverse(g.baseAddress! + k * D, u.baseAddress! + k * D) }
            }
        }
        func dot(_ k: Int, _ v: UnsafePointer<Double>) -> Double {
            var s = 0.0
            for a in 0..<D { s += gradients[k * D + a] * v[a] }
            return s
        }
        let initial = (0..<m).map { dot($0, step) }
        var cross = [Double](repeating: 0, count: m * m)
        directions.withUnsafeBufferPointer { u in
            for k in 0..<m { for l in 0..<m { cross[k * m + l] = dot(k, u.baseAddress! + l * D) } }
        }
        let usable = (0..<m).filter { cross[$0 * m + $0] > 0 }
        let target = (0..<m).map { margins[$0] - values[$0] }
        var set = usable.filter { initial[$0] < target[$0] }
        var nu = [Double](repeating: 0, count: m)
        var matrix: [Double] = []
        for _ in 0..<(2 * m + 2) {
            nu = [Double](repeating: 0, count: m)
            matrix = set.flatMap { k in set.map { l in cross[k * m + l] } }
            if !set.isEmpty {
                guard let solution = CholeskySolve.solve(matrix, set.map { target[$0] - initial[$0] }, dimension: set.count) else {
                    return false
                }
                if let worst = solution.indices.min(by: { solution[$0] < solution[$1] }), solution[worst] < 0 {
                    set.remove(at: worst)
                    continue
                }
                for (r, k) in set.enumerated() { nu[k] = solution[r] }
            }
            let slack = { (k: Int) in initial[k] + (0..<m).reduce(0) { $0 + nu[$1] * cross[k * m + $1] } - target[k] }
            if let crossed = usable.filter({ !set.contains($0) && slack($0) < -margins[$0] }).min(by: { slack($0) < slack($1) }) {
                set.append(crossed)
                continue
            }
            break
        }
        for k in 0..<m where nu[k] != 0 { for a in 0..<D { step[a] += nu[k] * directions[k * D + a] } }
        multipliers = nu
        working = set
        workingMatrix = matrix
        return true
    }

    /// Pulls `trial` back above the margins of the working set (up to three corrections along
    /// the u_e), keeping each coordinate ≥ its lower bound.
    func restore(_ trial: UnsafeMutablePointer<Double>, likelihood: SystematicLikelihood, lowerBounds: [Double]) {
        guard !working.isEmpty else { return }
        let D = dimension
        for _ in 0..<3 {
            let mu = working.map { likelihood.binExpansion(trial, bin: bins[$0], gradient: nil, hessian: nil) }
            guard working.indices.contains(where: { mu[$0] < 0.5 * margins[working[$0]] }) else { return }
            guard let beta = CholeskySolve.solve(workingMatrix, working.indices.map { margins[working[$0]] - mu[$0] },
                                                 dimension: working.count) else { return }
            for (r, k) in working.enumerated() {
                for a in 0..<D where directions[k * D + a] != 0 { trial[a] = max(lowerBounds[a], trial[a] + beta[r] * directions[k * D + a]) }
            }
        }
    }
}
