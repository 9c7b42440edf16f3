/// Dot products of short columns (bins) with independent partial sums, so the loop is bound by
/// throughput rather than by the latency of one chain of additions (Swift does not reassociate
/// floating-point sums by itself). The summation order is fixed (eight interleaved partial sums,
/// then the tail), so results are deterministic; they differ from a sequential sum only by
/// rounding, O(n ε) relative.
enum DotProduct {
    /// Σ_i a_i b_i over `count` entries.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count n: Int) -> Double {
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= n {
            s0 += load(a + i) * load(b + i)
            s1 += load(a + i + 4) * load(b + i + 4)
            i += 8
        }
        var total = (s0 + s1).sum()
        while i < n { total += a[i] * b[i]; i += 1 }
        return total
    }

    /// Σ_i a_i b_i c_i over `count` entries.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafePointer<Double>, count n: Int) -> Double {
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= n {
            s0 += load(a + i) * load(b + i) * load(c + i)
            s1 += load(a + i + 4) * load(b + i + 4) * load(c + i + 4)
            i += 8
        }
        var total = (s0 + s1).sum()
        while i < n { total += a[i] * b[i] * c[i]; i += 1 }
        return total
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }
}
