import Foundation
import NueTestSupport
import Testing
@testable import Physics

/// Relative difference |a − b| / |b|.

@Suite struct WorkedValueTests {
    /// physics.md §1–3 worked values (sin²θ_W = 0.2387 unless stated), to 10⁻⁴ relative.
    @Test func standardModelWorkedValues() throws {
        let sm = StandardModelCrossSection(sin2ThetaW: 0.2387)
        #expect(relativeDifference(sm.differential(neutrinoEnergy: 8, recoil: 4), 3.2357e-45) < 1e-4)
        #expect(relativeDifference(try sm.total(neutrinoEnergy: 8), 3.1958e-44) < 1e-4)
        #expect(relativeDifference(try sm.integrated(neutrinoEnergy: 8, recoilFrom: 3, to: 100), 1.0168e-44) < 1e-4)
        let zPole = StandardModelCrossSection(sin2ThetaW: 0.2312)
        #expect(relativeDifference(zPole.differential(neutrinoEnergy: 8, recoil: 4), 3.1315e-45) < 1e-4)
        let nue = StandardModelCrossSection(flavor: .electronNeutrino, sin2ThetaW: 0.2387)
        #expect(relativeDifference(nue.differential(neutrinoEnergy: 8, recoil: 4), 9.5519e-45) < 1e-4)
    }

    @Test func constants() {
        #expect(relativeDifference(PhysicalConstants.weakCrossSectionScale, 1.72327e-44) < 1e-5)
        #expect(relativeDifference(PhysicalConstants.magneticMomentScale, 2.4947e-25) < 1e-4)
    }

    @Test func kinematicsWorkedValues() {
        #expect(relativeDifference(Kinematics.maxRecoil(neutrinoEnergy: 8), 7.7524) < 1e-4)
        #expect(relativeDifference(Kinematics.cosRecoilAngle(neutrinoEnergy: 8, recoil: 4), 0.9495) < 1e-4)
    }

    @Test func magneticMomentWorkedValue() {
        let mm = MagneticMomentCrossSection(kappa: 1e-11)
        #expect(relativeDifference(mm.differential(neutrinoEnergy: 8, recoil: 4), 3.118e-48) < 1e-3)
    }

    /// δg_V = g²/(√2 G_F · 2 m_e T) = 0.01483 and the rate ratio 1.0326 at g = 10⁻⁶, M = 0.
    @Test func lightVectorWorkedValues() {
        let lv = LightVectorCrossSection(universalCoupling: 1e-6, sin2ThetaW: 0.2387)
        #expect(relativeDifference(lv.vectorShift(recoil: 4), 0.01483) < 3e-4)
        let sm = StandardModelCrossSection(sin2ThetaW: 0.2387)
        let ratio = (sm.differential(neutrinoEnergy: 8, recoil: 4) + lv.differential(neutrinoEnergy: 8, recoil: 4))
            / sm.differential(neutrinoEnergy: 8, recoil: 4)
        #expect(abs(ratio - 1.0326) < 1e-4)
    }
}

@Suite struct CrossSectionIdentityTests {
    /// T_max and E_min are inverse functions; cos θ_e = 1 at T_max and decreases with T.
    @Test(arguments: [0.5, 2.0, 6.4, 12.0])
    func kinematicIdentities(e: Double) {
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: e)
        #expect(relativeDifference(Kinematics.minNeutrinoEnergy(recoil: tMax), e) < 1e-12)
        #expect(abs(Kinematics.cosRecoilAngle(neutrinoEnergy: e, recoil: tMax) - 1) < 1e-12)
        #expect(Kinematics.cosRecoilAngle(neutrinoEnergy: e, recoil: tMax / 2) < 1)
    }

    /// Closed-form integrals against GSL adaptive integration of dσ/dT.
    @Test(arguments: [NeutrinoFlavor.electronAntineutrino, .electronNeutrino, .muonNeutrino, .muonAntineutrino])
    func analyticIntegralsMatchNumerical(flavor: NeutrinoFlavor) throws {
        let sm = StandardModelCrossSection(flavor: flavor)
        struct Numerical: CrossSection {
            let base: StandardModelCrossSection
            var label: String { "numerical" }
            func differential(neutrinoEnergy e: Double, recoil t: Double) -> Double { base.differential(neutrinoEnergy: e, recoil: t) }
        }
        for (e, lo, hi) in [(8.0, 0.0, 8.0), (5.0, 1.0, 3.0), (12.0, 3.0, 20.0)] {
            let analytic = try sm.integrated(neutrinoEnergy: e, recoilFrom: lo, to: hi)
            let numeric = try Numerical(base: sm).integrated(neutrinoEnergy: e, recoilFrom: lo, to: hi)
            #expect(relativeDifference(analytic, numeric) < 1e-9)
        }
    }

    @Test func magneticMomentIntegralMatchesNumerical() throws {
        let mm = MagneticMomentCrossSection(kappa: 3e-11)
        let analytic = try mm.integrated(neutrinoEnergy: 8, recoilFrom: 0.2, to: 8)
        let numeric = try CrossSectionSum([mm]).terms[0].integrated(neutrinoEnergy: 8, recoilFrom: 0.2, to: 8)
        let sumOfParts = try mm.integrated(neutrinoEnergy: 8, recoilFrom: 0.2, to: 1) + mm.integrated(neutrinoEnergy: 8, recoilFrom: 1, to: 8)
        #expect(relativeDifference(analytic, sumOfParts) < 1e-12)
        // ∫ (1/T − 1/E) dT by hand: ln(T_max/0.2) − (T_max − 0.2)/8.
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: 8)
        let byHand = PhysicalConstants.magneticMomentScale * 9e-22 * (log(tMax / 0.2) - (tMax - 0.2) / 8)
        #expect(relativeDifference(numeric, byHand) < 1e-12)
        #expect(throws: PhysicsInputError.self) { try mm.integrated(neutrinoEnergy: 8, recoilFrom: 0, to: 1) }
    }

    @Test func zeroOutsideKinematicRange() {
        let sm = StandardModelCrossSection()
        #expect(sm.differential(neutrinoEnergy: 8, recoil: 7.8) == 0)
        #expect(sm.differential(neutrinoEnergy: 8, recoil: 0) == 0)
        #expect(MagneticMomentCrossSection(kappa: 1).differential(neutrinoEnergy: 1, recoil: 2) == 0)
    }

    @Test func badInputIsRejected() {
        #expect(throws: PhysicsInputError.self) { try PhysicsInputError.checkPoint(neutrinoEnergy: -1, recoil: 1) }
        #expect(throws: PhysicsInputError.self) { try PhysicsInputError.checkPoint(neutrinoEnergy: .nan, recoil: 1) }
        #expect(throws: PhysicsInputError.self) { try PhysicsInputError.checkPoint(neutrinoEnergy: 8, recoil: 9) }
        #expect(throws: PhysicsInputError.self) { try StandardModelCrossSection().integrated(neutrinoEnergy: 8, recoilFrom: 3, to: 1) }
    }
}

