import Physics

/// The argon module's limit at one point and cut with detector and source systematics profiled
/// (`ArgonAnalysis.systematicLimits`, docs/physics.md §16.9), quoted as κ = μν/μ_B or g.
public struct ArgonSystematicsResult: Sendable {
    public var model: NewPhysicsModel.Kind
    public var cosineCut: Double
    /// Without shape systematics: the limit of `ArgonAnalysis.evaluate` at this cut.
    public var limitWithoutSystematics: Double
    /// Every nuisance profiled.
    public var limit: Double
    /// The limit with each nuisance held at its nominal value in turn (the others profiled).
    public var held: [(name: String, limit: Double)]
    /// Failed profile fits over every limit of this result (0 in a sound result).
    public var failedFits: Int
}
