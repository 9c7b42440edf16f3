import ArgumentParser
import Foundation
import Simulation
import Studies

struct BackgroundsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backgrounds",
        abstract: "The background budget of a scenario: expected events per component beside the signal.",
        discussion: """
            Per component (--backgrounds, here default preset: solar ν–e, the source's untagged IBD, radioactivity, \
            cosmogenics) the expected events over the scenario's live time with reconstructed energy above the \
            threshold (events) and in the analysis window [threshold, T_max of the signal) (events_in_window), \
            through the detector response, with the rate's reference. The Sun and radioactivity scale with the live \
            time (calendar years, not the source up-time); the IBD with the emitted ν̄e. With --events N the live \
            time is implied: N / (SM events per year above threshold at --intensity and 90 % up-time) \
            (docs/physics.md §8).
            Example: nue backgrounds --detector kamland --threshold 3 --events 3000 --json
            """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    struct Component: Encodable {
        let name: String
        let events: Double
        let events_in_window: Double
        let total_events: Double
        let relative_uncertainty: Double?
        let rate_assumed: Bool
        let reference: String
    }

    struct Output: Encodable {
        let detector: String
        let threshold_mev: Double
        let window_mev: [Double]
        let backgrounds: String
        let exposure_tonne_years: Double
        let live_time_years: Double
        let live_time_implied_by_events: Bool
        let emitted_neutrinos: Double
        let signal_events: Double
        let background_events: Double
        let background_events_in_window: Double
        let components: [Component]
    }

    func run() throws {
        try scenario.requireNoSystematics("backgrounds")
        let study = try scenario.studyScenario(backgrounds: .preset)
        let budget = try runtime { try BackgroundBudget(scenario: study) }
        let output = Output(
            detector: study.simulation.detector.name, threshold_mev: study.simulation.thresholdMeV,
            window_mev: [study.simulation.thresholdMeV, budget.windowUpperMeV], backgrounds: study.backgroundLabel,
            exposure_tonne_years: budget.exposureTonneYears, live_time_years: budget.exposure.liveTimeYears,
            live_time_implied_by_events: budget.exposure.impliedByEventCount, emitted_neutrinos: budget.exposure.emittedNeutrinos,
            signal_events: budget.signalEvents, background_events: budget.totalEvents,
            background_events_in_window: budget.totalEventsInWindow,
            components: budget.components.map {
                Component(name: $0.name, events: $0.eventsAboveThreshold, events_in_window: $0.eventsInWindow,
                          total_events: $0.totalEvents, relative_uncertainty: finite($0.relativeUncertainty),
                          rate_assumed: $0.rateIsAssumed, reference: $0.reference)
            })
        if json { try printJSON(output); return }
        let live = budget.exposure.impliedByEventCount ? "implied by \(Int(output.signal_events.rounded())) SM events" : "exposure"
        print("\(output.detector), E_reco > \(output.threshold_mev) MeV (window to \(format(budget.windowUpperMeV)) MeV): "
              + "\(format(output.exposure_tonne_years)) t·yr, live time \(format(output.live_time_years)) yr (\(live))")
        print("signal (SM ν̄e–e): \(format(output.signal_events)) events")
        let width = max(10, output.components.map(\.name.count).max() ?? 0)
        print("component".padding(toLength: width, withPad: " ", startingAt: 0) + "  events     in window  σ_rel  reference")
        for c in output.components {
            print(c.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                  + format(c.events).padding(toLength: 9, withPad: " ", startingAt: 0) + "  "
                  + format(c.events_in_window).padding(toLength: 9, withPad: " ", startingAt: 0) + "  "
                  + (c.relative_uncertainty.map { format($0) } ?? "free").padding(toLength: 5, withPad: " ", startingAt: 0) + "  "
                  + (c.rate_assumed ? "[assumed] " : "") + c.reference)
        }
        print("total".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + format(output.background_events)
              + " (in window " + format(output.background_events_in_window) + ")")
    }

    private func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