@Suite struct LightVectorTests {
    /// The increment computed by hand: the SM bracket with g_V → g_V + δ minus the SM bracket.
    @Test(arguments: [NeutrinoFlavor.electronAntineutrino, .electronNeutrino, .muonNeutrino])
    func exactFormIsTheShiftedVectorCoupling(flavor: NeutrinoFlavor) {
        let s2w = 0.23867, me = PhysicalConstants.electronMass
        for (g, m) in [(1e-6, 0.0), (3e-6, 2.0), (2e-5, 30.0)] {
            let lv = LightVectorCrossSection(universalCoupling: g, mediatorMass: m, flavor: flavor, sin2ThetaW: s2w)
            let e = 7.0, t = 2.5
            let delta = g * g / (2.0.squareRoot() * PhysicalConstants.fermiCoupling * (2 * me * t + m * m))
            let half = flavor.hasChargedCurrent ? 0.5 : -0.5
            func bracket(_ gv: Double) -> Double {
                let ga = half, y = 1 - t / e
                let (a, b) = flavor.isAntineutrino ? (gv - ga, gv + ga) : (gv + ga, gv - ga)
                return a * a + b * b * y * y - (gv * gv - ga * ga) * me * t / (e * e)
            }
            let gv = half + 2 * s2w
            let k = PhysicalConstants.fermiCoupling * PhysicalConstants.fermiCoupling * me / (2 * .pi) * PhysicalConstants.hbarCSquared
            let byHand = k * (bracket(gv + delta) - bracket(gv))
            #expect(relativeDifference(lv.differential(neutrinoEnergy: e, recoil: t), byHand) < 1e-10)
        }
    }

    /// For T ≪ E the exact increment tends to the literature form
    /// √2 G_F m_e g_V g²/[π(2m_eT+M²)] + m_e g⁴/[2π(2m_eT+M²)²]; the difference is O(T/E).
    @Test func reducesToLiteratureFormAtSmallRecoil() {
        let g = 1e-6, me = PhysicalConstants.electronMass, gf = PhysicalConstants.fermiCoupling
        let lv = LightVectorCrossSection(universalCoupling: g)
        let gv = lv.couplings.vector
        var previous = Double.infinity
        for e in [10.0, 100.0, 1000.0] {
            let t = 0.05
            let q2 = 2 * me * t
            let literature = (2.0.squareRoot() * gf * me * gv * g * g / (.pi * q2) + me * pow(g, 4) / (2 * .pi * q2 * q2)) * PhysicalConstants.hbarCSquared
            let difference = relativeDifference(lv.differential(neutrinoEnergy: e, recoil: t), literature)
            #expect(difference < 3 * t / e + 1e-9)
            #expect(difference < previous)
            previous = difference
        }
    }

    @Test func pureOnlyDropsTheInterferenceTerm() {
        let exact = LightVectorCrossSection(universalCoupling: 1e-6)
        let pure = LightVectorCrossSection(universalCoupling: 1e-6, interference: .pureZPrimeOnly)
        let e = 8.0, t = 4.0
        let interference = 1e-12 * exact.linearCoefficient(neutrinoEnergy: e, recoil: t)
        #expect(relativeDifference(exact.differential(neutrinoEnergy: e, recoil: t) - pure.differential(neutrinoEnergy: e, recoil: t), interference) < 1e-12)
        #expect(interference > 0)
        // Near the present limit the interference dominates the pure term.
        #expect(interference > 10 * pure.differential(neutrinoEnergy: e, recoil: t))
    }

    /// g_ν g_e < 0 interferes destructively; the effect is independent of M for M² ≪ 2 m_e T.
    @Test func signAndMassDependence() {
        let negative = LightVectorCrossSection(couplingProduct: -1e-12)
        #expect(negative.differential(neutrinoEnergy: 8, recoil: 4) < 0)
        let light = LightVectorCrossSection(universalCoupling: 1e-6, mediatorMass: 0.01)
        let massless = LightVectorCrossSection(universalCoupling: 1e-6)
        #expect(relativeDifference(light.differential(neutrinoEnergy: 8, recoil: 4), massless.differential(neutrinoEnergy: 8, recoil: 4)) < 1e-4)
    }
}
