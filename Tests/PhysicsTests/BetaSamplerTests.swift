import Benchmarks
import Foundation
import GSL
import Testing
import Physics

/// Pearson χ² of sampled values against exact bin probabilities (bins with expectation ≥ 5).
private func chiSquared(_ values: [Double], edges: [Double], probabilities: [Double]) -> (chi2: Double, dof: Int) {
    var counts = [Double](repeating: 0, count: probabilities.count)
    for v in values {
        // Equal-width bins.
        let k = Int((v - edges[0]) / (edges[1] - edges[0]))
        if k >= 0 && k < counts.count { counts[k] += 1 }
    }
    let n = Double(values.count)
    var chi2 = 0.0, used = 0
    for (c, p) in zip(counts, probabilities) where n * p >= 5 {
        chi2 += (c - n * p) * (c - n * p) / (n * p)
        used += 1
    }
    return (chi2, used - 1)
}

@Suite("β sampling")
struct BetaSamplerTests {
    @Test("envelope bounds hold at 32 random probes per cell (⁴²Ar, ⁴²K)")
    func bounds() throws {
        let components = try BetaEmitter.argon42().components() + BetaEmitter.potassium42().components()
        let sampler = try BetaSampler(components: components)
        let worst = sampler.maximumBoundViolation(probesPerCell: 32, using: RandomStream(seed: 7, index: 0))
        #expect(worst <= 0, "largest relative bound violation \(worst)")
        #expect(sampler.acceptance > 0.99 && sampler.acceptance <= 1)
        #expect(sampler.squeezeAcceptance > 0.99)
    }

    @Test("⁴²Ar: sampled mean and χ² against the integrated density (seed 11, 200 000 samples)")
    func argonGoodnessOfFit() throws {
        let emitter = try BetaEmitter.argon42()
        let sampler = try BetaSampler(components: emitter.components())
        let rng = RandomStream(seed: 11, index: 0)
        let n = 200_000
        let values = (0..<n).map { _ in sampler.sample(using: rng).electronKineticEnergy }
        try checkMeanAndShape(values, spectrum: VisibleEnergySpectrum(components: emitter.components(), gammaContainment: 0),
                              mean: emitter.meanKineticEnergy(), top: BetaEmitter.argon42QValue)
    }

    @Test("⁴²K: sampled mean and χ² of T_e against the integrated branch mixture (seed 12, 400 000 samples)")
    func potassiumGoodnessOfFit() throws {
        let emitter = try BetaEmitter.potassium42()
        let sampler = try BetaSampler(components: emitter.components())
        let rng = RandomStream(seed: 12, index: 0)
        let n = 400_000
        let values = (0..<n).map { _ in sampler.sample(using: rng).electronKineticEnergy }
        try checkMeanAndShape(values, spectrum: VisibleEnergySpectrum(components: emitter.components(), gammaContainment: 0),
                              mean: emitter.meanKineticEnergy(), top: BetaEmitter.potassium42QValue)
    }

    /// Mean within 4 standard errors; χ² over 60 equal bins with p-value > 10⁻³ (bin
    /// probabilities from GSL QAG of the exact density, not from the sampler's tables).
    private func checkMeanAndShape(_ values: [Double], spectrum: VisibleEnergySpectrum, mean: Double, top: Double) throws {
        let n = Double(values.count)
        let m = values.reduce(0, +) / n
        let sd = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
        #expect(abs(m - mean) < 4 * sd / n.squareRoot(), "sampled mean \(m) vs \(mean) ± \(sd / n.squareRoot())")
        #expect(values.allSatisfy { $0 >= 0 && $0 < top })
        let bins = 60
        let edges = (0...bins).map { top * Double($0) / Double(bins) }
        let probabilities = try (0..<bins).map { try spectrum.fraction(from: edges[$0], to: edges[$0 + 1]) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-8)
        let (chi2, dof) = chiSquared(values, edges: edges, probabilities: probabilities)
        let p = Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(dof))
        #expect(p > 1e-3, "χ² = \(chi2) for \(dof) dof, p = \(p)")
    }

    @Test("⁴²K branch fractions recovered within 4 binomial standard deviations (seed 13, 10⁶ decays)")
    func branchFractions() throws {
        let emitter = try BetaEmitter.potassium42()
        let sampler = try BetaSampler(components: emitter.components())
        let rng = RandomStream(seed: 13, index: 0)
        let n = 1_000_000
        var counts = [Double](repeating: 0, count: emitter.branches.count)
        var gammaMismatch = 0
        for _ in 0..<n {
            let s = sampler.sample(using: rng)
            counts[s.component] += 1
            if s.gammaEnergy != emitter.branches[s.component].gammaEnergy { gammaMismatch += 1 }
        }
        #expect(gammaMismatch == 0)
        for (c, f) in zip(counts, emitter.branchingFractions) {
            let sigma = (Double(n) * f * (1 - f)).squareRoot()
            #expect(abs(c - Double(n) * f) < 4 * sigma, "count \(c) vs \(Double(n) * f) ± \(sigma)")
        }
    }

    @Test("same seed and index give the same decays")
    func reproducible() throws {
        let sampler = try BetaSampler(components: BetaEmitter.potassium42().components(), cellsPerComponent: 256)
        let a = RandomStream(seed: 5, index: 3), b = RandomStream(seed: 5, index: 3)
        for _ in 0..<1000 { #expect(sampler.sample(using: a) == sampler.sample(using: b)) }
    }

    @Test("benchmark runs and its sampled mean visible energy matches the chain's exact mean (4σ)")
    func benchmark() throws {
        let result = try BetaSamplingBenchmark.run(samples: 100_000, seed: 3)
        let exact = try Argon42Chain().visibleSpectrum().meanVisibleEnergy()
        // ⟨E_vis⟩ = (⟨T⟩_Ar + ⟨T⟩_K + ⟨E_γ⟩_K)/2 ≈ 0.972 MeV; per-decay σ(E_vis) < 1 MeV.
        #expect(result.samplesPerSecond > 0)
        #expect(abs(result.meanVisibleEnergy - exact) < 4 * 1.0 / 100_000.0.squareRoot())
    }
}
