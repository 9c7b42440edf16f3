import Foundation
import GSL

/// Applies a detector to generated events:
/// - energy: T_reco = T + σ_T(T)·z, z standard normal; a negative T_reco is redrawn (the response
///   is the Gaussian truncated to T_reco ≥ 0, as in `DetectorResponse`);
/// - direction: the true direction is rotated by a polar angle δ drawn from the von Mises–Fisher
///   distribution with κ = 1/σ_θ² (Wood, Commun. Stat. Simul. 23, 157 (1994): cos δ = 1 + ln(v + (1 − v)e^{−2κ})/κ;
///   δ ≈ Rayleigh(σ_θ) for small σ_θ) about a uniform azimuth ψ:
///   cos θ' = cos θ cos δ + sin θ sin δ cos ψ; NaN when the detector measures no direction;
/// - selection: detected when T_reco ≥ threshold and a uniform draw is below the efficiency.
public struct DetectorSimulator: Sendable {
    public let detector: Detector
    public let response: DetectorResponse
    @usableFromInline let a2: Double, b2: Double, c2: Double
    @usableFromInline let smearsEnergy: Bool
    @usableFromInline let threshold: Double, efficiency: Double
    /// 0: no direction; otherwise the vMF concentration κ = 1/σ_θ² (σ_θ in radians); +∞ for a perfect direction.
    @usableFromInline let concentration: Double
    @usableFromInline let measuresDirection: Bool

    public init(detector: Detector, thresholdMeV: Double) {
        self.detector = detector
        response = DetectorResponse(resolution: detector.resolution, thresholdMeV: thresholdMeV, efficiency: detector.efficiency)
        let r = detector.resolution
        a2 = r.stochastic * r.stochastic
        b2 = r.constant * r.constant
        c2 = r.noiseMeV * r.noiseMeV
        smearsEnergy = !r.isPerfect
        threshold = thresholdMeV
        efficiency = detector.efficiency
        if let deg = detector.directionResolutionDegrees {
            measuresDirection = true
            let rad = deg * Double.pi / 180
            concentration = rad > 0 ? 1 / (rad * rad) : .infinity
        } else {
            measuresDirection = false
            concentration = 0
        }
    }

    /// Fills the reconstructed fields and `detected` of `event`.
    @inlinable
    public func simulate(_ event: inout Event, stream: RandomStream) {
        let t = event.recoilMeV
        var reco = t
        if smearsEnergy {
            let sigma = (a2 * t + b2 * t * t + c2).squareRoot()
            repeat { reco = t + stream.gaussian(sigma: sigma) } while reco < 0
        }
        event.recoRecoilMeV = reco
        if measuresDirection {
            if concentration.isInfinite {
                event.cosThetaReco = event.cosTheta
            } else {
                let v = stream.uniformPositive()
                let k = concentration
                let cosDelta = max(-1, 1 + log(v + (1 - v) * exp(-2 * k)) / k)
                let sinDelta = (max(0, 1 - cosDelta * cosDelta)).squareRoot()
                let c = event.cosTheta, s = (max(0, 1 - c * c)).squareRoot()
                let psi = 2 * Double.pi * stream.uniform()
                event.cosThetaReco = max(-1, min(1, c * cosDelta + s * sinDelta * cos(psi)))
            }
        } else {
            event.cosThetaReco = .nan
        }
        var pass = reco >= threshold
        if pass, efficiency < 1 { pass = stream.uniform() < efficiency }
        event.detected = pass
    }
}
