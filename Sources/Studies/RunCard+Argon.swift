import Foundation
import Physics
import Simulation

extension RunCard {
    /// The `argon:` block of a card (analysis `argon`): the DUNE-like LAr module against
    /// ⁴²Ar/⁴²K, its scans, and the brute-force check. Every key is optional; defaults shown in
    /// `macros/README.md`. The card's `scenarios` are the reference detectors whose Asimov limits
    /// the argon module must match (the required rejection), its `models` the hypotheses.
    public struct Argon: Codable, Equatable, Sendable {
        private static let defaults = ArgonConfiguration()
        public var massKt: Double = defaults.massKilotonnes
        public var activityBqPerKg: Double = defaults.activityBecquerelPerKilogram
        public var bulkFraction: Double = defaults.potassiumBulkFraction
        public var depletion: Double = defaults.depletion
        public var directionResolutionDeg: Double = defaults.directionResolutionDegrees
        public var resolution: Resolution = Resolution(a: defaults.resolution.stochastic, b: defaults.resolution.constant,
                                                       c: defaults.resolution.noiseMeV)
        public var thresholdMeV: Double = defaults.thresholdMeV
        /// nil: `auto` (best of the grid per point and model).
        public var cosCut: Double?
        public var signalEventsPer10kt: Double = defaults.signalEventsPer10kt ?? 250_000
        /// true: the physical IsoDAR exposure (source block) at `source_distance_m` instead of a count.
        public var exposure: Bool = false
        public var sourceDistanceM: Double = defaults.sourceDistanceMeters
        public var liveTimeYears: Double = defaults.liveTimeYears
        public var gammaContainment: Double = defaults.gammaContainment
        /// nil: `sideband` (1/√N_sideband).
        public var backgroundSigma: Double?
        public var normSigma: Double = defaults.normSigma
        public var scans: ArgonScans = ArgonScans()
        /// Decays of the brute-force check in the runner (0: skip).
        public var bruteForceDecays: Int = 0
        public var seed: UInt64 = 1
        /// The backgrounds beyond ⁴²Ar/⁴²K (`argon.backgrounds`).
        public var backgrounds = ArgonBackgrounds()
        /// Detector and source systematics profiled at the base point (`argon.systematics`, the
        /// `dune-lar` defaults for `preset`; docs/physics.md §16.9); nil: none.
        public var systematics: SystematicSelection?

        enum CodingKeys: String, CodingKey {
            case massKt = "mass_kt", activityBqPerKg = "activity_bq_per_kg", bulkFraction = "bulk_fraction", depletion
            case directionResolutionDeg = "direction_resolution_deg", resolution, thresholdMeV = "threshold_mev"
            case cosCut = "cos_cut", signalEventsPer10kt = "signal_events_per_10kt", exposure
            case sourceDistanceM = "source_distance_m", liveTimeYears = "live_time_years"
            case gammaContainment = "gamma_containment", backgroundSigma = "background_sigma", normSigma = "norm_sigma"
            case scans, bruteForceDecays = "brute_force_decays", seed, backgrounds, systematics
        }

        public init() {}

        /// The study configuration at this block's base point (bin width from the card).
        public func configuration(binWidthMeV: Double, cl: Double) -> ArgonConfiguration {
            var c = ArgonConfiguration()
            c.massKilotonnes = massKt
            c.activityBecquerelPerKilogram = activityBqPerKg
            c.potassiumBulkFraction = bulkFraction
            c.depletion = depletion
            c.directionResolutionDegrees = directionResolutionDeg
            c.resolution = EnergyResolution(stochastic: resolution.a, constant: resolution.b, noiseMeV: resolution.c)
            c.thresholdMeV = thresholdMeV
            c.cosineCut = cosCut
            c.signalEventsPer10kt = exposure ? nil : signalEventsPer10kt
            c.sourceDistanceMeters = sourceDistanceM
            c.liveTimeYears = liveTimeYears
            c.gammaContainment = gammaContainment
            c.backgroundSigma = backgroundSigma
            c.normSigma = normSigma
            c.binWidthMeV = binWidthMeV
            c.cl = cl
            c.backgrounds = backgrounds
            return c
        }
    }

