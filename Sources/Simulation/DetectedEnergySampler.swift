import Foundation
import GSL

/// Exact sampling of the *detected* events of a background whose deposited (visible) energy E
/// has a continuum density ρ(E) on [a, b] and discrete lines (α lines, γ captures, monoenergetic
/// ν recoil edges are continua): the joint law of (E, E_reco) conditioned on detection,
///
///     p(E, E_reco | detected) ∝ [ρ(E) + Σ_l w_l δ(E − E_l)] · G(E_reco | E) · 1[E_reco ≥ thr] · ε,
///
/// with G the response's Gaussian (truncated at E_reco ≥ 0, `DetectorResponse`). It is the same
/// distribution as simulating every decay and keeping the detected ones, without generating the
/// sub-threshold majority (¹⁴C in JUNO: ~10¹² decays for ~10⁶ above 0.2 MeV), docs/physics.md §8.
///
/// E: rejection from a piecewise-constant envelope of f(E) = ρ(E) A(E), A(E) = P(E_reco ≥ thr | E)
/// (`probabilityAboveThreshold`), on `cells` equal cells. Per cell, f is read on 25 points (the 9
/// edges of eighths and 16 sixteenth-midpoints) with maximum M and minimum L; the bound is
/// b = M + ¼(M − L) + 10⁻³M and the squeeze s = max(0, L − ¼(M − L) − 10⁻³M). For f smooth on the
/// cell the excursion beyond the lattice's extremes is O(f″(h/16)²) ≪ ¼(M − L), and a jump (a recoil
/// edge) inside a cell puts the jump's top in M. Each cell is two entries of one Walker alias table:
/// its floor (weight s·h, a uniform E in the cell accepted at once) and its cap (weight (b − s)·h, a
/// uniform E accepted when s + u (b − s) < f(E), else the draw restarts); lines are entries of
/// weight w_l A(E_l), accepted at once. Floor and cap together propose from the envelope b and accept
/// with probability f/b, which is rejection sampling of f; the floors take all but ~1.5(M − L)/M +
/// 0.2 % of proposals (≈ 2 % for 2048 cells over 15 MeV) without evaluating ρ, which for β spectra
/// with the finite-size Fermi function costs microseconds. E_reco: the Gaussian N(E', σ(E'))
/// (`ZigguratGaussian`) conditioned on E_reco ≥ thr: a first plain draw, kept when above the
/// threshold; otherwise plain redraws when thr ≤ E' + σ/2 and Robert's exponential-proposal
/// rejection (Statistics and Computing 5, 121 (1995)) in the tail (either way the conditional law:
/// the first draw is kept with probability P(≥ thr), on the conditional law). Then the efficiency ε
/// is part of the detected rate (`detectedFraction`), not drawn per event. `sample(stream:)` draws
/// one event; `sample(count:stream:energies:recoEnergies:)` the same law in batches.
/// Immutable after construction; one instance serves every thread.
public final class DetectedEnergySampler: @unchecked Sendable {
    /// A line: deposited energy (MeV) and weight (same unit as ∫ρ dE, e.g. decays).
    public struct Line: Sendable, Equatable {
        public var energyMeV: Double
        public var weight: Double
        public init(energyMeV: Double, weight: Double) {
            self.energyMeV = energyMeV
            self.weight = weight
        }
    }

    public let response: DetectorResponse
    public let range: ClosedRange<Double>
    public let lines: [Line]
    /// P(detected) = ε [∫ρ A + Σ w_l A(E_l)] / [∫ρ + Σ w_l]: the detected fraction of all decays (or events).
    public let detectedFraction: Double
    /// ε [∫ρ A + Σ w_l A(E_l)]: the expected detected events when ρ and w are in events (per MeV).
    public let detectedIntegral: Double
    /// Envelope cells of the continuum.
    public let cells: Int
    /// The envelope's margins beyond a cell's lattice extremes: a fraction of their spread, and of the maximum.
    static let spreadMargin = 0.25
    static let relativeMargin = 1e-3

