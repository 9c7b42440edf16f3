import Foundation
import Physics
import Simulation
import Testing
@testable import Studies

/// The scenario settings are defined once: the card parser and `StudyScenario` accept the same
/// ranges and fall back to the same defaults.
@Suite struct ScenarioSettingTests {
    @Test func rangesAndMessages() throws {
        #expect(try ScenarioSetting.normSigma.validate(0) == 0)
        #expect(throws: StudyError.self) { try ScenarioSetting.normSigma.validate(1) }
        #expect(throws: StudyError.self) { try ScenarioSetting.thresholdMeV.validate(0) }
        #expect(throws: StudyError.self) { try ScenarioSetting.events.validate(1.0e30) }
        #expect(throws: StudyError.self) { try ScenarioSetting.confidenceLevel.validate(.nan) }
        do { _ = try ScenarioSetting.normSigma.validate(5) } catch {
            #expect(error.description == "--norm-sigma must be a fraction in [0, 1), got 5.0")
            #expect(ScenarioSetting.normSigma.cardMessage(5) == "must be a fraction in [0, 1), got 5")
        }
        do { _ = try ScenarioSetting.sin2ThetaW.validate(.infinity) } catch {
            #expect(error.description == "--sin2w must be a finite number, in (0, 1), got inf")
        }
    }

    @Test func cardDefaultsAreTheSettingDefaults() throws {
        let card = try RunCard.parse(yaml: RunCardErrorTests.good.replacingOccurrences(of: "cl: 0.9", with: ""))
        #expect(card.binning.binWidthMeV == ScenarioSetting.binWidthMeV.defaultValue)
        #expect(card.scenarios[0].normSigma == ScenarioSetting.normSigma.defaultValue)
        #expect(card.cl == ScenarioSetting.confidenceLevel.defaultValue)
        #expect(card.sin2ThetaW == ScenarioSetting.sin2ThetaW.defaultValue)
        #expect(card.source.intensityPerYear == ScenarioSetting.intensityPerYear.defaultValue)
        // The values themselves, from the mission (docs/physics.md §5, §7).
        #expect(ScenarioSetting.binWidthMeV.defaultValue == 0.1)
        #expect(ScenarioSetting.normSigma.defaultValue == 0.007)
        #expect(ScenarioSetting.confidenceLevel.defaultValue == 0.90)
    }

    @Test func studyScenarioValidatesAtConstruction() throws {
        let spectrum = try Lithium8Spectrum.make(points: 201)
        let detector = try Detector.preset(named: "kamland")
        #expect(throws: StudyError.self) {
            try StudyScenario(detector: detector, spectrum: spectrum, thresholdMeV: 0,
                              normalization: .smEventsAboveThreshold(3000), model: .magneticMoment)
        }
        #expect(throws: SimulationError.self) {
            try StudyScenario(detector: detector, spectrum: spectrum, thresholdMeV: 20,
                              normalization: .smEventsAboveThreshold(3000), model: .magneticMoment)
        }
        let scenario = try StudyScenario(detector: detector, spectrum: spectrum, normalization: .smEventsAboveThreshold(3000),
                                         model: .magneticMoment)
        // Defaults: 3 MeV, bins of 0.1 MeV from the threshold up to T_max at the endpoint.
        #expect(scenario.simulation.thresholdMeV == 3)
        #expect(abs(scenario.simulation.binning.edges[1] - scenario.simulation.binning.edges[0] - 0.1) < 1e-12)
        #expect(scenario.normSigma == 0.007 && scenario.confidenceLevel == 0.90)
        #expect(throws: PhysicsInputError.self) { try NewPhysicsModel.lightVector(mediatorMassMeV: -1) }
    }
}
