import Physics
import Statistics

/// One limit of the `background-breakdown` analysis: a scenario × model × statistic fitted with a
/// subset of its backgrounds (`BackgroundSubset`), docs/physics.md §8.11.
struct BackgroundBreakdownLimit: Sendable {
    /// Index of the scenario in the card.
    let scenario: Int
    let model: NewPhysicsModel
    let statistic: TestStatistic
    let subset: BackgroundSubset
    /// Expected events above threshold of the fitted background components.
    let backgroundEvents: Double
    /// The Asimov limit on κ = μν/μ_B or g; nil when the fit failed.
    let limit: Double?
    /// `ok` or `failed: <why>`.
    let status: String
}
