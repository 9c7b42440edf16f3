import Foundation
import Output
import Testing
@testable import Studies

@Suite struct OutputDirectoryTests {
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
