/// The ⁴²Ar → ⁴²K → ⁴²Ca chain (docs/physics.md §6.1; NNDC/ENSDF for A = 42).
extension BetaEmitter {
    /// ⁴²Ar half-life, s (32.9 yr, ENSDF).
    public static let argon42HalfLife = 32.9 * PhysicalConstants.secondsPerYear
    /// ⁴²Ar β⁻ Q value, MeV (599 keV).
    public static let argon42QValue = 0.599
    /// ⁴²K half-life, s (12.36 h, ENSDF).
    public static let potassium42HalfLife = 12.36 * 3600
    /// ⁴²K β⁻ Q value, MeV (3525 keV).
    public static let potassium42QValue = 3.525

    /// ⁴²Ar (0⁺) → ⁴²K (2⁻) g.s., 100 %, unique first-forbidden, T₀ = 0.599 MeV, Z = 19, A = 42.
    public static func argon42(coulomb: BetaCoulombModel = .finiteSize) throws -> BetaEmitter {
        let gs = try BetaBranch(name: "Ar42 -> K42 g.s.", endpointKineticEnergy: argon42QValue,
                                daughterCharge: 19, massNumber: 42, shape: .uniqueFirstForbidden, coulomb: coulomb)
        return try BetaEmitter(name: "Ar42", halfLife: argon42HalfLife, branches: [gs], intensities: [100])
    }

    /// ⁴²K (2⁻) → ⁴²Ca, Z = 20, A = 42, Q = 3.525 MeV. Branches (per cent per decay, ENSDF as
    /// quoted in docs/physics.md §6.1; they add to 99.90 and are normalized to 1, i.e. each is scaled
    /// by 1/0.999):
    ///
    /// | level (MeV) | J^π | I (%) | fraction | T₀ (MeV) | shape | prompt γ (MeV) |
    /// |---|---|---|---|---|---|---|
    /// | 0 | 0⁺ | 81.9 | 0.81982 | 3.525 | unique 1st-forbidden | 0 |
    /// | 1.5247 | 2⁺ | 17.6 | 0.17618 | 2.0003 | allowed (ξ approximation, non-unique 1st-forbidden) | 1.5246 |
    /// | 1.8373 | 0⁺ | 0.35 | 0.00350 | 1.688 | unique 1st-forbidden (2⁻ → 0⁺) | 1.837 (312.6 + 1524.6 keV cascade) |
    /// | 2.424 | 2⁺ | 0.05 | 0.00050 | 1.101 | allowed (ξ approximation) | 2.424 (summed cascade) |
    ///
    /// Endpoints are Q − E_level (the briefing rounds 2.0003 to 2.001 MeV, docs/physics.md §11), so the visible energy
    /// never exceeds Q. The 1.837 MeV level is 0⁺ (it cannot decay to the 0⁺ ground state by a
    /// single γ, hence the 312.6 keV + 1524.6 keV cascade), so 2⁻ → 0⁺ is unique first-forbidden;
    /// the brief proposed "allowed" for it — the difference is invisible at a 0.35 % branch.
    public static func potassium42(coulomb: BetaCoulombModel = .finiteSize) throws -> BetaEmitter {
        let q = potassium42QValue
        func branch(_ name: String, level: Double, shape: BetaShape, gamma: Double) throws -> BetaBranch {
            try BetaBranch(name: name, endpointKineticEnergy: q - level, daughterCharge: 20, massNumber: 42,
                           shape: shape, gammaEnergy: gamma, coulomb: coulomb)
        }
        let branches = [
            try branch("K42 -> Ca42 g.s.", level: 0, shape: .uniqueFirstForbidden, gamma: 0),
            try branch("K42 -> Ca42 1524.7 keV", level: 1.5247, shape: .allowed, gamma: 1.5246),
            try branch("K42 -> Ca42 1837 keV", level: 1.837, shape: .uniqueFirstForbidden, gamma: 1.837),
            try branch("K42 -> Ca42 2424 keV", level: 2.424, shape: .allowed, gamma: 2.424),
        ]
        return try BetaEmitter(name: "K42", halfLife: potassium42HalfLife, branches: branches,
                               intensities: [81.9, 17.6, 0.35, 0.05])
    }
}
