import Foundation
import GSL
import Testing
import Physics

/// Rotates unit vector `n` by the polar angle `alpha` about a random azimuth `beta` around it:
/// a rotation-invariant direction smearing (depends only on the true–reco angle).
private func smear(_ n: (Double, Double, Double), alpha: Double, beta: Double) -> (Double, Double, Double) {
    // An orthonormal basis (u, v) perpendicular to n.
    let helper: (Double, Double, Double) = abs(n.2) < 0.9 ? (0, 0, 1) : (1, 0, 0)
    var u = (n.1 * helper.2 - n.2 * helper.1, n.2 * helper.0 - n.0 * helper.2, n.0 * helper.1 - n.1 * helper.0)
    let norm = (u.0 * u.0 + u.1 * u.1 + u.2 * u.2).squareRoot()
    u = (u.0 / norm, u.1 / norm, u.2 / norm)
    let v = (n.1 * u.2 - n.2 * u.1, n.2 * u.0 - n.0 * u.2, n.0 * u.1 - n.1 * u.0)
    let (ca, sa, cb, sb) = (cos(alpha), sin(alpha), cos(beta), sin(beta))
    return (ca * n.0 + sa * (cb * u.0 + sb * v.0),
            ca * n.1 + sa * (cb * u.1 + sb * v.1),
            ca * n.2 + sa * (cb * u.2 + sb * v.2))
}

@Suite("⁴²Ar/⁴²K chain")
struct Argon42ChainTests {
    @Test("decay counts vs a hand computation")
    func decayCounts() {
        // Hand computation: 92 μBq/kg × 10⁷ kg = 920 Bq of ⁴²Ar. 5 yr = 5 × 365.25 × 86 400 s
        // = 1.57788×10⁸ s. N(Ar) = 920 × 1.57788×10⁸ = 1.4516496×10¹¹; N(K, bulk fraction 1) the
        // same (secular equilibrium); total 2.9032992×10¹¹. At 40 μBq/kg: 6.31152×10¹⁰ each,
        // 1.262304×10¹¹ in total. With f_bulk = 0.2: 1.4516496×10¹¹ × 1.2 = 1.74197952×10¹¹.
        let dune = Argon42Chain()
        #expect(abs(dune.argonDecays / 1.4516496e11 - 1) < 1e-12)
        #expect(abs(dune.totalDecays / 2.9032992e11 - 1) < 1e-12)
        let deap = Argon42Chain(activityBecquerelPerKilogram: Argon42Chain.deapActivity)
        #expect(abs(deap.totalDecays / 1.262304e11 - 1) < 1e-12)
        let drift = Argon42Chain(potassiumBulkFraction: 0.2)
        #expect(abs(drift.totalDecays / 1.74197952e11 - 1) < 1e-12)
        // Underground argon depleted 1000×: 1000× fewer of both.
        let ug = Argon42Chain(depletionFactor: 1000)
        #expect(abs(ug.totalDecays / 2.9032992e8 - 1) < 1e-12)
        // With ⁴²Ar decaying during the run: τ = 32.9 yr / ln 2 = 47.4649 yr,
        // N = 920 Bq × τ (1 − e^{−5/47.4649}) = 920 × 4.745684 yr × 3.15576×10⁷ s/yr = 1.377806×10¹¹.
        let decaying = Argon42Chain(includesArgonDecay: true)
        #expect(abs(decaying.argonDecays / 1.377806e11 - 1) < 2e-6)
        // The mission's ~10¹⁰ decays in 10 kt × 5 yr need A = 10¹⁰ / (2 × 10⁷ kg × 1.57788×10⁸ s)
        // = 3.1688×10⁻⁶ Bq/kg ≈ 3.2 μBq/kg (29× below the DUNE default).
        #expect(abs(dune.activity(forTotalDecays: 1e10) / 3.16881e-6 - 1) < 1e-5)
    }

    @Test("invalid chain parameters are rejected")
    func validation() {
        #expect(throws: PhysicsInputError.self) { try Argon42Chain(potassiumBulkFraction: 1.5).validate() }
        #expect(throws: PhysicsInputError.self) { try Argon42Chain(depletionFactor: 0.5).validate() }
        #expect(throws: PhysicsInputError.self) { try Argon42Chain(gammaContainment: -0.1).validate() }
    }