    /// Scans of the argon study (`argon.scans`).
    public struct ArgonScans: Codable, Equatable, Sendable {
        /// Rejection R (log grid) for `scan_depletion_*.csv`.
        public var depletion: LogGrid = LogGrid(from: 1, to: 1e6, points: 13)
        /// σ_θ values, degrees, for `scan_direction_resolution_*.csv`.
        public var directionResolutionDeg: [Double] = [5, 10, 15, 20, 30, 40, 50, 60]
        /// Thresholds, MeV, for `scan_threshold_*.csv` and the required-rejection table.
        public var thresholdsMeV: [Double] = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]
        /// Thresholds of the depletion-scan curves, MeV.
        public var curveThresholdsMeV: [Double] = [1, 3]
        /// Rejections of the resolution- and threshold-scan curves.
        public var curveDepletions: [Double] = [1, 1e3, 1e6]
        /// Stochastic terms a of σ_E = √(a²T + b²T² + c²) for `scan_energy_resolution_a_*.csv`
        /// (b and c kept at the base point's values).
        public var energyResolutionStochastic: [Double] = [0.10, 0.15, 0.20, 0.30, 0.45, 0.60]
        /// Neutron-capture rates (per kt per day, assumed) for `scan_argon_n_capture_*.csv`; empty: no scan.
        public var neutronCapturePerKtDay: [Double] = []

        enum CodingKeys: String, CodingKey {
            case depletion, directionResolutionDeg = "direction_resolution_deg", thresholdsMeV = "thresholds_mev"
            case curveThresholdsMeV = "curve_thresholds_mev", curveDepletions = "curve_depletions"
            case energyResolutionStochastic = "energy_resolution_a", neutronCapturePerKtDay = "n_capture_per_kt_day"
        }

        public init() {}
    }
}

extension CardParser {
    /// The `argon:` block.
    func argon(_ node: CardNode) throws(StudyError) -> RunCard.Argon {
        let m = try node.mapping(allowed: ["mass_kt", "activity_bq_per_kg", "bulk_fraction", "depletion", "direction_resolution_deg",
                                           "resolution", "threshold_mev", "cos_cut", "signal_events_per_10kt", "exposure",
                                           "source_distance_m", "live_time_years", "gamma_containment", "background_sigma",
                                           "norm_sigma", "scans", "brute_force_decays", "seed", "backgrounds", "systematics"])
        var a = RunCard.Argon()
        if let n = m.optional("mass_kt") { a.massKt = try n.double(.argonMassKilotonnes) }
        if let n = m.optional("activity_bq_per_kg") { a.activityBqPerKg = try n.double(.argonActivity) }
        if let n = m.optional("bulk_fraction") { a.bulkFraction = try n.double(.argonBulkFraction) }
        if let n = m.optional("depletion") { a.depletion = try n.double(.argonDepletion) }
        if let n = m.optional("direction_resolution_deg") { a.directionResolutionDeg = try n.double(.argonDirectionResolution) }
        if let n = m.optional("resolution") { a.resolution = try resolution(n) }
        if let n = m.optional("threshold_mev") {
            a.thresholdMeV = try n.double(.thresholdMeV)
            try checkBelowKinematicLimit(a.thresholdMeV, at: n)
        }
        if let n = m.optional("cos_cut") { a.cosCut = try autoOrNumber(n, word: "auto", .argonCosineCut) }
        if let n = m.optional("signal_events_per_10kt") { a.signalEventsPer10kt = try n.double(.argonSignalEvents) }
        if let n = m.optional("exposure") { a.exposure = try n.bool() }
        if let n = m.optional("source_distance_m") { a.sourceDistanceM = try n.double(.argonSourceDistance) }
        if let n = m.optional("live_time_years") { a.liveTimeYears = try n.double(.liveTimeYears) }
        if let n = m.optional("gamma_containment") { a.gammaContainment = try n.double(.argonGammaContainment) }
        if let n = m.optional("background_sigma") { a.backgroundSigma = try autoOrNumber(n, word: "sideband", .argonBackgroundSigma) }
        if let n = m.optional("norm_sigma") { a.normSigma = try n.double(.normSigma) }
        if let n = m.optional("scans") { a.scans = try argonScans(n) }
        if let n = m.optional("brute_force_decays") {
            a.bruteForceDecays = try n.integer("a number of decays in [0, \(ArgonBruteForceCheck.maximumDecays)]") {
                $0 >= 0 && Double($0) <= ArgonBruteForceCheck.maximumDecays
            }
        }
        if let n = m.optional("seed") { a.seed = try n.unsignedInteger() }
        if let n = m.optional("backgrounds") { a.backgrounds = try argonBackgrounds(n) }
        if let n = m.optional("systematics") { a.systematics = try systematicSelection(n) }
        return a
    }

