import Simulation
import Statistics

/// `exposure`: for each scenario the physical inputs and the expected events — SM events with
/// reconstructed T above threshold (emitted ν̄e × target electrons × ⟨1/4πL²⟩ × ⟨σ⟩ × ε for an
/// `exposure: true` scenario) and the magnetic-moment events per (10⁻¹¹)². The limits of these
/// scenarios come from the `asimov` analysis of the same card.
enum ExposureAnalysis {
    static func run(_ context: StudyContext) throws -> AnalysisOutput {
        let card = context.card
        var table = try ResultTable(title: "Exposures and expected events", columns: [
            .init("scenario", title: "Scenario"), .init("detector", title: "Detector"),
            .init("threshold_mev", title: "Threshold", unit: "MeV", digits: 2),
            .init("target_electrons", title: "Target e⁻", digits: 3), .init("distance_m", title: "Distance", unit: "m", digits: 3),
            .init("intensity_per_year", title: "ν̄e/yr", digits: 3), .init("live_time_years", title: "Years", digits: 2),
            .init("up_time", title: "Up-time", digits: 2), .init("sm_events", title: "SM events", digits: 4),
            .init("mu_nu_events_at_1e-11", title: "μν events at 10⁻¹¹ μ_B", digits: 3), .init("status", title: "Status"),
        ])
        var failures = 0
        for (index, scenario) in card.scenarios.enumerated() {
            let intensity = scenario.intensityPerYear ?? card.source.intensityPerYear
            let years = scenario.liveTimeYears ?? card.source.liveTimeYears
            var cells: [ResultTable.Cell] = [.text(scenario.name), .text(scenario.detector), .number(scenario.thresholdMeV)]
            do {
                let detector = try card.simulationDetector(named: scenario.detector)
                let templates = try context.templates(index)
                let sm = templates.standardModel.reduce(0, +)
                let mm = templates.magneticMomentPerKappaSquared.reduce(0, +) * 1e-22
                cells += [.number(detector.targetElectrons), .number(detector.geometry.sourceDistanceMeters),
                          .number(intensity), .number(years), .number(card.source.upTime), .number(sm), .number(mm),
                          AnalysisOutput.status(nil)]
                context.progress("exposure \(scenario.name): \(StudyContext.short(sm)) SM events")
            } catch {
                failures += 1
                cells += Array(repeating: .missing, count: 7) + [AnalysisOutput.status(error)]
                context.progress("exposure \(scenario.name): failed: \(error)")
            }
            try table.append(cells)
        }
        return AnalysisOutput(analysis: .exposure, table: table, failures: failures)
    }
}
