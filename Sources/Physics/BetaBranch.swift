import Foundation
import GSL

/// One β⁻ branch: a transition with a given endpoint and shape, optionally followed by prompt
/// γ rays. The electron kinetic-energy spectrum is (Konopinski 1966; Behrens & Bühring 1982;
/// Hayen et al., Rev. Mod. Phys. 90, 015008 (2018)):
///
///     dN/dT ∝ p W (W₀ − W)² F(Z, W) C(W),   W = 1 + T/m_e,  p = √(W² − 1),  W₀ = 1 + T₀/m_e
///
/// in electron units, with F the Fermi function of the daughter charge Z (`BetaCoulombModel`;
/// default F₀ L₀) and C the shape factor (`BetaShape`). Neglected: radiative (outer) corrections,
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
    /// Total energy of the γ rays emitted promptly after this branch (a cascade summed), MeV;
    /// 0 for a ground-state transition.
    public let gammaEnergy: Double
    public let coulomb: BetaCoulombModel
    /// ∫₀^{T₀} (unnormalized dN/dT) dT, in the units of `unnormalizedDensity` × MeV.
    public let normalization: Double

    let fermi: FermiFunction
    let finiteSize: FermiFunction.FiniteSizeCoefficients

    /// Lowest kinetic energy at which the density is evaluated, MeV: below it the value at
    /// 10⁻⁹ MeV is returned (p F(Z, W) tends to a finite limit as T → 0 for β⁻; the relative
    /// difference from the limit is O(10⁻⁹)).
    public static let smallestEvaluatedKineticEnergy = 1e-9

    /// - Parameters:
    ///   - endpointKineticEnergy: T₀ > 0, MeV.
    ///   - daughterCharge: Z ≥ 0 of the daughter (β⁻).
    ///   - gammaEnergy: prompt γ energy ≥ 0, MeV.
    /// - Throws: `PhysicsInputError.invalidParameter` for bad inputs; `GSLError` if the
    ///   normalization integral fails.
    public init(name: String, endpointKineticEnergy: Double, daughterCharge: Int, massNumber: Int,
                shape: BetaShape, gammaEnergy: Double = 0, coulomb: BetaCoulombModel = .finiteSize) throws {
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
        self.gammaEnergy = gammaEnergy
        self.coulomb = coulomb
        let fermi = FermiFunction(daughterCharge: daughterCharge, massNumber: massNumber, decay: .betaMinus)
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
        switch coulomb {
        case .none: coulombFactor = 1
        case .pointCharge: coulombFactor = fermi(totalEnergy: w * me)
        case .finiteSize: coulombFactor = fermi(totalEnergy: w * me) * finiteSize.correction(totalEnergy: w * me)
        }
        return p * w * q * q * coulombFactor * shape.factor(w: w, w0: w0)
    }

    /// The normalized dN/dT at kinetic energy `t`, per MeV (∫₀^{T₀} = 1); 0 outside (0, T₀).
    public func density(kineticEnergy t: Double) -> Double {
        unnormalizedDensity(kineticEnergy: t) / normalization
    }
}
