/// A small generic table: named columns with units, rows of numbers or text. Every writer
/// (Markdown, CSV, JSON) and every plot data file uses it.
public struct ResultTable: Equatable, Sendable {
    /// One column: `key` is the CSV header and JSON key (snake_case, unit in the name where it
    /// has one, e.g. `threshold_mev`); `title` and `unit` label the Markdown header.
    public struct Column: Equatable, Sendable {
        public var key: String
        public var title: String
        /// Unit shown in the Markdown header (`Threshold [MeV]`); nil for dimensionless.
        public var unit: String?
        /// Significant digits of numbers in the Markdown table (CSV and JSON keep full precision).
        public var digits: Int

        public init(_ key: String, title: String? = nil, unit: String? = nil, digits: Int = 3) {
            self.key = key
            self.title = title ?? key
            self.unit = unit
            self.digits = max(1, digits)
        }
    }

    /// One table entry.
    public enum Cell: Equatable, Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
        case number(Double)
        case integer(Int)
        case text(String)
        /// No value (empty in CSV, `—` in Markdown, null in JSON).
        case missing

        public init(floatLiteral value: Double) { self = .number(value) }
        public init(integerLiteral value: Int) { self = .integer(value) }
        public init(stringLiteral value: String) { self = .text(value) }

        var isNumeric: Bool {
            switch self {
            case .number, .integer: true
            case .text, .missing: false
            }
        }
    }

    /// Optional heading (Markdown `## title`, JSON `title`).
    public var title: String?
    public private(set) var columns: [Column]
    public private(set) var rows: [[Cell]]

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) throws(StudyError) {
        self.title = title
        self.columns = columns
        self.rows = []
        var keys = Set<String>()
        for column in columns where !keys.insert(column.key).inserted { throw .duplicateColumn(column.key) }
        for row in rows { try append(row) }
    }

    /// Adds a row; it must have one cell per column.
    public mutating func append(_ row: [Cell]) throws(StudyError) {
        guard row.count == columns.count else {
            throw .rowLength(row: rows.count, cells: row.count, columns: columns.count)
        }
        rows.append(row)
    }

    /// The cells of the column `key`, top to bottom.
    public func column(_ key: String) -> [Cell]? {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return nil }
        return rows.map { $0[index] }
    }
}
