import Physics

/// The source spectrum dN/dE as explicit cubic pieces for the event loop: on each knot interval
/// the Steffen spline of `NeutrinoSpectrum` is a cubic in s = (E − E_i)/h_i, recovered exactly
/// (to rounding) from its values at s = 0, 1/3, 2/3, 1 by the inverse Vandermonde matrix.
/// Lookup is O(1): a uniform index table points at the first candidate interval.
/// Same values as `NeutrinoSpectrum.density(at:)` (clamped at 0), without a binary search or GSL call.
/// Immutable after construction; storage is manually managed for the event loop.
public final class SpectrumTable: @unchecked Sendable {
    @usableFromInline let knots: UnsafeMutablePointer<Double>
    @usableFromInline let knotCount: Int
    @usableFromInline let inverseWidths: UnsafeMutablePointer<Double>
    /// Four coefficients per interval, c0 + s(c1 + s(c2 + s c3)).
    @usableFromInline let coefficients: UnsafeMutablePointer<Double>
    @usableFromInline let lookup: UnsafeMutablePointer<Int32>
    @usableFromInline let lookupScale: Double
    @usableFromInline let lower: Double
    @usableFromInline let upper: Double

    public init(_ spectrum: NeutrinoSpectrum) {
        let x = spectrum.energies
        knotCount = x.count
        knots = Self.copy(x)
        lower = x[0]
        upper = x[x.count - 1]
        var inv = [Double](), coeff = [Double]()
        for i in 0..<(x.count - 1) {
            let h = x[i + 1] - x[i]
            inv.append(1 / h)
            let v = (0...3).map { k -> Double in
                k == 3 ? spectrum.densities[i + 1] : (k == 0 ? spectrum.densities[i] : spectrum.density(at: x[i] + h * Double(k) / 3))
            }
            coeff += [v[0],
                      (-11 * v[0] + 18 * v[1] - 9 * v[2] + 2 * v[3]) / 2,
                      (18 * v[0] - 45 * v[1] + 36 * v[2] - 9 * v[3]) / 2,
                      (-9 * v[0] + 27 * v[1] - 27 * v[2] + 9 * v[3]) / 2]
        }
        inverseWidths = Self.copy(inv)
        coefficients = Self.copy(coeff)
        let cells = 4 * x.count
        lookupScale = Double(cells) / (upper - lower)
        var table = [Int32](repeating: 0, count: cells + 1)
        var i = 0
        for c in 0...cells {
            let e = lower + Double(c) / lookupScale
            while i < x.count - 2, e >= x[i + 1] { i += 1 }
            table[c] = Int32(i)
        }
        lookup = .allocate(capacity: table.count)
        lookup.initialize(from: table, count: table.count)
    }

    deinit {
        knots.deallocate()
        inverseWidths.deallocate()
        coefficients.deallocate()
        lookup.deallocate()
    }

    private static func copy(_ a: [Double]) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: a.count)
        p.initialize(from: a, count: a.count)
        return p
    }

    /// dN/dE at `e` MeV, per MeV; 0 outside the tabulated range.
    @inlinable @inline(__always)
    public func density(at e: Double) -> Double {
        guard e >= lower, e <= upper else { return 0 }
        var i = Int(lookup[Int((e - lower) * lookupScale)])
        let last = knotCount - 2
        while i < last, e >= knots[i + 1] { i += 1 }
        let s = (e - knots[i]) * inverseWidths[i]
        let b = 4 * i
        let v = coefficients[b] + s * (coefficients[b + 1] + s * (coefficients[b + 2] + s * coefficients[b + 3]))
        return max(0, v)
    }
}
