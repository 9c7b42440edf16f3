/// A Gaussian constraint on a nuisance parameter ν from an auxiliary measurement:
/// the term (ν − ν₀)²/σ² added to −2 ln L (a "pull"), with ν₀ the global observable.
///
/// `sigma == 0` fixes ν at its global observable; `sigma == .infinity` leaves ν free
/// (no pull term). Cowan, Cranmer, Gross & Vitells, EPJC 71, 1554 (2011), §2.
public struct GaussianConstraint: Sendable, Equatable, Codable {
    /// The nominal value ν₀ of the global observable (1 for a relative normalization).
    public var nominal: Double
    /// The constraint width σ (same units as ν); 0 fixes ν, `.infinity` frees it.
    public var sigma: Double

    public init(nominal: Double = 1, sigma: Double) {
        self.nominal = nominal
        self.sigma = sigma
    }

    /// ν fixed at its global observable.
    public var isFixed: Bool { sigma == 0 }
    /// 1/σ² of the pull term; 0 for a free parameter (no pull) and for a fixed one (no
    /// parameter: it stays at its global observable).
    public var inverseVariance: Double { sigma.isInfinite || sigma == 0 ? 0 : 1 / (sigma * sigma) }

    /// The default relative-normalization constraint of the mission: n₀ = 1, σₙ = 0.7 %.
    public static let defaultNormalization = GaussianConstraint(nominal: 1, sigma: 0.007)
}