    /// The entries: the cells' floors (k < C, C = `cellCount`), their caps (C ≤ k < 2C), the lines (k ≥ 2C).
    @usableFromInline let alias: AliasTable
    /// C: the continuum's cells (0 without a continuum).
    @usableFromInline let cellCount: Int
    /// The first cell's lower edge and the cell width h, MeV.
    @usableFromInline let lowerEdge: Double
    @usableFromInline let width: Double
    /// The lines' energies, MeV (one unused entry when there are none).
    @usableFromInline let lineEnergy: UnsafeMutablePointer<Double>
    @usableFromInline let lineCount: Int
    /// Per cell: the squeeze s and b − s, for the cap's test s + u (b − s) < f(E).
    @usableFromInline let capFloor: UnsafeMutablePointer<Double>
    @usableFromInline let capSpan: UnsafeMutablePointer<Double>
    /// The entries' weights (floors, caps, lines: the alias table's, unquantized), and their suffix
    /// sums Σ_{j ≥ k} (for the multinomial split of `histogram(events:…)`).
    let entryWeights: [Double]
    let entryWeightsFrom: [Double]
    @usableFromInline let density: @Sendable (Double) -> Double
    @usableFromInline let gaussian = ZigguratGaussian.shared

    /// - Parameters:
    ///   - density: ρ(E) ≥ 0 on `range` (per MeV, any overall scale consistent with the line weights).
    ///   - continuumIntegral: ∫ρ over `range` (for `detectedFraction`; 0 when there is no continuum).
    ///   - lines: discrete energies and weights (≥ 0).
    /// - Throws: `SimulationError` for a negative or non-finite density or weight, or nothing detectable.
    public init(range: ClosedRange<Double>, density: @escaping @Sendable (Double) -> Double, continuumIntegral: Double,
                lines: [Line] = [], response: DetectorResponse, cells: Int = 2048) throws(SimulationError) {
        try SimulationError.require(continuumIntegral, "continuum integral", "must be finite and ≥ 0") { $0.isFinite && $0 >= 0 }
        for l in lines {
            try SimulationError.require(l.weight, "line weight", "must be finite and ≥ 0") { $0.isFinite && $0 >= 0 }
            try SimulationError.require(l.energyMeV, "line energy (MeV)", "must be finite and ≥ 0") { $0.isFinite && $0 >= 0 }
        }
        try SimulationError.require(Double(cells), "envelope cells", "must be in 1…10⁶") { $0 >= 1 && $0 <= 1e6 }
        self.response = response
        self.range = range
        self.lines = lines
        self.cells = cells
        self.density = density
        let a = range.lowerBound, h = (range.upperBound - range.lowerBound) / Double(cells)
        func f(_ e: Double) throws(SimulationError) -> Double {
            let r = density(e)
            guard r.isFinite, r >= 0 else {
                throw .invalidParameter(name: "background density at E = \(e) MeV", value: r, requirement: "must be finite and ≥ 0")
            }
            return r * response.probabilityAboveThreshold(trueEnergyMeV: e)
        }
        var floorWeights: [Double] = [], capWeights: [Double] = [], floors: [Double] = [], spans: [Double] = []
        var detectedContinuum = 0.0
        if continuumIntegral > 0, h > 0 {
            for k in 0..<cells {
                let lo = a + Double(k) * h
                var most = 0.0, least = Double.infinity, sum = 0.0
                for j in 0...8 {
                    let v = try f(lo + h * Double(j) / 8)
                    most = max(most, v)
                    least = min(least, v)
                }
                for j in 0..<16 {
                    let v = try f(lo + h * (Double(j) + 0.5) / 16)
                    most = max(most, v)
                    least = min(least, v)
                    sum += v
                }
                let spread = most - least
                let b = most + Self.spreadMargin * spread + Self.relativeMargin * most
                let squeeze = max(0, least - Self.spreadMargin * spread - Self.relativeMargin * most)
                detectedContinuum += sum / 16 * h
                floorWeights.append(squeeze * h)
                capWeights.append((b - squeeze) * h)
                floors.append(squeeze)
                spans.append(b - squeeze)
            }
        }
        var detectedLines = 0.0, lineWeights: [Double] = []
        for l in lines {
            let w = l.weight * response.probabilityAboveThreshold(trueEnergyMeV: l.energyMeV)
            detectedLines += w
            lineWeights.append(w)
        }
        let weights = floorWeights + capWeights + lineWeights
        let total = continuumIntegral + lines.reduce(0) { $0 + $1.weight }
        guard total > 0, weights.contains(where: { $0 > 0 }) else {
            throw .emptyGenerationRegion("the background deposits nothing that can reach the \(response.thresholdMeV) MeV threshold")
        }
        // The midpoint sum is the detected continuum to O(h²): the reported fraction, not the sampling.
        detectedIntegral = response.efficiency * (detectedContinuum + detectedLines)
        detectedFraction = detectedIntegral / total
        alias = try AliasTable(weights: weights)
        entryWeights = weights
        var suffix = [Double](repeating: 0, count: weights.count + 1)
        for k in weights.indices.reversed() { suffix[k] = suffix[k + 1] + weights[k] }
        entryWeightsFrom = suffix
        cellCount = floors.count
        lowerEdge = a
        width = h
        lineCount = lines.count
        lineEnergy = .allocate(capacity: max(1, lines.count))
        lineEnergy.initialize(from: lines.map(\.energyMeV) + [0], count: max(1, lines.count))
        capFloor = .allocate(capacity: max(1, floors.count))
        capFloor.initialize(from: floors, count: floors.count)
        capSpan = .allocate(capacity: max(1, spans.count))
        capSpan.initialize(from: spans, count: spans.count)
    }

