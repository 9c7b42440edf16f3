import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// Brute-force references: a direct tensor-product Gauss–Legendre double integral over (T, E) of
/// the Physics cross-section types (not the moment decomposition + QAG of `TrueRecoilSpectrum`):
/// in E, 6 points on every knot interval of the spectrum (where φ is one cubic), in T, 10 points on
/// panels of ≤ 0.1 MeV with breakpoints at the bin edges; the response probability from GSL's normal
/// CDF (not erfc).
enum BruteForce {
    static let rule6 = GaussLegendre(points: 6)
    static let rule10 = GaussLegendre(points: 10)

    /// dσ̄/dT(T) for SM, per κ², per g_ν g_e, per (g_ν g_e)², cm²/MeV.
    static func fluxAveraged(spectrum: NeutrinoSpectrum, mediatorMassMeV m: Double, recoil t: Double) -> [Double] {
        let sm = StandardModelCrossSection(), mm = MagneticMomentCrossSection(kappa: 1)
        let lv = LightVectorCrossSection(couplingProduct: 1, mediatorMass: m)
        let eMin = Kinematics.minNeutrinoEnergy(recoil: t)
        let knots = spectrum.energies
        var sums = [0.0, 0.0, 0.0, 0.0]
        for i in 0..<(knots.count - 1) where knots[i + 1] > eMin {
            rule6.forEachNode(from: max(knots[i], eMin), to: knots[i + 1]) { e, w in
                let phi = spectrum.density(at: e) * w
                sums[0] += phi * sm.differential(neutrinoEnergy: e, recoil: t)
                sums[1] += phi * mm.differential(neutrinoEnergy: e, recoil: t)
                sums[2] += phi * lv.linearCoefficient(neutrinoEnergy: e, recoil: t)
                sums[3] += phi * lv.quadraticCoefficient(neutrinoEnergy: e, recoil: t)
            }
        }
        return sums
    }

    /// ε ∫ dT dσ̄/dT P(T_reco ∈ bin | T) for each requested bin (upper edge ∞ = overflow), per term, cm².
    static func bins(scenario s: Scenario, _ ranges: [(Double, Double)]) -> [[Double]] {
        let res = s.detector.resolution
        let tLow = s.response.lowestTrueRecoilMeV, tHigh = s.kinematicLimitMeV
        func p(_ t: Double, _ lower: Double, _ upper: Double) -> Double {
            let sigma = res.sigmaMeV(at: t)
            if sigma == 0 { return (t >= lower && t < upper) ? 1 : 0 }
            let hi = upper.isInfinite ? 1 : Distributions.normalCDF((upper - t) / sigma)
            return (hi - Distributions.normalCDF((lower - t) / sigma)) / Distributions.normalCDF(t / sigma)
        }
        var breaks = [tLow, tHigh] + s.binning.edges.filter { $0 > tLow && $0 < tHigh }
        breaks.sort()
        var out = Array(repeating: [0.0, 0.0, 0.0, 0.0], count: ranges.count)
        for k in 0..<(breaks.count - 1) {
            let n = max(1, Int(((breaks[k + 1] - breaks[k]) / 0.1).rounded(.up)))
            let h = (breaks[k + 1] - breaks[k]) / Double(n)
            for i in 0..<n {
                rule10.forEachNode(from: breaks[k] + Double(i) * h, to: breaks[k] + Double(i + 1) * h) { t, w in
                    let probabilities = ranges.map { p(t, $0.0, $0.1) }
                    guard probabilities.contains(where: { $0 > 0 }) else { return }
                    let f = fluxAveraged(spectrum: s.spectrum, mediatorMassMeV: s.mediatorMassMeV, recoil: t)
                    for (j, pj) in probabilities.enumerated() where pj > 0 {
                        for term in 0..<4 { out[j][term] += w * pj * f[term] * s.detector.efficiency }
                    }
                }
            }
        }
        return out
    }
}

@Suite struct TemplateTests {
    static let cases: [(String, Double)] = [("kamland", 0), ("dune-lar", 0.5), ("ideal", 0)]

