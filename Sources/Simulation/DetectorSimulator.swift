import Foundation
import GSL

/// Applies a detector to generated events with its `DetectorResponse` (where the conventions and
/// their formulas live), per event and in this order of random draws:
/// - energy: `sampleReconstructedEnergy` (Gaussian, redrawn while T_reco < 0);
/// - direction: `smearedCosine` with κ = 1/σ_θ² (two uniforms; none for a perfect direction);
///   NaN when the detector measures no direction;
/// - selection: `accepts` (T_reco ≥ threshold, then one uniform < ε when ε < 1).
public struct DetectorSimulator: Sendable {
    public let detector: Detector
    public let response: DetectorResponse
    /// 0: no direction; otherwise the vMF concentration κ = 1/σ_θ² (σ_θ in radians); +∞ for a perfect direction.
    @usableFromInline let concentration: Double
    @usableFromInline let measuresDirection: Bool

    public init(detector: Detector, thresholdMeV: Double) {
        self.detector = detector
        response = DetectorResponse(detector: detector, thresholdMeV: thresholdMeV)
        if let deg = response.directionResolutionDegrees {
            measuresDirection = true
            concentration = DetectorResponse.vonMisesConcentration(degrees: deg)
        } else {
            measuresDirection = false
            concentration = 0
        }
    }

    /// Fills the reconstructed fields and `detected` of `event`.
    @inlinable
    public func simulate(_ event: inout Event, stream: RandomStream) {
        let reco = response.sampleReconstructedEnergy(trueEnergyMeV: event.recoilMeV, stream: stream)
        event.recoRecoilMeV = reco
        event.cosThetaReco = measuresDirection
            ? DetectorResponse.smearedCosine(event.cosTheta, concentration: concentration, stream: stream) : .nan
        event.detected = response.accepts(reconstructedEnergyMeV: reco, stream: stream)
    }
}
