import ArgumentParser
import Physics
import Simulation
import Statistics
import Studies

/// The scenario options shared by `generate`, `sensitivity`, `toys`, `coverage`, `export-pyhf`,
/// `backgrounds` (`--limit clsb|cls` applies to every limit; coverage with `--method fc` refuses
/// `cls`; `--backgrounds` defaults to `none`, and to `preset` for `nue backgrounds`).
/// They map onto `Studies.StudyScenario`, the validated model run cards use too: defaults and
/// ranges come from `ScenarioSetting` (one definition), so a one-row card and these options give
/// the same fit. Options taking numbers accept negative values as values (`--threshold -1` is
/// read and then refused by validation with its range, not taken for an option).
struct ScenarioOptions: ParsableArguments {
    @Option(help: "Detector preset: \(Detector.presetNames.joined(separator: ", ")).")
    var detector: String = "kamland"
    @Option(parsing: .unconditional, help: "Threshold on the reconstructed electron kinetic energy, MeV (> 0).")
    var threshold: Double = ScenarioSetting.thresholdMeV.defaultValue!
    @Option(parsing: .unconditional,
            help: "Expected SM events above threshold, in (0, 1e12] (normalization); without it, the physical exposure (--years, --intensity).")
    var events: Double?
    @Option(parsing: .unconditional, help: "Run time for the physical exposure, years (90 % up-time).")
    var years: Double = ScenarioSetting.liveTimeYears.defaultValue!
    @Option(parsing: .unconditional, help: "Source intensity, ν̄e per year.")
    var intensity: Double = ScenarioSetting.intensityPerYear.defaultValue!
    @Option(parsing: .unconditional, help: "Bin width in reconstructed T, MeV, in (0, 5] (the run cards' default too).")
    var binWidth: Double = ScenarioSetting.binWidthMeV.defaultValue!
    @Option(parsing: .unconditional,
            help: "Weak mixing angle, in (0, 1): the low-Q² value at tree level (default 0.23867); with --radiative-corrections sin²θ̂_W(M_Z) in MS-bar (default 0.23122).")
    var sin2w: Double?
    @Flag(help: "Apply the one-loop electroweak and QED corrections of Bahcall, Kamionkowski & Sirlin (1995) to the SM (docs/physics.md §9).")
    var radiativeCorrections = false
    @Option(help: "New-physics model for fits: \(NewPhysicsModel.Kind.allValueStrings.joined(separator: ", ")).")
    var model: NewPhysicsModel.Kind = .magneticMoment
    @Option(parsing: .unconditional, help: "Z′ mass, MeV (≥ 0).")
    var mediatorMass: Double = ScenarioSetting.mediatorMassMeV.defaultValue!
    @Flag(help: "Light vector: pure Z′ term only (no SM–Z′ interference).")
    var noInterference = false
    @Option(parsing: .unconditional, help: "Fractional normalization uncertainty (pull term), in [0, 1).")
    var normSigma: Double = ScenarioSetting.normSigma.defaultValue!
    @Option(parsing: .unconditional, help: "Confidence level, in (0, 1).")
    var cl: Double = ScenarioSetting.confidenceLevel.defaultValue!
    @Option(help: "Test statistic: \(TestStatistic.allValueStrings.joined(separator: ", ")).")
    var statistic: TestStatistic = .poisson
    @Option(help: ArgumentHelp(
        "Limit method: \(ScenarioSetting.limitMethod.values.joined(separator: ", ")) (CLs+b, or the more conservative CLs).",
        valueName: "method"))
    var limit: LimitMethod = ScenarioSetting.limitMethod.defaultValue
    @Option(help: ArgumentHelp(
        "Backgrounds in the fit: none (default), preset (the detector's: solar ν, IBD, radioactivity, cosmogenics), or comma-separated names from \(BackgroundCatalog.names.joined(separator: ", ")) (docs/physics.md §8).",
        valueName: "preset|none|NAME,…"))
    var backgrounds: String?
    @Option(help: ArgumentHelp(
        "Detector and source systematics profiled in the fit: none (default: the normalization pull alone), preset (the detector's: energy scale, non-linearity, resolution, efficiency, ⁸Li shape), or comma-separated NAME[=SIGMA] from \(SystematicSelection.names.map(\.name).joined(separator: ", ")) (docs/physics.md §16). Supported by sensitivity, export-pyhf, toys and coverage (CLs+b); nue argon takes its own.",
        valueName: "preset|none|NAME,…"))
    var systematics: String = "none"

