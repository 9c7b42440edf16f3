extension ToySummary {
    /// Collects a toy run's summary toy by toy without keeping the toys: 8 bytes (one Double)
    /// per toy with a finite upper limit, plus two counters. The quantiles are exact (the
    /// limits are sorted once, in place, by `finish`), so streaming gives the same summary as
    /// `ToySummary(results:)` on the whole array.
    public struct Accumulator: Sendable {
        /// Memory per toy, bytes.
        public static let bytesPerToy = MemoryLayout<Double>.stride
        private var limits: [Double] = []
        private var toys = 0
        private var failed = 0

        /// `expectedToys` reserves the array once (pages are touched only as limits arrive).
        public init(expectedToys: Int = 0) { limits.reserveCapacity(expectedToys) }

        public mutating func add(_ toy: ToyResult) {
            toys += 1
            if toy.status != .failed && toy.upperLimit.isFinite { limits.append(toy.upperLimit) } else { failed += 1 }
        }

        /// Toys added so far.
        public var count: Int { toys }

        /// The summary (sorts the collected limits in place).
        public mutating func finish() -> ToySummary {
            limits.sort()
            return ToySummary(toys: toys, failedFits: failed, sortedLimits: limits)
        }
    }
}