    @Test("visible-energy density integrates to 1 and its mean matches an independent integration")
    func visibleNormalization() throws {
        let chain = Argon42Chain(gammaContainment: 0.7)
        let spectrum = try chain.visibleSpectrum()
        // ρ jumps where a γ-shifted branch starts (E = 0.7 E_γ): integrate piecewise with CQUAD.
        var cuts = [0.0, spectrum.maximumVisibleEnergy]
        for c in spectrum.components {
            cuts.append(0.7 * c.branch.gammaEnergy)
            cuts.append(0.7 * c.branch.gammaEnergy + c.branch.endpointKineticEnergy)
        }
        cuts = Array(Set(cuts)).sorted()
        let integrator = Integrator()
        var total = 0.0, first = 0.0
        for (a, b) in zip(cuts, cuts.dropFirst()) where b > a {
            total += try integrator.cquad({ spectrum.density(visibleEnergy: $0) }, from: a, to: b,
                                          absoluteTolerance: 1e-13, relativeTolerance: 1e-10).value
            first += try integrator.cquad({ $0 * spectrum.density(visibleEnergy: $0) }, from: a, to: b,
                                          absoluteTolerance: 1e-13, relativeTolerance: 1e-10).value
        }
        #expect(abs(total - 1) < 1e-8)
        #expect(abs(first - (try spectrum.meanVisibleEnergy())) < 1e-8)
        #expect(abs(try spectrum.fraction(above: -1) - 1) < 1e-12)
        #expect(try spectrum.fraction(above: 3.525) == 0)
    }

    @Test("smeared fraction: Gauss–Legendre grid vs direct CQUAD of ρ × erf window")
    func smearingGridVsAdaptive() throws {
        let spectrum = try VisibleEnergySpectrum(components: BetaEmitter.potassium42().components())
        let sigma: (Double) -> Double = { 0.02 + 0.05 * $0.squareRoot() }
        let integrator = Integrator()
        for (lo, hi) in [(1.0, Double.infinity), (2.0, 3.0), (3.0, 3.6), (0.5, 1.5)] {
            let grid = try spectrum.smearedFraction(from: lo, to: hi, resolution: sigma)
            // Direct: ∫ ρ(E) [Φ((hi − E)/σ) − Φ((lo − E)/σ)] dE, piecewise at ρ's jumps.
            let cuts: [Double] = [0, 1.5246, 1.837, 2.0003, 2.424, 3.525]
            var direct = 0.0
            for (a, b) in zip(cuts, cuts.dropFirst()) {
                direct += try integrator.cquad({ e in
                    let s = sigma(e)
                    let up = hi.isInfinite ? 1 : Distributions.normalCDF((hi - e) / s)
                    return spectrum.density(visibleEnergy: e) * (up - Distributions.normalCDF((lo - e) / s))
                }, from: a, to: b, absoluteTolerance: 1e-14, relativeTolerance: 1e-10).value
            }
            #expect(abs(grid - direct) < 1e-8 * max(direct, 1e-3), "[\(lo), \(hi)]: \(grid) vs \(direct)")
        }
        // σ → 0: the smeared fraction tends to the exact unsmeared one (adaptive path for tiny σ).
        let tiny = try spectrum.smearedFraction(above: 2, resolution: { _ in 1e-5 })
        #expect(abs(tiny - (try spectrum.fraction(above: 2))) < 1e-6)
        #expect(try spectrum.smearedFraction(above: 2, resolution: { _ in 0 }) == (try spectrum.fraction(above: 2)))
    }

    @Test("smeared fraction above threshold vs Monte Carlo (seed 21, 400 000 decays, 4σ)")
    func smearedVsMonteCarlo() throws {
        let containment = 0.6
        let components = try BetaEmitter.potassium42().components()
        let spectrum = try VisibleEnergySpectrum(components: components, gammaContainment: containment)
        let sampler = try BetaSampler(components: components)
        let sigma: (Double) -> Double = { 0.1 * $0.squareRoot() } // 10 %/√E
        let rng = RandomStream(seed: 21, index: 0)
        let n = 400_000
        let thresholds = [1.0, 2.0, 3.0]
        var above = [Double](repeating: 0, count: thresholds.count)
        var aboveTrue = [Double](repeating: 0, count: thresholds.count)
        for _ in 0..<n {
            let e = sampler.sample(using: rng).visibleEnergy(gammaContainment: containment)
            let reco = e + rng.gaussian(sigma: sigma(e))
            for (i, t) in thresholds.enumerated() {
                if reco > t { above[i] += 1 }
                if e > t { aboveTrue[i] += 1 }
            }
        }
        for (i, t) in thresholds.enumerated() {
            for (count, expected) in [(above[i], try spectrum.smearedFraction(above: t, resolution: sigma)),
                                      (aboveTrue[i], try spectrum.fraction(above: t))] {
                let sd = (Double(n) * expected * (1 - expected)).squareRoot()
                #expect(abs(count - Double(n) * expected) < 4 * sd, "T > \(t): \(count) vs \(Double(n) * expected) ± \(sd)")
            }
        }
    }

