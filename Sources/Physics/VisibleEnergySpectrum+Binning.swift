import Foundation
import GSL

extension VisibleEnergySpectrum {
    /// Probabilities of the reconstructed visible energy falling in each bin (edges[i], edges[i+1]]
    /// (MeV) for a Gaussian response σ(E) (MeV): the binned fast path,
    ///
    ///     P_i = ∫ ρ(E) [Φ((e_{i+1} − E)/σ(E)) − Φ((e_i − E)/σ(E))] dE,
    ///
    /// evaluated on the same Gauss–Legendre grid as `smearedFraction(from:to:resolution:)`, with
    /// Φ computed only for edges within ±9σ of each node (Φ(−9) ≈ 10⁻¹⁹). Falls back to
    /// `smearedFraction` per bin when σ < 2 panel widths somewhere; σ ≡ 0 gives unsmeared bins.
    /// Expected background counts per bin are N_decays × P_i.
    ///
    /// The plain (untruncated) Gaussian; nue's detector response (truncated at E_reco ≥ 0, the last
    /// bin taking the overflow) is `Simulation.DetectorResponse.binFractions(of:edges:)`.
    ///
    /// - Parameter edges: at least 2, strictly increasing, finite.
    public func smearedBinFractions(edges: [Double], resolution sigma: @escaping (Double) -> Double) throws -> [Double] {
        try PhysicsInputError.checkBinEdges(edges)
        var sigmas = [Double](repeating: 0, count: nodeEnergies.count)
        var minSigma = Double.infinity
        for (i, e) in nodeEnergies.enumerated() {
            let s = sigma(e)
            guard s.isFinite, s >= 0 else {
                throw PhysicsInputError.invalidParameter(name: "resolution σ(E = \(e) MeV)", value: s,
                                                         requirement: "must be finite and ≥ 0 MeV")
            }
            sigmas[i] = s
            minSigma = Swift.min(minSigma, s)
        }
        let allZero = sigmas.allSatisfy { $0 == 0 }
        if !allZero && minSigma < 2 * panelWidth || allZero {
            return try (0..<edges.count - 1).map {
                try smearedFraction(from: edges[$0], to: edges[$0 + 1], resolution: sigma)
            }
        }
        let bins = edges.count - 1
        var fractions = [Double](repeating: 0, count: bins)
        var cdf = [Double](repeating: 0, count: edges.count)
        for (k, (e, m)) in zip(nodeEnergies, nodeMasses).enumerated() where m > 0 {
            let s = sigmas[k]
            let weight = m
            // Edges below e − 9σ have Φ = 0, above e + 9σ Φ = 1.
            let first = Self.firstIndex(in: edges, notBelow: e - 9 * s)
            let last = Self.firstIndex(in: edges, notBelow: e + 9 * s)
            guard first < edges.count, last > 0 else { continue }
            for j in first..<Swift.min(last, edges.count) { cdf[j] = Distributions.normalCDF((edges[j] - e) / s) }
            if last < edges.count { cdf[last] = 1 }
            let lo = Swift.max(first, 1) - 1
            if first > 0 { cdf[first - 1] = 0 }
            for i in lo..<Swift.min(last, bins) { fractions[i] += weight * (cdf[i + 1] - cdf[i]) }
        }
        return fractions
    }

    /// The first index j with edges[j] ≥ x (edges.count if none), by bisection.
    static func firstIndex(in edges: [Double], notBelow x: Double) -> Int {
        var lo = 0, hi = edges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if edges[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
