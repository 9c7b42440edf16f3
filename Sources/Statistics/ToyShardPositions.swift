/// The toy indices of one shard, in order, without storing them: position p holds
/// firstIndex + K + p·N (p < count). Iterating a shard of 10⁹ toys costs no memory.
public struct ToyShardPositions: Sendable, IteratorProtocol {
    public let firstIndex: UInt64
    public let shard: ToyShard
    /// Toys in this shard.
    public let count: Int
    /// The next position `next()` returns.
    public private(set) var position = 0

    public init(totalToys: Int, shard: ToyShard, firstIndex: UInt64 = 0) {
        self.firstIndex = firstIndex
        self.shard = shard
        count = totalToys > shard.index ? (totalToys - shard.index + shard.count - 1) / shard.count : 0
    }

    public init(header: ToyFileHeader) {
        self.init(totalToys: header.totalToys, shard: header.shard, firstIndex: header.firstIndex)
    }

    /// The toy index at `position` (0 ≤ position < count).
    public func index(at position: Int) -> UInt64 {
        firstIndex + UInt64(shard.index) + UInt64(position) * UInt64(shard.count)
    }

    public mutating func next() -> UInt64? {
        guard position < count else { return nil }
        defer { position += 1 }
        return index(at: position)
    }
}
