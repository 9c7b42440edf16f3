/// A histosys modifier: the additive per-bin change δ_b(α) of a sample between its nominal
/// template I⁰ and its ±1σ templates I⁺, I⁻ (expected counts per bin), with `InterpolationCode`
/// `code0` (piecewise linear) or `code4p` (polynomial inside |α| ≤ 1, linear outside; pyhf's
/// default). With δ⁺ = I⁺ − I⁰, δ⁻ = I⁰ − I⁻, S = (δ⁺ + δ⁻)/2, A = (δ⁺ − δ⁻)/16:
///
///     code0:  δ(α) = α δ⁺ (α > 0),  α δ⁻ (α ≤ 0);            dδ/dα = δ⁺ or δ⁻
///     code4p: δ(α) = α S + (15α² − 10α⁴ + 3α⁶) A  (|α| ≤ 1);  dδ/dα = S + (30α − 40α³ + 18α⁵) A
///             δ(α) = α δ⁺ (α > 1),  α δ⁻ (α < −1)
///
/// (CERN-OPEN-2012-016; pyhf `interpolators.code4p`; docs/physics.md §16.3). At α = 0 code0 takes
/// the lower branch's slope δ⁻ (pyhf's `alpha > 0` test). Nothing is allocated after `init`.
public struct HistoSysInterpolation: Sendable {
    public let code: InterpolationCode
    public let binCount: Int
    /// δ⁺_b, δ⁻_b, S_b, A_b (counts).
    let deltaUp: [Double]
    let deltaDown: [Double]
    let symmetric: [Double]
    let asymmetric: [Double]

