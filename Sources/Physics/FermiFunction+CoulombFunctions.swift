import Foundation
import GSL

extension FermiFunction {
    /// The Coulomb function λ_k = F_{k−1}/F₀ of forbidden β spectra (k ≥ 1; λ₁ = 1), with the
    /// generalized point-charge Fermi functions evaluated at the nuclear radius R (Konopinski,
    /// *The Theory of Beta Radioactivity* (1966); Behrens & Bühring (1982); Hayen et al., Rev. Mod.
    /// Phys. 90, 015008 (2018), Sec. IV.C and the unique-forbidden shape factors):
    ///
    ///     F_{k−1} = [k (2k−1)!!]² 4^k (2pR)^{2(γ_k − k)} e^{πη} |Γ(γ_k + iη)|² / Γ(1 + 2γ_k)²
    ///     γ_k = √(k² − (αZ)²),   η = ±αZ W/p (+ β⁻, − β⁺)
    ///
    /// so that
    ///
    ///     λ_k = [k (2k−1)!!]² 4^{k−1} (2pR)^{2(γ_k − k) − 2(γ₁ − 1)}
    ///           × |Γ(γ_k + iη)|² / |Γ(γ₁ + iη)|² × Γ(1 + 2γ₁)² / Γ(1 + 2γ_k)²
    ///
    /// (e^{πη} cancels). λ_k → 1 for Z → 0 (every k); for β⁻ at low Z, λ_k < 1 at small p (the
    /// (2pR)^{≈ (αZ)²(k−1)/k} factor). Dimensionless; `totalEnergy` in MeV (> m_e), W, p, R in
    /// electron units. Returns 1 at or below rest.
    public func coulombFunctionRatio(order k: Int, totalEnergy wMeV: Double) -> Double {
        precondition(k >= 1, "λ_k is defined for k ≥ 1")
        if k == 1 { return 1 }
        let w = wMeV / PhysicalConstants.electronMass
        guard w > 1 else { return 1 }
        let p = (w * w - 1).squareRoot()
        let az = PhysicalConstants.fineStructure * Double(daughterCharge)
        let eta = (decay == .betaMinus ? 1.0 : -1.0) * az * w / p
        let kd = Double(k)
        let g1 = (1 - az * az).squareRoot()
        let gk = (kd * kd - az * az).squareRoot()
        // ln[k (2k−1)!!]² + (k−1) ln 4.
        var doubleFactorial = 1.0
        for j in stride(from: 1, through: 2 * k - 1, by: 2) { doubleFactorial *= Double(j) }
        let lnPrefactor = 2 * log(kd * doubleFactorial) + (kd - 1) * log(4)
        guard let lnGk = try? SpecialFunctions.logAbsGammaComplex(real: gk, imaginary: eta),
              let lnG1 = try? SpecialFunctions.logAbsGammaComplex(real: g1, imaginary: eta) else { return .nan }
        let ln = lnPrefactor + (2 * (gk - kd) - 2 * (g1 - 1)) * log(2 * p * radius)
            + 2 * (lnGk - lnG1) + 2 * (SpecialFunctions.logGamma(1 + 2 * g1) - SpecialFunctions.logGamma(1 + 2 * gk))
        return exp(ln)
    }
}
