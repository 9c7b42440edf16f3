/// Dot products of short columns (bins) with independent partial sums, so the loop is bound by
/// throughput rather than by the latency of one chain of additions (Swift does not reassociate
/// floating-point sums by itself). The summation order is fixed (eight interleaved partial sums,
/// then four, then the last ≤ 3 products as independent terms), so results are deterministic; they
/// differ from a sequential sum only by rounding, O(n ε) relative.
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
        if i + 4 <= n {
            s0 += load(a + i) * load(b + i)
            i += 4
        }
        let r = n - i
        let t0 = r > 0 ? a[i] * b[i] : 0, t1 = r > 1 ? a[i + 1] * b[i + 1] : 0, t2 = r > 2 ? a[i + 2] * b[i + 2] : 0
        return (s0 + s1).sum() + ((t0 + t1) + t2)
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
        if i + 4 <= n {
            s0 += load(a + i) * load(b + i) * load(c + i)
            i += 4
        }
        let r = n - i
        let t0 = r > 0 ? a[i] * b[i] * c[i] : 0, t1 = r > 1 ? a[i + 1] * b[i + 1] * c[i + 1] : 0
        let t2 = r > 2 ? a[i + 2] * b[i + 2] * c[i + 2] : 0
        return (s0 + s1).sum() + ((t0 + t1) + t2)
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }
}
