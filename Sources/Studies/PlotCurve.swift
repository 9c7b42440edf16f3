/// One labelled curve y(x) for a plot data file.
public struct PlotCurve: Equatable, Sendable {
    /// Legend label (also the `curve` or `component` column).
    public var name: String
    public var x: [Double]
    public var y: [Double]

    public init(name: String, x: [Double], y: [Double]) {
        self.name = name
        self.x = x
        self.y = y
    }
}
