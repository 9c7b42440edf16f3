/// Intrinsic β emitters of liquid scintillators (and ⁸⁵Kr, also in argon): ¹⁴C, ⁸⁵Kr, ²¹⁰Bi, ²¹⁴Bi,
/// ²⁰⁸Tl (docs/physics.md §14.1). Decay data: NNDC/ENSDF (NuDat 3) for each nuclide, cited per
/// preset; Q values AME2020. The α emitter ²¹⁰Po and the β⁻/EC emitter ⁴⁰K are
/// `RadioactiveEmitter`s (`RadioactiveEmitter+Scintillator.swift`).
///
/// Shapes: `.allowed` stands for allowed and for non-unique first-forbidden transitions (the ξ
/// approximation, docs/physics.md §6.3), unique shapes where ΔJ = 2 (4) with parity change.
/// T₀ = Q − E_level; the prompt γ energy of a branch is its level energy (the whole cascade to
/// the ground state; conversion electrons and X-rays, ≲ 1 % of these transitions, are counted
/// as γ energy). Default Coulomb model: `.finiteSizeWithCoulombFunctions` (F₀ L₀, and λ_k in the
/// unique shapes, docs/physics.md §14.2).
extension BetaEmitter {
    /// ¹⁴C → ¹⁴N g.s., 100 %, 0⁺ → 1⁺ allowed (Gamow–Teller, strongly hindered), Z = 7, A = 14.
    ///
    /// | quantity | value | source |
    /// |---|---|---|
    /// | T½ | 5700 yr | ENSDF (NuDat 3), A = 14 |
    /// | Q_β⁻ = T₀ | 0.156476 MeV | AME2020 |
    ///
    /// The measured spectrum departs from the allowed shape by a shape factor C ≈ 1 + a W of a
    /// few per cent over the range (Wietfeldt et al., PRC 52, 1028 (1995)); not included:
    /// allowed shape as the brief permits.
    public static func carbon14(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let b = try BetaBranch(name: "C14 -> N14 g.s.", endpointKineticEnergy: 0.156476, daughterCharge: 7,
                               massNumber: 14, shape: .allowed, coulomb: coulomb)
        return try BetaEmitter(name: "C14", halfLife: 5700 * PhysicalConstants.secondsPerYear, branches: [b], intensities: [100])
    }

    /// ⁸⁵Kr → ⁸⁵Rb, Z = 37, A = 85, Q = 0.687 MeV, T½ = 10.739 yr (ENSDF/NuDat 3, A = 85):
    ///
    /// | level (MeV) | J^π | I (%) | T₀ (MeV) | shape | prompt γ (MeV) |
    /// |---|---|---|---|---|---|
    /// | 0 | 5/2⁻ | 99.563 | 0.687 | unique 1st-forbidden (9/2⁺ → 5/2⁻) | 0 |
    /// | 0.514 | 9/2⁺ | 0.434 | 0.173 | allowed | 0.514 |
    ///
    /// (A 0.002 % branch to the 151 keV level is dropped; intensities are normalized over 99.997.)
    public static func krypton85(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let q = 0.687
        let branches = [
            try BetaBranch(name: "Kr85 -> Rb85 g.s.", endpointKineticEnergy: q, daughterCharge: 37, massNumber: 85,
                           shape: .uniqueFirstForbidden, coulomb: coulomb),
            try BetaBranch(name: "Kr85 -> Rb85 514.0 keV", endpointKineticEnergy: q - 0.514, daughterCharge: 37,
                           massNumber: 85, shape: .allowed, gammaEnergy: 0.514, coulomb: coulomb),
        ]
        return try BetaEmitter(name: "Kr85", halfLife: 10.739 * PhysicalConstants.secondsPerYear,
                               branches: branches, intensities: [99.563, 0.434])
    }

    /// ²¹⁰Bi → ²¹⁰Po g.s., 100 % (α branch 1.3×10⁻⁶ dropped), Z = 84, A = 210, Q = T₀ = 1.1622 MeV
    /// (AME2020), T½ = 5.012 d (ENSDF/NuDat 3, A = 210).
    ///
    /// 1⁻ → 0⁺ is non-unique first-forbidden, and ²¹⁰Bi is the classic case where the ξ
    /// approximation fails: the measured shape factor varies strongly with energy (empirical
    /// C(W) = 1 + c₁/W + c₂W + c₃W² of H. Daniel, Nucl. Phys. 31, 293 (1962) and Rev. Mod. Phys. 40,
    /// 659 (1968), as used by the DECAY0 generator). Allowed shape here, as the
    /// brief permits; a measured C(W) should replace it before a ²¹⁰Bi-dominated (CNO-like) fit.
    public static func bismuth210(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let b = try BetaBranch(name: "Bi210 -> Po210 g.s.", endpointKineticEnergy: 1.1622, daughterCharge: 84,
                               massNumber: 210, shape: .allowed, coulomb: coulomb)
        return try BetaEmitter(name: "Bi210", halfLife: 5.012 * 86400, branches: [b], intensities: [100])
    }

