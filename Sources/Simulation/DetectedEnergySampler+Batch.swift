import CGSL
import GSL

extension DetectedEnergySampler {
    /// Events per batch of `sample(count:stream:energies:recoEnergies:)`.
    public static let batchSize = 256
    /// Events whose words are read from the stream at once (four batches: 3072 words, most of them
    /// tempered as the state is refilled).
    public static let poolSize = 1024

    /// `count` detected events, E to `energies[0..<count]` and E_reco to `recoEnergies[0..<count]`
    /// (MeV): the law of `sample(stream:)`, drawn in batches of up to `batchSize` events. The words of
    /// up to `poolSize` events are read at once (`RandomStream.fillWords`), three per event: per batch
    /// of m events, m for the alias draws, m for the positions, m for the first Gaussians. Loops
    /// without data-dependent branches compute each event's entry, E, σ(E') and core Gaussian; the
    /// few events that need more (a cap's density test, a ziggurat wedge or tail, a first E_reco below
    /// threshold) are then completed one by one, in event order, with further words from `stream`
    /// (after the pool's). The events depend on the stream and on `count` (where pools and batches
    /// end): the same calls give the same events.
    @inlinable
    public func sample(count: Int, stream: RandomStream, energies: UnsafeMutablePointer<Double>,
                       recoEnergies: UnsafeMutablePointer<Double>) {
        let batch = Self.batchSize, pool = Self.poolSize
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 3 * pool) { wordBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: batch + 8) { flagBuffer in
                let words = wordBuffer.baseAddress!, flags = flagBuffer.baseAddress!
                var done = 0
                while done < count {
                    let p = min(pool, count - done)
                    stream.fillWords(words, count: 3 * p)
                    var first = 0
                    while first < p {
                        let m = min(batch, p - first)
                        sampleBatch(m, words: words + 3 * first, flags: flags, stream: stream, energies: energies + done + first,
                                    recoEnergies: recoEnergies + done + first)
                        first += m
                    }
                    done += p
                }
            }
        }
    }

    /// m events from their alias words `words[0..<m]`, position words `words[m..<2m]` and first
    /// Gaussian words `words[2m..<3m]`, in two passes whose steps do not wait on one another across
    /// events (so the processor overlaps many events): E, and `flags[i]` = 1 when its entry is a cap;
    /// then, two events at a time, σ(E') (one vector square root) and E_reco from the core Gaussian,
    /// `flags[i]` set when the core test fails or E_reco < thr. Flagged events are then completed in
    /// order (found eight flags at a time: `flags` holds m + 8 bytes).
    @inlinable
    func sampleBatch(_ m: Int, words: UnsafeMutablePointer<UInt32>, flags: UnsafeMutablePointer<UInt8>, stream: RandomStream,
                     energies: UnsafeMutablePointer<Double>, recoEnergies reco: UnsafeMutablePointer<Double>) {
        if lineCount == 0 {
            depositedEnergies(m, words: words, lines: false, cap: flags, energies: energies)
        } else {
            depositedEnergies(m, words: words, lines: true, cap: flags, energies: energies)
        }
        let gaussian = self.gaussian, gaussians = words + 2 * m
        let map = response.energyMap, identity = map.isIdentity
        let resolution = response.resolution
        // A perfect resolution has σ = 0, so E_reco = E' + 0 · z = E' with no threshold test (`complete`
        // then only finishes a cap or a ziggurat draw).
        let thr = resolution.isPerfect ? -Double.infinity : response.thresholdMeV
        // σ(E') as `EnergyResolution.sigmaMeV`: the same operations in the same order, √ correctly rounded.
        let a2 = resolution.stochastic * resolution.stochastic, b2 = resolution.constant * resolution.constant
        let c2 = resolution.noiseMeV * resolution.noiseMeV
        var i = 0
        while i + 1 < m {
            let t = SIMD2(energies[i], energies[i + 1])
            let e = identity ? t : SIMD2(map(t[0]), map(t[1]))
            let sigma = cgsl_square_root2(a2 * e + b2 * e * e + c2)
            let g0 = gaussian.core(word: gaussians[i]), g1 = gaussian.core(word: gaussians[i + 1])
            let x = e + sigma * SIMD2(g0.value, g1.value)
            reco[i] = x[0]
            reco[i + 1] = x[1]
            flags[i] |= (g0.accepted ? 0 : 1) | (x[0] >= thr ? 0 : 1)
            flags[i + 1] |= (g1.accepted ? 0 : 1) | (x[1] >= thr ? 0 : 1)
            i += 2
        }
        if i < m {
            let e = identity ? energies[i] : map(energies[i])
            let g = gaussian.core(word: gaussians[i])
            let x = e + cgsl_square_root(a2 * e + b2 * e * e + c2) * g.value
            reco[i] = x
            flags[i] |= (g.accepted ? 0 : 1) | (x >= thr ? 0 : 1)
        }
        (flags + m).initialize(repeating: 0, count: 8)
        var block = 0
        while block < m {
            // Flags are 0 or 1: read as one little-endian word, flag j is bit 8j.
            var set = UInt64(littleEndian: UnsafeRawPointer(flags + block).loadUnaligned(as: UInt64.self))
            while set != 0 {
                let i = block + set.trailingZeroBitCount / 8
                complete(i, entryWord: words[i], gaussianWord: gaussians[i], stream: stream, energies: energies, recoEnergies: reco)
                set &= set &- 1
            }
            block += 8
        }
    }

    /// E of m events from their alias and position words, and `cap[i]` = 1 for a cap entry; `lines`
    /// (whether the table has lines) is a constant in each call, so the loop for samplers without
    /// lines does not carry the line selection.
    @inlinable @inline(__always)
    func depositedEnergies(_ m: Int, words: UnsafeMutablePointer<UInt32>, lines: Bool, cap: UnsafeMutablePointer<UInt8>,
                           energies: UnsafeMutablePointer<Double>) {
        let alias = self.alias, positions = words + m
        let cells = cellCount, a = lowerEdge, h = width
        for i in 0..<m {
            let k = alias.index(word: words[i])
            let u = Double(positions[i]) * 0x1p-32
            energies[i] = lines ? energy(entry: k, uniform: u) : a + Double(k < cells ? k : k &- cells) * h + h * u
            cap[i] = isCap(k) ? 1 : 0
        }
    }

    /// Completes event i of a batch: a cap's test (a fresh E when it fails), then E_reco from the
    /// event's Gaussian word (the ziggurat's wedge or tail when its core test failed) and, below the
    /// threshold, `redrawnAboveThreshold`. The Gaussian word is independent of how E was drawn.
    @inlinable
    func complete(_ i: Int, entryWord: UInt32, gaussianWord: UInt32, stream: RandomStream, energies: UnsafeMutablePointer<Double>,
                  recoEnergies reco: UnsafeMutablePointer<Double>) {
        let k = alias.index(word: entryWord)
        if isCap(k), !capAccepts(k, energyMeV: energies[i], stream: stream) { energies[i] = depositedEnergy(stream: stream) }
        reco[i] = completedEvent(visibleEnergyMeV: response.visibleEnergy(trueEnergyMeV: energies[i]), gaussianWord: gaussianWord,
                                 stream: stream)
    }
}
