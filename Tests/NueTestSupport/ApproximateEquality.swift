/// |a − b| / |b|: the relative difference of `a` from the reference `b` (∞ when b = 0 ≠ a).
public func relativeDifference(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : abs(a - b) / abs(b)
}

/// Whether `a` and `b` agree within `absoluteTolerance` or within `relativeTolerance` of the
/// larger magnitude (the convention of swift-numerics' `isApproximatelyEqual`). NaN never
/// agrees with anything.
public func isApproximatelyEqual(_ a: Double, _ b: Double, relativeTolerance: Double,
                                 absoluteTolerance: Double = 0) -> Bool {
    guard a.isFinite, b.isFinite else { return a == b }
    let difference = abs(a - b)
    return difference <= absoluteTolerance || difference <= relativeTolerance * max(abs(a), abs(b))
}

/// Element-wise `isApproximatelyEqual` of two arrays of the same length.
public func isApproximatelyEqual(_ a: [Double], _ b: [Double], relativeTolerance: Double,
                                 absoluteTolerance: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy {
        isApproximatelyEqual($0, $1, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
    }
}
