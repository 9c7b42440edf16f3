/// Whether a fit may be trusted. `atBound` is a valid result with θ̂ (or a nuisance) on its
/// physical boundary; only `failed` counts as a failure in batch results.
public enum FitStatus: String, Sendable, Codable, CaseIterable {
    case converged
    case atBound = "at-bound"
    case failed

    /// The worse of two statuses (failed > at-bound > converged).
    @inlinable
    public func combined(with other: FitStatus) -> FitStatus {
        if self == .failed || other == .failed { return .failed }
        if self == .atBound || other == .atBound { return .atBound }
        return .converged
    }
}
