/// The parameter a new-physics limit is quoted in. The fitter varies its square θ (the rate is
/// polynomial in θ, docs/physics.md §2–3) and quotes √θ.
public enum QuotedParameter: String, CaseIterable, Codable, Sendable {
    /// κ = μν/μ_B (dimensionless; the moment in Bohr magnetons). Fit parameter κ².
    case muNu = "mu_nu"
    /// Universal Z′ coupling g (dimensionless). Fit parameter g².
    case g

    /// The name in JSON, CSV and toy files: `mu_nu` or `g`.
    public var name: String { rawValue }

    /// The symbol in prose and plots: `μν` or `g`.
    public var symbol: String {
        switch self {
        case .muNu: "μν"
        case .g: "g"
        }
    }

    /// Column header with the unit: `μν [μ_B]` or `g`.
    public var header: String {
        switch self {
        case .muNu: "μν [μ_B]"
        case .g: "g"
        }
    }

    /// The fit parameter's symbol: `κ²` or `g²`.
    public var fitParameterSymbol: String {
        switch self {
        case .muNu: "κ²"
        case .g: "g²"
        }
    }
}
