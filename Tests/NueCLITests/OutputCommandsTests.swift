#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// End-to-end: nothing lost or misreported by `nue toys`, `merge` and `generate` — refused
/// overwrites, exact resumption, strict merges, count bounds, no temporary file left by a
/// signal, /dev/null written through. Exit codes per the contract: 64 usage, 1 runtime.
@Suite struct OutputCommandsTests {
    static let scenario = ["--detector", "kamland", "--threshold", "3", "--events", "3000"]
    static let toys = ["toys"] + scenario + ["--toys", "40", "--seed", "9", "--quiet"]

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "nue-cli-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A runtime failure: exit 1, one line on stderr containing `text`, no usage text.
    static func expectRuntimeFailure(_ r: CLIResult, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Usage"), sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
    }

    /// A usage error (an unknown option, text where a number belongs): exit 64 with the usage.
    static func expectUsageError(_ r: CLIResult, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 64, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func resumeAfterATruncationIsByteIdentical() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let full = dir + "/full.json", cut = dir + "/cut.json"
        let complete = try CLIRunner.run(Self.toys + ["--threads", "2", "--output", full, "--json"])
        #expect(complete.status == 0, "\(complete.stderr)")
        // Cut in the middle of the 21st line.
        let data = try Self.bytes(full)
        var newlines = 0
        let end = data.firstIndex { byte in
            if byte == UInt8(ascii: "\n") { newlines += 1 }
            return newlines == 20
        }! + 30
        try data.prefix(end).write(to: URL(fileURLWithPath: cut))
        Self.expectRuntimeFailure(try CLIRunner.run(Self.toys + ["--output", cut]), "\(cut) exists; use --resume to continue it or --force to overwrite it")
        Self.expectRuntimeFailure(try CLIRunner.run(Self.toys.map { $0 == "9" ? "10" : $0 } + ["--output", cut, "--resume"]),
                                  "seed is 9 in the file, 10 expected")
        let resumed = try CLIRunner.run(Self.toys + ["--output", cut, "--resume", "--json"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.bytes(cut) == data)
        #expect(resumed.stdout == complete.stdout)
        let forced = try CLIRunner.run(Self.toys + ["--output", cut, "--force", "--json"])
        #expect(forced.status == 0 && forced.stdout == complete.stdout)
        #expect(try Self.bytes(cut) == data)
    }

    /// Counts out of range are bad input (exit 1, one line), checked as numbers before any
    /// integer conversion; only text where a number belongs is a usage error (exit 64).
    @Test func countsAreCheckedAsNumbers() throws {
        Self.expectUsageError(try CLIRunner.run(Self.toys.map { $0 == "40" ? "forty" : $0 }), "--toys")
        Self.expectRuntimeFailure(try CLIRunner.run(["coverage", "--true", "0", "--toys", "1e30", "--method", "asimov"]),
                                  "--toys must be a whole number in 1…1000000000, got 1e+30")
        Self.expectRuntimeFailure(try CLIRunner.run(["argon", "--brute-force", "--decays", "2.5"]),
                                  "--decays must be a whole number in 1…")
        Self.expectRuntimeFailure(try CLIRunner.run(Self.toys.map { $0 == "40" ? "1e30" : $0 }), "--toys must be a whole number in 1…")
        Self.expectRuntimeFailure(try CLIRunner.run(Self.toys.map { $0 == "40" ? "2e9" : $0 }), "--toys must be a whole number in 1…")
        Self.expectRuntimeFailure(try CLIRunner.run(Self.toys + ["--threads", "inf"]), "--threads must be a whole number in 1…1024, got inf")
        Self.expectRuntimeFailure(try CLIRunner.run(Self.toys + ["--shard", "1e30/2"]), "K in K/N must be a whole number in 0…1")
        let out = ["--seed", "1", "--format", "csv", "--output", "/dev/null"]
        Self.expectRuntimeFailure(try CLIRunner.run(["generate", "--count", "1e30"] + out), "--count must be a whole number in 1…1000000000000")
        Self.expectRuntimeFailure(try CLIRunner.run(["generate", "--count", "nan"] + out), "--count must be a whole number")
        Self.expectRuntimeFailure(try CLIRunner.run(["generate", "--detector", "kamland", "--events", "1e30"] + out), "--events")
        Self.expectRuntimeFailure(try CLIRunner.run(["toys", "--events", "1e30", "--toys", "2", "--seed", "1", "--full-chain"]),
                              "--events must be a number of events in (0, 1e12], got 1e+30")
    }

    @Test func mergeRefusesWhatIsNotAWholeRun() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var shards: [String] = []
        for k in 0..<2 {
            let path = dir + "/s\(k).json"
            #expect(try CLIRunner.run(Self.toys + ["--shard", "\(k)/2", "--output", path]).status == 0)
            shards.append(path)
        }
        let other = dir + "/other.json"
        #expect(try CLIRunner.run(Self.toys.map { $0 == "9" ? "10" : $0 } + ["--shard", "1/2", "--output", other]).status == 0)
        Self.expectRuntimeFailure(try CLIRunner.run(["merge", shards[0]]), "shard 1/2 is missing")
        Self.expectRuntimeFailure(try CLIRunner.run(["merge", shards[0], shards[0], shards[1]]), "\(shards[0]):1: shard 0/2 given twice")
        Self.expectRuntimeFailure(try CLIRunner.run(["merge", shards[0], other]), "\(other):1: a different run than \(shards[0]): seed is 10 in the file, 9 expected")
        Self.expectRuntimeFailure(try CLIRunner.run(["merge", shards[0], dir + "/absent.json"]), "\(dir)/absent.json: cannot read")
        // Shard 1 cut inside its 6th toy (line 7): refused, then merged as a labelled partial result.
        let data = try Self.bytes(shards[1])
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let keep = lines.prefix(6).reduce(0) { $0 + $1.count + 1 } + 12
        try data.prefix(keep).write(to: URL(fileURLWithPath: shards[1]))
        Self.expectRuntimeFailure(try CLIRunner.run(["merge"] + shards), "\(shards[1]):7: the last line is cut")
        let partial = try CLIRunner.run(["merge"] + shards + ["--allow-partial", "--json", "--output", dir + "/merged.json"])
        #expect(partial.status == 0, "\(partial.stderr)")
        let json = try partial.json()
        #expect(json["partial"] as? Bool == true)
        #expect(json["toys"] as? Int == 20 + 5)
        #expect(json["missing_toys"] as? Int == 15)
        let missing = try #require(json["missing_shards"] as? [[String: Any]])
        #expect(missing.count == 1 && missing[0]["shard"] as? String == "1/2" && missing[0]["first_missing_index"] as? Int == 11)
        let header = try #require(String(decoding: try Self.bytes(dir + "/merged.json"), as: UTF8.self).split(separator: "\n").first)
        #expect(header.contains(#""partial":true,"missing_toys":15"#))
        // A corrupt line in the middle of a shard names file and line even with --allow-partial.
        var corrupt = try Self.bytes(shards[0])
        corrupt[corrupt.firstIndex(of: UInt8(ascii: "\n"))! + 3] = UInt8(ascii: "?")
        try corrupt.write(to: URL(fileURLWithPath: shards[0]))
        Self.expectRuntimeFailure(try CLIRunner.run(["merge", "--allow-partial"] + shards), "\(shards[0]):2: corrupt toy line")
    }

