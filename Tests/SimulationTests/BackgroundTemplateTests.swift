import Foundation
import GSL
import NueTestSupport
import Physics
import Testing
@testable import Simulation

/// Background templates (docs/physics.md §8) against numbers computed independently here: the
/// solar ν–e rates by a quadrature of flux × cross section written in the test (its own §1
/// formula, its own Gauss–Legendre over the spectrum's knots), the folded sums against the
/// unfolded rates, the β fold against the Physics library's smeared fractions, IBD against the
/// published IsoDAR@KamLAND count and a direct quadrature, the N-events scaling by hand, and user
/// tables by their integral.
@Suite struct BackgroundTemplateTests {
    static let spectrum: NeutrinoSpectrum = try! Lithium8Spectrum.make()

    static func scenario(_ detector: String, threshold: Double, normalization: Normalization = .exposure(Exposure()),
                         binWidth: Double = 0.1) throws -> Scenario {
        try Scenario(detector: try Detector.preset(named: detector), spectrum: spectrum, thresholdMeV: threshold,
                     normalization: normalization, binWidthMeV: binWidth)
    }

    /// One year of live time, no source (solar and decays only).
    static let oneYear = BackgroundExposure(liveTimeSeconds: PhysicalConstants.secondsPerYear, emittedNeutrinos: 0,
                                            impliedByEventCount: false)

    // MARK: Independent solar ν–e rate

    /// ∫_{T₁}^{T_max(E)} dσ/dT dT for ν_e (CC + NC) or ν_μ,τ (NC), cm², from
    /// dσ/dT = (2G_F² m_e/π)[g_L² + g_R²(1 − T/E)² − g_L g_R m_e T/E²], g_L = ±1/2 + s², g_R = s²
    /// (docs/physics.md §1.3; shared physics §1), integrated in closed form.
    static func sigma(electronFlavor: Bool, energy e: Double, above t1: Double, sin2: Double = 0.23867) -> Double {
        let me = 0.51099895
        let tMax = 2 * e * e / (me + 2 * e)
        guard tMax > t1 else { return 0 }
        let gL = (electronFlavor ? 0.5 : -0.5) + sin2, gR = sin2
        let scale = 2 * pow(1.1663788e-11, 2) * me / Double.pi * 0.389379372e-21
        let a = gL * gL * (tMax - t1)
        let b = gR * gR * e / 3 * (pow(1 - t1 / e, 3) - pow(1 - tMax / e, 3))
        let c = gL * gR * me / (e * e) * (tMax * tMax - t1 * t1) / 2
        return scale * (a + b - c)
    }

    /// R(T > t1) per electron, s⁻¹: Φ Σ over the spectrum (10-point Gauss–Legendre on every knot
    /// interval, or the lines) of φ(E) [P_ee σ_e + (1 − P_ee) σ_μ].
    static func independentRate(_ component: SolarNeutrinoComponent, above t1: Double) throws -> Double {
        let survival = SolarSurvivalModel.standard
        func integrand(_ e: Double) -> Double {
            let p = survival.probability(neutrinoEnergy: e, component: component)
            return p * sigma(electronFlavor: true, energy: e, above: t1) + (1 - p) * sigma(electronFlavor: false, energy: e, above: t1)
        }
        var sum = 0.0
        switch try component.spectrum() {
        case .lines(let lines):
            sum = lines.reduce(0) { $0 + $1.branching * integrand($1.energyMeV) }
        case .continuous(let s):
            let rule = GaussLegendre(points: 10)
            let eMin = (t1 + (t1 * (t1 + 2 * 0.51099895)).squareRoot()) / 2
            for i in 0..<(s.energies.count - 1) where s.energies[i + 1] > eMin {
                rule.forEachNode(from: max(s.energies[i], eMin), to: s.energies[i + 1]) { e, w in sum += w * s.density(at: e) * integrand(e) }
            }
        }
        return component.flux() * sum
    }

    /// Each solar component's unfolded rate above threshold (the template's quadrature of the
    /// tabulated dR/dT) equals flux × flux-averaged cross section by the quadrature above, per
    /// electron per second: within 2×10⁻⁴ (the table's interpolation and the two quadratures).
    @Test(arguments: [("solar-b8", "kamland", 3.0), ("solar-hep", "kamland", 3.0), ("solar-be7", "juno", 0.2),
                      ("solar-pep", "juno", 0.2), ("solar-cno", "juno", 0.2), ("solar-pp", "juno", 0.2)])
    func solarRateMatchesIndependentQuadrature(name: String, detector: String, threshold: Double) throws {
        let s = try Self.scenario(detector, threshold: threshold)
        let definition = try #require(BackgroundCatalog.solar(name))
        let template = try s.backgroundTemplate(definition, exposure: Self.oneYear)
        let nue = template.trueEventsAboveThreshold / (s.detector.targetElectrons * PhysicalConstants.secondsPerYear)
        guard case .solar(let components) = definition.source else { Issue.record("not solar"); return }
        let independent = try components.reduce(0) { $0 + (try Self.independentRate($1, above: threshold)) }
        #expect(independent > 0)
        #expect(relativeDifference(nue, independent) < 2e-4, "\(name): nue \(nue), independent \(independent) s⁻¹ per e⁻")
    }

