import Physics
import Simulation
import Statistics

/// A scenario's templates as the fitter's model for one new-physics parameter, in the
/// rescaled units of `BinnedModel.rescaled` (θ = θ_physical / unit, θ_physical = κ² or g²).
///
/// Terms: magnetic moment [MM per κ²]; light vector [A per g², B per g⁴] with A = 0 for the
/// pure-Z′ approximation (`interference: .pureZPrimeOnly`). Limits are quoted as √(unit · θ):
/// κ = μν/μ_B, or g (`NewPhysicsModel.parameter`). Backgrounds (docs/physics.md §8) enter as
/// `Statistics.BackgroundComponent`s: μ_i = n (S_i + Σ θᵏ T_k,i) + Σ_j b_j B_j,i with b_j ~ N(1, σ_j).
public struct ModelFit: Sendable {
    public let templates: TemplateSet
    /// The hypothesis; the templates must have been built at its mediator mass.
    public let model: NewPhysicsModel
    /// The rescaled binned model.
    public let binnedModel: BinnedModel
    /// θ_physical = unit · θ.
    public let unit: Double

    /// The background templates in the model (those with expected events above threshold), each
    /// with its normalization constrained to 1 ± its relative uncertainty.
    public let backgrounds: [BackgroundTemplate]

    /// - Parameter backgrounds: templates in the binning of `templates`; components without
    ///   events above threshold are left out of the fit (they cannot be constrained by it).
    public init(templates: TemplateSet, model: NewPhysicsModel, normSigma: Double,
                backgrounds: [BackgroundTemplate] = []) throws {
        self.templates = templates
        self.model = model
        self.backgrounds = backgrounds.filter { $0.counts.reduce(0, +) > 0 }
        let terms = Self.parameterTerms(of: templates, model: model)
        let components = self.backgrounds.map {
            BackgroundComponent(name: $0.name, template: $0.counts, constraint: GaussianConstraint(nominal: 1, sigma: $0.relativeUncertainty))
        }
        (binnedModel, unit) = try BinnedModel.rescaled(standardModel: templates.standardModel, parameterTerms: terms,
                                                 normalization: GaussianConstraint(nominal: 1, sigma: normSigma),
                                                 backgrounds: components)
    }

    /// The new-physics terms of `model` in physical units: [MM per κ²], or [A per g², B per g⁴]
    /// (A = 0 for the pure-Z′ approximation).
    public static func parameterTerms(of templates: TemplateSet, model: NewPhysicsModel) -> [[Double]] {
        switch model.kind {
        case .magneticMoment:
            return [templates.magneticMomentPerKappaSquared]
        case .lightVector:
            let linear = model.interference == .exact
                ? templates.lightVectorLinearPerGSquared
                : Array(repeating: 0, count: templates.standardModel.count)
            return [linear, templates.lightVectorQuadraticPerGFourth]
        }
    }

    /// κ = μν/μ_B or g.
    public var parameter: QuotedParameter { model.parameter }

    /// The quoted parameter (κ or g) for θ in fitter units: √(unit · θ); NaN stays NaN.
    public func quoted(_ theta: Double) -> Double { theta.isFinite ? (max(0, theta) * unit).squareRoot() : .nan }

    /// θ in fitter units for a quoted value (κ or g).
    public func theta(quoted value: Double) -> Double { value * value / unit }

    /// Expected SM events (sum of the SM template).
    public var events: Double { templates.standardModel.reduce(0, +) }

    /// Expected background events in the fit (sum of the background templates).
    public var backgroundEvents: Double { backgrounds.reduce(0) { $0 + $1.counts.reduce(0, +) } }

    /// The Asimov sensitivity (θ in fitter units), CLs+b (default) or CLs.
    public func asimov(statistic: TestStatistic, cl: Double, method: LimitMethod = .clsb) throws -> AsimovSensitivity {
        try AsimovSensitivity.compute(model: binnedModel, statistic: statistic, confidenceLevel: cl, method: method)
    }

    /// The new-physics increment over the SM per bin at a quoted value (κ or g).
    public func increment(at value: Double) -> [Double] { increment(at: value, terms: binnedModel.parameterTerms) }

    /// Σ_k θ^k T_k,i at a quoted value for other terms in the same rescaled units (the ±1σ terms of
    /// a systematic, `PyhfWorkspace.make(fit: SystematicModelFit…)`).
    public func increment(at value: Double, terms: [[Double]]) -> [Double] {
        let theta = self.theta(quoted: value)
        var power = 1.0
        var out = [Double](repeating: 0, count: binnedModel.binCount)
        for term in terms {
            power *= theta
            for i in out.indices { out[i] += power * term[i] }
        }
        return out
    }
}
