import Foundation
import GSL
import Physics
import Simulation
import Statistics

/// The DUNE-like argon sensitivity engine (mission: "DUNE-like argon"). For a configuration
/// it builds, per bin of reconstructed T from the threshold to the ⁸Li kinematic end:
///
/// - the signal after the cut cos θ_reco > c: `Scenario.templates(directionalCut:)` — the
///   kinematic cos θ_e(E, T) folded with the vMF direction response, per T_reco bin;
/// - the background N_decays/R × P_i × (1 − c)/2 (`Argon42Chain`, P_i the visible-energy spectrum
///   folded with the same `DetectorResponse` as the signal, `binFractions(of:edges:)`; isotropic
///   ⇒ (1 − c)/2);
///
/// and fits μ_i = n (S_i + Σ_k θ^k T_k,i) + b B_i with the 0.7 % pull on n and a Gaussian pull on
/// b of width σ_b: by default the off-source sideband cos θ_reco < c above threshold counts
/// N_sb = N_bkg,thr (1 + c)/(1 − c) background decays, measuring the rate (the energy shape being
/// known) to σ_b = 1/√N_sb (free for c = −1). Limits are Asimov (`AsimovSensitivity`, Poisson
/// likelihood ratio, one-sided CL) in the rescaled θ of `BinnedModel.rescaled`.
///
/// Signal normalization: N SM events with true T > 0 (the mission's 250 000 per 10 kt) is
/// realized as a physical exposure whose ν̄e count is N / (N_e ⟨1/4πL²⟩ σ̄_SM(T > 0)), so the
/// templates above any threshold follow from the SM spectrum; or the physical IsoDAR exposure
/// (2.6×10²² ν̄e/yr, 90 % up-time) at the configured distance.
///
/// Caches signal templates, background bin fractions and visible spectra: one instance per task.
public final class ArgonAnalysis {
    public let spectrum: NeutrinoSpectrum
    /// σ̄_SM(T > 0) of the source, cm².
    public let totalCrossSection: Double
    /// T_max at the source endpoint, MeV.
    public var kinematicLimitMeV: Double { Kinematics.maxRecoil(neutrinoEnergy: spectrum.endpoint) }

    private var uncutCache: [String: TemplateSet] = [:]
    private var cutCache: [String: TemplateSet] = [:]
    private var fractionCache: [String: [Double]] = [:]
    private var visibleCache: [String: VisibleEnergySpectrum] = [:]
    /// Caches of the other backgrounds (`ArgonAnalysis+Backgrounds`).
    var extraCache: [String: [Double]] = [:]
    var pileUpSpectra: [Int: (energies: [Double], masses: [Double])] = [:]
    var solarTables: [SolarNeutrinoComponent: SolarTable] = [:]
    var solarDirections: [String: SolarDirection] = [:]
    var ccRates: [String: SolarArgonAbsorptionRate] = [:]

    public init(spectrum: NeutrinoSpectrum? = nil) throws {
        let s = try spectrum ?? Lithium8Spectrum.make()
        self.spectrum = s
        totalCrossSection = try s.fluxAveragedCrossSection(StandardModelCrossSection(), recoilAboveMeV: 0)
    }

    /// The signal scenario of a configuration (threshold, binning, normalization).
    public func scenario(_ config: ArgonConfiguration) throws -> Scenario {
        let detector = config.detector
        let exposure: Exposure
        if let perTenKt = config.signalEventsPer10kt {
            let events = perTenKt * config.massKilotonnes / 10
            let perNeutrino = detector.targetElectrons * detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter * totalCrossSection
            exposure = Exposure(sourceIntensityPerYear: events / perNeutrino, liveTimeYears: 1, upTimeFraction: 1)
        } else {
            exposure = Exposure(liveTimeYears: config.liveTimeYears)
        }
        return try Scenario(detector: detector, spectrum: spectrum, thresholdMeV: config.thresholdMeV,
                            normalization: .exposure(exposure), binWidthMeV: config.binWidthMeV)
    }

    /// SM events with true T > 0 for the configuration (before threshold and cuts).
    public func totalSignalEvents(_ config: ArgonConfiguration) throws -> Double {
        let scenario = try scenario(config)
        guard case .exposure(let e) = scenario.normalization else { return .nan }
        return e.emittedNeutrinos * scenario.detector.targetElectrons
            * scenario.detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter * totalCrossSection
    }

    private func key(_ config: ArgonConfiguration) -> String {
        let r = config.resolution
        return "\(config.massKilotonnes)|\(r.stochastic)|\(r.constant)|\(r.noiseMeV)|\(config.thresholdMeV)|"
            + "\(config.signalEventsPer10kt ?? -1)|\(config.sourceDistanceMeters)|\(config.liveTimeYears)|\(config.binWidthMeV)"
    }

