import Foundation
import ArgumentParser
import Statistics

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Median expected upper limit from the Asimov data set, with asymptotic ±1σ/±2σ bands.",
        discussion: """
            The limit solves Δχ²(θ) = c by Brent's method, θ = κ² (magnetic moment) or g² (light vector), the \
            normalization profiled with its pull term: CLs+b (--limit clsb, default) c = Φ⁻¹(CL)² (1.6424 at 90 % \
            CL, one-sided with θ ≥ 0); CLs (--limit cls) c = Φ⁻¹((1+CL)/2)² (2.7055 at 90 %), since CLb = 1/2 on \
            the Asimov data. Quoted as κ = μν/μ_B or g. Bands: Cowan et al., EPJC 71, 1554 (2011), eq. 65–66 \
            and 89–90.
            With --systematics every nuisance (normalization, background normalizations, energy scale, \
            non-linearity, resolution, efficiency, ⁸Li shape) is profiled by a bounded Newton fit with analytic \
            derivatives on templates refolded at ±1σ and interpolated as pyhf's histosys code4p (docs/physics.md §16); \
            the output adds each nuisance's Asimov pull, post-fit constraint σ_post/σ_pre and impact on θ̂ \
            (θ = κ² or g², refitted with the nuisance at ±σ_post).
            Example: nue sensitivity --detector kamland --threshold 3 --events 3000 --json
            """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    struct Output: Encodable {
        let model: String
        let parameter: String
        let limit: Double
        let limit_squared: Double
        let cl: Double
        let statistic: String
        let limit_method: String
        let detector: String
        let threshold_mev: Double
        let events: Double
        let bins: Int
        let band68: [Double?]
        let band95: [Double?]
        let critical_value: Double
        let backgrounds: String
        let systematics: String
        /// Without --systematics: nil. With: the limit with every shape systematic fixed.
        let limit_without_systematics: Double?
        let nuisances: [Nuisance]?
    }

    /// A nuisance's Asimov pull, post-fit constraint σ_post/σ_pre and impact on θ̂ (κ² in μ_B² or g²).
    struct Nuisance: Encodable {
        let name: String
        let pull: Double?
        let constraint: Double?
        let impact: Double?
        let impact_up: Double?
        let impact_down: Double?
    }

    func run() throws {
        let fit = try FitScenario(scenario)
        let plain = try runtime { try fit.study.asimov(fit.fit) }
        var limit = plain.limit, method = plain.method, critical = plain.criticalValue, band = plain.band
        var nuisances: [Nuisance]?
        if !fit.study.systematics.isEmpty {
            let systematic = try runtime { try fit.study.systematicFit(templates: fit.templates) }
            let result = try runtime { try systematic.asimov(statistic: fit.statistic, cl: scenario.cl, method: scenario.limit,
                                                                       limitWithoutSystematics: plain.limit) }
            let reports = try runtime { try systematic.nuisanceReports(statistic: fit.statistic) }
            limit = result.limit
            method = result.method
            critical = result.criticalValue
            band = method == .cls ? ExpectedBand.asymptoticCLs(asimovLimit: limit, confidenceLevel: scenario.cl)
                                  : ExpectedBand.asymptotic(asimovLimit: limit, criticalValue: critical)
            nuisances = reports.nuisances.map {
                Nuisance(name: $0.name, pull: finite($0.pull), constraint: finite($0.constraint), impact: finite($0.impact * fit.unit),
                         impact_up: finite($0.impactUp * fit.unit), impact_down: finite($0.impactDown * fit.unit))
            }
        }
        let (band68, band95) = fit.band(band)
        let output = Output(
            model: scenario.model.rawValue, parameter: fit.parameterName, limit: fit.quoted(limit),
            limit_squared: limit * fit.unit, cl: scenario.cl, statistic: fit.statistic.rawValue,
            limit_method: method.rawValue,
            detector: fit.scenario.detector.name, threshold_mev: fit.scenario.thresholdMeV, events: fit.events,
            bins: fit.model.binCount, band68: band68.map(finite), band95: band95.map(finite), critical_value: critical,
            backgrounds: fit.study.backgroundLabel, systematics: fit.study.systematicsLabel,
            limit_without_systematics: nuisances == nil ? nil : fit.quoted(plain.limit), nuisances: nuisances)
        if json { try printJSON(output) } else {
            print("\(output.model), \(output.detector), T > \(output.threshold_mev) MeV, \(Int(output.events.rounded())) SM events")
            print("Asimov \(Int(scenario.cl * 100)) % CL \(method.label) upper limit: \(output.parameter) < \(output.limit)  (\(output.parameter)² < \(output.limit_squared))")
            print("asymptotic band: ±1σ [\(band68[0]), \(band68[1])], ±2σ [\(band95[0]), \(band95[1])]")
            if let nuisances, let without = output.limit_without_systematics {
                print("systematics \(output.systematics): without them \(output.parameter) < \(without)")
                print("nuisance            pull     constraint  impact on \(output.parameter)²")
                for n in nuisances {
                    let cells = [n.pull, n.constraint, n.impact].map { $0.map { String(format: "%.3g", $0) } ?? "—" }
                    print(n.name.padding(toLength: 20, withPad: " ", startingAt: 0) + cells[0].padding(toLength: 9, withPad: " ", startingAt: 0)
                          + cells[1].padding(toLength: 12, withPad: " ", startingAt: 0) + cells[2])
                }
            }
        }
    }
}
