/// One shape systematic in a pyhf export: the ±1σ counts of every sample (SM, new-physics
/// increment at the exported value, each background in the workspace's order), written as
/// `histosys` modifiers sharing the parameter `syst_<name>`, which pyhf constrains by a standard
/// normal and interpolates with code4p, as nue does (`ShapeSystematic`, docs/physics.md §16.3).
public struct PyhfShapeSystematic: Sendable {
    public var name: String
    public var standardModel: (up: [Double], down: [Double])
    public var newPhysics: (up: [Double], down: [Double])
    public var backgrounds: [(up: [Double], down: [Double])]

    public init(name: String, standardModel: (up: [Double], down: [Double]), newPhysics: (up: [Double], down: [Double]),
                backgrounds: [(up: [Double], down: [Double])]) {
        self.name = name
        self.standardModel = standardModel
        self.newPhysics = newPhysics
        self.backgrounds = backgrounds
    }

    /// The pyhf parameter name.
    public var parameterName: String { "syst_\(name)" }
}
