import Foundation

/// The profile likelihood of a `BinnedModel` for one data set: the engine of every fit.
///
///     λ(θ, ν) = Σ_i f(μ_i(θ, ν), d_i) + Σ_a (ν_a − ν₀_a)²/σ_a²,    λ_p(θ) = min_ν λ(θ, ν)
///
/// with f the per-bin term of the chosen `TestStatistic` and ν = (n, b⃗) constrained around
/// the global observables ν₀. Cowan, Cranmer, Gross & Vitells, EPJC 71, 1554 (2011), eq. 7–8.
///
/// Profiling is analytic where exact: for the Poisson statistic with only the normalization n
/// (no background templates), ∂λ/∂n = 0 is the quadratic n²/σ² + n(T − n₀/σ²) − D = 0 with
/// T = Σ_i t_i, t_i = S_i + Σ_k θ^k T_k,i, D = Σ_i d_i, whose positive root is taken in its
/// cancellation-free form. Otherwise a projected Newton method with backtracking minimizes
/// over the few free nuisances (the problem is convex: μ is linear in ν and f convex in μ),
/// with GSL's Nelder–Mead simplex as a fallback.
///
/// Not thread-safe: mutable scratch buffers; give each worker its own instance and reuse it
/// across toys via `setData(_:globalObservables:)` — nothing carries over between data sets,
/// so results do not depend on which toys a worker processed before.
public final class ProfileLikelihood {
    public let model: BinnedModel
    public let statistic: TestStatistic

    let bins: Int
    let termCount: Int
    let backgroundCount: Int
    /// S_i, T_k,i (term-major), B_j,i (component-major), d_i, and per-θ scratch t, t′, t″.
    let standardModel: UnsafeMutablePointer<Double>
    let terms: UnsafeMutablePointer<Double>
    let backgroundTemplates: UnsafeMutablePointer<Double>
    let data: UnsafeMutablePointer<Double>
    let signalSide: UnsafeMutablePointer<Double>
    let signalSideFirst: UnsafeMutablePointer<Double>
    let signalSideSecond: UnsafeMutablePointer<Double>
    /// Σ_i S_i and Σ_i T_k,i.
    let standardModelTotal: Double
    let termTotals: [Double]

    /// D = Σ d_i of the current data set.
    var dataTotal = 0.0
    /// The global observables of the current data set.
    public private(set) var globalObservables: NuisanceParameters

    /// Where the next joint fit (`bestFitJoint`) starts: (c = nθ, n, b₁…b_J), e.g. a toy's
    /// Fisher-scoring step (`ToyRunner`); nil: c = 0 and the constraints' nominal values.
    /// `setData` clears it.
    var jointStart: [Double]?
    /// Nuisances that float: 0 stands for n, j + 1 for b_j.
    let freeSlots: [Int]
    /// Scratch and state in manually managed buffers, so the fit's inner loops run without
    /// allocation, reference counting or exclusivity checks (P = 1 + backgrounds nuisances,
    /// m = free ones, q = m + 1 for the joint fit's extra signal coordinate):
    /// 1/σ² of each nuisance (n first) and its global observable (P each);
    let inverseVariances: UnsafeMutablePointer<Double>
    let globalVector: UnsafeMutablePointer<Double>
    /// the constraints' nominal values, where the joint fit starts (P);
    let nominalVector: UnsafeMutablePointer<Double>
    /// the nuisances of the last profile, a warm start within one data set (P);
    let currentNuisances: UnsafeMutablePointer<Double>
    /// the working and trial nuisances of a Newton iteration (P each);
    let workingNuisances: UnsafeMutablePointer<Double>
    let trial: UnsafeMutablePointer<Double>
    /// the free slots (m), H_θa for the Schur complement (m);
    let freeSlotList: UnsafeMutablePointer<Int>
    let mixed: UnsafeMutablePointer<Double>
    /// gradient, Hessian (row-major), step, active-bound and at-bound flags, a Cholesky factor,
    /// a right-hand side and an index list (q, q², q, q, q, q², q, q).
    let gradient: UnsafeMutablePointer<Double>
    let hessian: UnsafeMutablePointer<Double>
    let step: UnsafeMutablePointer<Double>
    let active: UnsafeMutablePointer<Bool>
    let atBound: UnsafeMutablePointer<Bool>
    let factor: UnsafeMutablePointer<Double>
    let rightHandSide: UnsafeMutablePointer<Double>
    let indexList: UnsafeMutablePointer<Int>
    /// The joint fit's columns ∂μ_i/∂(c, ν_free) (q × bins): T_1,i, then S_i for n and B_j,i for b_j.
    let jointColumns: UnsafeMutablePointer<Double>
    /// μ_i at the joint fit's current and trial points (bins each).
    let expectedCurrent: UnsafeMutablePointer<Double>
    let expectedTrial: UnsafeMutablePointer<Double>
    /// f′ and f″ per bin at the joint fit's point (bins each).
    let binFirst: UnsafeMutablePointer<Double>
    let binSecond: UnsafeMutablePointer<Double>
    /// The number of nuisances P and of free ones m.
    let nuisanceCount: Int
    let freeCount: Int

