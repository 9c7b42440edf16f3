/// How expected counts are normalized.
public enum Normalization: Sendable, Equatable {
    /// Scale so that the SM expectation with reconstructed T above threshold (after efficiency)
    /// equals this number of events (the mission's convention: e.g. 3000 for KamLAND > 3 MeV).
    case smEventsAboveThreshold(Double)
    /// Absolute: emitted ν̄e × target electrons × ⟨1/(4πL²)⟩ × flux-averaged σ × efficiency.
    case exposure(Exposure)
}
