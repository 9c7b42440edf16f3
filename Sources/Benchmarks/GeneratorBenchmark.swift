import Foundation
import GSL
import Physics
import Simulation
import Statistics

/// Throughput of generation + detector simulation (events per second) and peak memory.
public enum GeneratorBenchmark {
    /// One measurement.
    public struct Result: Sendable, Codable {
        public var threads: Int
        public var events: Int
        public var seconds: Double
        public var eventsPerSecond: Double
        public var boundViolations: Int
        /// Accepted fraction of proposals (unweighted mode).
        public var acceptanceEfficiency: Double
        /// Seconds to build the generator (cell bounds, alias table and, with radiative
        /// corrections, the correction table), before the first event.
        public var setupSeconds: Double
    }

    /// Generates and simulates `events` events for `scenario`'s detector (SM, unweighted) with
    /// `threads` threads; the consumer does nothing (the pipeline counts detected events).
    public static func run(scenario: Scenario, events: Int, threads: Int, seed: UInt64 = 1,
                           templates: TemplateSet? = nil) throws -> Result {
        let t = try templates ?? scenario.templates()
        let setupStart = DispatchTime.now().uptimeNanoseconds
        let pipeline = try scenario.pipeline(model: scenario.model(), threads: threads, templates: t)
        let setupSeconds = Double(DispatchTime.now().uptimeNanoseconds - setupStart) / 1e9
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = pipeline.run(seed: seed, events: events) { _ in true }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(threads: threads, events: summary.generated, seconds: seconds,
                      eventsPerSecond: Double(summary.generated) / seconds, boundViolations: summary.boundViolations,
                      acceptanceEfficiency: pipeline.generator.acceptanceEfficiency, setupSeconds: setupSeconds)
    }

    /// Wall-clock seconds to build `scenario.templates()` (best of `repeats`).
    public static func templateBuildSeconds(scenario: Scenario, repeats: Int = 25) throws -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try scenario.templates()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Peak resident memory of this process (VmHWM in /proc/self/status), MB; nil where unavailable.
    public static func peakMemoryMB() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kb = Double(fields[1]) { return kb / 1024 }
        }
        return nil
    }
}
