import Physics
import Testing
@testable import Simulation

@Suite struct ScatteringModelTests {
    static let points: [(Double, Double)] = [(8, 4), (3, 0.5), (12, 11.5), (6.5, 0.05)]

    /// The fast event-loop formula and the 1/E-polynomial coefficients against the Physics types.
    @Test func fastFormulaMatchesPhysicsTypes() {
        let models = [ScatteringModel(), ScatteringModel(kappa: 3e-11),
                      ScatteringModel.universal(g: 1e-6, mediatorMassMeV: 0.3),
                      ScatteringModel.universal(g: 2e-6, interference: .pureZPrimeOnly),
                      ScatteringModel(flavor: .electronNeutrino, kappa: 1e-10, couplingProduct: 4e-12)]
        for model in models {
            let reference = model.crossSection
            for (e, t) in Self.points {
                let r = reference.differential(neutrinoEnergy: e, recoil: t)
                #expect(abs(model.differential(neutrinoEnergyMeV: e, recoilMeV: t) / r - 1) < 1e-12)
                #expect(abs(model.coefficients(recoilMeV: t).evaluate(neutrinoEnergyMeV: e) / r - 1) < 1e-12)
            }
        }
    }

    @Test func workedValueFromPhysicsNotes() {
        // physics.md §1: dσ/dT(ν̄e, E = 8, T = 4, sin²θ_W = 0.2387) = 3.2357e-45 cm²/MeV.
        let v = ScatteringModel(sin2ThetaW: 0.2387).differential(neutrinoEnergyMeV: 8, recoilMeV: 4)
        #expect(abs(v / 3.2357e-45 - 1) < 2e-4)
        // §3: g = 1e-6, M = 0 → ratio to SM 1.0326.
        let lv = ScatteringModel.universal(g: 1e-6, sin2ThetaW: 0.2387).differential(neutrinoEnergyMeV: 8, recoilMeV: 4)
        #expect(abs(lv / v - 1.0326) < 2e-4)
    }

    @Test func spectrumTableReproducesTheSpline() {
        let s = Fixtures.spectrum
        let table = SpectrumTable(s)
        var worst = 0.0
        for k in 0..<5000 {
            let e = s.endpoint * (Double(k) + 0.37) / 5000
            let a = s.density(at: e), b = table.density(at: e)
            worst = max(worst, abs(a - b) / 0.2)
        }
        #expect(worst < 1e-12)
    }
}