    deinit {
        lineEnergy.deallocate()
        capFloor.deallocate()
        capSpan.deallocate()
    }

    /// One detected event: (deposited energy E, reconstructed energy E_reco ≥ threshold), MeV.
    @inlinable
    public func sample(stream: RandomStream) -> (energyMeV: Double, recoEnergyMeV: Double) {
        let e = depositedEnergy(stream: stream)
        return (e, reconstructedAboveThreshold(trueEnergyMeV: e, stream: stream))
    }

    /// E of one detected event: an entry from the alias table (one word), E uniform in it (one
    /// word), a cap's density test (one word), until accepted.
    @inlinable
    func depositedEnergy(stream: RandomStream) -> Double {
        while true {
            let k = alias.index(word: UInt32(truncatingIfNeeded: stream.nextWord()))
            let e = energy(entry: k, uniform: stream.uniform())
            if !isCap(k) || capAccepts(k, energyMeV: e, stream: stream) { return e }
        }
    }

    /// E for entry k and a uniform u ∈ [0, 1): lo + h u in its cell, lo = a + c h (c = k for a floor,
    /// k − C for a cap), or the line's energy; without a branch on k.
    @inlinable @inline(__always)
    func energy(entry k: Int, uniform u: Double) -> Double {
        let cells = cellCount
        let lo = lowerEdge + Double(k < cells ? k : k &- cells) * width
        let line = k &- 2 &* cells
        let l = lineEnergy[line < 0 ? 0 : line]
        return line < 0 ? lo + width * u : l
    }

    /// Whether entry k is a cap (C ≤ k < 2C).
    @inlinable @inline(__always)
    func isCap(_ k: Int) -> Bool { UInt(bitPattern: k &- cellCount) < UInt(bitPattern: cellCount) }

    /// The cap test of entry k at E: s + u (b − s) < f(E) = ρ(E) A(E), u from one word.
    @inlinable
    func capAccepts(_ k: Int, energyMeV e: Double, stream: RandomStream) -> Bool {
        let c = k - cellCount
        return capFloor[c] + stream.uniform() * capSpan[c] < density(e) * response.probabilityAboveThreshold(trueEnergyMeV: e)
    }

    /// E_reco ~ N(E', σ(E')) conditioned on E_reco ≥ thr, E' = f(E) the response's energy map (the
    /// identity unless a systematic shift is applied; thr > 0 makes the response's truncation at
    /// 0 irrelevant), MeV; E' itself for a perfect resolution.
    @inlinable
    public func reconstructedAboveThreshold(trueEnergyMeV t: Double, stream: RandomStream) -> Double {
        let e = response.visibleEnergy(trueEnergyMeV: t)
        guard !response.resolution.isPerfect else { return e }
        let sigma = response.resolution.sigmaMeV(at: e)
        let x = e + sigma * gaussian.sample(stream: stream)
        return x >= response.thresholdMeV ? x : redrawnAboveThreshold(visibleEnergyMeV: e, sigmaMeV: sigma, stream: stream)
    }

    /// N(E', σ) conditioned on ≥ thr, after a first draw fell below: plain redraws when
    /// thr ≤ E' + σ/2, else Robert (1995): z ≥ α = (thr − E')/σ from the exponential proposal with
    /// rate λ = (α + √(α² + 4))/2, accepted with probability exp(−(z − λ)²/2). MeV.
    @inlinable
    func redrawnAboveThreshold(visibleEnergyMeV e: Double, sigmaMeV sigma: Double, stream: RandomStream) -> Double {
        let thr = response.thresholdMeV
        if thr - e <= 0.5 * sigma {
            var x: Double
            repeat { x = e + sigma * gaussian.sample(stream: stream) } while x < thr
            return x
        }
        let alpha = (thr - e) / sigma
        let lambda = (alpha + (alpha * alpha + 4).squareRoot()) / 2
        while true {
            let z = alpha - log(stream.uniformPositive()) / lambda
            let d = z - lambda
            if stream.uniform() <= exp(-d * d / 2) { return e + sigma * z }
        }
    }
}
