import ArgumentParser
import GSL

@main
struct Nue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nue",
        abstract: "ν̄e–electron scattering at the IsoDAR ⁸Li source: generator, detector simulation, fits.",
        version: NueVersion.string,
        subcommands: [CrossSectionCommand.self, SourceCommand.self, GenerateCommand.self, SensitivityCommand.self,
                      RunCommand.self, ToysCommand.self, CoverageCommand.self, MergeCommand.self, ExportPyhfCommand.self, BackgroundsCommand.self,
                      ArgonCommand.self, BenchCommand.self])
}

enum NueVersion {
    static let string = "0.1.0"
}
