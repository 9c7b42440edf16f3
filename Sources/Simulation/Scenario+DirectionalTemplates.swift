import Foundation
import Physics

extension Scenario {
    /// Templates after the directional cut cos θ_reco > c (`DirectionalCut`), per bin of
    /// reconstructed T:
    ///
    ///     n_j,k = F ε ∫ dT P(T_reco ∈ j | T) ∫_{E_min(T)}^{E_end} dE φ(E) dσ_k/dT(E, T) P(c | θ_e(E, T))
    ///
    /// with cos θ_e(E, T) = (E + m_e)/E · √(T/(T + 2m_e)) the recoil angle to the neutrino direction
    /// (docs/physics.md §1.1, §5.8; the source–vertex line is the reference axis), dσ_k/dT = C₀ + C₁/E + C₂/E²
    /// (`RecoilCoefficients`), the E integral by 8 Gauss–Legendre panels of 8 points, the T integral
    /// and the energy response exactly as in `templates()`. F is the normalization of the uncut
    /// templates: `.smEventsAboveThreshold(N)` counts the N SM events *before* the cut, so the
    /// per-bin cut efficiency of term k is n_j,k(c) / n_j,k(−1). `aboveThreshold` is after the cut;
    /// `generated` is that of the uncut templates.
    ///
    /// - Parameter reference: the uncut `templates()` of this scenario, if already built.
    public func templates(directionalCut cut: DirectionalCut, reference: TemplateSet? = nil) throws -> TemplateSet {
        let uncut = try reference ?? templates()
        let factor = uncut.eventsPerSquareCentimeter
        let model = self.model()
        let spectrum = self.spectrum, mediator = mediatorMassMeV
        let endpoint = spectrum.endpoint
        let rule = GaussLegendre(points: 8)
        let panels = 8
        let me = PhysicalConstants.electronMass
        let recoilTerms: (Double) throws -> TermValues = { t in
            let eMin = Kinematics.minNeutrinoEnergy(recoil: t)
            guard eMin < endpoint else { return TermValues() }
            let couplings = model.couplings(recoilMeV: t)
            let c = RecoilCoefficients.Terms(couplings: couplings, mediatorMassMeV: mediator, recoilMeV: t)
            let corrected = model.radiativeCorrections
            var qed = 0.0
            let angular = (t / (t + 2 * me)).squareRoot()
            var m0 = 0.0, m1 = 0.0, m2 = 0.0
            let width = (endpoint - eMin) / Double(panels)
            for p in 0..<panels {
                let a = eMin + Double(p) * width
                rule.forEachNode(from: a, to: a + width) { e, w in
                    let cosTheta = Swift.min(1, (e + me) / e * angular)
                    let weight = w * spectrum.density(at: e) * cut.passingProbability(trueCosine: cosTheta)
                    let inv = 1 / e
                    m0 += weight
                    m1 += weight * inv
                    m2 += weight * inv * inv
                    if corrected, e > eMin {
                        qed += weight * StandardModelCrossSection.qedIncrement(couplings: couplings, neutrinoEnergyMeV: e, recoilMeV: t)
                    }
                }
            }
            func fold(_ r: RecoilCoefficients) -> Double { r.c0 * m0 + r.c1 * m1 + r.c2 * m2 }
            return TermValues(standardModel: fold(c.standardModel) + qed,
                              magneticMomentPerKappaSquared: fold(c.magneticMomentPerKappaSquared),
                              lightVectorLinearPerGSquared: fold(c.lightVectorLinear),
                              lightVectorQuadraticPerGFourth: fold(c.lightVectorQuadratic))
        }
        let folded = try foldedCrossSections(recoilTerms: recoilTerms)
        let exact = interference == .exact
        var above = folded.aboveThreshold.scaled(by: factor)
        if !exact { above.lightVectorLinearPerGSquared = 0 }
        return TemplateSet(
            binning: binning,
            standardModel: folded.bins.map { $0.standardModel * factor },
            magneticMomentPerKappaSquared: folded.bins.map { $0.magneticMomentPerKappaSquared * factor },
            lightVectorLinearPerGSquared: folded.bins.map { exact ? $0.lightVectorLinearPerGSquared * factor : 0 },
            lightVectorQuadraticPerGFourth: folded.bins.map { $0.lightVectorQuadraticPerGFourth * factor },
            mediatorMassMeV: mediatorMassMeV, aboveThreshold: above, generated: uncut.generated,
            lowestTrueRecoilMeV: uncut.lowestTrueRecoilMeV, eventsPerSquareCentimeter: factor)
    }
}
