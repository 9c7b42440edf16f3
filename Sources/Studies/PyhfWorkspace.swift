import Physics
import Output
import Statistics

/// Export of the binned model as a pyhf (HistFactory JSON, schema 1.0.0) workspace, for an
/// independent check of the Asimov limit with pyhf (`scripts/pyhf_check.py`).
///
/// One channel `recoil` with two samples, and one per background:
/// - `standard_model`: the SM expectation per bin,
/// - `new_physics`: the increment over the SM at the exported parameter value, scaled by the
///   normfactor POI `mu`,
/// - `background_<name>`: a background's expected counts with its normalization modifier (see
///   `make(…backgrounds:)`; observations then include the backgrounds).
///
/// The normalization uncertainty is pyhf's `lumi` modifier on both samples (the overall rate
/// scales SM and new physics alike): a Gaussian constraint N(aux = 1 | lumi, σ) with the
/// measurement's `auxdata: [1]`, `sigmas: [σ]` — exactly our pull term (n − 1)²/σ², linear in
/// the rate (a `normsys` would be interpolated non-linearly). σ = 0 fixes lumi at 1.
/// Observations are the Asimov SM data. nue's metadata goes to a sidecar file (`PyhfExport`):
/// pyhf's schema allows no extra keys.
///
/// Exported at the parameter's Asimov limit of a method (CLs+b or CLs), pyhf's limit on `mu`
/// with the same method (asymptotic q̃μ) is 1 when both tools agree. For the magnetic moment the increment is linear in κ², so `mu`
/// scales κ² (κ_limit = κ_exported·√mu). For the light vector (A g² + B g⁴) `mu` scales the
/// total increment at the exported g: exact only at mu = 1, where the comparison is made.
public enum PyhfWorkspace {
    /// - Parameters:
    ///   - standardModel: SM expected events per bin (> 0 where the signal is non-zero).
    ///   - newPhysics: expected new-physics increment per bin at `value` (may be negative for
    ///     destructive interference, but SM + increment must stay ≥ 0).
    ///   - normSigma: fractional normalization uncertainty (≥ 0).
    ///   - parameter: κ = μν/μ_B or g; `value`: κ or g at which `newPhysics` was computed;
    ///     `meaning`: a sentence for the metadata.
    ///   - binEdges: recoil bin edges in MeV (count + 1), recorded in the metadata.
    ///   - cl, limitMethod: the limit `value` is (CL and CLs+b or CLs), recorded in the metadata;
    ///     `pyhf_check.py` computes pyhf's limit with the same CL and method.
    ///   - backgrounds: background samples (expected events per bin at b = 1) and the σ of their
    ///     Gaussian normalization constraints (docs/physics.md §8): σ = 0 no modifier (fixed);
    ///     0 < σ < 1 a `histosys` with hi/lo = counts × (1 ± σ), which pyhf's default interpolation
    ///     (code4p: for a symmetric variation its polynomial is exactly linear) turns into nue's pull
    ///     b = 1 + ασ, α ~ N(0, 1) (a `normsys` would be exponential: codes 1 and 4 only); σ ≥ 1 a
    ///     free `normfactor` (bounds [0, 10]).
    public static func make(standardModel: [Double], newPhysics: [Double], normSigma: Double,
                            parameter: QuotedParameter, value: Double, meaning: String, binEdges: [Double]? = nil,
                            cl: Double = 0.90, limitMethod: LimitMethod = .clsb,
                            backgrounds: [(name: String, counts: [Double], sigma: Double)] = [],
                            shapeSystematics: [PyhfShapeSystematic] = []) throws(StudyError) -> PyhfExport {
        guard newPhysics.count == standardModel.count else {
            throw .lengthMismatch(what: "new-physics sample", expected: standardModel.count, got: newPhysics.count)
        }
        for b in backgrounds where b.counts.count != standardModel.count {
            throw .lengthMismatch(what: "background sample '\(b.name)'", expected: standardModel.count, got: b.counts.count)
        }
        if let binEdges, binEdges.count != standardModel.count + 1 {
            throw .lengthMismatch(what: "bin edges", expected: standardModel.count + 1, got: binEdges.count)
        }
        for s in shapeSystematics {
            for (what, pair) in [("SM", s.standardModel), ("new-physics", s.newPhysics)] + s.backgrounds.map({ ("background", $0) }) {
                guard pair.up.count == standardModel.count, pair.down.count == standardModel.count else {
                    throw .lengthMismatch(what: "±1σ \(what) template of systematic '\(s.name)'", expected: standardModel.count,
                                          got: min(pair.up.count, pair.down.count))
                }
            }
            guard s.backgrounds.count == backgrounds.count else {
                throw .lengthMismatch(what: "background variations of systematic '\(s.name)'", expected: backgrounds.count, got: s.backgrounds.count)
            }
        }
        let numbers = { (values: [Double]) in JSONValue.array(values.map(JSONValue.number)) }
        /// The histosys modifiers of sample k (0 SM, 1 new physics, 2 + j background j).
        func shapeModifiers(_ k: Int) -> [JSONValue] {
            shapeSystematics.map { s in
                let pair = k == 0 ? s.standardModel : (k == 1 ? s.newPhysics : s.backgrounds[k - 2])
                return .object([("name", .string(s.parameterName)), ("type", "histosys"),
                                ("data", .object([("hi_data", numbers(pair.up)), ("lo_data", numbers(pair.down))]))])
            }
        }
        let lumi: JSONValue = .object([("name", "lumi"), ("type", "lumi"), ("data", .null)])
        let mu: JSONValue = .object([("name", "mu"), ("type", "normfactor"), ("data", .null)])
        var backgroundSamples: [JSONValue] = []
        var freeBackgrounds: [String] = []
        for (j, b) in backgrounds.enumerated() {
            let parameterName = "bkg_norm_\(b.name)"
            let modifiers: [JSONValue]
            if b.sigma == 0 {
                modifiers = []
            } else if b.sigma < 1 {
                modifiers = [.object([("name", .string(parameterName)), ("type", "histosys"),
                                      ("data", .object([("hi_data", numbers(b.counts.map { $0 * (1 + b.sigma) })),
                                                        ("lo_data", numbers(b.counts.map { $0 * (1 - b.sigma) }))]))])]
            } else {
                modifiers = [.object([("name", .string(parameterName)), ("type", "normfactor"), ("data", .null)])]
                freeBackgrounds.append(parameterName)
            }
            backgroundSamples.append(.object([("name", .string("background_\(b.name)")), ("data", numbers(b.counts)),
                                              ("modifiers", .array(modifiers + shapeModifiers(2 + j)))]))
        }
        let channel: JSONValue = .object([
            ("name", "recoil"),
            ("samples", .array([
                .object([("name", "standard_model"), ("data", numbers(standardModel)), ("modifiers", .array([lumi] + shapeModifiers(0)))]),
                .object([("name", "new_physics"), ("data", numbers(newPhysics)), ("modifiers", .array([lumi, mu] + shapeModifiers(1)))]),
            ] + backgroundSamples)),
        ])
        var observed = standardModel
        for b in backgrounds { for i in observed.indices { observed[i] += b.counts[i] } }
        let width = max(normSigma, 1e-6)
        var lumiParameter: [(String, JSONValue)] = [
            ("name", "lumi"), ("auxdata", [1.0]), ("sigmas", .array([.number(width)])),
            ("bounds", .array([.array([.number(max(1e-3, 1 - 10 * width)), .number(1 + 10 * width)])])),
            ("inits", [1.0]),
        ]
        if normSigma == 0 { lumiParameter.append(("fixed", true)) }
        let measurement: JSONValue = .object([
            ("name", "nue_asimov"),
            ("config", .object([
                ("poi", "mu"),
                ("parameters", .array([
                    .object(lumiParameter),
                    .object([("name", "mu"), ("bounds", .array([.array([0.0, 10.0])])), ("inits", [1.0])]),
                ] + freeBackgrounds.map { .object([("name", .string($0)), ("bounds", .array([.array([0.0, 10.0])])), ("inits", [1.0])]) })),
            ])),
        ])
        let workspace: JSONValue = .object([
            ("channels", .array([channel])),
            ("measurements", .array([measurement])),
            ("observations", .array([.object([("name", "recoil"), ("data", numbers(observed))])])),
            ("version", "1.0.0"),
        ])
        let metadata: JSONValue = .object([
            ("format", "nue-pyhf-metadata/1"),
            ("tool", .string("\(ToolInfo.name) \(ToolInfo.version)")),
            ("parameter", .string(parameter.name)),
            ("exported_at", .number(value)),
            ("meaning", .string(meaning)),
            ("poi_scaling", .string(parameter == .muNu
                ? "mu scales kappa^2: kappa_limit = exported_at * sqrt(mu_limit)"
                : "mu scales the total increment at exported_at; exact only at mu = 1")),
            ("norm_sigma", .number(normSigma)),
            ("cl", .number(cl)),
            ("limit_method", .string(limitMethod.rawValue)),
            ("expected_mu_limit", .number(1.0)),
            ("bin_edges_mev", binEdges.map(numbers) ?? .null),
        ] + (shapeSystematics.isEmpty ? [] : [
            ("systematics", .array(shapeSystematics.map { .string($0.parameterName) })),
            ("systematic_modifiers", .string("histosys (code4p in pyhf and nue) with hi/lo = the templates refolded at +-1 sigma; "
                + "nue multiplies a shifted background by its normalization, pyhf adds both histosys: equal to first order")),
        ]) + (backgrounds.isEmpty ? [] : [
            ("backgrounds", .array(backgrounds.map { .string($0.name) })),
            ("background_modifiers", .string("histosys with hi/lo = counts x (1 +- sigma): pyhf's default interpolation "
                + "(code4p) is then exactly linear, b = 1 + alpha sigma with alpha ~ N(0, 1), nue's pull; sigma >= 1: free normfactor")),
        ]))
        return PyhfExport(workspace: workspace, metadata: metadata)
    }

    /// The light-vector increment A·g² + B·g⁴ per bin at coupling `g` (A: interference per g²,
    /// B: pure Z′ per g⁴, in events).
    public static func quadraticIncrement(perGSquared a: [Double], perGFourth b: [Double], g: Double) throws(StudyError) -> [Double] {
        guard a.count == b.count else { throw .lengthMismatch(what: "g⁴ template", expected: a.count, got: b.count) }
        let g2 = g * g
        return zip(a, b).map { $0 * g2 + $1 * g2 * g2 }
    }
}