    /// The `argon.backgrounds` block (docs/physics.md §15; every key optional, defaults in
    /// `ArgonBackgrounds`): `ar39`, `solar`, `cc` (booleans), `ar39_activity_bq_per_kg`,
    /// `ar39_depletion`, `pileup_window_ms`, `cluster_volume_l`, `ar39_sigma`, `pileup_sigma`,
    /// `latitude_deg`, `axis_azimuth_deg`, `cc_table` (file), `cc_visible_offset_mev`, `cc_sigma`,
    /// `n_capture_per_kt_day`, `n_capture_containment`, `n_capture_sigma`.
    func argonBackgrounds(_ node: CardNode) throws(StudyError) -> ArgonBackgrounds {
        let m = try node.mapping(allowed: ["ar39", "solar", "cc", "ar39_activity_bq_per_kg", "ar39_depletion", "pileup_window_ms",
                                           "cluster_volume_l", "ar39_sigma", "pileup_sigma", "latitude_deg", "axis_azimuth_deg",
                                           "cc_table", "cc_visible_offset_mev", "cc_sigma", "n_capture_per_kt_day",
                                           "n_capture_containment", "n_capture_sigma"])
        var b = ArgonBackgrounds()
        if let n = m.optional("ar39") { b.argon39 = try n.bool() }
        if let n = m.optional("solar") { b.solar = try n.bool() }
        if let n = m.optional("cc") { b.chargedCurrent = try n.bool() }
        func number(_ key: String, _ requirement: String, _ check: @escaping (Double) -> Bool) throws(StudyError) -> Double? {
            try m.optional(key).map { n throws(StudyError) in try n.double(requirement, check) }
        }
        if let v = try number("ar39_activity_bq_per_kg", "≥ 0 Bq/kg", { $0 >= 0 }) { b.argon39Activity = v }
        if let v = try number("ar39_depletion", "≥ 1", { $0 >= 1 }) { b.argon39Depletion = v }
        if let v = try number("pileup_window_ms", "in (0, 1e4] ms", { $0 > 0 && $0 <= 1e4 }) { b.pileUpWindowMs = v }
        if let v = try number("cluster_volume_l", "in (0, 1e6] L", { $0 > 0 && $0 <= 1e6 }) { b.clusterVolumeLiters = v }
        if let v = try number("ar39_sigma", "≥ 0", { $0 >= 0 }) { b.argon39Sigma = v }
        if let v = try number("pileup_sigma", "≥ 0", { $0 >= 0 }) { b.pileUpSigma = v }
        if let v = try number("latitude_deg", "in [−90, 90]", { abs($0) <= 90 }) { b.latitudeDegrees = v }
        if let v = try number("axis_azimuth_deg", "finite", { $0.isFinite }) { b.axisAzimuthDegrees = v }
        if let n = m.optional("cc_table") {
            var file = try n.string()
            if let baseDirectory, !file.hasPrefix("/") { file = (baseDirectory as NSString).appendingPathComponent(file) }
            guard FileManager.default.fileExists(atPath: file) else { throw n.error("cross-section table not found: \(file)") }
            b.crossSectionFile = file
        }
        if let v = try number("cc_visible_offset_mev", "in [0, 20] MeV", { $0 >= 0 && $0 <= 20 }) { b.chargedCurrentOffsetMeV = v }
        if let v = try number("cc_sigma", "≥ 0", { $0 >= 0 }) { b.chargedCurrentSigma = v }
        if let v = try number("n_capture_per_kt_day", "≥ 0", { $0 >= 0 }) { b.neutronCapturesPerKtDay = v }
        if let v = try number("n_capture_containment", "a fraction in [0, 1]", { $0 >= 0 && $0 <= 1 }) { b.neutronCaptureContainment = v }
        if let v = try number("n_capture_sigma", "≥ 0", { $0 >= 0 }) { b.neutronCaptureSigma = v }
        return b
    }

