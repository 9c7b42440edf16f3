import Output
extension ResultTable {
    /// `{"title": …, "columns": [{"key", "title", "unit"}], "rows": [{key: value, …}]}` with
    /// numbers in full precision, text as strings, missing values as null.
    public func json() -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let title { pairs.append(("title", .string(title))) }
        pairs.append(("columns", .array(columns.map { column in
            .object([("key", .string(column.key)), ("title", .string(column.title)),
                     ("unit", column.unit.map(JSONValue.string) ?? .null)])
        })))
        pairs.append(("rows", .array(rows.map { row in
            .object(zip(columns, row).map { column, cell in
                let value: JSONValue
                switch cell {
                case .number(let x): value = .number(x)
                case .integer(let n): value = .number(Double(n))
                case .text(let s): value = .string(s)
                case .missing: value = .null
                }
                return (column.key, value)
            })
        })))
        return .object(pairs)
    }
}
