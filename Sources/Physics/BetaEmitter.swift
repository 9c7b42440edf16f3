import Foundation

/// A β⁻ emitter: a nuclide with a half-life and one or more branches with branching fractions.
/// Intensities are normalized to sum 1 (the raw values, e.g. ENSDF percentages that need not
/// add to exactly 100, are kept in `intensities`).
public struct BetaEmitter: Sendable {
    /// Nuclide label ("Ar42").
    public let name: String
    /// Half-life T½, s.
    public let halfLife: Double
    public let branches: [BetaBranch]
    /// The intensities as given (any positive scale, e.g. per cent per decay).
    public let intensities: [Double]
    /// Branching fractions, normalized: Σ = 1.
    public let branchingFractions: [Double]

    /// - Throws: `PhysicsInputError.invalidParameter` if the lists differ in length, an
    ///   intensity is negative or all are zero, or the half-life is not positive.
    public init(name: String, halfLife: Double, branches: [BetaBranch], intensities: [Double]) throws {
        let fractions = try PhysicsInputError.checkedFractions(of: intensities, count: branches.count, kind: "branch",
                                                               name: name, halfLife: halfLife)
        self.name = name
        self.halfLife = halfLife
        self.branches = branches
        self.intensities = intensities
        self.branchingFractions = fractions
    }

    /// Mean life τ = T½ / ln 2, s.
    public var meanLife: Double { halfLife / log(2) }

    /// The branches weighted by `decays` × branching fraction.
    public func components(decays: Double = 1) -> [BetaComponent] {
        zip(branches, branchingFractions).map { BetaComponent(weight: decays * $1, branch: $0, emitter: name) }
    }

    /// Mean electron kinetic energy per decay, Σ_b f_b ⟨T⟩_b, MeV.
    public func meanKineticEnergy() throws -> Double {
        var sum = 0.0
        for (b, f) in zip(branches, branchingFractions) { sum += try f * b.meanKineticEnergy() }
        return sum
    }

    /// Mean prompt γ energy per decay, Σ_b f_b E_γ,b, MeV.
    public var meanGammaEnergy: Double {
        zip(branches, branchingFractions).reduce(0) { $0 + $1.0.gammaEnergy * $1.1 }
    }
}