    /// ²¹⁴Bi → ²¹⁴Po, Z = 84, A = 214, Q = 3.269 MeV (AME2020), T½ = 19.9 min. β⁻ intensities:
    /// ENSDF (Wu, Nucl. Data Sheets 110, 681 (2009), via NuDat 3). All 1⁻ → 0⁺, 1⁺, 2⁺ branches are
    /// first-forbidden non-unique or allowed: allowed shape. Kept: every branch ≥ 1 %, and the
    /// 609.3 keV level (the 2⁺₁ state almost all cascades pass through; fed directly by only
    /// 0.55 %):
    ///
    /// | level (MeV) | I (%) | T₀ (MeV) | prompt γ (MeV) |
    /// |---|---|---|---|
    /// | 0 | 19.2 | 3.269 | 0 |
    /// | 0.6093 | 0.55 | 2.6597 | 0.6093 |
    /// | 1.3777 | 7.22 | 1.8913 | 1.3777 |
    /// | 1.5434 | 3.09 | 1.7256 | 1.5434 |
    /// | 1.7296 | 17.55 | 1.5394 | 1.7296 |
    /// | 1.7645 | 16.90 | 1.5045 | 1.7645 |
    /// | 1.8474 | 8.16 | 1.4216 | 1.8474 |
    /// | 1.8903 | 1.589 | 1.3787 | 1.8903 |
    /// | 1.9946 | 1.192 | 1.2744 | 1.9946 |
    /// | 2.0108 | 1.433 | 1.2582 | 2.0108 |
    /// | 2.0173 | 2.459 | 1.2517 | 2.0173 |
    /// | 2.1186 | 4.33 | 1.1504 | 2.1186 |
    /// | 2.2042 | 5.56 | 1.0648 | 2.2042 |
    /// | 2.4479 | 2.78 | 0.8211 | 2.4479 |
    /// | 2.4825 | 1.28 | 0.7865 | 2.4825 |
    ///
    /// They add to 93.29 % and are normalized to 1; dropped: ≈ 6.7 % in some 30 branches < 1 %
    /// each (levels 1.4–3.2 MeV; their E_vis, T + E_level ≤ Q, spans the same range) and the
    /// 0.021 % α decay to ²¹⁰Tl.
    public static func bismuth214(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let q = 3.269
        let table: [(level: Double, intensity: Double)] = [
            (0, 19.2), (0.6093, 0.55), (1.3777, 7.22), (1.5434, 3.09), (1.7296, 17.55), (1.7645, 16.90),
            (1.8474, 8.16), (1.8903, 1.589), (1.9946, 1.192), (2.0108, 1.433), (2.0173, 2.459), (2.1186, 4.33),
            (2.2042, 5.56), (2.4479, 2.78), (2.4825, 1.28),
        ]
        let branches = try table.map { row in
            try BetaBranch(name: row.level == 0 ? "Bi214 -> Po214 g.s." : "Bi214 -> Po214 \(keV(row.level)) keV",
                           endpointKineticEnergy: q - row.level, daughterCharge: 84, massNumber: 214,
                           shape: .allowed, gammaEnergy: row.level, coulomb: coulomb)
        }
        return try BetaEmitter(name: "Bi214", halfLife: 19.9 * 60, branches: branches, intensities: table.map(\.intensity))
    }

    /// ²⁰⁸Tl → ²⁰⁸Pb, Z = 82, A = 208, Q = 4.999 MeV (AME2020), T½ = 3.053 min; ENSDF (Martin,
    /// Nucl. Data Sheets 108, 1583 (2007), via NuDat 3). No ground-state branch: every decay feeds
    /// a level above the 3⁻ 2.6145 MeV state, so the 2.614 MeV γ is always emitted and the prompt γ
    /// sum is the level energy (583 + 2614 keV for 3.198 MeV, etc.). 5⁺ → 4⁻, 5⁻, 6⁻: first-forbidden
    /// non-unique, allowed shape.
    ///
    /// | level (MeV) | I (%) | T₀ (MeV) | prompt γ (MeV) |
    /// |---|---|---|---|
    /// | 3.1977 | 49.1 | 1.8013 | 3.1977 |
    /// | 3.4751 | 22.2 | 1.5239 | 3.4751 |
    /// | 3.7085 | 24.2 | 1.2905 | 3.7085 |
    /// | 3.9198 | 0.63 | 1.0792 | 3.9198 |
    /// | 3.9610 | 3.18 | 1.0380 | 3.9610 |
    ///
    /// They add to 99.31 % and are normalized to 1 (dropped: 0.7 % in branches ≤ 0.23 % to levels
    /// ≥ 3.99 MeV).
    public static func thallium208(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let q = 4.999
        let table: [(level: Double, intensity: Double)] = [
            (3.1977, 49.1), (3.4751, 22.2), (3.7085, 24.2), (3.9198, 0.63), (3.9610, 3.18),
        ]
        let branches = try table.map { row in
            try BetaBranch(name: "Tl208 -> Pb208 \(keV(row.level)) keV", endpointKineticEnergy: q - row.level,
                           daughterCharge: 82, massNumber: 208, shape: .allowed, gammaEnergy: row.level, coulomb: coulomb)
        }
        return try BetaEmitter(name: "Tl208", halfLife: 3.053 * 60, branches: branches, intensities: table.map(\.intensity))
    }

    /// A level energy in MeV as a keV label ("609.3").
    static func keV(_ mev: Double) -> String {
        let k = (mev * 10000).rounded() / 10
        return k == k.rounded() ? String(Int(k)) : String(k)
    }
}
