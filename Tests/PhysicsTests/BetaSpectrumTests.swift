import Foundation
import GSL
import Testing
import Physics

/// Closed forms for the allowed shape with F = 1, in the momentum variable (electron units):
/// p W dW = p² dp, so ∫ pW(W₀−W)² dW = I₀(p₀) and ∫ pW²(W₀−W)² dW = I₁(p₀) with
/// (derived symbolically, W₀ = √(1 + p₀²), s = √(1 + p₀²), a = asinh p₀):
///   I₀ = [−W₀(2p₀⁵ + 3p₀³ + p₀ − s a)/4 + p₀³ s (20W₀² + 12p₀² + 20)/60] / s
///   I₁ = [30W₀²(2p₀⁵ + 3p₀³ + p₀ − s a) + 40p₀⁷ + 110p₀⁵ + 85p₀³ + 15p₀
///         − s(96W₀p₀⁵ + 160W₀p₀³ + 15a)] / (240 s)
private func allowedMoments(endpointKineticEnergy t0: Double) -> (i0: Double, i1: Double) {
    let w0 = 1 + t0 / PhysicalConstants.electronMass
    let p0 = (w0 * w0 - 1).squareRoot()
    let s = (1 + p0 * p0).squareRoot(), a = asinh(p0)
    let poly = 2 * pow(p0, 5) + 3 * pow(p0, 3) + p0 - s * a
    let i0 = (-w0 * poly / 4 + pow(p0, 3) * s * (20 * w0 * w0 + 12 * p0 * p0 + 20) / 60) / s
    let i1 = (30 * w0 * w0 * poly + 40 * pow(p0, 7) + 110 * pow(p0, 5) + 85 * pow(p0, 3) + 15 * p0
              - s * (96 * w0 * pow(p0, 5) + 160 * w0 * pow(p0, 3) + 15 * a)) / (240 * s)
    return (i0, i1)
}

/// Composite Simpson's rule of g on [a, b] with n (even) intervals.
private func simpson(_ g: (Double) -> Double, _ a: Double, _ b: Double, _ n: Int) -> Double {
    let h = (b - a) / Double(n)
    var sum = g(a) + g(b)
    for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * g(a + Double(i) * h) }
    return sum * h / 3
}

@Suite("β spectra")
struct BetaSpectrumTests {
    let me = PhysicalConstants.electronMass

    @Test("allowed shape, F = 1: normalization and mean vs closed forms")
    func allowedClosedForm() throws {
        for t0 in [0.599, 2.0003, 3.525] {
            let b = try BetaBranch(name: "test", endpointKineticEnergy: t0, daughterCharge: 20, massNumber: 42,
                                   shape: .allowed, coulomb: .none)
            let (i0, i1) = allowedMoments(endpointKineticEnergy: t0)
            // ∫ dN/dT dT = m_e ∫ dN/dW dW = m_e I₀.
            #expect(abs(b.normalization / (me * i0) - 1) < 1e-9)
            // ⟨T⟩ = m_e (⟨W⟩ − 1) = m_e (I₁/I₀ − 1).
            let expected = me * (i1 / i0 - 1)
            #expect(abs(try b.meanKineticEnergy() - expected) < 1e-9 * expected)
        }
    }

    @Test("normalized densities integrate to 1 (GSL CQUAD, independent of the QAG normalization)")
    func normalization() throws {
        let branches = try BetaEmitter.argon42().branches + BetaEmitter.potassium42().branches
        let integrator = Integrator()
        for b in branches {
            let total = try integrator.cquad({ b.density(kineticEnergy: $0) }, from: 0, to: b.endpointKineticEnergy,
                                             absoluteTolerance: 0, relativeTolerance: 1e-11).value
            #expect(abs(total - 1) < 1e-8, "\(b.name): \(total)")
        }
    }

    @Test("endpoint: density vanishes at T₀ like q² and is positive just below")
    func endpoint() throws {
        for b in try BetaEmitter.argon42().branches + BetaEmitter.potassium42().branches {
            let t0 = b.endpointKineticEnergy
            #expect(b.density(kineticEnergy: t0) == 0)
            #expect(b.density(kineticEnergy: t0 + 0.01) == 0)
            #expect(b.density(kineticEnergy: -0.01) == 0)
            #expect(b.density(kineticEnergy: t0 - 1e-4) > 0)
            // Both shapes vanish as (W₀ − W)² (the unique factor p² + q² → p₀² ≠ 0): halving the
            // distance to the endpoint divides the density by 4 (to O(ε/T₀)).
            let ratio = b.density(kineticEnergy: t0 - 2e-6) / b.density(kineticEnergy: t0 - 1e-6)
            #expect(abs(ratio - 4) < 1e-3, "\(b.name): \(ratio)")
        }
    }

