import Foundation
import Yams

/// A YAML node of a run card with its key path and file, for typed reads that fail with a
/// located `StudyError`. Numbers must be plain (unquoted) scalars and finite.
struct CardNode {
    let node: Node
    /// Dotted key path from the root, e.g. `scenarios[2].threshold_mev` (empty for the root).
    let path: String
    let file: String

    /// 1-based line of the node, 0 if Yams gave no mark.
    var line: Int { node.mark?.line ?? 0 }

    func error(_ message: String) -> StudyError {
        StudyError(file: file, line: line, key: path.isEmpty ? nil : path, message: message)
    }

    /// How the value looks, for "expected X, got Y" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            if s.style == .plain && (s.string.isEmpty || s.string == "~" || s.string.lowercased() == "null") {
                return "nothing (null)"
            }
            return s.style == .plain ? "'\(s.string)'" : "the quoted string \"\(s.string)\""
        }
    }

    // MARK: Scalars

    /// Any non-null scalar, as text.
    func string() throws(StudyError) -> String {
        guard case .scalar(let s) = node, !(s.style == .plain && (s.string.isEmpty || s.string == "~")) else {
            throw error("expected a text value, got \(kindDescription)")
        }
        return s.string
    }

    /// A finite number: a plain scalar such as `3`, `0.007`, `2.6e22`, `1_000`.
    func double() throws(StudyError) -> Double {
        guard case .scalar(let s) = node, s.style == .plain else {
            throw error("expected a number, got \(kindDescription)")
        }
        let text = s.string.replacingOccurrences(of: "_", with: "")
        let lowered = text.lowercased()
        if [".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lowered) {
            throw error("must be a finite number, got \(s.string)")
        }
        guard let value = Double(text) else { throw error("expected a number, got \(kindDescription)") }
        guard value.isFinite else { throw error("must be a finite number, got \(s.string)") }
        return value
    }

    /// A whole number (`1000`, `1e3`, `1_000`).
    func integer() throws(StudyError) -> Int {
        let value = try double()
        guard value == value.rounded(), abs(value) < 9.0e15 else {
            throw error("expected a whole number, got \(value)")
        }
        return Int(value)
    }

    /// A whole number ≥ 0 read exactly up to 2⁶⁴ − 1 (seeds): `20261125`, `18446744073709551615`.
    func unsignedInteger() throws(StudyError) -> UInt64 {
        if case .scalar(let s) = node, s.style == .plain, let exact = UInt64(s.string.replacingOccurrences(of: "_", with: "")) {
            return exact
        }
        let value = try double()
        guard value >= 0, value == value.rounded(), value < 9007199254740992 else {
            throw error("must be a whole number ≥ 0, got \(CardNode.format(value))")
        }
        return UInt64(value)
    }

    /// `true` or `false`.
    func bool() throws(StudyError) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else {
            throw error("expected true or false, got \(kindDescription)")
        }
        switch s.string.lowercased() {
        case "true": return true
        case "false": return false
        default: throw error("expected true or false, got \(kindDescription)")
        }
    }

    /// One of `allowed` (case-sensitive).
    func choice(_ allowed: [String]) throws(StudyError) -> String {
        let text = try string()
        guard allowed.contains(text) else {
            throw error("unknown value '\(text)'; choose one of: \(allowed.joined(separator: ", "))")
        }
        return text
    }

    /// A `RawRepresentable` enum value from its raw string.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(StudyError) -> E where E.RawValue == String {
        let text = try choice(E.allCases.map(\.rawValue))
        return E(rawValue: text)!
    }

    // MARK: Ranges

    /// A number with `check` true, else the error "must be \(requirement), got value".
    func double(_ requirement: String, _ check: (Double) -> Bool) throws(StudyError) -> Double {
        let value = try double()
        guard check(value) else { throw error("must be \(requirement), got \(CardNode.format(value))") }
        return value
    }

    /// A number in the range of a scenario setting (the same range as its command-line option).
    func double(_ setting: ScenarioSetting) throws(StudyError) -> Double {
        let value = try double()
        guard setting.allows(value) else { throw error(setting.cardMessage(value)) }
        return value
    }

    func integer(_ requirement: String, _ check: (Int) -> Bool) throws(StudyError) -> Int {
        let value = try integer()
        guard check(value) else { throw error("must be \(requirement), got \(value)") }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    // MARK: Collections

    /// The items of a list (a single scalar is not accepted as a list).
    func list(minCount: Int = 0) throws(StudyError) -> [CardNode] {
        guard case .sequence(let seq) = node else { throw error("expected a list, got \(kindDescription)") }
        let items = seq.map { $0 }
        guard items.count >= minCount else {
            throw error("needs at least \(minCount) entr\(minCount == 1 ? "y" : "ies"), got \(items.count)")
        }
        return items.enumerated().map { CardNode(node: $0.element, path: "\(path)[\($0.offset)]", file: file) }
    }

    /// The entries of a mapping whose keys must all be in `allowed`.
    func mapping(allowed: [String]) throws(StudyError) -> CardMapping {
        guard case .mapping(let map) = node else { throw error("expected a mapping (key: value lines), got \(kindDescription)") }
        var entries: [String: CardNode] = [:]
        for (keyNode, valueNode) in map {
            let keyText = keyNode.string ?? "\(keyNode)"
            let keyPath = path.isEmpty ? keyText : "\(path).\(keyText)"
            let keyLine = keyNode.mark?.line ?? line
            guard allowed.contains(keyText) else {
                throw StudyError(file: file, line: keyLine, key: keyPath,
                                   message: "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            guard entries[keyText] == nil else {
                throw StudyError(file: file, line: keyLine, key: keyPath, message: "duplicate key")
            }
            entries[keyText] = CardNode(node: valueNode, path: keyPath, file: file)
        }
        return CardMapping(owner: self, entries: entries)
    }
}

/// The checked entries of one mapping of a run card.
struct CardMapping {
    let owner: CardNode
    let entries: [String: CardNode]

    func optional(_ key: String) -> CardNode? { entries[key] }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// The value of `key`, or an error at the mapping's line naming the missing key.
    func required(_ key: String) throws(StudyError) -> CardNode {
        guard let node = entries[key] else {
            let keyPath = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw StudyError(file: owner.file, line: owner.line, key: keyPath, message: "missing required key")
        }
        return node
    }
}
