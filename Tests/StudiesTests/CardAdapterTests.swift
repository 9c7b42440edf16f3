import Foundation
import Physics
import Output
import Testing
import Simulation
@testable import Studies

/// The run card drives the Simulation and Statistics modules, and the chain agrees with pyhf.
@Suite struct CardAdapterTests {
    @Test func customDetectorOverridesAndPresetsResolve() throws {
        let card = try RunCard.load(path: TestSupport.path("macros/exposure.yaml")).card
        let yemilab = try card.simulationDetector(named: "yemilab")
        #expect(abs(yemilab.targetElectrons / 7.62e32 - 1) < 1e-12)
        #expect(yemilab.geometry.sourceDistanceMeters == 17)
        #expect(yemilab.resolution.stochastic == 0.064)
        #expect(yemilab.directionResolutionDegrees == nil)
        #expect(try card.simulationDetector(named: "kamland") == Simulation.Detector.preset(named: "kamland"))
        guard case .exposure(let exposure) = card.simulationNormalization(card.scenarios[2]) else {
            Issue.record("expected an exposure"); return
        }
        #expect(exposure.sourceIntensityPerYear == 1e23)
        #expect(exposure.upTimeFraction == 0.9)
    }

    @Test(.enabled(if: TestSupport.hasPyhf, "pyhf is not importable by python3"))
    func smokeCardAsimovLimitAgreesWithPyhf() throws {
        let loaded = try RunCard.load(path: TestSupport.path("macros/smoke.yaml"))
        let card = loaded.card
        let scenario = card.scenarios[0]
        let spectrum = try card.sourceSpectrum()
        let templates = try card.simulationScenario(scenario, spectrum: spectrum).templates()
        #expect(abs(templates.standardModel.reduce(0, +) / 3000 - 1) < 1e-6)
        let fit = try ModelFit(templates: templates, model: .magneticMoment, normSigma: scenario.normSigma)
        let kappa = fit.quoted(try fit.asimov(statistic: .poisson, cl: 0.90).limit)
        let export = try PyhfWorkspace.make(fit: fit, value: kappa)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("smoke.json")
        try export.write(to: path)
        let result = try #require(TestSupport.run(["python3", TestSupport.path("scripts/pyhf_check.py"), path]))
        let answer = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
        guard case .number(let mu)? = answer["mu_limit"] else { Issue.record("pyhf: \(result.stdout) \(result.stderr)"); return }
        print("smoke card: Asimov kappa = \(kappa), pyhf mu_limit = \(mu)")
        #expect(abs(mu - 1) < 0.01)
    }
}
