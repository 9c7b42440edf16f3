/// The Studies module's one error type, written for the user: a problem with a run card
/// (located as `file:line: key 'path': message`), a scenario setting out of its range, a result
/// table built wrongly, or a study that cannot run.
///
/// `line` is 1-based (the line of the offending value, of the unknown key, or of the mapping
/// that lacks a required key; 0 when unknown); `key` is the dotted path from the card's root with
/// 0-based list indices, for example `scenarios[2].threshold_mev`.
public struct StudyError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The run card's path as given (or a label such as `<string>`); nil when the problem is not
    /// located in a card.
    public let file: String?
    /// 1-based line number; 0 when the position is unknown.
    public let line: Int
    /// Dotted key path, or nil for problems that concern a whole file or no card.
    public let key: String?
    /// What is wrong.
    public let message: String

    /// A problem located in a run card.
    public init(file: String, line: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// A problem not located in a card.
    public init(_ message: String) {
        file = nil
        line = 0
        key = nil
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        if let key { return "\(file):\(line): key '\(key)': \(message)" }
        return "\(file):\(line): \(message)"
    }

    // Result tables built wrongly (programming errors reported as messages, never a crash).

    static func duplicateColumn(_ key: String) -> StudyError { StudyError("table has two columns named '\(key)'") }

    static func rowLength(row: Int, cells: Int, columns: Int) -> StudyError {
        StudyError("table row \(row) has \(cells) cells for \(columns) columns")
    }

    static func lengthMismatch(what: String, expected: Int, got: Int) -> StudyError {
        StudyError("\(what): expected \(expected) values, got \(got)")
    }
}
