import Physics

/// One experimental configuration: detector, source spectrum, threshold, normalization, binning
/// and the SM/new-physics settings that fix the templates (`templates()`).
public struct Scenario: Sendable {
    public var detector: Detector
    public var spectrum: NeutrinoSpectrum
    /// Threshold on the reconstructed kinetic energy, MeV.
    public var thresholdMeV: Double
    public var normalization: Normalization
    /// Bins of reconstructed T, MeV.
    public var binning: Binning
    /// sin²θ_W: the low-Q² effective value at tree level; sin²θ̂_W(M_Z) in MS-bar with radiative corrections.
    public var sin2ThetaW: Double
    /// Whether the SM carries the one-loop corrections of Bahcall, Kamionkowski & Sirlin (docs/physics.md §9).
    public var radiativeCorrections: Bool
    /// Z′ mass for the light-vector templates, MeV.
    public var mediatorMassMeV: Double
    public var flavor: NeutrinoFlavor
    public var interference: LightVectorCrossSection.Interference
    /// The systematic shift of the detector response this scenario folds with (docs/physics.md
    /// §16); nominal except inside `templates(at:eventsPerSquareCentimeter:sourceShape:)` and
    /// `backgroundTemplates(_:exposure:at:sourceShape:)`, which set it on a copy.
    public internal(set) var systematicShift: SystematicShift = .nominal

    /// - Parameters:
    ///   - thresholdMeV: nil takes the detector's default.
    ///   - binning: nil gives bins of `binWidthMeV` from the threshold to the kinematic maximum
    ///     T_max(E_end) at the spectrum endpoint (last bin widened to a whole bin).
    public init(detector: Detector, spectrum: NeutrinoSpectrum, thresholdMeV: Double? = nil,
                normalization: Normalization = .exposure(Exposure()), binning: Binning? = nil,
                binWidthMeV: Double = Binning.defaultWidthMeV, sin2ThetaW: Double? = nil,
                mediatorMassMeV: Double = 0, flavor: NeutrinoFlavor = .electronAntineutrino,
                interference: LightVectorCrossSection.Interference = .exact,
                radiativeCorrections: Bool = false) throws(SimulationError) {
        let sin2ThetaW = sin2ThetaW ?? ElectroweakCouplings.defaultSin2ThetaW(radiativeCorrections: radiativeCorrections)
        try detector.validate()
        let threshold = thresholdMeV ?? detector.thresholdMeV
        try SimulationError.require(threshold, "threshold (MeV)", "must be a positive number of MeV") { $0 > 0 }
        let limit = Kinematics.maxRecoil(neutrinoEnergy: spectrum.endpoint)
        guard threshold < limit else {
            throw .thresholdAboveKinematicLimit(thresholdMeV: threshold, limitMeV: limit, endpointMeV: spectrum.endpoint)
        }
        try SimulationError.require(sin2ThetaW, "sin²θ_W", "must lie in (0, 1)") { $0 > 0 && $0 < 1 }
        try SimulationError.require(mediatorMassMeV, "mediator mass (MeV)", "must be ≥ 0") { $0 >= 0 }
        switch normalization {
        case .smEventsAboveThreshold(let n):
            try SimulationError.require(n, "expected SM events above threshold", "must be > 0") { $0 > 0 }
        case .exposure(let e): try e.validate()
        }
        if let binning {
            guard binning.lower >= threshold - 1e-12 else {
                throw .invalidBinning("the first edge \(binning.lower) MeV lies below the threshold \(threshold) MeV")
            }
            self.binning = binning
        } else {
            try SimulationError.require(binWidthMeV, "bin width (MeV)", "must be > 0") { $0 > 0 }
            do { self.binning = try Binning.uniform(lower: threshold, upper: limit, width: binWidthMeV) } catch {
                throw error as? SimulationError ?? .invalidBinning("\(error)")
            }
        }
        self.detector = detector
        self.spectrum = spectrum
        self.thresholdMeV = threshold
        self.normalization = normalization
        self.sin2ThetaW = sin2ThetaW
        self.mediatorMassMeV = mediatorMassMeV
        self.flavor = flavor
        self.interference = interference
        self.radiativeCorrections = radiativeCorrections
    }

    /// The detector response at this scenario's threshold (at `systematicShift`).
    public var response: DetectorResponse {
        let nominal = DetectorResponse(resolution: detector.resolution, thresholdMeV: thresholdMeV, efficiency: detector.efficiency)
        return systematicShift.isNominal ? nominal : systematicShift.applied(to: nominal)
    }

    /// T_max at the spectrum endpoint, MeV.
    public var kinematicLimitMeV: Double { Kinematics.maxRecoil(neutrinoEnergy: spectrum.endpoint) }

    /// A model point with this scenario's electroweak settings.
    public func model(kappa: Double = 0, g: Double = 0) -> ScatteringModel {
        ScatteringModel.universal(g: g, mediatorMassMeV: mediatorMassMeV, kappa: kappa, flavor: flavor,
                                  sin2ThetaW: sin2ThetaW, interference: interference, radiativeCorrections: radiativeCorrections)
    }
}
