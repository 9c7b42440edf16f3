import GSL
import Parallel

/// Full-chain toy data of background components: for each component j a Poisson number of
/// *detected* events with mean b_j μ_j (μ_j its expected detected events, b_j a normalization,
/// 1 by default), each drawn event by event by its `DetectedEnergySampler` (deposited energy, then
/// the reconstructed energy through the response) and binned in reconstructed energy (the last bin
/// taking the overflow, as the templates). Exact event sampling, not binned Poisson shortcuts.
///
/// Streams: component j uses the master word w_j = `SeedSequence(masterSeed: seed, index: 2⁶³ + j)`;
/// its count comes from `RandomStream(seed: w_j, index: 2⁶⁴ − 1)` and its block b of `blockSize`
/// events from `RandomStream(seed: w_j, index: b)`. Blocks run in parallel and their integer
/// counts are summed in order, so a toy is the same bytes for any thread count.
public struct BackgroundToyGenerator: Sendable {
    public struct Component: Sendable {
        public var name: String
        public var sampler: DetectedEnergySampler
        /// μ_j: expected detected events at unit normalization (> 0).
        public var expectedDetectedEvents: Double

        public init(name: String, sampler: DetectedEnergySampler, expectedDetectedEvents: Double) {
            self.name = name
            self.sampler = sampler
            self.expectedDetectedEvents = expectedDetectedEvents
        }
    }

    public let components: [Component]
    public let binning: Binning
    public let blockSize: Int
    public let threads: Int

    public init(components: [Component], binning: Binning, blockSize: Int = 1 << 16, threads: Int = 1) throws(SimulationError) {
        for c in components {
            try SimulationError.require(c.expectedDetectedEvents, "expected detected events of '\(c.name)'", "must be finite and ≥ 0") {
                $0.isFinite && $0 >= 0
            }
        }
        self.components = components
        self.binning = binning
        self.blockSize = max(1, blockSize)
        self.threads = max(1, threads)
    }

    /// The master word of component `j` for toy `seed`.
    static func componentSeed(_ seed: UInt64, _ j: Int) -> UInt64 {
        var s = SeedSequence(masterSeed: seed, index: (1 << 63) &+ UInt64(j))
        return s.next()
    }

    /// The detected-event counts drawn for toy `seed` (normalizations b_j; nil: all 1).
    public func eventCounts(seed: UInt64, normalizations: [Double]? = nil) -> [Int] {
        components.indices.map { j in
            let mean = components[j].expectedDetectedEvents * (normalizations?[j] ?? 1)
            return EventPipeline.poissonCount(mean: mean, seed: Self.componentSeed(seed, j))
        }
    }

    /// Events sampled per call of `DetectedEnergySampler.sample(count:…)` (a multiple of its batch size).
    static let chunkSize = 1024

    /// The events of block `block` (`events` of them) of a component whose master word is `seed`:
    /// sampled from `RandomStream(seed: seed, index: block)` in chunks of `chunkSize`, each handed to
    /// `body` as (E, E_reco) buffers. `histogram` and `forEachEvent` both read blocks through this, so
    /// they see the same events.
    static func forEachChunk(of sampler: DetectedEnergySampler, seed: UInt64, block: Int, events: Int,
                             _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> Void) {
        let stream = RandomStream(seed: seed, index: UInt64(block))
        let chunk = min(chunkSize, events)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * chunk) { buffer in
            let energies = buffer.baseAddress!, reco = energies + chunk
            var done = 0
            while done < events {
                let n = min(chunk, events - done)
                sampler.sample(count: n, stream: stream, energies: energies, recoEnergies: reco)
                body(UnsafeBufferPointer(start: energies, count: n), UnsafeBufferPointer(start: reco, count: n))
                done += n
            }
        }
    }

    /// One toy's background histogram in reconstructed energy.
    public func histogram(seed: UInt64, normalizations: [Double]? = nil) -> Histogram {
        let counts = eventCounts(seed: seed, normalizations: normalizations)
        var list: [(component: Int, block: Int, events: Int)] = []
        for (j, n) in counts.enumerated() {
            var b = 0
            while b * blockSize < n {
                list.append((j, b, min(blockSize, n - b * blockSize)))
                b += 1
            }
        }
        let tasks = list
        let components = self.components, edges = binning.edges
        let fastBins = UniformBins(edges: edges)
        let blocks: [[Double]] = Parallel.map(tasks.count, threads: threads) { k in
            let task = tasks[k]
            let bins = edges.count - 1
            var local = [Double](repeating: 0, count: bins)
            let sampler = components[task.component].sampler, seed = Self.componentSeed(seed, task.component)
            if let fastBins {
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * bins + 4) { counts in
                    counts.initialize(repeating: 0)
                    Self.forEachChunk(of: sampler, seed: seed, block: task.block, events: task.events) { _, reco in
                        fastBins.accumulate(reco, into: counts.baseAddress!)
                    }
                    for i in 0..<bins { local[i] = Double(counts[4 * i] + counts[4 * i + 1] + counts[4 * i + 2] + counts[4 * i + 3]) }
                }
            } else {
                Self.forEachChunk(of: sampler, seed: seed, block: task.block, events: task.events) { _, reco in
                    for x in reco { if let i = Binning.indexWithOverflow(of: x, edges: edges) { local[i] += 1 } }
                }
            }
            return local
        }
        var histogram = Histogram(binning: binning, collectsOverflow: true)
        for block in blocks {
            for i in block.indices where block[i] > 0 {
                histogram.counts[i] += block[i]
                histogram.sumOfSquaredWeights[i] += block[i]
            }
        }
        return histogram
    }
}

extension BackgroundToyGenerator {
    /// One detected background event: its component, deposited energy and reconstructed energy (MeV).
    public struct DetectedEvent: Sendable, Equatable {
        public var component: Int
        public var energyMeV: Double
        public var recoEnergyMeV: Double
    }

    /// The events of toy `seed` (the same streams and counts as `histogram(seed:)`), handed to
    /// `consume` component by component and block by block, in order; blocks of up to 2 × threads
    /// are sampled in parallel, so the sequence is the same for any thread count.
    public func forEachEvent(seed: UInt64, _ consume: (DetectedEvent) throws -> Void) rethrows {
        let counts = eventCounts(seed: seed)
        let components = self.components, blockSize = self.blockSize
        for (j, n) in counts.enumerated() {
            let blocks = (n + blockSize - 1) / blockSize
            var first = 0
            let window = max(1, 2 * threads)
            while first < blocks {
                let start = first, size = min(window, blocks - start)
                let batch: [[DetectedEvent]] = Parallel.map(size, threads: threads) { k in
                    let b = start + k
                    var events: [DetectedEvent] = []
                    let count = min(blockSize, n - b * blockSize)
                    events.reserveCapacity(count)
                    Self.forEachChunk(of: components[j].sampler, seed: Self.componentSeed(seed, j), block: b, events: count) { e, reco in
                        for i in e.indices { events.append(DetectedEvent(component: j, energyMeV: e[i], recoEnergyMeV: reco[i])) }
                    }
                    return events
                }
                for events in batch { for e in events { try consume(e) } }
                first += size
            }
        }
    }
}
