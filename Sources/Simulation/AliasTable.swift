/// Walker's alias method with Vose's stable construction (Vose, IEEE TSE 17, 972 (1991)):
/// O(1) sampling of an index with probability ∝ weight from one uniform number. Immutable after
/// construction (storage in a manually managed buffer so the event loop reads it without
/// reference counting or bounds checks); safe to share between threads.
public final class AliasTable: @unchecked Sendable {
    public let count: Int
    @usableFromInline let threshold: UnsafeMutablePointer<Double>
    @usableFromInline let alias: UnsafeMutablePointer<Int32>
    @usableFromInline let scale: Double
    /// Per column, for `index(word:)`: the threshold as an integer T = ⌈threshold · 2³²⌉ in the high
    /// 32 bits and the index taken when the word's remainder is not below it in the low 32 bits
    /// (the column itself when T would reach 2³²).
    @usableFromInline let column: UnsafeMutablePointer<UInt64>

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
        column = .allocate(capacity: n)
        for k in 0..<n {
            let t = (threshold[k] * 0x1p32).rounded(.up)
            column[k] = t >= 0x1p32 ? UInt64(0xFFFF_FFFF) << 32 | UInt64(k) : UInt64(t) << 32 | UInt64(alias[k])
        }
    }

    deinit {
        threshold.deallocate()
        alias.deallocate()
        column.deallocate()
    }

    /// The index for a uniform u ∈ [0, 1): column ⌊u n⌋, kept if the fractional part is below its
    /// threshold, else its alias.
    @inlinable
    public func index(uniform u: Double) -> Int {
        let x = u * scale
        let k = min(Int(x), count - 1)
        return x - Double(k) < threshold[k] ? k : Int(alias[k])
    }

    /// The index for a 32-bit word w (uniform u = w/2³²), without a data-dependent branch: the
    /// column c = ⌊w n/2³²⌋ and the remainder ρ = w n − c·2³² from one 64-bit product, c kept when
    /// ρ < T_c, else its alias. The same index as `index(uniform: w/2³²)` (ρ/2³² is that fractional
    /// part exactly, and ρ < ⌈t·2³²⌉ ⇔ ρ < t·2³² for integer ρ).
    @inlinable @inline(__always)
    public func index(word: UInt32) -> Int {
        let product = UInt64(word) &* UInt64(truncatingIfNeeded: count)
        let c = Int(truncatingIfNeeded: product >> 32)
        let entry = column[c]
        // 1 when ρ < T (both below 2³², so the difference wraps past 2⁶³ exactly then).
        let keep = ((product & 0xFFFF_FFFF) &- (entry >> 32)) >> 63
        let other = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
        return other ^ ((c ^ other) & -Int(truncatingIfNeeded: keep))
    }

    /// The probability of index k implied by the table: (threshold_k + Σ_{j: alias_j = k} (1 − threshold_j)) / n.
    public func probability(_ k: Int) -> Double {
        var p = threshold[k]
        for j in 0..<count where j != k && Int(alias[j]) == k { p += 1 - threshold[j] }
        return p / scale
    }
}
