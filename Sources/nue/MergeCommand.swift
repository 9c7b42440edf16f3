import ArgumentParser
import Foundation
import Statistics

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine toy shard files (nue-toys JSON Lines) into the unsharded result.",
        discussion: """
            Accepts complete and interrupted shard files (a cut last line is skipped); refuses files of \
            different runs. The merged file (--output) is byte-identical to the unsharded run's file when \
            every toy is present; missing toys are reported.
            Example: nue merge out/shard-*.json --output out/toys.json --json
            """)

    @Argument(help: "Shard files.")
    var files: [String]
    @Option(help: "Write the merged file here (temporary file, then rename).")
    var output: String?
    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one toy file") }
    }

    func run() throws {
        let parts = try userFacing { try files.map { try ToyFile.read(URL(fileURLWithPath: $0)) } }
        let merged = try userFacing { try ToyFile.merge(parts) }
        if let output { try userFacing { try ToyFile.write(header: merged.header, toys: merged.toys, to: URL(fileURLWithPath: output)) } }
        if merged.missing > 0 {
            FileHandle.standardError.write(Data("warning: \(merged.missing) of \(merged.header.totalToys) toys missing\n".utf8))
        }
        if merged.unreadableLines > 0 {
            FileHandle.standardError.write(Data("warning: skipped \(merged.unreadableLines) unreadable line(s)\n".utf8))
        }
        let unit = merged.header.thetaUnit
        let quoted: (Double) -> Double = { $0.isFinite ? (max(0, $0) * unit).squareRoot() : .nan }
        try ToysCommand.report(summary: ToySummary(results: merged.toys), header: merged.header,
                               asimov: merged.header.asimovLimit, json: json, quoted: quoted,
                               parameter: merged.header.parameter)
    }
}
