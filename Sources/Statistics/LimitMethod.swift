import GSL

/// How an upper limit is defined from the one-sided test statistic q̃_θ (nue's Δχ² on θ = κ² or
/// g², θ ≥ 0): the frequentist CLs+b, or the modified frequentist CLs of Read, J. Phys. G 28,
/// 2693 (2002). The asymptotic p-values are those of Cowan, Cranmer, Gross & Vitells, EPJC 71,
/// 1554 (2011), eq. 65–66, as pyhf's `AsymptoticCalculator` evaluates them (`docs/statistics.md`,
/// "CLs and CLs+b"):
///
///     CLs+b(θ) = p_θ     = 1 − Φ(√q̃_θ)
///     CLb(θ)   = 1 − p_b = Φ(√q_θ,A − √q̃_θ)
///     CLs(θ)   = CLs+b / CLb
///
/// (branch q̃_θ ≤ q_θ,A, which holds on the Asimov data; q_θ,A is q̃_θ on the background-only
/// Asimov data). The limit at confidence level CL is where the chosen p-value equals α = 1 − CL.
public enum LimitMethod: String, Sendable, CaseIterable, Codable {
    /// Limit where p_θ = α: Δχ² = Φ⁻¹(CL)² on the Asimov data (nue's default).
    case clsb
    /// Limit where CLs = α: more conservative; Δχ² = Φ⁻¹(1 − α/2)² on the Asimov data.
    case cls

    /// The label used in tables and JSON: `CLs+b` or `CLs`.
    public var label: String {
        switch self {
        case .clsb: "CLs+b"
        case .cls: "CLs"
        }
    }

    /// The asymptotic p-value of the method (CLs+b or CLs) for an observed q̃_θ and the Asimov
    /// q_θ,A (both ≥ 0), Cowan et al. eq. 65–66 in pyhf's form:
    /// t = √q̃ − √q_A for q̃ ≤ q_A, else (q̃ − q_A)/(2√q_A); CLs+b = Φ(−(t + √q_A)), CLb = Φ(−t).
    public func pValue(observed q: Double, asimov qA: Double) -> Double {
        let rootA = max(qA, 0).squareRoot()
        let root = max(q, 0).squareRoot()
        let t = root <= rootA || rootA == 0 ? root - rootA : (q - qA) / (2 * rootA)
        let clsb = 1 - Distributions.normalCDF(t + rootA)
        switch self {
        case .clsb: return clsb
        case .cls:
            let clb = 1 - Distributions.normalCDF(t)
            return clb > 0 ? clsb / clb : 1
        }
    }

    /// The critical value of Δχ² (q̃_θ) that gives the limit on the background-only Asimov data
    /// set (q̃_θ = q_θ,A, so CLb = Φ(0) = ½):
    /// - CLs+b: 1 − Φ(√q) = α ⇒ q = Φ⁻¹(CL)² (1.6424 at 90 %),
    /// - CLs: 2 (1 − Φ(√q)) = α ⇒ q = Φ⁻¹(1 − α/2)² = Φ⁻¹((1 + CL)/2)² (2.7055 at 90 %).
    /// - Throws: `StatisticsError` for CL outside (0.5, 1).
    public func asimovCriticalValue(confidenceLevel cl: Double) throws(StatisticsError) -> Double {
        switch self {
        case .clsb: return try CriticalValue.oneSided(confidenceLevel: cl)
        case .cls: return try CriticalValue.oneSidedCLs(confidenceLevel: cl)
        }
    }
}
