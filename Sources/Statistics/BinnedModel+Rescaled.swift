import Foundation

extension BinnedModel {
    /// The model in rescaled units θ = θ_physical / unit (θ_physical = κ² or g²), so that the
    /// fitter's numbers are of order one even where κ² ~ 10⁻²²: `unit` is the power of ten below
    /// the model's θ scale (`parameterScale`, the θ that shifts the total count by one standard
    /// deviation), and term k is multiplied by unitᵏ. Limits on θ are quoted as √(unit · θ).
    public static func rescaled(standardModel: [Double], terms: [[Double]], normalization: GaussianConstraint,
                                backgrounds: [BackgroundComponent] = []) throws -> (model: BinnedModel, unit: Double) {
        let raw = try BinnedModel(standardModel: standardModel, parameterTerms: terms, normalization: normalization,
                                  backgrounds: backgrounds)
        let unit = pow(10, log10(raw.parameterScale).rounded(.down))
        var scaled: [[Double]] = []
        var power = 1.0
        for term in terms {
            power *= unit
            let factor = power
            scaled.append(term.map { $0 * factor })
        }
        return (try BinnedModel(standardModel: standardModel, parameterTerms: scaled, normalization: normalization,
                                backgrounds: backgrounds), unit)
    }
}
