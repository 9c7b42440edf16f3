extension JSONValue {
    /// Pretty JSON: two-space indent, `"key": value`, empty containers as `[]`/`{}`, numbers in
    /// round-trip precision (integral values without `.0`), only the escapes JSON requires.
    /// Ends with a newline.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += x.isFinite ? NumberFormatting.roundTrip(x) : "null"
        case .integer(let i): out += String(i)
        case .unsigned(let u): out += String(u)
        case .string(let s): out += Self.quoted(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(into: &out, indent: indent + 2)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += String(repeating: " ", count: indent + 2) + Self.quoted(key) + ": "
                value.write(into: &out, indent: indent + 2)
                out += i == pairs.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    static func quoted(_ s: String) -> String { JSONString.quoted(s) }

    /// How `compact` writes `.number`s (both read back exactly; non-finite is `null`).
    public enum NumberStyle: Sendable {
        /// `NumberFormatting.roundTrip`: integral values below 10¹⁵ without a fraction (`3000`, `0.007`).
        case roundTrip
        /// Swift's shortest round-trip description, always with a fraction or an exponent
        /// (`3000.0`, `0.007`, `1e-22`): the nue-toys lines.
        case swift
    }

    /// One line of JSON, no spaces, no trailing newline: `{"a":1,"b":[true,null]}`.
    public func compact(numbers style: NumberStyle = .roundTrip) -> String {
        var out = ""
        writeCompact(into: &out, style: style)
        return out
    }

    private func writeCompact(into out: inout String, style: NumberStyle) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x):
            if !x.isFinite { out += "null" } else {
                switch style {
                case .roundTrip: out += NumberFormatting.roundTrip(x)
                case .swift: out += "\(x)"
                }
            }
        case .integer(let i): out += String(i)
        case .unsigned(let u): out += String(u)
        case .string(let s): out += Self.quoted(s)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(into: &out, style: style)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += Self.quoted(key) + ":"
                value.writeCompact(into: &out, style: style)
            }
            out += "}"
        }
    }
}
