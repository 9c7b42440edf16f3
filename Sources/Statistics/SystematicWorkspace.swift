/// The work buffers of one `SystematicLikelihood`, allocated once and reused by every evaluation
/// and fit (on new data too), so the hot loops allocate nothing. N bins, P = 1 + K + J samples,
/// S shape systematics, J backgrounds, D parameters.
final class SystematicWorkspace {
    /// N, K, J, S, P, D, and the index of α₁ in x.
    let bins: Int, terms: Int, backgrounds: Int, systematics: Int, samples: Int, parameters: Int, firstShape: Int
    /// The nominal templates (layout of `values`) and the observed counts d_i.
    let nominal: UnsafeMutablePointer<Double>
    let observed: UnsafeMutablePointer<Double>
    /// Per parameter a: its constraint's global observable and inverse variance (0: free or fixed).
    let observables: UnsafeMutablePointer<Double>
    let inverseVariances: UnsafeMutablePointer<Double>
    /// The histosys of systematic s on sample p at s·P + p (nil: s does not move p).
    let modifiers: [HistoSysInterpolation?]
    /// The same modifiers in one buffer, m = 0..<modifierCount: systematic, sample, code, and the
    /// `HistoSysInterpolation.table` (4N values) at m·4N.
    let modifierCount: Int
    let modifierSystematic: UnsafeMutablePointer<Int>
    let modifierSample: UnsafeMutablePointer<Int>
    let modifierCode: UnsafeMutablePointer<InterpolationCode>
    let modifierTables: UnsafeMutablePointer<Double>
    /// Per bin, Σ of the absolute nominal counts and ±1σ shifts of every sample: the size of the
    /// terms that may cancel in μ_i (`EdgeConstraints` sets its margins from it).
    let binScale: [Double]
    /// θ^k, k θ^{k−1}, k(k−1) θ^{k−2} for k = 1…K.
    let powers: UnsafeMutablePointer<Double>
    /// The templates at α⃗, sample-major (SM, T₁…T_K, B₁…B_J; N each).
    let values: UnsafeMutablePointer<Double>
    /// ∂μ_i/∂x_a, parameter-major (D columns of N).
    let columns: UnsafeMutablePointer<Double>
    /// Per systematic s (S columns of N each): ∂_s A_i, ∂_s A′_i, ∂²μ_i/∂α_s².
    let shapeA: UnsafeMutablePointer<Double>
    let shapeAPrime: UnsafeMutablePointer<Double>
    let shapeMuSecond: UnsafeMutablePointer<Double>
    /// ∂_s B_j,i (S·J columns of N, s-major); only where `movesBackground[s·J + j]`.
    let shapeB: UnsafeMutablePointer<Double>
    let movesBackground: UnsafeMutablePointer<Bool>
    /// A′_i, A″_i (θ-derivatives of A = S + Σ_k θ^k T_k), f′_i, f″_i.
    let aPrime: UnsafeMutablePointer<Double>
    let aSecond: UnsafeMutablePointer<Double>
    let binFirst: UnsafeMutablePointer<Double>
    let binSecond: UnsafeMutablePointer<Double>
    /// μ_i at the last evaluation with derivatives, and ∇μ_i·Δ of a step from there.
    let expected: UnsafeMutablePointer<Double>
    let expectedChange: UnsafeMutablePointer<Double>
    /// f″_i ∂μ_i/∂x_a (D columns of N): the Hessian's Σ_i f″_i ∂_aμ_i ∂_bμ_i as two-way dot products.
    let weightedColumns: UnsafeMutablePointer<Double>
    /// The minimizer's point, trial point and step (D each), gradients (D) and Hessians (D²) at the
    /// current and the trial point, a Cholesky factor (D²) and two right-hand sides (D).
    let point: UnsafeMutablePointer<Double>
    let trial: UnsafeMutablePointer<Double>
    let step: UnsafeMutablePointer<Double>
    var currentGradient: UnsafeMutablePointer<Double>
    var currentHessian: UnsafeMutablePointer<Double>
    var trialGradient: UnsafeMutablePointer<Double>
    var trialHessian: UnsafeMutablePointer<Double>
    let factor: UnsafeMutablePointer<Double>
    /// The Hessian of the free coordinates before damping (D²).
    let reduced: UnsafeMutablePointer<Double>
    let solution: UnsafeMutablePointer<Double>
    let rightHandSide: UnsafeMutablePointer<Double>
    /// Free coordinates of the current Newton step (indices into x), and the active flags.
    let free: UnsafeMutablePointer<Int>
    let active: UnsafeMutablePointer<Bool>
    /// The first bin where the last evaluation found μ_i < 0 (or μ_i = 0 with d_i > 0); −1 if none.
    var infeasibleBin = -1
    /// Whether `currentHessian` belongs to the last minimum (`warmStart`), for `predictedStart`.
    var hessianAtWarmStart = false
    /// τ of the last `factorDamped` (0: the Hessian itself was positive definite).
    var lastDamping = 0.0

