import Foundation
import GSL

/// The relativistic Fermi function for a point-like charge distribution evaluated at the nuclear
/// radius (Konopinski, *The Theory of Beta Radioactivity*, 1966; Behrens & Bühring 1982, F₀):
///
///     F₀(Z, W) = 2(1 + γ) (2pR)^{2γ−2} e^{πη} |Γ(γ + iη)|² / Γ(2γ + 1)²
///     γ = √(1 − (αZ)²),  η = ±αZ W/p  (+ for β⁻, − for β⁺)
///
/// with W the electron total energy and p its momentum (both in units of m_e in the formula; nue
/// takes MeV), Z the daughter's charge, R = 1.2 A^{1/3} fm.
public struct FermiFunction: Sendable {
    public enum Decay: Sendable { case betaMinus, betaPlus }

    /// Daughter nuclear charge.
    public let daughterCharge: Int
    /// Mass number (sets R = 1.2 A^{1/3} fm).
    public let massNumber: Int
    public let decay: Decay

    public init(daughterCharge: Int, massNumber: Int, decay: Decay = .betaMinus) {
        self.daughterCharge = daughterCharge
        self.massNumber = massNumber
        self.decay = decay
    }

    /// Nuclear radius in units of ħ/(m_e c).
    public var radius: Double {
        1.2 * pow(Double(massNumber), 1.0 / 3) / (PhysicalConstants.hbarC / PhysicalConstants.electronMass)
    }

    /// F₀(Z, W) for an electron of total energy `totalEnergy` (MeV, > m_e). Dimensionless.
    public func callAsFunction(totalEnergy wMeV: Double) -> Double {
        let w = wMeV / PhysicalConstants.electronMass
        guard w > 1 else { return 0 }
        let p = (w * w - 1).squareRoot()
        let az = PhysicalConstants.fineStructure * Double(daughterCharge)
        let gamma = (1 - az * az).squareRoot()
        let eta = (decay == .betaMinus ? 1.0 : -1.0) * az * w / p
        let lnGammaComplex = (try? SpecialFunctions.logAbsGammaComplex(real: gamma, imaginary: eta)) ?? .nan
        let lnF = log(2 * (1 + gamma)) + (2 * gamma - 2) * log(2 * p * radius) + Double.pi * eta
            + 2 * lnGammaComplex - 2 * SpecialFunctions.logGamma(2 * gamma + 1)
        return exp(lnF)
    }
}
