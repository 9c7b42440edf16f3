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

    /// The weights normalized to probabilities; each must be finite and ≥ 0, their sum positive.
    public static func probabilities(_ components: [BetaComponent]) throws -> [Double] {
        for c in components where !(c.weight.isFinite && c.weight >= 0) {
            throw PhysicsInputError.invalidParameter(name: "component weight", value: c.weight, requirement: "must be finite and ≥ 0")
        }
        let total = components.reduce(0) { $0 + $1.weight }
        guard total > 0 else {
            throw PhysicsInputError.invalidParameter(name: "total component weight", value: total, requirement: "must be positive")
        }
        return components.map { $0.weight / total }
    }
}
