import CKernels
import GSL

/// Four independent xoshiro256++ generators (Blackman & Vigna, "Scrambled linear pseudorandom
/// number generators", ACM Trans. Math. Softw. 47, 36 (2021)) run side by side in vector lanes
/// (`nue_xoshiro_fill`, with AVX2 where the processor has it: the same words): 32-bit words in bulk
/// at a fraction of mt19937's cost, for the exact background sampler's proposals
/// (`DetectedEnergySampler.histogram(events:…)`; docs/physics.md §8.9). Per lane and step: output
/// rotl(s₀ + s₃, 23) + s₀, then the xoshiro256 state transition; period 2²⁵⁶ − 1 per lane; the
/// generator passes BigCrush (the authors' tests).
///
/// Seeding: the 16 state words (four per lane) are the first 16 words of `SeedSequence(masterSeed:
/// seed, index: index)` (SplitMix64, as the authors recommend); a lane left all zero (probability
/// 2⁻²⁵⁶) is given a fixed non-zero word. A step yields eight words: lane 0's output's low and high
/// halves, then lane 1's, …; `fill` discards a step's unused words, so the words depend on the
/// counts asked for, and the same calls give the same words.
public struct XoshiroLanes: Sendable {
    /// s₀[4], s₁[4], s₂[4], s₃[4].
    var state: [UInt64]

    public init(seed: UInt64, index: UInt64) {
        var words = SeedSequence(masterSeed: seed, index: index)
        var state = [UInt64](repeating: 0, count: 16)
        for lane in 0..<4 {
            for k in 0..<4 { state[4 * k + lane] = words.next() }
            if (0..<4).allSatisfy({ state[4 * $0 + lane] == 0 }) { state[lane] = 0x9E37_79B9_7F4A_7C15 }
        }
        self.state = state
    }

    /// Whether `fill` uses AVX2 where the processor has it (the same words either way).
    public var vectorized = DetectedEnergySampler.avx2

    /// Writes `count` words to `words` (⌈count/8⌉ steps).
    public mutating func fill(_ words: UnsafeMutablePointer<UInt32>, count: Int) {
        let avx2: Int32 = vectorized && DetectedEnergySampler.avx2 ? 1 : 0
        guard count > 0 else { return }
        let whole = count / 8
        state.withUnsafeMutableBufferPointer { s in
            if whole > 0 { nue_xoshiro_fill(s.baseAddress!, words, Int64(whole), avx2) }
            if count > 8 * whole {
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { last in
                    nue_xoshiro_fill(s.baseAddress!, last.baseAddress!, 1, avx2)
                    for j in 0..<(count - 8 * whole) { words[8 * whole + j] = last[j] }
                }
            }
        }
    }
}
