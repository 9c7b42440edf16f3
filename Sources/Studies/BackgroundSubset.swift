import Simulation

/// Which of a scenario's background components one fit of the `background-breakdown` analysis
/// keeps (docs/physics.md §8.11): none (the idealized, background-free row), all of them, all but
/// one component or group ("drop-one"), or one component or group alone.
///
/// Groups (`Group`) gather the catalogue's solar components, the radioactivity and the cosmogenic
/// decays; a group is offered only when at least two of its members are in the scenario. Every
/// subset keeps the scenario's templates as they are (same exposure, same σ_j): only the list of
/// fitted components changes, so "all but X" with X the only component is the background-free fit.
struct BackgroundSubset: Sendable, Equatable {
    enum Kind: String, Sendable {
        case none, all, without, only
    }

    /// A named set of catalogue components (`BackgroundCatalog`).
    enum Group: String, CaseIterable, Sendable {
        case solar = "solar ν"
        case radioactivity
        case cosmogenic

        /// The catalogue names of the group, in preset order.
        var members: [String] {
            switch self {
            case .solar: BackgroundCatalog.solarNames
            case .radioactivity: BackgroundCatalog.decayNames.filter { !Self.cosmogenicNames.contains($0) }
            case .cosmogenic: Self.cosmogenicNames
            }
        }

        /// The cosmogenic decay components (docs/physics.md §8.1).
        static let cosmogenicNames = ["c11", "c10", "li8", "he8-li9", "b12"]
    }

    let kind: Kind
    /// The component or group left out (`without`) or kept alone (`only`); nil for none and all.
    let subject: String?
    /// Whether `subject` is a group.
    let isGroup: Bool
    /// The components `subject` stands for (one name for a component; empty for none and all).
    let members: [String]

    static let none = BackgroundSubset(kind: .none, subject: nil, isGroup: false, members: [])
    static let all = BackgroundSubset(kind: .all, subject: nil, isGroup: false, members: [])

    /// The fitted templates: none, all, all but `members`, or `members` alone (in the scenario's order).
    func select(_ templates: [BackgroundTemplate]) -> [BackgroundTemplate] {
        switch kind {
        case .none: []
        case .all: templates
        case .without: templates.filter { !members.contains($0.name) }
        case .only: templates.filter { members.contains($0.name) }
        }
    }

    /// `none`, `all`, `without tl208`, `only group solar ν`.
    var label: String { subject.map { "\(kind.rawValue) \(isGroup ? "group " : "")\($0)" } ?? kind.rawValue }

    /// The subsets of a scenario with components `names` (in order): none, all, without each
    /// component, without each group, only each component, only each group (`only` left out when
    /// `includeOnly` is false).
    static func breakdown(of names: [String], includeOnly: Bool = true) -> [BackgroundSubset] {
        let groups = Group.allCases.compactMap { group -> (Group, [String])? in
            let present = group.members.filter(names.contains)
            return present.count >= 2 ? (group, present) : nil
        }
        func subsets(_ kind: Kind) -> [BackgroundSubset] {
            names.map { BackgroundSubset(kind: kind, subject: $0, isGroup: false, members: [$0]) }
                + groups.map { BackgroundSubset(kind: kind, subject: $0.0.rawValue, isGroup: true, members: $0.1) }
        }
        return [.none, .all] + subsets(.without) + (includeOnly ? subsets(.only) : [])
    }
}
