/// The likelihood of a `SystematicModel` (docs/physics.md §16.5), as −2 ln L up to a constant:
///
///     λ(x) = Σ_i f(μ_i(x), d_i) + Σ_a (ν_a − ν₀_a)²/σ_a² + Σ_s (α_s − a_s)²,
///     x = (θ, n, b₁…b_J, α₁…α_S),
///
/// f the bin term of the `TestStatistic`, ν = (n, b⃗) with their Gaussian constraints (σ = 0 fixes
/// a normalization, σ = ∞ frees it), α⃗ the shape nuisances with standard normal constraints around
/// their global observables a⃗. `evaluate` gives λ with its analytic gradient and Hessian
/// (`SystematicLikelihood+Derivatives`), the minimizer (`+Minimization`) a bounded Newton fit.
/// Mutable state (data, global observables, warm start): one instance per thread.
public final class SystematicLikelihood {
    public let model: SystematicModel
    public let statistic: TestStatistic
    public private(set) var data: [Double]
    /// Global observables of n and b⃗.
    public private(set) var normalizationObservables: NuisanceParameters
    /// Global observables a⃗ of the shape nuisances.
    public private(set) var shapeObservables: [Double]
    /// The last minimum found, the next minimization's start.
    var warmStart: [Double]
    /// Buffers of every evaluation and fit, and copies of the data and constraints for them.
    let workspace: SystematicWorkspace

    public init(model: SystematicModel, statistic: TestStatistic = .poisson) {
        self.model = model
        self.statistic = statistic
        data = [Double](repeating: 0, count: model.binCount)
        normalizationObservables = model.base.nominalNuisances
        shapeObservables = [Double](repeating: 0, count: model.systematics.count)
        workspace = SystematicWorkspace(model: model)
        warmStart = []
        warmStart = nominalParameters
        loadWorkspace()
    }

    /// Copies the data and each parameter's constraint (`constraint(_:)`) into the workspace.
    private func loadWorkspace() {
        workspace.hessianAtWarmStart = false
        for (i, d) in data.enumerated() { workspace.observed[i] = d }
        for a in 1..<dimension {
            let c = constraint(a)
            workspace.observables[a] = c.observable
            workspace.inverseVariances[a] = c.inverseVariance
        }
    }

    public var dimension: Int { model.parameterCount }
    var backgroundCount: Int { model.base.backgrounds.count }
    /// Index of α₁ in x.
    var firstShapeIndex: Int { 2 + backgroundCount }

    /// x at θ = 0 with every nuisance at its global observable.
    public var nominalParameters: [Double] {
        [0, normalizationObservables.normalization] + normalizationObservables.backgrounds + shapeObservables
    }

    /// The constraint of parameter a ≥ 1: (global observable, inverse variance, fixed).
    func constraint(_ a: Int) -> (observable: Double, inverseVariance: Double, isFixed: Bool) {
        if a == 1 {
            let c = model.base.normalization
            return (normalizationObservables.normalization, c.inverseVariance, c.isFixed)
        }
        if a < firstShapeIndex {
            let c = model.base.backgrounds[a - 2].constraint
            return (normalizationObservables.backgrounds[a - 2], c.inverseVariance, c.isFixed)
        }
        return (shapeObservables[a - firstShapeIndex], 1, false)
    }

    /// Sets the observed counts and the global observables (nil: the nominal ones).
    /// - Throws: `StatisticsError` for a wrong bin count, negative or non-finite counts, or global
    ///   observables of the wrong size.
    public func setData(_ counts: [Double], normalizationObservables observed: NuisanceParameters? = nil,
                        shapeObservables shapes: [Double]? = nil) throws(StatisticsError) {
        guard counts.count == model.binCount else {
            throw StatisticsError("the data have \(counts.count) bins, the model \(model.binCount)")
        }
        guard counts.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw StatisticsError("the data must be finite counts ≥ 0") }
        let nominal = model.base.nominalNuisances
        let o = observed ?? nominal
        guard o.backgrounds.count == nominal.backgrounds.count, o.normalization.isFinite,
              o.backgrounds.allSatisfy(\.isFinite) else {
            throw StatisticsError("the global observables need one finite value per background (\(nominal.backgrounds.count))")
        }
        let a = shapes ?? [Double](repeating: 0, count: model.systematics.count)
        guard a.count == model.systematics.count, a.allSatisfy(\.isFinite) else {
            throw StatisticsError("the shape global observables need one finite value per systematic (\(model.systematics.count))")
        }
        data = counts
        normalizationObservables = o
        shapeObservables = a
        warmStart = nominalParameters
        loadWorkspace()
    }
}
