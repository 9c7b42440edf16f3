import Foundation
import Testing
@testable import Studies

@Suite struct AtomicWriterTests {
    struct Unencodable: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func encodingFailureLeavesNoFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = (directory as NSString).appendingPathComponent("result.json")
        #expect(throws: OutputError.self) {
            try AtomicWriter.write(to: target) { try JSONEncoder().encode(Unencodable()) }
        }
        #expect(try entries(directory).isEmpty)
    }

    @Test func encodingFailureKeepsTheOldFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = (directory as NSString).appendingPathComponent("result.json")
        try AtomicWriter.write("old\n", to: target)
        #expect(throws: OutputError.self) {
            try AtomicWriter.write(to: target) { try JSONEncoder().encode(Unencodable()) }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try entries(directory) == ["result.json"])
    }

    @Test func replacesAnExistingFileWholly() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = (directory as NSString).appendingPathComponent("table.csv")
        try AtomicWriter.write(String(repeating: "x", count: 1000), to: target)
        try AtomicWriter.write("a,b\n", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "a,b\n")
        #expect(try entries(directory) == ["table.csv"])
    }

    @Test func unwritableDirectoryIsAnErrorNotACrash() {
        #expect(throws: OutputError.self) { try AtomicWriter.write("x", to: "/nonexistent-dir/file.txt") }
    }

    @Test func badDataFileNameIsRejected() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try ResultTable(columns: [.init("a")])
        #expect(throws: OutputError.invalidDataName("../escape")) {
            try OutputDirectory(path: directory).writeData(table, name: "../escape")
        }
        #expect(throws: OutputError.invalidDataName("table")) {
            try OutputDirectory(path: directory).writeData(table, name: "table")
        }
    }
}
