import Foundation

extension BinnedModel {
    /// The model in rescaled units θ = θ_physical / unit, so that the fitter's numbers are of
    /// order one: `unit` is the power of ten at or below the model's `parameterScale` (the θ
    /// that shifts the total count by one standard deviation), and term k is multiplied by
    /// unitᵏ, so μ(θ) is unchanged: Σ_k θ_physᵏ T_k = Σ_k θᵏ (unitᵏ T_k).
    ///
    /// For κ² ~ 10⁻²² (magnetic moment) or g² ~ 10⁻¹² (light vector) the raw templates per unit
    /// θ are ~10²²; rescaled, θ and the terms are O(1). Callers quote √(unit · θ).
    public static func rescaled(standardModel: [Double], parameterTerms terms: [[Double]],
                                normalization: GaussianConstraint = .defaultNormalization,
                                backgrounds: [BackgroundComponent] = []) throws(StatisticsError) -> (model: BinnedModel, unit: Double) {
        let raw = try BinnedModel(standardModel: standardModel, parameterTerms: terms, normalization: normalization,
                                  backgrounds: backgrounds)
        let unit = pow(10, log10(raw.parameterScale).rounded(.down))
        guard unit.isFinite, unit > 0 else { return (raw, 1) }
        var scaled: [[Double]] = []
        var power = 1.0
        for term in terms {
            power *= unit
            let factor = power
            scaled.append(term.map { $0 * factor })
        }
        let model = try BinnedModel(standardModel: standardModel, parameterTerms: scaled, normalization: normalization,
                                    backgrounds: backgrounds)
        return (model, unit)
    }
}
