import Output
/// What one analysis of a card produced: an optional summary table (one row per scenario ×
/// model × …, with a `status` column), plot data files, free-form results and the number of
/// rows that failed (reported in the table, never a lost run), text documents written
/// beside them (e.g. the argon study's `conclusion.md`), and further tables (e.g. the
/// background breakdown's budget and its per-model Markdown layouts).
public struct AnalysisOutput: Sendable {
    public var analysis: RunCard.Analysis
    public var table: ResultTable?
    public var data: [(name: String, table: ResultTable)]
    public var results: JSONValue?
    public var failures: Int
    /// Text files (name with extension, e.g. `conclusion.md`; contents), always written.
    public var documents: [(name: String, text: String)]
    /// Tables after `table`, in order (`ExtraTable`: where each is written).
    public var extraTables: [ExtraTable]

    /// A further table of an analysis: always in `result.json` (under `name`); in `table.md` when
    /// `markdown` (long tables stay out of it); in `table_<name>.csv` when `csv` (wide Markdown
    /// layouts of a long CSV stay out of CSV).
    public struct ExtraTable: Sendable {
        public var name: String
        public var table: ResultTable
        public var csv: Bool
        public var markdown: Bool

        public init(name: String, table: ResultTable, csv: Bool, markdown: Bool) {
            self.name = name
            self.table = table
            self.csv = csv
            self.markdown = markdown
        }
    }

    public init(analysis: RunCard.Analysis, table: ResultTable? = nil, data: [(name: String, table: ResultTable)] = [],
                results: JSONValue? = nil, failures: Int = 0, documents: [(name: String, text: String)] = [],
                extraTables: [ExtraTable] = []) {
        self.analysis = analysis
        self.table = table
        self.data = data
        self.results = results
        self.failures = failures
        self.documents = documents
        self.extraTables = extraTables
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
