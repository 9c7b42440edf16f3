import CGSL
import GSL

extension DetectedEnergySampler {
    /// Events per batch of `sample(count:stream:energies:recoEnergies:)`.
    public static let batchSize = 256

    /// `count` detected events, E to `energies[0..<count]` and E_reco to `recoEnergies[0..<count]`
    /// (MeV): the law of `sample(stream:)`, drawn in batches of up to `batchSize` events. Per batch of
    /// m events the 3m words of the alias draws, positions and first Gaussian draws are read at once
    /// (`RandomStream.fillWords`), and loops without data-dependent branches compute each event's
    /// entry, E, σ(E') and core Gaussian; the few events that need more (a cap's density test, a
    /// ziggurat wedge or tail, a first E_reco below threshold) are then completed one by one, in
    /// event order, with further words from `stream`. The events depend on the stream and on `count`
    /// (where batches end): the same calls give the same events.
    @inlinable
    public func sample(count: Int, stream: RandomStream, energies: UnsafeMutablePointer<Double>,
                       recoEnergies: UnsafeMutablePointer<Double>) {
        let batch = Self.batchSize
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 3 * batch) { wordBuffer in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: batch) { pendingBuffer in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: batch) { capBuffer in
                    let words = wordBuffer.baseAddress!, pending = pendingBuffer.baseAddress!, cap = capBuffer.baseAddress!
                    var done = 0
                    while done < count {
                        let m = min(batch, count - done)
                        stream.fillWords(words, count: 3 * m)
                        sampleBatch(m, words: words, cap: cap, pending: pending, stream: stream, energies: energies + done,
                                    recoEnergies: recoEnergies + done)
                        done += m
                    }
                }
            }
        }
    }

    /// m events from their alias words `words[0..<m]`, position words `words[m..<2m]` and first
    /// Gaussian words `words[2m..<3m]`, in two passes whose steps do not wait on one another across
    /// events (so the processor overlaps many events): E and whether its entry is a cap; then, two
    /// events at a time, σ(E') (one vector square root) and E_reco from the core Gaussian. Events that
    /// need more are listed in `pending` and completed afterwards.
    @inlinable
    func sampleBatch(_ m: Int, words: UnsafeMutablePointer<UInt32>, cap: UnsafeMutablePointer<UInt8>,
                     pending: UnsafeMutablePointer<Int32>, stream: RandomStream,
                     energies: UnsafeMutablePointer<Double>, recoEnergies reco: UnsafeMutablePointer<Double>) {
        if lineCount == 0 {
            depositedEnergies(m, words: words, lines: false, cap: cap, energies: energies)
        } else {
            depositedEnergies(m, words: words, lines: true, cap: cap, energies: energies)
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
        var incomplete = 0
        var i = 0
        while i + 1 < m {
            let t = SIMD2(energies[i], energies[i + 1])
            let e = identity ? t : SIMD2(map(t[0]), map(t[1]))
            let sigma = cgsl_square_root2(a2 * e + b2 * e * e + c2)
            let g0 = gaussian.core(word: gaussians[i]), g1 = gaussian.core(word: gaussians[i + 1])
            let x = e + sigma * SIMD2(g0.value, g1.value)
            reco[i] = x[0]
            reco[i + 1] = x[1]
            pending[incomplete] = Int32(truncatingIfNeeded: i)
            incomplete &+= Int(cap[i]) | (g0.accepted ? 0 : 1) | (x[0] >= thr ? 0 : 1)
            pending[incomplete] = Int32(truncatingIfNeeded: i + 1)
            incomplete &+= Int(cap[i + 1]) | (g1.accepted ? 0 : 1) | (x[1] >= thr ? 0 : 1)
            i += 2
        }
        if i < m {
            let e = identity ? energies[i] : map(energies[i])
            let g = gaussian.core(word: gaussians[i])
            let x = e + cgsl_square_root(a2 * e + b2 * e * e + c2) * g.value
            reco[i] = x
            pending[incomplete] = Int32(truncatingIfNeeded: i)
            incomplete &+= Int(cap[i]) | (g.accepted ? 0 : 1) | (x >= thr ? 0 : 1)
        }
        for q in 0..<incomplete {
            let i = Int(pending[q])
            complete(i, entryWord: words[i], gaussianWord: gaussians[i], stream: stream, energies: energies, recoEnergies: reco)
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
        let e = response.visibleEnergy(trueEnergyMeV: energies[i])
        if response.resolution.isPerfect {
            reco[i] = e
            return
        }
        let sigma = response.resolution.sigmaMeV(at: e)
        let core = gaussian.core(word: gaussianWord)
        let x = e + sigma * (core.accepted ? core.value : gaussian.sample(firstWord: gaussianWord, stream: stream))
        reco[i] = x >= response.thresholdMeV ? x : redrawnAboveThreshold(visibleEnergyMeV: e, sigmaMeV: sigma, stream: stream)
    }
}