    @Test func generateWritesThroughDevNull() throws {
        let r = try CLIRunner.run(["generate", "--detector", "kamland", "--count", "50", "--seed", "1", "--format", "csv", "--output", "/dev/null", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").allSatisfy { !$0.hasPrefix(".null.") })
        Self.expectRuntimeFailure(try CLIRunner.run(["generate", "--count", "5", "--seed", "1", "--format", "csv", "--output", "/nonexistent-dir/x.csv"]),
                                  "directory '/nonexistent-dir' does not exist")
    }

    /// `nue generate` with 10⁹ events, interrupted once its temporary file exists: it dies of the
    /// signal and leaves the directory empty.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedGenerateLeavesNoTemporaryFile(_ signalNumber: Int32) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["generate", "--detector", "kamland", "--count", "1e9", "--seed", "1", "--format", "csv",
                             "--output", dir + "/big.csv", "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var temporary: [String] = []
        while Date() < deadline && temporary.isEmpty && process.isRunning {
            temporary = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".big.csv.") && $0.hasSuffix(".tmp") }
            usleep(20_000)
        }
        #expect(temporary.count == 1)
        usleep(200_000)  // let it write some events
        kill(process.processIdentifier, signalNumber)
        let stop = Date().addingTimeInterval(20)
        while process.isRunning && Date() < stop { usleep(20_000) }
        if process.isRunning {
            Issue.record("nue generate ignored signal \(signalNumber)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signalNumber)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
