import Dispatch
import Foundation
import GSL
import Parallel
import Physics

/// The brute-force path of the ⁴²Ar/⁴²K background: every decay of the run is sampled
/// (`BetaSampler`, exact), given an isotropic reconstructed direction, passed through the
/// detector's energy response and threshold (`DetectorSimulator` → `DetectorResponse`, the same
/// code as the signal), and histogrammed in reconstructed energy when cos θ_reco > c
/// (`Binning.indexWithOverflow`: the last bin takes the overflow). Validates the fast path
/// N_decays × P_i × (1 − c)/2, P_i = `DetectorResponse.binFractions(of:edges:)`.
///
/// Isotropy shortcut: the decay direction is isotropic and the vMF direction smearing is
/// rotation invariant, so cos θ_reco is exactly uniform in [−1, 1] (`IsotropicDirection`); it is
/// drawn directly (one uniform) instead of drawing a true direction and smearing it. The
/// simulator's explicit smearing gives the same distribution (tested on a small sample). A decay
/// failing the direction cut is rejected before its energy is smeared (the cut and the energy
/// response are independent), so the throughput grows as the cut tightens; `nue bench` measures
/// the worst case c = −1 (every decay smeared).
///
/// Memory is constant (one histogram per worker); decays are processed in blocks of
/// `blockSize`, block b drawing from `RandomStream(seed, b)`; per-block integer counts are
/// added in block order, so the histogram is identical for any thread count.
/// Per decay, in order: the β sampler's draws, one uniform for cos θ_reco, then (if it passes)
/// the simulator's energy draws.
public struct Argon42BruteForce: Sendable {
    public let sampler: BetaSampler
    /// Energy response and threshold only: the detector with no direction measurement.
    public let simulator: DetectorSimulator
    public let binning: Binning
    public let cosineCut: Double
    /// γ containment (fraction of the prompt γ energy deposited), in [0, 1].
    public let gammaContainment: Double
    public let blockSize: Int

    /// What a run counted.
    public struct Result: Sendable, Equatable {
        /// Decays with reconstructed energy in each bin (the last bin also takes the overflow),
        /// after threshold and direction cut.
        public var counts: [Int]
        /// Decays simulated.
        public var decays: Int
        /// Decays passing the direction cut (before the energy threshold).
        public var passedDirection: Int
    }

    /// - Parameters:
    ///   - detector: energy resolution, efficiency and (ignored) direction of the detector.
    ///   - thresholdMeV: threshold on the reconstructed visible energy, MeV.
    public init(chain: Argon42Chain, detector: Detector, thresholdMeV: Double, binning: Binning,
                cosineCut: Double, blockSize: Int = 1 << 20) throws {
        try SimulationError.require(cosineCut, "cos θ cut", "must be in [−1, 1)") { $0 >= -1 && $0 < 1 }
        sampler = try chain.sampler()
        var energyOnly = detector
        energyOnly.directionResolutionDegrees = nil
        simulator = DetectorSimulator(detector: energyOnly, thresholdMeV: thresholdMeV)
        self.binning = binning
        self.cosineCut = cosineCut
        gammaContainment = chain.gammaContainment
        self.blockSize = Swift.max(1, blockSize)
    }

    /// Simulates `decays` decays on `threads` workers.
    /// - Parameter progress: called after each block with (decays done, total), from any thread.
    public func run(decays: Int, seed: UInt64, threads: Int = 1,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        let total = Swift.max(0, decays)
        let blocks = (total + blockSize - 1) / blockSize
        let workers = Swift.max(1, Swift.min(threads, Swift.max(1, blocks)))
        let bins = binning.count
        let partials = Partials(workers: workers, bins: bins)
        let done = Counter()
        let me = self
        Parallel.workers(workers) { w in
            let stream = RandomStream(seed: seed, index: 0)
            var counts = [Int](repeating: 0, count: bins)
            var passed = 0
            var b = w
            while b < blocks {
                stream.reseed(seed: seed, index: UInt64(b))
                let n = Swift.min(me.blockSize, total - b * me.blockSize)
                passed += me.simulateBlock(count: n, stream: stream, into: &counts)
                if let progress { progress(done.add(n), total) }
                b += workers
            }
            partials.store(worker: w, counts: counts, passed: passed)
        }
        let (counts, passed) = partials.sum()
        return Result(counts: counts, decays: total, passedDirection: passed)
    }

    /// Simulates one block; returns the decays passing the direction cut.
    @inlinable
    func simulateBlock(count: Int, stream: RandomStream, into counts: inout [Int]) -> Int {
        var passed = 0
        let edges = binning.edges
        let c = cosineCut, containment = gammaContainment
        var event = Event()
        for _ in 0..<count {
            let energy = sampler.sampleVisibleEnergy(gammaContainment: containment, using: stream)
            let cosReco = 2 * stream.uniform() - 1
            guard cosReco > c else { continue }
            passed += 1
            event.recoilMeV = energy
            simulator.simulate(&event, stream: stream)
            guard event.detected, let bin = Binning.indexWithOverflow(of: event.recoRecoilMeV, edges: edges) else { continue }
            counts[bin] += 1
        }
        return passed
    }

    /// Per-worker results, summed in worker order (integer sums: order-independent anyway).
    final class Partials: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [[Int]]
        private var passed: [Int]
        init(workers: Int, bins: Int) {
            counts = Array(repeating: Array(repeating: 0, count: bins), count: workers)
            passed = Array(repeating: 0, count: workers)
        }
        func store(worker: Int, counts c: [Int], passed p: Int) {
            lock.lock(); defer { lock.unlock() }
            counts[worker] = c
            passed[worker] = p
        }
        func sum() -> ([Int], Int) {
            lock.lock(); defer { lock.unlock() }
            var total = counts[0].map { _ in 0 }
            for c in counts { for i in c.indices { total[i] += c[i] } }
            return (total, passed.reduce(0, +))
        }
    }

    /// A thread-safe running count.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add(_ n: Int) -> Int {
            lock.lock(); defer { lock.unlock() }
            value += n
            return value
        }
    }
}