    private var owned: [UnsafeMutablePointer<Double>] = []

    init(model: SystematicModel) {
        let n = model.binCount, s = model.systematics.count, j = model.base.backgrounds.count
        let p = 1 + model.base.termCount + j, d = model.parameterCount
        (bins, terms, backgrounds, systematics, samples, parameters, firstShape) = (n, model.base.termCount, j, s, p, d, 2 + j)
        var owned: [UnsafeMutablePointer<Double>] = []
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let b = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            b.initialize(repeating: 0, count: max(count, 1))
            owned.append(b)
            return b
        }
        nominal = buffer(p * n)
        let templates = model.base.standardModel + model.base.parameterTerms.flatMap { $0 } + model.base.backgrounds.flatMap(\.template)
        for (i, v) in templates.enumerated() { nominal[i] = v }
        observed = buffer(n)
        observables = buffer(d)
        inverseVariances = buffer(d)
        let all = model.systematics.flatMap { shape in [shape.standardModel] + shape.parameterTerms + shape.backgrounds }
        modifiers = all
        let present = all.indices.filter { all[$0] != nil }
        modifierCount = present.count
        modifierSystematic = .allocate(capacity: max(present.count, 1))
        modifierSample = .allocate(capacity: max(present.count, 1))
        modifierCode = .allocate(capacity: max(present.count, 1))
        modifierTables = buffer(present.count * 4 * n)
        for (m, index) in present.enumerated() {
            let h = all[index]!
            modifierSystematic[m] = index / p
            modifierSample[m] = index % p
            modifierCode[m] = h.code
            for (b, v) in h.table.enumerated() { modifierTables[m * 4 * n + b] = v }
        }
        var scale = (0..<n).map { i in (0..<p).reduce(0.0) { $0 + abs(templates[$1 * n + i]) } }
        for case let h? in all { for i in 0..<n { scale[i] += abs(h.deltaUp[i]) + abs(h.deltaDown[i]) } }
        binScale = scale
        powers = buffer(3 * model.base.termCount)
        values = buffer(p * n)
        columns = buffer(d * n)
        shapeA = buffer(s * n)
        shapeAPrime = buffer(s * n)
        shapeMuSecond = buffer(s * n)
        shapeB = buffer(s * j * n)
        let moves = model.systematics.flatMap { shape in shape.backgrounds.map { $0 != nil } }
        movesBackground = .allocate(capacity: max(moves.count, 1))
        for (k, v) in moves.enumerated() { movesBackground[k] = v }
        aPrime = buffer(n)
        aSecond = buffer(n)
        binFirst = buffer(n)
        binSecond = buffer(n)
        expected = buffer(n)
        expectedChange = buffer(n)
        weightedColumns = buffer(d * n)
        point = buffer(d)
        trial = buffer(d)
        step = buffer(d)
        currentGradient = buffer(d)
        currentHessian = buffer(d * d)
        trialGradient = buffer(d)
        trialHessian = buffer(d * d)
        factor = buffer(d * d)
        reduced = buffer(d * d)
        solution = buffer(d)
        rightHandSide = buffer(d)
        free = .allocate(capacity: max(d, 1))
        free.initialize(repeating: 0, count: max(d, 1))
        active = .allocate(capacity: max(d, 1))
        active.initialize(repeating: false, count: max(d, 1))
        self.owned = owned
    }

    /// The trial point's gradient and Hessian become the current ones.
    func acceptTrialDerivatives() {
        swap(&currentGradient, &trialGradient)
        swap(&currentHessian, &trialHessian)
    }

    deinit {
        for b in owned { b.deallocate() }
        free.deallocate()
        modifierSystematic.deallocate()
        modifierSample.deallocate()
        modifierCode.deallocate()
        movesBackground.deallocate()
        active.deallocate()
    }
}