    /// nil for the plain word `word`, else a number in the range of `setting`.
    private func autoOrNumber(_ node: CardNode, word: String, _ setting: ScenarioSetting) throws(StudyError) -> Double? {
        if case .scalar(let s) = node.node, s.string == word { return nil }
        guard let value = try? node.double() else {
            throw node.error("expected '\(word)' or a number \(setting.requirement), got \(node.kindDescription)")
        }
        guard setting.allows(value) else { throw node.error(setting.cardMessage(value)) }
        return value
    }

    func argonScans(_ node: CardNode) throws(StudyError) -> RunCard.ArgonScans {
        let m = try node.mapping(allowed: ["depletion", "direction_resolution_deg", "thresholds_mev", "curve_thresholds_mev", "curve_depletions",
                                           "energy_resolution_a", "n_capture_per_kt_day"])
        func numbers(_ key: String, _ requirement: String, _ check: @escaping (Double) -> Bool) throws(StudyError) -> [Double]? {
            try m.optional(key).map { node throws(StudyError) in
                try node.list(minCount: 1).map { item throws(StudyError) in try item.double(requirement, check) }
            }
        }
        var s = RunCard.ArgonScans()
        if let n = m.optional("depletion") {
            s.depletion = try logGrid(n)
            guard s.depletion.from >= 1 else { throw n.error("rejections must be ≥ 1, got from = \(CardNode.format(s.depletion.from))") }
        }
        if let v = try numbers("direction_resolution_deg", "in [0, 180]", { $0 >= 0 && $0 <= 180 }) { s.directionResolutionDeg = v }
        func thresholds(_ key: String) throws(StudyError) -> [Double]? {
            try m.optional(key).map { node throws(StudyError) in
                try node.list(minCount: 1).map { item throws(StudyError) in
                    let threshold = try item.double(.thresholdMeV)
                    try checkBelowKinematicLimit(threshold, at: item)
                    return threshold
                }
            }
        }
        if let v = try thresholds("thresholds_mev") { s.thresholdsMeV = v }
        if let v = try thresholds("curve_thresholds_mev") { s.curveThresholdsMeV = v }
        if let v = try numbers("curve_depletions", "≥ 1", { $0 >= 1 }) { s.curveDepletions = v }
        if let v = try numbers("energy_resolution_a", "a fraction in (0, 5)", { $0 > 0 && $0 < 5 }) { s.energyResolutionStochastic = v }
        if let node = m.optional("n_capture_per_kt_day") {
            s.neutronCapturePerKtDay = try node.list(minCount: 0).map { item throws(StudyError) in try item.double("≥ 0") { $0 >= 0 } }
        }
        return s
    }
}
