/// An upper limit on θ: the θ > θ̂ where the test statistic reaches the critical value.
public struct UpperLimit: Sendable {
    /// The limit on θ (the caller quotes √θ for κ or g).
    public var theta: Double
    /// The bounded best fit the statistic is measured from.
    public var bestFit: BestFit
    /// `failed` if the best fit or the crossing could not be found.
    public var status: FitStatus
}
