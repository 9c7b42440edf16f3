extension PlotData {
    /// What a component of a stacked spectrum is (`stack_*.csv` column `role`).
    public enum StackRole: String, Sendable {
        /// The SM ν̄e–e signal (stacked on top of the backgrounds).
        case signal
        /// One background component (stacked).
        case background
        /// A new-physics increment over the SM at a limit (drawn alone, not stacked).
        case excess
    }

    /// `stack_*.csv`: `t_low_mev,t_high_mev,component,role,events` — expected events per bin of
    /// reconstructed energy (MeV) over the analysis window of each component: the SM signal
    /// (`signal`), each background (`background`, docs/physics.md §8) and the new-physics increment
    /// at a limit (`excess`, e.g. `mu_nu=1.16e-10`). One row per bin and component.
    public static func stack(binEdges: [Double],
                             components: [(name: String, role: StackRole, events: [Double])]) throws(StudyError) -> ResultTable {
        var table = try ResultTable(columns: [.init("t_low_mev", unit: "MeV"), .init("t_high_mev", unit: "MeV"),
                                              .init("component"), .init("role"), .init("events")])
        for component in components {
            guard component.events.count == binEdges.count - 1 else {
                throw .lengthMismatch(what: "stacked component '\(component.name)'", expected: binEdges.count - 1,
                                      got: component.events.count)
            }
            for (i, events) in component.events.enumerated() {
                try table.append([.number(binEdges[i]), .number(binEdges[i + 1]), .text(component.name),
                                  .text(component.role.rawValue), .number(events)])
            }
        }
        return table
    }
}
