import Testing
import Output

@Suite struct JSONStringTests {
    /// Escapes written out by hand from RFC 8259 §7: quote, backslash, \n, \t and U+0001 escaped;
    /// non-ASCII (μ, ⁴²) kept as UTF-8.
    @Test func escapesWhatJSONRequires() {
        #expect(JSONString.quoted("a\"b\\c\nd\te\u{1}μ⁴²") == #""a\"b\\c\nd\te\u0001μ⁴²""#)
        #expect(JSONString.quoted("") == #""""#)
    }
}
