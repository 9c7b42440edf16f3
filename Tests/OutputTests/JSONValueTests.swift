import Foundation
import Testing
import Output

/// The one JSON encoder: expected bytes written by hand.
@Suite struct JSONValueTests {
    static let value: JSONValue = .object([
        ("a", .number(3000)), ("b", .number(0.007)), ("c", .array([.bool(true), .null, .number(.nan)])),
        ("seed", .unsigned(UInt64.max)), ("n", .integer(-5)), ("s", .string("x/y")), ("e", .array([])), ("o", .object([])),
    ])

    @Test func compactRoundTripNumbers() {
        #expect(Self.value.compact() == #"{"a":3000,"b":0.007,"c":[true,null,null],"seed":18446744073709551615,"n":-5,"s":"x/y","e":[],"o":{}}"#)
    }

    /// The toy-file style keeps Swift's description: 3000.0, 1e-22.
    @Test func compactSwiftNumbers() {
        #expect(JSONValue.array([.number(3000), .number(1e-22), .number(0)]).compact(numbers: .swift) == "[3000.0,1e-22,0.0]")
    }

    @Test func prettyIsUnchanged() {
        #expect(JSONValue.object([("a", .number(1.5)), ("b", .array([.integer(2)]))]).serialized() == "{\n  \"a\": 1.5,\n  \"b\": [\n    2\n  ]\n}\n")
    }

    /// Encodable → sorted keys; a seed above 2⁵³ stays exact.
    @Test func encodableKeepsLargeIntegersExact() throws {
        struct S: Encodable { let zeta: Int; let alpha: UInt64; let mid: Double? }
        let json = try JSONValue(encoding: S(zeta: 1, alpha: 18_446_744_073_709_551_557, mid: nil))
        #expect(json.compact() == #"{"alpha":18446744073709551557,"zeta":1}"#)
    }
}
