import ArgumentParser
import Foundation
import Statistics

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine toy shard files (nue-toys JSON Lines) into the unsharded result.",
        discussion: """
            Refuses (exit 1, naming the file and line) files of different runs, a shard given twice, a \
            corrupt line, and — unless --allow-partial — a missing shard, an incomplete shard or a cut last \
            line (finish interrupted shards with `nue toys --resume`). The merged file (--output, written \
            atomically) is byte-identical to the unsharded run's file. With --allow-partial the complete toys \
            are kept and the result is labelled: "partial": true, "missing_toys" and "missing_shards" in the \
            merged file's header and in --json.
            Example: nue merge out/shard-*.json --output out/toys.json --json
            """)

    @Argument(help: "Shard files.")
    var files: [String]
    @OptionGroup var outputOption: OutputFileOption
    /// The merged file.
    var output: String? { outputOption.output }
    @Flag(help: "Merge an incomplete set: keep the complete toys and label the result partial.")
    var allowPartial = false
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one toy file") }
    }

    func run() throws {
        let merged = try runtime {
            try ToyMerge.merge(try files.map { try ToyFile.read($0) }, allowPartial: allowPartial)
        }
        if let output {
            try runtime {
                try ToyFile.write(header: merged.header, toys: merged.toys,
                                  partial: merged.isPartial ? merged.missing : nil, to: output)
            }
        }
        if merged.isPartial {
            FileHandle.standardError.write(Data("warning: partial merge: \(merged.missingToys) of \(merged.header.totalToys) toys missing\n".utf8))
        }
        let unit = merged.header.thetaUnit
        let quoted: (Double) -> Double = { $0.isFinite ? (max(0, $0) * unit).squareRoot() : .nan }
        try ToysCommand.report(summary: ToySummary(results: merged.toys), header: merged.header,
                               asimov: merged.header.asimovLimit, json: json, quoted: quoted,
                               parameter: merged.header.parameter, missing: merged.missing)
    }
}
