/// A confidence interval [lower, upper] on θ.
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    /// True when the upper edge is the end of the scanned range (the interval may extend further).
    public var isOpenAbove: Bool

    public init(lower: Double, upper: Double, isOpenAbove: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.isOpenAbove = isOpenAbove
    }

    public func contains(_ theta: Double) -> Bool { theta >= lower && theta <= upper }
}
