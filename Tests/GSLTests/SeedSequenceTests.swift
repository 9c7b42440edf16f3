import Testing
@testable import GSL

@Suite struct SeedSequenceTests {
    /// SplitMix64 reference: seed 0 gives 0xE220A8397B1DCDAF as its first output
    /// (Vigna's splitmix64.c), i.e. mix(0x9E3779B97F4A7C15).
    @Test func splitMixFinalizerMatchesReference() {
        #expect(SeedSequence.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)
    }

    @Test func seedAndIndexAreNotInterchangeable() {
        var a = SeedSequence(masterSeed: 1, index: 2), b = SeedSequence(masterSeed: 2, index: 1)
        #expect(a.next() != b.next())
    }
}
