import Foundation
import Physics
import Simulation
import Statistics

/// Thin adapters from a run card to the Simulation and Statistics types. Everything else in
/// Studies works on plain values; only this file knows those modules' APIs.
extension RunCard {
    /// The Simulation detector `name` refers to: a preset; a custom detector from `detectors`;
    /// or a preset with the custom entry's fields overriding it. Custom detectors without a
    /// preset get 3.37×10³² electrons per kt (liquid scintillator) and the mass that gives
    /// `target_electrons`; only the product enters the rates.
    public func simulationDetector(named name: String) throws -> Simulation.Detector {
        guard let custom = detectors.first(where: { $0.name == name }) else {
            return try Simulation.Detector.preset(named: name)
        }
        var detector: Simulation.Detector
        if let preset = custom.preset {
            detector = try Simulation.Detector.preset(named: preset)
            detector.name = custom.name
        } else {
            detector = Simulation.Detector(
                name: custom.name, targetMassTonnes: 1000, electronsPerKilotonne: 3.37e32,
                resolution: .perfect, thresholdMeV: 0, efficiency: 1, directionResolutionDegrees: nil,
                geometry: DetectorGeometry(sourceDistanceMeters: 16, fiducialRadiusMeters: 0),
                notes: "custom detector from a run card")
        }
        if let electrons = custom.targetElectrons {
            detector.targetMassTonnes = electrons / detector.electronsPerKilotonne * 1000
        }
        if let r = custom.resolution {
            detector.resolution = EnergyResolution(stochastic: r.a, constant: r.b, noiseMeV: r.c)
        }
        if let threshold = custom.thresholdMeV { detector.thresholdMeV = threshold }
        if let efficiency = custom.efficiency { detector.efficiency = efficiency }
        if let direction = custom.directionResolutionDeg { detector.directionResolutionDegrees = direction }
        if let distance = custom.sourceDistanceM { detector.geometry.sourceDistanceMeters = distance }
        if let radius = custom.radiusM { detector.geometry.fiducialRadiusMeters = radius }
        try detector.validate()
        return detector
    }

    /// The source spectrum: the ⁸Li model of `source.final_state`, or `source.spectrum_file`
    /// read relative to `cardDirectory`.
    public func sourceSpectrum(cardDirectory: String = ".") throws -> NeutrinoSpectrum {
        if let file = source.spectrumFile {
            let path = file.hasPrefix("/") ? file : (cardDirectory as NSString).appendingPathComponent(file)
            return try NeutrinoSpectrum.load(path: path)
        }
        switch source.finalState ?? .resonance {
        case .resonance: return try Lithium8Spectrum.make()
        case .sharp: return try Lithium8Spectrum.make(finalState: .sharp(excitation: 3.03))
        }
    }

    /// The Simulation normalization of a scenario: its SM event count, or the exposure from the
    /// source (with the scenario's overrides).
    public func simulationNormalization(_ scenario: Scenario) -> Simulation.Normalization {
        switch scenario.normalization {
        case .events(let n): return .smEventsAboveThreshold(n)
        case .exposure:
            return .exposure(Exposure(sourceIntensityPerYear: scenario.intensityPerYear ?? source.intensityPerYear,
                                      liveTimeYears: scenario.liveTimeYears ?? source.liveTimeYears,
                                      upTimeFraction: source.upTime))
        }
    }

    /// The Simulation scenario of one card scenario, for a light-vector mass/interference
    /// (ignored by the magnetic moment). `thresholdMeV` overrides the scenario's (scans).
    public func simulationScenario(_ scenario: Scenario, spectrum: NeutrinoSpectrum, mediatorMassMeV: Double = 0,
                                   interference: Interference = .exact, thresholdMeV: Double? = nil,
                                   sin2ThetaW: Double? = nil) throws -> Simulation.Scenario {
        let threshold = thresholdMeV ?? scenario.thresholdMeV
        let binning = try binning.maxMeV.map {
            try Simulation.Binning.uniform(lower: threshold, upper: $0, width: self.binning.binWidthMeV)
        }
        return try Simulation.Scenario(
            detector: try simulationDetector(named: scenario.detector), spectrum: spectrum, thresholdMeV: threshold,
            normalization: simulationNormalization(scenario), binning: binning, binWidthMeV: self.binning.binWidthMeV,
            sin2ThetaW: sin2ThetaW ?? self.sin2ThetaW, mediatorMassMeV: mediatorMassMeV,
            interference: interference.physics)
    }

    /// The Statistics test statistics this card asks for.
    public var testStatistics: [TestStatistic] { statistic.statistics.compactMap(TestStatistic.init(rawValue:)) }
}

extension RunCard.Interference {
    /// The Physics enum for this choice (`none` → pure Z′ only).
    public var physics: LightVectorCrossSection.Interference {
        switch self {
        case .exact: .exact
        case .none: .pureZPrimeOnly
        }
    }
}

extension RunCard.Scenario {
    /// The normalization pull as a Statistics constraint (nominal 1, σ = `norm_sigma`).
    public var normalizationConstraint: GaussianConstraint { GaussianConstraint(nominal: 1, sigma: normSigma) }
}
