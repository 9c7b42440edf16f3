/// A histosys modifier: the additive per-bin change δ_b(α) of a sample between its nominal
/// template I⁰ and its ±1σ templates I⁺, I⁻ (expected counts per bin), with `InterpolationCode`
/// `code0` (piecewise linear) or `code4p` (polynomial inside |α| ≤ 1, linear outside; pyhf's
/// default). With δ⁺ = I⁺ − I⁰, δ⁻ = I⁰ − I⁻, S = (δ⁺ + δ⁻)/2, A = (δ⁺ − δ⁻)/16:
///
///     code0:  δ(α) = α δ⁺ (α > 0),  α δ⁻ (α ≤ 0);            dδ/dα = δ⁺ or δ⁻
///     code4p: δ(α) = α S + (15α² − 10α⁴ + 3α⁶) A  (|α| ≤ 1);  dδ/dα = S + (30α − 40α³ + 18α⁵) A
///             δ(α) = α δ⁺ (α > 1),  α δ⁻ (α < −1)
///
/// (CERN-OPEN-2012-016; pyhf `interpolators.code4p`; docs/physics.md §15.3). At α = 0 code0 takes
/// the lower branch's slope δ⁻ (pyhf's `alpha > 0` test). Nothing is allocated after `init`.
public struct HistoSysInterpolation: Sendable {
    public let code: InterpolationCode
    public let binCount: Int
    /// δ⁺_b, δ⁻_b, S_b, A_b (counts).
    @usableFromInline let deltaUp: [Double]
    @usableFromInline let deltaDown: [Double]
    @usableFromInline let symmetric: [Double]
    @usableFromInline let asymmetric: [Double]

    /// - Throws: `StatisticsError` for templates of different lengths, non-finite entries, or a
    ///   code other than `code0`/`code4p`.
    public init(nominal: [Double], up: [Double], down: [Double], code: InterpolationCode = .code4p) throws(StatisticsError) {
        guard code == .code0 || code == .code4p else {
            throw StatisticsError("histosys interpolation \(code.rawValue) is not available (choose code0 or code4p)")
        }
        guard !nominal.isEmpty, up.count == nominal.count, down.count == nominal.count else {
            throw StatisticsError("histosys templates need equal, non-zero bin counts (nominal \(nominal.count), up \(up.count), down \(down.count))")
        }
        guard (nominal + up + down).allSatisfy(\.isFinite) else {
            throw StatisticsError("histosys templates must be finite in every bin")
        }
        self.code = code
        binCount = nominal.count
        deltaUp = zip(up, nominal).map { $0 - $1 }
        deltaDown = zip(nominal, down).map { $0 - $1 }
        symmetric = zip(deltaUp, deltaDown).map { 0.5 * ($0 + $1) }
        asymmetric = zip(deltaUp, deltaDown).map { 0.0625 * ($0 - $1) }
    }

    /// δ_b(α) for one bin (counts).
    public func delta(_ alpha: Double, bin b: Int) -> Double {
        let c = coefficients(alpha).value
        switch c.kind {
        case .up: return alpha * deltaUp[b]
        case .down: return alpha * deltaDown[b]
        case .polynomial: return c.symmetric * symmetric[b] + c.asymmetric * asymmetric[b]
        }
    }

    /// dδ_b/dα for one bin (counts per unit α).
    public func derivative(_ alpha: Double, bin b: Int) -> Double {
        let d = coefficients(alpha).derivative
        switch d.kind {
        case .up: return deltaUp[b]
        case .down: return deltaDown[b]
        case .polynomial: return d.symmetric * symmetric[b] + d.asymmetric * asymmetric[b]
        }
    }

    /// Adds δ_b(α) to `values[b]` for every bin and, when `derivative` is given, writes dδ_b/dα
    /// times `scale` to `derivative[b]` (allocation-free; the caller owns both buffers of
    /// `binCount` values).
    @inlinable
    public func accumulate(_ alpha: Double, into values: UnsafeMutablePointer<Double>,
                           derivative: UnsafeMutablePointer<Double>?, scale: Double = 1) {
        let (c, d) = coefficients(alpha)
        switch c.kind {
        case .up, .down:
            deltaUp.withUnsafeBufferPointer { up in
                deltaDown.withUnsafeBufferPointer { down in
                    let slope = c.kind == .up ? up : down
                    for b in 0..<binCount { values[b] += alpha * slope[b] }
                    if let derivative { for b in 0..<binCount { derivative[b] = scale * slope[b] } }
                }
            }
        case .polynomial:
            symmetric.withUnsafeBufferPointer { s in
                asymmetric.withUnsafeBufferPointer { a in
                    for b in 0..<binCount { values[b] += c.symmetric * s[b] + c.asymmetric * a[b] }
                    if let derivative {
                        let ds = scale * d.symmetric, da = scale * d.asymmetric
                        for b in 0..<binCount { derivative[b] = ds * s[b] + da * a[b] }
                    }
                }
            }
        }
    }

    /// Which branch α falls in, and the weights of S and A in δ and in dδ/dα there.
    @usableFromInline
    struct Weights {
        @usableFromInline enum Kind { case up, down, polynomial }
        @usableFromInline var kind: Kind
        @usableFromInline var symmetric: Double
        @usableFromInline var asymmetric: Double
        @usableFromInline init(_ kind: Kind, _ symmetric: Double, _ asymmetric: Double) {
            self.kind = kind
            self.symmetric = symmetric
            self.asymmetric = asymmetric
        }
    }

    @inlinable
    func coefficients(_ alpha: Double) -> (value: Weights, derivative: Weights) {
        switch code {
        case .code4p:
            if alpha > 1 { return (Weights(.up, 0, 0), Weights(.up, 0, 0)) }
            if alpha < -1 { return (Weights(.down, 0, 0), Weights(.down, 0, 0)) }
            let a2 = alpha * alpha
            let value = Weights(.polynomial, alpha, a2 * (15 + a2 * (3 * a2 - 10)))
            let slope = Weights(.polynomial, 1, alpha * (30 + a2 * (18 * a2 - 40)))
            return (value, slope)
        default:
            let kind: Weights.Kind = alpha > 0 ? .up : .down
            return (Weights(kind, 0, 0), Weights(kind, 0, 0))
        }
    }
}
