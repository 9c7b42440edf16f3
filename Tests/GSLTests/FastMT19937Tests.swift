import CGSL
import Testing
@testable import GSL

/// `RandomStream` reads mt19937 words from GSL's state with its own inline refill (shim.h).
/// These tests drive a twin stream only through GSL's own functions (`gsl_rng_get`,
/// `gsl_rng_uniform`, `gsl_rng_uniform_pos`, `gsl_ran_discrete`) and require the same numbers,
/// bit for bit, across many refills of the 624-word state and with GSL's own samplers
/// (Gaussian ziggurat, Poisson) drawing from the same state in between.
@Suite struct FastMT19937Tests {
    static let streams: [(seed: UInt64, index: UInt64)] = [(1, 0), (20261125, 7), (0, UInt64.max)]

    @Test(arguments: streams)
    func sameNumbersAsGSL(stream: (seed: UInt64, index: UInt64)) throws {
        let (seed, index) = stream
        let fast = RandomStream(seed: seed, index: index)
        let reference = RandomStream(seed: seed, index: index)
        let table = try DiscreteDistribution(weights: [0.5, 2, 0, 7, 1.25, 3])
        // 20 000 rounds × ≥ 4 words ≈ 130 refills of the state.
        for round in 0..<20_000 {
            #expect(fast.nextWord() == gsl_rng_get(reference.rng))
            #expect(fast.uniform() == gsl_rng_uniform(reference.rng))
            #expect(fast.uniformPositive() == gsl_rng_uniform_pos(reference.rng))
            #expect(fast.discrete(table) == Int(gsl_ran_discrete(reference.rng, table.table)))
            if round % 7 == 0 {
                // GSL's samplers consume the shared state through GSL's own code path.
                #expect(fast.gaussian(sigma: 1.5) == gsl_ran_gaussian_ziggurat(reference.rng, 1.5))
                #expect(fast.poisson(mean: 3.2) == gsl_ran_poisson(reference.rng, 3.2))
            }
        }
    }

    /// `fillWords` (bulk tempering and the four-lane refill) gives GSL's words in order: runs of 1 to
    /// 1500 words, across ~600 refills, interleaved with single draws, against `gsl_rng_get` on a twin.
    @Test(arguments: streams)
    func bulkWordsAreGSLWords(stream: (seed: UInt64, index: UInt64)) {
        let fast = RandomStream(seed: stream.seed, index: stream.index)
        let reference = RandomStream(seed: stream.seed, index: stream.index)
        let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: 1500)
        defer { buffer.deallocate() }
        var mismatches = 0
        for round in 0..<500 {
            let count = 1 + (round * 7919) % 1500
            fast.fillWords(buffer, count: count)
            for k in 0..<count where UInt(buffer[k]) != gsl_rng_get(reference.rng) { mismatches += 1 }
            if round % 3 == 0 { #expect(fast.nextWord() == gsl_rng_get(reference.rng)) }
        }
        #expect(mismatches == 0)
    }
}
