import CGSL

/// Standard normal variates by the ziggurat method of Marsaglia & Tsang, "The Ziggurat Method for
/// Generating Random Variables", J. Stat. Softw. 5(8) (2000), with 256 layers, reading the 32-bit
/// words of a `RandomStream` directly (no call through GSL per variate).
///
/// With f(x) = exp(−x²/2), x ≥ 0, the 256 layers have equal area v: the base layer
/// [0, x₀) × [0, f(r)] with x₀ = v/f(r) (the rectangle up to r plus, beyond r, the tail's share),
/// and layers i = 1…255 the rectangles [0, x_i) × [f(x_i), f(x_{i+1})], with x₁ = r,
/// x_{i+1} = f⁻¹(f(x_i) + v/x_i), x₂₅₆ = 0. r and v solve v = r f(r) + ∫_r^∞ f (the tail integral
/// √(π/2) erfc(r/√2)) and x₂₅₅ (1 − f(x₂₅₅)) = v; they are found here at start-up by bisection in r
/// (the paper's r = 3.6541528853610088, v = 4.92867323399×10⁻³ for 256 layers).
///
/// One word gives the layer i (bits 0–7), the sign (bit 8) and x = j x_i/2²³ with j (bits 9–31)
/// uniform on 2²³ values; x < x_{i+1} (the core, 98.5 % of words; 97.2 % with 128 layers) is
/// accepted at once. Otherwise,
/// for i ≥ 1 the point is accepted when f(x_i) + u (f(x_{i+1}) − f(x_i)) < f(x) (the wedge), and in
/// the base layer a tail variate r + a is drawn by Marsaglia's method (a = −ln(u₁)/r, accepted when
/// −2 ln u₂ > a²); a rejected wedge point restarts with a new word. Immutable; shared by all threads.
public final class ZigguratGaussian: @unchecked Sendable {
    /// The one table set, computed once.
    public static let shared = ZigguratGaussian()
    public static let layers = 256

    /// r, where the tail begins.
    public let tailStart: Double
    /// v, the area of every layer (of f, not normalized: ∫₀^∞ f = √(π/2)).
    public let layerArea: Double
    /// x₀…x₂₅₆ (x₀ = v/f(r), x₁ = r, x₂₅₆ = 0).
    public let edges: [Double]
    /// Per layer: x_i/2²³, the step of x in j.
    @usableFromInline let step: UnsafeMutablePointer<Double>
    /// Per word & 0x1FF (layer i, sign bit 8): ±step_i, so that j · signedStep is the signed x exactly.
    @usableFromInline let signedStep: UnsafeMutablePointer<Double>
    /// Per layer: the least j with j · step_i ≥ x_{i+1} (the same floating-point product as the sample),
    /// so j below it is exactly x < x_{i+1}.
    @usableFromInline let coreLimit: UnsafeMutablePointer<UInt32>
    /// `signedStep` (512 entries), `coreLimit` (256) and `height` (257) for a kernel that reads them;
    /// alive as long as this instance (for ever for `shared`).
    public var signedStepTable: UnsafePointer<Double> { UnsafePointer(signedStep) }
    public var coreLimitTable: UnsafePointer<UInt32> { UnsafePointer(coreLimit) }
    public var heightTable: UnsafePointer<Double> { UnsafePointer(height) }
    /// f(x_i) for i = 0…256 (f(x₂₅₆) = 1), the wedges' bottoms and tops.
    @usableFromInline let height: UnsafeMutablePointer<Double>

    init() {
        let (r, v, x) = Self.solve()
        tailStart = r
        layerArea = v
        edges = x
        step = .allocate(capacity: Self.layers)
        coreLimit = .allocate(capacity: Self.layers)
        height = .allocate(capacity: Self.layers + 1)
        for i in 0...Self.layers { height[i] = Self.f(x[i]) }
        for i in 0..<Self.layers {
            let s = x[i] * 0x1p-23
            step[i] = s
            var j = UInt32(min(x[i + 1] / s, 0x1p23).rounded(.up))
            while j > 0, Double(j - 1) * s >= x[i + 1] { j -= 1 }
            while j < 1 << 23, Double(j) * s < x[i + 1] { j += 1 }
            coreLimit[i] = j
        }
        signedStep = .allocate(capacity: 2 * Self.layers)
        for w in 0..<2 * Self.layers { signedStep[w] = w & 0x100 == 0 ? step[w & 0xFF] : -step[w & 0xFF] }
    }

    deinit {
        step.deallocate()
        coreLimit.deallocate()
        signedStep.deallocate()
        height.deallocate()
    }

    static func f(_ x: Double) -> Double { exp(-0.5 * x * x) }

    /// The layer edges for a trial r, v(r) and the top layer's mismatch f(x₂₅₅) + v/x₂₅₅ − 1
    /// (> 0: the layers are too thick, r too small; 1 when they run out below the top).
    static func layers(tailStart r: Double) -> (edges: [Double], area: Double, mismatch: Double) {
        let v = r * f(r) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())
        var x = [Double](repeating: 0, count: layers + 1)
        x[0] = v / f(r)
        x[1] = r
        for i in 1..<(layers - 1) {
            let y = f(x[i]) + v / x[i]
            if y >= 1 { return (x, v, 1) }
            x[i + 1] = (-2 * log(y)).squareRoot()
        }
        return (x, v, f(x[layers - 1]) + v / x[layers - 1] - 1)
    }

    /// r by bisection on [3, 4.5] to the last bit, and its v and edges.
    static func solve() -> (tailStart: Double, area: Double, edges: [Double]) {
        var lo = 3.0, hi = 4.5
        while true {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { break }
            if layers(tailStart: mid).mismatch > 0 { lo = mid } else { hi = mid }
        }
        let (x, v, _) = layers(tailStart: hi)
        return (hi, v, x)
    }

    /// The core test of one word: the signed x it gives, and whether it is accepted without further
    /// draws (x < x_{i+1}). When not, `sample(firstWord:stream:)` completes the draw.
    @inlinable @inline(__always)
    public func core(word w: UInt32) -> (value: Double, accepted: Bool) {
        let j = w >> 9
        // ±step exactly: rounding is symmetric, so j · (−s) = −(j · s) bit for bit.
        return (Double(j) * signedStep[Int(w & 0x1FF)], j < coreLimit[Int(w & 0xFF)])
    }

    /// A standard normal variate whose first word `w` is given (already read from the stream):
    /// the core, wedge and tail tests, with further words from `stream` as the method needs them.
    @inlinable
    public func sample(firstWord: UInt32, stream: RandomStream) -> Double {
        var w = firstWord
        while true {
            let i = Int(w & 0xFF), j = w >> 9
            let x = Double(j) * step[i]
            let negative = w & 0x100 != 0
            if j < coreLimit[i] { return negative ? -x : x }
            if i == 0 {
                let r = tailStart
                var a: Double, b: Double
                repeat {
                    a = -log(stream.uniformPositive()) / r
                    b = -log(stream.uniformPositive())
                } while 2 * b <= a * a
                return negative ? -(r + a) : r + a
            }
            let y = height[i] + stream.uniform() * (height[i + 1] - height[i])
            if y < exp(-0.5 * x * x) { return negative ? -x : x }
            w = UInt32(truncatingIfNeeded: stream.nextWord())
        }
    }

    /// A standard normal variate from `stream`.
    @inlinable
    public func sample(stream: RandomStream) -> Double {
        sample(firstWord: UInt32(truncatingIfNeeded: stream.nextWord()), stream: stream)
    }
}
