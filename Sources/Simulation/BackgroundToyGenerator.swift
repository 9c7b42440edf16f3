import GSL
import Parallel

/// Full-chain toy data of background components: for each component j a Poisson number of
/// *detected* events with mean b_j μ_j (μ_j its expected detected events, b_j a normalization,
/// 1 by default), each an exact draw of its `DetectedEnergySampler` (deposited energy, then the
/// reconstructed energy through the response), binned in reconstructed energy (the last bin
/// taking the overflow, as the templates). Exact event sampling, not binned Poisson shortcuts.
///
/// Streams: component j uses the master word w_j = `SeedSequence(masterSeed: seed, index: 2⁶³ + j)`;
/// its count comes from `RandomStream(seed: w_j, index: 2⁶⁴ − 1)`. `histogram` draws the events
/// entry by entry (`DetectedEnergySampler.histogram(events:seed:edges:threads:)`, on w_j);
/// `forEachEvent`, which hands out the events themselves in a random order, draws block b of
/// `blockSize` events from `RandomStream(seed: w_j, index: b)`. The two give the same counts per
/// component and the same law, not the same draws. Work runs in parallel and integer counts are
/// summed in a fixed order, so a toy is the same bytes for any thread count.
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
    /// `body` as (E, E_reco) buffers (`forEachEvent`'s blocks).
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

    /// One toy's background histogram in reconstructed energy: per component its Poisson count of
    /// detected events, drawn entry by entry (`DetectedEnergySampler.histogram(events:seed:edges:threads:)`,
    /// on the component's master word). The same law as the events of `forEachEvent(seed:)` and the
    /// same counts per component, not the same draws.
    public func histogram(seed: UInt64, normalizations: [Double]? = nil) -> Histogram {
        let counts = eventCounts(seed: seed, normalizations: normalizations)
        var histogram = Histogram(binning: binning, collectsOverflow: true)
        for (j, n) in counts.enumerated() where n > 0 {
            let component = components[j].sampler.histogram(events: n, seed: Self.componentSeed(seed, j), edges: binning.edges,
                                                            threads: threads)
            for i in component.indices where component[i] > 0 {
                histogram.counts[i] += Double(component[i])
                histogram.sumOfSquaredWeights[i] += Double(component[i])
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
