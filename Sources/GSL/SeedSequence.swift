/// Derives independent 64-bit words from a master seed and a stream index with SplitMix64
/// (Steele, Lea & Flood, OOPSLA 2014), the generator that Java's SplittableRandom and
/// Vigna's xoshiro reference code use to seed other generators.
///
/// Every random stream in nue is identified by `(masterSeed, index)`: a toy, an event block or
/// a shard derives its own stream, so results do not depend on the thread count or sharding.
public struct SeedSequence: Sendable {
    private var state: UInt64

    public init(masterSeed: UInt64, index: UInt64) {
        // Mix the two inputs through separate SplitMix64 finalizers so that (s, i) and (i, s)
        // and neighbouring indices give unrelated sequences.
        state = SeedSequence.mix(masterSeed &+ 0x9E37_79B9_7F4A_7C15)
            ^ SeedSequence.mix(index &* 0xD1B5_4A32_D192_ED03 &+ 0x8CB9_2BA7_2F3D_8DD7)
    }

    /// The SplitMix64 finalizer: a bijection of 64-bit words with full avalanche.
    @inlinable
    public static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64-bit word.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeedSequence.mix(state)
    }
}