    /// Signal templates after the cut cos θ_reco > c (cached), through the response at `shift`
    /// (`Scenario.shifted(by:)`: energy map, resolution and efficiency scale, ⁸Li shape; the
    /// exposure, hence the events per cm², kept; docs/physics.md §16.2).
    public func signalTemplates(_ config: ArgonConfiguration, cosineCut c: Double, shift: SystematicShift = .nominal) throws -> TemplateSet {
        let base = key(config) + (shift.isNominal ? "" : "|\(shift)")
        let cutKey = base + "|\(config.directionResolutionDegrees)|\(c)"
        if let t = cutCache[cutKey] { return t }
        let scenario = try scenario(config).shifted(by: shift)
        let uncut: TemplateSet
        if let t = uncutCache[base] { uncut = t } else {
            uncut = try scenario.templates()
            uncutCache[base] = uncut
        }
        let cut = try DirectionalCut(resolutionDegrees: config.directionResolutionDegrees, cosineCut: c)
        let t = c <= -1 ? uncut : try scenario.templates(directionalCut: cut, reference: uncut)
        cutCache[cutKey] = t
        return t
    }

    /// Expected ⁴²Ar/⁴²K counts per bin of the signal binning, before the direction cut
    /// (multiply by (1 − c)/2), with the configuration's rejection: N_decays/R × ε × P_i
    /// (docs/physics.md §6.6; ε the detector efficiency, applied to signal and background alike),
    /// through the response at `shift` (P_i refolded, ε × (1 + e)).
    public func backgroundCounts(_ config: ArgonConfiguration, binning: Binning, shift: SystematicShift = .nominal) throws -> [Double] {
        let chain = config.chain
        try chain.validate()
        // No activity (allowed: a background-free module) means no background, not a spectrum.
        guard chain.totalDecays > 0 else { return Array(repeating: 0, count: binning.count) }
        let vKey = "\(config.potassiumBulkFraction)|\(config.gammaContainment)"
        let visible: VisibleEnergySpectrum
        if let v = visibleCache[vKey] { visible = v } else {
            visible = try chain.visibleSpectrum()
            visibleCache[vKey] = visible
        }
        let r = config.resolution
        let response = shift.applied(to: DetectorResponse(resolution: r, thresholdMeV: config.thresholdMeV, efficiency: 1))
        let fKey = vKey + "|\(r.stochastic)|\(r.constant)|\(r.noiseMeV)|\(binning.edges)" + (shift.isNominal ? "" : "|\(shift)")
        let fractions: [Double]
        if let f = fractionCache[fKey] { fractions = f } else {
            fractions = try response.binFractions(of: visible, edges: binning.edges)
            fractionCache[fKey] = fractions
        }
        let scale = chain.totalDecays * config.detector.efficiency * response.efficiency
        return fractions.map { $0 * scale }
    }

    /// The binned model of one point (docs/physics.md §15.6): μ_i = n (S_i + Σ_k θ^k T_k,i) + Σ_j b_j B_j,i
    /// with the 0.7 % pull on n and one Gaussian-constrained b_j per background with events after the
    /// cut — ⁴²Ar/⁴²K with the sideband σ_b, the others with their cited or assumed σ_j — in the rescaled
    /// θ of `BinnedModel.rescaled` (`unit`), with the pieces a result reports.
    struct PointModel {
        var built: (model: BinnedModel, unit: Double)
        var signal: TemplateSet
        var templates: [ArgonTemplate]
        var background: [Double]
        var sideband: Double
        var sigma: Double
    }

    /// The signal terms of `model` (θ = κ² or g²: T₁, and T₂ for the light vector).
    static func terms(_ signal: TemplateSet, _ model: NewPhysicsModel.Kind) -> [[Double]] {
        model == .magneticMoment ? [signal.magneticMomentPerKappaSquared]
            : [signal.lightVectorLinearPerGSquared, signal.lightVectorQuadraticPerGFourth]
    }

