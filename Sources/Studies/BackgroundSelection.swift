import Foundation
import Physics
import Simulation

/// Which background components a scenario fits (docs/physics.md §8; `macros/README.md`,
/// "Backgrounds"): none (the default, the mission's table), the detector's preset
/// (`Simulation.BackgroundCatalog`), named components, and in run cards overrides of their
/// normalization uncertainty, rate, veto or untagged fraction, and user spectra.
///
/// Command line: `--backgrounds preset|none|NAME[,NAME…]`. Card key `backgrounds` (top level or per
/// scenario): `none`, `preset`, a name, or a list whose items are `preset`, names, or mappings
///
///     - name: c11                # a catalogue component: start from it (or from the preset entry)
///       sigma: 0.3               #   normalization uncertainty (relative; ≥ 0, 0 fixes it)
///       rate_cpd_per_100t: 20    #   decays per day per 100 t before the veto (decay components)
///       veto_efficiency: 0.95    #   cosmogenic components
///     - name: ibd
///       untagged_fraction: 0.005
///     - name: reactor            # any other name: a user spectrum
///       spectrum_file: reactor.txt   # E_vis in MeV, events per MeV per year in the fiducial volume
///       sigma: 0.1
///       reference: "…"
///
/// Items apply in order; a mapping naming a component already chosen (by `preset`) overrides it.
/// `definitions(detectorPreset:cardDirectory:)` resolves and validates everything.
public struct BackgroundSelection: Sendable, Equatable, Codable {
    /// One item: `preset`, a component name, or a name with overrides.
    public struct Item: Sendable, Equatable, Codable {
        public var name: String
        /// Relative normalization uncertainty (card key `sigma`).
        public var sigma: Double?
        /// Decays per day per 100 t before the veto (`rate_cpd_per_100t`).
        public var rateCpdPer100t: Double?
        /// Fraction removed by the muon veto, cosmogenic components (`veto_efficiency`).
        public var vetoEfficiency: Double?
        /// IBD with the neutron missed (`untagged_fraction`).
        public var untaggedFraction: Double?
        /// A user table (`spectrum_file`): E_vis (MeV), events per MeV per year in the fiducial volume.
        public var spectrumFile: String?
        /// The rate's source (`reference`); a run card's rate without one is marked assumed.
        public var reference: String?

        enum CodingKeys: String, CodingKey {
            case name, sigma
            case rateCpdPer100t = "rate_cpd_per_100t"
            case vetoEfficiency = "veto_efficiency"
            case untaggedFraction = "untagged_fraction"
            case spectrumFile = "spectrum_file"
            case reference
        }

        public init(name: String, sigma: Double? = nil, rateCpdPer100t: Double? = nil, vetoEfficiency: Double? = nil,
                    untaggedFraction: Double? = nil, spectrumFile: String? = nil, reference: String? = nil) {
            self.name = name
            self.sigma = sigma
            self.rateCpdPer100t = rateCpdPer100t
            self.vetoEfficiency = vetoEfficiency
            self.untaggedFraction = untaggedFraction
            self.spectrumFile = spectrumFile
            self.reference = reference
        }

        /// Whether the item is only a name (no overrides).
        var isPlainName: Bool {
            sigma == nil && rateCpdPer100t == nil && vetoEfficiency == nil && untaggedFraction == nil
                && spectrumFile == nil && reference == nil
        }

        /// The card keys of an item mapping.
        static let keys = ["name", "sigma", "rate_cpd_per_100t", "veto_efficiency", "untagged_fraction", "spectrum_file", "reference"]
    }

    /// The items in order; empty: no backgrounds.
    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// No backgrounds (the default).
    public static let none = BackgroundSelection(items: [])
    /// The detector's preset.
    public static let preset = BackgroundSelection(items: [Item(name: presetWord)])

    static let presetWord = "preset"
    static let noneWord = "none"

    /// Whether nothing is selected.
    public var isNone: Bool { items.isEmpty }

    /// `none`, `preset`, `solar-b8,c11` (overridden items marked `*`): for tables and toy labels.
    public var label: String {
        items.isEmpty ? Self.noneWord : items.map { $0.name + ($0.isPlainName ? "" : "*") }.joined(separator: ",")
    }

    /// The words the option accepts, for messages: `preset, none, or names from: solar-b8, …`.
    public static var allowedText: String {
        "\(presetWord), \(noneWord), or names from: \(BackgroundCatalog.names.joined(separator: ", "))"
    }

