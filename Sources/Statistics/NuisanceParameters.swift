/// Values of the nuisance parameters (n, b⃗) of a `BinnedModel` — or, with the same layout,
/// their global observables (n₀, b⃗₀), the auxiliary measurements the pulls are centred on.
public struct NuisanceParameters: Sendable, Equatable, Codable {
    /// The overall normalization n of the signal-side templates (SM and new physics).
    public var normalization: Double
    /// The background normalizations b_j, one per `BackgroundComponent`.
    public var backgrounds: [Double]

    public init(normalization: Double, backgrounds: [Double] = []) {
        self.normalization = normalization
        self.backgrounds = backgrounds
    }
}
