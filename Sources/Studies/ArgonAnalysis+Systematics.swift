import Foundation
import Physics
import Simulation
import Statistics

extension ArgonAnalysis {
    /// The Asimov limit of one model at the cut c with `systematics` profiled (docs/physics.md §16.9):
    /// every template of the point — SM, θ terms, ⁴²Ar/⁴²K and each other background — refolded at
    /// each nuisance's ±1σ (`signalTemplates`, `backgroundCounts` and `extraBackgrounds` at the
    /// shift: energy map, resolution, efficiency, ⁸Li shape) and interpolated as pyhf's histosys
    /// code4p (`ShapeSystematic`), fitted by `SystematicLikelihood` (bounded Newton, every
    /// nuisance profiled, §16.6). The constraints stay those of `pointModel` (the ⁴²Ar/⁴²K
    /// sideband σ at the nominal response); the direction response is not a nuisance. Also the
    /// limit with each nuisance held at nominal in turn.
    /// - Throws: `StudyError` for a shift that removes a background component, `SimulationError` for
    ///   a source-shape nuisance with a source outside the ⁸Li family, `StatisticsError` when a fit fails.
    public func systematicLimits(_ config: ArgonConfiguration, model: NewPhysicsModel.Kind, cosineCut c: Double,
                                 systematics: [SystematicNuisance]) throws -> ArgonSystematicsResult {
        let point = try pointModel(config, model: model, cosineCut: c)
        let base = point.built.model, unit = point.built.unit
        let pass = IsotropicDirection.fractionPassing(cosineCut: c)
        func shifted(_ shift: SystematicShift) throws -> (standardModel: [Double], terms: [[Double]], backgrounds: [[Double]]) {
            let signal = try signalTemplates(config, cosineCut: c, shift: shift)
            var power = 1.0
            let terms = Self.terms(signal, model).map { term -> [Double] in
                power *= unit
                let factor = power
                return term.map { $0 * factor }
            }
            let argon42 = try backgroundCounts(config, binning: signal.binning, shift: shift).map { $0 * pass }
            let others = try extraBackgrounds(config, cosineCut: c, binning: signal.binning, shift: shift)
            let backgrounds = try base.backgrounds.map { component -> [Double] in
                if component.name == "Ar42+K42" { return argon42 }
                guard let t = others.first(where: { $0.name == component.name }) else {
                    throw StudyError("argon systematics: background '\(component.name)' has no template at \(shift)")
                }
                return t.cut
            }
            return (signal.standardModel, terms, backgrounds)
        }
        let shapes = try systematics.map { nuisance in
            let up = try shifted(nuisance.shift(at: 1)), down = try shifted(nuisance.shift(at: -1))
            return try ShapeSystematic(name: SystematicSelection.name(of: nuisance.kind), model: base,
                                       standardModelUp: up.standardModel, standardModelDown: down.standardModel,
                                       parameterTermsUp: up.terms, parameterTermsDown: down.terms,
                                       backgroundsUp: up.backgrounds, backgroundsDown: down.backgrounds)
        }
        let systematicModel = try SystematicModel(base: base, systematics: shapes)
        let plain = try AsimovSensitivity.compute(model: base, statistic: .poisson, confidenceLevel: config.cl)
        func limit(fixed: Set<Int>) throws -> SystematicAsimovSensitivity {
            try SystematicAsimovSensitivity.compute(model: systematicModel, statistic: .poisson, confidenceLevel: config.cl,
                                                    fixed: fixed, limitWithoutSystematics: plain.limit)
        }
        func quoted(_ theta: Double) -> Double { (Swift.max(0, theta) * unit).squareRoot() }
        let all = try limit(fixed: [])
        var failed = all.failedFits
        let first = 2 + base.backgrounds.count
        let held = try shapes.indices.map { s -> (name: String, limit: Double) in
            let r = try limit(fixed: [first + s])
            failed += r.failedFits
            return (shapes[s].name, quoted(r.limit))
        }
        return ArgonSystematicsResult(model: model, cosineCut: c, limitWithoutSystematics: quoted(plain.limit), limit: quoted(all.limit),
                                      held: held, failedFits: failed)
    }
}
