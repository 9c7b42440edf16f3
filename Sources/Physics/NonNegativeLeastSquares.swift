/// Non-negative least squares on the normal equations, min ½ sᵀH s − gᵀs subject to s ≥ 0, by
/// the active-set method of Lawson & Hanson (Solving Least Squares Problems, 1974, ch. 23):
/// solve on the free set by Cholesky, step back to the boundary when a free variable would go
/// negative, free the bound variable with the most negative gradient; at most 3n iterations.
enum NonNegativeLeastSquares {
    /// - Parameters: `normal` is H (n × n, row-major, symmetric positive definite), `rhs` is g.
    /// - Throws: `PhysicsInputError.invalidParameter` when it does not converge or H is singular.
    static func solve(normal h: [Double], rhs g: [Double], size n: Int) throws -> [Double] {
        var x = [Double](repeating: 0, count: n)
        var free = [Bool](repeating: false, count: n)
        func gradient() -> [Double] {
            (0..<n).map { i in g[i] - (0..<n).reduce(0) { $0 + h[i * n + $1] * x[$1] } }
        }
        for _ in 0..<(3 * n) {
            let w = gradient()
            guard let j = (0..<n).filter({ !free[$0] && w[$0] > 1e-12 * (abs(g[$0]) + 1e-300) })
                .max(by: { w[$0] < w[$1] }) else { return x }
            free[j] = true
            while true {
                let indices = (0..<n).filter { free[$0] }
                let z = try choleskySolve(h, g, indices, n)
                if zip(indices, z).allSatisfy({ $0.1 > 0 }) {
                    for (i, v) in zip(indices, z) { x[i] = v }
                    break
                }
                // Step from x towards z until the first free variable hits zero.
                var alpha = 1.0
                for (i, v) in zip(indices, z) where v <= 0 { alpha = min(alpha, x[i] / (x[i] - v)) }
                for (i, v) in zip(indices, z) {
                    x[i] += alpha * (v - x[i])
                    if x[i] <= 1e-15 * (abs(v) + 1) { x[i] = 0; free[i] = false }
                }
            }
        }
        throw PhysicsInputError.invalidParameter(name: "NNLS iterations", value: Double(3 * n),
                                                 requirement: "the unfolding did not converge")
    }

    /// Solves H_FF z = g_F on the index set F by Cholesky decomposition.
    private static func choleskySolve(_ h: [Double], _ g: [Double], _ f: [Int], _ n: Int) throws -> [Double] {
        let m = f.count
        var l = [Double](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in 0...a {
                var sum = h[f[a] * n + f[b]]
                for k in 0..<b { sum -= l[a * m + k] * l[b * m + k] }
                if a == b {
                    guard sum > 0 else {
                        throw PhysicsInputError.invalidParameter(name: "NNLS pivot", value: sum,
                                                                 requirement: "the normal matrix must be positive definite")
                    }
                    l[a * m + a] = sum.squareRoot()
                } else {
                    l[a * m + b] = sum / l[b * m + b]
                }
            }
        }
        var y = [Double](repeating: 0, count: m)
        for a in 0..<m {
            var sum = g[f[a]]
            for k in 0..<a { sum -= l[a * m + k] * y[k] }
            y[a] = sum / l[a * m + a]
        }
        var z = [Double](repeating: 0, count: m)
        for a in stride(from: m - 1, through: 0, by: -1) {
            var sum = y[a]
            for k in (a + 1)..<m { sum -= l[k * m + a] * z[k] }
            z[a] = sum / l[a * m + a]
        }
        return z
    }
}
