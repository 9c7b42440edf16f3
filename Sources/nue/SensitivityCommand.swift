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
    }

    func run() throws {
        let fit = try FitScenario(scenario)
        let result = try runtime { try fit.study.asimov(fit.fit) }
        let (band68, band95) = fit.band(result.band)
        let output = Output(
            model: scenario.model.rawValue, parameter: fit.parameterName, limit: fit.quoted(result.limit),
            limit_squared: result.limit * fit.unit, cl: scenario.cl, statistic: fit.statistic.rawValue,
            limit_method: result.method.rawValue,
            detector: fit.scenario.detector.name, threshold_mev: fit.scenario.thresholdMeV, events: fit.events,
            bins: fit.model.binCount, band68: band68.map(finite), band95: band95.map(finite), critical_value: result.criticalValue)
        if json { try printJSON(output) } else {
            print("\(output.model), \(output.detector), T > \(output.threshold_mev) MeV, \(Int(output.events.rounded())) SM events")
            print("Asimov \(Int(scenario.cl * 100)) % CL \(result.method.label) upper limit: \(output.parameter) < \(output.limit)  (\(output.parameter)² < \(output.limit_squared))")
            print("asymptotic band: ±1σ [\(band68[0]), \(band68[1])], ±2σ [\(band95[0]), \(band95[1])]")
        }
    }
}
