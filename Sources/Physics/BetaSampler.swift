import Foundation
import GSL

/// Exact sampling of electron kinetic energies from a mixture of β branches, fast enough for
/// brute-force simulation of ~10¹⁰ decays.
///
/// Method (rejection from a piecewise-constant envelope with a squeeze; Devroye, *Non-Uniform
/// Random Variate Generation*, 1986, ch. II.3–II.5): each branch's range [0, T₀] is cut into
/// `cellsPerComponent` equal cells. On each cell an upper bound M and lower bound m of the
/// (unnormalized) density f are taken from `probesPerCell` + 1 equally spaced values vⱼ:
///
///     M = (max vⱼ + max |vⱼ₊₁ − vⱼ|)(1 + 10⁻⁶),   m = max(0, (min vⱼ − max |vⱼ₊₁ − vⱼ|)(1 − 10⁻⁶))
///
/// which bounds f on the cell whenever f is smooth on the probe scale (the first-order margin
/// exceeds the second-order term δ² max|f''|/8 by orders of magnitude here;
/// `maximumBoundViolation` checks it by dense random probing, and the tests run it).
/// A cell is drawn from a Walker alias table (`DiscreteDistribution`, GSL) with weights
/// π_c M Δ / N_c (π_c the component probability, N_c its normalization), T uniform in the cell,
/// y uniform in [0, M); accept if y < m (no density evaluation) or y < f(T). The accepted T are
/// distributed exactly as Σ_c π_c f_c/N_c. Cost: three uniforms per try, acceptance
/// ≈ 1/Σ envelope ≈ 0.999, f evaluated in ≲ 1 % of tries.
///
/// Immutable after construction: one sampler may serve many tasks, each with its own
/// `RandomStream`.
public final class BetaSampler: Sendable {
    /// The components (weights need not be normalized).
    public let components: [BetaComponent]
    /// Component probabilities π_c = w_c / Σ w, summing to 1.
    public let probabilities: [Double]
    public let cellsPerComponent: Int
    public let probesPerCell: Int
    /// Expected fraction of tries accepted, 1 / (envelope mass), dimensionless.
    public let acceptance: Double
    /// Fraction of tries accepted by the squeeze alone (no density evaluation).
    public let squeezeAcceptance: Double

    struct Cell: Sendable {
        let low: Double
        let width: Double
        let upper: Double
        let lower: Double
        let component: Int
    }

    let cells: [Cell]
    let gammaEnergies: [Double]
    let alias: DiscreteDistribution

    /// - Parameters:
    ///   - components: at least one, with non-negative weights not all zero.
    ///   - cellsPerComponent: envelope cells per branch (default 2048).
    ///   - probesPerCell: density probes per cell for the bounds (default 8).
    public init(components: [BetaComponent], cellsPerComponent: Int = 2048, probesPerCell: Int = 8) throws {
        guard !components.isEmpty else {
            throw PhysicsInputError.invalidParameter(name: "β sampler components", value: 0, requirement: "need at least one")
        }
        guard cellsPerComponent >= 1, probesPerCell >= 2 else {
            throw PhysicsInputError.invalidParameter(name: "cells × probes", value: Double(cellsPerComponent * probesPerCell),
                                                     requirement: "need ≥ 1 cell per component and ≥ 2 probes per cell")
        }
        for c in components where !(c.weight.isFinite && c.weight >= 0) {
            throw PhysicsInputError.invalidParameter(name: "component weight", value: c.weight, requirement: "must be finite and ≥ 0")
        }
        let total = components.reduce(0) { $0 + $1.weight }
        guard total > 0 else {
            throw PhysicsInputError.invalidParameter(name: "total component weight", value: total, requirement: "must be positive")
        }
        self.components = components
        self.probabilities = components.map { $0.weight / total }
        self.cellsPerComponent = cellsPerComponent
        self.probesPerCell = probesPerCell
        self.gammaEnergies = components.map { $0.branch.gammaEnergy }

        var cells: [Cell] = []
        var weights: [Double] = []
        cells.reserveCapacity(components.count * cellsPerComponent)
        weights.reserveCapacity(components.count * cellsPerComponent)
        var envelopeMass = 0.0, squeezeMass = 0.0
        for (index, component) in components.enumerated() {
            let branch = component.branch
            let pi = component.weight / total
            let t0 = branch.endpointKineticEnergy
            let nProbes = cellsPerComponent * probesPerCell
            let delta = t0 / Double(nProbes)
            let values = (0...nProbes).map { branch.unnormalizedDensity(kineticEnergy: Double($0) * delta) }
            let width = t0 / Double(cellsPerComponent)
            for i in 0..<cellsPerComponent {
                let j0 = i * probesPerCell
                var vMax = values[j0], vMin = values[j0], dMax = 0.0
                for j in j0 + 1...(j0 + probesPerCell) {
                    vMax = Swift.max(vMax, values[j])
                    vMin = Swift.min(vMin, values[j])
                    dMax = Swift.max(dMax, abs(values[j] - values[j - 1]))
                }
                let upper = (vMax + dMax) * (1 + 1e-6)
                let lower = Swift.max(0, (vMin - dMax) * (1 - 1e-6))
                cells.append(Cell(low: Double(i) * width, width: width, upper: upper, lower: lower, component: index))
                let scale = pi * width / branch.normalization
                weights.append(scale * upper)
                envelopeMass += scale * upper
                squeezeMass += scale * lower
            }
        }
        self.cells = cells
        self.alias = try DiscreteDistribution(weights: weights)
        self.acceptance = 1 / envelopeMass
        self.squeezeAcceptance = squeezeMass / envelopeMass
    }

    /// One decay: component, electron kinetic energy (MeV) and prompt γ energy (MeV).
    public func sample(using rng: RandomStream) -> BetaDecaySample {
        while true {
            let k = rng.discrete(alias)
            let cell = cells[k]
            let t = cell.low + cell.width * rng.uniform()
            let y = rng.uniform() * cell.upper
            if y < cell.lower || y < components[cell.component].branch.unnormalizedDensity(kineticEnergy: t) {
                return BetaDecaySample(component: cell.component, electronKineticEnergy: t,
                                       gammaEnergy: gammaEnergies[cell.component])
            }
        }
    }

    /// Visible energy T_e + c · E_γ (MeV) of one decay, for γ containment c ∈ [0, 1].
    public func sampleVisibleEnergy(gammaContainment c: Double = 1, using rng: RandomStream) -> Double {
        sample(using: rng).visibleEnergy(gammaContainment: c)
    }

    /// A self-check of the envelope: the largest of (f − M)/M and (m − f)/M over `probes`
    /// uniformly random points in every cell. ≤ 0 means every probe lies inside its bounds.
    public func maximumBoundViolation(probesPerCell probes: Int, using rng: RandomStream) -> Double {
        var worst = -Double.infinity
        for cell in cells {
            let branch = components[cell.component].branch
            for _ in 0..<probes {
                let f = branch.unnormalizedDensity(kineticEnergy: cell.low + cell.width * rng.uniform())
                worst = Swift.max(worst, (f - cell.upper) / cell.upper, (cell.lower - f) / cell.upper)
            }
        }
        return worst
    }
}
