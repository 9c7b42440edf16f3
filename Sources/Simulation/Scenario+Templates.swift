import Foundation
import Physics

extension Scenario {
    /// Expected counts per bin of reconstructed T for each model term, with the response folded in:
    ///
    ///     n_j,k = F · ε ∫_{T_lo}^{T_max(E_end)} dT dσ̄_k/dT(T) · P(T_reco ∈ bin j | T)
    ///
    /// dσ̄_k/dT from `TrueRecoilSpectrum` (GSL QAG over E), P from `DetectorResponse.binProbabilities`
    /// (the truncated Gaussian, the last bin taking the overflow), the T integral by 8-point Gauss–Legendre panels no
    /// wider than 0.05 MeV or σ_T/2 with breakpoints at every bin edge (`DetectorResponse.forEachQuadratureNode`,
    /// shared with the backgrounds). F per `normalization`:
    /// N / n_SM(T_reco > threshold) or emitted ν̄e × N_e × ⟨1/(4πL²)⟩. Accuracy ~1e-8 relative.
    public func templates() throws -> TemplateSet {
        let folded = try foldedCrossSections()
        let factor: Double
        switch normalization {
        case .smEventsAboveThreshold(let n):
            guard folded.aboveThreshold.standardModel > 0 else {
                throw SimulationError.emptyGenerationRegion("no SM events above the \(thresholdMeV) MeV threshold")
            }
            factor = n / folded.aboveThreshold.standardModel
        case .exposure(let exposure):
            factor = exposure.emittedNeutrinos * detector.targetElectrons * detector.geometry.meanFluxPerNeutrinoPerSquareCentimeter
        }
        return templates(folded, eventsPerSquareCentimeter: factor)
    }

    /// The templates of `folded` cross sections at F = `factor` events per cm².
    func templates(_ folded: FoldedCrossSections, eventsPerSquareCentimeter factor: Double) -> TemplateSet {
        let lin = interference == .exact ? folded.bins.map { $0.lightVectorLinearPerGSquared * factor } : Array(repeating: 0, count: binning.count)
        var above = folded.aboveThreshold.scaled(by: factor)
        var generated = folded.generated.scaled(by: factor)
        if interference != .exact {
            above.lightVectorLinearPerGSquared = 0
            generated.lightVectorLinearPerGSquared = 0
        }
        return TemplateSet(
            binning: binning,
            standardModel: folded.bins.map { $0.standardModel * factor },
            magneticMomentPerKappaSquared: folded.bins.map { $0.magneticMomentPerKappaSquared * factor },
            lightVectorLinearPerGSquared: lin,
            lightVectorQuadraticPerGFourth: folded.bins.map { $0.lightVectorQuadraticPerGFourth * factor },
            mediatorMassMeV: mediatorMassMeV, aboveThreshold: above, generated: generated,
            lowestTrueRecoilMeV: folded.lowestTrueRecoilMeV, eventsPerSquareCentimeter: factor)
    }

    /// Flux-averaged cross sections (cm² per electron per emitted neutrino) folded with the response.
    struct FoldedCrossSections {
        var bins: [TermValues]
        var aboveThreshold: TermValues
        var generated: TermValues
        var lowestTrueRecoilMeV: Double
    }

    /// - Parameter custom: dσ̄/dT per term at a true T (cm²/MeV); nil: `TrueRecoilSpectrum.terms`.
    func foldedCrossSections(recoilTerms custom: ((Double) throws -> TermValues)? = nil) throws -> FoldedCrossSections {
        let response = self.response
        let tLow = response.lowestTrueRecoilMeV, tHigh = kinematicLimitMeV
        let recoil = custom != nil ? nil : try TrueRecoilSpectrum(
            spectrum: spectrum, flavor: flavor, sin2ThetaW: sin2ThetaW,
            mediatorMassMeV: mediatorMassMeV, radiativeCorrections: radiativeCorrections, lowestRecoilMeV: tLow)
        let edges = binning.edges
        let nBins = binning.count
        // Reconstructed-energy edges at f⁻¹(edge) on the true axis (themselves for the identity map).
        var breaks = [tLow, tHigh] + ([thresholdMeV] + edges).map { response.trueEnergy(visibleEnergyMeV: $0) }
        breaks = Array(Set(breaks.filter { $0 >= tLow && $0 <= tHigh })).sorted()

        var bins = [TermValues](repeating: TermValues(), count: nBins)
        var above = TermValues(), generated = TermValues()
        let rule = GaussLegendre(points: 8)
        let efficiency = response.efficiency
        var tails = [Double](repeating: 0, count: edges.count)
        var p = [Double](repeating: 0, count: nBins)
        var failure: Error?

        func node(_ t: Double, _ w: Double) {
            guard failure == nil else { return }
            let s: TermValues
            do { s = try custom?(t) ?? recoil!.terms(recoilMeV: t) } catch { failure = error; return }
            generated.add(s, times: w)
            let pAbove = response.probabilityAboveThreshold(trueEnergyMeV: t)
            if pAbove > 0 { above.add(s, times: w * efficiency * pAbove) }
            response.binProbabilities(trueEnergyMeV: t, edges: edges, into: &p, tails: &tails)
            for j in 0..<nBins where p[j] > 0 { bins[j].add(s, times: w * efficiency * p[j]) }
        }

        response.forEachQuadratureNode(breakpoints: breaks, rule: rule, node)
        if let failure { throw failure }
        return FoldedCrossSections(bins: bins, aboveThreshold: above, generated: generated, lowestTrueRecoilMeV: tLow)
    }
}