    /// ⁸B at KamLAND above 3 MeV over 5 years of live time: 3 802 recoils with true T > 3 MeV
    /// (docs/physics.md §13.4: 3 422 in 5 years × 90 %; the Sun is on all the time) and within
    /// 0.5 % as many with T_reco > 3 MeV (the 6.4 %/√E response moves events across the threshold
    /// both ways on a smooth spectrum). Perfect resolution: folded = unfolded to 10⁻¹².
    @Test func foldedSumsMatchUnfoldedRate() throws {
        let fiveYears = BackgroundExposure(liveTimeSeconds: 5 * PhysicalConstants.secondsPerYear, emittedNeutrinos: 0,
                                           impliedByEventCount: false)
        let kamland = try Self.scenario("kamland", threshold: 3)
        let b8 = try kamland.backgroundTemplate(try #require(BackgroundCatalog.solar("solar-b8")), exposure: fiveYears)
        #expect(abs(b8.trueEventsAboveThreshold * 0.9 / 3422 - 1) < 2e-4, "true \(b8.trueEventsAboveThreshold)")
        #expect(relativeDifference(b8.eventsAboveThreshold, b8.trueEventsAboveThreshold) < 5e-3)
        #expect(relativeDifference(b8.counts.reduce(0, +), b8.eventsAboveThreshold) < 1e-12)
        // β decays: ¹²B (13.4 MeV endpoint), smooth across 3 MeV.
        let b12 = try kamland.backgroundTemplate(try BackgroundCatalog.definition(named: "b12", detector: "kamland"), exposure: fiveYears)
        #expect(relativeDifference(b12.eventsAboveThreshold, b12.trueEventsAboveThreshold) < 1e-2)
        // Perfect resolution (the ideal detector: KamLAND's target and preset rates).
        let ideal = try Self.scenario("ideal", threshold: 3)
        for name in ["solar-b8", "ibd", "tl208", "b12", "c10"] {
            let d = try BackgroundCatalog.definition(named: name, detector: "ideal")
            let t = try ideal.backgroundTemplate(d, exposure: BackgroundExposure(liveTimeSeconds: 5 * PhysicalConstants.secondsPerYear,
                                                                                 emittedNeutrinos: 1.17e23, impliedByEventCount: false))
            #expect(t.trueEventsAboveThreshold > 0)
            #expect(relativeDifference(t.eventsAboveThreshold, t.trueEventsAboveThreshold) < 1e-9, "\(name)")
            #expect(relativeDifference(t.counts.reduce(0, +), t.eventsAboveThreshold) < 1e-9, "\(name)")
        }
    }

    /// The decay fold (node grid, truncated Gaussian) against the Physics library's plain-Gaussian
    /// `BackgroundVisibleSpectrum.smearedFraction` (analytic window on its own grid, or CQUAD) for
    /// interior bins of ²⁰⁸Tl and ¹²B at KamLAND: 10⁻⁶ relative (the truncation at E_reco ≥ 0 is
    /// ≲ 10⁻³⁰⁰ here).
    @Test func decayFoldMatchesLibrarySmearing() throws {
        let s = try Self.scenario("kamland", threshold: 3, binWidth: 0.5)
        for name in ["tl208", "b12"] {
            let d = try BackgroundCatalog.definition(named: name, detector: "kamland")
            let t = try s.backgroundTemplate(d, exposure: Self.oneYear)
            guard case .decays(let decays) = d.source else { Issue.record("not decays"); return }
            let emitter = try decays.nuclides[0].emitter()
            let visible = try emitter.visibleSpectrum()
            let sigma: (Double) -> Double = { s.detector.resolution.sigmaMeV(at: $0) }
            let edges = s.binning.edges
            for j in 0..<(edges.count - 2) {
                let library = t.totalEvents * (try visible.smearedFraction(from: edges[j], to: edges[j + 1], resolution: sigma))
                #expect(isApproximatelyEqual(t.counts[j], library, relativeTolerance: 1e-6, absoluteTolerance: 1e-9 * t.totalEvents),
                        "\(name) bin \(j): \(t.counts[j]) vs \(library)")
            }
        }
    }

