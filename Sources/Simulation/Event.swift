/// One ν̄e e⁻ → ν̄e e⁻ event: truth and, after `DetectorSimulator`, the reconstruction.
/// Angles are to the neutrino direction at the vertex (the z axis). Energies in MeV.
public struct Event: Sendable, Equatable {
    /// Neutrino energy E_ν, MeV.
    public var neutrinoEnergyMeV: Double
    /// True electron kinetic energy T, MeV.
    public var recoilMeV: Double
    /// cos θ_e of the true electron direction (fixed by E and T: `Kinematics.cosRecoilAngle`).
    public var cosTheta: Double
    /// Azimuth of the electron around the neutrino direction, radians in [0, 2π).
    public var azimuth: Double
    /// Reconstructed kinetic energy, MeV (≥ 0).
    public var recoRecoilMeV: Double
    /// cos θ of the reconstructed direction; NaN when the detector measures no direction.
    public var cosThetaReco: Double
    /// Event weight: 1 for unweighted events; f/g normalized to mean 1 for weighted ones.
    public var weight: Double
    /// Whether the event passed threshold and efficiency.
    public var detected: Bool

    public init(neutrinoEnergyMeV: Double = 0, recoilMeV: Double = 0, cosTheta: Double = 0, azimuth: Double = 0,
                recoRecoilMeV: Double = 0, cosThetaReco: Double = .nan, weight: Double = 1, detected: Bool = false) {
        self.neutrinoEnergyMeV = neutrinoEnergyMeV
        self.recoilMeV = recoilMeV
        self.cosTheta = cosTheta
        self.azimuth = azimuth
        self.recoRecoilMeV = recoRecoilMeV
        self.cosThetaReco = cosThetaReco
        self.weight = weight
        self.detected = detected
    }
}
