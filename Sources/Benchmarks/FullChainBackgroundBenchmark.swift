import Foundation
import Parallel
import Physics
import Simulation

/// Full-chain toys of the mission's JUNO > 0.2 MeV row (280 000 SM events, 0.1 MeV bins) with every
/// background of the JUNO preset (`BackgroundCatalog`, docs/physics.md §8): per toy a Poisson number
/// of signal interactions generated and simulated (`EventPipeline`) and of detected background
/// events per component sampled exactly (`DetectedEnergySampler`), histogrammed in reconstructed
/// energy. Toys run in parallel, one per thread, each on its own seed (byte-identical for any
/// thread count). The figure is toy data sets per second; the profiled fit of a toy (≈ 10⁻⁴ s) is
/// not included.
public enum FullChainBackgroundBenchmark {
    public struct Result: Sendable {
        public var toysPerSecond: Double
        public var meanEventsPerToy: Double
    }

    public static func run(toys: Int, threads: Int, seed: UInt64 = 1) throws -> Result {
        let detector = try Detector.preset(named: "juno")
        let scenario = try Scenario(detector: detector, spectrum: try Lithium8Spectrum.make(), thresholdMeV: 0.2,
                                    normalization: .smEventsAboveThreshold(280_000))
        let templates = try scenario.templates()
        let definitions = try BackgroundCatalog.preset(detector: "juno")
        let components = try scenario.backgroundToyComponents(definitions, exposure: scenario.backgroundExposure(templates: templates))
        let backgrounds = try BackgroundToyGenerator(components: components, binning: templates.binning)
        let pipeline = try scenario.pipeline(model: scenario.model(), threads: 1, templates: templates)
        let interactions = templates.generated.combined(for: scenario.model())
        let start = DispatchTime.now().uptimeNanoseconds
        let totals: [Double] = Parallel.map(toys, threads: threads) { k in
            let toySeed = seed &+ UInt64(k)
            var counts = pipeline.toyHistogram(seed: toySeed, expectedInteractions: interactions, binning: templates.binning).counts
            let b = backgrounds.histogram(seed: toySeed).counts
            for i in counts.indices { counts[i] += b[i] }
            return counts.reduce(0, +)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(toysPerSecond: Double(toys) / seconds, meanEventsPerToy: totals.reduce(0, +) / Double(toys))
    }
}
