import Foundation
import Output
import Physics
import Statistics

/// Walks a composed run card and builds `RunCard`, checking keys, types and ranges.
struct CardParser {
    let file: String
    let baseDirectory: String?
    /// T_max at the source's endpoint, MeV, once the source is known: thresholds must lie below.
    var kinematicLimitMeV: Double? = nil

    func card(_ root: CardNode) throws(StudyError) -> RunCard {
        let m = try root.mapping(allowed: ["format", "title", "notes", "analyses", "source", "detectors", "scenarios",
                                           "models", "scans", "sin2_theta_w", ScenarioSetting.radiativeCorrections.cardKey, "statistic", "cl", ScenarioSetting.limitMethod.cardKey, "binning", "toys", "outputs",
                                           "argon", ScenarioSetting.backgrounds.cardKey, "systematics"])
        let formatNode = try m.required("format")
        let format = try formatNode.string()
        guard format == RunCard.formatVersion else {
            throw formatNode.error("unsupported format '\(format)'; this version of nue reads \(RunCard.formatVersion)")
        }
        let title = try m.required("title").string()
        let notes = try m.optional("notes")?.string()
        let analysesNode = m.optional("analyses")
        let analyses = try analysesNode.map { node throws(StudyError) in
            try node.list(minCount: 1).map { item throws(StudyError) in try item.choice(RunCard.Analysis.self) }
        } ?? [.asimov]
        let sourceNode = m.optional("source")
        let source = try sourceNode.map(self.source) ?? RunCard.Source()
        var parser = self
        parser.kinematicLimitMeV = try kinematicLimit(of: source, at: sourceNode ?? root)
        let detectors = try m.optional("detectors").map(self.detectors) ?? []
        let known = Set(RunCard.Detector.presetNames + detectors.map(\.name))
        let scenarioNodes = try m.required("scenarios").list(minCount: 1)
        let scenarios = try scenarioNodes.map { node throws(StudyError) in
            try parser.scenario(node, knownDetectors: known)
        }
        try checkDistinctFileNames(scenarios, nodes: scenarioNodes)
        let backgroundsNode = m.optional(ScenarioSetting.backgrounds.cardKey)
        let backgrounds = try backgroundsNode.map(backgroundSelection)
        let systematics = try m.optional("systematics").map(systematicSelection)
        let models = try m.optional("models")?.list().map(model) ?? []
        let scans = try m.optional("scans").map(parser.scans)
        let corrected = try m.optional(ScenarioSetting.radiativeCorrections.cardKey)?.bool()
            ?? ScenarioSetting.radiativeCorrections.defaultValue
        let sin2 = try m.optional("sin2_theta_w")?.double(.sin2ThetaW)
            ?? ElectroweakCouplings.defaultSin2ThetaW(radiativeCorrections: corrected)
        let statistic = try m.optional("statistic")?.choice(RunCard.StatisticChoice.self) ?? .poisson
        let cl = try m.optional("cl")?.double(.confidenceLevel) ?? ScenarioSetting.confidenceLevel.defaultValue!
        let limitNode = m.optional(ScenarioSetting.limitMethod.cardKey)
        let limit = try limitNode?.choice(LimitMethod.self) ?? ScenarioSetting.limitMethod.defaultValue
        let binning = try m.optional("binning").map(self.binning) ?? RunCard.Binning()
        let toys = try m.optional("toys").map(self.toys)
        let outputs = try m.optional("outputs").map(self.outputs) ?? RunCard.Outputs()
        var argon = try m.optional("argon").map(parser.argon)
        if argon == nil && analyses.contains(.argon) { argon = RunCard.Argon() }

        let card = RunCard(format: format, title: title, notes: notes, analyses: analyses, source: source,
                           detectors: detectors, scenarios: scenarios, models: models, scans: scans,
                           sin2ThetaW: sin2, radiativeCorrections: corrected, statistic: statistic, cl: cl, limit: limit, binning: binning, toys: toys, outputs: outputs,
                           argon: argon, backgrounds: backgrounds, systematics: systematics)
        try checkAnalyses(card, at: analysesNode ?? root)
        try checkBackgrounds(card, topLevel: backgroundsNode, scenarioNodes: scenarioNodes, toysNode: m.optional("toys"))
        if corrected, analyses.contains(.argon), let node = m.optional(ScenarioSetting.radiativeCorrections.cardKey) {
            throw node.error("the argon analysis is computed at tree level (its ⁴²Ar/⁴²K background dominates any per-cent "
                             + "correction); run it from a card without radiative_corrections")
        }
        if let limitNode, limit == .cls, analyses.contains(.coverage), let methods = toys?.coverage?.methods, methods.contains(.fc) {
            throw limitNode.error("limit: cls applies to the asymptotic coverage (method asimov); Feldman–Cousins (fc) orders by "
                                  + "likelihood ratio, not CLs: use toys.coverage.methods [asimov] or a separate card")
        }
        return card
    }

