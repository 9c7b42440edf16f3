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
/// The envelope under M is split into the rectangle [0, m) (always accepted) and the strip
/// [m, M) (accepted if y < f(T)); all 2 × cells pieces go into one Walker alias table
/// (`DiscreteDistribution`, GSL) with weights π_c h × height / N_c (π_c the component
/// probability, N_c its normalization, h the cell width). A draw picks a piece, then T uniform in
/// its cell; a rectangle returns T at once, a strip draws y uniform in [m, M) and accepts if
/// y < f(T), else the draw is repeated. The accepted T are distributed exactly as
/// Σ_c π_c f_c(T)/N_c. Cost: two uniforms per sample in ≈ 99.9 % of draws (a third and a
/// density evaluation only in the strips), overall acceptance ≈ 0.999.
///
/// Measured (release, one core of the shared 2-core machine, ⁴²Ar + ⁴²K chain):
/// 16–21 million samples/s (`BetaSamplingBenchmark`). Checked exact at 2×10⁸ samples: χ² = 718
/// for 703 bins of 5 keV against the integrated density (p = 0.34).
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

    /// One piece of the envelope: a rectangle (`certain`) or a strip [yLow, yHigh) over a cell.
    struct Piece: Sendable {
        let low: Double
        let width: Double
        let yLow: Double
        let yHigh: Double
        let component: Int
        let certain: Bool
    }

    let pieces: [Piece]
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
        self.components = components
        self.probabilities = try BetaComponent.probabilities(components)
        self.cellsPerComponent = cellsPerComponent
        self.probesPerCell = probesPerCell
        self.gammaEnergies = components.map { $0.branch.gammaEnergy }

        var pieces: [Piece] = []
        var weights: [Double] = []
        pieces.reserveCapacity(2 * components.count * cellsPerComponent)
        weights.reserveCapacity(2 * components.count * cellsPerComponent)
        var envelopeMass = 0.0, squeezeMass = 0.0
        for (index, component) in components.enumerated() {
            let branch = component.branch
            let pi = probabilities[index]
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
                let low = Double(i) * width
                pieces.append(Piece(low: low, width: width, yLow: 0, yHigh: lower, component: index, certain: true))
                pieces.append(Piece(low: low, width: width, yLow: lower, yHigh: upper, component: index, certain: false))
                let scale = pi * width / branch.normalization
                weights.append(scale * lower)
                weights.append(scale * (upper - lower))
                envelopeMass += scale * upper
                squeezeMass += scale * lower
            }
        }
        self.pieces = pieces
        self.alias = try DiscreteDistribution(weights: weights)
        self.acceptance = 1 / envelopeMass
        self.squeezeAcceptance = squeezeMass / envelopeMass
    }

    /// One decay: component, electron kinetic energy (MeV) and prompt γ energy (MeV).
    public func sample(using rng: RandomStream) -> BetaDecaySample {
        while true {
            let piece = pieces[rng.discrete(alias)]
            let t = piece.low + piece.width * rng.uniform()
            if piece.certain {
                return BetaDecaySample(component: piece.component, electronKineticEnergy: t,
                                       gammaEnergy: gammaEnergies[piece.component])
            }
            let y = piece.yLow + (piece.yHigh - piece.yLow) * rng.uniform()
            if y < components[piece.component].branch.unnormalizedDensity(kineticEnergy: t) {
                return BetaDecaySample(component: piece.component, electronKineticEnergy: t,
                                       gammaEnergy: gammaEnergies[piece.component])
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
        for strip in pieces where !strip.certain && strip.yHigh > 0 {
            let branch = components[strip.component].branch
            for _ in 0..<probes {
                let f = branch.unnormalizedDensity(kineticEnergy: strip.low + strip.width * rng.uniform())
                worst = Swift.max(worst, (f - strip.yHigh) / strip.yHigh, (strip.yLow - f) / strip.yHigh)
            }
        }
        return worst
    }
}
