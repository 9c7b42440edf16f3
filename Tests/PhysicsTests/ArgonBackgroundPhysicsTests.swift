import Foundation
import GSL
import NueTestSupport
import Testing
@testable import Physics

/// The argon backgrounds beyond ⁴²Ar/⁴²K (docs/physics.md §15): ³⁹Ar pile-up, the ν_e–⁴⁰Ar CC
/// cross section and rate, the weighted solar recoil rate. Every expected number is computed here.
@Suite struct ArgonBackgroundPhysicsTests {
    /// μ by hand, N_n against e^{−μ} μⁿ/n! written out, Σ n N_n = all decays.
    @Test func pileUpCountsArePoisson() throws {
        let p = Argon39PileUp()
        let mu = 1.01 * 1.3954 * 1.0 * 2.25e-3
        #expect(abs(p.meanDecaysPerCell / mu - 1) < 1e-14)
        let m = 1e7, t = 5 * 365.25 * 86400.0
        let cells = m / 1.3954 * t / 2.25e-3
        var factorial = 1.0, sum = 0.0
        for n in 1...12 {
            factorial *= Double(n)
            let expected = cells * exp(-mu) * pow(mu, Double(n)) / factorial
            let got = p.clusters(multiplicity: n, argonMassKilograms: m, liveTimeSeconds: t)
            #expect(abs(got / expected - 1) < 1e-12, "n = \(n)")
            sum += Double(n) * got
        }
        #expect(abs(sum / p.decays(argonMassKilograms: m, liveTimeSeconds: t) - 1) < 1e-12)
        #expect(abs(p.decays(argonMassKilograms: m, liveTimeSeconds: t) / (1.01 * m * t) - 1) < 1e-14)
        #expect(throws: PhysicsInputError.self) { try Argon39PileUp(windowSeconds: 0).validate() }
        #expect(throws: PhysicsInputError.self) { try Argon39PileUp(depletionFactor: 0.5).validate() }
    }

