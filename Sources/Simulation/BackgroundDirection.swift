/// How a background's electrons point relative to the IsoDAR source: the hook for directional
/// detectors (docs/physics.md §8). The scintillator presets measure no direction, so nothing
/// uses it yet; a directional cut (`DirectionalCut`) would keep (1 − c)/2 of an isotropic
/// component (`IsotropicDirection.fractionPassing`) and, for solar ν–e recoils, a fraction that
/// depends on the Sun's position over the run (not modelled).
public enum BackgroundDirection: String, Sendable, Codable {
    /// Decays, IBD positrons (nearly isotropic at these energies): cos θ uniform in [−1, 1].
    case isotropic
    /// Solar ν–e recoils: forward along the Sun–detector direction, which moves over the day and the year.
    case fromSun
}
