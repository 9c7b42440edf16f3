/// One background component of an argon point after the cuts (docs/physics.md §15.6): its events
/// above threshold passing cos θ_reco > c, its normalization constraint in the fit, and where its
/// rate comes from.
public struct ArgonBackgroundCount: Sendable, Equatable, Codable {
    /// `Ar42+K42`, `Ar39`, `Ar39-pileup`, `solar-b8`, `solar-hep`, `nue-Ar40-CC`, `n-capture`.
    public var name: String
    /// Expected events with E_reco ≥ threshold passing the direction cut.
    public var events: Double
    /// Expected events above threshold before the direction cut.
    public var eventsBeforeCut: Double
    /// σ of the Gaussian constraint on its normalization (∞: free).
    public var sigma: Double
    /// `isotropic` or `from the Sun`.
    public var direction: String
    /// The rate's source, or what is assumed.
    public var reference: String
    /// True when the rate (or the parameter it rests on) is an assumption.
    public var rateIsAssumed: Bool
}
