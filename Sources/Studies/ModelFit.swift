import Simulation
import Statistics

/// A scenario's templates as the fitter's model for one new-physics parameter, in the
/// rescaled units of `BinnedModel.rescaled` (θ = θ_physical / unit, θ_physical = κ² or g²).
///
/// Terms: magnetic moment [MM per κ²]; light vector [A per g², B per g⁴] with A = 0 for the
/// pure-Z′ approximation (`interference: .none`). Limits are quoted as √(unit · θ): κ = μν/μ_B,
/// or g.
public struct ModelFit: Sendable {
    public let templates: TemplateSet
    public let kind: RunCard.Kind
    public let interference: RunCard.Interference
    /// The rescaled binned model.
    public let model: BinnedModel
    /// θ_physical = unit · θ.
    public let unit: Double

    public init(templates: TemplateSet, kind: RunCard.Kind, interference: RunCard.Interference = .exact,
                normSigma: Double) throws {
        self.templates = templates
        self.kind = kind
        self.interference = kind == .magneticMoment ? .exact : interference
        let terms: [[Double]]
        switch kind {
        case .magneticMoment:
            terms = [templates.magneticMomentPerKappaSquared]
        case .lightVector:
            let linear = interference == .exact
                ? templates.lightVectorLinearPerGSquared
                : Array(repeating: 0, count: templates.standardModel.count)
            terms = [linear, templates.lightVectorQuadraticPerGFourth]
        }
        (model, unit) = try BinnedModel.rescaled(standardModel: templates.standardModel, parameterTerms: terms,
                                                 normalization: GaussianConstraint(nominal: 1, sigma: normSigma))
    }

    /// "mu_nu" (κ = μν/μ_B) or "g".
    public var parameter: String { kind == .magneticMoment ? "mu_nu" : "g" }

    /// The quoted parameter (κ or g) for θ in fitter units: √(unit · θ); NaN stays NaN.
    public func quoted(_ theta: Double) -> Double { theta.isFinite ? (max(0, theta) * unit).squareRoot() : .nan }

    /// θ in fitter units for a quoted value (κ or g).
    public func theta(quoted value: Double) -> Double { value * value / unit }

    /// Expected SM events (sum of the SM template).
    public var events: Double { templates.standardModel.reduce(0, +) }

    /// The Asimov sensitivity (θ in fitter units).
    public func asimov(statistic: TestStatistic, cl: Double) throws -> AsimovSensitivity {
        try AsimovSensitivity.compute(model: model, statistic: statistic, confidenceLevel: cl)
    }

    /// The new-physics increment over the SM per bin at a quoted value (κ or g).
    public func increment(at value: Double) -> [Double] {
        let theta = self.theta(quoted: value)
        var power = 1.0
        var out = [Double](repeating: 0, count: model.binCount)
        for term in model.parameterTerms {
            power *= theta
            for i in out.indices { out[i] += power * term[i] }
        }
        return out
    }
}
