/// One sample's expected counts per bin as a function of nuisance parameters α (HistFactory's
/// combination, CERN-OPEN-2012-016 Eq. 4; docs/physics.md §16.3):
///
///     ν_b(α) = (I⁰_b + Σ_p δ_p,b(α_{k(p)})) · Π_q f_q(α_{k(q)})
///
/// with δ_p the histosys modifiers (`HistoSysInterpolation`, additive) and f_q the normsys
/// modifiers (`NormSysInterpolation`, multiplicative); k(·) maps each modifier to its entry in the
/// caller's nuisance vector, so one nuisance (the energy scale, say) can move every sample.
/// The gradient, one row per modifier in the order histosys then normsys, is
///
///     ∂ν_b/∂α (histosys p) = δ′_p,b(α) · Π_q f_q,      ∂ν_b/∂α (normsys q) = (I⁰_b + Σ_p δ_p,b) · f′_q · Π_{q′≠q} f_q′
///
/// (two modifiers on the same nuisance: add their rows). Evaluation allocates nothing.
public struct MorphingSample: Sendable {
    public let name: String
    /// I⁰_b, counts.
    public let nominal: [Double]
    public let histoSys: [HistoSysInterpolation]
    /// The nuisance index of each histosys modifier.
    public let histoSysParameters: [Int]
    public let normSys: [NormSysInterpolation]
    /// The nuisance index of each normsys modifier.
    public let normSysParameters: [Int]

    /// - Throws: `StatisticsError` when a modifier's bin count differs from the nominal's, an
    ///   index is negative or the counts of modifiers and indices differ.
    public init(name: String, nominal: [Double], histoSys: [HistoSysInterpolation] = [], histoSysParameters: [Int] = [],
                normSys: [NormSysInterpolation] = [], normSysParameters: [Int] = []) throws {
        guard !nominal.isEmpty, nominal.allSatisfy(\.isFinite) else {
            throw StatisticsError("sample '\(name)': the nominal template needs at least one bin, all finite")
        }
        guard histoSys.count == histoSysParameters.count, normSys.count == normSysParameters.count else {
            throw StatisticsError("sample '\(name)': one nuisance index per modifier is needed")
        }
        for h in histoSys where h.binCount != nominal.count {
            throw StatisticsError("sample '\(name)': a histosys has \(h.binCount) bins, the nominal \(nominal.count)")
        }
        guard (histoSysParameters + normSysParameters).allSatisfy({ $0 >= 0 }) else {
            throw StatisticsError("sample '\(name)': nuisance indices must be ≥ 0")
        }
        self.name = name
        self.nominal = nominal
        self.histoSys = histoSys
        self.histoSysParameters = histoSysParameters
        self.normSys = normSys
        self.normSysParameters = normSysParameters
    }

    public var binCount: Int { nominal.count }
    /// Rows of the gradient: histosys modifiers, then normsys modifiers.
    public var modifierCount: Int { histoSys.count + normSys.count }
    /// The nuisance index of each gradient row.
    public var modifierParameters: [Int] { histoSysParameters + normSysParameters }

    /// Writes ν_b(α) to `values[0..<binCount]` and, when given, ∂ν_b/∂α of modifier m to
    /// `gradient[m·binCount + b]` (`modifierCount` rows). `parameters` is the nuisance vector,
    /// indexed by `histoSysParameters`/`normSysParameters`. No allocation.
    public func evaluate(parameters: UnsafePointer<Double>, values: UnsafeMutablePointer<Double>,
                         gradient: UnsafeMutablePointer<Double>?) {
        let bins = binCount
        guard modifierCount > 0 else {
            nominal.withUnsafeBufferPointer { n in for b in 0..<bins { values[b] = n[b] } }
            return
        }
        var product = 1.0
        for (q, f) in normSys.enumerated() { product *= f.factor(parameters[normSysParameters[q]]) }
        nominal.withUnsafeBufferPointer { n in
            for b in 0..<bins { values[b] = n[b] }
        }
        for (p, h) in histoSys.enumerated() {
            h.accumulate(parameters[histoSysParameters[p]], into: values, derivative: gradient.map { $0 + p * bins }, scale: product)
        }
        if let gradient {
            for (q, f) in normSys.enumerated() {
                var others = 1.0
                for (r, g) in normSys.enumerated() where r != q { others *= g.factor(parameters[normSysParameters[r]]) }
                let slope = f.derivative(parameters[normSysParameters[q]]) * others
                let row = gradient + (histoSys.count + q) * bins
                for b in 0..<bins { row[b] = values[b] * slope }
            }
        }
        if product != 1 { for b in 0..<bins { values[b] *= product } }
    }

    /// `evaluate` on arrays (sized by the caller: `binCount` values, `modifierCount·binCount`
    /// gradient entries or an empty array for none); no allocation when they are uniquely referenced.
    /// (Its labels differ from the pointer form's on purpose: `&array` would otherwise convert
    /// implicitly to a pointer, and an empty gradient array to a non-nil pointer.)
    public func evaluate(at parameters: [Double], into values: inout [Double], gradient: inout [Double]) {
        precondition(values.count >= binCount && (gradient.isEmpty || gradient.count >= modifierCount * binCount),
                     "buffers too small for sample '\(name)'")
        let wantsGradient = !gradient.isEmpty
        let parameters = parameters.isEmpty ? [0] : parameters
        parameters.withUnsafeBufferPointer { p in
            values.withUnsafeMutableBufferPointer { v in
                gradient.withUnsafeMutableBufferPointer { g in
                    evaluate(parameters: p.baseAddress!, values: v.baseAddress!, gradient: wantsGradient ? g.baseAddress : nil)
                }
            }
        }
    }
}
