import Foundation
import GSL

/// One β⁻ or β⁺ branch: a transition with a given endpoint and shape, optionally followed by
/// prompt γ rays. The electron (positron) kinetic-energy spectrum is (Konopinski 1966; Behrens &
/// Bühring 1982; Hayen et al., Rev. Mod. Phys. 90, 015008 (2018)):
///
///     dN/dT ∝ p W (W₀ − W)² F(±Z, W) C(W),   W = 1 + T/m_e,  p = √(W² − 1),  W₀ = 1 + T₀/m_e
///
/// in electron units, with F the Fermi function of the daughter charge Z (`BetaCoulombModel`;
/// default F₀ L₀; Z → −Z for β⁺, `decay`) and C the shape factor (`BetaShape`).
///
/// A β⁺ branch's positron annihilates at rest after stopping: its two 511 keV photons are prompt
/// γ energy, counted in `gammaEnergy` (= de-excitation γ + 2 m_e) so that every visible-energy
/// model (E_vis = T + c E_γ, `VisibleEnergySpectrum`, `BetaSampler`) gives T + c (E_γ,nucl + 2 m_e)
/// with the one containment c (docs/physics.md §14.3). Neglected: radiative (outer) corrections,
/// atomic screening and exchange, recoil-order and weak-magnetism terms, the finite-size
/// convolution C(Z, W) of allowed decays — each at the ≲ 1–2 % level on the shape at Z ≈ 20
/// (the outer radiative correction is the largest, near the endpoint).
///
/// Energies in MeV. `normalization` is computed once with GSL QAG (61-point Gauss–Kronrod,
/// relative tolerance 10⁻¹⁰), so `density(kineticEnergy:)` integrates to 1 over [0, T₀].
public struct BetaBranch: Sendable {
    /// A label for tables ("K42 → Ca42 g.s.").
    public let name: String
    /// Endpoint (maximum) electron kinetic energy T₀, MeV.
    public let endpointKineticEnergy: Double
    /// Charge of the daughter nucleus Z.
    public let daughterCharge: Int
    /// Mass number A (sets R = 1.2 A^{1/3} fm).
    public let massNumber: Int
    public let shape: BetaShape
    /// Total prompt γ energy of this branch, MeV: the de-excitation cascade of the daughter
    /// (`deexcitationGammaEnergy`) plus, for β⁺, the annihilation energy 2 m_e = 1.022 MeV
    /// (`annihilationEnergy`). 0 for a β⁻ ground-state transition.
    public let gammaEnergy: Double
    /// The daughter's de-excitation γ energy (a cascade summed), MeV; 0 for a ground-state transition.
    public let deexcitationGammaEnergy: Double
    /// β⁻ (electron) or β⁺ (positron): the sign of the Coulomb interaction in F.
    public let decay: FermiFunction.Decay
    public let coulomb: BetaCoulombModel
    /// ∫₀^{T₀} (unnormalized dN/dT) dT, in the units of `unnormalizedDensity` × MeV.
    public let normalization: Double

    let fermi: FermiFunction
    let finiteSize: FermiFunction.FiniteSizeCoefficients

    /// Lowest kinetic energy at which the density is evaluated, MeV: below it the value at
    /// 10⁻⁹ MeV is returned (p F(Z, W) tends to a finite limit as T → 0 for β⁻, and to 0 like
    /// e^{−2παZ/p} for β⁺; the relative difference from the limit is O(10⁻⁹)).
    public static let smallestEvaluatedKineticEnergy = 1e-9