    func validate() throws {
        guard Detector.presetNames.contains(detector.lowercased()) else {
            throw CommandFailure("unknown --detector '\(detector)'; choose one of \(Detector.presetNames.joined(separator: ", "))")
        }
        do {
            for (setting, value) in [(ScenarioSetting.thresholdMeV, threshold), (.liveTimeYears, years),
                                     (.intensityPerYear, intensity), (.binWidthMeV, binWidth),
                                     (.mediatorMassMeV, mediatorMass), (.normSigma, normSigma), (.confidenceLevel, cl)] {
                _ = try setting.validate(value)
            }
            if let events { _ = try ScenarioSetting.events.validate(events) }
            if let sin2w { _ = try ScenarioSetting.sin2ThetaW.validate(sin2w) }
            _ = try backgroundDefinitions()
            _ = try systematicNuisances()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// --backgrounds as a selection (nil: `defaultBackgrounds`).
    func backgroundSelection(default fallback: BackgroundSelection = ScenarioSetting.backgrounds.defaultValue) throws(StudyError) -> BackgroundSelection {
        try backgrounds.map { text throws(StudyError) in try BackgroundSelection.parse(text) } ?? fallback
    }

    /// The validated components --backgrounds names for --detector.
    func backgroundDefinitions(default fallback: BackgroundSelection = ScenarioSetting.backgrounds.defaultValue) throws(StudyError) -> [BackgroundDefinition] {
        try backgroundSelection(default: fallback).definitions(detectorPreset: detector.lowercased())
    }

    /// --systematics as a selection.
    var systematicSelection: SystematicSelection { get throws(StudyError) { try SystematicSelection.parse(systematics) } }

    /// The validated nuisances --systematics names for --detector (the CLI's source is ⁸Li).
    func systematicNuisances() throws(StudyError) -> [SystematicNuisance] {
        try systematicSelection.nuisances(detectorPreset: detector.lowercased(), hasSourceShape: true)
    }

    /// Refuses --systematics other than none in a command that fits nothing (the nuisances are
    /// profiled by the fitting commands).
    func requireNoSystematics(_ command: String) throws {
        guard (try? systematicSelection.isNone) ?? false else {
            throw CommandFailure("--systematics \(systematics): nue \(command) fits nothing, so it takes no systematics "
                                 + "(sensitivity, toys, coverage and export-pyhf profile them); use --systematics none")
        }
    }

    /// The exposure whose intensity and up-time turn --events N into a live time for the backgrounds.
    var referenceExposure: Exposure { Exposure(sourceIntensityPerYear: intensity, liveTimeYears: years) }

    var normalization: Simulation.Normalization {
        if let events { return .smEventsAboveThreshold(events) }
        return .exposure(Exposure(sourceIntensityPerYear: intensity, liveTimeYears: years))
    }

    /// The hypothesis these options name.
    func newPhysicsModel() throws -> NewPhysicsModel {
        do {
            return try NewPhysicsModel(kind: model, mediatorMassMeV: mediatorMass,
                                       interference: noInterference ? .pureZPrimeOnly : .exact)
        } catch { throw CommandFailure(error.description) }
    }

    /// The validated study scenario with the default ⁸Li source; a setting out of range (also one
    /// that depends on the spectrum, like a threshold above the kinematic limit) is a
    /// `CommandFailure` naming the option (exit 1).
    func studyScenario(backgrounds fallback: BackgroundSelection = ScenarioSetting.backgrounds.defaultValue) throws -> StudyScenario {
        let spectrum = try Lithium8Spectrum.make()
        let model = try newPhysicsModel()
        do {
            let selection = try backgroundSelection(default: fallback)
            return try StudyScenario(detector: try Detector.preset(named: detector), spectrum: spectrum,
                                     thresholdMeV: threshold, normalization: normalization, binWidthMeV: binWidth,
                                     sin2ThetaW: sin2w, model: model, statistic: statistic, confidenceLevel: cl,
                                     normSigma: normSigma, limitMethod: limit, radiativeCorrections: radiativeCorrections,
                                     backgrounds: try selection.definitions(detectorPreset: detector.lowercased()),
                                     backgroundLabel: selection.label, referenceExposure: referenceExposure,
                                     systematics: try systematicNuisances(),
                                     systematicsLabel: try systematicSelection.label)
        } catch let error as StudyError {
            throw CommandFailure(error.description)
        } catch let error as SimulationError {
            if case .thresholdAboveKinematicLimit = error { throw CommandFailure("--threshold: \(error)") }
            throw CommandFailure(error.description)
        }
    }

    /// The Simulation scenario (templates, events) of these options.
    func scenario() throws -> Scenario { try studyScenario().simulation }
}

extension NewPhysicsModel.Kind: ExpressibleByArgument {}
extension TestStatistic: ExpressibleByArgument {}
extension LimitMethod: ExpressibleByArgument {}
