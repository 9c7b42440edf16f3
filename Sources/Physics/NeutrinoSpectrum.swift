import Foundation
import GSL

/// A normalized neutrino energy spectrum dN/dE (per MeV) on a tabulated grid, interpolated with
/// Steffen's monotone cubic (never negative between non-negative points).
public struct NeutrinoSpectrum: Sendable {
    public let name: String
    /// Grid energies, MeV, strictly increasing.
    public let energies: [Double]
    /// dN/dE at the grid energies, per MeV, normalized so that ∫ dN/dE dE = 1.
    public let densities: [Double]
    private let spline: Spline

    /// - Parameters: `weights` proportional to dN/dE at `energies`; non-negative, not all zero.
    public init(name: String, energies: [Double], weights: [Double]) throws {
        guard energies.count >= 3 else { throw PhysicsInputError.tooFewPoints(energies.count) }
        guard energies.count == weights.count else { throw PhysicsInputError.lengthMismatch(energies.count, weights.count) }
        for (i, e) in energies.enumerated() where !(e.isFinite && e >= 0) { throw PhysicsInputError.badEnergy(index: i, value: e) }
        for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) { throw PhysicsInputError.badWeight(index: i, value: w) }
        for i in 1..<energies.count where !(energies[i] > energies[i - 1]) {
            throw PhysicsInputError.notIncreasing(index: i, previous: energies[i - 1], value: energies[i])
        }
        let raw = try Spline(x: energies, y: weights, kind: .steffen)
        let norm = raw.integral(from: energies[0], to: energies[energies.count - 1])
        guard norm > 0 else { throw PhysicsInputError.zeroIntegral }
        self.name = name
        self.energies = energies
        self.densities = weights.map { $0 / norm }
        self.spline = try Spline(x: energies, y: densities, kind: .steffen)
    }

    /// dN/dE at `e` MeV, per MeV; 0 outside the grid.
    public func density(at e: Double) -> Double { max(0, spline(e)) }

    /// The highest energy with non-zero density, MeV.
    public var endpoint: Double {
        let last = densities.lastIndex(where: { $0 > 0 }) ?? densities.count - 1
        return energies[min(last + 1, energies.count - 1)]
    }

    public var lowestEnergy: Double { energies[0] }

    /// ∫ f(E) dN/dE dE with GSL QAG over the grid's range, piecewise between grid points where
    /// the interpolant is smooth.
    public func average(_ f: @escaping (Double) -> Double) throws -> Double {
        try average(f, from: energies[0])
    }

    /// ⟨E⟩, MeV.
    public func meanEnergy() throws -> Double { try average { $0 } }
}
