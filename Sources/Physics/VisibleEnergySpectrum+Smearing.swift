import Foundation
import GSL

extension VisibleEnergySpectrum {
    /// P(lo < E_reco ≤ hi) for a Gaussian energy response of width σ(E_vis) (MeV, a function of
    /// the true visible energy, e.g. σ = a√E):
    ///
    ///     P = ∫ ρ(E) [Φ((hi − E)/σ(E)) − Φ((lo − E)/σ(E))] dE
    ///
    /// Φ is the standard normal CDF (GSL `gsl_cdf_ugaussian_P`, i.e. erf) — the Gaussian window
    /// is integrated analytically, ρ by the precomputed composite 4-point Gauss–Legendre grid
    /// (relative accuracy ≲ 10⁻¹⁰ against GSL CQUAD for σ ≥ 2 panel widths, i.e. ≥ 7 keV for ⁴²K
    /// with the default 1024 panels; the γ-shifted branches start on a panel edge, so the jumps
    /// of ρ cost no accuracy).
    /// Where σ is smaller somewhere, each branch is integrated adaptively with GSL CQUAD
    /// instead; σ ≤ 0 everywhere gives the unsmeared `fraction(from:to:)`. The reconstructed
    /// energy may be negative (a Gaussian tail): `lo` = −∞ counts it. `hi` may be +∞.
    ///
    /// This is the plain (untruncated) Gaussian of the β-spectrum physics; nue's detector response
    /// (truncated at E_reco ≥ 0, overflow in the last bin) is `Simulation.DetectorResponse`, whose
    /// `binFractions(of:edges:)` folds this spectrum for the ⁴²Ar/⁴²K background.
    public func smearedFraction(from lo: Double, to hi: Double = .infinity,
                                resolution sigma: @escaping (Double) -> Double) throws -> Double {
        guard hi > lo else { return 0 }
        var minSigma = Double.infinity, maxSigma = 0.0
        for e in nodeEnergies {
            let s = sigma(e)
            guard s.isFinite, s >= 0 else {
                throw PhysicsInputError.invalidParameter(name: "resolution σ(E = \(e) MeV)", value: s,
                                                         requirement: "must be finite and ≥ 0 MeV")
            }
            minSigma = Swift.min(minSigma, s)
            maxSigma = Swift.max(maxSigma, s)
        }
        if maxSigma == 0 { return try fraction(from: lo, to: hi) }
        if minSigma >= 2 * panelWidth {
            var sum = 0.0
            for (e, m) in zip(nodeEnergies, nodeMasses) where m > 0 {
                sum += m * Self.window(e, lo, hi, sigma(e))
            }
            return sum
        }
        // Narrow response somewhere: adaptive integration per branch (the window is steep).
        let integrator = Integrator(limit: 1000)
        var sum = 0.0
        for (c, pi) in zip(components, probabilities) where pi > 0 {
            let shift = gammaContainment * c.branch.gammaEnergy
            let branch = c.branch
            sum += try pi * integrator.cquad(
                { t in
                    branch.density(kineticEnergy: t) * Self.window(t + shift, lo, hi, sigma(t + shift))
                },
                from: 0, to: branch.endpointKineticEnergy, absoluteTolerance: 1e-13, relativeTolerance: 1e-9).value
        }
        return sum
    }

    /// P(E_reco > threshold) for Gaussian smearing σ(E) (MeV).
    public func smearedFraction(above threshold: Double, resolution sigma: @escaping (Double) -> Double) throws -> Double {
        try smearedFraction(from: threshold, to: .infinity, resolution: sigma)
    }

    /// Φ((hi − e)/σ) − Φ((lo − e)/σ), the step function for σ = 0.
    static func window(_ e: Double, _ lo: Double, _ hi: Double, _ s: Double) -> Double {
        if s <= 0 { return (e > lo && e <= hi) ? 1 : 0 }
        let upper = hi == .infinity ? 1 : Distributions.normalCDF((hi - e) / s)
        let lower = lo == -.infinity ? 0 : Distributions.normalCDF((lo - e) / s)
        return upper - lower
    }
}
