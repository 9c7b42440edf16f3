import Physics
import Simulation
import Statistics

/// A reference detector whose Asimov limit the argon module is compared with (e.g. KamLAND
/// > 3 MeV with 3 000 events, JUNO > 1 MeV with 200 000): the limit of its scenario from the
/// ordinary scenario templates, the same Poisson statistic, CL and normalization pull, no background.
public struct ArgonReference: Sendable {
    public var name: String
    public var scenario: Simulation.Scenario
    public var normalization: GaussianConstraint

    public init(name: String, scenario: Simulation.Scenario, normalization: GaussianConstraint = .defaultNormalization) {
        self.name = name
        self.scenario = scenario
        self.normalization = normalization
    }

    /// The Asimov limit for `model` (μν in μ_B, or g).
    public func limit(model: NewPhysicsModel.Kind, confidenceLevel: Double) throws -> Double {
        let t = try scenario.templates()
        let terms = model == .magneticMoment
            ? [t.magneticMomentPerKappaSquared] : [t.lightVectorLinearPerGSquared, t.lightVectorQuadraticPerGFourth]
        let built = try BinnedModel.rescaled(standardModel: t.standardModel, parameterTerms: terms, normalization: normalization)
        let asimov = try AsimovSensitivity.compute(model: built.model, statistic: .poisson, confidenceLevel: confidenceLevel)
        return (max(0, asimov.limit) * built.unit).squareRoot()
    }
}