    @Test("isotropic cut keeps (1 − c)/2, also after rotation-invariant direction smearing (seed 31, 4σ)")
    func isotropicCut() {
        #expect(IsotropicDirection.fractionPassing(cosineCut: 0.5) == 0.25)
        #expect(IsotropicDirection.fractionPassing(cosineCut: -1) == 1)
        #expect(IsotropicDirection.fractionPassing(cosineCut: 2) == 0)
        let rng = RandomStream(seed: 31, index: 0)
        let n = 200_000
        let cut = 0.8
        var passTrue = 0.0, passReco = 0.0
        for _ in 0..<n {
            let d = IsotropicDirection.sample(using: rng)
            if d.z > cut { passTrue += 1 }
            // Smear by a 30° Gaussian polar kick (folded) about a uniform azimuth.
            let r = smear((d.x, d.y, d.z), alpha: abs(rng.gaussian(sigma: 30 * .pi / 180)), beta: 2 * .pi * rng.uniform())
            if r.2 > cut { passReco += 1 }
        }
        let p = IsotropicDirection.fractionPassing(cosineCut: cut)
        let sd = (Double(n) * p * (1 - p)).squareRoot()
        #expect(abs(passTrue - Double(n) * p) < 4 * sd)
        #expect(abs(passReco - Double(n) * p) < 4 * sd)
    }

    @Test("expected events = decays × smeared fraction × (1 − c)/2")
    func expectedEvents() throws {
        let chain = Argon42Chain(potassiumBulkFraction: 0.2)
        let sigma: (Double) -> Double = { 0.08 * $0.squareRoot() }
        let n = try chain.expectedEvents(from: 2, cosineCut: 0.5, resolution: sigma)
        // Independent: ⁴²Ar never reaches 2 MeV (Q = 0.599, σ(0.6) = 62 keV: > 20σ away), so only
        // bulk ⁴²K counts: N_K × P_K(E_reco > 2) × 0.25.
        let k = try VisibleEnergySpectrum(components: BetaEmitter.potassium42().components())
        let expected = chain.potassiumDecays * (try k.smearedFraction(above: 2, resolution: sigma)) * 0.25
        #expect(abs(n / expected - 1) < 1e-9)
    }
}

@Suite("⁴²Ar/⁴²K binned fast path")
struct Argon42BinnedTests {
    @Test("bin fractions: each bin equals the direct erf fold; the sum equals the range fraction")
    func binsMatchRanges() throws {
        let spectrum = try Argon42Chain(gammaContainment: 0.8).visibleSpectrum()
        let sigma: (Double) -> Double = { 0.03 + 0.06 * $0.squareRoot() }
        let edges = stride(from: 0.5, through: 4.0, by: 0.125).map { $0 }
        let bins = try spectrum.smearedBinFractions(edges: edges, resolution: sigma)
        for i in 0..<bins.count {
            let direct = try spectrum.smearedFraction(from: edges[i], to: edges[i + 1], resolution: sigma)
            #expect(abs(bins[i] - direct) < 1e-12 + 1e-10 * direct, "bin \(i): \(bins[i]) vs \(direct)")
        }
        let range = try spectrum.smearedFraction(from: 0.5, to: 4.0, resolution: sigma)
        #expect(abs(bins.reduce(0, +) - range) < 1e-10)
        // Unsmeared (σ ≡ 0) bins are the exact branch integrals.
        let sharp = try spectrum.smearedBinFractions(edges: [1, 2, 3], resolution: { _ in 0 })
        #expect(abs(sharp[0] - (try spectrum.fraction(from: 1, to: 2))) < 1e-12)
    }

    @Test("bin fractions vs a smeared Monte Carlo histogram: χ² p > 10⁻³ (seed 41, 400 000 decays)")
    func binsVsMonteCarlo() throws {
        let chain = Argon42Chain(potassiumBulkFraction: 0.2, gammaContainment: 0.9)
        let spectrum = try chain.visibleSpectrum()
        let sampler = try chain.sampler()
        let sigma: (Double) -> Double = { 0.1 * $0.squareRoot() }
        let edges = stride(from: 0.0, through: 4.0, by: 0.1).map { $0 }
        let p = try spectrum.smearedBinFractions(edges: edges, resolution: sigma)
        let rng = RandomStream(seed: 41, index: 0)
        let n = 400_000
        var counts = [Double](repeating: 0, count: p.count)
        for _ in 0..<n {
            let e = sampler.sample(using: rng).visibleEnergy(gammaContainment: 0.9)
            let reco = e + rng.gaussian(sigma: sigma(e))
            let k = Int((reco / 0.1).rounded(.up)) - 1 // bins are (e_i, e_{i+1}]
            if reco > 0 && k >= 0 && k < counts.count { counts[k] += 1 }
        }
        var chi2 = 0.0, dof = -1
        for (c, q) in zip(counts, p) where Double(n) * q >= 5 {
            chi2 += (c - Double(n) * q) * (c - Double(n) * q) / (Double(n) * q)
            dof += 1
        }
        let pValue = Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(dof))
        #expect(dof > 30)
        #expect(pValue > 1e-3, "χ² = \(chi2) / \(dof), p = \(pValue)")
        // Counts scale: N_decays × P_i × (1 − c)/2.
        let counted = try chain.expectedCounts(binEdges: edges, cosineCut: 0.5, resolution: sigma)
        #expect(abs(counted[25] / (chain.totalDecays * p[25] * 0.25) - 1) < 1e-12)
    }
}
