import GSL

/// Median and ±1σ, ±2σ quantiles of the distribution of upper limits (on θ), from toys or
/// from the asymptotic formulas.
public struct ExpectedBand: Sendable, Equatable, Codable {
    public var minus2: Double
    public var minus1: Double
    public var median: Double
    public var plus1: Double
    public var plus2: Double

    public init(minus2: Double, minus1: Double, median: Double, plus1: Double, plus2: Double) {
        self.minus2 = minus2
        self.minus1 = minus1
        self.median = median
        self.plus1 = plus1
        self.plus2 = plus2
    }

    /// The band mapped through a monotone function (√ to quote κ or g from θ).
    public func map(_ transform: (Double) -> Double) -> ExpectedBand {
        ExpectedBand(minus2: transform(minus2), minus1: transform(minus1), median: transform(median),
                     plus1: transform(plus1), plus2: transform(plus2))
    }

    /// The asymptotic band of Cowan et al., EPJC 71, 1554 (2011), eq. 89–90:
    /// θ_up+N = σ (Φ⁻¹(CL) + N), clipped at 0, with σ = θ_med / Φ⁻¹(CL) from the Asimov limit
    /// θ_med (q_A(θ_med) = θ_med²/σ² = Φ⁻¹(CL)²).
    public static func asymptotic(asimovLimit: Double, criticalValue: Double) -> ExpectedBand {
        let z = criticalValue.squareRoot()
        let sigma = asimovLimit / z
        func edge(_ n: Double) -> Double { max(0, sigma * (z + n)) }
        return ExpectedBand(minus2: edge(-2), minus1: edge(-1), median: asimovLimit, plus1: edge(1), plus2: edge(2))
    }

    /// The asymptotic band of CLs limits (Cowan et al., EPJC 71, 1554 (2011), eq. 65–66 with
    /// θ̂ = N σ): CLs = [1 − Φ(θ/σ − N)]/Φ(N) = α gives θ_up+N = σ (N + Φ⁻¹(1 − α Φ(N))), with
    /// σ = θ_med / Φ⁻¹(1 − α/2) from the Asimov CLs limit θ_med (α = 1 − CL). Never negative.
    public static func asymptoticCLs(asimovLimit: Double, confidenceLevel cl: Double) -> ExpectedBand {
        let alpha = 1 - cl
        let sigma = asimovLimit / Distributions.normalQuantile(1 - alpha / 2)
        func edge(_ n: Double) -> Double {
            max(0, sigma * (n + Distributions.normalQuantile(1 - alpha * Distributions.normalCDF(n))))
        }
        return ExpectedBand(minus2: edge(-2), minus1: edge(-1), median: asimovLimit, plus1: edge(1), plus2: edge(2))
    }
}
