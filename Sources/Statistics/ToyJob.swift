#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Output

/// A toy run recorded in a nue-toys file (`ToyFile`), with flat memory and exact resumption.
///
/// Results are appended to the file in index order as soon as every earlier toy is done
/// (`ToyRunner.stream`), one `write(2)` per toy (`JournalFile`), so the bytes do not depend on
/// the thread count and an interrupted run leaves a prefix of the finished file. The summary
/// is accumulated on the way (`ToySummary.Accumulator`, one Double per toy): no toy is held.
///
/// Resuming reads the file back line by line: the header must equal this run's (else the
/// error names the first field that differs), every complete line must be the toy due at its
/// position, a cut last line is dropped; then only the missing toys run. Toy k always uses
/// stream (seed, k), so the finished file is byte-identical to an uninterrupted run.
public struct ToyJob {
    /// What to do when the output file already exists.
    public enum Existing: Sendable {
        /// Refuse (the default: never overwrite results by accident).
        case refuse
        /// Continue the run recorded in it.
        case resume
        /// Start over.
        case overwrite
    }

    /// The outcome of a run.
    public struct Outcome: Sendable {
        public var summary: ToySummary
        /// Toys read back from the file (resume).
        public var resumedToys: Int
        /// Toys computed by this call.
        public var computedToys: Int
    }

    /// The most toys one run may hold: 10⁹, and fewer on a machine whose physical memory
    /// cannot hold `ToySummary.Accumulator.bytesPerToy` (8) bytes per toy in half of it.
    public static var maximumToys: Int {
        let byMemory = ProcessInfo.processInfo.physicalMemory / UInt64(2 * ToySummary.Accumulator.bytesPerToy)
        return Int(min(UInt64(fixedMaximumToys), byMemory))
    }

    /// The documented fixed bound, 10⁹ toys.
    public static let fixedMaximumToys = 1_000_000_000

    public var runner: ToyRunner
    public var header: ToyFileHeader

    public init(runner: ToyRunner, header: ToyFileHeader) {
        self.runner = runner
        self.header = header
    }

    /// Runs the shard of `header`, recording it in `output` when given. Throws
    /// `StatisticsError` (a refused file, a run that cannot resume) or `OutputError`.
    /// - Parameter progress: (toys done, toys in the shard), resumed toys included.
    public func run(output: String?, existing: Existing = .refuse, threads: Int = 1,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Outcome {
        guard header.totalToys >= 1, header.totalToys <= Self.maximumToys else {
            throw StatisticsError("a toy run holds 1…\(Self.maximumToys) toys (8 bytes of memory per toy), got \(header.totalToys)")
        }
        let positions = ToyShardPositions(header: header)
        var accumulator = ToySummary.Accumulator(expectedToys: positions.count)
        var journal: JournalFile?
        var kept = 0
        if let output {
            var info = stat()
            let regular = stat(output, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
            var keptBytes: UInt64?
            if regular {
                switch existing {
                case .refuse:
                    throw StatisticsError("\(output) exists; use --resume to continue it or --force to overwrite it")
                case .overwrite:
                    break
                case .resume:
                    let scan = try ToyFileScan(path: output, header: header, positions: positions) { accumulator.add($0) }
                    if scan.headerComplete {
                        keptBytes = scan.keptBytes
                        kept = scan.toys
                    }
                }
            }
            journal = try JournalFile(path: output, keepingBytes: keptBytes)
            if keptBytes == nil { try journal?.append(ToyFile.headerLine(header) + "\n") }
        }
        let start = kept
        let progressOffset: (@Sendable (Int, Int) -> Void)? = progress.map { report in
            { @Sendable done, _ in report(start + done, positions.count) }
        }
        try runner.stream(count: positions.count - kept, index: { positions.index(at: start + $0) }, threads: threads,
                          progress: progressOffset) { toy in
            try journal?.append(ToyFile.toyLine(toy) + "\n")
            accumulator.add(toy)
        }
        try journal?.close()
        return Outcome(summary: accumulator.finish(), resumedToys: kept, computedToys: positions.count - kept)
    }
}
