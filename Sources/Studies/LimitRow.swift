import Foundation
import Physics
import Statistics
import Output

/// One row of the standard limits table (the mission's table): a scenario × model × statistic
/// × limit method and its limit. `ResultTable.limits(_:cl:)` lays the rows out.
public struct LimitRow: Equatable, Sendable {
    public var scenario: String
    public var detector: String
    /// Analysis threshold on T, MeV.
    public var thresholdMeV: Double
    /// Expected SM events above threshold.
    public var events: Double
    /// Fractional normalization uncertainty.
    public var normSigma: Double
    /// The hypothesis; its parameter (κ = μν/μ_B or g) is the limit's.
    public var model: NewPhysicsModel
    public var statistic: TestStatistic
    /// CLs+b or CLs.
    public var limitMethod: LimitMethod
    /// The limit on κ (μ_B) or g; nil when the fit failed.
    public var limit: Double?
    /// `ok`, or `failed: <why>` (shown when the table is built with `status: true`).
    public var status: String
    /// The fitted backgrounds, nil without (the table then has no background columns).
    public var backgrounds: Backgrounds?
    /// The profiled systematics (`SystematicSelection.label`), nil without (no column then).
    public var systematics: String?

    /// What a row's fit had besides the signal (docs/physics.md §8).
    public struct Backgrounds: Equatable, Sendable {
        /// `BackgroundSelection.label`: `preset`, names.
        public var label: String
        /// Expected background events above threshold (nil if they could not be built).
        public var events: Double?
        /// The live time they scale with, years.
        public var liveTimeYears: Double?
        /// Whether that live time is implied by the N SM events (docs/physics.md §8.6) or given.
        public var impliedByEventCount: Bool?

        public init(label: String, events: Double?, liveTimeYears: Double?, impliedByEventCount: Bool?) {
            self.label = label
            self.events = events
            self.liveTimeYears = liveTimeYears
            self.impliedByEventCount = impliedByEventCount
        }
    }

    public init(scenario: String, detector: String, thresholdMeV: Double, events: Double, normSigma: Double,
                model: NewPhysicsModel, statistic: TestStatistic, limitMethod: LimitMethod = .clsb, limit: Double?,
                status: String = "ok") {
        self.scenario = scenario
        self.detector = detector
        self.thresholdMeV = thresholdMeV
        self.events = events
        self.normSigma = normSigma
        self.model = model
        self.statistic = statistic
        self.limitMethod = limitMethod
        self.limit = limit
        self.status = status
    }
}

extension ResultTable {
    /// The standard limits table: columns `scenario, detector, threshold_mev, events,
    /// norm_sigma, model, interference, mediator_mass_mev, statistic, limit_method, parameter, limit`
    /// (Markdown header of the limit: "90 % CL limit" for `cl` = 0.90), and `status` when asked.
    /// When some row fits backgrounds, also `backgrounds`, `background_events` (above threshold),
    /// `live_time_years` and `live_time` (`implied by N events` or `exposure`: docs/physics.md §8.6).
    /// When some row profiles systematics, also `systematics` (docs/physics.md §16).
    public static func limits(_ rows: [LimitRow], cl: Double, title: String? = nil, status: Bool = false) throws(StudyError) -> ResultTable {
        let withBackgrounds = rows.contains { $0.backgrounds != nil }
        let withSystematics = rows.contains { $0.systematics != nil }
        let percent = NumberFormatting.significant(cl * 100, digits: 3)
            .replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        var table = try ResultTable(title: title, columns: [
            .init("scenario", title: "Scenario"),
            .init("detector", title: "Detector"),
            .init("threshold_mev", title: "Threshold", unit: "MeV", digits: 2),
            .init("events", title: "SM events", digits: 3),
            .init("norm_sigma", title: "σ_norm", digits: 2),
            .init("model", title: "Model"),
            .init("interference", title: "Interference"),
            .init("mediator_mass_mev", title: "M", unit: "MeV", digits: 3),
            .init("statistic", title: "Statistic"),
            .init("limit_method", title: "Limit"),
            .init("parameter", title: "Parameter"),
            .init("limit", title: "\(percent) % CL limit", digits: 3),
        ] + (withBackgrounds ? [
            .init("backgrounds", title: "Backgrounds"), .init("background_events", title: "Background events", digits: 3),
            .init("live_time_years", title: "Live time", unit: "yr", digits: 3), .init("live_time", title: "Live time from"),
        ] : []) + (withSystematics ? [.init("systematics", title: "Systematics")] : [])
            + (status ? [.init("status", title: "Status")] : []))
        for r in rows {
            try table.append([
                .text(r.scenario), .text(r.detector), .number(r.thresholdMeV), .number(r.events), .number(r.normSigma),
                .text(r.model.kind.rawValue), r.model.interferenceLabel.map(Cell.text) ?? .missing,
                r.model.kind == .lightVector ? .number(r.model.mediatorMassMeV) : .missing,
                .text(r.statistic.rawValue), .text(r.limitMethod.rawValue), .text(r.model.parameter.header),
                r.limit.map(Cell.number) ?? .missing,
            ] + (withBackgrounds ? backgroundCells(r.backgrounds) : []) + (withSystematics ? [.text(r.systematics ?? "none")] : [])
                + (status ? [.text(r.status)] : []))
        }
        return table
    }

    /// The four background cells of a limits row (`none` and empty cells without backgrounds).
    static func backgroundCells(_ b: LimitRow.Backgrounds?) -> [Cell] {
        guard let b else { return [.text("none"), .missing, .missing, .missing] }
        return [.text(b.label), b.events.map(Cell.number) ?? .missing, b.liveTimeYears.map(Cell.number) ?? .missing,
                b.impliedByEventCount.map { .text($0 ? "implied by N events" : "exposure") } ?? .missing]
    }
}
