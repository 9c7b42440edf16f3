import Foundation
import GSL
import Physics
import Simulation
import Statistics
import Testing
@testable import Studies

/// Full-chain toys with backgrounds (issue 12, item 8): background events sampled exactly as
/// detected events (`DetectedEnergySampler`), added to the signal's full-chain histogram.
@Suite struct BackgroundFullChainTests {
    static func study() throws -> StudyScenario {
        let selection = try BackgroundSelection.parse("preset")
        let detector = try Detector.preset(named: "kamland")
        return try StudyScenario(detector: detector, spectrum: try Lithium8Spectrum.make(), thresholdMeV: 3,
                                 normalization: .smEventsAboveThreshold(3000), binWidthMeV: 0.25, model: .magneticMoment,
                                 backgrounds: try selection.definitions(detectorPreset: detector.name))
    }

    /// Each event source's expected detected events (the sampler's own ε∫ρ P(detected)) against the
    /// template's events above threshold, computed by the fold (a different quadrature): 10⁻³
    /// (the sampler's midpoint sum over 2048 cells; the fold's Gauss–Legendre panels).
    @Test func sourcesMatchTheTemplates() throws {
        let study = try Self.study()
        let templates = try study.templates()
        let backgrounds = try study.backgroundTemplates(templates: templates)
        let generator = try #require(try study.backgroundToyGenerator(templates: templates))
        for template in backgrounds {
            let sources = generator.components.filter { $0.name == template.name || $0.name.hasPrefix(template.name + "/") }
            let sampled = sources.reduce(0) { $0 + $1.expectedDetectedEvents }
            if sources.isEmpty { #expect(template.eventsAboveThreshold < 1e-9, "\(template.name) has events but no source"); continue }
            #expect(abs(sampled - template.eventsAboveThreshold) <= 1e-3 * max(template.eventsAboveThreshold, 1),
                    "\(template.name): sampler \(sampled), template \(template.eventsAboveThreshold)")
        }
    }

    /// 300 full-chain toys (signal + every KamLAND preset background, ~1.8×10⁴ events each): the
    /// summed histogram against the Asimov expectation (signal templates + background templates):
    /// Pearson χ², p > 10⁻³; and toy 0 is the same for the runner on 1 and 2 threads.
    @Test func toysFollowTheTemplates() throws {
        let study = try Self.study()
        let templates = try study.templates()
        let fit = try study.fit(templates: templates)
        let generator = try FullChainToys.generator(scenario: study.simulation, model: study.simulation.model(), templates: templates,
                                                    backgrounds: study.backgroundToyGenerator(templates: templates))
        let toys = 300
        var sum = [Double](repeating: 0, count: templates.binning.count)
        for k in 0..<toys {
            let stream = RandomStream(seed: 2026, index: UInt64(k))
            let counts = try generator(stream, UInt64(k))
            for i in sum.indices { sum[i] += counts[i] }
        }
        let expected = try fit.binnedModel.asimovData(theta: 0).map { $0 * Double(toys) }
        var chi2 = 0.0, dof = 0
        for i in sum.indices where expected[i] > 0 {
            chi2 += (sum[i] - expected[i]) * (sum[i] - expected[i]) / expected[i]
            dof += 1
        }
        let p = Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(dof))
        #expect(p > 1e-3, "χ² = \(chi2) / \(dof)")
        #expect(expected.reduce(0, +) / Double(toys) > 1.5e4, "backgrounds must dominate this check")
    }
}
