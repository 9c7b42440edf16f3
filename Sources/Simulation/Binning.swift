/// Bin edges on one axis (MeV for recoil energies). Bin k is [edges[k], edges[k+1]).
public struct Binning: Sendable, Codable, Equatable {
    /// Strictly increasing, finite, at least two.
    public let edges: [Double]

    public init(edges: [Double]) throws {
        guard edges.count >= 2 else { throw SimulationError.invalidBinning("need at least two edges, got \(edges.count)") }
        guard edges.allSatisfy(\.isFinite) else { throw SimulationError.invalidBinning("edges must be finite numbers") }
        for k in 1..<edges.count where !(edges[k] > edges[k - 1]) {
            throw SimulationError.invalidBinning("edges must increase strictly (edge \(k): \(edges[k - 1]) then \(edges[k]))")
        }
        self.edges = edges
    }

    /// The default bin width of reconstructed T, MeV (0.1: the mission table's binning; fine
    /// against every preset's resolution at the thresholds used). Run cards and the command line
    /// take it through `Studies.ScenarioSetting.binWidthMeV`.
    public static let defaultWidthMeV = 0.1

    /// Bins of `width` from `lower`; the last edge is the first multiple of `width` above `lower` that
    /// reaches `upper` (so every bin has the same width and the range covers [lower, upper]).
    public static func uniform(lower: Double, upper: Double, width: Double) throws -> Binning {
        guard lower.isFinite, upper.isFinite, upper > lower else {
            throw SimulationError.invalidBinning("range [\(lower), \(upper)] is empty or not finite")
        }
        guard width.isFinite, width > 0 else { throw SimulationError.invalidBinning("bin width must be positive, got \(width)") }
        let n = Int(((upper - lower) / width - 1e-9).rounded(.up))
        guard n <= 1_000_000 else { throw SimulationError.invalidBinning("\(n) bins is too many; use a wider bin") }
        return try Binning(edges: (0...max(n, 1)).map { lower + Double($0) * width })
    }

    /// Number of bins.
    public var count: Int { edges.count - 1 }
    public var lower: Double { edges[0] }
    public var upper: Double { edges[edges.count - 1] }

    /// The bin holding `x`, or nil outside [lower, upper) (and for NaN).
    @inlinable
    public func index(of x: Double) -> Int? {
        guard x >= edges[0], x < edges[edges.count - 1] else { return nil }
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if x >= edges[mid] { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The bin of `x` when the last bin also takes the overflow (x ≥ upper edge): the largest i with
    /// edges[i] ≤ x; nil below the first edge (and for NaN). The one definition of nue's overflow
    /// convention, shared by templates, the ⁴²Ar/⁴²K fold, histograms and the brute force.
    @inlinable
    public static func indexWithOverflow(of x: Double, edges: [Double]) -> Int? {
        edges.withUnsafeBufferPointer { indexWithOverflow(of: x, edges: $0) }
    }

    /// `indexWithOverflow(of:edges:)` reading the edges through a buffer the caller holds.
    @inlinable
    public static func indexWithOverflow(of x: Double, edges: UnsafeBufferPointer<Double>) -> Int? {
        guard x >= edges[0] else { return nil }
        var lo = 0, hi = edges.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if edges[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// `Binning.indexWithOverflow(of:edges:)` on these edges.
    @inlinable
    public func indexWithOverflow(of x: Double) -> Int? { Self.indexWithOverflow(of: x, edges: edges) }

    /// Bin centres.
    public var centers: [Double] { (0..<count).map { (edges[$0] + edges[$0 + 1]) / 2 } }
}
