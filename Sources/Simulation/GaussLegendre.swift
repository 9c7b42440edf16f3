import Foundation

/// Gauss–Legendre nodes and weights on [−1, 1], found by Newton's method on P_n
/// (Press et al., Numerical Recipes 3rd ed. §4.6, `gauleg`): exact for polynomials of degree ≤ 2n − 1.
struct GaussLegendre: Sendable {
    let nodes: [Double]
    let weights: [Double]

    init(points n: Int) {
        var x = [Double](repeating: 0, count: n), w = x
        for i in 0..<(n + 1) / 2 {
            var z = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var dp = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = 0.0
                for j in 0..<n {
                    let p2 = p1
                    p1 = p0
                    p0 = ((2 * Double(j) + 1) * z * p1 - Double(j) * p2) / Double(j + 1)
                }
                dp = Double(n) * (z * p0 - p1) / (z * z - 1)
                let z1 = z
                z = z1 - p0 / dp
                if abs(z - z1) < 1e-15 { break }
            }
            x[i] = -z
            x[n - 1 - i] = z
            w[i] = 2 / ((1 - z * z) * dp * dp)
            w[n - 1 - i] = w[i]
        }
        nodes = x
        weights = w
    }

    /// Nodes and weights mapped to [a, b].
    func forEachNode(from a: Double, to b: Double, _ body: (_ x: Double, _ weight: Double) -> Void) {
        let half = (b - a) / 2, mid = (a + b) / 2
        for k in nodes.indices { body(mid + half * nodes[k], half * weights[k]) }
    }
}
