import Foundation

extension ArgonStudy {
    /// The answer to the mission's argon question as a Markdown paragraph, every number taken
    /// from `result` (the base configuration, the scans and the required-rejection table).
    func conclusion(_ result: Result) -> String {
        let b = base
        let chain = b.chain
        var undepleted = chain
        undepleted.depletionFactor = 1
        let decays = undepleted.totalDecays
        func sci(_ x: Double) -> String { NumberFormatting.significant(x, digits: 2) }
        func quoted(_ m: ArgonModel, _ x: Double) -> String { m == .magneticMoment ? "μν < \(sci(x)) μ_B" : "g < \(sci(x))" }
        var text = "**DUNE-like argon.** \(sci(b.massKilotonnes)) kt of LAr at \(sci(b.activityBecquerelPerKilogram * 1e6)) μBq/kg "
            + "(⁴²K bulk fraction \(sci(b.potassiumBulkFraction))) see \(sci(decays)) ⁴²Ar + ⁴²K decays in \(sci(b.liveTimeYears)) years "
            + "(the mission's round 10¹⁰ is \(sci(decays / 1e10))× lower) against \(sci((b.signalEventsPer10kt ?? .nan) * b.massKilotonnes / 10)) "
            + "ν̄e–e events with T > 0. With σ_E/E = \(sci(b.resolution.stochastic * 100)) %/√E ⊕ \(sci(b.resolution.constant * 100)) % and "
            + "σ_θ = \(sci(b.directionResolutionDegrees))°, the ⁴²K spectrum (endpoint 3.53 MeV) leaves the recoil spectrum above ≈ 4.5 MeV "
            + "background-free, and that region carries most of the sensitivity. "
        for r in result.base {
            text += "At the base point (T_reco > \(sci(b.thresholdMeV)) MeV, rejection R = \(sci(b.depletion)), best cut cos θ_reco > \(sci(r.cosineCut))) "
                + "the 90 % CL Asimov sensitivity is \(quoted(r.model, r.limit)) (\(sci(r.signalEvents)) signal, \(sci(r.backgroundEvents)) background events after cuts). "
        }
        for (name, limits) in result.referenceLimits.sorted(by: { $0.key < $1.key }) {
            let refText = limits.sorted { $0.key.rawValue > $1.key.rawValue }.map { quoted($0.key, $0.value) }.joined(separator: ", ")
            let rows = result.rejections.filter { $0.reference == name }
            let needs = rows.filter { $0.thresholdMeV == b.thresholdMeV }.sorted { $0.model.rawValue > $1.model.rawValue }.map { row -> String in
                if let r = row.requiredRejection {
                    return r <= 1 ? "no rejection at all for \(row.model.parameter)" : "R ≥ \(sci(r)) for \(row.model.parameter)"
                }
                return "more than any rejection can give for \(row.model.parameter) (background-free: \(quoted(row.model, row.backgroundFreeLimit)))"
            }
            let best = rows.compactMap { row in row.requiredRejection.map { (row.thresholdMeV, row.model, $0) } }
                .min { $0.2 < $1.2 }
            text += "Matching \(name) (\(refText)) takes \(needs.joined(separator: " and ")) at T > \(sci(b.thresholdMeV)) MeV"
            if let best, best.2 > 1 || !needs.contains(where: { $0.hasPrefix("no rejection") }) {
                text += "; the least over thresholds is R = \(sci(best.2)) (\(best.1.parameter), T > \(sci(best.0)) MeV)"
            } else if best == nil {
                text += " at every threshold scanned"
            }
            text += ". "
        }
        if let curves = result.scans["depletion"]?[result.base.first?.model ?? .magneticMoment],
           let low = curves.first, let first = low.y.first, let last = low.y.last {
            text += "Depletion pays at low threshold: for \(low.name) the \(result.base.first?.model.parameter ?? "") limit goes from "
                + "\(sci(first)) (R = \(sci(low.x.first ?? 1))) to \(sci(last)) (R = \(sci(low.x.last ?? 1))). "
        }
        text += "So a DUNE-like module can do this measurement only by using the energies above the ⁴²K endpoint "
            + "(or with strongly depleted argon); the answer rests on the Gaussian tail of the energy response "
            + "and leaves out other LAr backgrounds (e.g. neutron captures, ⁸B solar ν)."
        return text
    }
}
