import Foundation
import Physics

extension Scenario {
    /// The exposure the backgrounds of this scenario scale with (`BackgroundExposure`,
    /// docs/physics.md §8.6), from its templates:
    ///
    /// - physical exposure: live time = the exposure's run time (calendar years), emitted ν̄_e =
    ///   intensity × years × up-time;
    /// - N SM events above threshold: emitted ν̄_e = N_ν = F / (N_e ⟨1/4πL²⟩) with F the templates'
    ///   events per cm² (N / ⟨σ⟩_det), and live time = N_ν / (intensity × up-time) of `reference`
    ///   (default IsoDAR@KamLAND: 2.6×10²² ν̄_e/yr, 90 % up-time) = N / (SM events per calendar
    ///   year above threshold for that source).
    public func backgroundExposure(templates: TemplateSet, reference: Exposure = Exposure()) -> BackgroundExposure {
        switch normalization {
        case .exposure(let e):
            return BackgroundExposure(liveTimeSeconds: e.liveTimeYears * PhysicalConstants.secondsPerYear,
                                      emittedNeutrinos: e.emittedNeutrinos, impliedByEventCount: false)
        case .smEventsAboveThreshold:
            let perNeutrino = detector.targetElectrons * detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter
            let emitted = templates.eventsPerSquareCentimeter / perNeutrino
            let years = emitted / (reference.sourceIntensityPerYear * reference.upTimeFraction)
            return BackgroundExposure(liveTimeSeconds: years * PhysicalConstants.secondsPerYear,
                                      emittedNeutrinos: emitted, impliedByEventCount: true)
        }
    }

    /// The expected counts of one background component per bin of reconstructed energy
    /// (docs/physics.md §8.2–8.5), through this scenario's response (`DetectorResponse`: truncated
    /// Gaussian, threshold, efficiency ε, the last bin taking the overflow), at `exposure`:
    ///
    /// - solar ν–e: n_j = ε N_e t_live ∫ dT dR/dT(T) P(T_reco ∈ j | T), dR/dT per electron from
    ///   `SolarRecoilRate` (tabulated, `RecoilRateTable`), the T integral as the signal's
    ///   (`Scenario+Templates`; breakpoints also at the lines' T_max);
    /// - decays: n_j = ε N_decays ∫ dE ρ(E) P(E_reco ∈ j | E), ρ the visible-energy distribution of
    ///   one decay (`BackgroundVisibleSpectrum`, γ containment 1) on its node grid, lines exactly;
    ///   N_decays = rate/(day·100 t) × (1 − veto) × mass/100 t × live days;
    /// - IBD: n_j = ε f_untagged N_p N_ν ⟨1/4πL²⟩ ∫ dE_p φ(E_ν) σ_IBD(E_ν) P(E_reco ∈ j | E_p),
    ///   E_ν = E_p + 0.782 MeV (Strumia–Vissani; `InverseBetaDecay`), N_p the free protons;
    /// - a user table: n_j = ε t_live[yr] ∫ dE dR/dE P(E_reco ∈ j | E).
    ///
    /// The energy axis is the reconstructed electron-equivalent visible energy, the signal's T_reco.
    /// - Throws: `SimulationError` for an invalid definition or IBD in a detector without free
    ///   protons; Physics/GSL errors from the spectra.
    public func backgroundTemplate(_ definition: BackgroundDefinition, exposure: BackgroundExposure) throws -> BackgroundTemplate {
        try definition.validate()
        let response = self.response
        let edges = binning.edges
        let window = kinematicLimitMeV
        var fold = BackgroundFold(bins: binning.count)
        var total = 0.0
        switch definition.source {
        case .solar(let components):
            for component in components {
                let solar = try solarRecoilDensity(component, exposure: exposure)
                total += solar.total
                guard let table = solar.table else { continue }
                let scale = solar.scale
                fold.add(try response.foldDensity({ scale * table($0) }, from: solar.range.lowerBound, to: solar.range.upperBound,
                                                  breakpoints: solar.kinks, edges: edges, windowUpper: window))
            }
        case .decays(let decays):
            let (surviving, visible) = try decayVisibleSpectrum(decays, exposure: exposure)
            fold = try response.fold(visible, events: surviving, edges: edges, windowUpper: window)
            total = surviving
        case .inverseBetaDecay(let untagged):
            let ibd = try ibdPromptDensity(untaggedFraction: untagged, exposure: exposure, name: definition.name)
            fold = try response.foldDensity(ibd.density, from: ibd.range.lowerBound, to: ibd.range.upperBound,
                                            edges: edges, windowUpper: window)
            total = ibd.total
        case .tabulated(let table):
            let scale = table.eventsPerYear * exposure.liveTimeYears
            fold = try response.foldDensity({ scale * table.shape.density(at: $0) }, from: table.energies[0],
                                            to: table.energies[table.energies.count - 1], breakpoints: table.energies,
                                            edges: edges, windowUpper: window)
            total = scale
        }
        let eff = response.efficiency
        return BackgroundTemplate(
            name: definition.name, counts: fold.bins.map { $0 * eff }, eventsAboveThreshold: fold.aboveThreshold * eff,
            eventsInWindow: max(0, fold.aboveThreshold - fold.aboveWindow) * eff,
            trueEventsAboveThreshold: fold.trueAboveThreshold, totalEvents: total,
            relativeUncertainty: definition.relativeUncertainty, reference: definition.reference,
            rateIsAssumed: definition.rateIsAssumed, direction: definition.direction)
    }

    /// The templates of several components at one exposure, in order (names must be distinct).
    public func backgroundTemplates(_ definitions: [BackgroundDefinition], exposure: BackgroundExposure) throws -> [BackgroundTemplate] {
        var seen = Set<String>()
        for d in definitions where !seen.insert(d.name).inserted {
            throw SimulationError.invalidParameter(name: "background '\(d.name)'", value: .nan, requirement: "appears twice; names must be distinct")
        }
        return try definitions.map { try backgroundTemplate($0, exposure: exposure) }
    }
}