    /// The command-line form `preset|none|NAME[,NAME…]` (names checked when resolved).
    /// - Throws: `StudyError` for an empty name or `none` mixed with names.
    public static func parse(_ text: String, option: String = ScenarioSetting.backgrounds.option) throws(StudyError) -> BackgroundSelection {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if names == [noneWord] { return .none }
        for name in names where name.isEmpty || name == noneWord {
            throw StudyError("\(option) takes \(allowedText) (comma-separated, no 'none' among names), got '\(text)'")
        }
        return BackgroundSelection(items: names.map { Item(name: $0) })
    }

    /// A problem with one item (its index and card key, when it has one).
    struct ItemError: Error {
        let index: Int?
        let key: String?
        let message: String
    }

    /// The validated components for a detector.
    /// - Parameters:
    ///   - detectorPreset: the preset the scenario's detector is (or starts from); nil for a
    ///     custom detector (only computed components, rates given in the card, and user spectra).
    ///   - cardDirectory: where relative `spectrum_file` paths start.
    /// - Throws: `StudyError` naming the option and the problem.
    public func definitions(detectorPreset: String?, cardDirectory: String = ".",
                            option: String = ScenarioSetting.backgrounds.option) throws(StudyError) -> [BackgroundDefinition] {
        do { return try resolve(detectorPreset: detectorPreset, cardDirectory: cardDirectory) } catch {
            throw StudyError("\(option): \(error.message)")
        }
    }

    func resolve(detectorPreset: String?, cardDirectory: String) throws(ItemError) -> [BackgroundDefinition] {
        var result: [BackgroundDefinition] = []
        func index(of name: String) -> Int? { result.firstIndex { $0.name == name } }
        for (i, item) in items.enumerated() {
            /// An error at item i, prefixed with the component's name unless the message names it.
            func fail(_ key: String?, _ message: String) -> ItemError {
                ItemError(index: i, key: key, message: item.name == Self.presetWord || message.hasPrefix("background '")
                          ? message : "background '\(item.name)'\(key.map { " \($0)" } ?? ""): \(message)")
            }
            if item.name == Self.presetWord {
                guard item.isPlainName else { throw fail(nil, "'preset' takes no overrides; override components by name after it") }
                guard let detectorPreset else {
                    throw fail(nil, "a custom detector has no preset; name components (and give decay rates) instead")
                }
                let preset: [BackgroundDefinition]
                do { preset = try BackgroundCatalog.preset(detector: detectorPreset) } catch { throw fail(nil, error.description) }
                for d in preset {
                    guard index(of: d.name) == nil else { throw fail(nil, "'\(d.name)' is chosen twice (by name and by the preset)") }
                    result.append(d)
                }
                continue
            }
            guard !item.name.isEmpty, item.name != Self.noneWord else {
                throw fail("name", "must be \(Self.allowedText), or a new name with spectrum_file")
            }
            if let existing = index(of: item.name) {
                guard !item.isPlainName, item.spectrumFile == nil else { throw fail(nil, "is chosen twice") }
                result[existing] = try override(result[existing], with: item, fail: fail, cardDirectory: cardDirectory)
                continue
            }
            let base: BackgroundDefinition
            if let spectrumFile = item.spectrumFile {
                guard !BackgroundCatalog.names.contains(item.name) else {
                    throw fail("spectrum_file", "'\(item.name)' is a catalogue component; give a user spectrum another name")
                }
                base = try userSpectrum(item.name, file: spectrumFile, fail: fail, cardDirectory: cardDirectory)
            } else if BackgroundCatalog.names.contains(item.name) {
                do { base = try BackgroundCatalog.definition(named: item.name, detector: detectorPreset) } catch {
                    guard case .noBackgroundRate = error, item.rateCpdPer100t != nil,
                          let composition = BackgroundCatalog.decayComposition(item.name) else { throw fail(nil, error.description) }
                    base = BackgroundDefinition(
                        name: item.name,
                        source: .decays(DecayBackground(nuclides: composition.nuclides, shares: composition.shares,
                                                        decaysPerDayPer100Tonnes: 0,
                                                        vetoEfficiency: composition.nuclides[0].isCosmogenic ? 0 : nil)),
                        relativeUncertainty: 0.5, reference: "", rateIsAssumed: true)
                }
            } else {
                throw fail(nil, "unknown background; choose \(Self.allowedText), or (in a run card) give spectrum_file for a user spectrum")
            }
            result.append(try override(base, with: item, fail: fail, cardDirectory: cardDirectory))
        }
        return result
    }

