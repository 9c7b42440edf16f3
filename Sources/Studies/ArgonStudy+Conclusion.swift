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
        var text = "**DUNE-like argon.** \(sci(b.massKilotonnes)) kt of LAr at \(sci(b.activityBecquerelPerKilogram * 1e6)) μBq/kg "
            + "(⁴²K bulk fraction \(sci(b.potassiumBulkFraction))) see \(sci(decays)) ⁴²Ar + ⁴²K decays in \(sci(b.liveTimeYears)) years "
            + "(the mission's round 10¹⁰ is \(sci(decays / 1e10))× lower) against \(sci((b.signalEventsPer10kt ?? .nan) * b.massKilotonnes / 10)) "
            + "ν̄e–e events with T > 0. With σ_E/E = \(sci(b.resolution.stochastic * 100)) %/√E ⊕ \(sci(b.resolution.constant * 100)) % and "
            + "σ_θ = \(sci(b.directionResolutionDegrees))°, the ⁴²K background (endpoint 3.53 MeV) falls with the Gaussian tail of "
            + "the response" + (result.backgroundFreeAboveMeV.map { " (less than one event above \(sci($0)) MeV)" } ?? "") + ". "
        if let m = result.base.first?.model {
            let rows = result.rejections.filter { $0.model == m && $0.failure == nil }
            if let lo = rows.min(by: { $0.thresholdMeV < $1.thresholdMeV }), let hi = rows.max(by: { $0.thresholdMeV < $1.thresholdMeV }) {
                text += "Without rejection the limit barely depends on the threshold (\(quoted(m, lo.limitWithoutRejection)) at "
                    + "T > \(sci(lo.thresholdMeV)) MeV, \(quoted(m, hi.limitWithoutRejection)) at T > \(sci(hi.thresholdMeV)) MeV): "
                    + "the sensitivity comes from recoils well above the ⁴²K endpoint. "
            }
        }
        let basePoints = result.base.map { r in
            "\(quoted(r.model, r.limit)) (best cut cos θ_reco > \(sci(r.cosineCut)): \(sci(r.signalEvents)) signal, "
                + "\(sci(r.backgroundEvents)) background events after cuts)"
        }
        if !basePoints.isEmpty {
            text += "At the base point (T_reco > \(sci(b.thresholdMeV)) MeV, rejection R = \(sci(b.depletion))) the 90 % CL Asimov "
                + "sensitivity is \(basePoints.joined(separator: " and ")). "
        }
        if let m = result.base.first?.model, let curves = result.scans["energy_resolution_a"]?[m],
           let atOne = curves.first, let lo = atOne.y.first, let hi = atOne.y.last {
            text += "It depends on the energy resolution near the endpoint: at R = \(sci(scans.curveDepletions.first ?? 1)) the \(m == .lightVector ? "g" : "μν") limit runs "
                + "from \(sci(lo)) (a = \(sci((atOne.x.first ?? 0) * 100)) %/√E) to \(sci(hi)) (a = \(sci((atOne.x.last ?? 0) * 100)) %/√E). "
        }
        for (name, limits) in result.referenceLimits.sorted(by: { $0.key < $1.key }) {
            let refText = limits.sorted { $0.key.rawValue > $1.key.rawValue }.map { quoted($0.key, $0.value) }.joined(separator: ", ")
            let parts = models.map { m -> String in
                let rows = result.rejections.filter { $0.reference == name && $0.model == m && $0.failure == nil }
                let symbol = m == .magneticMoment ? "μν" : "g"
                if let best = rows.compactMap({ row in row.requiredRejection.map { (row.thresholdMeV, $0) } }).min(by: { $0.1 < $1.1 }) {
                    return best.1 <= 1 ? "\(symbol): no rejection at all (R = 1 suffices, e.g. T > \(sci(best.0)) MeV)"
                        : "\(symbol): R ≥ \(sci(best.1)) (least over thresholds, at T > \(sci(best.0)) MeV)"
                }
                guard let free = rows.min(by: { $0.backgroundFreeLimit < $1.backgroundFreeLimit }) else { return "\(symbol): not computed" }
                return "\(symbol): not reachable by rejection alone — even background-free the module gets \(quoted(m, free.backgroundFreeLimit)) (T > \(sci(free.thresholdMeV)) MeV)"
            }
            text += "To match \(name) (\(refText)) takes — \(parts.joined(separator: "; ")). "
        }
        if let curves = result.scans["depletion"]?[result.base.first?.model ?? .magneticMoment],
           let low = curves.first, let first = low.y.first, let last = low.y.last {
            text += "Depletion pays at low threshold: for \(low.name) the \(result.base.first?.model == .lightVector ? "g" : "μν") limit goes from "
                + "\(sci(first)) (R = \(sci(low.x.first ?? 1))) to \(sci(last)) (R = \(sci(low.x.last ?? 1))). "
        }
        text += "So a DUNE-like module can do this measurement only by using the energies above the ⁴²K endpoint "
            + "(or with strongly depleted argon); the answer rests on the Gaussian tail of the energy response "
            + "and leaves out other LAr backgrounds (e.g. neutron captures, ⁸B solar ν)."
        return text
    }
}
