import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// The directional cut cos θ_reco > c: the Bessel-form probability against an independent
/// formula and against the simulator's vMF smearing; per-bin signal efficiencies against a
/// direct (T, E) integral and against generated events; the isotropic (1 − c)/2.
@Suite struct DirectionalCutTests {
    /// Independent form: rotate by δ (vMF: u = cos δ with density κ e^{κ(u−1)}/(1 − e^{−2κ})) about a
    /// uniform azimuth ψ; cos θ′ = cos θ u + sin θ √(1 − u²) cos ψ > c holds for the fraction
    /// arccos(clamp((c − cos θ u)/(sin θ √(1 − u²))))/π of ψ. GSL QAG over u.
    static func independent(trueCosine x: Double, sigmaDegrees: Double, cut c: Double) throws -> Double {
        let rad = sigmaDegrees * Double.pi / 180, k = 1 / (rad * rad)
        let s = (1 - x * x).squareRoot()
        let f: (Double) -> Double = { u in
            let density = k * exp(k * (u - 1)) / -expm1(-2 * k)
            let r = s * (max(0, 1 - u * u)).squareRoot()
            let fraction: Double
            if r < 1e-300 { fraction = x * u > c ? 1 : 0 } else {
                fraction = acos(max(-1, min(1, (c - x * u) / r))) / Double.pi
            }
            return density * fraction
        }
        // Breakpoints: the vMF peak near u = 1 has width ~1/κ.
        let integrator = Integrator(limit: 1000)
        let pts = [-1, max(-1, 1 - 50 / k), max(-1, 1 - 5 / k), 1.0]
        var sum = 0.0
        for i in 0..<3 where pts[i + 1] > pts[i] {
            sum += try integrator.qags(f, from: pts[i], to: pts[i + 1], absoluteTolerance: 1e-12, relativeTolerance: 1e-9).value
        }
        return sum
    }

    @Test(arguments: [5.0, 30.0, 60.0], [-0.5, 0.5, 0.9])
    func besselFormMatchesRotationForm(sigma: Double, cut: Double) throws {
        let table = try DirectionalCut(resolutionDegrees: sigma, cosineCut: cut)
        for theta in stride(from: 0.0, through: 180.0, by: 7.3) {
            let x = cos(theta * Double.pi / 180)
            let reference = try Self.independent(trueCosine: x, sigmaDegrees: sigma, cut: cut)
            let direct = try DirectionalCut.passingProbability(trueCosine: x, concentration: table.concentration, cosineCut: cut)
            #expect(abs(direct - reference) < 2e-7, "σ = \(sigma)°, c = \(cut), θ = \(theta)°: \(direct) vs \(reference)")
            #expect(abs(table.passingProbability(trueCosine: x) - reference) < 2e-4, "table at θ = \(theta)°")
        }
    }

    @Test func specialValues() throws {
        let none = try DirectionalCut(resolutionDegrees: 30, cosineCut: -1)
        #expect(none.passingProbability(trueCosine: -0.3) == 1)
        let perfect = try DirectionalCut(resolutionDegrees: 0, cosineCut: 0.5)
        #expect(perfect.passingProbability(trueCosine: 0.6) == 1)
        #expect(perfect.passingProbability(trueCosine: 0.4) == 0)
        #expect(try DirectionalCut(resolutionDegrees: 30, cosineCut: 0.5).isotropicFraction == 0.25)
        #expect(throws: SimulationError.self) { try DirectionalCut(resolutionDegrees: -1, cosineCut: 0) }
        #expect(throws: SimulationError.self) { try DirectionalCut(resolutionDegrees: 30, cosineCut: .nan) }
        #expect(throws: SimulationError.self) { try DirectionalCut(resolutionDegrees: 30, cosineCut: 1) }
    }