    /// T_max(E_end) of the card's source, MeV (docs/physics.md §1).
    private func kinematicLimit(of source: RunCard.Source, at node: CardNode) throws(StudyError) -> Double? {
        guard source.spectrumFile == nil || baseDirectory != nil else { return nil }
        let card = RunCard(title: "", source: source, scenarios: [], models: [])
        do {
            return Kinematics.maxRecoil(neutrinoEnergy: try card.sourceEndpointMeV(cardDirectory: baseDirectory ?? "."))
        } catch {
            throw node.error("cannot read the source spectrum: \(error)")
        }
    }

    /// Output files are named after scenarios (`StudySlug`): two names with the same slug would
    /// write the same files.
    private func checkDistinctFileNames(_ scenarios: [RunCard.Scenario], nodes: [CardNode]) throws(StudyError) {
        var seen: [String: String] = [:]
        for (scenario, node) in zip(scenarios, nodes) {
            let slug = StudySlug.make(scenario.name)
            if let other = seen[slug] {
                let at = (try? node.mapping(allowed: Self.scenarioKeys).optional("name")) ?? node
                throw at.error("scenario name '\(scenario.name)' gives the same output file names ('\(slug)') as "
                               + "'\(other)'; give the scenarios names that differ in letters or digits")
            }
            seen[slug] = scenario.name
        }
    }

    /// A threshold must lie below the kinematic limit of the source.
    func checkBelowKinematicLimit(_ thresholdMeV: Double, at node: CardNode) throws(StudyError) {
        guard let limit = kinematicLimitMeV, thresholdMeV >= limit else { return }
        throw node.error("must lie below the kinematic limit T_max = \(NumberFormatting.significant(limit, digits: 5)) MeV "
                         + "of the source's endpoint, got \(CardNode.format(thresholdMeV))")
    }

    /// Each analysis has what it needs (scans, toys, models).
    private func checkAnalyses(_ card: RunCard, at node: CardNode) throws(StudyError) {
        func missing(_ key: String, _ analysis: RunCard.Analysis) -> StudyError {
            StudyError(file: file, line: node.line, key: key, message: "missing required key (analysis '\(analysis.rawValue)' needs it)")
        }
        let needModels: Set<RunCard.Analysis> = [.asimov, .deltaChi2, .toys, .coverage, .thresholdScan, .normScan, .argon,
                                                 .backgroundBreakdown, .systematicsBreakdown, .systematicsToys]
        for analysis in card.analyses {
            if card.models.isEmpty && needModels.contains(analysis) { throw missing("models", analysis) }
            switch analysis {
            case .thresholdScan where card.scans?.thresholdsMeV == nil: throw missing("scans.thresholds_mev", analysis)
            case .normScan where card.scans?.normSigmas == nil: throw missing("scans.norm_sigmas", analysis)
            case .gmExclusion where card.scans?.mediatorMassMeV == nil: throw missing("scans.mediator_mass_mev", analysis)
            case .gmExclusion where !card.models.contains { $0.model == .lightVector }:
                throw StudyError(file: file, line: node.line, key: "models",
                                   message: "analysis 'gm-exclusion' needs a light-vector model")
            case .backgroundBreakdown where card.scenarios.allSatisfy({ card.backgroundSelection(for: $0).isNone }):
                throw StudyError(file: file, line: node.line, key: "backgrounds",
                                 message: "analysis 'background-breakdown' needs backgrounds (top level or in a scenario), e.g. backgrounds: preset")
            case .systematicsBreakdown where card.scenarios.allSatisfy({ card.systematicSelection(for: $0).isNone }):
                throw StudyError(file: file, line: node.line, key: "systematics",
                                 message: "analysis 'systematics-breakdown' needs systematics (top level or in a scenario), e.g. systematics: preset")
            case .systematicsToys where card.scenarios.allSatisfy({ card.systematicSelection(for: $0).isNone }):
                throw StudyError(file: file, line: node.line, key: "systematics",
                                 message: "analysis 'systematics-toys' needs systematics (top level or in a scenario), e.g. systematics: preset")
            case .systematicsToys where card.toys == nil: throw missing("toys", analysis)
            case .toys where card.toys == nil: throw missing("toys", analysis)
            case .coverage where card.toys?.coverage == nil: throw missing("toys.coverage", analysis)
            default: break
            }
        }
        let profilesSystematics: Set<RunCard.Analysis> = [.asimov, .spectra, .deltaChi2, .toys, .coverage, .thresholdScan, .normScan,
                                                          .gmExclusion, .exposure, .backgroundBreakdown, .systematicsBreakdown,
                                                          .systematicsToys, .sin2wPrecision]
        let hasSystematics = card.scenarios.contains { !card.systematicSelection(for: $0).isNone }
        if hasSystematics, card.limit == .cls, let toys = card.analyses.first(where: { $0 == .toys || $0 == .coverage }) {
            throw StudyError(file: file, line: node.line, key: "limit",
                             message: "analysis '\(toys.rawValue)' with systematics computes CLs+b only; use limit: clsb")
        }
        if hasSystematics, card.analyses.contains(.argon) {
            throw StudyError(file: file, line: node.line, key: "systematics",
                             message: "analysis 'argon' takes its module's systematics from argon.systematics (e.g. argon: {systematics: preset}); "
                                 + "the top-level key would apply to its reference scenarios, which it fits without")
        }
        if hasSystematics, let other = card.analyses.first(where: { !profilesSystematics.contains($0) }) {
            throw StudyError(file: file, line: node.line, key: "systematics",
                             message: "analysis '\(other.rawValue)' does not profile systematics yet "
                                 + "(\(RunCard.Analysis.allCases.filter(profilesSystematics.contains).map(\.rawValue).joined(separator: ", ")) do); "
                                 + "run it from a card without systematics")
        }
    }