    /// Every term in three bins (first, middle, last with overflow) to 1e-4 relative.
    @Test(arguments: cases)
    func binsMatchBruteForce(detector: String, mediatorMassMeV: Double) throws {
        let s = try Fixtures.scenario(detector, binWidth: 1, mediatorMassMeV: mediatorMassMeV)
        let t = try s.templates()
        let f = t.eventsPerSquareCentimeter
        let n = s.binning.count
        let chosen = [0, n / 2, n - 1]
        let ranges = chosen.map { j in (s.binning.edges[j], j == n - 1 ? Double.infinity : s.binning.edges[j + 1]) }
        let reference = BruteForce.bins(scenario: s, ranges)
        for (r, j) in chosen.enumerated() {
            let values = [t.standardModel[j], t.magneticMomentPerKappaSquared[j],
                          t.lightVectorLinearPerGSquared[j], t.lightVectorQuadraticPerGFourth[j]]
            for term in 0..<4 {
                #expect(abs(values[term] / f / reference[r][term] - 1) < 1e-4,
                        "\(detector) bin \(j) term \(term): \(values[term] / f) vs \(reference[r][term])")
            }
        }
    }

    @Test func smTemplateSumsToTheRequestedCount() throws {
        // The last bin collects the overflow and the first edge is the threshold, so Σ bins = N.
        let t = try Fixtures.scenario("juno", threshold: 1, binWidth: 0.25, normalization: .smEventsAboveThreshold(7500)).templates()
        #expect(abs(t.standardModel.reduce(0, +) - 7500) < 1e-8)
        #expect(abs(t.aboveThreshold.standardModel - 7500) < 1e-8)
    }

    /// Hand computation (KamLAND, ideal response so the threshold is on true T):
    /// emitted ν̄e = 2.6e22/yr × 5 yr × 0.9 = 1.17e23; electrons = 0.897 kt × 3.43e32/kt = 3.07671e32;
    /// ⟨1/L²⟩ = 3/(2DR³)[DR − (D² − R²)/2 ln((D+R)/(D−R))] = 4.045242e-3 m⁻² (D = 16, R = 6.5 m),
    /// ⟨1/(4πL²)⟩ = 4.045242e-3 / 4π × 1e-4 = 3.219101e-8 cm⁻²;
    /// factor = 1.17e23 × 3.07671e32 × 3.219101e-8 = 1.158796e48 cm⁻²;
    /// N = factor × σ̄(T > 3 MeV), σ̄ by the brute-force nested integral.
    @Test func exposureNormalizationMatchesHandComputation() throws {
        let s = try Fixtures.scenario("ideal", threshold: 3, binWidth: 1, normalization: .exposure(Exposure()))
        let t = try s.templates()
        #expect(abs(t.eventsPerSquareCentimeter / 1.158796e48 - 1) < 1e-6)
        let sigma = BruteForce.bins(scenario: s, [(3, .infinity)])[0][0]
        #expect(abs(t.aboveThreshold.standardModel / (1.158796e48 * sigma) - 1) < 1e-5)
        #expect(abs(t.standardModel.reduce(0, +) / t.aboveThreshold.standardModel - 1) < 1e-10)
    }

    @Test func noInterferenceZeroesTheLinearTemplate() throws {
        let s = try Scenario(detector: .kamland, spectrum: Fixtures.spectrum, normalization: .smEventsAboveThreshold(3000),
                             interference: .pureZPrimeOnly)
        let t = try s.templates()
        #expect(t.lightVectorLinearPerGSquared.allSatisfy { $0 == 0 })
        #expect(t.lightVectorQuadraticPerGFourth.allSatisfy { $0 > 0 })
    }

    @Test func badScenarioInputsAreErrors() throws {
        let spectrum = Fixtures.spectrum
        #expect(throws: SimulationError.self) { try Scenario(detector: .kamland, spectrum: spectrum, thresholdMeV: -1) }
        #expect(throws: SimulationError.self) { try Scenario(detector: .kamland, spectrum: spectrum, thresholdMeV: .nan) }
        #expect(throws: SimulationError.self) { try Scenario(detector: .kamland, spectrum: spectrum, thresholdMeV: 0) }
        // T_max at the endpoint is below 16 MeV.
        let limit = Kinematics.maxRecoil(neutrinoEnergy: spectrum.endpoint)
        #expect(throws: SimulationError.thresholdAboveKinematicLimit(thresholdMeV: 16, limitMeV: limit, endpointMeV: spectrum.endpoint)) {
            try Scenario(detector: .kamland, spectrum: spectrum, thresholdMeV: 16)
        }
        #expect(SimulationError.thresholdAboveKinematicLimit(thresholdMeV: 16, limitMeV: limit, endpointMeV: spectrum.endpoint)
            .description.contains("kinematic limit"))
        #expect(throws: SimulationError.self) {
            try Scenario(detector: .kamland, spectrum: spectrum, normalization: .smEventsAboveThreshold(-5))
        }
        #expect(throws: SimulationError.self) {
            try Scenario(detector: .kamland, spectrum: spectrum, normalization: .exposure(Exposure(liveTimeYears: .nan)))
        }
        var bad = Detector.kamland
        bad.efficiency = 1.5
        #expect(throws: SimulationError.self) { try Scenario(detector: bad, spectrum: spectrum) }
    }
}
