/// Cosmogenic β⁺ and β⁻ emitters produced by muons in liquid scintillator: ¹¹C, ¹⁰C, ⁸Li, ⁸He,
/// ⁹Li, ¹²B (docs/physics.md §14.5). Decay data: the TUNL evaluations of the light nuclei (the
/// ENSDF files for A ≤ 20: Kelley et al., Nucl. Phys. A880, 88 (2012) for A = 11; Tilley et al.,
/// Nucl. Phys. A745, 155 (2004) for A = 8–10; Kelley et al., Nucl. Phys. A968, 71 (2017) for
/// A = 12), Q values AME2020. All transitions are allowed; Z is the daughter's.
///
/// The prompt visible energy is T + c E_γ, with E_γ the de-excitation γ plus, for β⁺, the
/// 2 m_e = 1.022 MeV of annihilation (`BetaBranch.gammaEnergy`). Not included, for the β-delayed
/// particle emitters (⁸Li, ⁸He, ⁹Li, ¹²B → 3α): the heavily quenched α and nuclear-recoil energy
/// (≲ 0.1–0.3 MeV electron-equivalent), and the neutron's energy (proton recoils, quenched); the
/// neutron's capture on hydrogen (2.22 MeV γ, ≈ 200 μs later) is a separate, delayed event.
extension BetaEmitter {
    /// ¹¹C → ¹¹B g.s. β⁺, 3/2⁻ → 3/2⁻ allowed, Z = 5, A = 11, T½ = 20.364 min.
    /// Q_EC = 1.98169 MeV (AME2020), positron endpoint T₀ = Q_EC − 2 m_e = 0.95969 MeV; E_vis =
    /// T + c × 1.022 MeV ∈ [1.022 c, 0.960 + 1.022 c]. Per β⁺ decay: the 0.23 % electron capture
    /// (only ≈ 0.2 keV of B K-shell energy) is dropped.
    public static func carbon11(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let qEC = 1.98169
        let b = try BetaBranch(name: "C11 -> B11 g.s. (beta+)", endpointKineticEnergy: qEC - 2 * PhysicalConstants.electronMass,
                               daughterCharge: 5, massNumber: 11, shape: .allowed, coulomb: coulomb, decay: .betaPlus)
        return try BetaEmitter(name: "C11", halfLife: 20.364 * 60, branches: [b], intensities: [99.77])
    }

    /// ¹⁰C → ¹⁰B β⁺, Z = 5, A = 10, T½ = 19.30 s, Q_EC = 3.64806 MeV (AME2020):
    ///
    /// | level (MeV) | J^π | I (%) | T₀ = Q_EC − 2m_e − E_level (MeV) | prompt γ + annihilation (MeV) |
    /// |---|---|---|---|---|
    /// | 0.71838 | 1⁺ | 98.535 | 1.90768 | 0.71838 + 1.022 |
    /// | 1.74005 | 0⁺ | 1.465 | 0.88601 | 1.74005 (1021.7 + 718.4 keV) + 1.022 |
    ///
    /// The brief's "1.87 MeV" endpoint is not the mass difference: Q_EC − 2 m_e − 0.718 = 1.908 MeV.
    /// E_vis ≤ Q_EC for c = 1.
    public static func carbon10(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let qPositron = 3.64806 - 2 * PhysicalConstants.electronMass
        func branch(_ level: Double) throws -> BetaBranch {
            try BetaBranch(name: "C10 -> B10 \(keV(level)) keV (beta+)", endpointKineticEnergy: qPositron - level,
                           daughterCharge: 5, massNumber: 10, shape: .allowed, gammaEnergy: level, coulomb: coulomb,
                           decay: .betaPlus)
        }
        return try BetaEmitter(name: "C10", halfLife: 19.30, branches: [branch(0.71838), branch(1.74005)],
                               intensities: [98.535, 1.465])
    }

    /// Cosmogenic ⁸Li → ⁸Be* (2⁺, E_x = 3.03 MeV, Γ = 1.5 MeV) → 2α, T½ = 0.8399 s, Z = 4, A = 8,
    /// Q = 16.004 MeV (`Lithium8Spectrum.qValue`). A single allowed branch to E_x = 3.03 MeV,
    /// T₀ = 12.974 MeV, as the brief permits: the broad final state (which the IsoDAR source
    /// spectrum folds, docs/physics.md §4) smears the endpoint over ≈ ±1 MeV and moves ⟨T⟩ by
    /// ≲ 0.1 MeV. The two α (≈ 3.1 MeV together) are not in E_vis.
    public static func lithium8Cosmogenic(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let b = try BetaBranch(name: "Li8 -> Be8 3.03 MeV", endpointKineticEnergy: Lithium8Spectrum.qValue - 3.03,
                               daughterCharge: 4, massNumber: 8, shape: .allowed, coulomb: coulomb)
        return try BetaEmitter(name: "Li8", halfLife: 0.8399, branches: [b], intensities: [100])
    }

