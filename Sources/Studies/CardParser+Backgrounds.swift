import Foundation
import Simulation

/// The `backgrounds` key of run cards (top level and per scenario; `BackgroundSelection`,
/// macros/README.md "Backgrounds"): read, then resolved for every scenario's detector, so a bad
/// name, value or spectrum file is reported with file:line:key before anything runs.
extension CardParser {
    /// `none`, `preset`, `NAME[,NAME…]`, or a list of names and mappings.
    func backgroundSelection(_ node: CardNode) throws(StudyError) -> BackgroundSelection {
        if case .scalar = node.node {
            let text = try node.string()
            do { return try BackgroundSelection.parse(text, option: "backgrounds") } catch { throw node.error(error.message) }
        }
        let items = try node.list(minCount: 1).map { item throws(StudyError) -> BackgroundSelection.Item in
            if case .scalar = item.node {
                let name = try item.string()
                guard name != BackgroundSelection.noneWord else {
                    throw item.error("'none' is not a list item; write backgrounds: none")
                }
                return BackgroundSelection.Item(name: name)
            }
            let m = try item.mapping(allowed: BackgroundSelection.Item.keys)
            let fraction = "a fraction in [0, 1]"
            return BackgroundSelection.Item(
                name: try m.required("name").string(),
                sigma: try m.optional("sigma")?.double("a relative uncertainty ≥ 0") { $0 >= 0 },
                rateCpdPer100t: try m.optional("rate_cpd_per_100t")?.double("a number of decays per day per 100 t ≥ 0") { $0 >= 0 },
                vetoEfficiency: try m.optional("veto_efficiency")?.double(fraction) { $0 >= 0 && $0 <= 1 },
                untaggedFraction: try m.optional("untagged_fraction")?.double(fraction) { $0 >= 0 && $0 <= 1 },
                spectrumFile: try m.optional("spectrum_file")?.string(),
                reference: try m.optional("reference")?.string())
        }
        return BackgroundSelection(items: items)
    }

    /// Resolves each scenario's backgrounds (its own, else the top level's) for its detector; a
    /// failure is located at the item (and key) that causes it.
    func checkBackgrounds(_ card: RunCard, topLevel: CardNode?, scenarioNodes: [CardNode], toysNode: CardNode?) throws(StudyError) {
        for (scenario, node) in zip(card.scenarios, scenarioNodes) {
            let own = (try? node.mapping(allowed: Self.scenarioKeys))?.optional(ScenarioSetting.backgrounds.cardKey)
            guard let at = own ?? topLevel else { continue }
            let selection = card.backgroundSelection(for: scenario)
            if baseDirectory == nil, selection.items.contains(where: { $0.spectrumFile != nil }) { continue }
            do {
                _ = try selection.resolve(detectorPreset: card.detectorPreset(named: scenario.detector),
                                          cardDirectory: baseDirectory ?? ".")
            } catch {
                var target = at
                if let i = error.index, case .sequence = at.node, let items = try? at.list(), i < items.count {
                    target = items[i]
                    if let key = error.key, let m = try? target.mapping(allowed: BackgroundSelection.Item.keys), let k = m.optional(key) {
                        target = k
                    }
                }
                throw target.error(error.message + (own == nil ? " (scenario '\(scenario.name)', detector \(scenario.detector))" : ""))
            }
        }
    }
}
