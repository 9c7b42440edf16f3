/// One background template B_j (expected counts per bin at b_j = 1) with the Gaussian
/// constraint on its normalization b_j. In the model, expected_i += b_j · B_j,i.
public struct BackgroundComponent: Sendable, Equatable {
    /// A short name for reports ("Ar42", "K42", …).
    public var name: String
    /// Expected counts per bin at unit normalization (≥ 0).
    public var template: [Double]
    /// Constraint on b_j; nominal 1 and σ the relative uncertainty for a rate known to σ.
    public var constraint: GaussianConstraint

    public init(name: String, template: [Double], constraint: GaussianConstraint) {
        self.name = name
        self.template = template
        self.constraint = constraint
    }
}