    /// - Throws: `StatisticsError` for templates of different lengths, non-finite entries, or a
    ///   code other than `code0`/`code4p`.
    public init(nominal: [Double], up: [Double], down: [Double], code: InterpolationCode = .code4p) throws {
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

    /// The branch of α: +1 linear in δ⁺, −1 linear in δ⁻, 0 the code4p polynomial.
    func branch(_ alpha: Double) -> Int { Self.branch(alpha, code: code) }

    @inline(__always)
    static func branch(_ alpha: Double, code: InterpolationCode) -> Int {
        switch code {
        case .code4p: alpha > 1 ? 1 : (alpha < -1 ? -1 : 0)
        default: alpha > 0 ? 1 : -1
        }
    }

    /// d²δ/dα² = c A_b on code4p's polynomial branch: c = 30 − 120α² + 90α⁴.
    @inline(__always)
    static func polynomialCurvature(_ alpha: Double) -> Double {
        let a2 = alpha * alpha
        return 30 + a2 * (90 * a2 - 120)
    }

    /// The weights of S and A in δ(α) and in dδ/dα on the polynomial branch.
    static func polynomialWeights(_ alpha: Double) -> (s: Double, a: Double, ds: Double, da: Double) {
        let a2 = alpha * alpha
        return (alpha, a2 * (15 + a2 * (3 * a2 - 10)), 1, alpha * (30 + a2 * (18 * a2 - 40)))
    }

    /// δ_b(α) for one bin (counts).
    public func delta(_ alpha: Double, bin b: Int) -> Double {
        switch branch(alpha) {
        case 1: return alpha * deltaUp[b]
        case -1: return alpha * deltaDown[b]
        default:
            let w = Self.polynomialWeights(alpha)
            return w.s * symmetric[b] + w.a * asymmetric[b]
        }
    }

    /// dδ_b/dα for one bin (counts per unit α).
    public func derivative(_ alpha: Double, bin b: Int) -> Double {
        switch branch(alpha) {
        case 1: return deltaUp[b]
        case -1: return deltaDown[b]
        default:
            let w = Self.polynomialWeights(alpha)
            return w.ds * symmetric[b] + w.da * asymmetric[b]
        }
    }

    /// d²δ_b/dα² for one bin: (30 − 120α² + 90α⁴) A_b on code4p's polynomial branch, else 0.
    public func secondDerivative(_ alpha: Double, bin b: Int) -> Double {
        guard code == .code4p, branch(alpha) == 0 else { return 0 }
        return Self.polynomialCurvature(alpha) * asymmetric[b]
    }

    /// For every bin at once (the branch and weights computed once): adds δ_b(α) to `values[b]`,
    /// writes dδ_b/dα to `first[b]` and d²δ_b/dα² to `second[b]` (allocation-free). The second
    /// derivative is (30 − 120α² + 90α⁴) A_b on code4p's polynomial branch, 0 on the linear branches
    /// and for code0 (whose kink at α = 0 has none; a Newton step there uses the one-sided 0).
    public func evaluate(_ alpha: Double, into values: UnsafeMutablePointer<Double>, first: UnsafeMutablePointer<Double>,
                         second: UnsafeMutablePointer<Double>) {
        let n = binCount
        switch branch(alpha) {
        case 0:
            let w = Self.polynomialWeights(alpha), curvature = code == .code4p ? Self.polynomialCurvature(alpha) : 0
            symmetric.withUnsafeBufferPointer { s in
                asymmetric.withUnsafeBufferPointer { a in
                    for b in 0..<n {
                        values[b] += w.s * s[b] + w.a * a[b]
                        first[b] = w.ds * s[b] + w.da * a[b]
                        second[b] = curvature * a[b]
                    }
                }
            }
        case let side:
            (side > 0 ? deltaUp : deltaDown).withUnsafeBufferPointer { slope in
                for b in 0..<n {
                    values[b] += alpha * slope[b]
                    first[b] = slope[b]
                    second[b] = 0
                }
            }
        }
    }

    /// δ⁺, δ⁻, S, A one after the other (`binCount` each): the layout of `evaluate(_:code:table:…)`.
    var table: [Double] { deltaUp + deltaDown + symmetric + asymmetric }

    /// `evaluate(_:into:first:second:)` from a `table` (δ⁺, δ⁻, S, A) of `bins` values each, for
    /// callers that keep many modifiers in one buffer; `first`/`second` nil: δ only. The same
    /// branches and weights; allocation- and reference-counting-free.
    @inline(__always)
    static func evaluate(_ alpha: Double, code: InterpolationCode, table: UnsafePointer<Double>, bins n: Int,
                         into values: UnsafeMutablePointer<Double>, first: UnsafeMutablePointer<Double>?,
                         second: UnsafeMutablePointer<Double>?) {
        let side = branch(alpha, code: code)
        if side == 0 {
            let w = polynomialWeights(alpha), s = table + 2 * n, a = table + 3 * n
            for b in 0..<n { values[b] += w.s * s[b] + w.a * a[b] }
            if let first, let second {
                let curvature = polynomialCurvature(alpha)
                for b in 0..<n {
                    first[b] = w.ds * s[b] + w.da * a[b]
                    second[b] = curvature * a[b]
                }
            }
            return
        }
        let slope = side > 0 ? table : table + n
        for b in 0..<n { values[b] += alpha * slope[b] }
        if let first, let second {
            first.update(from: slope, count: n)
            second.update(repeating: 0, count: n)
        }
    }

    /// Adds δ_b(α) to `values[b]` for every bin and, when `derivative` is given, writes dδ_b/dα
    /// times `scale` to `derivative[b]` (allocation-free; the caller owns both buffers of
    /// `binCount` values).
    public func accumulate(_ alpha: Double, into values: UnsafeMutablePointer<Double>,
                           derivative: UnsafeMutablePointer<Double>?, scale: Double = 1) {
        let n = binCount
        switch branch(alpha) {
        case 0:
            let w = Self.polynomialWeights(alpha)
            symmetric.withUnsafeBufferPointer { s in
                asymmetric.withUnsafeBufferPointer { a in
                    for b in 0..<n { values[b] += w.s * s[b] + w.a * a[b] }
                    if let derivative {
                        let ds = scale * w.ds, da = scale * w.da
                        for b in 0..<n { derivative[b] = ds * s[b] + da * a[b] }
                    }
                }
            }
        case let side:
            (side > 0 ? deltaUp : deltaDown).withUnsafeBufferPointer { slope in
                for b in 0..<n { values[b] += alpha * slope[b] }
                if let derivative { for b in 0..<n { derivative[b] = scale * slope[b] } }
            }
        }
    }
}
