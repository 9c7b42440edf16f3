import Foundation
import Testing
@testable import Statistics

/// `ToyJob`: streamed files equal the rendered array run, resumption is exact, existing files
/// are refused unless asked, and the toy-count bound holds before any work.
@Suite struct ToyJobTests {
    static let model = TestModels.smooth(events: 2000, width: 0.5)

    static func job(seed: UInt64 = 11, toys: Int = 60, label: String = "job", shard: ToyShard = .all) throws -> ToyJob {
        let configuration = try ToyConfiguration.profiled(model: model, seed: seed)
        let header = ToyFileHeader(seed: seed, totalToys: toys, shard: shard, statistic: .poisson, confidenceLevel: 0.9,
                                   truth: 0, asimovLimit: configuration.scale, label: label)
        return ToyJob(runner: ToyRunner(configuration: configuration), header: header)
    }

    /// The streamed file (2 threads, a window of 3 forcing the workers to wait for each other)
    /// equals `ToyFile.render` of the array run, and the streamed summary equals the array one.
    @Test func streamedFileEqualsTheArrayRun() throws {
        let job = try Self.job()
        let directory = try ToyFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/toys.json"
        let outcome = try job.run(output: path, threads: 2)
        let array = try job.runner.run(totalToys: 60, threads: 1)
        #expect(String(decoding: try ToyFiles.bytes(path), as: UTF8.self) == ToyFile.render(header: job.header, toys: array))
        #expect(outcome.summary == ToySummary(results: array))
        #expect(outcome.computedToys == 60 && outcome.resumedToys == 0)
        var order: [UInt64] = []
        try job.runner.stream(count: 40, index: { UInt64(39 - $0) }, threads: 2, window: 3) { order.append($0.index) }
        #expect(order == Array((0..<40).reversed()))
    }

    /// Cut anywhere — inside the header, at a line boundary, in the middle of a toy line — a
    /// resumed file is byte-identical to the uninterrupted one, and the kept toys are counted.
    @Test(arguments: [("header", 10), ("boundary", 0), ("mid-line", 17)])
    func resumeIsExact(_ cut: (String, Int)) throws {
        let job = try Self.job(shard: try ToyShard(index: 1, count: 2))
        let directory = try ToyFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let full = directory + "/full.json", cutFile = directory + "/cut.json"
        _ = try job.run(output: full, threads: 2)
        let bytes = try ToyFiles.bytes(full)
        let end = cut.0 == "header" ? cut.1 : ToyFiles.offset(ofLine: 12, in: bytes) + cut.1
        try ToyFiles.write(Array(bytes[..<end]), cutFile)
        let outcome = try job.run(output: cutFile, existing: .resume, threads: 2)
        #expect(try ToyFiles.bytes(cutFile) == bytes)
        #expect(outcome.resumedToys == (cut.0 == "header" ? 0 : 10))
        #expect(outcome.resumedToys + outcome.computedToys == 30)
        #expect(outcome.summary == ToySummary(results: try ToyFile.read(full).toys))
    }

    @Test func existingFilesNeedResumeOrForce() throws {
        let job = try Self.job(toys: 8)
        let directory = try ToyFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/toys.json"
        try ToyFiles.write(Array("keep me\n".utf8), path)
        #expect(throws: StatisticsError("\(path) exists; use --resume to continue it or --force to overwrite it")) {
            try job.run(output: path)
        }
        #expect(try ToyFiles.bytes(path) == Array("keep me\n".utf8))
        #expect(throws: StatisticsError.self) { try job.run(output: path, existing: .resume) }
        _ = try job.run(output: path, existing: .overwrite)
        #expect(try ToyFile.read(path).toys.count == 8)
        // Another seed or label: the message names the field.
        for (other, field) in [(try Self.job(seed: 12, toys: 8), "seed is 11 in the file, 12 expected"),
                               (try Self.job(toys: 8, label: "other"), "label is 'job' in the file, 'other' expected"),
                               (try Self.job(toys: 9), "total_toys is 8 in the file, 9 expected")] {
            #expect { try other.run(output: path, existing: .resume) } throws: { error in
                "\(error)".contains(field) && "\(error)".contains("\(path):1")
            }
        }
        // A corrupt complete line in the middle is named, not skipped.
        var bytes = try ToyFiles.bytes(path)
        bytes[ToyFiles.offset(ofLine: 4, in: bytes) + 2] = UInt8(ascii: "#")
        try ToyFiles.write(bytes, path)
        #expect { try job.run(output: path, existing: .resume) } throws: { "\($0)".contains("\(path):4: cannot resume: corrupt") }
    }

    @Test func toyCountBoundIsCheckedFirst() throws {
        let directory = try ToyFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(ToyJob.maximumToys <= 1_000_000_000)
        #expect(ToyJob.maximumToys <= Int(ProcessInfo.processInfo.physicalMemory / 16))
        let job = try Self.job(toys: ToyJob.maximumToys + 1)
        #expect { try job.run(output: directory + "/big.json") } throws: { "\($0)".contains("1…\(ToyJob.maximumToys)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    /// The shard positions are the strided indices, counted by hand.
    @Test func shardPositions() throws {
        let p = ToyShardPositions(totalToys: 10, shard: try ToyShard(index: 2, count: 4), firstIndex: 100)
        #expect(p.count == 2)
        #expect(Array(IteratorSequence(p)) == [102, 106])
        #expect(ToyShardPositions(totalToys: 2, shard: try ToyShard(index: 3, count: 4)).count == 0)
        #expect(throws: StatisticsError.self) { try ToyShard(parsing: "1e30/2") }
        #expect(throws: StatisticsError.self) { try ToyShard(parsing: "0/inf") }
        #expect(throws: StatisticsError.self) { try ToyShard(parsing: "0.5/2") }
    }
}
