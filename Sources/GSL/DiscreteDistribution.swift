import CGSL

/// A discrete distribution over indices 0..<n, preprocessed for O(1) sampling with Walker's
/// alias method (`gsl_ran_discrete_preproc`). Immutable after creation; sampling only reads it,
/// so one table may serve many `RandomStream`s concurrently.
public final class DiscreteDistribution: @unchecked Sendable {
    @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    public let count: Int

    /// - Parameter weights: non-negative, finite, not all zero (need not be normalized).
    public init(weights: [Double]) throws {
        GSLRuntime.prepare()
        guard !weights.isEmpty else { throw GSLError("discrete distribution: no weights") }
        guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw GSLError("discrete distribution: weights must be finite and non-negative")
        }
        guard weights.contains(where: { $0 > 0 }) else {
            throw GSLError("discrete distribution: all weights are zero")
        }
        guard let t = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            throw GSLError("discrete distribution: gsl_ran_discrete_preproc failed")
        }
        table = t
        count = weights.count
    }

    deinit { gsl_ran_discrete_free(table) }

    /// Probability of index `k` (normalized).
    public func probability(_ k: Int) -> Double { gsl_ran_discrete_pdf(k, table) }
}
