/// One named-choice setting of a study scenario (like `ScenarioSetting` for numbers), defined
/// once: its run-card key, its command-line option, its values and its default. The card parser
/// and the CLI read values through `parse(_:)`, so they accept the same words and fall back to
/// the same default.
public struct ScenarioChoice<Value: RawRepresentable & CaseIterable & Sendable>: Sendable, CustomStringConvertible
where Value.RawValue == String {
    /// The key in a run card, e.g. `limit` (top level).
    public let cardKey: String
    /// The command-line option, e.g. `--limit`.
    public let option: String
    /// The value when neither the card nor the command line gives one.
    public let defaultValue: Value

    public init(cardKey: String, option: String, defaultValue: Value) {
        self.cardKey = cardKey
        self.option = option
        self.defaultValue = defaultValue
    }

    /// The accepted words, in declaration order.
    public var values: [String] { Value.allCases.map(\.rawValue) }

    /// The value named `text`, or the default when nil.
    /// - Throws: `StudyError` as the command line says it: `--limit must be one of clsb, cls, got 'x'`.
    public func parse(_ text: String?) throws(StudyError) -> Value {
        guard let text else { return defaultValue }
        guard let value = Value(rawValue: text) else {
            throw StudyError("\(option) must be one of \(values.joined(separator: ", ")), got '\(text)'")
        }
        return value
    }

    public var description: String { cardKey }
}
