import Foundation
import Testing
import GSL
import Physics
import Simulation
import Statistics
@testable import Studies

/// Full-chain toys (generator → detector → histogram) against binned Poisson toys around the
/// templates, and their thread-count independence.
@Suite struct FullChainToyTests {
    /// KamLAND > 3 MeV, 1 000 SM events, 0.5 MeV bins: small enough for a few hundred
    /// full-chain toys in a debug build.
    static func setup() throws -> (scenario: Simulation.Scenario, templates: TemplateSet, fit: ModelFit) {
        let scenario = try Simulation.Scenario(detector: try Detector.preset(named: "kamland"),
                                               spectrum: try Lithium8Spectrum.make(), thresholdMeV: 3,
                                               normalization: .smEventsAboveThreshold(1000), binWidthMeV: 0.5)
        let templates = try scenario.templates()
        return (scenario, templates, try ModelFit(templates: templates, model: .magneticMoment, normSigma: 0.007))
    }

    static func run(fullChain: Bool, toys: Int, threads: Int, seed: UInt64) throws -> [ToyResult] {
        let (scenario, templates, fit) = try setup()
        let asimov = try fit.asimov(statistic: .poisson, cl: 0.90)
        let configuration = try ToyConfiguration.profiled(model: fit.binnedModel, statistic: .poisson, confidenceLevel: 0.90,
                                                          truth: 0, seed: seed, referenceData: fit.binnedModel.asimovData(),
                                                          scale: asimov.limit)
        let generator = fullChain
            ? try FullChainToys.generator(scenario: scenario, model: scenario.model(), templates: templates) : nil
        return try ToyRunner(configuration: configuration, dataGenerator: generator).run(totalToys: toys, threads: threads)
    }

    /// Medians of 400 toy limits each agree within 3 combined standard errors
    /// (ToySummary.medianError, the order-statistic error of each median).
    @Test func fullChainAndBinnedMediansAgree() throws {
        let binned = ToySummary(results: try Self.run(fullChain: false, toys: 400, threads: 2, seed: 20261125))
        let full = ToySummary(results: try Self.run(fullChain: true, toys: 400, threads: 2, seed: 20261125))
        #expect(binned.failedFits == 0 && full.failedFits == 0)
        let difference = abs(full.band.median - binned.band.median)
        let error = (full.medianError * full.medianError + binned.medianError * binned.medianError).squareRoot()
        print("full-chain median θ = \(full.band.median) ± \(full.medianError), binned \(binned.band.median) ± \(binned.medianError)")
        #expect(difference < 3 * error)
    }

    @Test func fullChainToysDoNotDependOnThreads() throws {
        let one = try Self.run(fullChain: true, toys: 24, threads: 1, seed: 5)
        let two = try Self.run(fullChain: true, toys: 24, threads: 2, seed: 5)
        // Bit patterns: byte-identical results (NaN ≠ NaN under ==).
        func bits(_ toys: [ToyResult]) -> [UInt64] {
            toys.flatMap { [$0.index, $0.thetaHat.bitPattern, $0.upperLimit.bitPattern, $0.statisticAtTest.bitPattern] }
        }
        #expect(bits(one) == bits(two))
        #expect(one.map(\.status) == two.map(\.status))
        let again = try Self.run(fullChain: true, toys: 24, threads: 2, seed: 6)
        #expect(bits(one) != bits(again))
    }

    /// The histogram of one toy has the scenario's bins and about the expected number of events.
    @Test func oneToyHasTheTemplateBinning() throws {
        let (scenario, templates, _) = try Self.setup()
        let generate = try FullChainToys.generator(scenario: scenario, model: scenario.model(), templates: templates)
        let counts = try generate(RandomStream(seed: 1, index: 0), 0)
        #expect(counts.count == templates.standardModel.count)
        #expect(abs(counts.reduce(0, +) - 1000) < 5 * 1000.0.squareRoot())
    }
}
