/// A β branch with a weight: the expected number (or probability) of decays through it. A list
/// of components describes an emitter (weights = branching fractions) or a whole decay chain
/// in a detector (weights = expected decays), and feeds `BetaSampler` and
/// `VisibleEnergySpectrum`.
public struct BetaComponent: Sendable {
    /// Non-negative weight (a probability or an expected count; only ratios matter to samplers).
    public let weight: Double
    public let branch: BetaBranch
    /// Which emitter the branch belongs to ("Ar42", "K42").
    public let emitter: String

    public init(weight: Double, branch: BetaBranch, emitter: String) {
        self.weight = weight
        self.branch = branch
        self.emitter = emitter
    }
}