    func source(_ node: CardNode) throws(StudyError) -> RunCard.Source {
        let m = try node.mapping(allowed: ["final_state", "spectrum_file", "intensity_per_year", "live_time_years", "up_time"])
        var finalState = try m.optional("final_state")?.choice(RunCard.FinalState.self)
        let spectrumNode = m.optional("spectrum_file")
        let spectrumFile = try spectrumNode?.string()
        if let spectrumNode, let spectrumFile {
            if finalState != nil {
                throw spectrumNode.error("give either final_state or spectrum_file, not both")
            }
            if let baseDirectory {
                let full = spectrumFile.hasPrefix("/") ? spectrumFile : (baseDirectory as NSString).appendingPathComponent(spectrumFile)
                guard FileManager.default.fileExists(atPath: full) else {
                    throw spectrumNode.error("spectrum file not found: \(full)")
                }
            }
        } else if finalState == nil {
            finalState = .lithium8Default
        }
        let defaults = RunCard.Source()
        return RunCard.Source(
            finalState: finalState, spectrumFile: spectrumFile,
            intensityPerYear: try m.optional("intensity_per_year")?.double(.intensityPerYear) ?? defaults.intensityPerYear,
            liveTimeYears: try m.optional("live_time_years")?.double(.liveTimeYears) ?? defaults.liveTimeYears,
            upTime: try m.optional("up_time")?.double(.upTime) ?? defaults.upTime)
    }

    func detectors(_ node: CardNode) throws(StudyError) -> [RunCard.Detector] {
        var seen = Set<String>()
        return try node.list().map { item throws(StudyError) in
            let detector = try detector(item)
            guard seen.insert(detector.name).inserted else {
                throw (try item.mapping(allowed: Self.detectorKeys).required("name")).error("duplicate detector name '\(detector.name)'")
            }
            return detector
        }
    }

    static let detectorKeys = ["name", "preset", "target_electrons", "resolution", "threshold_mev", "efficiency",
                               "direction_resolution_deg", "source_distance_m", "radius_m"]

