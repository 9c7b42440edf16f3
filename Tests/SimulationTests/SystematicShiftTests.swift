import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// Exact refolding at a systematic shift (docs/physics.md §16.1–15.2): the nominal shift reproduces
/// today's templates bit for bit; an energy-scale shift of a perfect-resolution response is the
/// analytic change of variables; a resolution scale equals a Gaussian convolution done by brute
/// force (GSL's normal CDF, 10-point Gauss–Legendre on 0.01 MeV panels); bad shifts are one-line errors.
@Suite struct SystematicShiftTests {
    /// The default ⁸Li source (measured final state), needed by the source-shape shift.
    static let measured: NeutrinoSpectrum = try! Lithium8Spectrum.make()

    static func kamland(threshold: Double = 3, normalization: Normalization = .smEventsAboveThreshold(3000)) throws -> Scenario {
        try Scenario(detector: .kamland, spectrum: measured, thresholdMeV: threshold, normalization: normalization)
    }

    static let backgroundNames = ["b12", "tl208", "ibd", "solar-b8"]

    /// (a) At the nominal shift every template — the four signal terms and four backgrounds of
    /// three kinds (decays, IBD, solar) — equals the nominal one exactly (==, not within a tolerance).
    @Test func nominalShiftIsBitIdentical() throws {
        let s = try Self.kamland()
        let nominal = try s.templates()
        let again = try s.templates(at: .nominal, eventsPerSquareCentimeter: nominal.eventsPerSquareCentimeter)
        #expect(again == nominal)
        let zero = try SystematicShift(energyScale: 0, nonLinearity: 0, pivotMeV: 3, resolutionScale: 0, efficiencyScale: 0, sourceShape: 0)
        let atZero = try s.templates(at: zero, eventsPerSquareCentimeter: nominal.eventsPerSquareCentimeter)
        #expect(atZero == nominal)
        let definitions = try Self.backgroundNames.map { try BackgroundCatalog.definition(named: $0, detector: "kamland") }
        let exposure = s.backgroundExposure(templates: nominal)
        let shiftedBackgrounds = try s.backgroundTemplates(definitions, exposure: exposure, at: .nominal)
        let nominalBackgrounds = try s.backgroundTemplates(definitions, exposure: exposure)
        #expect(shiftedBackgrounds == nominalBackgrounds)
        #expect(s.response == DetectorResponse(detector: .kamland, thresholdMeV: 3))
    }

