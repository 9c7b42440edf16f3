import Foundation
import NueTestSupport
import Testing
import GSL
@testable import Physics

@Suite struct FermiFunctionTests {
    @Test func zeroChargeGivesOne() {
        let f = FermiFunction(daughterCharge: 0, massNumber: 8)
        #expect(abs(f(totalEnergy: 2.0) - 1) < 1e-12)
    }

    /// Against the non-relativistic form 2πη/(1 − e^{−2πη}): for Z = 4 they agree to ~1 %
    /// (γ ≈ 1, the (2pR)^{2γ−2} factor is ≈ 1.001).
    @Test func lowChargeMatchesNonRelativisticForm() {
        let f = FermiFunction(daughterCharge: 4, massNumber: 8)
        for w in [0.7, 1.5, 5.0] {
            let wm = w / PhysicalConstants.electronMass, p = (wm * wm - 1).squareRoot()
            let eta = 4 * PhysicalConstants.fineStructure * wm / p
            let nonRelativistic = 2 * Double.pi * eta / (1 - exp(-2 * Double.pi * eta))
            #expect(relativeDifference(f(totalEnergy: w), nonRelativistic) < 0.01)
        }
        #expect(FermiFunction(daughterCharge: 4, massNumber: 8, decay: .betaPlus)(totalEnergy: 1) < 1)
    }
}

@Suite struct Lithium8SpectrumTests {
    /// Normalization checked with an independent trapezoid rule over the grid.
    @Test func normalizedAndEndpoint() throws {
        let spectrum = try Lithium8Spectrum.make(finalState: .standard)
        var trapezoid = 0.0
        for i in 1..<spectrum.energies.count {
            trapezoid += 0.5 * (spectrum.densities[i] + spectrum.densities[i - 1]) * (spectrum.energies[i] - spectrum.energies[i - 1])
        }
        #expect(abs(trapezoid - 1) < 1e-4)
        #expect(abs(spectrum.endpoint - (16.004 + 0.09184)) < 1e-9)
        #expect(spectrum.density(at: 16.0958) < 1e-6 * spectrum.density(at: 6.5))
    }

    /// A sharp level at 3.03 MeV: endpoint 12.974 MeV and ⟨E⟩ ≈ 6.72 MeV (physics.md §4), the mean
    /// recomputed here by direct QAGS integration of the allowed shape (no table).
    @Test func sharpLevelMean() throws {
        let spectrum = try Lithium8Spectrum.make(finalState: .sharp(excitation: 3.03))
        #expect(abs(spectrum.endpoint - 12.974) < 1e-9)
        let me = PhysicalConstants.electronMass, w0 = 12.974 + me
        let fermi = FermiFunction(daughterCharge: 4, massNumber: 8)
        func shape(_ e: Double) -> Double {
            let w = w0 - e
            guard w > me else { return 0 }
            return (w * w - me * me).squareRoot() * w * e * e * fermi(totalEnergy: w)
        }
        let integrator = Integrator()
        let mean = try integrator.qags({ $0 * shape($0) }, from: 0, to: 12.974).value / integrator.qags(shape, from: 0, to: 12.974).value
        #expect(abs(try spectrum.meanEnergy() - mean) < 2e-4)
        #expect(abs(mean - 6.72) < 0.01)
    }

    /// The broad resonance lowers ⟨E⟩ slightly below the sharp level (physics.md: single-level
    /// forms give ≈ 6.7 MeV; the measured final-state distribution, the default, gives 6.36).
    @Test func resonanceMean() throws {
        let mean = try Lithium8Spectrum.make(finalState: .standard).meanEnergy()
        #expect(mean > 6.6 && mean < 6.72)
    }

    /// ℓ = 2 penetrability rises steeply with energy and is below 1 under the barrier.
    @Test func penetrabilityIsMonotone() throws {
        let p1 = try Beryllium8FinalState.alphaAlphaPenetrability(energy: 0.5, channelRadiusFm: 4.5)
        let p3 = try Beryllium8FinalState.alphaAlphaPenetrability(energy: 3.0, channelRadiusFm: 4.5)
        #expect(p1 > 0 && p1 < p3)
    }

    /// SM ⟨σ(T > 3 MeV)⟩ recomputed with a plain Simpson rule over the tabulated spectrum.
    @Test func fluxAveragedCrossSection() throws {
        let spectrum = try Lithium8Spectrum.make()
        let sm = StandardModelCrossSection()
        let value = try spectrum.fluxAveragedCrossSection(sm, recoilAboveMeV: 3)
        let n = 4000, hi = spectrum.endpoint, h = hi / Double(n)
        var simpson = 0.0
        for k in 0...n {
            let e = Double(k) * h
            let weight: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
            let sigma = e > 0 ? try sm.integrated(neutrinoEnergy: e, recoilFrom: 3, to: 100) : 0
            simpson += weight * spectrum.density(at: e) * sigma
        }
        simpson *= h / 3
        #expect(relativeDifference(value, simpson) < 1e-3)
    }
}

@Suite struct TabulatedSpectrumTests {
    @Test func parsesAndNormalizes() throws {
        // Weights ∝ E on [1, 4] MeV (interpolated exactly): dN/dE = E/7.5, ⟨E⟩ = (4³ − 1)/(3 · 7.5) = 2.8.
        let spectrum = try NeutrinoSpectrum.parse("# E weight\n1 1\n2, 2\n3\t3\n\n4 4\n", name: "ramp")
        #expect(abs(spectrum.density(at: 2.5) - 2.5 / 7.5) < 1e-12)
        #expect(abs(try spectrum.meanEnergy() - 2.8) < 1e-9)
        #expect(spectrum.density(at: 5) == 0)
    }

    @Test func reportsTheBadLine() {
        #expect(throws: PhysicsInputError.unreadableLine(line: 3, text: "3 x")) {
            try NeutrinoSpectrum.parse("1 1\n2 2\n3 x\n", name: "bad")
        }
        #expect(throws: PhysicsInputError.notIncreasing(index: 2, previous: 2, value: 1.5)) {
            try NeutrinoSpectrum.parse("1 1\n2 2\n1.5 1\n", name: "bad")
        }
        #expect(throws: PhysicsInputError.badWeight(index: 1, value: -2)) {
            try NeutrinoSpectrum.parse("1 1\n2 -2\n3 1\n", name: "bad")
        }
        #expect(throws: PhysicsInputError.self) { try NeutrinoSpectrum.load(path: "/nonexistent/spectrum.txt") }
    }
}
