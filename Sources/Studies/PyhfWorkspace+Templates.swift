import Simulation
import Statistics
import Output

extension PyhfWorkspace {
    /// The increment over the SM at a parameter value: κ²·MM for the magnetic moment (value κ),
    /// A g² + B g⁴ for the light vector (value g).
    public static func increment(templates: TemplateSet, model: RunCard.Kind, value: Double) throws(TableError) -> [Double] {
        switch model {
        case .magneticMoment:
            return templates.magneticMomentPerKappaSquared.map { $0 * value * value }
        case .lightVector:
            return try quadraticIncrement(perGSquared: templates.lightVectorLinearPerGSquared,
                                          perGFourth: templates.lightVectorQuadraticPerGFourth, g: value)
        }
    }

    /// The workspace of a scenario's templates with the new-physics sample at `value` (κ or g).
    public static func make(templates: TemplateSet, model: RunCard.Kind, value: Double, normSigma: Double,
                            cl: Double = 0.90) throws(TableError) -> JSONValue {
        let meaning = model == .magneticMoment
            ? "kappa = mu_nu/mu_B; the new_physics sample is kappa^2 times the magnetic-moment template"
            : "universal Z' coupling g (mediator mass \(templates.mediatorMassMeV) MeV); new_physics = A g^2 + B g^4"
        return try make(standardModel: templates.standardModel,
                        newPhysics: try increment(templates: templates, model: model, value: value),
                        normSigma: normSigma, parameter: model == .magneticMoment ? "mu_nu" : "g", value: value,
                        meaning: meaning, binEdges: templates.binning.edges, cl: cl)
    }

    /// The Asimov limit on κ or g (`ModelFit`: Statistics' `AsimovSensitivity` on θ = κ² or
    /// g², rescaled), the default value to export at.
    public static func asimovLimit(templates: TemplateSet, model: RunCard.Kind, normSigma: Double,
                                   statistic: TestStatistic = .poisson, cl: Double = 0.90) throws -> Double {
        let fit = try ModelFit(templates: templates, kind: model, normSigma: normSigma)
        return fit.quoted(try fit.asimov(statistic: statistic, cl: cl).limit)
    }
}
