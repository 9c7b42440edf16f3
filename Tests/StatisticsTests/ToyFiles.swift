import Foundation
@testable import Statistics

/// Scratch directories and byte surgery on toy files for the tests.
enum ToyFiles {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "nue-toyfiles-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The byte offset of the start of line `line` (1-based).
    static func offset(ofLine line: Int, in bytes: [UInt8]) -> Int {
        var seen = 1, i = 0
        while seen < line { if bytes[i] == UInt8(ascii: "\n") { seen += 1 }; i += 1 }
        return i
    }
}
