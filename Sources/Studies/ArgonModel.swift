/// The new-physics hypotheses of the argon study (both in the rescaled θ of `BinnedModel.rescaled`).
public enum ArgonModel: String, Sendable, CaseIterable, Codable {
    /// Neutrino magnetic moment: θ = κ², κ = μν/μ_B; limits quoted on μν in μ_B.
    case magneticMoment = "magnetic-moment"
    /// Light vector mediator, M = 0, all couplings g: θ = g² (exact interference); limits on g.
    case lightVector = "light-vector"

    /// "mu_nu" or "g".
    public var parameter: String { self == .magneticMoment ? "mu_nu" : "g" }
}