    /// The interpolated dR/dT (`RecoilRateTable`) against the exact `SolarRecoilRate` between its
    /// nodes: ≤ 10⁻⁴ relative where the rate is above 10 % of its maximum, ≤ 10⁻³ down to 10⁻³ of it
    /// (the steep end of the pp spectrum: 4×10⁻⁴ at 1 % of the peak).
    @Test func recoilTableMatchesExactRate() throws {
        for component in [SolarNeutrinoComponent.b8, .be7, .pp] {
            let rate = try SolarRecoilRate(component: component)
            let tMax = Kinematics.maxRecoil(neutrinoEnergy: rate.spectrum.maximumEnergy)
            let kinks = (component.lines ?? []).map { Kinematics.maxRecoil(neutrinoEnergy: $0.energyMeV) }
            let table = try RecoilRateTable(rate, from: 0.1, to: tMax, kinks: kinks)
            let ts = (0..<97).map { 0.1 + (tMax - 0.1) * (Double($0) + 0.37) / 97 }
            let exact = try ts.map { try rate.differentialRate(recoil: $0) }
            let peak = exact.max()!
            for (t, x) in zip(ts, exact) where x > 1e-3 * peak {
                let tolerance = x > 0.1 * peak ? 1e-4 : 1e-3
                #expect(relativeDifference(table(t), x) < tolerance, "\(component) at T = \(t): \(table(t)) vs \(x)")
            }
        }
    }

    // MARK: IBD

    /// The IsoDAR source's inverse β decay at KamLAND (5 years, 90 % up-time, 2.6×10²² ν̄e/yr,
    /// 16 m, 897 t with 8.47×10³¹ free protons per kt): all IBD events (untagged fraction 1) =
    /// N_p × N_ν ⟨1/4πL²⟩ × ⟨σ_IBD⟩, ⟨σ_IBD⟩ by a Simpson rule here (10⁻⁴), and within 5 % of the
    /// published 8.2×10⁵ (Bungau et al., PRL 109, 141802 (2012); their ⁸Li spectrum and target
    /// differ in detail): nue gives 8.30×10⁵. The prompt spectrum starts at E_th − 0.782 = 1.024 MeV.
    @Test func inverseBetaDecayMatchesPublishedCount() throws {
        let s = try Self.scenario("kamland", threshold: 1)
        let templates = try s.templates()
        let exposure = s.backgroundExposure(templates: templates)
        #expect(relativeDifference(exposure.emittedNeutrinos, 2.6e22 * 5 * 0.9) < 1e-12)
        let all = BackgroundCatalog.inverseBetaDecay(untaggedFraction: 1)
        let t = try s.backgroundTemplate(all, exposure: exposure)
        // Simpson over E_ν from the threshold to the endpoint, 20 000 intervals.
        let lo = InverseBetaDecay.threshold, hi = Self.spectrum.endpoint, n = 20_000
        let h = (hi - lo) / Double(n)
        var simpson = 0.0
        for k in 0...n {
            let e = lo + Double(k) * h
            let w: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
            simpson += w * Self.spectrum.density(at: e) * InverseBetaDecay.crossSection(neutrinoEnergy: e)
        }
        simpson *= h / 3
        let protons = 0.897 * 5.98e31 / (4.0 / 3.0 * Double.pi * 216 * 0.780 / 1000)
        let expected = protons * 2.6e22 * 5 * 0.9 * s.detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter * simpson
        #expect(relativeDifference(t.totalEvents, expected) < 1e-4, "nue \(t.totalEvents), quadrature \(expected)")
        #expect(abs(t.totalEvents / 8.2e5 - 1) < 0.05, "nue \(t.totalEvents) vs 8.2e5 (Bungau et al. 2012)")
        // All prompt energies are above 1.024 MeV > the 1 MeV threshold: nothing is lost but the
        // response's tail below it.
        #expect(relativeDifference(t.trueEventsAboveThreshold, t.totalEvents) < 1e-6)
        // The preset's untagged 1 %.
        let preset = try s.backgroundTemplate(BackgroundCatalog.inverseBetaDecay(), exposure: exposure)
        #expect(relativeDifference(preset.totalEvents, 0.01 * t.totalEvents) < 1e-12)
    }

    // MARK: N-events scaling

