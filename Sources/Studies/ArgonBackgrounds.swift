import Foundation
import Physics

/// The argon backgrounds beyond ⁴²Ar/⁴²K of the DUNE-like study (issue 12 item 5; docs/physics.md
/// §15): ³⁹Ar single decays and their pile-up, solar ⁸B and hep ν–e scattering (from the Sun's
/// direction), ν_e–⁴⁰Ar charged-current absorption of solar ⁸B and hep, and neutron captures on
/// ⁴⁰Ar. Each is a template in reconstructed energy through the module's response, with its own
/// direction model and a Gaussian-constrained normalization in the fit. Every default marked
/// "assumed" is an assumption, not a measurement; the others cite their source.
public struct ArgonBackgrounds: Sendable, Equatable, Codable {
    /// ³⁹Ar singles and pile-up on/off.
    public var argon39 = true
    /// ³⁹Ar specific activity, Bq/kg (1.01 ± 0.08: WARP, Benetti et al., NIM A 574, 83 (2007)).
    public var argon39Activity = BetaEmitter.argon39SpecificActivity
    /// ³⁹Ar depletion D ≥ 1 (underground argon ≈ 1400, DarkSide-50, PRD 93, 081101 (2016)); 1 = atmospheric.
    public var argon39Depletion = 1.0
    /// Pile-up window τ, ms (assumed: DUNE's 2.25 ms drift time, `Argon39PileUp.defaultWindowSeconds`).
    public var pileUpWindowMs = 2.25
    /// Pile-up cluster volume V, litres (assumed: 1 L).
    public var clusterVolumeLiters = Argon39PileUp.defaultClusterVolumeLiters
    /// σ of the ³⁹Ar singles normalization: √(0.02² + 0.08²)/1.01 = 0.0817 (Benetti et al.), rounded
    /// to 0.082 (a round number survives a card's YAML round trip).
    public var argon39Sigma = 0.082
    /// σ of the pile-up normalization (assumed 50 %: the window and cluster volume are assumptions;
    /// N_n ∝ (Vτ)^{n−1}).
    public var pileUpSigma = 0.5

    /// Solar ⁸B and hep ν–e scattering on/off (`solar-b8`, `solar-hep`; σ 3.8 % and 30 %, §13.1).
    public var solar = true
    /// Detector latitude, degrees (SURF, the DUNE far site: 44.35° N).
    public var latitudeDegrees = 44.35
    /// Azimuth of the source → detector axis, degrees clockwise from north (assumed: 90°, east).
    public var axisAzimuthDegrees = 90.0

    /// ν_e–⁴⁰Ar charged current (⁸B + hep) on/off.
    public var chargedCurrent = true
    /// A user cross-section table (E_ν MeV, σ cm² per ⁴⁰Ar); nil: MARLEY's (SNOwGLoBES).
    public var crossSectionFile: String?
    /// E_ν − E_vis, MeV (1.504: total absorption, assumed; 5.888: electron of the IAS transition only).
    public var chargedCurrentOffsetMeV = Argon40ChargedCurrentCrossSection.groundStateQValue
    /// σ of the CC normalization (assumed 30 %: MARLEY vs the SNOwGLoBES GVKM table differ by ~20–40 %
    /// at ⁸B energies; ⁸B flux 3.8 %).
    public var chargedCurrentSigma = 0.3

    /// Neutron captures on ⁴⁰Ar per kt of fiducial argon per day (assumed: 10; no measurement for a
    /// shielded DUNE-like module in nue's sources; scanned by the card).
    public var neutronCapturesPerKtDay = 10.0
    /// Fraction of the 6.0989 MeV cascade deposited (assumed 1: full containment).
    public var neutronCaptureContainment = 1.0
    /// σ of the neutron-capture normalization (assumed 50 %).
    public var neutronCaptureSigma = 0.5

    public init() {}

    /// The card's keys (`argon.backgrounds`, `RunCard+Argon`).
    enum CodingKeys: String, CodingKey {
        case argon39 = "ar39", argon39Activity = "ar39_activity_bq_per_kg", argon39Depletion = "ar39_depletion"
        case pileUpWindowMs = "pileup_window_ms", clusterVolumeLiters = "cluster_volume_l", argon39Sigma = "ar39_sigma"
        case pileUpSigma = "pileup_sigma", solar, latitudeDegrees = "latitude_deg", axisAzimuthDegrees = "axis_azimuth_deg"
        case chargedCurrent = "cc", crossSectionFile = "cc_table", chargedCurrentOffsetMeV = "cc_visible_offset_mev"
        case chargedCurrentSigma = "cc_sigma", neutronCapturesPerKtDay = "n_capture_per_kt_day"
        case neutronCaptureContainment = "n_capture_containment", neutronCaptureSigma = "n_capture_sigma"
    }

    /// None of them: the ⁴²Ar/⁴²K-only study of before.
    public static let none: ArgonBackgrounds = {
        var b = ArgonBackgrounds()
        b.argon39 = false
        b.solar = false
        b.chargedCurrent = false
        b.neutronCapturesPerKtDay = 0
        return b
    }()

    /// Checks every parameter (messages name the card key).
    public func validate() throws(StudyError) {
        func check(_ key: String, _ v: Double, _ ok: Bool, _ req: String) throws(StudyError) {
            guard v.isFinite, ok else { throw StudyError("argon backgrounds: \(key) = \(v) is invalid; \(req)") }
        }
        try check("ar39_activity_bq_per_kg", argon39Activity, argon39Activity >= 0, "must be ≥ 0")
        try check("ar39_depletion", argon39Depletion, argon39Depletion >= 1, "must be ≥ 1")
        try check("pileup_window_ms", pileUpWindowMs, pileUpWindowMs > 0 && pileUpWindowMs <= 1e4, "must lie in (0, 1e4] ms")
        try check("cluster_volume_l", clusterVolumeLiters, clusterVolumeLiters > 0 && clusterVolumeLiters <= 1e6, "must lie in (0, 1e6] L")
        try check("latitude_deg", latitudeDegrees, abs(latitudeDegrees) <= 90, "must lie in [−90, 90]")
        try check("axis_azimuth_deg", axisAzimuthDegrees, true, "must be finite")
        try check("cc_visible_offset_mev", chargedCurrentOffsetMeV, chargedCurrentOffsetMeV >= 0 && chargedCurrentOffsetMeV <= 20,
                  "must lie in [0, 20] MeV")
        try check("n_capture_per_kt_day", neutronCapturesPerKtDay, neutronCapturesPerKtDay >= 0, "must be ≥ 0")
        try check("n_capture_containment", neutronCaptureContainment, (0...1).contains(neutronCaptureContainment), "must be a fraction in [0, 1]")
        for (key, s) in [("ar39_sigma", argon39Sigma), ("pileup_sigma", pileUpSigma), ("cc_sigma", chargedCurrentSigma),
                         ("n_capture_sigma", neutronCaptureSigma)] {
            guard s == .infinity || (s.isFinite && s >= 0) else { throw StudyError("argon backgrounds: \(key) = \(s) is invalid; must be ≥ 0") }
        }
    }

    /// The pile-up model.
    public var pileUp: Argon39PileUp {
        Argon39PileUp(specificActivity: argon39Activity, depletionFactor: argon39Depletion, windowSeconds: pileUpWindowMs / 1000,
                      clusterVolumeLiters: clusterVolumeLiters)
    }
}
