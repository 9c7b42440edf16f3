extension DotProduct {
    /// (Σ_i a_i c_i, Σ_i b_i c_i): two `sum(_:_:count:)` sharing the loads of c, each summed in
    /// the same order (bit-identical to two calls).
    @inline(__always)
    static func pair(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafePointer<Double>,
                     count n: Int) -> (Double, Double) {
        var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), b0 = SIMD4<Double>(), b1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= n {
            let c0 = vector(c + i), c1 = vector(c + i + 4)
            a0 += vector(a + i) * c0
            a1 += vector(a + i + 4) * c1
            b0 += vector(b + i) * c0
            b1 += vector(b + i + 4) * c1
            i += 8
        }
        if i + 4 <= n {
            let c0 = vector(c + i)
            a0 += vector(a + i) * c0
            b0 += vector(b + i) * c0
            i += 4
        }
        let r = n - i
        let ta0 = r > 0 ? a[i] * c[i] : 0, ta1 = r > 1 ? a[i + 1] * c[i + 1] : 0, ta2 = r > 2 ? a[i + 2] * c[i + 2] : 0
        let tb0 = r > 0 ? b[i] * c[i] : 0, tb1 = r > 1 ? b[i + 1] * c[i + 1] : 0, tb2 = r > 2 ? b[i + 2] * c[i + 2] : 0
        return ((a0 + a1).sum() + ((ta0 + ta1) + ta2), (b0 + b1).sum() + ((tb0 + tb1) + tb2))
    }

    @inline(__always)
    private static func vector(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }
}
