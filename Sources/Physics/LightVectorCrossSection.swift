import Foundation

/// A light vector boson Z′ of mass M coupled to neutrinos (g_ν) and vectorially to electrons (g_e).
///
/// Exact at tree level: the Z′ propagator at q² = −2 m_e T shifts the vector coupling of the
/// SM formula (docs/physics.md §3.1–3.2),
///
///     g_V → g_V + δ(T),   δ(T) = g_ν g_e / (√2 G_F (2 m_e T + M²))
///
/// so dσ/dT − dσ_SM/dT = K [δ · L(E,T) + δ² · Q(E,T)] exactly, with K = G_F² m_e/(2π) and, for ν̄,
/// L = 2(g_V − g_A) + 2(g_V + g_A)(1 − y)² − 2 g_V m_e T/E², Q = 1 + (1 − y)² − m_e T/E², y = T/E
/// (g_V ∓ g_A swap for ν). For T ≪ E it is the form of Cerdeño et al., JHEP 05 (2016) 118, and
/// Harnik, Kopp & Machado, JCAP 07 (2012) 026: √2 G_F m_e g_V g_ν g_e/[π(2m_eT+M²)] + m_e g_ν²g_e²/[2π(2m_eT+M²)²].
///
/// This type gives the new-physics increment only; add `StandardModelCrossSection` for the rate.
/// `interference: .pureZPrimeOnly` drops the linear (SM–Z′ interference) term: the approximation
/// of some earlier sensitivity estimates, kept for comparison; the exact form is the default.
/// With `radiativeCorrections` the SM couplings in the interference term are the one-loop
/// electroweak ones at T (`ElectroweakCouplings.radiativelyCorrected`, docs/physics.md §9.3);
/// the Z′ exchange itself stays at tree level.
public struct LightVectorCrossSection: CrossSection {
    /// Named as in run cards and tables: `exact` or `none`.
    public enum Interference: String, Sendable, CaseIterable, Codable {
        /// SM–Z′ interference plus the pure Z′ term (the exact tree-level rate).
        case exact
        /// The pure Z′ term only: the no-interference approximation.
        case pureZPrimeOnly = "none"
    }

    public let couplings: ElectroweakCouplings
    /// Mediator mass M, MeV.
    public let mediatorMass: Double
    /// g_ν g_e (dimensionless); with universal couplings g, this is g².
    public let couplingProduct: Double
    public let interference: Interference
    /// Whether the interference term uses the radiatively corrected SM couplings.
    public let radiativeCorrections: Bool

    public init(couplingProduct: Double, mediatorMass: Double = 0,
                flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                interference: Interference = .exact, radiativeCorrections: Bool = false) {
        self.couplingProduct = couplingProduct
        self.mediatorMass = mediatorMass
        self.couplings = ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW)
        self.interference = interference
        self.radiativeCorrections = radiativeCorrections
    }

    /// Universal coupling g to neutrinos and electrons: g_ν g_e = g².
    public init(universalCoupling g: Double, mediatorMass: Double = 0,
                flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                interference: Interference = .exact, radiativeCorrections: Bool = false) {
        self.init(couplingProduct: g * g, mediatorMass: mediatorMass, flavor: flavor,
                  sin2ThetaW: sin2ThetaW, interference: interference, radiativeCorrections: radiativeCorrections)
    }

    public var label: String { interference == .exact ? "light-vector" : "light-vector-no-interference" }

    /// δ(T) per unit g_ν g_e: 1/(√2 G_F (2 m_e T + M²)), dimensionless.
    @inlinable
    public func vectorShiftPerUnitCoupling(recoil t: Double) -> Double {
        1 / (2.0.squareRoot() * PhysicalConstants.fermiCoupling * (2 * PhysicalConstants.electronMass * t + mediatorMass * mediatorMass))
    }

    /// δ(T) = g_ν g_e / (√2 G_F (2 m_e T + M²)). δ(T = 4 MeV) = 0.01483 for g = 10⁻⁶, M = 0.
    @inlinable
    public func vectorShift(recoil t: Double) -> Double { couplingProduct * vectorShiftPerUnitCoupling(recoil: t) }

    /// The coefficient of g_ν g_e in dσ/dT (the interference term), cm²/MeV.
    @inlinable
    public func linearCoefficient(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        guard t > 0, t <= Kinematics.maxRecoil(neutrinoEnergy: e) else { return 0 }
        let couplings = self.couplings.atRecoil(t, radiativeCorrections: radiativeCorrections)
        let gv = couplings.vector, ga = couplings.axial
        let y = 1 - t / e, r = PhysicalConstants.electronMass * t / (e * e)
        let (first, second) = couplings.flavor.isAntineutrino ? (gv - ga, gv + ga) : (gv + ga, gv - ga)
        let bracket = 2 * first + 2 * second * y * y - 2 * gv * r
        return StandardModelCrossSection.prefactor * bracket * vectorShiftPerUnitCoupling(recoil: t)
    }

    /// The coefficient of (g_ν g_e)² in dσ/dT (the pure Z′ term), cm²/MeV.
    @inlinable
    public func quadraticCoefficient(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        guard t > 0, t <= Kinematics.maxRecoil(neutrinoEnergy: e) else { return 0 }
        let y = 1 - t / e, r = PhysicalConstants.electronMass * t / (e * e)
        let d = vectorShiftPerUnitCoupling(recoil: t)
        return StandardModelCrossSection.prefactor * (1 + y * y - r) * d * d
    }

    /// dσ/dT − dσ_SM/dT, cm²/MeV (can be negative when g_ν g_e < 0).
    @inlinable
    public func differential(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        let x = couplingProduct
        let pure = x * x * quadraticCoefficient(neutrinoEnergy: e, recoil: t)
        switch interference {
        case .exact: return x * linearCoefficient(neutrinoEnergy: e, recoil: t) + pure
        case .pureZPrimeOnly: return pure
        }
    }
}
