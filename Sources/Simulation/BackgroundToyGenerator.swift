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
            let sampler = components[task.component].sampler
            let stream = RandomStream(seed: Self.componentSeed(seed, task.component), index: UInt64(task.block))
            var local = [Double](repeating: 0, count: edges.count - 1)
            local.withUnsafeMutableBufferPointer { counts in
                if let fastBins {
                    fastBins.edges.withUnsafeBufferPointer { e in
                        for _ in 0..<task.events {
                            if let i = fastBins.index(of: sampler.sample(stream: stream).recoEnergyMeV, edges: e) { counts[i] += 1 }
                        }
                    }
                } else {
                    for _ in 0..<task.events {
                        if let i = Binning.indexWithOverflow(of: sampler.sample(stream: stream).recoEnergyMeV, edges: edges) { counts[i] += 1 }
                    }
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
                    let stream = RandomStream(seed: Self.componentSeed(seed, j), index: UInt64(b))
                    let count = min(blockSize, n - b * blockSize)
                    let sampler = components[j].sampler
                    return (0..<count).map { _ in
                        let (e, reco) = sampler.sample(stream: stream)
                        return DetectedEvent(component: j, energyMeV: e, recoEnergyMeV: reco)
                    }
                }
                for events in batch { for e in events { try consume(e) } }
                first += size
            }
        }
    }
}

/// The overflow-bin index for equal-width edges in O(1): ⌊(x − e₀)/w⌋ corrected by one
/// comparison each way, so it agrees with `Binning.indexWithOverflow` exactly.
struct UniformBins: Sendable {
    let edges: [Double]
    let lower: Double, inverseWidth: Double

    /// nil when the edges are not equally spaced to 10⁻⁹ of a bin.
    init?(edges: [Double]) {
        guard edges.count >= 2 else { return nil }
        let w = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        for i in 1..<edges.count where abs(edges[i] - edges[i - 1] - w) > 1e-9 * w { return nil }
        self.edges = edges
        lower = edges[0]
        inverseWidth = 1 / w
    }

    func index(of x: Double) -> Int? {
        edges.withUnsafeBufferPointer { index(of: x, edges: $0) }
    }

    /// `index(of:)` reading the edges through a buffer the caller holds (the event loop).
    @inline(__always)
    func index(of x: Double, edges e: UnsafeBufferPointer<Double>) -> Int? {
        guard x >= lower else { return nil }
        let last = e.count - 2
        let q = (x - lower) * inverseWidth
        var i = q >= Double(last) ? last : Int(q)
        if i < last, x >= e[i + 1] { i += 1 }
        if i > 0, x < e[i] { i -= 1 }
        return i
    }
}
