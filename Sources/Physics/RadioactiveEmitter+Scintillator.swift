/// Scintillator backgrounds with a line channel: ⁴⁰K (β⁻ + electron capture) and the α emitter
/// ²¹⁰Po (docs/physics.md §14.1, §14.4). NNDC/ENSDF (NuDat 3) decay data; Q values AME2020.
extension RadioactiveEmitter {
    /// ²¹⁰Po α energy, MeV (5304.33 keV, 99.999 %; ENSDF/NuDat 3, A = 210).
    public static let polonium210AlphaEnergy = 5.30433
    /// Default α quenching factor Q_α = E_α / E_ee for ²¹⁰Po in a liquid scintillator: 13, i.e.
    /// the 5.30 MeV α appears at 0.408 MeV electron-equivalent — the ≈ 0.4 MeV of the ²¹⁰Po peak in
    /// Borexino's pseudocumene + PPO (Borexino, PRD 89, 112007 (2014); Borexino, PLB 658, 101
    /// (2008)). It depends on the scintillator (Birks' kB: for LAB, von Krosigk et al., EPJC 76,
    /// 109 (2016)) and on the detector's energy scale: set it per experiment.
    public static let polonium210DefaultQuenchingFactor = 13.0

    /// ²¹⁰Po → ²⁰⁶Pb + α, T½ = 138.376 d (ENSDF/NuDat 3): one α line at E_α = 5.30433 MeV,
    /// visible at E_α / Q_α (docs/physics.md §14.4). The 0.001 % branch to the 803 keV level and
    /// the ²⁰⁶Pb recoil (0.10 MeV, quenched far below the α) are dropped.
    /// - Parameter quenchingFactor: Q_α ≥ 1 (default 13, `polonium210DefaultQuenchingFactor`).
    public static func polonium210(quenchingFactor: Double = polonium210DefaultQuenchingFactor) throws -> RadioactiveEmitter {
        let alpha = try EnergyLine.alpha(name: "Po210 alpha", kineticEnergy: polonium210AlphaEnergy,
                                         quenchingFactor: quenchingFactor)
        return try RadioactiveEmitter(name: "Po210", halfLife: 138.376 * 86400, channels: [.line(alpha)], intensities: [100])
    }

    /// ⁴⁰K, T½ = 1.248×10⁹ yr (ENSDF, Chen, Nucl. Data Sheets 140, 1 (2017), via NuDat 3):
    ///
    /// | channel | I (%) | model | E_vis (MeV) |
    /// |---|---|---|---|
    /// | β⁻ → ⁴⁰Ca g.s. (4⁻ → 0⁺) | 89.28 | unique 3rd-forbidden, T₀ = Q_β⁻ = 1.31089 MeV, Z = 20 | T |
    /// | EC → ⁴⁰Ar 1460.82 keV (2⁺) | 10.66 (the γ's intensity) | γ line | c × 1.46082 |
    ///
    /// They add to 99.94 % and are normalized to 1. Dropped: EC to the ⁴⁰Ar ground state
    /// (≈ 0.06–0.2 %; only the ≤ 3.2 keV Ar K-shell X-rays and Auger electrons), the K-shell
    /// energy after capture to the 1460.8 keV level (≤ 3.2 keV), β⁺ (0.001 %).
    /// 4⁻ → 0⁺ is ΔJ = 4 with parity change: unique third-forbidden (`BetaShape.uniqueThirdForbidden`),
    /// not first-forbidden as the brief's list says.
    public static func potassium40(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> RadioactiveEmitter {
        let beta = try BetaBranch(name: "K40 -> Ca40 g.s.", endpointKineticEnergy: 1.31089, daughterCharge: 20,
                                  massNumber: 40, shape: .uniqueThirdForbidden, coulomb: coulomb)
        let ec = try EnergyLine.gamma(name: "K40 EC -> Ar40 1460.8 keV", energy: 1.46082)
        return try RadioactiveEmitter(name: "K40", halfLife: 1.248e9 * PhysicalConstants.secondsPerYear,
                                      channels: [.beta(beta), .line(ec)], intensities: [89.28, 10.66])
    }
}