    func pointModel(_ config: ArgonConfiguration, model: NewPhysicsModel.Kind, cosineCut c: Double) throws -> PointModel {
        let signal = try signalTemplates(config, cosineCut: c)
        let pass = IsotropicDirection.fractionPassing(cosineCut: c)
        let uncutBackground = try backgroundCounts(config, binning: signal.binning)
        let totalAbove = uncutBackground.reduce(0, +)
        let background = uncutBackground.map { $0 * pass }
        let sideband = totalAbove * (1 - pass)
        let sigma = config.backgroundSigma ?? (sideband > 0 ? 1 / sideband.squareRoot() : .infinity)
        let argon42 = ArgonTemplate(name: "Ar42+K42", uncut: uncutBackground, cut: background, sigma: sigma, direction: "isotropic",
                                    reference: "\(config.activityBecquerelPerKilogram) Bq/kg Ar42 (DUNE simulation default), bulk K42 "
                                        + "fraction \(config.potassiumBulkFraction), rejection \(config.depletion); sideband-constrained",
                                    assumed: false)
        let templates = (totalAbove > 0 ? [argon42] : []) + (try extraBackgrounds(config, cosineCut: c, binning: signal.binning))
        let backgrounds = templates.filter { $0.cut.reduce(0, +) > 0 }.map {
            BackgroundComponent(name: $0.name, template: $0.cut, constraint: GaussianConstraint(nominal: 1, sigma: $0.sigma))
        }
        let built = try BinnedModel.rescaled(standardModel: signal.standardModel, parameterTerms: Self.terms(signal, model),
                                             normalization: GaussianConstraint(nominal: 1, sigma: config.normSigma),
                                             backgrounds: backgrounds)
        return PointModel(built: built, signal: signal, templates: templates, background: background, sideband: sideband, sigma: sigma)
    }

    /// The limit of one model at one cut: the Asimov limit (`AsimovSensitivity`, Poisson) of `pointModel`.
    public func evaluate(_ config: ArgonConfiguration, model: NewPhysicsModel.Kind, cosineCut c: Double) throws -> ArgonPointResult {
        let point = try pointModel(config, model: model, cosineCut: c)
        let asimov = try AsimovSensitivity.compute(model: point.built.model, statistic: .poisson, confidenceLevel: config.cl)
        return ArgonPointResult(model: model, limit: (Swift.max(0, asimov.limit) * point.built.unit).squareRoot(), cosineCut: c,
                                signalEvents: point.signal.standardModel.reduce(0, +), backgroundEvents: point.background.reduce(0, +),
                                sidebandEvents: point.sideband, backgroundSigma: point.sigma, components: point.templates.map(\.count))
    }

    /// Every background template of a point after the cut c (⁴²Ar/⁴²K first), for spectra and budgets.
    func allBackgrounds(_ config: ArgonConfiguration, cosineCut c: Double) throws -> (binning: Binning, templates: [ArgonTemplate]) {
        let binning = try signalTemplates(config, cosineCut: c).binning
        let pass = IsotropicDirection.fractionPassing(cosineCut: c)
        let uncut = try backgroundCounts(config, binning: binning)
        let argon42 = ArgonTemplate(name: "Ar42+K42", uncut: uncut, cut: uncut.map { $0 * pass }, sigma: .nan, direction: "isotropic",
                                    reference: "", assumed: false)
        return (binning, [argon42] + (try extraBackgrounds(config, cosineCut: c, binning: binning)))
    }

    /// The limit at the configured cut, or the best over `ArgonConfiguration.cosineCutGrid`.
    public func evaluate(_ config: ArgonConfiguration, model: NewPhysicsModel.Kind) throws -> ArgonPointResult {
        try config.validate(kinematicLimitMeV: kinematicLimitMeV)
        if let c = config.cosineCut { return try evaluate(config, model: model, cosineCut: c) }
        var best: ArgonPointResult?
        for c in ArgonConfiguration.cosineCutGrid {
            let r = try evaluate(config, model: model, cosineCut: c)
            if best == nil || r.limit < best!.limit { best = r }
        }
        return best!
    }

    /// The least rejection R (depletion × other rejection, R ≥ 1) at which the limit reaches
    /// `target`: Brent root of ln limit(R) − ln target in log₁₀ R ∈ [0, `maxLog10`], the cut
    /// optimized at each R. nil when even R = 10^maxLog10 (background-free in practice) misses it.
    public func requiredRejection(_ config: ArgonConfiguration, model: NewPhysicsModel.Kind, target: Double,
                                  maxLog10: Double = 14) throws -> (rejection: Double?, atMaximum: ArgonPointResult) {
        var c = config
        func f(_ x: Double) throws -> Double {
            c.depletion = pow(10, x)
            return log(try evaluate(c, model: model).limit / target)
        }
        let atMax = try { c.depletion = pow(10, maxLog10); return try evaluate(c, model: model) }()
        guard atMax.limit <= target else { return (nil, atMax) }
        if try f(0) <= 0 { return (1, atMax) }
        var failure: Error?
        let x = try RootFinding.brent({ x in
            do { return try f(x) } catch { failure = error; return 0 }
        }, lower: 0, upper: maxLog10, absoluteTolerance: 1e-3, relativeTolerance: 0)
        if let failure { throw failure }
        return (pow(10, x), atMax)
    }
}
