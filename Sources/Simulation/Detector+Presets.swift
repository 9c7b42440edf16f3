extension Detector {
    /// Free protons per kt of KamLAND's scintillator (80 % dodecane, 20 % pseudocumene, 1.36 g/l PPO;
    /// ρ = 0.780 g/cm³): 8.47×10³¹, from KamLAND's 5.98×10³¹ free protons in its 6 m fiducial sphere
    /// (904.8 m³ × 0.780 t/m³ = 705.7 t; KamLAND, PRL 100, 221803 (2008)). docs/physics.md §5.1.
    public static let kamlandFreeProtonsPerKilotonne = 5.98e31 / (4.0 / 3.0 * Double.pi * 216 * 0.780 / 1000)

    /// Free protons per kt of LAB taken as C₁₈H₃₀ (the composition behind its 3.37×10³² e⁻/kt,
    /// 246.4 g/mol): 30 H per molecule, 30 × N_A / 246.43 g × 10⁹ g = 7.33×10³¹ (PPO and the spread of
    /// the alkyl chain, C₁₀–C₁₃, neglected: ±2 %). docs/physics.md §5.1.
    public static let labFreeProtonsPerKilotonne = 30 * 6.02214076e23 / 246.43 * 1e9

    /// Names accepted by `preset(named:)`.
    public static let presetNames = ["kamland", "juno", "snoplus", "dune-lar", "ideal"]

    /// A preset by name (case-insensitive).
    public static func preset(named name: String) throws(SimulationError) -> Detector {
        switch name.lowercased() {
        case "kamland": kamland
        case "juno": juno
        case "snoplus", "sno+": snoplus
        case "dune-lar", "dune": duneLAr
        case "ideal": ideal
        default: throw .unknownDetector(name)
        }
    }

    /// KamLAND with IsoDAR: 897 t of liquid scintillator (6.5 m fiducial radius) × 3.43×10³² e⁻/kt,
    /// σ/E = 6.4 %/√E (docs/physics.md §5.2; KamLAND, PRL 100, 221803 (2008)); source 16 m from the
    /// detector centre (Bungau et al., PRL 109, 141802 (2012); Conrad et al., PRD 89, 072010 (2014)).
    /// Efficiency 1 above threshold (the mission table's convention); no direction information.
    public static let kamland = Detector(
        name: "kamland", targetMassTonnes: 897, electronsPerKilotonne: 3.43e32,
        resolution: EnergyResolution(stochastic: 0.064), thresholdMeV: 3, efficiency: 1,
        directionResolutionDegrees: nil,
        geometry: DetectorGeometry(sourceDistanceMeters: 16, fiducialRadiusMeters: 6.5),
        notes: "IsoDAR@KamLAND: 897 t LS, 3.43e32 e-/kt, 6.4%/sqrt(E), source 16 m from centre, R = 6.5 m",
        freeProtonsPerKilotonne: kamlandFreeProtonsPerKilotonne)

    /// JUNO: 20 kt LAB × 3.37×10³² e⁻/kt, σ/E = 3 %/√E (JUNO, PPNP 123, 103927 (2022)). The whole
    /// 20 kt is taken as the target: sphere of R = 17.7 m (acrylic vessel). Source distance 25 m from
    /// the centre is an assumption (just outside the 43.5 m-diameter water pool); not a published site.
    public static let juno = Detector(
        name: "juno", targetMassTonnes: 20_000, electronsPerKilotonne: 3.37e32,
        resolution: EnergyResolution(stochastic: 0.03), thresholdMeV: 3, efficiency: 1,
        directionResolutionDegrees: nil,
        geometry: DetectorGeometry(sourceDistanceMeters: 25, fiducialRadiusMeters: 17.7),
        notes: "20 kt LAB, 3.37e32 e-/kt, 3%/sqrt(E); R = 17.7 m; source distance 25 m is an assumption",
        freeProtonsPerKilotonne: labFreeProtonsPerKilotonne)

    /// SNO+: 780 t LAB × 3.37×10³² e⁻/kt, σ/E ≈ 6 %/√E (not verified), R = 6.0 m acrylic vessel
    /// (SNO+, JINST 16, P08059 (2021)). Source distance 12 m from the centre (in the cavity outside
    /// the 8.9 m PMT support) is an assumption.
    public static let snoplus = Detector(
        name: "snoplus", targetMassTonnes: 780, electronsPerKilotonne: 3.37e32,
        resolution: EnergyResolution(stochastic: 0.06), thresholdMeV: 3, efficiency: 1,
        directionResolutionDegrees: nil,
        geometry: DetectorGeometry(sourceDistanceMeters: 12, fiducialRadiusMeters: 6.0),
        notes: "780 t LAB, 3.37e32 e-/kt, ~6%/sqrt(E) (not verified); R = 6.0 m; source distance 12 m assumed",
        freeProtonsPerKilotonne: labFreeProtonsPerKilotonne)

    /// A DUNE-like 10 kt fiducial LAr module × 2.71×10³² e⁻/kt. Resolution σ/E = 45 %/√E ⊕ 3 %
    /// (14.5 % at 10 MeV, 24 % at 3.5 MeV): the middle of the 10–20 % at 10 MeV of DUNE's low-energy
    /// studies (DUNE, EPJC 81, 423 (2021), arXiv:2008.06647; FD TDR Vol. II, arXiv:2002.03005); the
    /// argon study scans the stochastic term from 10 % to 50 %. Direction resolution 30° (a parameter:
    /// tens of degrees for few-MeV electrons, ibid.). The module is represented by the sphere of equal
    /// volume (10 kt / 1.3954 t m⁻³ → R = 11.96 m); source distance 20 m from its centre (configurable).
    public static let duneLAr = Detector(
        name: "dune-lar", targetMassTonnes: 10_000, electronsPerKilotonne: 2.71e32,
        resolution: EnergyResolution(stochastic: 0.45, constant: 0.03), thresholdMeV: 3, efficiency: 1,
        directionResolutionDegrees: 30,
        geometry: DetectorGeometry(sourceDistanceMeters: 20, fiducialRadiusMeters: 11.96),
        notes: "10 kt LAr, 2.71e32 e-/kt, 45%/sqrt(E) + 3%, 30 deg direction; equal-volume sphere R = 11.96 m at 20 m")

    /// The KamLAND target and geometry with a perfect detector: exact energy and direction,
    /// efficiency 1, no smearing. For tests and truth-level studies.
    public static let ideal = Detector(
        name: "ideal", targetMassTonnes: 897, electronsPerKilotonne: 3.43e32,
        resolution: .perfect, thresholdMeV: 3, efficiency: 1, directionResolutionDegrees: 0,
        geometry: DetectorGeometry(sourceDistanceMeters: 16, fiducialRadiusMeters: 6.5),
        notes: "perfect resolution and efficiency, KamLAND target and geometry",
        freeProtonsPerKilotonne: kamlandFreeProtonsPerKilotonne)
}
