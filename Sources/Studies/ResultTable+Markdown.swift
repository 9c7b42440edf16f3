import Output
extension ResultTable {
    /// GitHub Markdown: optional `## title`, header `Title [unit]`, numeric columns right-aligned,
    /// numbers to each column's significant digits, `|` in text escaped, ends with a newline.
    public func markdown() -> String {
        var lines: [String] = []
        if let title { lines.append("## \(title)"); lines.append("") }
        lines.append("| " + columns.map { column in
            Self.escape(column.unit.map { "\(column.title) [\($0)]" } ?? column.title)
        }.joined(separator: " | ") + " |")
        lines.append("|" + columns.indices.map { index in
            rows.contains { $0[index].isNumeric } ? "---:" : ":---"
        }.joined(separator: "|") + "|")
        for row in rows {
            lines.append("| " + zip(row, columns).map { cell, column in
                switch cell {
                case .number(let x): NumberFormatting.significant(x, digits: column.digits)
                case .integer(let n): String(n)
                case .text(let s): Self.escape(s)
                case .missing: "—"
                }
            }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
