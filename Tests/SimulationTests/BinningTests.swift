import Testing
@testable import Simulation

@Suite struct BinningTests {
    @Test func uniformEdgesCoverTheRange() throws {
        let b = try Binning.uniform(lower: 3, upper: 4.1, width: 0.25)
        // ⌈(4.1 − 3)/0.25⌉ = 5 bins: 3, 3.25, …, 4.25.
        #expect(b.count == 5)
        #expect(b.edges == [3, 3.25, 3.5, 3.75, 4, 4.25])
    }

    @Test func indexFindsTheBin() throws {
        let b = try Binning(edges: [0, 1, 3, 7])
        #expect(b.index(of: 0) == 0)
        #expect(b.index(of: 2.999) == 1)
        #expect(b.index(of: 3) == 2)
        #expect(b.index(of: 7) == nil)
        #expect(b.index(of: -0.1) == nil)
        #expect(b.index(of: .nan) == nil)
    }

    @Test func badEdgesAreRejected() {
        #expect(throws: SimulationError.self) { try Binning(edges: [1]) }
        #expect(throws: SimulationError.self) { try Binning(edges: [1, 1]) }
        #expect(throws: SimulationError.self) { try Binning(edges: [0, .nan]) }
        #expect(throws: SimulationError.self) { try Binning.uniform(lower: 0, upper: 1, width: -1) }
    }

    @Test func histogramOverflowGoesToLastBin() throws {
        var h = Histogram(binning: try Binning(edges: [0, 1, 2]), collectsOverflow: true)
        h.fill(0.5); h.fill(1.5, weight: 2); h.fill(9, weight: 3); h.fill(-1)
        #expect(h.counts == [1, 5])
        #expect(h.sumOfSquaredWeights == [1, 13])
        #expect(h.outside == 1)
    }
}
