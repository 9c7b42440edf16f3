import Foundation
import NueTestSupport
import Testing
@testable import Physics

/// The BKS one-loop corrections (docs/physics.md §9) against numbers computed independently.
@Suite struct RadiativeCorrectionTests {
    /// I(T) against a 40-digit mpmath evaluation of BKS eq. (A4) (docs/physics.md §9.6); the
    /// series branch (T < 0.0026 MeV) and the closed form must both reach 10⁻⁹ relative.
    @Test func loopFunctionAgainstHighPrecision() {
        let reference: [(Double, Double)] = [(0.001, 1.30408734539617e-4), (0.1, 0.0125289955739252),
                                             (1, 0.095063087779653), (5, 0.260286165054163), (10, 0.356301967806103)]
        for (t, i) in reference {
            #expect(relativeDifference(ElectroweakRadiativeCorrection.loopFunction(recoilMeV: t), i) < 1e-9, "T = \(t)")
        }
        // The two branches meet continuously at x² = 400.
        let tSwitch = 2 * PhysicalConstants.electronMass / 399
        let below = ElectroweakRadiativeCorrection.loopFunction(recoilMeV: tSwitch * (1 - 1e-9))
        let above = ElectroweakRadiativeCorrection.loopFunction(recoilMeV: tSwitch * (1 + 1e-9))
        #expect(relativeDifference(below, above) < 1e-7)
    }

    /// κ̂ and the corrected couplings at T = 5 MeV, ŝ² = 0.2317, by hand from BKS eqs. (A3)–(A6):
    /// κ_e = 0.9791 + 0.0097 × 0.260286 = 0.981625, κ_μ = 0.9970 − 0.00037 × 0.260286 = 0.996904;
    /// ν̄e: g_R = 1.0126 × 0.981625 × 0.2317 = 0.230308, g_L = 1 − 1.0126 (1/2 − 0.227442) = 0.724008.
    @Test func couplingsAtAReferencePoint() {
        #expect(abs(ElectroweakRadiativeCorrection.kappa(flavor: .electronAntineutrino, recoilMeV: 5) - 0.981625) < 1e-6)
        #expect(abs(ElectroweakRadiativeCorrection.kappa(flavor: .muonNeutrino, recoilMeV: 5) - 0.996904) < 1e-6)
        let c = ElectroweakCouplings.radiativelyCorrected(flavor: .electronAntineutrino, sin2ThetaW: 0.2317, recoilMeV: 5)
        #expect(abs(c.right - 0.230308) < 2e-6)
        #expect(abs(c.left - 0.724008) < 2e-6)
        let mu = ElectroweakCouplings.radiativelyCorrected(flavor: .muonNeutrino, sin2ThetaW: 0.2317, recoilMeV: 5)
        // g_L = −1.0126 (1/2 − 0.996904 × 0.2317) = −0.272407, g_R = 1.0126 × 0.230983 = 0.233893.
        #expect(abs(mu.left + 0.272407) < 2e-6)
        #expect(abs(mu.right - 0.233893) < 2e-6)
    }

