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
    public var massKilotonnes: Double = 10
    /// ⁴²Ar specific activity of atmospheric argon, Bq/kg (40e-6 DEAP-3600 … 92e-6 DUNE default).
    public var activityBecquerelPerKilogram: Double = Argon42Chain.duneActivity
    /// Fraction of ⁴²K decays in the bulk liquid, [0, 1] (1, or ~0.2 as in DUNE background models).
    public var potassiumBulkFraction: Double = 1
    /// Background rejection R ≥ 1 dividing the ⁴²Ar/⁴²K rate: the ⁴²Ar depletion of underground
    /// argon (1 … 10⁶) times any other rejection that does not depend on energy or direction.
    public var depletion: Double = 1
    /// Direction resolution σ_θ of few-MeV electrons, degrees (vMF smearing; default 30°).
    public var directionResolutionDegrees: Double = Detector.duneLAr.directionResolutionDegrees ?? 30
    /// Energy resolution σ_T(T) (default the dune-lar preset's 45 %/√E ⊕ 3 %).
    public var resolution: EnergyResolution = Detector.duneLAr.resolution
    /// Analysis threshold on the reconstructed kinetic (visible) energy, MeV: the first template edge.
    public var thresholdMeV: Double = ScenarioSetting.thresholdMeV.defaultValue!
    /// The cut on cos θ_reco, in [−1, 1); nil: optimized on `cosineCutGrid` per point and model.
    public var cosineCut: Double?
    /// SM ν̄e–e events with true T > 0 in 10 kt over the live time (the mission's ~250 000);
    /// scaled by mass/10 kt. nil: the physical exposure at `sourceDistanceMeters`.
    public var signalEventsPer10kt: Double? = 250_000
    /// Distance from IsoDAR to the module's centre, m (used when `signalEventsPer10kt` is nil).
    public var sourceDistanceMeters: Double = Detector.duneLAr.geometry.sourceDistanceMeters
    /// Live time, years (signal exposure and background decays).
    public var liveTimeYears: Double = ScenarioSetting.liveTimeYears.defaultValue!
    /// Fraction of the ⁴²K 1.52 MeV γ energy deposited, [0, 1].
    public var gammaContainment: Double = 1
    /// Relative constraint on the background normalization; nil: the off-source sideband
    /// cos θ_reco < c measures it to 1/√N_sideband (infinite, i.e. free, for c = −1).
    public var backgroundSigma: Double?
    /// The signal normalization constraint (the mission's 0.7 %).
    public var normSigma: Double = ScenarioSetting.normSigma.defaultValue!
    /// Bin width of reconstructed T, MeV (`macros/argon.yaml` sets 0.25).
    public var binWidthMeV: Double = ScenarioSetting.binWidthMeV.defaultValue!
    /// Confidence level.
    public var cl: Double = ScenarioSetting.confidenceLevel.defaultValue!

    /// Cuts tried when `cosineCut` is nil.
    public static let cosineCutGrid: [Double] = [-1, -0.5, 0, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99]

    public init() {}

    /// Checks every parameter; `kinematicLimitMeV` is T_max at the source endpoint.
    public func validate(kinematicLimitMeV: Double) throws(StudyError) {
        try StudyError.require(massKilotonnes, "mass (kt)", "must be > 0") { $0 > 0 }
        try StudyError.require(activityBecquerelPerKilogram, "⁴²Ar activity (Bq/kg)", "must be ≥ 0") { $0 >= 0 }
        try StudyError.require(potassiumBulkFraction, "⁴²K bulk fraction", "must be in [0, 1]") { $0 >= 0 && $0 <= 1 }
        try StudyError.require(depletion, "depletion factor", "must be ≥ 1 (the ⁴²Ar rate is divided by it)") { $0 >= 1 }
        try StudyError.require(directionResolutionDegrees, "direction resolution (degrees)", "must be in [0, 180]") { $0 >= 0 && $0 <= 180 }
        for (name, v) in [("stochastic", resolution.stochastic), ("constant", resolution.constant), ("noise", resolution.noiseMeV)] {
            try StudyError.require(v, "energy resolution \(name) term", "must be ≥ 0") { $0 >= 0 }
        }
        try Self.require(.thresholdMeV, thresholdMeV)
        guard thresholdMeV < kinematicLimitMeV else {
            throw StudyError("threshold \(thresholdMeV) MeV is at or above the kinematic limit T_max = \(String(format: "%.3f", kinematicLimitMeV)) MeV of the ⁸Li endpoint: no signal can pass it")
        }
        if let c = cosineCut { try StudyError.require(c, "cos θ cut", "must be in [−1, 1)") { $0 >= -1 && $0 < 1 } }
        if let n = signalEventsPer10kt { try StudyError.require(n, "signal events", "must be > 0") { $0 > 0 } }
        try StudyError.require(sourceDistanceMeters, "source distance (m)", "must be > 0") { $0 > 0 }
        try Self.require(.liveTimeYears, liveTimeYears)
        try StudyError.require(gammaContainment, "γ containment", "must be in [0, 1]") { $0 >= 0 && $0 <= 1 }
        if let s = backgroundSigma {
            guard s >= 0, !s.isNaN else { throw StudyError("background σ = \(s): must be ≥ 0 (∞ frees it)") }
        }
        try Self.require(.normSigma, normSigma)
        try Self.require(.binWidthMeV, binWidthMeV)
        try Self.require(.confidenceLevel, cl)
    }

    /// A setting shared with every scenario, checked by its one definition.
    private static func require(_ setting: ScenarioSetting, _ value: Double) throws(StudyError) {
        do { _ = try setting.validate(value) } catch { throw StudyError(error.description) }
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
