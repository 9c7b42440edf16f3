import Foundation
import Testing
@testable import Statistics

/// `ToyMerge`: every way a shard set can be incomplete or inconsistent is refused with the
/// file and line, or (allowed) labelled partial with the missing toys counted by hand.
@Suite struct ToyMergeTests {
    /// Three shards of 20 toys, written by `ToyJob`; returns (directory, shard paths, unsharded text).
    static func shards(seed: UInt64 = 5) throws -> (String, [String], String) {
        let directory = try ToyFiles.directory()
        var paths: [String] = []
        for k in 0..<3 {
            let job = try ToyJobTests.job(seed: seed, toys: 20, label: "m", shard: try ToyShard(index: k, count: 3))
            let path = directory + "/s\(k).json"
            _ = try job.run(output: path)
            paths.append(path)
        }
        let whole = try ToyJobTests.job(seed: seed, toys: 20, label: "m")
        let text = ToyFile.render(header: whole.header, toys: try whole.runner.run(totalToys: 20))
        return (directory, paths, text)
    }

    static func merge(_ paths: [String], allowPartial: Bool = false) throws -> ToyMerge.Result {
        try ToyMerge.merge(try paths.map { try ToyFile.read($0) }, allowPartial: allowPartial)
    }

    static func fails(_ paths: [String], _ message: String) {
        #expect { try merge(paths) } throws: { error in
            let ok = "\(error)".contains(message)
            if !ok { Issue.record("got: \(error)") }
            return ok
        }
    }

    @Test func completeMergeEqualsTheUnshardedRun() throws {
        let (directory, paths, whole) = try Self.shards()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let merged = try Self.merge([paths[2], paths[0], paths[1]])
        #expect(ToyFile.render(header: merged.header, toys: merged.toys) == whole)
        try ToyFile.write(header: merged.header, toys: merged.toys, to: directory + "/merged.json")
        #expect(String(decoding: try ToyFiles.bytes(directory + "/merged.json"), as: UTF8.self) == whole)
    }

    @Test func refusals() throws {
        let (directory, paths, _) = try Self.shards()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        Self.fails([paths[0], paths[2]], "shard 1/3 is missing")
        Self.fails([paths[0], paths[1], paths[2], paths[1]], "\(paths[1]):1: shard 1/3 given twice (also \(paths[1]))")
        // Another seed.
        let (otherDirectory, otherPaths, _) = try Self.shards(seed: 6)
        defer { try? FileManager.default.removeItem(atPath: otherDirectory) }
        Self.fails([paths[0], otherPaths[1], paths[2]], "\(otherPaths[1]):1: a different run than \(paths[0]): seed is 6 in the file, 5 expected")
        // A corrupt line in the middle (line 3 of shard 0).
        var bytes = try ToyFiles.bytes(paths[0])
        let original = bytes
        bytes[ToyFiles.offset(ofLine: 3, in: bytes) + 5] = UInt8(ascii: "X")
        try ToyFiles.write(bytes, paths[0])
        Self.fails(paths, "\(paths[0]):3: corrupt toy line")
        // A cut last line (shard 0 has 7 toys: lines 2…8; cut inside line 8).
        try ToyFiles.write(Array(original[..<(ToyFiles.offset(ofLine: 8, in: original) + 9)]), paths[0])
        Self.fails(paths, "\(paths[0]):8: the last line is cut")
        // Cleanly truncated after 4 toys: the shard is incomplete, named at the line where toy 5 belongs.
        try ToyFiles.write(Array(original[..<ToyFiles.offset(ofLine: 6, in: original)]), paths[0])
        Self.fails(paths, "\(paths[0]):6: shard 0/3 ends after 4 of its 7 toys")
    }

    /// Shard 0 cut after 4 of its 7 toys (indices 0, 3, 6, 9 kept: 12 is the first missing) and
    /// shard 2 absent (indices 2, 5, …, 17: 6 toys): 3 + 6 = 9 missing of 20.
    @Test func partialMergeIsLabelled() throws {
        let (directory, paths, _) = try Self.shards()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try ToyFiles.bytes(paths[0])
        try ToyFiles.write(Array(original[..<(ToyFiles.offset(ofLine: 6, in: original) + 3)]), paths[0])
        let merged = try Self.merge([paths[0], paths[1]], allowPartial: true)
        #expect(merged.isPartial)
        #expect(merged.toys.count == 4 + 7)
        #expect(merged.missing == [ToyMerge.MissingShard(shard: try ToyShard(index: 0, count: 3), missingToys: 3, firstMissingIndex: 12),
                                   ToyMerge.MissingShard(shard: try ToyShard(index: 2, count: 3), missingToys: 6, firstMissingIndex: 2)])
        let header = ToyFile.headerLine(merged.header, partial: merged.missing)
        #expect(header.hasSuffix(#","partial":true,"missing_toys":9,"missing_shards":[{"shard":"0/3","missing_toys":3,"first_missing_index":12},{"shard":"2/3","missing_toys":6,"first_missing_index":2}]}"#))
        // Still readable as a toy file.
        #expect(try ToyFile.parseHeader(header[...], name: "x") == merged.header)
    }
}
