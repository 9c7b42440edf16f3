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
    /// the threshold gives no source.
    public func backgroundToyComponents(_ definitions: [BackgroundDefinition], exposure: BackgroundExposure,
                                        cells: Int = 2048) throws -> [BackgroundToyGenerator.Component] {
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
                let scale = detector.targetElectrons * exposure.liveTimeSeconds
                for component in components {
                    let rate = try SolarRecoilRate(component: component)
                    let tMax = Kinematics.maxRecoil(neutrinoEnergy: rate.spectrum.maximumEnergy)
                    let kinks = (component.lines ?? []).map { Kinematics.maxRecoil(neutrinoEnergy: $0.energyMeV) }
                    let lower = response.lowestTrueRecoilMeV
                    guard tMax > lower else { continue }
                    let table = try RecoilRateTable(rate, from: lower, to: tMax, kinks: kinks)
                    let name = components.count == 1 ? definition.name : "\(definition.name)/\(component.rawValue)"
                    try add(name, lower...tMax, { scale * table($0) })
                }
            case .decays(let decays):
                let surviving = decays.survivingDecaysPerDayPer100Tonnes * detector.targetMassTonnes / 100
                    * exposure.liveTimeSeconds / 86400
                let shareTotal = decays.shares.reduce(0, +)
                var betas: [BetaComponent] = [], lineComponents: [LineComponent] = []
                for (nuclide, share) in zip(decays.nuclides, decays.shares) where share > 0 {
                    let emitter = try nuclide.emitter(alphaQuenchingFactor: decays.alphaQuenchingFactor)
                    betas += emitter.betaComponents(decays: share / shareTotal)
                    lineComponents += emitter.lineComponents(decays: share / shareTotal)
                }
                let t0 = betas.map(\.branch.endpointKineticEnergy).max() ?? 0
                let visible = try BackgroundVisibleSpectrum(betaComponents: betas, lineComponents: lineComponents, gammaContainment: 1,
                                                            panelsPerComponent: response.visibleSpectrumPanels(maximumKineticEnergy: t0))
                let lines = visible.lines.map { DetectedEnergySampler.Line(energyMeV: $0.visibleEnergy, weight: surviving * $0.probability) }
                try add(definition.name, 0...max(visible.maximumVisibleEnergy, 1e-9), { surviving * visible.density(visibleEnergy: $0) },
                        lines: lines)
            case .inverseBetaDecay(let untagged):
                guard let protons = detector.freeProtons else {
                    throw SimulationError.invalidParameter(
                        name: "background '\(definition.name)': free protons of \(detector.name)", value: .nan,
                        requirement: "inverse β decay needs a target with free protons (a scintillator preset)")
                }
                let scale = untagged * protons * exposure.emittedNeutrinos * detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter
                let source = spectrum
                let lower = InverseBetaDecay.promptEnergy(neutrinoEnergy: InverseBetaDecay.threshold)
                let upper = InverseBetaDecay.promptEnergy(neutrinoEnergy: source.endpoint)
                try add(definition.name, lower...max(upper, lower), { prompt in
                    let e = InverseBetaDecay.neutrinoEnergy(promptEnergy: prompt)
                    return scale * source.density(at: e) * InverseBetaDecay.crossSection(neutrinoEnergy: e)
                })
            case .tabulated(let table):
                let scale = table.eventsPerYear * exposure.liveTimeYears
                try add(definition.name, table.energies[0]...table.energies[table.energies.count - 1],
                        { scale * table.shape.density(at: $0) })
            }
        }
        return out
    }
}
