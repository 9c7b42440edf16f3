/// Solves A x = b for a symmetric positive-definite A (row-major k × k) by Cholesky, A = L Lᵀ
/// (Golub & Van Loan §4.2); nil when a pivot is ≤ 0 or not finite (A not positive definite).
/// For the small systems of the nuisance fits (k ≲ 30); allocates its factor.
enum CholeskySolve {
    static func solve(_ a: [Double], _ b: [Double], dimension k: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: k * k)
        for p in 0..<k {
            for q in 0...p {
                var sum = a[p * k + q]
                for s in 0..<q { sum -= l[p * k + s] * l[q * k + s] }
                if p == q {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[p * k + p] = sum.squareRoot()
                } else {
                    l[p * k + q] = sum / l[q * k + q]
                }
            }
        }
        var y = b
        for p in 0..<k { for s in 0..<p { y[p] -= l[p * k + s] * y[s] }; y[p] /= l[p * k + p] }
        for p in stride(from: k - 1, through: 0, by: -1) {
            for s in (p + 1)..<k { y[p] -= l[s * k + p] * y[s] }
            y[p] /= l[p * k + p]
        }
        return y
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
