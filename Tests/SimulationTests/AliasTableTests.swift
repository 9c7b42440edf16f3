import GSL
import Testing
@testable import Simulation

/// `AliasTable.index(word:)`, the branch-free draw from one 32-bit word, against the weights it was
/// built from.
@Suite struct AliasTableTests {
    /// The exact probability of every index over all 2³² words: word w falls in column
    /// c = ⌊w n/2³²⌋, i.e. w ∈ [⌈c 2³²/n⌉, ⌈(c + 1) 2³²/n⌉); inside a column the index is c up to a
    /// boundary and the alias after it, the boundary found by bisection on `index(word:)` itself (and
    /// 64 words per column checked against it). |P_k − w_k/Σw| must stay below 2 × 2⁻³² per column
    /// touching k (a column's words are ⌊2³²/n⌋ or ⌈2³²/n⌉, its threshold rounded up to a whole word)
    /// plus 10⁻¹³ (Vose's arithmetic).
    @Test(arguments: [[1.0, 0, 3, 6, 0.5, 2.25, 1e-6], (0..<1000).map { Double(($0 * 7919) % 1009) + 0.125 }])
    func exactProbabilitiesEqualTheWeights(weights: [Double]) throws {
        let table = try AliasTable(weights: weights)
        let n = UInt64(weights.count), total = weights.reduce(0, +)
        var words = [UInt64](repeating: 0, count: weights.count)
        var columnsTouching = [Int](repeating: 0, count: weights.count)
        let stream = RandomStream(seed: 3)
        for c in 0..<n {
            let first = (c << 32 + n - 1) / n, end = ((c + 1) << 32 + n - 1) / n
            let own = Int(c), other = table.index(word: UInt32(end - 1))
            var lo = first, hi = end  // the first word whose index is not c (end if none)
            while lo < hi {
                let mid = (lo + hi) / 2
                if table.index(word: UInt32(mid)) == own { lo = mid + 1 } else { hi = mid }
            }
            for _ in 0..<64 {
                let w = first + UInt64(stream.nextWord()) % (end - first)
                #expect(table.index(word: UInt32(w)) == (w < lo ? own : other))
            }
            words[own] += lo - first
            if lo < end { words[other] += end - lo }
            columnsTouching[own] += 1
            if other != own { columnsTouching[other] += 1 }
        }
        for k in weights.indices {
            let p = Double(words[k]) * 0x1p-32, expected = weights[k] / total
            #expect(abs(p - expected) <= 2 * Double(columnsTouching[k]) * 0x1p-32 + 1e-13, "index \(k): \(p) vs \(expected)")
        }
        #expect(words.reduce(0, +) == 1 << 32)
    }

    /// The word draw and the uniform draw give the same index for the same number: at every column's
    /// first and last word, at the words next to each threshold, and at 10⁵ random words.
    @Test func wordAndUniformAgree() throws {
        let table = try AliasTable(weights: (0..<257).map { 1 + Double(($0 * 37) % 101) })
        let n = UInt64(table.count)
        var words: [UInt64] = []
        for c in 0..<n {
            let first = (c << 32 + n - 1) / n, end = ((c + 1) << 32 + n - 1) / n
            let boundary = first + UInt64(table.threshold[Int(c)] * Double(end - first))
            words += [first, end - 1] + (boundary > first + 2 ? [boundary - 2, boundary - 1, boundary, boundary + 1] : [])
        }
        let stream = RandomStream(seed: 8)
        words += (0..<100_000).map { _ in UInt64(stream.nextWord()) }
        for w in words where w < 1 << 32 {
            #expect(table.index(word: UInt32(w)) == table.index(uniform: Double(w) * 0x1p-32), "word \(w)")
        }
    }
}
