import Output
extension ResultTable {
    /// RFC 4180 CSV: a header of column keys, numbers in full round-trip precision, missing
    /// values empty, text quoted when it holds a comma, quote, newline or edge space; `\n` line
    /// ends, final newline. The title is not written (CSV files are data).
    public func csv() -> String {
        var lines = [columns.map { Self.quote($0.key) }.joined(separator: ",")]
        for row in rows {
            lines.append(row.map { cell in
                switch cell {
                case .number(let x): NumberFormatting.roundTrip(x)
                case .integer(let n): String(n)
                case .text(let s): Self.quote(s)
                case .missing: ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
