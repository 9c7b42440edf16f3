import Dispatch
import Foundation
import GSL
import Parallel

/// Generates and simulates events in blocks with constant memory. Block b draws from its own
/// `RandomStream(seed: seed, index: b)`: generation first, then the detector, in event order;
/// blocks run concurrently (`Parallel.forEach`, a window of 2 × threads blocks at a
/// time) and are handed to the consumer in block order, so the output is identical for any
/// thread count.
public struct EventPipeline: Sendable {
    public let generator: EventGenerator
    public let simulator: DetectorSimulator
    /// Generated events per block.
    public let blockSize: Int
    public let threads: Int

    public init(generator: EventGenerator, simulator: DetectorSimulator, blockSize: Int = 32_768, threads: Int = 1) {
        self.generator = generator
        self.simulator = simulator
        self.blockSize = max(1, blockSize)
        self.threads = max(1, threads)
    }

    /// What a run did.
    public struct Summary: Sendable, Equatable {
        /// Events generated (true interactions in the generation region).
        public var generated: Int = 0
        /// Events that passed threshold and efficiency, among those handed to the consumer.
        public var detected: Int = 0
        /// Σ weight of detected events.
        public var detectedWeight: Double = 0
        /// Proposals above their cell bound (must be 0 for exact sampling).
        public var boundViolations: Int = 0
        /// Blocks processed.
        public var blocks: Int = 0
    }

    final class Slot: @unchecked Sendable {
        let stream: RandomStream
        var events: [Event] = []
        var violations = 0
        var detected = 0
        var detectedWeight = 0.0
        init(seed: UInt64) { stream = RandomStream(seed: seed, index: 0) }
    }

    /// Generates `total` events (all of them, detected or not) in blocks and calls `consume`
    /// with each block in order; `consume` returns false to stop early.
    @discardableResult
    public func run(seed: UInt64, events total: Int, consume: (ArraySlice<Event>) throws -> Bool) rethrows -> Summary {
        var summary = Summary()
        let blockCount = (total + blockSize - 1) / blockSize
        let window = threads == 1 ? 1 : 2 * threads
        let slots = (0..<window).map { _ in Slot(seed: seed) }
        let generator = self.generator, simulator = self.simulator, blockSize = self.blockSize
        var first = 0
        while first < blockCount {
            let n = min(window, blockCount - first)
            let start = first
            let work: @Sendable (Int) -> Void = { k in
                let b = start + k
                let slot = slots[k]
                slot.stream.reseed(seed: seed, index: UInt64(b))
                let count = min(blockSize, total - b * blockSize)
                let stream = slot.stream
                var events = slot.events
                slot.events = []
                var detected = 0, weight = 0.0
                slot.violations = generator.sample(count: count, stream: stream, into: &events) { event in
                    simulator.simulate(&event, stream: stream)
                    if event.detected {
                        detected += 1
                        weight += event.weight
                    }
                }
                slot.events = events
                slot.detected = detected
                slot.detectedWeight = weight
            }
            Parallel.forEach(n, threads: threads, work)
            for k in 0..<n {
                let slot = slots[k]
                summary.blocks += 1
                summary.generated += slot.events.count
                summary.boundViolations += slot.violations
                summary.detected += slot.detected
                summary.detectedWeight += slot.detectedWeight
                if try !consume(slot.events[...]) { return summary }
            }
            first += n
        }
        return summary
    }

    /// Detected events only, until exactly `count` have been passed to `consume` (in block order).
    /// `Summary.generated` counts every event of the blocks run (the last block is finished).
    @discardableResult
    public func runDetected(seed: UInt64, count: Int, consume: (Event) throws -> Void) rethrows -> Summary {
        var remaining = count
        var weight = 0.0
        guard count > 0 else { return Summary() }
        var summary = try run(seed: seed, events: Int.max / 2) { block in
            for e in block where e.detected {
                try consume(e)
                weight += e.weight
                remaining -= 1
                if remaining == 0 { return false }
            }
            return true
        }
        summary.detected = count
        summary.detectedWeight = weight
        return summary
    }
}
