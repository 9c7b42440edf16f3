import Foundation
import GSL
import Physics

extension DetectorResponse {
    /// The binned fold of a β-decay visible-energy spectrum ρ(E) (⁴²Ar/⁴²K) with this response,
    /// the energy axis being the visible energy E (MeV):
    ///
    ///     P_i = ∫ ρ(E) P(E_reco ∈ bin i | E) dE      (`binProbability`, truncation and overflow included)
    ///
    /// on the spectrum's Gauss–Legendre grid (`VisibleEnergySpectrum.nodeEnergies`/`nodeMasses`)
    /// when σ(E) ≥ 2 panel widths at every node; otherwise per bin and β branch by GSL CQUAD of
    /// ρ_c(T) P_i(T + f_γ E_γ) over [0, T₀] (absolute 10⁻¹³, relative 10⁻⁹; the window is steep
    /// where σ is small). Without the efficiency; expected counts are N_decays × ε × P_i.
    /// - Parameter edges: at least 2, strictly increasing, finite, the first ≥ 0.
    public func binFractions(of spectrum: VisibleEnergySpectrum, edges: [Double]) throws -> [Double] {
        guard edges.count >= 2, edges.allSatisfy(\.isFinite), edges[0] >= 0 else {
            throw SimulationError.invalidBinning("need at least 2 finite edges, the first ≥ 0 (reconstructed energy)")
        }
        for k in 1..<edges.count where !(edges[k] > edges[k - 1]) {
            throw SimulationError.invalidBinning("edges must increase strictly (edge \(k): \(edges[k - 1]) then \(edges[k]))")
        }
        let bins = edges.count - 1
        let minSigma = spectrum.nodeEnergies.map { resolution.sigmaMeV(at: visibleEnergy(trueEnergyMeV: $0)) }.min() ?? 0
        if minSigma >= 2 * spectrum.panelWidth {
            var fractions = [Double](repeating: 0, count: bins)
            var p = fractions, tails = edges
            for (e, m) in zip(spectrum.nodeEnergies, spectrum.nodeMasses) where m > 0 {
                binProbabilities(trueEnergyMeV: e, edges: edges, into: &p, tails: &tails)
                for i in 0..<bins { fractions[i] += m * p[i] }
            }
            return fractions
        }
        let integrator = Integrator(limit: 1000)
        return try (0..<bins).map { i in
            var sum = 0.0
            for (c, pi) in zip(spectrum.components, spectrum.probabilities) where pi > 0 {
                let shift = spectrum.gammaContainment * c.branch.gammaEnergy
                let branch = c.branch
                sum += try pi * integrator.cquad({ t in
                    branch.density(kineticEnergy: t) * binProbability(i, trueEnergyMeV: t + shift, edges: edges)
                }, from: 0, to: branch.endpointKineticEnergy, absoluteTolerance: 1e-13, relativeTolerance: 1e-9).value
            }
            return sum
        }
    }
}
