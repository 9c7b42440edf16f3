/// Shard K of N of a toy run: the toy indices k with k mod N = K (strided, so every shard
/// gets the same mix of indices and shards finish together). Merging all N shards, sorted by
/// index, reproduces the unsharded run exactly because toy k always uses stream (S, k).
public struct ToyShard: Sendable, Equatable, CustomStringConvertible {
    /// K, 0 ≤ K < N.
    public var index: Int
    /// N ≥ 1.
    public var count: Int

    public init(index: Int, count: Int) throws(StatisticsError) {
        guard count >= 1, index >= 0, index < count else {
            throw StatisticsError("a shard is K/N with N ≥ 1 and 0 ≤ K < N, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "K/N".
    public init(parsing text: String) throws(StatisticsError) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw StatisticsError("a shard is written K/N (e.g. 3/8), got '\(text)'")
        }
        try self.init(index: k, count: n)
    }

    /// The whole run.
    public static let all = try! ToyShard(index: 0, count: 1)

    /// The toy indices of this shard among `totalToys` toys numbered from `firstIndex`.
    public func indices(totalToys: Int, firstIndex: UInt64 = 0) -> [UInt64] {
        stride(from: index, to: totalToys, by: count).map { firstIndex + UInt64($0) }
    }

    public var description: String { "\(index)/\(count)" }
}
