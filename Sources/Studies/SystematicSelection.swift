import Foundation
import Simulation

/// Which detector and source systematics a scenario profiles (docs/physics.md §16): none (the
/// default: today's single normalization pull), the detector's preset (`SystematicNuisance.defaults`,
/// each value cited or marked assumed in §16.4), or named ones, each optionally with its σ.
///
/// Command line: `--systematics preset|none|NAME[=SIGMA][,…]` with NAME one of `energy-scale`
/// (σ a fraction), `nonlinearity` (σ per pivot energy), `resolution` (σ a fraction of σ_E),
/// `efficiency` (a fraction), `source-shape` (in units of the ⁸B shape's 1σ). A name without σ
/// takes the detector preset's value. Background normalizations come with `--backgrounds`.
public struct SystematicSelection: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable {
        public var kind: SystematicNuisance.Kind
        /// nil: the detector preset's σ.
        public var sigma: Double?
    }

    /// nil: the detector's preset.
    public var items: [Item]?

    public static let none = SystematicSelection(items: [])
    public static let preset = SystematicSelection(items: nil)

    /// Command-line names of the kinds.
    public static let names: [(name: String, kind: SystematicNuisance.Kind)] = [
        ("energy-scale", .energyScale), ("nonlinearity", .nonLinearity), ("resolution", .resolutionScale),
        ("efficiency", .efficiency), ("source-shape", .sourceShape),
    ]

    public static func name(of kind: SystematicNuisance.Kind) -> String { names.first { $0.kind == kind }!.name }

    public var isNone: Bool { items?.isEmpty ?? false }

    /// `none`, `preset`, or the names (`=σ` where given), for tables and labels.
    public var label: String {
        guard let items else { return "preset" }
        if items.isEmpty { return "none" }
        return items.map { Self.name(of: $0.kind) + ($0.sigma.map { "=\($0)" } ?? "") }.joined(separator: ",")
    }

    static var allowedText: String { "preset, none, or NAME[=SIGMA] from: \(names.map(\.name).joined(separator: ", "))" }

    /// Encoded as its label (`none`, `preset`, `energy-scale=0.01,resolution`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Self.parse(text)
    }

    public init(items: [Item]?) { self.items = items }

    /// - Throws: `StudyError` for an unknown name, a σ that is not a number > 0, a repeated name,
    ///   or `none`/`preset` mixed with names.
    public static func parse(_ text: String, option: String = "--systematics") throws(StudyError) -> SystematicSelection {
        let words = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if words == ["none"] { return .none }
        if words == ["preset"] { return .preset }
        var items: [Item] = []
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard let first = parts.first, let kind = names.first(where: { $0.name == first })?.kind else {
                throw StudyError("\(option) takes \(allowedText) (comma-separated), got '\(word)' in '\(text)'")
            }
            var sigma: Double?
            if parts.count == 2 {
                guard let value = Double(parts[1]), value.isFinite, value > 0 else {
                    throw StudyError("\(option): the σ of \(first) must be a number > 0, got '\(parts[1])'")
                }
                sigma = value
            }
            guard !items.contains(where: { $0.kind == kind }) else { throw StudyError("\(option): \(first) is named twice in '\(text)'") }
            items.append(Item(kind: kind, sigma: sigma))
        }
        return SystematicSelection(items: items)
    }

    /// The nuisances for a detector preset (nil for a custom detector: every σ must then be given).
    /// The preset drops `source-shape` when the source is not the ⁸Li family (`hasSourceShape`).
    /// - Throws: `StudyError` when a σ is needed from a detector that has no defaults, or a shift is invalid.
    public func nuisances(detectorPreset: String?, hasSourceShape: Bool, option: String = "--systematics") throws(StudyError) -> [SystematicNuisance] {
        let defaults = detectorPreset.flatMap { try? SystematicNuisance.defaults(detector: $0) }
        do {
            guard let items else {
                guard let defaults else {
                    throw StudyError("\(option) preset: detector '\(detectorPreset ?? "custom")' has no systematics defaults "
                                     + "(kamland, juno, snoplus, dune-lar have); name them with σ, e.g. energy-scale=0.01")
                }
                return defaults.filter { hasSourceShape || $0.kind != .sourceShape }
            }
            return try items.map { item throws(StudyError) in
                if item.kind == .sourceShape, !hasSourceShape {
                    throw StudyError("\(option): source-shape needs the default ⁸Li source (its ⁸B-shape ±1σ pair)")
                }
                guard let sigma = item.sigma ?? defaults?.first(where: { $0.kind == item.kind })?.sigma else {
                    throw StudyError("\(option): \(Self.name(of: item.kind)) needs a σ (NAME=SIGMA): detector "
                                     + "'\(detectorPreset ?? "custom")' has no default")
                }
                do { return try SystematicNuisance(item.kind, sigma: sigma) } catch {
                    throw StudyError("\(option): \(Self.name(of: item.kind))=\(sigma): \(error)")
                }
            }
        }
    }
}
