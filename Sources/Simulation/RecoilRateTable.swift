import Foundation
import GSL
import Physics

/// dR/dT of a solar-neutrino component (`SolarRecoilRate.differentialRate`, s⁻¹ MeV⁻¹ per
/// electron) tabulated on a grid of true recoil energies and interpolated, for the fold through
/// the response (docs/physics.md §8.2): the exact rate costs one GSL integral over the spectrum per
/// T, the fold needs it at thousands of quadrature nodes.
///
/// Piecewise between `kinks` (the Compton-like edges T_max(E_line) of the lines, where dR/dT
/// steps down): on each piece n + 1 ≥ 49 points T = a + (b − a) u²(3 − 2u), u = i/n (denser at
/// both ends, where the threshold and the steep end of the spectrum are; ≤ 0.15 MeV apart),
/// Steffen's monotone cubic (no overshoot, never negative). The end values are taken 10⁻¹² inside
/// the piece (at a line's edge T_max(E) rounding could drop the line). Checked against the exact
/// rate in `BackgroundTemplateTests`.
struct RecoilRateTable {
    private let boundaries: [Double]
    private let pieces: [Spline]

    init(_ rate: SolarRecoilRate, from lower: Double, to upper: Double, kinks: [Double]) throws {
        let cuts = Array(Set([lower, upper] + kinks.filter { $0 > lower && $0 < upper })).sorted()
        var pieces: [Spline] = []
        for k in 0..<(cuts.count - 1) {
            let a = cuts[k], b = cuts[k + 1]
            let n = max(48, Int((1.5 * (b - a) / 0.1).rounded(.up)))
            let xs = (0...n).map { i -> Double in
                let u = Double(i) / Double(n)
                return i == n ? b : a + (b - a) * u * u * (3 - 2 * u)
            }
            let ys = try xs.enumerated().map { i, x in
                // Just inside the piece: at a line's edge T_max(E) itself rounding may drop the line.
                try rate.differentialRate(recoil: i == 0 && k > 0 ? x * (1 + 1e-12) : (i == n ? x * (1 - 1e-12) : x))
            }
            pieces.append(try Spline(x: xs, y: ys, kind: .steffen))
        }
        self.boundaries = cuts
        self.pieces = pieces
    }

    /// The lowest and highest tabulated T, MeV.
    var domain: ClosedRange<Double> { boundaries[0]...boundaries[boundaries.count - 1] }

    /// dR/dT at true recoil `t` MeV (0 outside the table), s⁻¹ MeV⁻¹ per electron.
    func callAsFunction(_ t: Double) -> Double {
        guard t >= boundaries[0], t <= boundaries[boundaries.count - 1] else { return 0 }
        var k = 0
        while k < pieces.count - 1, t > boundaries[k + 1] { k += 1 }
        return max(0, pieces[k](t))
    }
}
