import Output
/// What one analysis of a card produced: an optional summary table (one row per scenario ×
/// model × …, with a `status` column), plot data files, free-form results and the number of
/// rows that failed (reported in the table, never a lost run), and text documents written
/// beside them (e.g. the argon study's `conclusion.md`).
public struct AnalysisOutput: Sendable {
    public var analysis: RunCard.Analysis
    public var table: ResultTable?
    public var data: [(name: String, table: ResultTable)]
    public var results: JSONValue?
    public var failures: Int
    /// Text files (name with extension, e.g. `conclusion.md`; contents), always written.
    public var documents: [(name: String, text: String)]

    public init(analysis: RunCard.Analysis, table: ResultTable? = nil, data: [(name: String, table: ResultTable)] = [],
                results: JSONValue? = nil, failures: Int = 0, documents: [(name: String, text: String)] = []) {
        self.analysis = analysis
        self.table = table
        self.data = data
        self.results = results
        self.failures = failures
        self.documents = documents
    }

    /// The status cell of a row: `ok`, or `failed: <message>`.
    static func status(_ error: Error?) -> ResultTable.Cell {
        guard let error else { return .text("ok") }
        let message = "\(error)".replacingOccurrences(of: "\n", with: " ")
        return .text("failed: \(message)")
    }

    /// `value` as a number cell, or missing when nil or not finite.
    static func number(_ value: Double?) -> ResultTable.Cell {
        guard let value, value.isFinite else { return .missing }
        return .number(value)
    }
}
