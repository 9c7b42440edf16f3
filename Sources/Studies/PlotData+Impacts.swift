import Physics
import Statistics

extension PlotData {
    /// `impacts_*.csv`: `nuisance,pull,constraint,impact_up,impact_down,theta_sigma,parameter` — per
    /// nuisance its Asimov pull (σ_pre units), post-fit constraint σ_post/σ_pre and the shifts of θ̂
    /// when it is held at x̂ ± σ_post, in units of θ's post-fit σ (`theta_sigma`, fitter units); the
    /// impact plot of `macros/plot.py` ranks them (docs/physics.md §16.6).
    public static func impacts(_ reports: [NuisanceReport], thetaSigma: Double, parameter: QuotedParameter) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("nuisance"), .init("pull"), .init("constraint"), .init("impact_up"),
                                              .init("impact_down"), .init("theta_sigma"), .init("parameter")])
        func cell(_ x: Double) -> ResultTable.Cell { x.isFinite ? .number(x) : .missing }
        for r in reports {
            try table.append([.text(r.name), cell(r.pull), cell(r.constraint), cell(r.impactUp / thetaSigma),
                              cell(r.impactDown / thetaSigma), cell(thetaSigma), .text(parameter.name)])
        }
        return table
    }
}
