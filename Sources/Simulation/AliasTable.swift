/// Walker's alias method with Vose's stable construction (Vose, IEEE TSE 17, 972 (1991)):
/// O(1) sampling of an index with probability ∝ weight from one uniform number. Immutable after
/// construction (storage in a manually managed buffer so the event loop reads it without
/// reference counting or bounds checks); safe to share between threads.
public final class AliasTable: @unchecked Sendable {
    public let count: Int
    @usableFromInline let threshold: UnsafeMutablePointer<Double>
    @usableFromInline let alias: UnsafeMutablePointer<Int32>
    @usableFromInline let scale: Double

    /// - Parameter weights: finite, non-negative, not all zero.
    public init(weights: [Double]) throws(SimulationError) {
        let n = weights.count
        guard n > 0, n < Int(Int32.max) else { throw .invalidParameter(name: "alias table size", value: Double(n), requirement: "must be between 1 and 2³¹") }
        guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidParameter(name: "alias table weight", value: weights.first { !($0.isFinite && $0 >= 0) } ?? .nan,
                                    requirement: "weights must be finite and non-negative")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw .invalidParameter(name: "alias table total weight", value: total, requirement: "must be > 0") }
        count = n
        scale = Double(n)
        threshold = .allocate(capacity: n)
        alias = .allocate(capacity: n)
        var scaled = weights.map { $0 * Double(n) / total }
        var small: [Int] = [], large: [Int] = []
        for (k, w) in scaled.enumerated() { if w < 1 { small.append(k) } else { large.append(k) } }
        while let s = small.last, let l = large.last {
            small.removeLast()
            threshold[s] = scaled[s]
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 {
                large.removeLast()
                small.append(l)
            }
        }
        for k in large + small {
            threshold[k] = 1
            alias[k] = Int32(k)
        }
    }

    deinit {
        threshold.deallocate()
        alias.deallocate()
    }

    /// The index for a uniform u ∈ [0, 1): column ⌊u n⌋, kept if the fractional part is below its
    /// threshold, else its alias.
    @inlinable
    public func index(uniform u: Double) -> Int {
        let x = u * scale
        let k = min(Int(x), count - 1)
        return x - Double(k) < threshold[k] ? k : Int(alias[k])
    }

    /// The probability of index k implied by the table: (threshold_k + Σ_{j: alias_j = k} (1 − threshold_j)) / n.
    public func probability(_ k: Int) -> Double {
        var p = threshold[k]
        for j in 0..<count where j != k && Int(alias[j]) == k { p += 1 - threshold[j] }
        return p / scale
    }
}
