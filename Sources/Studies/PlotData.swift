import Statistics

/// Builders for the plot data files read by `macros/plot.py`. Each returns a `ResultTable`
/// whose CSV header is exactly the schema in `macros/README.md`; write it with
/// `OutputDirectory.writeData(_:name:)` under the file name `<kind>_<tag>` given here.
/// Parameters are named `mu_nu` (κ = μν/μ_B) or `g`; energies in MeV.
public enum PlotData {
    /// File-name prefixes (the script dispatches on them).
    public enum Kind: String, CaseIterable, Sendable {
        case spectrum, deltaChi2 = "delta_chi2", toyLimits = "toy_limits", coverage
        case exclusion = "exclusion_gm", scan
        /// Stacked spectra: signal, backgrounds and the new-physics excess (`PlotData.stack`).
        case stack, impacts
    }

    /// `<kind>_<tag>` with the tag reduced to `[A-Za-z0-9_-]` (other characters → `-`).
    public static func fileName(_ kind: Kind, tag: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
        let clean = String(tag.map { allowed.contains($0) ? $0 : "-" })
        return "\(kind.rawValue)_\(clean)"
    }

    /// `spectrum_*.csv`: `t_low_mev,t_high_mev,component,events` — expected events per bin of
    /// each component ("SM", "SM + mu_nu=3e-11", …), one row per bin and component.
    public static func spectrum(binEdges: [Double], components: [(name: String, events: [Double])]) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("t_low_mev", unit: "MeV"), .init("t_high_mev", unit: "MeV"),
                                              .init("component"), .init("events")])
        for component in components {
            guard component.events.count == binEdges.count - 1 else {
                throw .lengthMismatch(what: "spectrum component '\(component.name)'", expected: binEdges.count - 1, got: component.events.count)
            }
            for (i, events) in component.events.enumerated() {
                try table.append([.number(binEdges[i]), .number(binEdges[i + 1]), .text(component.name), .number(events)])
            }
        }
        return table
    }

    /// `delta_chi2_*.csv`: `parameter,value,delta_chi2,critical,curve` — Δχ² (profiled) vs the
    /// parameter value (κ for mu_nu, g for g) for each curve, with the critical value.
    public static func deltaChi2(parameter: String, curves: [PlotCurve], critical: Double) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("parameter"), .init("value"), .init("delta_chi2"),
                                              .init("critical"), .init("curve")])
        for curve in curves {
            try check(curve)
            for (x, y) in zip(curve.x, curve.y) {
                try table.append([.text(parameter), .number(x), .number(y), .number(critical), .text(curve.name)])
            }
        }
        return table
    }

    /// `toy_limits_*.csv`: `parameter,toy,limit,asimov,ts_minus2,ts_minus1,ts_median,ts_plus1,ts_plus2`
    /// — one row per toy (failed fits: empty limit); the script computes the per-toy-limit
    /// median and 68 %/95 % bands (convention `limit_quantiles`) itself. The `ts_*` columns,
    /// the same on every row (empty when not computed), are the other convention
    /// (`test_statistic_quantiles`, pyhf/RooStats, CLs+b; `ToyExpectedBand`): the expected
    /// limits at −2σ…+2σ from b-only quantiles of q̃.
    public static func toyLimits(parameter: String, limits: [Double?], asimov: Double,
                                 testStatisticBand: ExpectedBand? = nil) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("parameter"), .init("toy"), .init("limit"), .init("asimov"),
                                              .init("ts_minus2"), .init("ts_minus1"), .init("ts_median"),
                                              .init("ts_plus1"), .init("ts_plus2")])
        let ts: [ResultTable.Cell] = testStatisticBand.map { b in
            [b.minus2, b.minus1, b.median, b.plus1, b.plus2].map { $0.isFinite ? ResultTable.Cell.number($0) : .missing }
        } ?? Array(repeating: .missing, count: 5)
        for (i, limit) in limits.enumerated() {
            try table.append([.text(parameter), .integer(i), limit.map(ResultTable.Cell.number) ?? .missing, .number(asimov)] + ts)
        }
        return table
    }

    /// One point of a coverage study.
    public struct CoveragePoint: Equatable, Sendable {
        public var method: String
        public var parameter: String
        public var trueValue: Double
        public var toys: Int
        public var covered: Int
        /// Nominal coverage (the CL).
        public var nominal: Double

        public init(method: String, parameter: String, trueValue: Double, toys: Int, covered: Int, nominal: Double) {
            self.method = method
            self.parameter = parameter
            self.trueValue = trueValue
            self.toys = toys
            self.covered = covered
            self.nominal = nominal
        }
    }

    /// `coverage_*.csv`: `method,parameter,true_value,toys,covered,coverage,nominal`; the script
    /// draws binomial errors √(p(1−p)/toys).
    public static func coverage(_ points: [CoveragePoint]) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("method"), .init("parameter"), .init("true_value"), .init("toys"),
                                              .init("covered"), .init("coverage"), .init("nominal")])
        for p in points {
            let fraction = p.toys > 0 ? Double(p.covered) / Double(p.toys) : .nan
            try table.append([.text(p.method), .text(p.parameter), .number(p.trueValue), .integer(p.toys),
                              .integer(p.covered), .number(fraction), .number(p.nominal)])
        }
        return table
    }

    /// `exclusion_gm_*.csv`: `mass_mev,g_limit,curve` — the g limit vs mediator mass M (MeV).
    public static func gmExclusion(_ curves: [PlotCurve]) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("mass_mev", unit: "MeV"), .init("g_limit"), .init("curve")])
        for curve in curves {
            try check(curve)
            for (m, g) in zip(curve.x, curve.y) { try table.append([.number(m), .number(g), .text(curve.name)]) }
        }
        return table
    }

    /// `scan_*.csv`: `scan,x,parameter,limit,curve` — a limit (or precision) vs a scanned
    /// quantity `scan` (`threshold_mev`, `norm_sigma`, `sin2_theta_w`, `exposure_events`, …).
    public static func scan(_ scan: String, parameter: String, curves: [PlotCurve]) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("scan"), .init("x"), .init("parameter"), .init("limit"), .init("curve")])
        for curve in curves {
            try check(curve)
            for (x, y) in zip(curve.x, curve.y) {
                try table.append([.text(scan), .number(x), .text(parameter), .number(y), .text(curve.name)])
            }
        }
        return table
    }

    private static func check(_ curve: PlotCurve) throws(StudyError) {
        guard curve.x.count == curve.y.count else {
            throw .lengthMismatch(what: "curve '\(curve.name)'", expected: curve.x.count, got: curve.y.count)
        }
    }
}
