import Foundation
import Physics
import Output

extension ArgonStudy {
    /// The answer to the mission's argon question as a Markdown paragraph, every number taken
    /// from `result` (the base configuration, the scans and the required-rejection table).
    func conclusion(_ result: Result) -> String {
        let b = base
        let chain = b.chain
        var undepleted = chain
        undepleted.depletionFactor = 1
        let decays = undepleted.totalDecays
        func sci(_ x: Double) -> String {
            if x == x.rounded(), abs(x) < 1e6 { return "\(Int(x))" }
            var text = NumberFormatting.significant(x, digits: 3)
            // 1.50e6 → 1.5e6, 2.00 → 2.
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                var mantissa = String(text[..<e])
                if mantissa.contains(".") { while mantissa.hasSuffix("0") { mantissa.removeLast() } }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
                text = mantissa + text[e...]
            } else if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        func quoted(_ m: NewPhysicsModel.Kind, _ x: Double) -> String { m == .magneticMoment ? "μν < \(sci(x)) μ_B" : "g < \(sci(x))" }
        let bg = b.backgrounds
        var text = "**DUNE-like argon.** \(sci(b.massKilotonnes)) kt of LAr at \(sci(b.activityBecquerelPerKilogram * 1e6)) μBq/kg "
            + "(⁴²K bulk fraction \(sci(b.potassiumBulkFraction))) see \(sci(decays)) ⁴²Ar + ⁴²K decays in \(sci(b.liveTimeYears)) years "
            + "(the mission's round 10¹⁰ is \(sci(decays / 1e10))× lower) against \(sci((b.signalEventsPer10kt ?? .nan) * b.massKilotonnes / 10)) "
            + "ν̄e–e events with T > 0. With σ_E/E = \(sci(b.resolution.stochastic * 100)) %/√E ⊕ \(sci(b.resolution.constant * 100)) % and "
            + "σ_θ = \(sci(b.directionResolutionDegrees))°, the ⁴²K background (endpoint 3.53 MeV) falls with the Gaussian tail of "
            + "the response" + (result.backgroundFreeAboveMeV.map { " (less than one ⁴²Ar/⁴²K event above \(sci($0)) MeV)" } ?? "") + ". "
        // The other backgrounds at the base threshold, before the direction cut.
        let atBase = result.budget.filter { $0.thresholdMeV == b.thresholdMeV }
        func before(_ name: String) -> Double? { atBase.first { $0.component == name }?.eventsBeforeCut }
        let others = [("Ar39", "³⁹Ar single decays"), ("Ar39-pileup", "³⁹Ar pile-up"), ("solar-b8", "solar ⁸B ν–e"),
                      ("solar-hep", "hep ν–e"), ("nue-Ar40-CC", "ν_e–⁴⁰Ar CC (⁸B + hep, MARLEY)"),
                      ("n-capture", "⁴⁰Ar(n, γ) at \(sci(bg.neutronCapturesPerKtDay)) per kt per day (assumed)")]
            .compactMap { key, label in before(key).map { "\(label) \(sci($0))" } }
        if !others.isEmpty {
            text += "Beside it, above T_reco = \(sci(b.thresholdMeV)) MeV and before the direction cut, the module sees "
                + others.joined(separator: ", ") + " events. "
        }
        // ³⁹Ar: where it matters.
        let ar39 = Self.budgetThresholds.compactMap { t -> (Double, Double, Double)? in
            let rows = result.budget.filter { $0.thresholdMeV == t }
            guard let k = rows.first(where: { $0.component == "Ar42+K42" }) else { return nil }
            let a = rows.filter { $0.component.hasPrefix("Ar39") }.reduce(0) { $0 + $1.eventsBeforeCut }
            return (t, a, k.eventsBeforeCut)
        }
        if bg.argon39, !ar39.isEmpty {
            let listed = ar39.filter { [1, 1.5, 2, 3].contains($0.0) }
                .map { "\(sci($0.1)) vs \(sci($0.2)) at T > \(sci($0.0)) MeV" }.joined(separator: ", ")
            let dominates = ar39.filter { $0.1 > $0.2 }.map(\.0).max()
            let small = ar39.filter { $0.1 < 0.01 * $0.2 }.map(\.0).min()
            text += "³⁹Ar (\(sci(bg.argon39Activity)) Bq/kg; pile-up in clusters of \(sci(bg.clusterVolumeLiters)) L within "
                + "\(sci(bg.pileUpWindowMs)) ms, both assumed) against ⁴²Ar/⁴²K: \(listed)"
                + (dominates.map { "; it exceeds ⁴²Ar/⁴²K only up to T > \(sci($0)) MeV" } ?? "; it never exceeds ⁴²Ar/⁴²K")
                + (small.map { " and is below 1 % of it from T > \(sci($0)) MeV" } ?? "") + ". "
        }
        // Impact of each component on the base limit.
        if let m = result.base.first?.model, let only = result.impact.first(where: { $0.label == "Ar42+K42 only" })?.limits[m] {
            let symbol = m == .magneticMoment ? "μν" : "g"
            let rows = result.impact.filter { $0.label != "Ar42+K42 only" }.compactMap { row in row.limits[m].map { "\(row.label) \(sci($0))" } }
            text += "At the base point the \(symbol) limit is \(sci(only)) with ⁴²Ar/⁴²K alone; " + rows.joined(separator: ", ") + ". "
        }
        let basePoints = result.base.map { r in
            "\(quoted(r.model, r.limit)) (best cut cos θ_reco > \(sci(r.cosineCut)): \(sci(r.signalEvents)) signal, "
                + "\(sci(r.totalBackgroundEvents)) background events after cuts, \(sci(r.backgroundEvents)) of them ⁴²Ar/⁴²K)"
        }
        if !basePoints.isEmpty {
            text += "With every background the 90 % CL Asimov sensitivity at T_reco > \(sci(b.thresholdMeV)) MeV and ⁴²Ar rejection "
                + "R = \(sci(b.depletion)) is \(basePoints.joined(separator: " and ")). "
        }
        if let m = result.base.first?.model, let curves = result.scans["n_capture"]?[m], let atOne = curves.first,
           let lo = atOne.y.first, let hi = atOne.y.last {
            text += "The neutron-capture rate is the least known input: at R = \(sci(scans.curveDepletions.first ?? 1)) the "
                + "\(m == .lightVector ? "g" : "μν") limit runs from \(sci(lo)) (\(sci(atOne.x.first ?? 0)) captures per kt per day) to "
                + "\(sci(hi)) (\(sci(atOne.x.last ?? 0)))"
            let within = zip(atOne.x, atOne.y).filter { $0.1 <= lo * 1.1 }.map(\.0).max()
            if let within { text += "; it stays within 10 % of the capture-free limit up to \(sci(within)) per kt per day" }
            text += ". "
        }
        if let m = result.base.first?.model {
            let rows = result.rejections.filter { $0.model == m && $0.failure == nil }
            if let lo = rows.min(by: { $0.thresholdMeV < $1.thresholdMeV }), let hi = rows.max(by: { $0.thresholdMeV < $1.thresholdMeV }) {
                text += "Without ⁴²Ar rejection the limit is \(quoted(m, lo.limitWithoutRejection)) at T > \(sci(lo.thresholdMeV)) MeV and "
                    + "\(quoted(m, hi.limitWithoutRejection)) at T > \(sci(hi.thresholdMeV)) MeV; even with no ⁴²Ar/⁴²K at all (R = 10¹⁴) the other "
                    + "backgrounds leave \(quoted(m, lo.backgroundFreeLimit)) and \(quoted(m, hi.backgroundFreeLimit)). "
            }
        }
        for (name, limits) in result.referenceLimits.sorted(by: { $0.key < $1.key }) {
            let refText = limits.sorted { $0.key.rawValue > $1.key.rawValue }.map { quoted($0.key, $0.value) }.joined(separator: ", ")
            let parts = models.map { m -> String in
                let rows = result.rejections.filter { $0.reference == name && $0.model == m && $0.failure == nil }
                let symbol = m == .magneticMoment ? "μν" : "g"
                if let best = rows.compactMap({ row in row.requiredRejection.map { (row.thresholdMeV, $0) } }).min(by: { $0.1 < $1.1 }) {
                    return best.1 <= 1 ? "\(symbol): no ⁴²Ar rejection at all (R = 1 suffices, e.g. T > \(sci(best.0)) MeV)"
                        : "\(symbol): ⁴²Ar rejection R ≥ \(sci(best.1)) (least over thresholds, at T > \(sci(best.0)) MeV)"
                }
                guard let free = rows.min(by: { $0.backgroundFreeLimit < $1.backgroundFreeLimit }) else { return "\(symbol): not computed" }
                return "\(symbol): not reachable by ⁴²Ar rejection alone — without any ⁴²Ar/⁴²K the module gets \(quoted(m, free.backgroundFreeLimit)) (T > \(sci(free.thresholdMeV)) MeV)"
            }
            text += "To match \(name) (\(refText)) takes — \(parts.joined(separator: "; ")). "
        }
        if let m = result.base.first?.model, let curves = result.scans["depletion"]?[m], let low = curves.first,
           let first = low.y.first, let last = low.y.last {
            text += "⁴²Ar rejection still pays: for \(low.name) the \(m == .lightVector ? "g" : "μν") limit goes from "
                + "\(sci(first)) (R = \(sci(low.x.first ?? 1))) to \(sci(last)) (R = \(sci(low.x.last ?? 1))). "
        }
        text += "So with every argon background a DUNE-like module needs strongly depleted argon to approach KamLAND, and the "
            + "solar ⁸B charged-current and ν–e events and the neutron captures (their rate assumed) set a floor that ⁴²Ar rejection "
            + "cannot remove; ³⁹Ar and its pile-up matter only at low threshold. The answer rests on a Gaussian response tail "
            + "and on the assumed rates marked above."
        return text
    }
}
