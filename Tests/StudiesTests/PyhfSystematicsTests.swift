import Foundation
import Output
import Physics
import Simulation
import Statistics
import Testing
@testable import Studies

/// pyhf reproduces nue's Asimov limits with systematics (issue 13 item 4): the six mission
/// scenarios (`macros/isodar-sensitivity.yaml`) with each detector's systematics preset (energy
/// scale, non-linearity, resolution, efficiency, ⁸Li shape: histosys code4p on every sample, the
/// templates refolded at ±1σ), for the magnetic moment and the light vector with interference, and
/// KamLAND > 3 MeV with its three largest backgrounds too (⁸B ν, ²⁰⁸Tl, ¹²B; the whole preset
/// agrees to 0.30 %, `nue export-pyhf --backgrounds preset --systematics preset`, but takes pyhf 50 s). Each workspace is exported at nue's 90 % CL
/// CLs+b limit, so pyhf's asymptotic q̃μ limit on mu must be 1; tolerance 1 %. Without backgrounds
/// both tools have the same likelihood (measured |mu − 1| ≲ 10⁻⁹); with them nue multiplies a
/// shifted background by its normalization where pyhf adds both histosys, a second-order
/// difference.
@Suite(.serialized) struct PyhfSystematicsTests {
    @Test(.enabled(if: TestSupport.hasPyhf, "pyhf is not importable by python3"))
    func pyhfReproducesTheLimitsWithSystematics() throws {
        let loaded = try RunCard.load(path: TestSupport.path("macros/isodar-sensitivity.yaml")).card
        let spectrum = try loaded.sourceSpectrum(cardDirectory: TestSupport.path("macros"))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files: [(label: String, path: String)] = []
        var kamland = try #require(loaded.scenarios.first { $0.detector == "kamland" && $0.thresholdMeV == 3 })
        kamland.backgrounds = try BackgroundSelection.parse("solar-b8,tl208,b12")
        let models: [NewPhysicsModel] = [.magneticMoment, try .lightVector(mediatorMassMeV: 0, interference: .exact)]
        for scenario in loaded.scenarios + [kamland] {
            // One set of ±1σ refolds serves both models (the templates hold every term).
            let first = try loaded.studyScenario(scenario, spectrum: spectrum, model: models[0], systematics: .preset)
            #expect(first.systematics.count == 5)
            let nominal = try first.templates()
            let refolded = try SystematicTemplates.build(nominal: nominal, scenario: first.simulation, backgrounds: first.backgrounds,
                                                         exposure: first.backgroundExposure(templates: nominal), nuisances: first.systematics)
            for model in first.backgrounds.isEmpty ? models : [models[0]] {
                let study = try loaded.studyScenario(scenario, spectrum: spectrum, model: model, systematics: .preset)
                let fit = try SystematicModelFit(study: study, templates: refolded)
                let asimov = try fit.asimov(statistic: .poisson, cl: loaded.cl, method: .clsb)
                let plain = try fit.base.asimov(statistic: .poisson, cl: loaded.cl, method: .clsb).limit
                #expect(asimov.limit > plain)
                let label = "\(scenario.name) \(model.label)\(study.backgrounds.isEmpty ? "" : " + backgrounds")"
                let path = (directory as NSString).appendingPathComponent("ws\(files.count).json")
                try PyhfWorkspace.make(fit: fit, value: fit.base.quoted(asimov.limit), cl: loaded.cl, limitMethod: .clsb).write(to: path)
                files.append((label, path))
            }
        }
        let result = try #require(TestSupport.run(["python3", TestSupport.path("scripts/pyhf_check.py")] + files.map(\.path)))
        #expect(result.status == 0, "pyhf_check.py: \(result.stdout) \(result.stderr)")
        let answers = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        try #require(answers.count == files.count, "\(result.stdout) \(result.stderr)")
        for (file, answer) in zip(files, answers) {
            guard case .number(let mu)? = answer["mu_limit"] else { Issue.record("\(file.label): \(answer)"); continue }
            #expect(abs(mu - 1) < 0.01, "\(file.label): pyhf mu_limit = \(mu)")
            print("pyhf systematics \(file.label): mu_limit - 1 = \(mu - 1)")
        }
    }
}
