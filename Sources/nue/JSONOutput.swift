import Foundation
import Output

/// Prints one JSON object on stdout, compact, keys sorted (stable for scripts and tests):
/// `JSONValue(encoding:)` then `compact()`, the one JSON encoder of nue.
func printJSON<T: Encodable>(_ value: T) throws {
    print(try JSONValue(encoding: value).compact())
}