    func detector(_ node: CardNode) throws(StudyError) -> RunCard.Detector {
        let m = try node.mapping(allowed: Self.detectorKeys)
        let nameNode = try m.required("name")
        let name = try nameNode.string()
        guard !RunCard.Detector.presetNames.contains(name) else {
            throw nameNode.error("'\(name)' is a preset name; give the custom detector its own name (and preset: \(name) to start from it)")
        }
        let preset = try m.optional("preset")?.choice(RunCard.Detector.presetNames)
        if preset == nil {
            for key in ["target_electrons", "resolution", "source_distance_m"] { _ = try m.required(key) }
        }
        let positive = "a positive number"
        let nonNegative = "≥ 0"
        return RunCard.Detector(
            name: name, preset: preset,
            targetElectrons: try m.optional("target_electrons")?.double(positive) { $0 > 0 },
            resolution: try m.optional("resolution").map(resolution),
            thresholdMeV: try m.optional("threshold_mev")?.double(nonNegative) { $0 >= 0 },
            efficiency: try m.optional("efficiency")?.double("in (0, 1]") { $0 > 0 && $0 <= 1 },
            directionResolutionDeg: try m.optional("direction_resolution_deg")?.double("in [0, 180]") { $0 >= 0 && $0 <= 180 },
            sourceDistanceM: try m.optional("source_distance_m")?.double(positive) { $0 > 0 },
            radiusM: try m.optional("radius_m")?.double(positive) { $0 > 0 })
    }

    /// `systematics`: `none`, `preset`, `NAME[=SIGMA][,…]`, or a list of `NAME[=SIGMA]` (`SystematicSelection`).
    func systematicSelection(_ node: CardNode) throws(StudyError) -> SystematicSelection {
        let text: String
        if case .scalar = node.node { text = try node.string() } else {
            text = try node.list(minCount: 1).map { item throws(StudyError) in try item.string() }.joined(separator: ",")
        }
        do { return try SystematicSelection.parse(text, option: "systematics") } catch { throw node.error(error.message) }
    }

    func resolution(_ node: CardNode) throws(StudyError) -> RunCard.Resolution {
        let m = try node.mapping(allowed: ["a", "b", "c"])
        let nonNegative = "≥ 0"
        return RunCard.Resolution(
            a: try m.required("a").double(nonNegative) { $0 >= 0 },
            b: try m.optional("b")?.double(nonNegative) { $0 >= 0 } ?? 0,
            c: try m.optional("c")?.double(nonNegative) { $0 >= 0 } ?? 0)
    }

    static let scenarioKeys = ["name", "detector", "threshold_mev", "events", "exposure", "norm_sigma",
                               "intensity_per_year", "live_time_years", ScenarioSetting.backgrounds.cardKey, "systematics"]

    func scenario(_ node: CardNode, knownDetectors: Set<String>) throws(StudyError) -> RunCard.Scenario {
        let m = try node.mapping(allowed: Self.scenarioKeys)
        let detectorNode = try m.required("detector")
        let detector = try detectorNode.string()
        guard knownDetectors.contains(detector) else {
            throw detectorNode.error("unknown detector preset '\(detector)'; choose one of: "
                                     + "\(RunCard.Detector.presetNames.joined(separator: ", ")) or a name from 'detectors'")
        }
        let thresholdNode = try m.required("threshold_mev")
        let threshold = try thresholdNode.double(.thresholdMeV)
        try checkBelowKinematicLimit(threshold, at: thresholdNode)
        let normalization: RunCard.Normalization
        switch (m.optional("events"), m.optional("exposure")) {
        case let (events?, _?):
            throw events.error("give either events or exposure, not both")
        case let (events?, nil):
            normalization = .events(try events.double(.events))
        case let (nil, exposure?):
            guard try exposure.bool() else { throw exposure.error("must be true (or give events: N instead)") }
            normalization = .exposure
        case (nil, nil):
            throw StudyError(file: file, line: node.line, key: "\(node.path).events",
                               message: "missing required key (give events: N or exposure: true)")
        }
        return RunCard.Scenario(
            name: try m.optional("name")?.string(), detector: detector, thresholdMeV: threshold,
            normalization: normalization,
            normSigma: try m.optional("norm_sigma")?.double(.normSigma) ?? ScenarioSetting.normSigma.defaultValue!,
            intensityPerYear: try m.optional("intensity_per_year")?.double(.intensityPerYear),
            liveTimeYears: try m.optional("live_time_years")?.double(.liveTimeYears),
            backgrounds: try m.optional(ScenarioSetting.backgrounds.cardKey).map(backgroundSelection),
            systematics: try m.optional("systematics").map(systematicSelection))
    }