    /// - Parameters:
    ///   - endpointKineticEnergy: T₀ > 0, MeV.
    ///   - daughterCharge: Z ≥ 0 of the daughter (for β⁺ too: the sign is `decay`'s).
    ///   - gammaEnergy: the daughter's de-excitation γ energy ≥ 0, MeV (for β⁺ the stored
    ///     `gammaEnergy` adds 2 m_e).
    ///   - decay: `.betaMinus` (default) or `.betaPlus`.
    /// - Throws: `PhysicsInputError.invalidParameter` for bad inputs; `GSLError` if the
    ///   normalization integral fails.
    public init(name: String, endpointKineticEnergy: Double, daughterCharge: Int, massNumber: Int,
                shape: BetaShape, gammaEnergy: Double = 0, coulomb: BetaCoulombModel = .finiteSize,
                decay: FermiFunction.Decay = .betaMinus) throws {
        guard endpointKineticEnergy.isFinite, endpointKineticEnergy > 0 else {
            throw PhysicsInputError.invalidParameter(name: "endpoint kinetic energy (MeV)", value: endpointKineticEnergy,
                                                     requirement: "must be a finite positive number of MeV")
        }
        guard daughterCharge >= 0, daughterCharge < 120 else {
            throw PhysicsInputError.invalidParameter(name: "daughter charge Z", value: Double(daughterCharge),
                                                     requirement: "must be in 0...119")
        }
        guard massNumber >= 1 else {
            throw PhysicsInputError.invalidParameter(name: "mass number A", value: Double(massNumber),
                                                     requirement: "must be ≥ 1")
        }
        guard gammaEnergy.isFinite, gammaEnergy >= 0 else {
            throw PhysicsInputError.invalidParameter(name: "gamma energy (MeV)", value: gammaEnergy,
                                                     requirement: "must be a finite non-negative number of MeV")
        }
        self.name = name
        self.endpointKineticEnergy = endpointKineticEnergy
        self.daughterCharge = daughterCharge
        self.massNumber = massNumber
        self.shape = shape
        self.deexcitationGammaEnergy = gammaEnergy
        self.decay = decay
        self.gammaEnergy = gammaEnergy + (decay == .betaPlus ? 2 * PhysicalConstants.electronMass : 0)
        self.coulomb = coulomb
        let fermi = FermiFunction(daughterCharge: daughterCharge, massNumber: massNumber, decay: decay)
        let finiteSize = fermi.finiteSizeCoefficients
        self.fermi = fermi
        self.finiteSize = finiteSize
        let integral = try Integrator(limit: 200).qag(
            { t in
                BetaBranch.spectrum(kineticEnergy: t, endpoint: endpointKineticEnergy, shape: shape,
                                    coulomb: coulomb, fermi: fermi, finiteSize: finiteSize)
            },
            from: 0, to: endpointKineticEnergy, absoluteTolerance: 0, relativeTolerance: 1e-10)
        guard integral.value > 0 else { throw GSLError("β branch \(name): spectrum integrates to zero") }
        self.normalization = integral.value
    }

    /// The unnormalized dN/dT = p W (W₀ − W)² F C at kinetic energy `t` (MeV), electron units;
    /// 0 outside (0, T₀).
    public func unnormalizedDensity(kineticEnergy t: Double) -> Double {
        BetaBranch.spectrum(kineticEnergy: t, endpoint: endpointKineticEnergy, shape: shape,
                            coulomb: coulomb, fermi: fermi, finiteSize: finiteSize)
    }

    static func spectrum(kineticEnergy t: Double, endpoint endpointKineticEnergy: Double, shape: BetaShape,
                         coulomb: BetaCoulombModel, fermi: FermiFunction,
                         finiteSize: FermiFunction.FiniteSizeCoefficients) -> Double {
        guard t >= 0, t < endpointKineticEnergy else { return 0 }
        let me = PhysicalConstants.electronMass
        let tEval = Swift.max(t, BetaBranch.smallestEvaluatedKineticEnergy)
        let w = 1 + tEval / me
        let w0 = 1 + endpointKineticEnergy / me
        let p = (w * w - 1).squareRoot()
        let q = w0 - w
        let coulombFactor: Double
        var shapeFactor = shape.factor(w: w, w0: w0)
        switch coulomb {
        case .none: coulombFactor = 1
        case .pointCharge: coulombFactor = fermi(totalEnergy: w * me)
        case .finiteSize: coulombFactor = fermi(totalEnergy: w * me) * finiteSize.correction(totalEnergy: w * me)
        case .finiteSizeWithCoulombFunctions:
            coulombFactor = fermi(totalEnergy: w * me) * finiteSize.correction(totalEnergy: w * me)
            let order = shape.highestCoulombFunctionOrder
            if order > 1 {
                func lambda(_ k: Int) -> Double { k <= order ? fermi.coulombFunctionRatio(order: k, totalEnergy: w * me) : 1 }
                shapeFactor = shape.factor(w: w, w0: w0, lambda2: lambda(2), lambda3: lambda(3), lambda4: lambda(4))
            }
        }
        return p * w * q * q * coulombFactor * shapeFactor
    }

    /// The normalized dN/dT at kinetic energy `t`, per MeV (∫₀^{T₀} = 1); 0 outside (0, T₀).
    public func density(kineticEnergy t: Double) -> Double {
        unnormalizedDensity(kineticEnergy: t) / normalization
    }

    /// The annihilation energy included in `gammaEnergy`, MeV: 2 m_e = 1.02200 MeV for β⁺, else 0.
    public var annihilationEnergy: Double { decay == .betaPlus ? 2 * PhysicalConstants.electronMass : 0 }
}
