import Foundation
import Physics
import Simulation

/// One configuration of the DUNE-like liquid-argon module facing IsoDAR (mission: "DUNE-like
/// argon"; docs/physics.md §5.2, §6): target, energy and direction response, ⁴²Ar/⁴²K background, cuts
/// and the statistical model's constraints. Defaults are the `dune-lar` preset (`Detector.duneLAr`:
/// σ/E = 45 %/√E ⊕ 3 %, σ_θ = 30°, after DUNE FD TDR Vol. II arXiv:2002.03005 and DUNE, EPJC 81,
/// 423 (2021), arXiv:2008.06647), 10 kt, 92 μBq/kg (DUNE simulation default), 5 years, and the
/// mission's 250 000 SM ν̄e–e events with T > 0 in 10 kt.
public struct ArgonConfiguration: Sendable, Equatable, Codable {
    /// Fiducial LAr mass, kilotonnes (> 0). Signal (either normalization) and background scale with it.
    public var massKilotonnes: Double = ScenarioSetting.argonMassKilotonnes.defaultValue!
    /// ⁴²Ar specific activity of atmospheric argon, Bq/kg (40e-6 DEAP-3600 … 92e-6 DUNE default).
    public var activityBecquerelPerKilogram: Double = ScenarioSetting.argonActivity.defaultValue!
    /// Fraction of ⁴²K decays in the bulk liquid, [0, 1] (1, or ~0.2 as in DUNE background models).
    public var potassiumBulkFraction: Double = ScenarioSetting.argonBulkFraction.defaultValue!
    /// Background rejection R ≥ 1 dividing the ⁴²Ar/⁴²K rate: the ⁴²Ar depletion of underground
    /// argon (1 … 10⁶) times any other rejection that does not depend on energy or direction.
    public var depletion: Double = ScenarioSetting.argonDepletion.defaultValue!
    /// Direction resolution σ_θ of few-MeV electrons, degrees (vMF smearing; default 30°).
    public var directionResolutionDegrees: Double = ScenarioSetting.argonDirectionResolution.defaultValue!
    /// Energy resolution σ_T(T) (default the dune-lar preset's 45 %/√E ⊕ 3 %).
    public var resolution: EnergyResolution = Detector.duneLAr.resolution
    /// Analysis threshold on the reconstructed kinetic (visible) energy, MeV: the first template edge.
    public var thresholdMeV: Double = ScenarioSetting.thresholdMeV.defaultValue!
    /// The cut on cos θ_reco, in [−1, 1); nil: optimized on `cosineCutGrid` per point and model.
    public var cosineCut: Double?
    /// SM ν̄e–e events with true T > 0 in 10 kt over the live time (the mission's ~250 000);
    /// scaled by mass/10 kt. nil: the physical exposure at `sourceDistanceMeters`.
    public var signalEventsPer10kt: Double? = ScenarioSetting.argonSignalEvents.defaultValue!
    /// Distance from IsoDAR to the module's centre, m (used when `signalEventsPer10kt` is nil).
    public var sourceDistanceMeters: Double = ScenarioSetting.argonSourceDistance.defaultValue!
    /// Live time, years (signal exposure and background decays).
    public var liveTimeYears: Double = ScenarioSetting.liveTimeYears.defaultValue!
    /// Fraction of the ⁴²K 1.52 MeV γ energy deposited, [0, 1].
    public var gammaContainment: Double = ScenarioSetting.argonGammaContainment.defaultValue!
    /// Relative constraint on the background normalization; nil: the off-source sideband
    /// cos θ_reco < c measures it to 1/√N_sideband (infinite, i.e. free, for c = −1).
    public var backgroundSigma: Double?
    /// The signal normalization constraint (the mission's 0.7 %).
    public var normSigma: Double = ScenarioSetting.normSigma.defaultValue!
    /// Bin width of reconstructed T, MeV (`macros/argon.yaml` sets 0.25).
    public var binWidthMeV: Double = ScenarioSetting.binWidthMeV.defaultValue!
    /// Confidence level.
    public var cl: Double = ScenarioSetting.confidenceLevel.defaultValue!
    /// The backgrounds beyond ⁴²Ar/⁴²K (³⁹Ar and its pile-up, solar ν–e, ν_e–⁴⁰Ar CC, ⁴⁰Ar(n, γ));
    /// `ArgonBackgrounds.none` for the ⁴²Ar/⁴²K-only study.
    public var backgrounds = ArgonBackgrounds()

    /// Cuts tried when `cosineCut` is nil.
    public static let cosineCutGrid: [Double] = [-1, -0.5, 0, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99]

    public init() {}

    /// Checks every parameter; `kinematicLimitMeV` is T_max at the source endpoint.
    public func validate(kinematicLimitMeV: Double) throws(StudyError) {
        try Self.require(.argonMassKilotonnes, massKilotonnes)
        try Self.require(.argonActivity, activityBecquerelPerKilogram)
        try Self.require(.argonBulkFraction, potassiumBulkFraction)
        try Self.require(.argonDepletion, depletion)
        try Self.require(.argonDirectionResolution, directionResolutionDegrees)
        for term in [resolution.stochastic, resolution.constant, resolution.noiseMeV] { try Self.require(.resolutionTerm, term) }
        try Self.require(.thresholdMeV, thresholdMeV)
        guard thresholdMeV < kinematicLimitMeV else {
            throw StudyError("threshold \(thresholdMeV) MeV is at or above the kinematic limit T_max = \(String(format: "%.3f", kinematicLimitMeV)) MeV of the ⁸Li endpoint: no signal can pass it")
        }
        if let c = cosineCut { try Self.require(.argonCosineCut, c) }
        if let n = signalEventsPer10kt { try Self.require(.argonSignalEvents, n) }
        try Self.require(.argonSourceDistance, sourceDistanceMeters)
        try Self.require(.liveTimeYears, liveTimeYears)
        try Self.require(.argonGammaContainment, gammaContainment)
        // ∞ frees the background normalization.
        if let s = backgroundSigma, s != .infinity { try Self.require(.argonBackgroundSigma, s) }
        try Self.require(.normSigma, normSigma)
        try Self.require(.binWidthMeV, binWidthMeV)
        try Self.require(.confidenceLevel, cl)
        try backgrounds.validate()
    }

    /// A setting checked by its one definition.
    private static func require(_ setting: ScenarioSetting, _ value: Double) throws(StudyError) {
        _ = try setting.validate(value)
    }

    /// The detector: the dune-lar preset with this mass, resolutions and source distance
    /// (equal-volume sphere, LAr density 1.3954 t/m³).
    public var detector: Detector {
        var d = Detector.duneLAr
        d.targetMassTonnes = massKilotonnes * 1000
        d.resolution = resolution
        d.directionResolutionDegrees = directionResolutionDegrees
        d.thresholdMeV = thresholdMeV
        d.geometry.sourceDistanceMeters = sourceDistanceMeters
        d.geometry.fiducialRadiusMeters = pow(3 * massKilotonnes * 1000 / (4 * Double.pi * 1.3954), 1.0 / 3)
        return d
    }

    /// The ⁴²Ar/⁴²K chain for this mass, activity, live time, bulk fraction and rejection.
    public var chain: Argon42Chain {
        Argon42Chain(activityBecquerelPerKilogram: activityBecquerelPerKilogram, argonMassKilograms: massKilotonnes * 1e6,
                     liveTimeYears: liveTimeYears, potassiumBulkFraction: potassiumBulkFraction,
                     depletionFactor: depletion, gammaContainment: gammaContainment)
    }
}
