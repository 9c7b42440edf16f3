/// One shape systematic of a `SystematicModel`: a nuisance α (standard normal constraint around
/// its global observable, 0 nominally; α = ±1 is the ±1σ variation) that moves every template it
/// touches by a histosys modifier (`HistoSysInterpolation`, additive; docs/physics.md §16.3):
///
///     S(α) = S + δ_S(α),   T_k(α) = T_k + δ_T_k(α),   B_j(α) = B_j + δ_B_j(α).
///
/// A template the systematic does not move has no modifier (nil). Several systematics add their δ.
public struct ShapeSystematic: Sendable {
    /// The nuisance's name in reports and exports ("energy_scale", …).
    public let name: String
    public let standardModel: HistoSysInterpolation?
    /// One entry per parameter term T_k.
    public let parameterTerms: [HistoSysInterpolation?]
    /// One entry per background component.
    public let backgrounds: [HistoSysInterpolation?]

    public init(name: String, standardModel: HistoSysInterpolation?, parameterTerms: [HistoSysInterpolation?],
                backgrounds: [HistoSysInterpolation?]) {
        self.name = name
        self.standardModel = standardModel
        self.parameterTerms = parameterTerms
        self.backgrounds = backgrounds
    }

    /// The systematic from ±1σ templates of every sample, interpolated with `code`.
    /// - Throws: `StatisticsError` when a template's bin count differs from the nominal's.
    public init(name: String, model: BinnedModel, standardModelUp: [Double], standardModelDown: [Double],
                parameterTermsUp: [[Double]], parameterTermsDown: [[Double]],
                backgroundsUp: [[Double]], backgroundsDown: [[Double]], code: InterpolationCode = .code4p) throws {
        guard parameterTermsUp.count == model.termCount, parameterTermsDown.count == model.termCount,
              backgroundsUp.count == model.backgrounds.count, backgroundsDown.count == model.backgrounds.count else {
            throw StatisticsError("systematic '\(name)': one ±1σ template per parameter term (\(model.termCount)) and per "
                                  + "background (\(model.backgrounds.count)) is needed")
        }
        self.name = name
        standardModel = try HistoSysInterpolation(nominal: model.standardModel, up: standardModelUp, down: standardModelDown, code: code)
        parameterTerms = try (0..<model.termCount).map { k in
            try HistoSysInterpolation(nominal: model.parameterTerms[k], up: parameterTermsUp[k], down: parameterTermsDown[k], code: code)
        }
        backgrounds = try model.backgrounds.indices.map { j in
            try HistoSysInterpolation(nominal: model.backgrounds[j].template, up: backgroundsUp[j], down: backgroundsDown[j], code: code)
        }
    }
}
