#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import Output

@Suite struct AtomicFileTests {
    struct Unencodable: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }
    struct Interrupted: Error {}

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "nue-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// 300 kB streamed (several 64 kB flushes) reads back exactly; during the write the
    /// temporary file exists, is registered for signals, and is gone after the commit.
    @Test func streamedContentIsExactAfterCommit() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/events.csv"
        let file = try AtomicFile(path: target)
        var expected = ""
        for i in 0..<30_000 {
            let line = "\(i),\(Double(i) / 7)\n"
            expected += line
            try file.write(line)
        }
        let temporary = try #require(file.temporaryPath)
        #expect(FileManager.default.fileExists(atPath: temporary))
        #expect(TemporaryFileRegistry.registered.contains(temporary))
        #expect(!FileManager.default.fileExists(atPath: target))
        try file.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == expected)
        #expect(try Self.entries(directory) == ["events.csv"])
        #expect(!TemporaryFileRegistry.registered.contains(temporary))
    }

    @Test func thrownErrorLeavesNoTemporaryFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.csv"
        try AtomicFile.write("old\n", to: target)
        func interruptedWrite() throws {
            let file = try AtomicFile(path: target)
            try file.write(String(repeating: "x", count: 200_000))
            throw Interrupted()
        }
        #expect(throws: Interrupted.self) { try interruptedWrite() }
        #expect(try Self.entries(directory) == ["out.csv"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        // Other tests in this process may have files in flight; none of this directory's.
        #expect(!TemporaryFileRegistry.registered.contains { $0.hasPrefix(directory + "/") })
        // A failing rename (the target became a non-empty directory) removes the temporary too.
        let file = try AtomicFile(path: directory + "/blocked")
        try file.write("data")
        try FileManager.default.createDirectory(atPath: directory + "/blocked/inner", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) { try file.commit() }
        #expect(try Self.entries(directory) == ["blocked", "out.csv"])
    }

    @Test func encodingFailureKeepsTheOldFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/result.json"
        #expect(throws: OutputError.self) { try AtomicFile.write(to: target) { try JSONEncoder().encode(Unencodable()) } }
        #expect(try Self.entries(directory).isEmpty)
        try AtomicFile.write("old\n", to: target)
        #expect(throws: OutputError.self) { try AtomicFile.write(to: target) { try JSONEncoder().encode(Unencodable()) } }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        try AtomicFile.write("a,b\n", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "a,b\n")
        #expect(try Self.entries(directory) == ["result.json"])
    }

    @Test func unwritableDirectoryIsAnErrorNotACrash() {
        #expect(throws: OutputError.self) { try AtomicFile.write("x", to: "/nonexistent-dir/file.txt") }
    }

    /// /dev/null stays a character device and no temporary file appears in /dev.
    @Test func devNullIsWrittenThrough() throws {
        let before = try Self.entries("/dev").filter { $0.hasPrefix(".null.") }
        let file = try AtomicFile(path: "/dev/null")
        #expect(file.writesThrough)
        try file.write("discarded\n")
        try file.commit()
        #expect(Self.kind("/dev/null") == S_IFCHR)
        #expect(try Self.entries("/dev").filter { $0.hasPrefix(".null.") } == before)
    }

    /// A FIFO is written through (a reader receives the bytes) and stays a FIFO.
    @Test func fifoIsWrittenThrough() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)!.readDataToEndOfFile() }
        reader.start()
        try AtomicFile.write("through the pipe\n", to: fifo)
        while !reader.isFinished { usleep(1000) }
        #expect(String(decoding: received, as: UTF8.self) == "through the pipe\n")
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(try Self.entries(directory) == ["pipe"])
    }

    /// A symbolic link survives; the file it points to is replaced.
    @Test func symbolicLinkIsFollowed() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.write("old", to: directory + "/real")
        try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: directory + "/real")
        try AtomicFile.write("new", to: directory + "/link")
        #expect(Self.kind(directory + "/link") == S_IFLNK)
        #expect(try String(contentsOfFile: directory + "/real", encoding: .utf8) == "new")
    }

    @Test func journalKeepsAndTruncates() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal"
        let journal = try JournalFile(path: path)
        try journal.append("line 1\nline 2\nli")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line 1\nline 2\nli")  // on disk before close
        try journal.close()
        let resumed = try JournalFile(path: path, keepingBytes: 14)
        try resumed.append("line 3\n")
        try resumed.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line 1\nline 2\nline 3\n")
    }
}
