import Foundation
import Physics

extension Scenario {
    /// The event sources of background components for full-chain toys (`BackgroundToyGenerator`):
    /// the same densities `backgroundTemplate` folds (docs/physics.md §8), sampled as detected events
    /// (`DetectedEnergySampler`): a solar definition gives one source per ν component (its dR/dT ×
    /// N_e × live time on [T_lo, T_max]); decays their visible continuum plus lines × surviving
    /// decays; IBD the prompt-energy density × f_untagged N_p N_ν ⟨1/4πL²⟩; a user table its
    /// dR/dE × live years. Each source's expected detected events is the sampler's own
    /// ε ∫ρ P(detected) (midpoint sum over its envelope cells), which equals the template's
    /// `eventsAboveThreshold` to 10⁻³ (`BackgroundFullChainTests`). A component that cannot reach
    /// the threshold gives no source. `cells`: each sampler's envelope cells (`DetectedEnergySampler`),
    /// 8192 by default: cap proposals, each evaluating the density (~0.1–0.3 µs for β spectra with
    /// their Fermi function), fall with the cell width; at JUNO > 0.2 MeV 8192 cells give 14 % more
    /// toys per second than 2048 for ~0.5 s more set-up and ~11 MB (outputs/bench/README.md).
    public func backgroundToyComponents(_ definitions: [BackgroundDefinition], exposure: BackgroundExposure,
                                        cells: Int = 8192) throws -> [BackgroundToyGenerator.Component] {
        let response = self.response
        var out: [BackgroundToyGenerator.Component] = []
        func add(_ name: String, _ range: ClosedRange<Double>, _ density: @escaping @Sendable (Double) -> Double,
                 lines: [DetectedEnergySampler.Line] = []) throws {
            guard range.upperBound > range.lowerBound || !lines.isEmpty else { return }
            let sampler: DetectedEnergySampler
            do {
                sampler = try DetectedEnergySampler(range: range, density: density, continuumIntegral: 1, lines: lines,
                                                    response: response, cells: cells)
            } catch {
                // Nothing reaches the threshold (¹⁴C above 3 MeV): no events to throw.
                if case .emptyGenerationRegion = error { return }
                throw error
            }
            out.append(.init(name: name, sampler: sampler, expectedDetectedEvents: sampler.detectedIntegral))
        }
        for definition in definitions {
            try definition.validate()
            switch definition.source {
            case .solar(let components):
                for component in components {
                    let solar = try solarRecoilDensity(component, exposure: exposure)
                    guard let table = solar.table else { continue }
                    let scale = solar.scale
                    let name = components.count == 1 ? definition.name : "\(definition.name)/\(component.rawValue)"
                    try add(name, solar.range, { scale * table($0) })
                }
            case .decays(let decays):
                let (surviving, visible) = try decayVisibleSpectrum(decays, exposure: exposure)
                let lines = visible.lines.map { DetectedEnergySampler.Line(energyMeV: $0.visibleEnergy, weight: surviving * $0.probability) }
                try add(definition.name, 0...max(visible.maximumVisibleEnergy, 1e-9), { surviving * visible.density(visibleEnergy: $0) },
                        lines: lines)
            case .inverseBetaDecay(let untagged):
                let ibd = try ibdPromptDensity(untaggedFraction: untagged, exposure: exposure, name: definition.name)
                try add(definition.name, ibd.range, ibd.density)
            case .tabulated(let table):
                let scale = table.eventsPerYear * exposure.liveTimeYears
                try add(definition.name, table.energies[0]...table.energies[table.energies.count - 1],
                        { scale * table.shape.density(at: $0) })
            }
        }
        return out
    }
}
