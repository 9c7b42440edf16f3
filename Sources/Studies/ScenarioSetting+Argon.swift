import Physics
import Simulation

extension ScenarioSetting {
    /// Fiducial LAr mass, kt (default 10: a DUNE-like module).
    public static let argonMassKilotonnes = ScenarioSetting(
        cardKey: "mass_kt", option: "--mass-kt", requirement: "a positive number of kt", defaultValue: 10) { $0 > 0 }

    /// ⁴²Ar specific activity, Bq/kg (default 92 μBq/kg, the DUNE simulation default; 0: no
    /// ⁴²Ar/⁴²K background; docs/physics.md §6). The brute force bounds its decay count itself.
    public static let argonActivity = ScenarioSetting(
        cardKey: "activity_bq_per_kg", option: "--activity", requirement: "a number of Bq/kg ≥ 0",
        defaultValue: Argon42Chain.duneActivity) { $0 >= 0 }

    /// Fraction of ⁴²K decays in the bulk liquid (default 1; DUNE background models use ~0.2).
    public static let argonBulkFraction = ScenarioSetting(
        cardKey: "bulk_fraction", option: "--bulk-fraction", requirement: "a fraction in [0, 1]", defaultValue: 1) {
        $0 >= 0 && $0 <= 1
    }

    /// Rejection R dividing the ⁴²Ar/⁴²K rate (underground-argon depletion × other rejection).
    public static let argonDepletion = ScenarioSetting(
        cardKey: "depletion", option: "--depletion", requirement: "≥ 1 (the ⁴²Ar rate is divided by it)",
        defaultValue: 1) { $0 >= 1 }

    /// Direction resolution σ_θ of few-MeV electrons, degrees (default the dune-lar preset's 30°).
    public static let argonDirectionResolution = ScenarioSetting(
        cardKey: "direction_resolution_deg", option: "--direction-resolution", requirement: "a number of degrees in [0, 180]",
        defaultValue: Detector.duneLAr.directionResolutionDegrees ?? 30) { $0 >= 0 && $0 <= 180 }

    /// SM events with T > 0 per 10 kt in the live time (default the mission's 250 000).
    public static let argonSignalEvents = ScenarioSetting(
        cardKey: "signal_events_per_10kt", option: "--signal-events", requirement: "a number of events in (0, 1e12]",
        defaultValue: 250_000) { $0 > 0 && $0 <= maximumEvents }

    /// Distance from IsoDAR to the module's centre, m (default the dune-lar preset's).
    public static let argonSourceDistance = ScenarioSetting(
        cardKey: "source_distance_m", option: "--source-distance", requirement: "a positive number of m",
        defaultValue: Detector.duneLAr.geometry.sourceDistanceMeters) { $0 > 0 }

    /// Fraction of the ⁴²K 1.52 MeV γ energy deposited (default 1).
    public static let argonGammaContainment = ScenarioSetting(
        cardKey: "gamma_containment", option: "--gamma-containment", requirement: "a fraction in [0, 1]",
        defaultValue: 1) { $0 >= 0 && $0 <= 1 }

    /// The cut cos θ_reco > c (nil: optimized per point).
    public static let argonCosineCut = ScenarioSetting(
        cardKey: "cos_cut", option: "--cos-cut", requirement: "in [−1, 1)", defaultValue: nil) {
        $0 >= -1 && $0 < 1
    }

    /// Relative constraint on the background normalization (nil: the off-source sideband).
    public static let argonBackgroundSigma = ScenarioSetting(
        cardKey: "background_sigma", option: "--background-sigma", requirement: "≥ 0", defaultValue: nil) {
        $0 >= 0
    }

    /// A term of σ_E/E = a/√E ⊕ b ⊕ c/E (≥ 0).
    public static let resolutionTerm = ScenarioSetting(
        cardKey: "resolution", option: "--energy-resolution", requirement: "≥ 0", defaultValue: nil) { $0 >= 0 }
}