    /// Whether the closed-form normalization profile applies (Poisson, no backgrounds).
    let usesClosedForm: Bool
    /// Whether n is fixed at its global observable (σₙ = 0).
    let normalizationFixed: Bool

    public init(model: BinnedModel, statistic: TestStatistic = .poisson) {
        self.model = model
        self.statistic = statistic
        bins = model.binCount
        termCount = model.termCount
        backgroundCount = model.backgrounds.count
        func copy(_ values: [Double]) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(values.count, 1))
            p.initialize(repeating: 0, count: max(values.count, 1))
            for (k, v) in values.enumerated() { p[k] = v }
            return p
        }
        standardModel = copy(model.standardModel)
        terms = copy(model.flatTerms)
        backgroundTemplates = copy(model.flatBackgrounds)
        let zeros = [Double](repeating: 0, count: bins)
        data = copy(zeros)
        signalSide = copy(zeros)
        signalSideFirst = copy(zeros)
        signalSideSecond = copy(zeros)
        standardModelTotal = model.standardModel.reduce(0, +)
        termTotals = model.parameterTerms.map { $0.reduce(0, +) }
        globalObservables = model.nominalNuisances
        let constraints = [model.normalization] + model.backgrounds.map(\.constraint)
        freeSlots = constraints.indices.filter { !constraints[$0].isFixed }
        nuisanceCount = constraints.count
        freeCount = freeSlots.count
        let q = freeCount + 1
        inverseVariances = copy(constraints.map(\.inverseVariance))
        currentNuisances = copy(constraints.map(\.nominal))
        globalVector = copy(constraints.map(\.nominal))
        nominalVector = copy(constraints.map(\.nominal))
        workingNuisances = copy(constraints.map(\.nominal))
        trial = copy(constraints.map(\.nominal))
        freeSlotList = .allocate(capacity: q)
        freeSlotList.initialize(repeating: 0, count: q)
        for (a, slot) in freeSlots.enumerated() { freeSlotList[a] = slot }
        mixed = copy(.init(repeating: 0, count: q))
        gradient = copy(.init(repeating: 0, count: q))
        hessian = copy(.init(repeating: 0, count: q * q))
        step = copy(.init(repeating: 0, count: q))
        active = .allocate(capacity: q)
        active.initialize(repeating: false, count: q)
        atBound = .allocate(capacity: q)
        atBound.initialize(repeating: false, count: q)
        factor = copy(.init(repeating: 0, count: q * q))
        rightHandSide = copy(.init(repeating: 0, count: q))
        indexList = .allocate(capacity: q)
        indexList.initialize(repeating: 0, count: q)
        var columns = Array(model.flatTerms.prefix(bins))
        for slot in freeSlots { columns += slot == 0 ? model.standardModel : model.backgrounds[slot - 1].template }
        jointColumns = copy(columns)
        expectedCurrent = copy(zeros)
        expectedTrial = copy(zeros)
        binFirst = copy(zeros)
        binSecond = copy(zeros)
        usesClosedForm = statistic == .poisson && model.backgrounds.isEmpty
        normalizationFixed = model.normalization.isFixed
    }

    deinit {
        for p in [standardModel, terms, backgroundTemplates, data, signalSide, signalSideFirst, signalSideSecond,
                  inverseVariances, currentNuisances, globalVector, nominalVector, workingNuisances, trial, mixed, gradient, hessian,
                  step, factor, rightHandSide, jointColumns, expectedCurrent, expectedTrial, binFirst, binSecond] {
            p.deallocate()
        }
        freeSlotList.deallocate()
        indexList.deallocate()
        active.deallocate()
        atBound.deallocate()
    }

    /// Loads a data set (counts per bin, ≥ 0, non-integer allowed for Asimov data) and its
    /// global observables (default: the model's nominal values, as for Asimov data).
    public func setData(_ counts: [Double], globalObservables observables: NuisanceParameters? = nil) throws(StatisticsError) {
        guard counts.count == bins else { throw StatisticsError("data have \(counts.count) bins, the model \(bins)") }
        let observables = observables ?? model.nominalNuisances
        guard observables.backgrounds.count == backgroundCount else {
            throw StatisticsError("expected \(backgroundCount) background global observables, got \(observables.backgrounds.count)")
        }
        var total = 0.0
        for i in 0..<bins {
            let d = counts[i]
            guard d.isFinite, d >= 0 else { throw StatisticsError("data must be finite and ≥ 0; bin \(i) holds \(d)") }
            data[i] = d
            total += d
        }
        setLoadedData(total: total, globalObservables: observables)
    }

    /// Loads Poisson counts drawn into `counts` without allocating (the toy hot path).
    func setData(counts: UnsafeBufferPointer<Double>, globalObservables observables: NuisanceParameters) {
        var total = 0.0
        for i in 0..<bins {
            let d = counts[i]
            data[i] = d
            total += d
        }
        setLoadedData(total: total, globalObservables: observables)
    }

    private func setLoadedData(total: Double, globalObservables observables: NuisanceParameters) {
        jointStart = nil
        dataTotal = total
        globalObservables = observables
        globalVector[0] = observables.normalization
        for j in 0..<backgroundCount { globalVector[j + 1] = observables.backgrounds[j] }
        for a in 0..<nuisanceCount { currentNuisances[a] = globalVector[a] }
        // A fixed nuisance sits at its global observable; a free one starts there.
    }

    /// The current data (a copy).
    public var currentData: [Double] { Array(UnsafeBufferPointer(start: data, count: bins)) }

    /// λ_p(θ) with its θ-derivatives and ν̂(θ). `needValue: false` skips the logarithms of
    /// the closed-form path when only derivatives are needed (value is then NaN).
    public func profile(theta: Double, needValue: Bool = true) -> ProfilePoint {
        guard theta.isFinite, theta >= 0 else {
            return invalidPoint(theta)
        }
        return usesClosedForm ? profileClosedForm(theta: theta, needValue: needValue) : profileNumerically(theta: theta)
    }

    func invalidPoint(_ theta: Double) -> ProfilePoint {
        ProfilePoint(theta: theta, value: .infinity, derivative: .nan, secondDerivative: .nan,
                     nuisances: nuisanceParameters(currentNuisances), status: .converged)
    }

    func nuisanceParameters(_ values: UnsafeMutablePointer<Double>) -> NuisanceParameters {
        NuisanceParameters(normalization: values[0],
                           backgrounds: backgroundCount == 0 ? [] : Array(UnsafeBufferPointer(start: values + 1, count: backgroundCount)))
    }
}
