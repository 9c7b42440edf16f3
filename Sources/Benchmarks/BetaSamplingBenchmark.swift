import Foundation
import GSL
import Physics
import Simulation
import Statistics

/// Throughput of the exact β sampler on the full ⁴²Ar + ⁴²K chain (`Argon42Chain` defaults):
/// visible energies per second on one core. Build in release for meaningful numbers
/// (`swift build -c release`).
public enum BetaSamplingBenchmark {
    public struct Result: Sendable {
        public let samples: Int
        public let seconds: Double
        /// Decays sampled per second, s⁻¹.
        public let samplesPerSecond: Double
        /// Mean sampled visible energy, MeV (keeps the work observable).
        public let meanVisibleEnergy: Double
    }

    /// Samples `samples` decays (after the sampler is built; set-up is not timed).
    public static func run(samples: Int, seed: UInt64 = 20261125) throws -> Result {
        let sampler = try Argon42Chain().sampler()
        let rng = RandomStream(seed: seed, index: 0)
        let start = DispatchTime.now().uptimeNanoseconds
        var sum = 0.0
        for _ in 0..<samples { sum += sampler.sampleVisibleEnergy(using: rng) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return Result(samples: samples, seconds: seconds, samplesPerSecond: Double(samples) / seconds,
                      meanVisibleEnergy: sum / Double(max(samples, 1)))
    }
}
