import Testing
@testable import Statistics
import GSL

/// Feldman & Cousins, PRD 57, 3873 (1998), Table IV: 90 % CL intervals on the signal mean for
/// a known background b = 3 and n = 0…10 observed (quoted to 0.01).
struct FeldmanCousinsCountingTests {
    static let tableIV: [(n: Int, lower: Double, upper: Double)] = [
        (0, 0.00, 1.08), (1, 0.00, 1.88), (2, 0.00, 3.04), (3, 0.00, 4.42), (4, 0.00, 5.60),
        (5, 0.00, 6.99), (6, 0.15, 8.47), (7, 0.89, 9.53), (8, 1.51, 10.99), (9, 1.88, 12.30), (10, 2.63, 13.50),
    ]

    @Test("FC Table IV (b = 3, 90 % CL) by exact enumeration, within the table's 0.01 rounding",
          arguments: tableIV.map(\.n).filter { $0 > 0 })
    func intervalMatchesTableIV(n: Int) {
        let row = Self.tableIV[n]
        let interval = FeldmanCousinsCounting.interval(observed: n, background: 3, confidenceLevel: 0.90)
        #expect(abs(interval.lower - row.lower) <= 0.0051, "n = \(n): lower \(interval.lower) vs \(row.lower)")
        #expect(abs(interval.upper - row.upper) <= 0.0051, "n = \(n): upper \(interval.upper) vs \(row.upper)")
    }

    /// n = 0: plain enumeration gives [0, 0.953] (the acceptance region's lower edge moves from
    /// 0 to 1 at s = 0.954 and never returns; checked by an independent Python enumeration);
    /// the table's 1.08 is the envelope non-increasing in b (maximum over b′ ≥ b, reached near
    /// b′ = 3.46). The maximum sits on an accepted island of vanishing width, so a finite grid
    /// approaches it from below (1.0747 with these steps): tolerance 0.01.
    @Test("FC Table IV n = 0: plain enumeration 0.953, b-monotone envelope 1.08")
    func zeroObserved() {
        let plain = FeldmanCousinsCounting.interval(observed: 0, background: 3, confidenceLevel: 0.90)
        #expect(plain.lower == 0)
        #expect(abs(plain.upper - 0.953) < 0.002)
        let envelope = FeldmanCousinsCounting.upperLimitNonIncreasingInBackground(observed: 0, background: 3, backgroundRange: 0.6, backgroundStep: 0.001)
        #expect(abs(envelope - 1.08) <= 0.01, "envelope \(envelope)")
    }

    @Test("The acceptance region holds at least CL of the probability, and not more than needed")
    func acceptanceProbability() {
        for s in [0.0, 0.5, 2.0, 7.3] {
            let region = FeldmanCousinsCounting.acceptanceRegion(signal: s, background: 3, confidenceLevel: 0.9)
            var total = 0.0
            for n in region { total += Distributions.poissonProbability(UInt32(n), mean: s + 3) }
            #expect(total >= 0.9)
            // Dropping either end would fall below CL (the region is minimal).
            let withoutLow = total - Distributions.poissonProbability(UInt32(region.lowerBound), mean: s + 3)
            let withoutHigh = total - Distributions.poissonProbability(UInt32(region.upperBound), mean: s + 3)
            #expect(min(withoutLow, withoutHigh) < 0.9)
        }
    }
}
