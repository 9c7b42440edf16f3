import Foundation

/// A JSON value with ordered object keys, serialized deterministically (same value → same
/// bytes): the one JSON model of nue (study outputs, toy files, `--json` on stdout).
/// Non-finite numbers serialize as `null`. Integers that must stay exact beyond 2⁵³ (seeds,
/// toy indices) are `.integer` or `.unsigned`.
public indirect enum JSONValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    case null
    case bool(Bool)
    case number(Double)
    /// An exact signed integer.
    case integer(Int64)
    /// An exact unsigned integer (seeds up to 2⁶⁴ − 1).
    case unsigned(UInt64)
    case string(String)
    case array([JSONValue])
    /// Keys in insertion order.
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b || (a.isNaN && b.isNaN)
        case let (.integer(a), .integer(b)): a == b
        case let (.unsigned(a), .unsigned(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value of `key` in an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Any `Encodable` through `JSONEncoder` (object keys sorted, for stable output).
    public init<T: Encodable>(encoding value: T) throws {
        let data = try JSONEncoder().encode(value)
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

extension JSONValue: Decodable {
    /// Reads any JSON; object keys come out sorted (JSON objects have no order).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let x = try? container.decode(Double.self) {
            // Integral beyond 2⁵³: read it again as an integer, exactly.
            if x == x.rounded(), abs(x) >= 0x1p53, let u = try? container.decode(UInt64.self) { self = .unsigned(u) }
            else if x == x.rounded(), abs(x) >= 0x1p53, let i = try? container.decode(Int64.self) { self = .integer(i) }
            else { self = .number(x) }
        }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else {
            let d = try container.decode([String: JSONValue].self)
            self = .object(d.keys.sorted().map { ($0, d[$0]!) })
        }
    }
}
