import ArgumentParser
import Foundation

/// `--json`: one JSON object on stdout (sorted keys), the form scripts read.
struct JSONOption: ParsableArguments {
    @Flag(help: "Print one JSON object on stdout.")
    var json = false
}

/// `--quiet`: no progress lines on stderr (progress shows only when stderr is a terminal).
struct QuietOption: ParsableArguments {
    @Flag(help: "No progress output on stderr.")
    var quiet = false
}

/// `--threads N`: worker threads, the same default everywhere. Results never depend on it.
struct ThreadsOption: ParsableArguments {
    /// The default: every core of this machine (at most 1024).
    static var defaultCount: Int { min(max(1, ProcessInfo.processInfo.activeProcessorCount), 1024) }

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Worker threads, 1…1024 (default: all cores, \(ThreadsOption.defaultCount) here); results do not depend on it.",
                               valueName: "n"))
    var threads: Double?

    /// The thread count, checked as a number before any integer conversion.
    func count() throws -> Int { try explicitCount() ?? Self.defaultCount }

    /// The count the user gave, if any (for callers with a default of their own, like a card's).
    func explicitCount() throws -> Int? { try threads.map { try wholeNumber($0, "--threads", in: 1...1024) } }
}

/// `--seed S`: the master seed; every toy, shard and event block derives its own stream from
/// (seed, index), so the same seed gives the same bytes for any thread count or sharding.
struct SeedOption: ParsableArguments {
    @Option(help: "Master random seed, 0…18446744073709551615 (default 1).")
    var seed: UInt64 = 1
}

/// `--output FILE`: written atomically (a temporary file beside it, flushed and renamed when
/// complete, removed on error or interruption); a device such as /dev/null is written through.
struct OutputFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("Output file (written atomically, except the toy journal of nue toys, which is appended toy by toy; a device such as /dev/null is written through).",
                               valueName: "file"))
    var output: String?

    func validate() throws {
        if let output, output.isEmpty { throw ValidationError("--output must name a file") }
    }

    /// The path, for commands that need one.
    func required() throws -> String {
        guard let output else { throw ValidationError("missing --output FILE") }
        return output
    }
}
