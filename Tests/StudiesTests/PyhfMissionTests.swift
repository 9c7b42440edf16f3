import Foundation
import Output
import Physics
import Simulation
import Statistics
import Testing
@testable import Studies

/// pyhf reproduces nue's Asimov limits on the exported workspaces of the mission's six
/// scenarios (`macros/isodar-sensitivity.yaml`: KamLAND >3 MeV 3 000 events, KamLAND >1 MeV
/// 7 500, JUNO >3 MeV 80 000, JUNO >1 MeV 200 000, JUNO >0.2 MeV 280 000, SNO+ >0.2 MeV 10 500;
/// 0.1 MeV bins, 0.7 % normalization pull, Poisson) for each model: magnetic moment, light vector
/// with exact interference, light vector pure Z′ (`--no-interference`), and for both limit
/// methods. Each workspace is exported at nue's 90 % CL limit of the method (CLs+b or CLs), so
/// pyhf's asymptotic q̃μ limit of the same method on the POI mu must be 1; tolerance 1 %
/// (|mu − 1| < 0.01; for the magnetic moment κ_pyhf/κ_nue = √mu is then within 0.5 %).
/// Every workspace is validated by `pyhf.Workspace(spec)`, and the CLI `pyhf inspect` accepts
/// one per model. One Python process per model.
@Suite(.serialized) struct PyhfMissionTests {
    /// The mission card's scenarios and their templates (shared by the three models: the
    /// pure-Z′ fit drops the interference term of the same templates; `ModelFit`).
    static let mission: Result<(card: RunCard, templates: [TemplateSet]), Error> = Result {
        let card = try RunCard.load(path: TestSupport.path("macros/isodar-sensitivity.yaml")).card
        let spectrum = try card.sourceSpectrum(cardDirectory: TestSupport.path("macros"))
        let templates = try card.scenarios.map { try card.simulationScenario($0, spectrum: spectrum).templates() }
        return (card, templates)
    }

    static let models: [String: NewPhysicsModel] = [
        "magnetic-moment": .magneticMoment,
        "light-vector-exact": try! .lightVector(mediatorMassMeV: 0, interference: .exact),
        "light-vector-pure-zprime": try! .lightVector(mediatorMassMeV: 0, interference: .pureZPrimeOnly),
    ]

    @Test(.enabled(if: TestSupport.hasPyhf, "pyhf is not importable by python3"),
          arguments: ["magnetic-moment", "light-vector-exact", "light-vector-pure-zprime"])
    func pyhfReproducesTheMissionLimits(model name: String) throws {
        let (card, templates) = try Self.mission.get()
        #expect(card.scenarios.count == 6)
        let model = try #require(Self.models[name])
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files: [String] = []
        var limits: [String: (clsb: Double, cls: Double)] = [:]
        for (index, scenario) in card.scenarios.enumerated() {
            let fit = try ModelFit(templates: templates[index], model: model, normSigma: scenario.normSigma)
            #expect(abs(fit.events / (scenario.events ?? .nan) - 1) < 1e-6)
            let clsb = fit.quoted(try fit.asimov(statistic: .poisson, cl: card.cl, method: .clsb).limit)
            let cls = fit.quoted(try fit.asimov(statistic: .poisson, cl: card.cl, method: .cls).limit)
            limits[scenario.name] = (clsb, cls)
            for (method, value) in [(LimitMethod.clsb, clsb), (.cls, cls)] {
                let path = (directory as NSString).appendingPathComponent("\(StudySlug.make(scenario.name))-\(method.rawValue).json")
                try PyhfWorkspace.make(fit: fit, value: value, cl: card.cl, limitMethod: method).write(to: path)
                files.append(path)
            }
        }
        let inspect = try #require(TestSupport.run(["pyhf", "inspect", files[0]]))
        #expect(inspect.status == 0, "pyhf inspect \(files[0]): \(inspect.stderr)")
        #expect(inspect.stdout.contains("mu"))

        let result = try #require(TestSupport.run(["python3", TestSupport.path("scripts/pyhf_check.py")] + files))
        #expect(result.status == 0, "pyhf_check.py: \(result.stdout) \(result.stderr)")
        let answers = try result.stdout.split(separator: "\n").map {
            try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
        }
        try #require(answers.count == files.count, "\(result.stdout) \(result.stderr)")
        var worst: [LimitMethod: Double] = [:]
        for (index, scenario) in card.scenarios.enumerated() {
            for (offset, method) in [LimitMethod.clsb, .cls].enumerated() {
                let answer = answers[2 * index + offset]
                guard case .number(let mu)? = answer["mu_limit"] else {
                    Issue.record("\(scenario.name) \(method.rawValue): \(answer)"); continue
                }
                #expect(answer["limit_method"] == .string(method.rawValue))
                #expect(abs(mu - 1) < 0.01, "\(name) \(scenario.name) \(method.label): pyhf mu_limit = \(mu)")
                worst[method] = max(worst[method] ?? 0, abs(mu - 1))
            }
            let pair = try #require(limits[scenario.name])
            print("pyhf mission \(name) \(scenario.name): CLs+b \(pair.clsb), CLs \(pair.cls), CLs/CLs+b = \(pair.cls / pair.clsb)")
        }
        print("pyhf mission \(name): max |mu - 1| CLs+b \(worst[.clsb] ?? .nan), CLs \(worst[.cls] ?? .nan)")
    }
}
