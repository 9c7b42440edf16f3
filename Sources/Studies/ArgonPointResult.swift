import Physics

/// The outcome of one argon configuration for one model, after the directional cut.
public struct ArgonPointResult: Sendable, Equatable {
    public var model: NewPhysicsModel.Kind
    /// 90 % CL (or the configured CL) Asimov limit: μν in μ_B, or g.
    public var limit: Double
    /// The cut cos θ_reco > c used (fixed, or the best of the grid).
    public var cosineCut: Double
    /// Expected SM signal events with T_reco above threshold after the direction cut.
    public var signalEvents: Double
    /// Expected ⁴²Ar/⁴²K events with E_reco above threshold after the direction cut and rejection
    /// (the other components: `components`).
    public var backgroundEvents: Double
    /// Background events in the sideband cos θ_reco < c above threshold.
    public var sidebandEvents: Double
    /// Relative constraint on the ⁴²Ar/⁴²K normalization used in the fit (∞: free).
    public var backgroundSigma: Double
    /// Every background component after the cuts (⁴²Ar/⁴²K first), as fitted.
    public var components: [ArgonBackgroundCount] = []

    /// Σ of every component's events after the cuts.
    public var totalBackgroundEvents: Double { components.reduce(0) { $0 + $1.events } }
}
