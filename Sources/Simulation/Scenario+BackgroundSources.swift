import Foundation
import Physics

/// The event densities of background definitions, shared by their templates (`backgroundTemplate`)
/// and their full-chain event sources (`backgroundToyComponents`), docs/physics.md §8.2–8.5, §8.9.
extension Scenario {
    /// One solar ν component's recoil density: N_e t_live dR/dT (events per MeV of T) on
    /// [T_lo, T_max], tabulated (`RecoilRateTable`; nil when T_max ≤ T_lo), with the kinks of its
    /// lines. `total` is N_e t_live R(T > 0).
    struct SolarRecoilDensity {
        var component: SolarNeutrinoComponent
        var table: RecoilRateTable?
        var scale: Double
        var range: ClosedRange<Double>
        var kinks: [Double]
        var total: Double
    }

    func solarRecoilDensity(_ component: SolarNeutrinoComponent, exposure: BackgroundExposure) throws -> SolarRecoilDensity {
        let scale = detector.targetElectrons * exposure.liveTimeSeconds
        let rate = try SolarRecoilRate(component: component)
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: rate.spectrum.maximumEnergy)
        let kinks = (component.lines ?? []).map { Kinematics.maxRecoil(neutrinoEnergy: $0.energyMeV) }
        let lower = response.lowestTrueRecoilMeV
        let total = scale * (try rate.rate(recoilFrom: 0))
        let table = tMax > lower ? try RecoilRateTable(rate, from: lower, to: tMax, kinks: kinks) : nil
        return SolarRecoilDensity(component: component, table: table, scale: scale, range: lower...max(lower, tMax),
                                  kinks: kinks, total: total)
    }

    /// The surviving decays of a decay background over the live time (rate per day per 100 t ×
    /// (1 − veto) × mass/100 t × live days) and the visible-energy distribution of one decay.
    func decayVisibleSpectrum(_ decays: DecayBackground, exposure: BackgroundExposure) throws
        -> (surviving: Double, visible: BackgroundVisibleSpectrum) {
        let surviving = decays.survivingDecaysPerDayPer100Tonnes * detector.targetMassTonnes / 100
            * exposure.liveTimeSeconds / 86400
        let shareTotal = decays.shares.reduce(0, +)
        var betas: [BetaComponent] = [], lines: [LineComponent] = []
        for (nuclide, share) in zip(decays.nuclides, decays.shares) where share > 0 {
            let emitter = try nuclide.emitter(alphaQuenchingFactor: decays.alphaQuenchingFactor)
            betas += emitter.betaComponents(decays: share / shareTotal)
            lines += emitter.lineComponents(decays: share / shareTotal)
        }
        let t0 = betas.map(\.branch.endpointKineticEnergy).max() ?? 0
        let visible = try BackgroundVisibleSpectrum(betaComponents: betas, lineComponents: lines, gammaContainment: 1,
                                                    panelsPerComponent: response.visibleSpectrumPanels(maximumKineticEnergy: t0))
        return (surviving, visible)
    }

    /// The untagged IBD prompt-energy density of this scenario's source, events per MeV:
    /// f N_p N_ν ⟨1/4πL²⟩ φ(E_ν) σ_IBD(E_ν), E_ν = E_p + 0.782 MeV, on [E_p(threshold), E_p(endpoint)],
    /// with the total f N_p N_ν ⟨1/4πL²⟩ ⟨σ_IBD⟩.
    func ibdPromptDensity(untaggedFraction untagged: Double, exposure: BackgroundExposure, name: String) throws
        -> (density: @Sendable (Double) -> Double, range: ClosedRange<Double>, total: Double) {
        guard let protons = detector.freeProtons else {
            throw SimulationError.invalidParameter(
                name: "background '\(name)': free protons of \(detector.name)", value: .nan,
                requirement: "inverse β decay needs a target with free protons (a scintillator preset)")
        }
        let scale = untagged * protons * exposure.emittedNeutrinos * detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter
        let source = spectrum
        let lower = InverseBetaDecay.promptEnergy(neutrinoEnergy: InverseBetaDecay.threshold)
        let upper = max(lower, InverseBetaDecay.promptEnergy(neutrinoEnergy: source.endpoint))
        let density: @Sendable (Double) -> Double = { prompt in
            let e = InverseBetaDecay.neutrinoEnergy(promptEnergy: prompt)
            return scale * source.density(at: e) * InverseBetaDecay.crossSection(neutrinoEnergy: e)
        }
        return (density, lower...upper, scale * (try InverseBetaDecay.fluxAveragedCrossSection(source)))
    }
}
