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
    /// departs from 1 by O((αZ)²) ≈ 1–2 %, a sub-percent effect on the shape.
    case uniqueFirstForbidden

    /// C(W) for total electron energy `w` and endpoint `w0`, both in units of m_e (so p² = W² − 1).
    /// Dimensionless (units of m_e² for the unique shape; only ratios matter).
    @inlinable
    public func factor(w: Double, w0: Double) -> Double {
        switch self {
        case .allowed:
            return 1
        case .uniqueFirstForbidden:
            let q = w0 - w
            return (w * w - 1) + q * q
        }
    }
}
