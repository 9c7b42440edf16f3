import CGSL

/// A seeded GSL random-number generator owned by one task (`gsl_rng` is mutable C state: never
/// share a stream between threads; derive one per task from `(masterSeed, index)`).
///
/// Seeding: for mt19937 (the default) all 624 state words are filled from a `SeedSequence`,
/// so streams are distinct for all 2⁶⁴ × 2⁶⁴ (seed, index) pairs — GSL's own `gsl_rng_set`
/// keeps only 32 bits of the seed, which makes collisions likely among ~10⁵ toys. ranlxd2
/// (Lüscher's RANLUX, luxury level 2) takes a 32-bit seed derived the same way.
///
/// Speed: for mt19937, `uniform()`, `uniformPositive()`, `nextWord()` and `discrete(_:)` read
/// GSL's own state through inline functions in `shim.h` (tempering as GSL's `mt_get`, a
/// branch-free refill of the 624 words), giving the same numbers as `gsl_rng_get`,
/// `gsl_rng_uniform`, `gsl_rng_uniform_pos` and `gsl_ran_discrete` bit for bit
/// (`FastMT19937Tests` checks this against GSL across ~130 refills, interleaved with GSL's samplers).
public final class RandomStream {
    public enum Algorithm: String, Sendable, CaseIterable {
        case mt19937
        case ranlxd2
    }

    public let algorithm: Algorithm
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// The mt19937 state (nil for other algorithms): `uniform()` reads it directly
    /// (`cgsl_mt19937_uniform`, the same numbers as `gsl_rng_uniform`, one call layer less).
    @usableFromInline let mtState: UnsafeMutablePointer<cgsl_mt19937_state>?

    public init(seed: UInt64, index: UInt64 = 0, algorithm: Algorithm = .mt19937) {
        GSLRuntime.prepare()
        self.algorithm = algorithm
        let type: UnsafePointer<gsl_rng_type>
        switch algorithm {
        case .mt19937: type = cgsl_rng_mt19937()
        case .ranlxd2: type = cgsl_rng_ranlxd2()
        }
        guard let r = gsl_rng_alloc(type) else { fatalError("gsl_rng_alloc: out of memory") }
        rng = r
        mtState = algorithm == .mt19937 ? gsl_rng_state(r)!.assumingMemoryBound(to: cgsl_mt19937_state.self) : nil
        reseed(seed: seed, index: index)
    }

    deinit { gsl_rng_free(rng) }

    /// Restarts the stream at `(seed, index)` without reallocating.
    public func reseed(seed: UInt64, index: UInt64) {
        var words = SeedSequence(masterSeed: seed, index: index)
        switch algorithm {
        case .mt19937:
            let state = gsl_rng_state(rng)!.assumingMemoryBound(to: cgsl_mt19937_state.self)
            withUnsafeMutableBytes(of: &state.pointee.mt) { raw in
                let mt = raw.bindMemory(to: UInt.self)
                var anyNonZero = false
                for k in 0..<624 {
                    let w = UInt(truncatingIfNeeded: words.next() & 0xFFFF_FFFF)
                    mt[k] = w
                    if w != 0 { anyNonZero = true }
                }
                if !anyNonZero { mt[0] = 0x8000_0000 }
            }
            state.pointee.mti = 624
        case .ranlxd2:
            var s = UInt(truncatingIfNeeded: words.next() & 0x7FFF_FFFF)
            if s == 0 { s = 1 }
            gsl_rng_set(rng, s)
        }
    }

    /// Uniform in [0, 1).
    @inlinable public func uniform() -> Double {
        if let mtState { return cgsl_mt19937_uniform(mtState) }
        return gsl_rng_uniform(rng)
    }

    /// Uniform in (0, 1).
    @inlinable public func uniformPositive() -> Double {
        if let mtState {
            var x: Double
            repeat { x = cgsl_mt19937_uniform(mtState) } while x == 0
            return x
        }
        return gsl_rng_uniform_pos(rng)
    }

    /// Gaussian with mean 0 and standard deviation `sigma` (Marsaglia–Tsang ziggurat).
    @inlinable public func gaussian(sigma: Double = 1) -> Double { gsl_ran_gaussian_ziggurat(rng, sigma) }

    /// Poisson-distributed count with mean `mean` ≥ 0.
    @inlinable public func poisson(mean: Double) -> UInt32 {
        mean > 0 ? gsl_ran_poisson(rng, mean) : 0
    }

    /// Binomial count of `trials` with success probability `probability` ∈ [0, 1] (GSL's BTPE,
    /// Kachitvichyanukul & Schmeiser 1988).
    @inlinable public func binomial(probability: Double, trials: UInt32) -> UInt32 {
        trials == 0 || probability <= 0 ? 0 : probability >= 1 ? trials : gsl_ran_binomial(rng, probability, trials)
    }

    /// The raw 32-bit output of the generator.
    @inlinable public func nextWord() -> UInt {
        if let mtState { return cgsl_mt19937_get(mtState) }
        return gsl_rng_get(rng)
    }

    /// The next `count` raw 32-bit words, in order (what `count` calls of `nextWord()` return),
    /// written to `words`. For mt19937 the words are tempered in bulk from GSL's state
    /// (`cgsl_mt19937_fill`); a uniform in [0, 1) is word × 2⁻³², as `uniform()`.
    @inlinable public func fillWords(_ words: UnsafeMutablePointer<UInt32>, count: Int) {
        if let mtState {
            cgsl_mt19937_fill(mtState, words, count)
            return
        }
        for k in 0..<count { words[k] = UInt32(truncatingIfNeeded: gsl_rng_get(rng)) }
    }

    /// Index drawn from a preprocessed discrete distribution (Walker's alias method).
    /// For mt19937 the table lookup is done here (one call layer and GSL's own uniform call
    /// less), reading the table exactly as `gsl_ran_discrete` does: c = ⌊u K⌋, c if u < F[c]
    /// (or F[c] = 1), else A[c] — the same index for the same uniform.
    @inlinable public func discrete(_ table: DiscreteDistribution) -> Int {
        if let mtState {
            let g = table.table
            let u = cgsl_mt19937_uniform(mtState)
            let c = Int(u * Double(g.pointee.K))
            let f = g.pointee.F[c]
            if f == 1.0 || u < f { return c }
            return Int(g.pointee.A[c])
        }
        return Int(gsl_ran_discrete(rng, table.table))
    }
}
