/// A card the study runner cannot execute as written.
public enum StudyRunnerError: Error, CustomStringConvertible, Sendable {
    case argonWithOtherAnalyses

    public var description: String {
        switch self {
        case .argonWithOtherAnalyses:
            "the argon analysis writes its own outputs: put it alone in its card (analyses: [argon])"
        }
    }
}
