/// A problem with a run card, located for the user as `file:line: key 'path': message`.
///
/// `line` is 1-based (the line of the offending value, of the unknown key, or of the mapping
/// that lacks a required key); `key` is the dotted path from the card's root with 0-based list
/// indices, for example `scenarios[2].threshold_mev`.
public struct RunCardError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The card's path as given by the caller (or a label such as `<string>`).
    public let file: String
    /// 1-based line number; 0 when the position is unknown.
    public let line: Int
    /// Dotted key path, or nil for errors that concern the whole file (unreadable, bad YAML).
    public let key: String?
    /// What is wrong, written for the user.
    public let message: String

    public init(file: String, line: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        if let key { return "\(file):\(line): key '\(key)': \(message)" }
        return "\(file):\(line): \(message)"
    }
}
