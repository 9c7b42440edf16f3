import Simulation

extension TemplateSet {
    /// The same templates with every count multiplied by `factor` (bins, above-threshold and
    /// generated totals, and `eventsPerSquareCentimeter`): a change of exposure. Used to keep a
    /// scenario's exposure fixed when its threshold or sin²θ_W changes (an `events: N` scenario
    /// fixes the exposure at its own threshold and sin²θ_W, so the factor is F_own / F_this).
    public func scaled(by factor: Double) -> TemplateSet {
        func scale(_ v: TermValues) -> TermValues {
            TermValues(standardModel: v.standardModel * factor,
                       magneticMomentPerKappaSquared: v.magneticMomentPerKappaSquared * factor,
                       lightVectorLinearPerGSquared: v.lightVectorLinearPerGSquared * factor,
                       lightVectorQuadraticPerGFourth: v.lightVectorQuadraticPerGFourth * factor)
        }
        return TemplateSet(
            binning: binning, standardModel: standardModel.map { $0 * factor },
            magneticMomentPerKappaSquared: magneticMomentPerKappaSquared.map { $0 * factor },
            lightVectorLinearPerGSquared: lightVectorLinearPerGSquared.map { $0 * factor },
            lightVectorQuadraticPerGFourth: lightVectorQuadraticPerGFourth.map { $0 * factor },
            mediatorMassMeV: mediatorMassMeV, aboveThreshold: scale(aboveThreshold), generated: scale(generated),
            lowestTrueRecoilMeV: lowestTrueRecoilMeV, eventsPerSquareCentimeter: eventsPerSquareCentimeter * factor)
    }
}