    /// The simulator's vMF smearing of a fixed true direction: the passing fraction is binomial
    /// around P(c | θ) (4σ).
    @Test(arguments: [10.0, 30.0, 60.0])
    func simulatorSmearingMatchesProbability(sigma: Double) throws {
        var detector = Detector.duneLAr
        detector.directionResolutionDegrees = sigma
        let sim = DetectorSimulator(detector: detector, thresholdMeV: 1)
        let cut = try DirectionalCut(resolutionDegrees: sigma, cosineCut: 0.8)
        let stream = RandomStream(seed: 3, index: 0)
        let n = 200_000
        for trueCos in [0.95, 0.8, 0.3] {
            var pass = 0
            for _ in 0..<n {
                var e = Event(recoilMeV: 5, cosTheta: trueCos)
                sim.simulate(&e, stream: stream)
                if e.cosThetaReco > 0.8 { pass += 1 }
            }
            let p = cut.passingProbability(trueCosine: trueCos)
            let error = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(Double(pass) / Double(n) - p) < 4 * error + 1e-9, "σ = \(sigma)°, cos θ = \(trueCos): \(Double(pass) / Double(n)) vs \(p)")
        }
    }

    /// Isotropic directions smeared explicitly (the brute force's shortcut skips this): cos θ_reco
    /// stays uniform (χ² over 20 bins) and the cut keeps (1 − c)/2.
    @Test func isotropicStaysIsotropicAfterExplicitSmearing() throws {
        let sim = DetectorSimulator(detector: Detector.duneLAr, thresholdMeV: 1)
        let stream = RandomStream(seed: 5, index: 0)
        let n = 400_000
        var counts = [Double](repeating: 0, count: 20)
        var pass = 0
        for _ in 0..<n {
            var e = Event(recoilMeV: 2, cosTheta: 2 * stream.uniform() - 1)
            sim.simulate(&e, stream: stream)
            counts[min(19, Int((e.cosThetaReco + 1) * 10))] += 1
            if e.cosThetaReco > 0.7 { pass += 1 }
        }
        let test = Fixtures.chiSquared(observed: counts, expected: Array(repeating: Double(n) / 20, count: 20), constraints: 1)
        #expect(test.p > 1e-3, "χ² = \(test.chi2) / \(test.dof)")
        let p = IsotropicDirection.fractionPassing(cosineCut: 0.7)
        #expect(abs(Double(pass) / Double(n) - p) < 4 * (p * (1 - p) / Double(n)).squareRoot())
    }

    /// With no cut the E-quadrature of the directional templates reproduces the tail moments.
    @Test func noCutReproducesTemplates() throws {
        let s = try Fixtures.scenario("dune-lar", threshold: 2, binWidth: 1)
        let plain = try s.templates()
        let cut = try s.templates(directionalCut: try DirectionalCut(resolutionDegrees: 0, cosineCut: -0.999999999))
        for j in 0..<s.binning.count {
            #expect(abs(cut.standardModel[j] / plain.standardModel[j] - 1) < 1e-4, "bin \(j)")
            #expect(abs(cut.magneticMomentPerKappaSquared[j] / plain.magneticMomentPerKappaSquared[j] - 1) < 1e-4)
            #expect(abs(cut.lightVectorQuadraticPerGFourth[j] / plain.lightVectorQuadraticPerGFourth[j] - 1) < 1e-4)
        }
    }

    /// Per-bin SM and magnetic-moment efficiencies of the cut against a direct tensor-product
    /// (T, E) Gauss–Legendre integral of the Physics cross sections with the independent
    /// rotation-form probability (tabulated finely here), to 2e-3 absolute.
    @Test func perBinEfficiencyMatchesDirectIntegral() throws {
        let sigma = 30.0, c = 0.8
        let s = try Fixtures.scenario("dune-lar", threshold: 3, binWidth: 2)
        let plain = try s.templates()
        let cutT = try s.templates(directionalCut: try DirectionalCut(resolutionDegrees: sigma, cosineCut: c))
        let grid = 2001
        let table = try (0..<grid).map { i in try Self.independent(trueCosine: -1 + 2 * Double(i) / Double(grid - 1), sigmaDegrees: sigma, cut: c) }
        func p(_ x: Double) -> Double {
            let u = (x + 1) / 2 * Double(grid - 1)
            let i = min(grid - 2, max(0, Int(u)))
            return table[i] + (u - Double(i)) * (table[i + 1] - table[i])
        }
        let ranges = (0..<s.binning.count).map { j in (s.binning.edges[j], j == s.binning.count - 1 ? Double.infinity : s.binning.edges[j + 1]) }
        let direct = Self.directBins(scenario: s, ranges, weight: p)
        let total = BruteForce.bins(scenario: s, ranges)
        for j in ranges.indices where plain.standardModel[j] > 1 {
            let smEff = cutT.standardModel[j] / plain.standardModel[j]
            let mmEff = cutT.magneticMomentPerKappaSquared[j] / plain.magneticMomentPerKappaSquared[j]
            #expect(abs(smEff - direct[j][0] / total[j][0]) < 2e-3, "bin \(j): SM \(smEff) vs \(direct[j][0] / total[j][0])")
            #expect(abs(mmEff - direct[j][1] / total[j][1]) < 2e-3, "bin \(j): MM \(mmEff) vs \(direct[j][1] / total[j][1])")
        }
    }

    /// `BruteForce.bins` with the angular weight P(cos θ_e(E, T)) inside the E integral (SM, MM).
    static func directBins(scenario s: Scenario, _ ranges: [(Double, Double)], weight: (Double) -> Double) -> [[Double]] {
        let res = s.detector.resolution
        let tLow = s.response.lowestTrueRecoilMeV, tHigh = s.kinematicLimitMeV
        let sm = StandardModelCrossSection(), mm = MagneticMomentCrossSection(kappa: 1)
        var out = Array(repeating: [0.0, 0.0], count: ranges.count)
        let n = Int(((tHigh - tLow) / 0.1).rounded(.up))
        let h = (tHigh - tLow) / Double(n)
        let knots = s.spectrum.energies
        for i in 0..<n {
            BruteForce.rule10.forEachNode(from: tLow + Double(i) * h, to: tLow + Double(i + 1) * h) { t, w in
                let sigma = res.sigmaMeV(at: t)
                let probabilities = ranges.map { r in
                    let hi = r.1.isInfinite ? 1 : Distributions.normalCDF((r.1 - t) / sigma)
                    return (hi - Distributions.normalCDF((r.0 - t) / sigma)) / Distributions.normalCDF(t / sigma)
                }
                guard probabilities.contains(where: { $0 > 1e-12 }) else { return }
                let eMin = Kinematics.minNeutrinoEnergy(recoil: t)
                var a = 0.0, b = 0.0
                for k in 0..<(knots.count - 1) where knots[k + 1] > eMin {
                    BruteForce.rule6.forEachNode(from: max(knots[k], eMin), to: knots[k + 1]) { e, we in
                        let phi = s.spectrum.density(at: e) * we * weight(Kinematics.cosRecoilAngle(neutrinoEnergy: e, recoil: t))
                        a += phi * sm.differential(neutrinoEnergy: e, recoil: t)
                        b += phi * mm.differential(neutrinoEnergy: e, recoil: t)
                    }
                }
                for (j, pj) in probabilities.enumerated() {
                    out[j][0] += w * pj * a
                    out[j][1] += w * pj * b
                }
            }
        }
        return out
    }

    /// Generated and simulated events (dune-lar: energy and vMF direction smearing): the fraction
    /// of detected events per T_reco bin passing cos θ_reco > c against the template efficiency.
    @Test func perBinEfficiencyMatchesMonteCarlo() throws {
        let s = try Fixtures.scenario("dune-lar", threshold: 3, binWidth: 1)
        let plain = try s.templates()
        let cutT = try s.templates(directionalCut: try DirectionalCut(resolutionDegrees: 30, cosineCut: 0.8), reference: plain)
        let pipeline = try s.pipeline(model: s.model(), threads: 2, templates: plain)
        var all = Histogram(binning: s.binning, collectsOverflow: true)
        var passed = Histogram(binning: s.binning, collectsOverflow: true)
        pipeline.run(seed: 17, events: 200_000) { block in
            for e in block where e.detected {
                all.fill(e.recoRecoilMeV)
                if e.cosThetaReco > 0.8 { passed.fill(e.recoRecoilMeV) }
            }
            return true
        }
        var chi2 = 0.0, dof = 0
        for j in 0..<s.binning.count where all.counts[j] >= 100 {
            let p = cutT.standardModel[j] / plain.standardModel[j]
            let n = all.counts[j]
            chi2 += (passed.counts[j] - n * p) * (passed.counts[j] - n * p) / (n * p * (1 - p))
            dof += 1
        }
        #expect(dof >= 5)
        #expect(Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(dof)) > 1e-3, "χ² = \(chi2) / \(dof)")
    }
}