    /// f₋, (1 − z)² f₊, f₊₋ against a 40-digit mpmath evaluation of BKS Appendix B written with the
    /// original λ = ln(1 − z − m_e/(E_e + l)) and L(x) by quadrature (docs/physics.md §9.6): a
    /// different algorithm for both the logarithm near T_max and the Spence function. 10⁻⁹
    /// absolute (the functions are O(1–30)).
    @Test func qedFunctionsAgainstHighPrecision() {
        let reference: [(e: Double, t: Double, f: [Double])] = [
            (8, 4, [-2.40188956330785, -1.15450025793956, -3.07025893743043]),
            (3, 0.5, [-1.16995333328205, -0.800856918162178, -0.589790973907538]),
            (12, 11, [-10.1345236551684, -0.118040542603532, -15.713011693957]),
            (6.5, 0.05, [-0.345019453196877, -0.189587136261438, -0.133985957136013]),
            (10, 9.7, [-22.1956031930376, -0.0275257146487596, -28.5668566871538]),
        ]
        for r in reference {
            let f = QEDCorrectionFunctions(neutrinoEnergyMeV: r.e, recoilMeV: r.t)
            let got = [f.fMinus, f.fPlusTimesOneMinusZSquared, f.fPlusMinus]
            for k in 0..<3 { #expect(abs(got[k] - r.f[k]) < 1e-9, "E = \(r.e), T = \(r.t), function \(k)") }
        }
    }

    /// dσ/dT against sntools 1.4 (SNEWS2/sntools, `interaction_channels/es.py`, an independent
    /// implementation of BKS), at E = 8, T = 4 MeV, ŝ² = 0.2317, values from `Channel(flavor).dSigma_dE`
    /// × (ħc)². sntools uses G_F = 1.16637×10⁻¹¹ MeV⁻²: scaled here by (G_F,nue/G_F,sntools)²; its
    /// m_e and α differ from nue's below 10⁻⁷. Tolerance 10⁻⁶ relative. (The live comparison
    /// over a grid is `RadiativeCorrectionCrossCheckTests`.)
    @Test func crossSectionAgainstSntools() {
        let scale = pow(PhysicalConstants.fermiCoupling / 1.16637e-11, 2)
        let reference: [(NeutrinoFlavor, Double)] = [
            (.electronAntineutrino, 3.0509808121726575e-45), (.electronNeutrino, 9.115868609887616e-45),
            (.muonNeutrino, 1.539553956959285e-45), (.muonAntineutrino, 1.288540068119207e-45),
        ]
        for (flavor, value) in reference {
            let xs = StandardModelCrossSection(flavor: flavor, sin2ThetaW: 0.2317, radiativeCorrections: true)
            #expect(relativeDifference(xs.differential(neutrinoEnergy: 8, recoil: 4), value * scale) < 1e-6, "\(flavor)")
        }
    }

    /// Off means tree level exactly; on, the integral of the corrected spectrum matches the sum of
    /// its electroweak part (closed form at the corrected couplings is not available: T-dependent)
    /// and stays within a few per cent of tree level at the same ŝ² (BKS: O(α/π ln) plus ρ, κ).
    @Test func switchedOffAndSizeOfTheCorrection() throws {
        for flavor in NeutrinoFlavor.allCases {
            let tree = StandardModelCrossSection(flavor: flavor, sin2ThetaW: 0.2317)
            let off = StandardModelCrossSection(flavor: flavor, sin2ThetaW: 0.2317, radiativeCorrections: false)
            let on = StandardModelCrossSection(flavor: flavor, sin2ThetaW: 0.2317, radiativeCorrections: true)
            for (e, t) in [(8.0, 4.0), (3.0, 0.5), (12.0, 6.0)] {
                #expect(off.differential(neutrinoEnergy: e, recoil: t) == tree.differential(neutrinoEnergy: e, recoil: t))
                let ratio = on.differential(neutrinoEnergy: e, recoil: t) / tree.differential(neutrinoEnergy: e, recoil: t)
                #expect(abs(ratio - 1) < 0.06, "\(flavor) E = \(e) T = \(t): ratio \(ratio)")
            }
            let total = try on.total(neutrinoEnergy: 8), treeTotal = try tree.total(neutrinoEnergy: 8)
            #expect(abs(total / treeTotal - 1) < 0.05)
        }
        // Beyond T_max the corrected cross section is 0 like the tree-level one.
        let on = StandardModelCrossSection(sin2ThetaW: 0.2317, radiativeCorrections: true)
        #expect(on.differential(neutrinoEnergy: 8, recoil: 7.8) == 0)
    }

    /// The soft-photon logarithm: near T_max, f₊₋ = 2 f₀ λ with λ = ln(1 − z − m_e/(E_e + l)) → −∞
    /// like ln(T_max − T): halving the distance to T_max lowers f₊₋ by 2 f₀ ln 2 (to O(T_max − T)).
    @Test func softPhotonLogarithmAtTheEndpoint() {
        let e = 8.0, tMax = Kinematics.maxRecoil(neutrinoEnergy: e)
        let a = QEDCorrectionFunctions(neutrinoEnergyMeV: e, recoilMeV: tMax - 1e-6)
        let b = QEDCorrectionFunctions(neutrinoEnergyMeV: e, recoilMeV: tMax - 0.5e-6)
        let t = tMax - 0.5e-6, ee = t + PhysicalConstants.electronMass, l = (ee * ee - PhysicalConstants.electronMass * PhysicalConstants.electronMass).squareRoot()
        let f0 = ee / l * log((ee + l) / PhysicalConstants.electronMass) - 1
        #expect(abs((a.fPlusMinus - b.fPlusMinus) - 2 * f0 * log(2)) < 1e-4)
    }
}