    /// ⁸He → ⁸Li, Z = 3, A = 8, T½ = 119.1 ms, Q = 10.664 MeV (AME2020), P_n = 16 %:
    ///
    /// | ⁸Li level (MeV) | J^π | I (%) | T₀ (MeV) | prompt γ (MeV) | then |
    /// |---|---|---|---|---|---|
    /// | 0.9808 | 1⁺ | 84 | 9.683 | 0.9808 | ⁸Li g.s. (β⁻, 0.84 s: a separate event) |
    /// | 3.21 | 1⁺ | 8 | 7.454 | 0 | n + ⁷Li |
    /// | 5.4 | 1⁺ | 8 | 5.264 | 0 | n + ⁷Li (part to ⁷Li* 0.478 MeV: γ neglected, ≤ 0.04 MeV per decay) |
    ///
    /// Broad levels (Γ ≈ 1 MeV, 0.65 MeV) as sharp ones. Prompt E_vis = T + c E_γ.
    public static func helium8(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let q = 10.664
        let table: [(level: Double, intensity: Double, gamma: Double)] = [(0.9808, 84, 0.9808), (3.21, 8, 0), (5.4, 8, 0)]
        let branches = try table.map { row in
            try BetaBranch(name: "He8 -> Li8 \(keV(row.level)) keV", endpointKineticEnergy: q - row.level,
                           daughterCharge: 3, massNumber: 8, shape: .allowed, gammaEnergy: row.gamma, coulomb: coulomb)
        }
        return try BetaEmitter(name: "He8", halfLife: 0.1191, branches: branches, intensities: table.map(\.intensity))
    }

    /// ⁹Li → ⁹Be, Z = 4, A = 9, T½ = 178.3 ms, Q = 13.6065 MeV (AME2020), P_n = 50.8 % (levels
    /// above S_n = 1.665 MeV break up into n + 2α; no γ):
    ///
    /// | ⁹Be level (MeV) | J^π | I (%) | T₀ (MeV) | then |
    /// |---|---|---|---|---|
    /// | 0 | 3/2⁻ | 49.2 | 13.6065 | — |
    /// | 2.4294 | 5/2⁻ | 29.7 | 11.1771 | n + ⁸Be → n + 2α |
    /// | 2.78 | 1/2⁻ | 15.8 | 10.8265 | n + 2α |
    /// | 7.94 | (5/2⁻) | 1.5 | 5.6665 | n + 2α |
    /// | 11.283 | | 1.1 | 2.3235 | n / α + ⁵He |
    /// | 11.81 | 5/2⁻ | 2.7 | 1.7965 | n / α + ⁵He |
    ///
    /// (Tilley et al. 2004, from Nyman et al., Nucl. Phys. A510, 189 (1990).) Prompt E_vis = T: the
    /// neutron and α energies (≤ 10 MeV in the small high-E_x branches, ≈ 0.8 MeV for 2.43 MeV) are
    /// quenched and neglected; the neutron capture is delayed.
    public static func lithium9(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let q = 13.6065
        let table: [(level: Double, intensity: Double)] = [
            (0, 49.2), (2.4294, 29.7), (2.78, 15.8), (7.94, 1.5), (11.283, 1.1), (11.81, 2.7),
        ]
        let branches = try table.map { row in
            try BetaBranch(name: row.level == 0 ? "Li9 -> Be9 g.s." : "Li9 -> Be9 \(keV(row.level)) keV",
                           endpointKineticEnergy: q - row.level, daughterCharge: 4, massNumber: 9, shape: .allowed,
                           coulomb: coulomb)
        }
        return try BetaEmitter(name: "Li9", halfLife: 0.1783, branches: branches, intensities: table.map(\.intensity))
    }

    /// ¹²B → ¹²C, Z = 6, A = 12, T½ = 20.22 ms, Q = 13.3694 MeV (AME2020); branching ratios adopted
    /// by Kelley et al. (2017):
    ///
    /// | ¹²C level (MeV) | J^π | I (%) | T₀ (MeV) | prompt γ (MeV) |
    /// |---|---|---|---|---|
    /// | 0 | 0⁺ | 98.30 | 13.3694 | 0 |
    /// | 4.43982 | 2⁺ | 1.182 | 8.9296 | 4.43894 (γ; recoil 0.9 keV) |
    /// | 7.65407 | 0⁺ | 0.54 | 5.7153 | 0 (→ 3α, 0.38 MeV of α energy, quenched) |
    ///
    /// Normalized over 100.022 (dropped: 0.062 % to the broad 10.3 MeV state). The brief's 97.2 % is
    /// the 1990 compilation (97.22 %); the 2017 evaluation adopts 98.30 %.
    public static func boron12(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let q = 13.3694
        let table: [(level: Double, intensity: Double, gamma: Double)] = [
            (0, 98.30, 0), (4.43982, 1.182, 4.43894), (7.65407, 0.54, 0),
        ]
        let branches = try table.map { row in
            try BetaBranch(name: row.level == 0 ? "B12 -> C12 g.s." : "B12 -> C12 \(keV(row.level)) keV",
                           endpointKineticEnergy: q - row.level, daughterCharge: 6, massNumber: 12, shape: .allowed,
                           gammaEnergy: row.gamma, coulomb: coulomb)
        }
        return try BetaEmitter(name: "B12", halfLife: 0.02022, branches: branches, intensities: table.map(\.intensity))
    }
}