    /// With N SM events above threshold the backgrounds scale with the implied live time
    /// N / (SM events per calendar year of the physical source): KamLAND > 3 MeV, N = 3000 against
    /// the physical 5-year exposure's count n₅: t = 5 yr × 3000 / n₅ (= 1.909 yr); solar and decay
    /// counts scale by t/5 yr, IBD by 3000/n₅ (it follows the emitted ν̄e), to 10⁻¹⁰.
    @Test func eventCountImpliesLiveTime() throws {
        let physical = try Self.scenario("kamland", threshold: 3)
        let byEvents = try Self.scenario("kamland", threshold: 3, normalization: .smEventsAboveThreshold(3000))
        let n5 = try physical.templates().aboveThreshold.standardModel
        let exposure = byEvents.backgroundExposure(templates: try byEvents.templates())
        #expect(exposure.impliedByEventCount)
        let years = 5 * 3000 / n5
        #expect(relativeDifference(exposure.liveTimeYears, years) < 1e-10, "\(exposure.liveTimeYears) vs \(years)")
        #expect(abs(exposure.liveTimeYears - 1.909) < 1e-3)
        let full = physical.backgroundExposure(templates: try physical.templates())
        for name in ["solar-b8", "tl208", "b12", "ibd"] {
            let d = try BackgroundCatalog.definition(named: name, detector: "kamland")
            let a = try physical.backgroundTemplate(d, exposure: full).eventsAboveThreshold
            let b = try byEvents.backgroundTemplate(d, exposure: exposure).eventsAboveThreshold
            let factor = name == "ibd" ? 3000 / n5 : years / 5
            #expect(relativeDifference(b, a * factor) < 1e-10, "\(name): \(b) vs \(a) × \(factor)")
        }
        // Another source intensity: twice the ν̄e per year → half the live time for the same N.
        let doubled = byEvents.backgroundExposure(templates: try byEvents.templates(), reference: Exposure(sourceIntensityPerYear: 5.2e22))
        #expect(relativeDifference(doubled.liveTimeYears, years / 2) < 1e-10)
    }

    // MARK: User tables

    /// A flat table of 100 events per MeV per year from 4 to 12 MeV: 800 events per year; with the
    /// ideal detector at 5 MeV threshold, 700 above (exactly, Steffen keeps a flat table flat) and
    /// 700 in the window; bad tables are refused with the point that is wrong.
    @Test func userTable() throws {
        let table = try TabulatedBackgroundSpectrum(name: "flat", energies: [4, 6, 8, 10, 12], rates: [100, 100, 100, 100, 100])
        #expect(abs(table.eventsPerYear - 800) < 1e-9)
        let s = try Self.scenario("ideal", threshold: 5)
        let t = try s.backgroundTemplate(BackgroundDefinition(name: "flat", source: .tabulated(table), relativeUncertainty: 0.1,
                                                              reference: "test"), exposure: Self.oneYear)
        #expect(abs(t.totalEvents - 800) < 1e-9)
        #expect(abs(t.eventsAboveThreshold - 700) < 1e-7)
        #expect(abs(t.eventsInWindow - 700) < 1e-7)
        #expect(abs(t.counts[0] - 10) < 1e-9)  // [5, 5.1) MeV
        #expect(throws: PhysicsInputError.notIncreasing(index: 2, previous: 6, value: 6)) {
            try TabulatedBackgroundSpectrum(name: "bad", energies: [4, 6, 6], rates: [1, 1, 1])
        }
        #expect(throws: PhysicsInputError.badWeight(index: 1, value: -1)) {
            try TabulatedBackgroundSpectrum(name: "bad", energies: [4, 6, 8], rates: [1, -1, 1])
        }
        #expect(throws: PhysicsInputError.unreadableLine(line: 2, text: "5 x")) { try NeutrinoSpectrum.columns("4 1\n5 x\n") }
    }

    /// The preset of a detector: solar, IBD (scintillators), 12 decay components, distinct names;
    /// `dune-lar` has none; a decay name without a preset rate is refused with what to do.
    @Test func catalogue() throws {
        let kamland = try BackgroundCatalog.preset(detector: "kamland")
        #expect(kamland.map(\.name) == BackgroundCatalog.names)
        for d in kamland { try d.validate() }
        #expect(throws: SimulationError.noBackgroundPreset(detector: "dune-lar", presets: BackgroundCatalog.presetDetectors)) {
            try BackgroundCatalog.preset(detector: "dune-lar")
        }
        #expect(throws: SimulationError.noBackgroundRate(name: "c11", detector: "dune-lar")) {
            try BackgroundCatalog.definition(named: "c11", detector: "dune-lar")
        }
        #expect(try BackgroundCatalog.definition(named: "solar-b8", detector: "dune-lar").name == "solar-b8")
        // ²⁰⁸Tl in KamLAND: 5.2×10⁻¹⁷ g/g ²³²Th × 4057.3 Bq/g × 35.94 % × 10⁸ g × 86 400 s = 0.6551 per day per 100 t.
        guard case .decays(let tl) = try BackgroundCatalog.definition(named: "tl208", detector: "kamland").source else {
            Issue.record("tl208 is not a decay component"); return
        }
        #expect(abs(tl.decaysPerDayPer100Tonnes - 0.65514) < 1e-4)
        // IBD needs free protons: argon has none.
        let argon = try Self.scenario("dune-lar", threshold: 3)
        #expect(throws: SimulationError.self) {
            try argon.backgroundTemplate(BackgroundCatalog.inverseBetaDecay(), exposure: Self.oneYear)
        }
    }
}
