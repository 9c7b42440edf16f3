/// A binned model of expected counts built from templates (plain arrays; it knows no physics):
///
///     μ_i(θ, n, b⃗) = n · (S_i + Σ_k θ^k T_k,i) + Σ_j b_j B_j,i
///
/// with S the Standard-Model template, θ ≥ 0 the parameter of interest (θ = κ² for a neutrino
/// magnetic moment with one term T₁ ∝ 1/T − 1/E; θ = g² for a light vector with T₁ the
/// interference per g², which may be negative, and T₂ the pure Z′ term per g⁴), n the overall
/// normalization with a Gaussian constraint (default σₙ = 0.007 around n₀ = 1) and b_j
/// background normalizations with their own constraints.
///
/// A point where some μ_i < 0 is invalid (the fitter treats it as infinitely unlikely).
/// Limits are computed on θ; callers quote √θ (κ in μ_B, or g).
public struct BinnedModel: Sendable {
    /// Number of bins.
    public let binCount: Int
    /// S_i: expected SM counts per bin at n = 1.
    public let standardModel: [Double]
    /// T_k,i (k = 1…K): the coefficient of θ^k, per bin, at n = 1.
    public let parameterTerms: [[Double]]
    /// The constraint on n (its nominal value is the global observable n₀).
    public let normalization: GaussianConstraint
    /// Background templates with their constraints.
    public let backgrounds: [BackgroundComponent]

    /// Contiguous copies for the fitter's inner loops: T flattened term-major (k·binCount + i),
    /// B flattened component-major.
    @usableFromInline let flatTerms: [Double]
    @usableFromInline let flatBackgrounds: [Double]

    public init(
        standardModel: [Double], parameterTerms: [[Double]],
        normalization: GaussianConstraint = .defaultNormalization,
        backgrounds: [BackgroundComponent] = []
    ) throws(StatisticsError) {
        let bins = standardModel.count
        guard bins > 0 else { throw StatisticsError("the model needs at least one bin") }
        guard !parameterTerms.isEmpty else {
            throw StatisticsError("the model needs at least one parameter term T₁ (the coefficient of θ)")
        }
        for (k, term) in parameterTerms.enumerated() where term.count != bins {
            throw StatisticsError("parameter term T\(k + 1) has \(term.count) bins, the SM template \(bins)")
        }
        for background in backgrounds where background.template.count != bins {
            throw StatisticsError("background '\(background.name)' has \(background.template.count) bins, the SM template \(bins)")
        }
        guard standardModel.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw StatisticsError("the SM template must be finite and ≥ 0 in every bin")
        }
        guard parameterTerms.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw StatisticsError("the parameter terms must be finite")
        }
        for background in backgrounds {
            guard background.template.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw StatisticsError("background '\(background.name)' must be finite and ≥ 0 in every bin")
            }
        }
        for constraint in [normalization] + backgrounds.map(\.constraint) {
            guard constraint.nominal.isFinite, constraint.nominal >= 0, constraint.sigma >= 0, !constraint.sigma.isNaN else {
                throw StatisticsError("a constraint needs a finite nominal value ≥ 0 and σ ≥ 0 (σ = 0 fixes, ∞ frees), got \(constraint)")
            }
        }
        let anyExpectation = (0..<bins).contains { i in
            standardModel[i] > 0 || backgrounds.contains { $0.template[i] > 0 }
        }
        guard anyExpectation else { throw StatisticsError("the SM and background templates are empty") }
        binCount = bins
        self.standardModel = standardModel
        self.parameterTerms = parameterTerms
        self.normalization = normalization
        self.backgrounds = backgrounds
        flatTerms = parameterTerms.flatMap { $0 }
        flatBackgrounds = backgrounds.flatMap(\.template)
    }

    /// K: the highest power of θ.
    public var termCount: Int { parameterTerms.count }

    /// Whether μ is linear in θ (one term); then the profiled statistic is unimodal in θ.
    public var isLinearInParameter: Bool { parameterTerms.count == 1 }

    /// The nominal nuisance values (n₀, b⃗₀): the global observables of the Asimov data set.
    public var nominalNuisances: NuisanceParameters {
        NuisanceParameters(normalization: normalization.nominal, backgrounds: backgrounds.map(\.constraint.nominal))
    }
}
