import Physics
import Simulation
import Statistics
import Output

extension PyhfWorkspace {
    /// The workspace of a fit's templates with the new-physics sample at `value` (κ or g): the
    /// increment κ²·MM for the magnetic moment, A g² + B g⁴ for the light vector (A = 0 in the
    /// pure-Z′ approximation), `ModelFit.increment(at:)`; `cl` and `limitMethod` name the limit
    /// `value` is (recorded in the metadata). The fit's backgrounds become samples with their
    /// normalization modifiers.
    public static func make(fit: ModelFit, value: Double, cl: Double = 0.90,
                            limitMethod: LimitMethod = .clsb) throws(StudyError) -> PyhfExport {
        let model = fit.model
        let meaning: String
        switch model.kind {
        case .magneticMoment:
            meaning = "kappa = mu_nu/mu_B; the new_physics sample is kappa^2 times the magnetic-moment template"
        case .lightVector:
            let terms = model.interference == .exact ? "A g^2 + B g^4" : "B g^4 (pure Z' term, no interference)"
            meaning = "universal Z' coupling g (mediator mass \(model.mediatorMassMeV) MeV); new_physics = \(terms)"
        }
        return try make(standardModel: fit.templates.standardModel, newPhysics: fit.increment(at: value),
                        normSigma: fit.binnedModel.normalization.sigma, parameter: model.parameter, value: value,
                        meaning: meaning, binEdges: fit.templates.binning.edges, cl: cl, limitMethod: limitMethod,
                        backgrounds: fit.backgrounds.map { ($0.name, $0.counts, $0.relativeUncertainty) })
    }
}
