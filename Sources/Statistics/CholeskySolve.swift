/// Solves A x = b for a symmetric positive-definite A (row-major k × k) by Cholesky, A = L Lᵀ
/// (Golub & Van Loan §4.2); nil when a pivot is ≤ 0 or not finite (A not positive definite).
/// For the small systems of the nuisance fits (k ≲ 30); allocates its factor.
enum CholeskySolve {
    static func solve(_ a: [Double], _ b: [Double], dimension k: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: k * k)
        let positive = a.withUnsafeBufferPointer { a in
            l.withUnsafeMutableBufferPointer { factor(a.baseAddress!, into: $0.baseAddress!, dimension: k) }
        }
        guard positive else { return nil }
        var y = b
        l.withUnsafeBufferPointer { l in y.withUnsafeMutableBufferPointer { solve(factor: l.baseAddress!, inPlace: $0.baseAddress!, dimension: k) } }
        return y
    }

    /// Overwrites b (k) with x of L Lᵀ x = b, L the lower-triangular factor of `factor` (row-major
    /// k × k): forward and back substitution. Allocates nothing.
    static func solve(factor l: UnsafePointer<Double>, inPlace y: UnsafeMutablePointer<Double>, dimension k: Int) {
        for p in 0..<k { for s in 0..<p { y[p] -= l[p * k + s] * y[s] }; y[p] /= l[p * k + p] }
        for p in stride(from: k - 1, through: 0, by: -1) {
            for s in (p + 1)..<k { y[p] -= l[s * k + p] * y[s] }
            y[p] /= l[p * k + p]
        }
    }

    /// The lower-triangular L (row-major k × k into `l`) of A + τ diag(max(|A_pp|, 10⁻¹²)) = L Lᵀ
    /// (τ = `damping`, Levenberg–Marquardt; 0: plain Cholesky); false when a pivot is ≤ 0 or not
    /// finite. Reads only the lower triangle of A; allocates nothing.
    static func factor(_ a: UnsafePointer<Double>, into l: UnsafeMutablePointer<Double>, dimension k: Int, damping tau: Double = 0) -> Bool {
        for p in 0..<k {
            for q in 0...p {
                var sum = a[p * k + q]
                if p == q && tau > 0 { sum += tau * max(abs(a[p * k + p]), 1e-12) }
                for s in 0..<q { sum -= l[p * k + s] * l[q * k + s] }
                if p == q {
                    guard sum > 0, sum.isFinite else { return false }
                    l[p * k + p] = sum.squareRoot()
                } else {
                    l[p * k + q] = sum / l[q * k + q]
                }
            }
        }
        return true
    }

    /// A⁻¹ (row-major) column by column; nil when A is not positive definite.
    static func inverse(_ a: [Double], dimension k: Int) -> [Double]? {
        var inverse = [Double](repeating: 0, count: k * k)
        for c in 0..<k {
            var e = [Double](repeating: 0, count: k)
            e[c] = 1
            guard let column = solve(a, e, dimension: k) else { return nil }
            for r in 0..<k { inverse[r * k + c] = column[r] }
        }
        return inverse
    }
}
