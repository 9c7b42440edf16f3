/// The shape factor C(W) of a β transition, multiplying the allowed phase space
/// p W (W₀ − W)² F(Z, W) (Konopinski 1966, ch. 11; Behrens & Bühring 1982; Hayen et al.,
/// Rev. Mod. Phys. 90, 015008 (2018), shape factors).
public enum BetaShape: String, Sendable, CaseIterable {
    /// Allowed (Fermi or Gamow–Teller, ΔJ = 0, ±1, no parity change): C = 1. Also used, as the
    /// ξ approximation, for non-unique first-forbidden transitions (docs/physics.md §6.3).
    case allowed
    /// Unique first-forbidden (ΔJ = 2, parity change, e.g. ⁴²Ar 0⁺ → ⁴²K 2⁻, ⁴²K 2⁻ → ⁴²Ca 0⁺):
    ///
    ///     C(W) = q² + λ₂ p²  ≈  p² + q²,   q = W₀ − W  (electron units)
    ///
    /// with the Coulomb function λ₂ ≈ F₁/F₀ set to 1 (docs/physics.md §6.3): for low Z (19, 20) λ₂
    /// departs from 1 by O((αZ)²) ≈ 1–2 %, a sub-percent effect on the shape. With
    /// `BetaCoulombModel.finiteSizeWithCoulombFunctions` λ₂ is evaluated instead
    /// (`factor(w:w0:lambda2:lambda3:lambda4:)`, docs/physics.md §14.2).
    case uniqueFirstForbidden
    /// Unique third-forbidden (ΔJ = 4, parity change, e.g. ⁴⁰K 4⁻ → ⁴⁰Ca 0⁺; docs/physics.md §14.2):
    ///
    ///     C(W) = p⁶ + 7 p⁴ q² + 7 p² q⁴ + q⁶,   q = W₀ − W  (electron units)
    ///
    /// the unique L = 4 factor Σ_{k+l=3} p^{2k} q^{2l} λ_{k+1} / [(2k+1)! (2l+1)!] × 7! with the
    /// Coulomb functions λ_k set to 1 (Konopinski 1966, ch. 11; Hayen et al. 2018, unique-forbidden
    /// shape factors; the form used for ⁴⁰K by H. Daniel, Rev. Mod. Phys. 40, 659 (1968)).
    case uniqueThirdForbidden

    /// C(W) for total electron energy `w` and endpoint `w0`, both in units of m_e (so p² = W² − 1).
    /// Dimensionless (units of m_e² or m_e⁶ for the unique shapes; only ratios matter).
    @inlinable
    public func factor(w: Double, w0: Double) -> Double {
        switch self {
        case .allowed:
            return 1
        case .uniqueFirstForbidden:
            let q = w0 - w
            return (w * w - 1) + q * q
        case .uniqueThirdForbidden:
            let q2 = (w0 - w) * (w0 - w), p2 = w * w - 1
            return p2 * p2 * p2 + 7 * p2 * p2 * q2 + 7 * p2 * q2 * q2 + q2 * q2 * q2
        }
    }

    /// C(W) with the Coulomb functions λ_k = F_{k−1}/F₀ of the unique shapes (Konopinski 1966;
    /// Hayen et al. 2018; docs/physics.md §14.2):
    ///
    ///     unique 1st-forbidden:  C = q² + λ₂ p²
    ///     unique 3rd-forbidden:  C = q⁶ + 7 λ₂ p² q⁴ + 7 λ₃ p⁴ q² + λ₄ p⁶
    ///
    /// (λ's unused by the allowed shape). With every λ = 1 this is `factor(w:w0:)`.
    @inlinable
    public func factor(w: Double, w0: Double, lambda2: Double, lambda3: Double, lambda4: Double) -> Double {
        switch self {
        case .allowed:
            return 1
        case .uniqueFirstForbidden:
            let q = w0 - w
            return lambda2 * (w * w - 1) + q * q
        case .uniqueThirdForbidden:
            let q2 = (w0 - w) * (w0 - w), p2 = w * w - 1
            return lambda4 * p2 * p2 * p2 + 7 * lambda3 * p2 * p2 * q2 + 7 * lambda2 * p2 * q2 * q2 + q2 * q2 * q2
        }
    }

    /// The highest k whose Coulomb function λ_k enters the shape (1 for allowed, 2, 4).
    public var highestCoulombFunctionOrder: Int {
        switch self {
        case .allowed: 1
        case .uniqueFirstForbidden: 2
        case .uniqueThirdForbidden: 4
        }
    }
}