    func model(_ node: CardNode) throws(StudyError) -> RunCard.Model {
        let m = try node.mapping(allowed: ["model", "mediator_masses_mev", "interference"])
        let kind = try m.required("model").choice(RunCard.Kind.self)
        if kind == .magneticMoment {
            for key in ["mediator_masses_mev", "interference"] {
                if let extra = m.optional(key) { throw extra.error("only for model light-vector") }
            }
        }
        let masses = try m.optional("mediator_masses_mev").map { node throws(StudyError) in
            try node.list(minCount: 1).map { item throws(StudyError) in try item.double(.mediatorMassMeV) }
        }
        let interference = try m.optional("interference")?.choice(RunCard.Interference.self)
        return RunCard.Model(model: kind, mediatorMassesMeV: masses, interference: interference)
    }

    func scans(_ node: CardNode) throws(StudyError) -> RunCard.Scans {
        let m = try node.mapping(allowed: ["thresholds_mev", "norm_sigmas", "mediator_mass_mev", "sin2_theta_w"])
        return RunCard.Scans(
            thresholdsMeV: try m.optional("thresholds_mev").map { node throws(StudyError) in
                try node.list(minCount: 1).map { item throws(StudyError) in
                    let threshold = try item.double(.thresholdMeV)
                    try checkBelowKinematicLimit(threshold, at: item)
                    return threshold
                }
            },
            normSigmas: try m.optional("norm_sigmas").map { node throws(StudyError) in
                try node.list(minCount: 1).map { item throws(StudyError) in try item.double(.normSigma) }
            },
            mediatorMassMeV: try m.optional("mediator_mass_mev").map(logGrid),
            sin2ThetaW: try m.optional("sin2_theta_w").map { node throws(StudyError) in
                try node.list(minCount: 1).map { item throws(StudyError) in try item.double(.sin2ThetaW) }
            })
    }

    func logGrid(_ node: CardNode) throws(StudyError) -> RunCard.LogGrid {
        let m = try node.mapping(allowed: ["from", "to", "points"])
        let from = try m.required("from").double("a positive number") { $0 > 0 }
        let toNode = try m.required("to")
        let to = try toNode.double("a positive number") { $0 > 0 }
        guard to > from else { throw toNode.error("must be larger than from = \(CardNode.format(from))") }
        let points = try m.required("points").integer("at least 2") { $0 >= 2 }
        return RunCard.LogGrid(from: from, to: to, points: points)
    }

    func binning(_ node: CardNode) throws(StudyError) -> RunCard.Binning {
        let m = try node.mapping(allowed: ["bin_width_mev", "max_mev"])
        return RunCard.Binning(
            binWidthMeV: try m.optional("bin_width_mev")?.double(.binWidthMeV) ?? ScenarioSetting.binWidthMeV.defaultValue!,
            maxMeV: try m.optional("max_mev")?.double(.maxMeV))
    }

    func toys(_ node: CardNode) throws(StudyError) -> RunCard.Toys {
        let m = try node.mapping(allowed: ["count", "seed", "threads", "coverage", "full_chain"])
        return RunCard.Toys(
            count: try m.required("count").integer("at least 1") { $0 >= 1 },
            seed: try m.required("seed").unsignedInteger(),
            threads: try m.optional("threads")?.integer("at least 1") { $0 >= 1 } ?? 1,
            coverage: try m.optional("coverage").map(coverage),
            fullChain: try m.optional("full_chain")?.bool() ?? false)
    }

    func coverage(_ node: CardNode) throws(StudyError) -> RunCard.Coverage {
        let m = try node.mapping(allowed: ["methods", "true_values_over_asimov", "toys", "critical_toys"])
        let methods = try m.required("methods").list(minCount: 1).map { item throws(StudyError) in
            try item.choice(RunCard.CoverageMethod.self)
        }
        let values = try m.optional("true_values_over_asimov").map { node throws(StudyError) in
            try node.list(minCount: 1).map { item throws(StudyError) in try item.double("≥ 0") { $0 >= 0 } }
        } ?? [1.0]
        return RunCard.Coverage(methods: methods, trueValuesOverAsimov: values,
                                toys: try m.optional("toys")?.integer("at least 1") { $0 >= 1 },
                                criticalToys: try m.optional("critical_toys")?.integer("at least 10") { $0 >= 10 })
    }

    func outputs(_ node: CardNode) throws(StudyError) -> RunCard.Outputs {
        let m = try node.mapping(allowed: ["table", "csv", "json", "plots", "directory"])
        return RunCard.Outputs(
            table: try m.optional("table")?.bool() ?? true,
            csv: try m.optional("csv")?.bool() ?? true,
            json: try m.optional("json")?.bool() ?? true,
            plots: try m.optional("plots")?.bool() ?? true,
            directory: try m.optional("directory")?.string())
    }
}
