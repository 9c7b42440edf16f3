/// One nuisance parameter after a fit (docs/physics.md §16.6): its pull, its post-fit constraint
/// and its impact on the fitted θ, as ATLAS/CMS "ranking" plots show them.
///
/// - pull = (x̂ − x₀)/σ_pre (x₀ the global observable, σ_pre the prior σ: 1 for a shape nuisance);
/// - constraint = σ_post/σ_pre with σ_post² = 2 (H⁻¹)_xx, H the Hessian of λ = −2 ln L over every
///   free parameter at the unbounded best fit (θ allowed below 0);
/// - impacts: θ̂ refitted with x fixed at x̂ ± σ_post, minus θ̂ (θ unbounded); `impact` is the mean of
///   their magnitudes. On the Asimov data set the pulls are 0 and the impacts measure how much of
///   θ's uncertainty each nuisance carries.
public struct NuisanceReport: Sendable, Equatable {
    public var name: String
    public var pull: Double
    public var constraint: Double
    public var impactUp: Double
    public var impactDown: Double
    public var impact: Double { 0.5 * (abs(impactUp) + abs(impactDown)) }

    public init(name: String, pull: Double, constraint: Double, impactUp: Double, impactDown: Double) {
        self.name = name
        self.pull = pull
        self.constraint = constraint
        self.impactUp = impactUp
        self.impactDown = impactDown
    }
}