    @Test("density has a finite limit at T → 0 (p F₀ → const for β⁻)")
    func lowEnergyLimit() throws {
        let b = try BetaEmitter.potassium42().branches[0]
        let d0 = b.density(kineticEnergy: 0), d1 = b.density(kineticEnergy: 1e-6), d2 = b.density(kineticEnergy: 1e-5)
        #expect(d0 > 0 && d0.isFinite)
        #expect(abs(d1 / d0 - 1) < 1e-3)
        #expect(abs(d2 / d0 - 1) < 1e-2)
    }

    @Test("unique first-forbidden with F₀L₀: mean vs an independent Simpson integration in p")
    func uniqueForbiddenMean() throws {
        for (t0, z) in [(0.599, 19), (3.525, 20)] {
            let b = try BetaBranch(name: "u1f", endpointKineticEnergy: t0, daughterCharge: z, massNumber: 42,
                                   shape: .uniqueFirstForbidden)
            let fermi = FermiFunction(daughterCharge: z, massNumber: 42)
            let w0 = 1 + t0 / me, p0 = (w0 * w0 - 1).squareRoot()
            // dN ∝ p W q² (p² + q²) F dW = p² q² (p² + q²) F dp.
            func g(_ p: Double) -> Double {
                guard p > 0 else { return 0 }
                let w = (1 + p * p).squareRoot(), q = w0 - w
                let f = fermi(totalEnergy: w * me) * fermi.finiteSizeCorrection(totalEnergy: w * me)
                return p * p * q * q * (p * p + q * q) * f
            }
            let n0 = simpson(g, 0, p0, 20000)
            let n1 = simpson({ g($0) * (1 + $0 * $0).squareRoot() }, 0, p0, 20000)
            let expected = me * (n1 / n0 - 1)
            let mean = try b.meanKineticEnergy()
            #expect(abs(mean - expected) < 1e-7 * expected, "T0 = \(t0): \(mean) vs \(expected)")
        }
    }

    @Test("Wilkinson L₀: 1 for Z = 0, and its leading analytic terms for Z = 20")
    func finiteSize() {
        let neutral = FermiFunction(daughterCharge: 0, massNumber: 42)
        #expect(abs(neutral.finiteSizeCorrection(totalEnergy: 2) - 1) < 1e-15)
        let f = FermiFunction(daughterCharge: 20, massNumber: 42)
        let az = 20 * PhysicalConstants.fineStructure, g = (1 - az * az).squareRoot()
        let r = 1.2 * pow(42, 1.0 / 3) / (PhysicalConstants.hbarC / me)
        for w in [1.01, 2.0, 4.0, 7.9] {
            // The (αZ)², W R αZ and αZ R/W terms of Wilkinson's form (higher orders ≲ 2×10⁻⁴ here).
            let leading = 1 + 13.0 / 60 * az * az - w * r * az * (41 - 26 * g) / (15 * (2 * g - 1))
                - az * r * g * (17 - 2 * g) / (30 * w * (2 * g - 1))
            #expect(abs(f.finiteSizeCorrection(totalEnergy: w * me) - leading) < 2e-4)
        }
    }

    @Test("⁴²K branching fractions normalized to 1 from 81.9 + 17.6 + 0.35 + 0.05 = 99.9 %")
    func branchingFractions() throws {
        let k = try BetaEmitter.potassium42()
        #expect(abs(k.branchingFractions.reduce(0, +) - 1) < 1e-15)
        #expect(abs(k.branchingFractions[0] - 81.9 / 99.9) < 1e-15)
        #expect(abs(k.branchingFractions[1] - 17.6 / 99.9) < 1e-15)
        // Energy conservation: every branch's maximum visible energy is ≤ Q = 3.525 MeV.
        for b in k.branches { #expect(b.endpointKineticEnergy + b.gammaEnergy <= 3.525 + 1e-12) }
        // ⟨E_γ⟩ = (17.6 × 1.5246 + 0.35 × 1.837 + 0.05 × 2.424)/99.9 MeV.
        #expect(abs(k.meanGammaEnergy - (17.6 * 1.5246 + 0.35 * 1.837 + 0.05 * 2.424) / 99.9) < 1e-12)
    }

    @Test("bad inputs are rejected with a message")
    func badInputs() {
        #expect(throws: PhysicsInputError.self) {
            try BetaBranch(name: "x", endpointKineticEnergy: -1, daughterCharge: 20, massNumber: 42, shape: .allowed)
        }
        #expect(throws: PhysicsInputError.self) {
            try BetaBranch(name: "x", endpointKineticEnergy: 1, daughterCharge: 20, massNumber: 42, shape: .allowed,
                           gammaEnergy: .nan)
        }
    }
}
