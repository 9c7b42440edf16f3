import ArgumentParser
import Foundation
import Statistics
import Studies
import Output

struct ExportPyhfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-pyhf",
        abstract: "Write the scenario's binned model as a pyhf (HistFactory JSON) workspace.",
        discussion: """
            Samples: the SM expectation and the new-physics increment at --at (default: nue's Asimov limit \
            with --limit clsb|cls) scaled by the POI mu; the normalization pull is pyhf's lumi modifier; \
            observations are the Asimov SM data. With --systematics each nuisance is a histosys modifier \
            syst_NAME (code4p, as nue) on every sample, with the templates refolded at ±1σ. FILE holds exactly pyhf's workspace schema (pyhf inspect \
            FILE); nue's metadata (exported_at, limit_method, cl, bin edges) goes next to it, to FILE with \
            .json replaced by .nue.json. Check with python3 scripts/pyhf_check.py FILE (mu_limit = 1 when the \
            tools agree).
            Example: nue export-pyhf --detector kamland --threshold 3 --events 3000 --limit cls --output ws.json
            """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(parsing: .unconditional, help: "Parameter value of the new-physics sample (κ in μ_B, or g); default: the Asimov limit.")
    var at: Double?
    @OptionGroup var outputOption: OutputFileOption
    var output: String { outputOption.output ?? "" }

    func validate() throws {
        if let at {
            try requireFinite(at, "--at")
            guard at > 0 else { throw CommandFailure("--at must be > 0, got \(at)") }
        }
        _ = try outputOption.required()
    }

    func run() throws {
        let fit = try FitScenario(scenario)
        let systematic = fit.study.systematics.isEmpty ? nil : try runtime { try fit.study.systematicFit(templates: fit.templates) }
        let value: Double
        if let at { value = at } else if let systematic {
            let asimov = try runtime { try systematic.asimov(statistic: fit.statistic, cl: scenario.cl, method: scenario.limit) }
            value = fit.quoted(asimov.limit)
        } else {
            let asimov = try runtime { try fit.study.asimov(fit.fit) }
            value = fit.quoted(asimov.limit)
        }
        try runtime {
            let export = try systematic.map { s throws in try PyhfWorkspace.make(fit: s, value: value, cl: scenario.cl, limitMethod: scenario.limit) }
                ?? PyhfWorkspace.make(fit: fit.fit, value: value, cl: scenario.cl, limitMethod: scenario.limit)
            try export.write(to: output)
        }
        FileHandle.standardError.write(Data(
            "wrote \(output) and \(PyhfExport.sidecarPath(for: output)): \(fit.parameterName) exported at \(value)\n".utf8))
    }
}