    /// The n-fold sum: unit mass, support [0, nQ], mean n⟨T⟩ and variance n(Var T + h²/12) with ⟨T⟩,
    /// Var T of one decay by GSL QAG of its density (10⁻⁶ and 10⁻⁴).
    @Test func summedSpectrumMoments() throws {
        let single = try VisibleEnergySpectrum(components: BetaEmitter.argon39().components(decays: 1))
        let q = BetaEmitter.argon39QValue
        let integrator = Integrator()
        let norm = try integrator.qag({ single.density(visibleEnergy: $0) }, from: 0, to: q).value
        let mean = try integrator.qag({ $0 * single.density(visibleEnergy: $0) }, from: 0, to: q).value / norm
        let second = try integrator.qag({ $0 * $0 * single.density(visibleEnergy: $0) }, from: 0, to: q).value / norm
        let variance = second - mean * mean
        let cells = 1024
        let h = q / Double(cells)
        for n in [1, 2, 3, 5] {
            let s = try Argon39PileUp.summedSpectrum(multiplicity: n, cells: cells)
            #expect(abs(s.masses.reduce(0, +) - 1) < 1e-12)
            #expect(s.energies.last! < Double(n) * q + 1e-12 && s.energies.first! > 0)
            let m = zip(s.energies, s.masses).reduce(0) { $0 + $1.0 * $1.1 }
            let v = zip(s.energies, s.masses).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 }
            #expect(abs(m / (Double(n) * mean) - 1) < 1e-6, "n = \(n): \(m)")
            #expect(abs(v / (Double(n) * (variance + h * h / 12)) - 1) < 1e-4, "n = \(n): \(v)")
        }
    }

    /// The data file read here (independently of the generated Swift table): the type reproduces
    /// it at its points, σ(10 MeV) ≈ 5.23×10⁻⁴² cm², and the table exceeds the Fermi (isobaric-analogue,
    /// B(F) = N − Z = 4) part alone, computed here in the allowed approximation.
    @Test func crossSectionTableMatchesTheDataFile() throws {
        let text = try String(contentsOfFile: TestPaths.path("data/xs_nue_Ar40_marley1.dat"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(rows.count == 1000)
        let table = Argon40ChargedCurrentCrossSection.marley
        for i in [0, 137, 500, 999] {
            let e = pow(10, rows[i][0]) * 1000, sigma = rows[i][1] * 1e-38 * pow(10, rows[i][0])
            #expect(abs(table.crossSection(neutrinoEnergy: e) / sigma - 1) < 1e-9, "row \(i)")
        }
        #expect(abs(table.crossSection(neutrinoEnergy: 10) / 5.23e-42 - 1) < 0.01)
        #expect(table.crossSection(neutrinoEnergy: 4.9) == 0 && table.crossSection(neutrinoEnergy: 101) == 0)
        // Fermi part: σ_F = G_F² cos²θ_C (ħc)²/π · p_e E_e F(Z = 19, E_e) · 4, E_e = E_ν − 1.504 − 4.384 + m_e,
        // F = 2πη/(1 − e^{−2πη}), η = αZ E_e/p_e (non-relativistic Fermi function).
        let gf = 1.1663788e-11, hbarc2 = 0.389379372e-21, me = 0.51099895, alpha = 1 / 137.035999
        for e in [8.0, 10, 15, 20] {
            let ee = e - 1.5044 - 4.3837 + me, pe = (ee * ee - me * me).squareRoot()
            let eta = 2 * Double.pi * alpha * 19 * ee / pe
            let fermi = 4 * gf * gf * 0.9494 * hbarc2 / Double.pi * pe * ee * eta / -expm1(-eta)
            #expect(table.crossSection(neutrinoEnergy: e) > fermi, "E = \(e): \(table.crossSection(neutrinoEnergy: e)) vs \(fermi)")
        }
    }

    /// R = Φ ∫ φ P σ: the type's QAG against a trapezoid sum over the Winter ⁸B table's own 0.1 MeV
    /// grid with σ interpolated here (linear in ln σ between the data file's points) at constant
    /// P_ee = 0.3: 3×10⁻³ (the trapezoid rule on the tabulated shape).
    @Test func chargedCurrentRateAgainstAnIndependentQuadrature() throws {
        let rate = try SolarArgonAbsorptionRate(components: [.b8], survival: .constant(0.3))
        let text = try String(contentsOfFile: TestPaths.path("data/xs_nue_Ar40_marley1.dat"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").compactMap { Double($0) } }
        let es = rows.map { pow(10, $0[0]) * 1000 }, ss = rows.map { $0[1] * 1e-38 * pow(10, $0[0]) }
        func sigma(_ e: Double) -> Double {
            guard e >= es[0], e <= es[es.count - 1] else { return 0 }
            let i = min(es.count - 2, es.lastIndex { $0 <= e }!)
            let t = (e - es[i]) / (es[i + 1] - es[i])
            return ss[i] * pow(ss[i + 1] / ss[i], t)
        }
        let e = Boron8MeasuredSpectrum.energiesMeV, w = Boron8MeasuredSpectrum.intensity
        var num = 0.0, den = 0.0
        for i in 0..<(e.count - 1) {
            let h = e[i + 1] - e[i]
            num += h / 2 * (w[i] * sigma(e[i]) + w[i + 1] * sigma(e[i + 1]))
            den += h / 2 * (w[i] + w[i + 1])
        }
        let expected = 5.25e6 * 0.3 * num / den
        let total = try rate.rate()
        #expect(abs(total / expected - 1) < 3e-3, "\(total) vs \(expected)")
        // The visible-energy density integrates to the same rate.
        let integrator = Integrator()
        var integral = 0.0
        var a = rate.visibleRange.lowerBound
        while a < rate.visibleRange.upperBound {
            let b = min(a + 0.1, rate.visibleRange.upperBound)
            integral += try integrator.qag({ rate.differentialRate(visibleEnergy: $0) }, from: a, to: b, absoluteTolerance: 1e-50,
                                           relativeTolerance: 1e-6).value
            a = b
        }
        #expect(abs(integral / total - 1) < 2e-3)
        #expect(throws: PhysicsInputError.self) { try SolarArgonAbsorptionRate(components: [.be7]) }
        #expect(throws: PhysicsInputError.self) { try SolarArgonAbsorptionRate(visibleEnergyOffsetMeV: -1) }
    }

    /// w ≡ 1 is the plain rate; w ≡ 0.3 scales it; a w of E alone lies between its extremes.
    @Test func weightedSolarRecoilRate() throws {
        let r = try SolarRecoilRate(component: .b8)
        for t in [1.0, 4, 9] {
            let plain = try r.differentialRate(recoil: t)
            #expect(abs(try r.differentialRate(recoil: t) { _, _ in 1 } / plain - 1) < 1e-12)
            #expect(abs(try r.differentialRate(recoil: t) { _, _ in 0.3 } / (0.3 * plain) - 1) < 1e-12)
            let ramp = try r.differentialRate(recoil: t) { e, _ in min(1, e / 16) }
            #expect(ramp > 0 && ramp < plain)
        }
    }
}
