import Foundation
import GSL

/// Isotropic emission: radioactive-decay electrons and γs have no preferred direction.
///
/// For any fixed axis (e.g. the direction from the IsoDAR source), cos θ is uniform in [−1, 1],
/// so a directional cut cos θ_reco > c keeps the fraction (1 − c)/2. This stays exact after
/// direction smearing whenever the angular response depends only on the angle between the true
/// and reconstructed directions (a rotation-invariant kernel): the reconstructed direction is
/// then R·n with R a random rotation about n independent of n's orientation, and the uniform
/// distribution on the sphere is invariant under such a smearing (the kernel commutes with
/// every rotation, and the uniform measure is the unique rotation-invariant one). Only the signal
/// (which points away from the source) is changed by the cut beyond this factor.
public enum IsotropicDirection {
    /// Fraction of an isotropic population with cos θ > `cosineCut` (dimensionless), the cut
    /// clamped to [−1, 1]: (1 − c)/2.
    public static func fractionPassing(cosineCut c: Double) -> Double {
        (1 - Swift.min(1, Swift.max(-1, c))) / 2
    }

    /// A random unit vector, uniform on the sphere (cos θ uniform in [−1, 1], φ uniform).
    public static func sample(using rng: RandomStream) -> (x: Double, y: Double, z: Double) {
        let cosTheta = 2 * rng.uniform() - 1
        let phi = 2 * Double.pi * rng.uniform()
        let sinTheta = (1 - cosTheta * cosTheta).squareRoot()
        return (sinTheta * cos(phi), sinTheta * sin(phi), cosTheta)
    }
}