    /// (b) Perfect resolution, density ρ(E) = e^{−E/3} per MeV on [0.5, 14] MeV, threshold 1 MeV,
    /// α = +4 %: the reconstructed spectrum is ρ(E'/(1+α))/(1+α), so bin [e_j, e_{j+1}) holds
    /// 3[e^{−max(e_j, 0.5(1+α))/(3(1+α))} − e^{−min(e_{j+1}, 14(1+α))/(3(1+α))}] (closed form), to 10⁻¹⁰.
    /// With edges scaled by 1 + α the contents equal the nominal ones (10⁻¹²), so the mean reconstructed
    /// energy (bin centres scale too) is (1 + α) times the nominal one.
    @Test(arguments: [0.04, -0.03])
    func energyScaleOfAPerfectResponseIsTheChangeOfVariables(alpha: Double) throws {
        let nominal = DetectorResponse(resolution: .perfect, thresholdMeV: 1, efficiency: 1)
        let shifted = try SystematicShift(energyScale: alpha).applied(to: nominal)
        let edges = stride(from: 1.0, through: 16.0, by: 0.25).map { $0 }
        let rho = { (e: Double) in exp(-e / 3) }
        let fold = try shifted.foldDensity(rho, from: 0.5, to: 14, edges: edges, windowUpper: 16)
        let k = 1 + alpha
        func cumulative(_ x: Double) -> Double { exp(-min(max(x, 0.5 * k), 14 * k) / (3 * k)) }
        for j in 0..<(edges.count - 1) {
            let upper = j == edges.count - 2 ? Double.infinity : edges[j + 1]
            let exact = 3 * (cumulative(edges[j]) - cumulative(upper))
            #expect(abs(fold.bins[j] - exact) <= 1e-10 * max(exact, 1e-3), "bin \(j): \(fold.bins[j]) vs \(exact)")
        }
        let base = try nominal.foldDensity(rho, from: 0.5, to: 14, edges: edges, windowUpper: 16)
        let scaledEdges = edges.map { $0 * k }
        let scaled = try shifted.foldDensity(rho, from: 0.5, to: 14, edges: scaledEdges, windowUpper: 16 * k)
        // The first scaled bin starts at k·1 MeV ≠ the threshold: compare bins fully above both.
        for j in 1..<(edges.count - 1) { #expect(abs(scaled.bins[j] - base.bins[j]) <= 1e-12 * max(base.bins[j], 1e-3)) }
        func mean(_ bins: [Double], _ e: [Double]) -> Double {
            let centres = (1..<(e.count - 1)).map { 0.5 * (e[$0] + e[$0 + 1]) }
            return zip(centres, bins.dropFirst()).map(*).reduce(0, +) / bins.dropFirst().reduce(0, +)
        }
        #expect(abs(mean(scaled.bins, scaledEdges) / mean(base.bins, edges) - k) < 1e-12)
    }

    /// (b) The signal: an ideal detector with α = 2.5 % against the same change of variables done on
    /// dσ̄/dT (`TrueRecoilSpectrum`) by 8-point Gauss–Legendre in E' on 0.01 MeV panels:
    /// n'_j = F ∫_{bin} dE' dσ̄/dT(E'/(1+α))/(1+α), 5×10⁻⁷ relative (measured ≤ 1.4×10⁻⁷: the 8-point panels of both) (every bin, every term).
    @Test func signalEnergyScaleMatchesTheChangeOfVariables() throws {
        let s = try Scenario(detector: .ideal, spectrum: Self.measured, thresholdMeV: 3, normalization: .exposure(Exposure()),
                             binWidthMeV: 1)
        let nominal = try s.templates()
        let alpha = 0.025, k = 1 + alpha
        let shifted = try s.templates(at: try SystematicShift(energyScale: alpha), eventsPerSquareCentimeter: nominal.eventsPerSquareCentimeter)
        let recoil = try TrueRecoilSpectrum(spectrum: Self.measured, lowestRecoilMeV: 2.5)
        let tMax = s.kinematicLimitMeV
        let rule = GaussLegendre(points: 8)
        let edges = s.binning.edges
        for j in 0..<s.binning.count {
            let lower = edges[j], upper = j == s.binning.count - 1 ? tMax * k : min(edges[j + 1], tMax * k)
            var sums = [0.0, 0.0, 0.0, 0.0]
            let panels = max(1, Int(((upper - lower) / 0.01).rounded(.up)))
            for p in 0..<panels {
                let a = lower + (upper - lower) * Double(p) / Double(panels), b = lower + (upper - lower) * Double(p + 1) / Double(panels)
                rule.forEachNode(from: a, to: b) { e, w in
                    let v = try! recoil.terms(recoilMeV: e / k)
                    sums[0] += w * v.standardModel / k
                    sums[1] += w * v.magneticMomentPerKappaSquared / k
                    sums[2] += w * v.lightVectorLinearPerGSquared / k
                    sums[3] += w * v.lightVectorQuadraticPerGFourth / k
                }
            }
            let got = [shifted.standardModel[j], shifted.magneticMomentPerKappaSquared[j],
                       shifted.lightVectorLinearPerGSquared[j], shifted.lightVectorQuadraticPerGFourth[j]]
            for term in 0..<4 where sums[term] != 0 {
                let exact = sums[term] * nominal.eventsPerSquareCentimeter
                #expect(abs(got[term] / exact - 1) < 5e-7, "bin \(j) term \(term): \(got[term]) vs \(exact)")
            }
        }
        #expect(shifted.standardModel.reduce(0, +) > nominal.standardModel.reduce(0, +), "a higher scale lifts events over the threshold")
    }

    /// (b) Resolution scale r = +20 % on KamLAND (σ = 6.4 %·√E): a line at 6 MeV (a γ, through the
    /// decay fold) against Φ((e_{j+1} − 6)/σ') − Φ((e_j − 6)/σ') renormalized by Φ(6/σ'), σ' = 1.2 σ(6)
    /// (GSL's normal CDF), 10⁻¹²; a continuum ρ(E) = e^{−E/3} on [0.5, 14] MeV through `foldDensity`
    /// against a brute-force Gaussian convolution (10-point Gauss–Legendre on 0.01 MeV panels), 10⁻⁸.
    @Test func resolutionScaleMatchesABruteForceConvolution() throws {
        let nominal = DetectorResponse(resolution: Detector.kamland.resolution, thresholdMeV: 1, efficiency: 1)
        let r = 0.2
        let shifted = try SystematicShift(resolutionScale: r).applied(to: nominal)
        let edges = stride(from: 1.0, through: 12.0, by: 0.5).map { $0 }
        func sigma(_ e: Double) -> Double { (1 + r) * 0.064 * e.squareRoot() }
        func window(_ e: Double, _ j: Int) -> Double {
            let upper = j == edges.count - 2 ? 1 : Distributions.normalCDF((edges[j + 1] - e) / sigma(e))
            return (upper - Distributions.normalCDF((edges[j] - e) / sigma(e))) / Distributions.normalCDF(e / sigma(e))
        }
        var p = [Double](repeating: 0, count: edges.count - 1), tails = edges
        shifted.binProbabilities(trueEnergyMeV: 6, edges: edges, into: &p, tails: &tails)
        for j in p.indices { #expect(abs(p[j] - window(6, j)) < 1e-12, "line bin \(j)") }
        let rho = { (e: Double) in exp(-e / 3) }
        let fold = try shifted.foldDensity(rho, from: 0.5, to: 14, edges: edges, windowUpper: 12)
        let rule = GaussLegendre(points: 10)
        for j in p.indices {
            var sum = 0.0
            for panel in 0..<1350 {
                let a = 0.5 + 0.01 * Double(panel)
                rule.forEachNode(from: a, to: a + 0.01) { e, w in sum += w * rho(e) * window(e, j) }
            }
            #expect(abs(fold.bins[j] - sum) <= 1e-8 * max(sum, 1e-4), "bin \(j): \(fold.bins[j]) vs \(sum)")
        }
        // The hook agrees with a detector whose resolution terms are scaled by hand (same F).
        let s = try Self.kamland()
        let nominalTemplates = try s.templates()
        var wider = s
        wider.detector.resolution.stochastic *= 1 + r
        let byHand = try wider.templates(at: .nominal, eventsPerSquareCentimeter: nominalTemplates.eventsPerSquareCentimeter)
        let viaShift = try s.templates(at: try SystematicShift(resolutionScale: r), eventsPerSquareCentimeter: nominalTemplates.eventsPerSquareCentimeter)
        for j in byHand.standardModel.indices {
            #expect(abs(viaShift.standardModel[j] / byHand.standardModel[j] - 1) < 1e-12)
        }
    }

    /// Efficiency: every count × (1 + e) (the nominal F is kept, not renormalized to N), to 10⁻¹².
    @Test func efficiencyScalesEveryCount() throws {
        let s = try Self.kamland()
        let nominal = try s.templates()
        let shifted = try s.templates(at: try SystematicShift(efficiencyScale: -0.02), eventsPerSquareCentimeter: nominal.eventsPerSquareCentimeter)
        for j in nominal.standardModel.indices {
            #expect(abs(shifted.standardModel[j] / nominal.standardModel[j] - 0.98) < 1e-12)
            #expect(abs(shifted.magneticMomentPerKappaSquared[j] / nominal.magneticMomentPerKappaSquared[j] - 0.98) < 1e-12)
        }
    }

    /// Source shape: s = ±1 is the ±1σ ⁸Li spectrum pair of `nue source` (⟨E⟩ 6.351 MeV for the
    /// ⁸B +1σ shape, 6.367 MeV for −1σ: docs/physics.md §4.5.1, to 1 keV), s = ½ lies between
    /// s = 0 and s = 1, the SM count moves with the mean energy (⟨σ⟩ grows with E), and a
    /// scenario with another source refuses the shift.
    @Test func sourceShapeUsesTheUnfoldedPair() throws {
        let family = SourceShapeVariation.lithium8Measured
        let plus = try family.spectrum(at: 1), minus = try family.spectrum(at: -1), half = try family.spectrum(at: 0.5)
        let meanPlus = try plus.meanEnergy(), meanMinus = try minus.meanEnergy()
        let m0 = try Self.measured.meanEnergy(), mHalf = try half.meanEnergy()
        #expect(abs(meanPlus - 6.351) < 0.001 && abs(meanMinus - 6.367) < 0.001, "\(meanPlus), \(meanMinus)")
        #expect(mHalf < max(m0, meanPlus) && mHalf > min(m0, meanPlus))
        let s = try Self.kamland()
        let nominal = try s.templates()
        let up = try s.templates(at: try SystematicShift(sourceShape: 1), eventsPerSquareCentimeter: nominal.eventsPerSquareCentimeter)
        let change = up.standardModel.reduce(0, +) - nominal.standardModel.reduce(0, +)
        #expect(change * (meanPlus - m0) > 0)
        let other = try Scenario(detector: .kamland, spectrum: Fixtures.spectrum, normalization: .smEventsAboveThreshold(3000))
        #expect(throws: SimulationError.self) {
            try other.templates(at: try SystematicShift(sourceShape: 1), eventsPerSquareCentimeter: 1e48)
        }
    }

    @Test func energyMapInverseAndDerivative() throws {
        let map = EnergyScaleMap(scale: 0.02, nonLinearity: -0.03, pivotMeV: 5)
        for e in [0.0, 0.3, 1, 5, 9.7, 16, 29] {
            #expect(abs(map.inverse(map(e)) - e) < 1e-12 * max(1, e))
            let h = 1e-6
            #expect(abs((map(e + h) - map(e - h)) / (2 * h) - map.derivative(e)) < 1e-8)
        }
        #expect(abs(map(5) - 1.02 * 5) < 1e-14, "f(E₀) = (1 + α)E₀")
        #expect(EnergyScaleMap.identity.inverse(3.7) == 3.7)
    }

    @Test func badShiftsAreOneLineErrors() {
        let cases: [() throws -> SystematicShift] = [
            { try SystematicShift(energyScale: 0.6) }, { try SystematicShift(energyScale: .nan) },
            { try SystematicShift(nonLinearity: 1.2) }, { try SystematicShift(nonLinearity: -0.2) },
            { try SystematicShift(pivotMeV: 0) }, { try SystematicShift(resolutionScale: -1) },
            { try SystematicShift(efficiencyScale: -1.5) }, { try SystematicShift(sourceShape: 6) },
        ]
        for make in cases {
            do { _ = try make(); Issue.record("accepted a bad shift") } catch {
                #expect(!"\(error)".contains("\n") && "\(error)".contains("must"), "\(error)")
            }
        }
        #expect(throws: SimulationError.self) { try SystematicNuisance(.energyScale, sigma: 0) }
        #expect(throws: SimulationError.self) { try SystematicNuisance.defaults(detector: "ideal") }
        for preset in ["kamland", "juno", "snoplus", "dune-lar"] {
            #expect((try? SystematicNuisance.defaults(detector: preset).map(\.kind)) == SystematicNuisance.Kind.allCases, "\(preset)")
        }
    }
}
