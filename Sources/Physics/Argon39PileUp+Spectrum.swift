import Foundation

extension Argon39PileUp {
    /// The visible energy of a cluster of `multiplicity` n ≥ 1 ³⁹Ar decays as point masses: the
    /// n-fold convolution of the single-decay spectrum (`BetaEmitter.argon39`, unique first-forbidden,
    /// docs/physics.md §14.6) discretized on `cells` equal cells of [0, Q] (Q = 0.565 MeV), each
    /// cell's exact probability placed at its centre, convolved n − 1 times. The result: masses m_k
    /// at E_k = (k + n/2) h, h = Q/cells, k = 0 … n(cells − 1), summing to 1; mean n⟨T⟩ and variance
    /// n(Var T + h²/12) — the h²/12 per decay is the discretization's only bias (h = 0.55 keV by
    /// default, far below any resolution). Fold the masses through a detector response like lines.
    public static func summedSpectrum(multiplicity n: Int, cells: Int = 1024) throws -> (energies: [Double], masses: [Double]) {
        guard n >= 1, n <= 64 else {
            throw PhysicsInputError.invalidParameter(name: "Ar39 pile-up multiplicity", value: Double(n), requirement: "must lie in 1…64")
        }
        guard cells >= 16, cells <= 1 << 16 else {
            throw PhysicsInputError.invalidParameter(name: "Ar39 spectrum cells", value: Double(cells), requirement: "must lie in 16…65536")
        }
        let single = try singleDecayMasses(cells: cells)
        var masses = single
        for _ in 1..<n {
            var next = [Double](repeating: 0, count: masses.count + cells - 1)
            for (i, a) in masses.enumerated() where a > 0 {
                for (j, b) in single.enumerated() where b > 0 { next[i + j] += a * b }
            }
            masses = next
        }
        let h = BetaEmitter.argon39QValue / Double(cells)
        let energies = masses.indices.map { (Double($0) + Double(n) / 2) * h }
        return (energies, masses)
    }

    /// Cell probabilities of one ³⁹Ar decay's kinetic energy on `cells` equal cells of [0, Q].
    static func singleDecayMasses(cells: Int) throws -> [Double] {
        let spectrum = try VisibleEnergySpectrum(components: BetaEmitter.argon39().components(decays: 1), gammaContainment: 1)
        let h = BetaEmitter.argon39QValue / Double(cells)
        var masses = try (0..<cells).map { try spectrum.fraction(from: Double($0) * h, to: Double($0 + 1) * h) }
        let total = masses.reduce(0, +)
        masses = masses.map { $0 / total }
        return masses
    }
}
