import Foundation
import GSL

/// The simulation side of the response: one event at a time, with the random numbers noted.
extension DetectorResponse {
    /// T_reco = E' + σ_T(E')·z with E' = f(T) (`visibleEnergy`), redrawn while negative (one
    /// Gaussian per draw; none for a perfect resolution), MeV.
    @inlinable
    public func sampleReconstructedEnergy(trueEnergyMeV t: Double, stream: RandomStream) -> Double {
        let e = visibleEnergy(trueEnergyMeV: t)
        guard !resolution.isPerfect else { return e }
        let sigma = resolution.sigmaMeV(at: e)
        var reco: Double
        repeat { reco = e + stream.gaussian(sigma: sigma) } while reco < 0
        return reco
    }

    /// Threshold then efficiency: T_reco ≥ threshold, and (only then, when ε < 1) one uniform < ε.
    @inlinable
    public func accepts(reconstructedEnergyMeV reco: Double, stream: RandomStream) -> Bool {
        var pass = reco >= thresholdMeV
        if pass, efficiency < 1 { pass = stream.uniform() < efficiency }
        return pass
    }

    /// The reconstructed cos θ of a direction at cos θ = `cosTheta` to the reference axis, after vMF
    /// smearing with concentration `kappa` (`vonMisesConcentration`): one uniform v ∈ (0, 1] for
    /// the polar angle δ, one uniform for the azimuth ψ; cos θ' = cos θ cos δ + sin θ sin δ cos ψ.
    /// κ = +∞ returns cos θ and draws nothing.
    @inlinable
    public static func smearedCosine(_ cosTheta: Double, concentration kappa: Double, stream: RandomStream) -> Double {
        if kappa.isInfinite { return cosTheta }
        let v = stream.uniformPositive()
        let cosDelta = max(-1, 1 + log(v + (1 - v) * exp(-2 * kappa)) / kappa)
        let sinDelta = (max(0, 1 - cosDelta * cosDelta)).squareRoot()
        let c = cosTheta, s = (max(0, 1 - c * c)).squareRoot()
        let psi = 2 * Double.pi * stream.uniform()
        return max(-1, min(1, c * cosDelta + s * sinDelta * cos(psi)))
    }
}
