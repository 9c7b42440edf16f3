import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

@Suite struct BackgroundToyGeneratorTests {
    static func generator(threads: Int) throws -> BackgroundToyGenerator {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.05), thresholdMeV: 0.6, efficiency: 1)
        let continuum = try DetectedEnergySampler(range: 0...1, density: { $0 * (1 - $0) * (1 - $0) }, continuumIntegral: 1.0 / 12,
                                                  response: response)
        let line = try DetectedEnergySampler(range: 0...1, density: { _ in 0 }, continuumIntegral: 0,
                                             lines: [.init(energyMeV: 0.55, weight: 1)], response: response)
        let binning = try Binning.uniform(lower: 0.6, upper: 1.2, width: 0.025)
        return try BackgroundToyGenerator(components: [.init(name: "continuum", sampler: continuum, expectedDetectedEvents: 150_000),
                                                       .init(name: "line", sampler: line, expectedDetectedEvents: 40_000)],
                                          binning: binning, blockSize: 10_000, threads: threads)
    }

    /// Same seed, same bytes for 1 and 2 threads; different seeds differ; the total is the sum of
    /// the Poisson counts drawn.
    @Test func toysAreIndependentOfThreadCount() throws {
        let one = try Self.generator(threads: 1), two = try Self.generator(threads: 2)
        for seed: UInt64 in [1, 99] {
            let a = one.histogram(seed: seed), b = two.histogram(seed: seed)
            #expect(a == b)
            #expect(a.total == Double(one.eventCounts(seed: seed).reduce(0, +)))
        }
        #expect(one.histogram(seed: 1) != one.histogram(seed: 2))
    }

    /// Toy counts are Poisson with the expected means: over 400 toys the mean and variance of each
    /// component's count agree with μ (4σ: the mean's σ is √(μ/400), the variance's ≈ μ√(2/399)).
    @Test func countsArePoisson() throws {
        let g = try Self.generator(threads: 1)
        let toys = 400
        for (j, c) in g.components.enumerated() {
            let counts = (0..<toys).map { Double(g.eventCounts(seed: UInt64($0))[j]) }
            let mean = counts.reduce(0, +) / Double(toys)
            let variance = counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(toys - 1)
            let mu = c.expectedDetectedEvents
            #expect(abs(mean - mu) < 4 * (mu / Double(toys)).squareRoot(), "\(c.name): mean \(mean) vs \(mu)")
            #expect(abs(variance - mu) < 4 * mu * (2.0 / Double(toys - 1)).squareRoot(), "\(c.name): variance \(variance) vs \(mu)")
        }
    }

    /// `histogram(seed:)` and `forEachEvent(seed:)` draw the same Poisson counts per component and
    /// the same law: every event handed out is detected (E_reco ≥ 0.6 MeV), the events come component
    /// by component, each toy's histogram holds as many events as `forEachEvent` hands out, and over
    /// 20 toys the two summed histograms agree (two-sample Pearson χ², p > 10⁻³, fixed seeds).
    @Test func histogramAndEventsFollowOneLaw() throws {
        let g = try Self.generator(threads: 2)
        var fromEvents = [Double](repeating: 0, count: g.binning.count), fromHistogram = fromEvents
        for seed: UInt64 in 0..<20 {
            var components: [Int] = [], events = 0.0
            g.forEachEvent(seed: seed) { e in
                #expect(e.recoEnergyMeV >= 0.6)
                if components.last != e.component { components.append(e.component) }
                if let i = g.binning.indexWithOverflow(of: e.recoEnergyMeV) { fromEvents[i] += 1 }
                events += 1
            }
            #expect(components == [0, 1])
            let h = g.histogram(seed: seed)
            #expect(h.total == events)
            for i in fromHistogram.indices { fromHistogram[i] += h.counts[i] }
        }
        let chi2 = zip(fromEvents, fromHistogram).reduce(0.0) { $0 + ($1.0 + $1.1 > 0 ? pow($1.0 - $1.1, 2) / ($1.0 + $1.1) : 0) }
        let p = Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(g.binning.count - 1))
        #expect(p > 1e-3, "χ² = \(chi2), p = \(p)")
    }
}
