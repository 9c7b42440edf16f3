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
        return try Lithium8Spectrum.make(finalState: try (source.finalState ?? .lithium8Default).physics())
    }

    /// The neutrino endpoint of the source, MeV, without building the spectrum for the ⁸Li
    /// models: Q − E_x,min (docs/physics.md §4; the measured strength is unfolded once per
    /// process); a spectrum file is read.
    public func sourceEndpointMeV(cardDirectory: String = ".") throws -> Double {
        if source.spectrumFile != nil { return try sourceSpectrum(cardDirectory: cardDirectory).endpoint }
        return Lithium8Spectrum.qValue - (try (source.finalState ?? .lithium8Default).physics().minimumExcitation)
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

    /// The validated fit configuration of one card scenario for `model` and `statistic`, with
    /// the card's binning, sin²θ_W, CL and limit method; `thresholdMeV`, `sin2ThetaW` and `normSigma` override
    /// the scenario's (scans).
    public func studyScenario(_ scenario: Scenario, spectrum: NeutrinoSpectrum, model: NewPhysicsModel,
                              statistic: TestStatistic = .poisson, thresholdMeV: Double? = nil,
                              sin2ThetaW: Double? = nil, normSigma: Double? = nil,
                              cardDirectory: String = ".", systematics: SystematicSelection? = nil) throws -> StudyScenario {
        let selection = backgroundSelection(for: scenario)
        let preset = detectorPreset(named: scenario.detector)
        let systematicChoice = systematics ?? systematicSelection(for: scenario)
        return try StudyScenario(
            name: scenario.name, detector: try simulationDetector(named: scenario.detector), spectrum: spectrum,
            thresholdMeV: thresholdMeV ?? scenario.thresholdMeV, normalization: simulationNormalization(scenario),
            binWidthMeV: binning.binWidthMeV, maxMeV: binning.maxMeV, sin2ThetaW: sin2ThetaW ?? self.sin2ThetaW,
            model: model, statistic: statistic, confidenceLevel: cl, normSigma: normSigma ?? scenario.normSigma,
            limitMethod: limit, radiativeCorrections: radiativeCorrections,
            backgrounds: try selection.definitions(detectorPreset: preset, cardDirectory: cardDirectory, option: "backgrounds"),
            backgroundLabel: selection.label, referenceExposure: referenceExposure(scenario),
            systematics: try systematicChoice.nuisances(detectorPreset: preset, hasSourceShape: try SourceShapeVariation.lithium8Measured.contains(spectrum),
                                                        option: "systematics"),
            systematicsLabel: systematicChoice.label)
    }

    /// The systematics of a scenario: its own `systematics`, else the card's, else none.
    public func systematicSelection(for scenario: Scenario) -> SystematicSelection {
        scenario.systematics ?? systematics ?? .none
    }

    /// The backgrounds of a scenario: its own `backgrounds`, else the card's, else none.
    public func backgroundSelection(for scenario: Scenario) -> BackgroundSelection {
        scenario.backgrounds ?? backgrounds ?? ScenarioSetting.backgrounds.defaultValue
    }

    /// The preset a detector name is or starts from (nil for a custom detector without one).
    public func detectorPreset(named name: String) -> String? {
        if let custom = detectors.first(where: { $0.name == name }) { return custom.preset }
        return Simulation.Detector.presetNames.contains(name.lowercased()) ? name.lowercased() : nil
    }

    /// The source intensity and up-time of a scenario (its overrides, else the card's source):
    /// with `events: N` they turn N into the live time the backgrounds scale with.
    public func referenceExposure(_ scenario: Scenario) -> Exposure {
        Exposure(sourceIntensityPerYear: scenario.intensityPerYear ?? source.intensityPerYear,
                 liveTimeYears: scenario.liveTimeYears ?? source.liveTimeYears, upTimeFraction: source.upTime)
    }

    /// The Simulation scenario (detector, spectrum, threshold, normalization, binning, SM
    /// settings) of one card scenario, as `studyScenario` validates it.
    public func simulationScenario(_ scenario: Scenario, spectrum: NeutrinoSpectrum) throws -> Simulation.Scenario {
        try studyScenario(scenario, spectrum: spectrum, model: .magneticMoment).simulation
    }

    /// The Statistics test statistics this card asks for.
    public var testStatistics: [TestStatistic] { statistic.statistics.compactMap(TestStatistic.init(rawValue:)) }
}

extension RunCard.FinalState {
    /// The ⁸Be final-state model of `Lithium8Spectrum` this choice names (`measured` unfolds the
    /// ⁸B data once per process).
    public func physics() throws -> Beryllium8FinalState {
        switch self {
        case .resonance: .standard
        case .sharp: .sharp(excitation: 3.03)
        case .measured: .measured(try Beryllium8Strength.measured())
        }
    }
}

extension RunCard.Scenario {
    /// The normalization pull as a Statistics constraint (nominal 1, σ = `norm_sigma`).
    public var normalizationConstraint: GaussianConstraint { GaussianConstraint(nominal: 1, sigma: normSigma) }
}
