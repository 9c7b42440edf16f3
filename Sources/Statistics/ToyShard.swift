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

    /// Parses "K/N". Both are read as numbers first, so "1e30/2" or "inf/2" is refused with the
    /// allowed range instead of overflowing: N in 1…`maximumCount`, K in 0…N−1.
    public init(parsing text: String) throws(StatisticsError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Double(parts[0]), let n = Double(parts[1]) else {
            throw StatisticsError("a shard is written K/N (e.g. 3/8), got '\(text)'")
        }
        guard n.isFinite, n == n.rounded(), n >= 1, n <= Double(Self.maximumCount) else {
            throw StatisticsError("the shard count N in K/N must be a whole number in 1…\(Self.maximumCount), got '\(parts[1])'")
        }
        guard k.isFinite, k == k.rounded(), k >= 0, k < n else {
            throw StatisticsError("the shard index K in K/N must be a whole number in 0…\(Int(n) - 1), got '\(parts[0])'")
        }
        try self.init(index: Int(k), count: Int(n))
    }

    /// The largest N: 10⁹ (a shard per toy at most).
    public static let maximumCount = 1_000_000_000

    /// The whole run.
    public static let all = try! ToyShard(index: 0, count: 1)

    /// The toy indices of this shard among `totalToys` toys numbered from `firstIndex`.
    public func indices(totalToys: Int, firstIndex: UInt64 = 0) -> [UInt64] {
        stride(from: index, to: totalToys, by: count).map { firstIndex + UInt64($0) }
    }

    public var description: String { "\(index)/\(count)" }
}
