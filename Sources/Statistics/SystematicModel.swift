/// A `BinnedModel` with shape systematics (docs/physics.md §16.5):
///
///     μ_i(θ, n, b⃗, α⃗) = n · (S_i(α⃗) + Σ_k θ^k T_k,i(α⃗)) + Σ_j b_j B_j,i(α⃗),
///     X(α⃗) = X + Σ_s δ^X_s(α_s)   (histosys, `ShapeSystematic`),
///
/// with n and b⃗ constrained as in the `BinnedModel` and each α_s by a standard normal around its
/// global observable a_s (0 nominally). With no systematics it is the `BinnedModel` itself.
public struct SystematicModel: Sendable {
    public let base: BinnedModel
    public let systematics: [ShapeSystematic]

    /// - Throws: `StatisticsError` when a systematic has the wrong number of term or background
    ///   entries or a modifier's bin count differs from the model's, or two share a name.
    public init(base: BinnedModel, systematics: [ShapeSystematic]) throws(StatisticsError) {
        for s in systematics {
            guard s.parameterTerms.count == base.termCount, s.backgrounds.count == base.backgrounds.count else {
                throw StatisticsError("systematic '\(s.name)' has \(s.parameterTerms.count) term and \(s.backgrounds.count) "
                                      + "background entries; the model has \(base.termCount) and \(base.backgrounds.count)")
            }
            let modifiers = [s.standardModel] + s.parameterTerms + s.backgrounds
            for case let m? in modifiers where m.binCount != base.binCount {
                throw StatisticsError("systematic '\(s.name)' has a modifier of \(m.binCount) bins; the model has \(base.binCount)")
            }
        }
        let names = systematics.map(\.name)
        guard Set(names).count == names.count else { throw StatisticsError("systematic names must be distinct, got \(names)") }
        self.base = base
        self.systematics = systematics
    }

    public var binCount: Int { base.binCount }
    /// Parameters: θ, n, b₁…b_J, α₁…α_S.
    public var parameterCount: Int { 2 + base.backgrounds.count + systematics.count }

    /// μ_i at θ with n, b⃗ at their nominal values and every α at 0 (the Asimov data set's expectation).
    public func asimovData(theta: Double = 0) throws(StatisticsError) -> [Double] { try base.asimovData(theta: theta) }
}
