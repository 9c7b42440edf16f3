/// The overflow-bin index for equal-width edges in O(1): ⌊(x − e₀)/w⌋ corrected by one
/// comparison each way, so it agrees with `Binning.indexWithOverflow` exactly.
struct UniformBins: Sendable {
    let edges: [Double]
    let lower: Double, inverseWidth: Double
    /// The bins' lower edges, then +∞ (so the last bin takes the overflow without a bounds test).
    let lowerEdges: [Double]

    /// nil when the edges are not equally spaced to 10⁻⁹ of a bin.
    init?(edges: [Double]) {
        guard edges.count >= 2 else { return nil }
        let w = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        for i in 1..<edges.count where abs(edges[i] - edges[i - 1] - w) > 1e-9 * w { return nil }
        self.edges = edges
        lower = edges[0]
        inverseWidth = 1 / w
        lowerEdges = edges.dropLast() + [.infinity]
    }

    func index(of x: Double) -> Int? {
        edges.withUnsafeBufferPointer { index(of: x, edges: $0) }
    }

    /// `index(of:)` reading the edges through a buffer the caller holds (the event loop).
    @inline(__always)
    func index(of x: Double, edges e: UnsafeBufferPointer<Double>) -> Int? {
        guard x >= lower else { return nil }
        let last = e.count - 2
        let q = (x - lower) * inverseWidth
        var i = q >= Double(last) ? last : Int(q)
        if i < last, x >= e[i + 1] { i += 1 }
        if i > 0, x < e[i] { i -= 1 }
        return i
    }

    /// Adds every x of `values` to `counts` (`edges.count − 1` bins; x below the first edge not
    /// counted): the bin of `index(of:)`: q = (x − e₀)/w clamped to [0, last], ⌊q⌋ as q − ½ rounded to
    /// the nearest integer by adding 1.5 · 2⁵² (no range checks; off by one only at exact halves), then
    /// one comparison each way against the padded lower edges (taken only next to an edge). Four interleaved
    /// sub-histograms (bin i, copy c at 4i + c, events taking copies in turn) so that consecutive events
    /// in one bin do not wait on each other's stores; `counts` holds 4 × bins + 4 (the last four take
    /// what falls below), summed by the caller.
    @inline(__always)
    func accumulate(_ values: UnsafeBufferPointer<Double>, into counts: UnsafeMutablePointer<Int>) {
        let bins = edges.count - 1, last = Double(bins - 1), below = 4 * bins
        let lower = self.lower, inverseWidth = self.inverseWidth
        let magic = 0x1.8p52, magicBits = Int(bitPattern: UInt(magic.bitPattern))
        lowerEdges.withUnsafeBufferPointer { e in
            let e = e.baseAddress!
            for n in 0..<values.count {
                let x = values[n]
                let q = (x - lower) * inverseWidth
                let clamped = q > 0 ? (q < last ? q : last) : 0
                var i = Int(bitPattern: UInt(((clamped - 0.5) + magic).bitPattern)) &- magicBits
                i &+= x >= e[i &+ 1] ? 1 : 0
                i &-= x < e[i] ? 1 : 0
                let slot = x >= lower ? i &<< 2 : below
                counts[slot | (n & 3)] &+= 1
            }
        }
    }
}
