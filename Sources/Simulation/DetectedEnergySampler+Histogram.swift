import CKernels
import GSL
import Parallel

extension DetectedEnergySampler {
    /// Envelope entries per group of `histogram(events:…)`: the unit of parallel work and of streams.
    public static let entriesPerGroup = 64
    /// Bins a group counts in registers per entry (wider entries are binned event by event).
    static let localBins = 16
    /// Whether `histogram(events:…)` runs its inner loop with AVX2 by default (the processor has it);
    /// the counts are the same either way.
    public static let avx2 = nue_kernels_have_avx2() != 0

    /// The histogram in reconstructed energy (`edges`, the last bin taking the overflow, values below
    /// the first edge not counted) of `events` detected events, the law of `sample(stream:)` drawn
    /// entry by entry (docs/physics.md §8):
    ///
    /// 1. the `events` proposals are split among the envelope's entries (floors, caps, lines) by one
    ///    multinomial draw (conditional binomials, from `RandomStream(seed:, index: 2⁶⁴ − 2)`): the
    ///    counts of `events` independent alias draws, without drawing them one by one;
    /// 2. each entry's proposals are drawn in its cell (a floor's and a line's accepted at once, a
    ///    cap's tested against ρ·A), E_reco from the Gaussian as in `sample(stream:)`, and binned by
    ///    comparing E_reco with the few edges its entry can reach (E_reco of a core ziggurat draw is
    ///    within r·σ of E'); groups of `entriesPerGroup` entries run in parallel, group g taking the
    ///    floors' and lines' words (E, the first Gaussian word, then one word per batch's flagged
    ///    event for its wedge test) from `XoshiroLanes(seed:, index: g)` and every other word (caps,
    ///    restarts after a rejected wedge, the tail, redraws below the threshold) from
    ///    `RandomStream(seed:, index: g)`;
    /// 3. the rejected cap proposals are replaced by as many events of `sample(count:…)` (from
    ///    `RandomStream(seed:, index: 2⁶⁴ − 3)`): accepted proposals are independent draws of the
    ///    detected law whatever their number, so the histogram is that of `events` independent
    ///    detected events, exactly as when each is drawn by rejection.
    ///
    /// Integer counts per group are summed in group order: the same counts for any thread count.
    public func histogram(events: Int, seed: UInt64, edges: [Double], threads: Int = 1,
                          vectorized: Bool = DetectedEnergySampler.avx2) -> [Int] {
        let bins = edges.count - 1
        var total = [Int](repeating: 0, count: bins)
        guard events > 0, bins > 0 else { return total }
        let vectorized = vectorized && Self.avx2
        let perEntry = entryCounts(events: events, stream: RandomStream(seed: seed, index: UInt64.max - 1))
        let groups = (perEntry.count + Self.entriesPerGroup - 1) / Self.entriesPerGroup
        let results: [(counts: [Int], rejected: Int)] = Parallel.map(groups, threads: threads) { g in
            var counts = [Int](repeating: 0, count: bins)
            let stream = RandomStream(seed: seed, index: UInt64(g))
            var lanes = XoshiroLanes(seed: seed, index: UInt64(g))
            lanes.vectorized = vectorized
            var rejected = 0
            edges.withUnsafeBufferPointer { e in
                counts.withUnsafeMutableBufferPointer { c in
                    for k in g * Self.entriesPerGroup..<min(perEntry.count, (g + 1) * Self.entriesPerGroup) where perEntry[k] > 0 {
                        rejected += accumulate(entry: k, events: perEntry[k], words: &lanes, stream: stream, edges: e, counts: c.baseAddress!,
                                               vectorized: vectorized)
                    }
                }
            }
            return (counts, rejected)
        }
        var rejected = 0
        for r in results {
            for i in 0..<bins { total[i] += r.counts[i] }
            rejected += r.rejected
        }
        if rejected > 0 {
            let stream = RandomStream(seed: seed, index: UInt64.max - 2)
            let chunk = min(rejected, 1024)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * chunk) { buffer in
                var done = 0
                while done < rejected {
                    let n = min(chunk, rejected - done)
                    sample(count: n, stream: stream, energies: buffer.baseAddress!, recoEnergies: buffer.baseAddress! + chunk)
                    for i in 0..<n {
                        if let b = Binning.indexWithOverflow(of: buffer[chunk + i], edges: edges) { total[b] += 1 }
                    }
                    done += n
                }
            }
        }
        return total
    }

    /// The multinomial split of `events` proposals among the entries ∝ `entryWeights`: n_k binomial
    /// with the remaining proposals and w_k / Σ_{j ≥ k} w_j (in pieces of at most 2³² − 1 proposals).
    func entryCounts(events: Int, stream: RandomStream) -> [Int] {
        var counts = [Int](repeating: 0, count: entryWeights.count)
        var left = events
        while left > 0 {
            var remaining = min(left, Int(UInt32.max))
            left -= remaining
            for k in entryWeights.indices where remaining > 0 && entryWeights[k] > 0 {
                let p = entryWeights[k] / entryWeightsFrom[k]
                let n = Int(stream.binomial(probability: p, trials: UInt32(remaining)))
                counts[k] += n
                remaining -= n
            }
            // Rounding in the suffix sums can leave a few: the last entry with weight takes them.
            if remaining > 0, let last = entryWeights.lastIndex(where: { $0 > 0 }) { counts[last] += remaining }
        }
        return counts
    }

    /// Adds the events of `n` proposals of entry k to `counts`; returns the cap proposals rejected.
    /// Floors and lines go through the C kernel (`nue_entry_batch`) in batches of `batchSize`: E and
    /// E_reco from a core ziggurat draw, flagged when the draw is not a core one or E_reco leaves
    /// [max(e_lo, thr), e_{hi+1}) (e_lo…e_hi: the bins a core draw can reach), else counted as the
    /// cumulative #{E_reco ≥ e_j} per edge, whose differences are the bins' counts. Flagged events
    /// go to `nue_entry_complete` (a failed core test in layers ≥ 1 takes its wedge test there, with
    /// one more word from the lanes per flagged event), and what it returns is completed here: E_reco
    /// outside the entry's bins binned, below the threshold redrawn (`redrawnAboveThreshold`), after a
    /// rejected wedge a new Gaussian, in layer 0 the ziggurat's own completion (`completedEvent`).
    /// Caps, entries reaching more than `localBins` bins and non-identity energy maps go through
    /// `accumulateOneByOne`.
    func accumulate(entry k: Int, events n: Int, words lanes: inout XoshiroLanes, stream: RandomStream,
                    edges e: UnsafeBufferPointer<Double>, counts: UnsafeMutablePointer<Int>, vectorized: Bool) -> Int {
        let cells = cellCount
        let isLine = k >= 2 * cells
        let cell = isLine ? 0 : (k < cells ? k : k - cells)
        let lo = isLine ? lineEnergy[k - 2 * cells] : lowerEdge + Double(cell) * width
        let h = isLine ? 0 : width
        let resolution = response.resolution, map = response.energyMap
        let thr = resolution.isPerfect ? -Double.infinity : response.thresholdMeV
        // The bins a core draw can reach: E' ∈ [f(lo), f(lo + h)] (f increasing), |z| < r, σ ≤ σ(E'_max).
        let visibleLow = map.isIdentity ? lo : map(lo), visibleHigh = map.isIdentity ? lo + h : map(lo + h)
        let reach = gaussian.tailStart * resolution.sigmaMeV(at: max(visibleLow, visibleHigh)) * (1 + 1e-9) + 1e-12
        let last = e.count - 2
        let first = Binning.indexWithOverflow(of: min(visibleLow, visibleHigh) - reach, edges: e) ?? 0
        let final = max(first, Binning.indexWithOverflow(of: max(visibleLow, visibleHigh) + reach, edges: e) ?? 0)
        if isCap(k) || final - first >= Self.localBins || !map.isIdentity {
            return accumulateOneByOne(entry: k, events: n, lowerEnergy: lo, width: h, stream: stream, edges: e, counts: counts)
        }
        let fastLow = max(e[first], thr), fastHigh = final == last ? Double.infinity : e[final + 1]
        var constants = nue_entry_constants(
            lowerEnergy: lo, width: h, isLine: isLine ? 1 : 0,
            a2: resolution.stochastic * resolution.stochastic, b2: resolution.constant * resolution.constant,
            c2: resolution.noiseMeV * resolution.noiseMeV, fastLow: fastLow, fastHigh: fastHigh, edges: e.baseAddress!,
            first: Int64(first), final: Int64(final), signedStep: gaussian.signedStepTable, coreLimit: gaussian.coreLimitTable,
            height: gaussian.heightTable)
        let wordsPerEvent = isLine ? 1 : 2
        let batch = Self.batchSize, avx2: Int32 = vectorized ? 1 : 0
        // Words: 2 per event, then one per flagged event; doubles: E, E_reco scratch, and E_reco and σ
        // of the events returned by nue_entry_complete; indices: flagged, then returned.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 3 * batch) { wordBuffer in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * batch) { doubleBuffer in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * batch) { indexBuffer in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: batch) { kindBuffer in
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: Self.localBins) { localBuffer in
            let words = wordBuffer.baseAddress!, extra = words + 2 * batch
            let visible = doubleBuffer.baseAddress!, reco = visible + batch, values = visible + 2 * batch, sigmas = visible + 3 * batch
            let flagged = indexBuffer.baseAddress!, rest = flagged + batch, kinds = kindBuffer.baseAddress!
            let local = localBuffer.baseAddress!
            local.initialize(repeating: 0, count: Self.localBins)
            var done = 0
            while done < n {
                let m = min(batch, n - done)
                lanes.fill(words, count: wordsPerEvent * m)
                let gaussians = words + (wordsPerEvent - 1) * m
                let flaggedCount = nue_entry_batch(&constants, Int64(m), words, visible, reco, local, flagged, avx2)
                if flaggedCount > 0 {
                    lanes.fill(extra, count: Int(flaggedCount))
                    let restCount = nue_entry_complete(&constants, Int64(m), words, visible, flaggedCount, flagged, extra, local,
                                                       rest, kinds, values, sigmas)
                    for f in 0..<Int(restCount) {
                        let i = Int(rest[f])
                        let r: Double
                        switch Int32(kinds[f]) {
                        case Int32(NUE_RECO_KNOWN):
                            r = values[f] >= thr ? values[f]
                                : redrawnAboveThreshold(visibleEnergyMeV: visible[i], sigmaMeV: sigmas[f], stream: stream)
                        case Int32(NUE_FRESH_DRAW):
                            r = completedEvent(visibleEnergyMeV: visible[i], sigmaMeV: sigmas[f],
                                               gaussianWord: UInt32(truncatingIfNeeded: stream.nextWord()), stream: stream)
                        default:
                            r = completedEvent(visibleEnergyMeV: visible[i], sigmaMeV: sigmas[f], gaussianWord: gaussians[i],
                                               stream: stream)
                        }
                        if r >= e[first], r < fastHigh {
                            var b = first
                            while b < final, r >= e[b + 1] { b += 1 }
                            counts[b] += 1
                        } else if let b = Binning.indexWithOverflow(of: r, edges: e) {
                            counts[b] += 1
                        }
                    }
                }
                done += m
            }
            // local[q]: the fast events with E_reco ≥ e_{first+q} (q ≥ 1), local[0] all of them.
            for q in 0...(final - first) {
                counts[first + q] += Int(local[q] - (q < final - first ? local[q + 1] : 0))
            }
        }
        }
        }
        }
        }
        return 0
    }

    /// `accumulate(entry:…)` one proposal at a time: caps (E, a density test with a second word, a
    /// rejected proposal counted), wide entries and non-identity energy maps. Returns the rejections.
    func accumulateOneByOne(entry k: Int, events n: Int, lowerEnergy lo: Double, width h: Double, stream: RandomStream,
                            edges e: UnsafeBufferPointer<Double>, counts: UnsafeMutablePointer<Int>) -> Int {
        let isLine = k >= 2 * cellCount, cap = isCap(k)
        var rejected = 0
        for _ in 0..<n {
            let t = isLine ? lo : lo + h * stream.uniform()
            if cap, !capAccepts(k, energyMeV: t, stream: stream) {
                rejected += 1
                continue
            }
            let r = completedEvent(visibleEnergyMeV: response.visibleEnergy(trueEnergyMeV: t),
                                   gaussianWord: UInt32(truncatingIfNeeded: stream.nextWord()), stream: stream)
            if let b = Binning.indexWithOverflow(of: r, edges: e) { counts[b] += 1 }
        }
        return rejected
    }

    /// E_reco of an event at E' (visible, MeV) whose first Gaussian word is `word`, conditioned on
    /// E_reco ≥ thr: the core draw, else the ziggurat's wedge or tail with further words from
    /// `stream`; below the threshold, `redrawnAboveThreshold`. E' itself for a perfect resolution.
    @inlinable
    func completedEvent(visibleEnergyMeV e: Double, gaussianWord word: UInt32, stream: RandomStream) -> Double {
        completedEvent(visibleEnergyMeV: e, sigmaMeV: response.resolution.sigmaMeV(at: e), gaussianWord: word, stream: stream)
    }

    /// `completedEvent(visibleEnergyMeV:gaussianWord:stream:)` with σ(E') (MeV) already computed.
    @inlinable
    func completedEvent(visibleEnergyMeV e: Double, sigmaMeV sigma: Double, gaussianWord word: UInt32,
                        stream: RandomStream) -> Double {
        if response.resolution.isPerfect { return e }
        let core = gaussian.core(word: word)
        let x = e + sigma * (core.accepted ? core.value : gaussian.sample(firstWord: word, stream: stream))
        return x >= response.thresholdMeV ? x : redrawnAboveThreshold(visibleEnergyMeV: e, sigmaMeV: sigma, stream: stream)
    }
}
