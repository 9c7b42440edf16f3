import Simulation
import Statistics

/// The interpolated templates of a scenario (docs/physics.md §16.3): one `MorphingSample` per signal
/// term (SM, κ² magnetic moment, g² and g⁴ light vector) and per background, each carrying one
/// histosys per nuisance of `SystematicTemplates` (nuisance i ↔ parameter index i, in units of its
/// σ), built from the exactly refolded ±1σ templates. A variation that is linear in its nuisance
/// (the efficiency) is reproduced exactly by code4p (δ⁺ = δ⁻ makes A = 0).
public struct SystematicMorphing: Sendable {
    public let nuisances: [SystematicNuisance]
    public let standardModel: MorphingSample
    public let magneticMomentPerKappaSquared: MorphingSample
    public let lightVectorLinearPerGSquared: MorphingSample
    public let lightVectorQuadraticPerGFourth: MorphingSample
    public let backgrounds: [MorphingSample]

    public init(_ templates: SystematicTemplates, code: InterpolationCode = .code4p) throws {
        nuisances = templates.variations.map(\.nuisance)
        let indices = Array(templates.variations.indices)
        func sample(_ name: String, _ pick: (TemplateSet) -> [Double]) throws -> MorphingSample {
            let nominal = pick(templates.nominal)
            let modifiers = try templates.variations.map { v in
                try HistoSysInterpolation(nominal: nominal, up: pick(v.up), down: pick(v.down), code: code)
            }
            return try MorphingSample(name: name, nominal: nominal, histoSys: modifiers, histoSysParameters: indices)
        }
        standardModel = try sample("sm") { $0.standardModel }
        magneticMomentPerKappaSquared = try sample("magnetic_moment_per_kappa2") { $0.magneticMomentPerKappaSquared }
        lightVectorLinearPerGSquared = try sample("light_vector_per_g2") { $0.lightVectorLinearPerGSquared }
        lightVectorQuadraticPerGFourth = try sample("light_vector_per_g4") { $0.lightVectorQuadraticPerGFourth }
        backgrounds = try templates.nominalBackgrounds.enumerated().map { k, b in
            let modifiers = try templates.variations.map { v in
                try HistoSysInterpolation(nominal: b.counts, up: v.upBackgrounds[k].counts, down: v.downBackgrounds[k].counts, code: code)
            }
            return try MorphingSample(name: b.name, nominal: b.counts, histoSys: modifiers, histoSysParameters: indices)
        }
    }

    /// Every sample: the four signal terms, then the backgrounds.
    public var samples: [MorphingSample] {
        [standardModel, magneticMomentPerKappaSquared, lightVectorLinearPerGSquared, lightVectorQuadraticPerGFourth] + backgrounds
    }
}