    private func userSpectrum(_ name: String, file: String, fail: (String?, String) -> ItemError,
                              cardDirectory: String) throws(ItemError) -> BackgroundDefinition {
        let path = file.hasPrefix("/") ? file : (cardDirectory as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: path) else { throw fail("spectrum_file", "spectrum file not found: \(path)") }
        let table: TabulatedBackgroundSpectrum
        do { table = try TabulatedBackgroundSpectrum.load(path: path) } catch {
            throw fail("spectrum_file", "\(path): \(error)")
        }
        return BackgroundDefinition(name: name, source: .tabulated(table), relativeUncertainty: 0.5,
                                    reference: "user spectrum \(file)", rateIsAssumed: true)
    }

    /// `definition` with the item's overrides, each checked against what the component takes.
    private func override(_ definition: BackgroundDefinition, with item: Item, fail: (String?, String) -> ItemError,
                          cardDirectory: String) throws(ItemError) -> BackgroundDefinition {
        var d = definition
        if item.spectrumFile != nil, case .tabulated = d.source {} else if item.spectrumFile != nil {
            throw fail("spectrum_file", "only for a user spectrum (a name that is not a catalogue component)")
        }
        if let s = item.sigma {
            guard s.isFinite, s >= 0 else { throw fail("sigma", "must be a relative uncertainty ≥ 0, got \(s)") }
            d.relativeUncertainty = s
        }
        if item.rateCpdPer100t != nil || item.vetoEfficiency != nil {
            guard case .decays(var decays) = d.source else {
                throw fail(item.rateCpdPer100t != nil ? "rate_cpd_per_100t" : "veto_efficiency",
                           "only for decay components (\(BackgroundCatalog.decayNames.joined(separator: ", ")))")
            }
            if let r = item.rateCpdPer100t {
                guard r.isFinite, r >= 0 else { throw fail("rate_cpd_per_100t", "must be ≥ 0 decays per day per 100 t, got \(r)") }
                decays.decaysPerDayPer100Tonnes = r
                d.rateIsAssumed = item.reference == nil
                d.reference = item.reference ?? "run card (assumed)"
            }
            if let v = item.vetoEfficiency {
                guard decays.vetoEfficiency != nil else {
                    throw fail("veto_efficiency", "only for cosmogenic components (c11, c10, li8, he8-li9, b12)")
                }
                guard v.isFinite, v >= 0, v <= 1 else { throw fail("veto_efficiency", "must be a fraction in [0, 1], got \(v)") }
                decays.vetoEfficiency = v
                d.reference += "; veto efficiency \(v) (run card)"
            }
            d.source = .decays(decays)
        }
        if let f = item.untaggedFraction {
            guard case .inverseBetaDecay = d.source else { throw fail("untagged_fraction", "only for ibd") }
            guard f.isFinite, f >= 0, f <= 1 else { throw fail("untagged_fraction", "must be a fraction in [0, 1], got \(f)") }
            d = BackgroundCatalog.inverseBetaDecay(untaggedFraction: f)
            if let s = item.sigma { d.relativeUncertainty = s }
        }
        if let r = item.reference, item.rateCpdPer100t == nil { d.reference = r }
        do { try d.validate() } catch { throw fail(nil, error.description) }
        return d
    }

    // Codable: the card's own syntax (`none`, or a list of names and mappings), so that
    // `RunCard.yaml()` reads back to an equal card.
    public init(from decoder: Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            self = try Self.parse(word, option: "backgrounds")
            return
        }
        var list = try decoder.unkeyedContainer()
        var items: [Item] = []
        while !list.isAtEnd {
            if let name = try? list.decode(String.self) { items.append(Item(name: name)) } else { items.append(try list.decode(Item.self)) }
        }
        self.items = items
    }

    public func encode(to encoder: Encoder) throws {
        if items.isEmpty {
            var single = encoder.singleValueContainer()
            try single.encode(Self.noneWord)
            return
        }
        var list = encoder.unkeyedContainer()
        for item in items {
            if item.isPlainName { try list.encode(item.name) } else { try list.encode(item) }
        }
    }
}
