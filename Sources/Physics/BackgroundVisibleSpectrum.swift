import Foundation
import GSL

/// The visible-energy distribution of a background made of β continua and monoenergetic lines
/// (docs/physics.md §14.3):
///
///     ρ(E) = π_β ρ_β(E) + Σ_l π_l δ(E − E_l),     E_l = E_local,l + c E_γ,l
///
/// ρ_β is the normalized `VisibleEnergySpectrum` of the β components (E_vis = T + c E_γ, the
/// annihilation 2 m_e of β⁺ branches included in E_γ), π_β its share of the weight, π_l the line
/// probabilities and c the γ containment. With no line this is `VisibleEnergySpectrum`; with no β
/// component, a sum of lines (²¹⁰Po α, ⁴⁰Ar(n,γ)).
///
/// Smeared quantities fold a Gaussian response σ(E) (MeV): the continuum as in
/// `VisibleEnergySpectrum+Smearing`, each line analytically, π_l [Φ((hi − E_l)/σ(E_l)) −
/// Φ((lo − E_l)/σ(E_l))] (a step where σ = 0). Plain (untruncated) Gaussian, like
/// `VisibleEnergySpectrum`.
public struct BackgroundVisibleSpectrum: Sendable {
    /// One line at its visible energy.
    public struct Line: Sendable, Equatable {
        public let name: String
        /// E_local + c E_γ, MeV.
        public let visibleEnergy: Double
        /// π_l, dimensionless.
        public let probability: Double
    }

    /// The β continuum (normalized), nil when there is no β component with positive weight.
    public let continuum: VisibleEnergySpectrum?
    /// π_β: the probability that a decay is a β channel.
    public let continuumProbability: Double
    /// The lines with positive probability.
    public let lines: [Line]
    /// γ containment c ∈ [0, 1].
    public let gammaContainment: Double

    /// - Parameters:
    ///   - betaComponents, lineComponents: weights finite and ≥ 0, their total positive.
    ///   - gammaContainment: in [0, 1].
    ///   - panelsPerComponent: the continuum's quadrature grid (`VisibleEnergySpectrum`), ≥ 16.
    public init(betaComponents: [BetaComponent] = [], lineComponents: [LineComponent] = [],
                gammaContainment: Double = 1, panelsPerComponent: Int = 1024) throws {
        guard gammaContainment.isFinite, gammaContainment >= 0, gammaContainment <= 1 else {
            throw PhysicsInputError.invalidParameter(name: "gamma containment", value: gammaContainment,
                                                     requirement: "must be a fraction in [0, 1]")
        }
        let weights = betaComponents.map(\.weight) + lineComponents.map(\.weight)
        for w in weights where !(w.isFinite && w >= 0) {
            throw PhysicsInputError.invalidParameter(name: "component weight", value: w, requirement: "must be finite and ≥ 0")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else {
            throw PhysicsInputError.invalidParameter(name: "total component weight", value: total, requirement: "must be positive")
        }
        let betaWeight = betaComponents.reduce(0) { $0 + $1.weight }
        self.continuum = betaWeight > 0
            ? try VisibleEnergySpectrum(components: betaComponents, gammaContainment: gammaContainment,
                                        panelsPerComponent: panelsPerComponent)
            : nil
        self.continuumProbability = betaWeight / total
        self.lines = lineComponents.filter { $0.weight > 0 }.map {
            Line(name: $0.line.name, visibleEnergy: $0.line.visibleEnergy(gammaContainment: gammaContainment),
                 probability: $0.weight / total)
        }
        self.gammaContainment = gammaContainment
    }

    /// The continuous part of the density at visible energy `e` (MeV), per MeV: π_β ρ_β(E). The
    /// lines are δ functions (`lines`); ∫ density + Σ π_l = 1.
    public func density(visibleEnergy e: Double) -> Double {
        guard let continuum else { return 0 }
        return continuumProbability * continuum.density(visibleEnergy: e)
    }

    /// ⟨E_vis⟩ = π_β ⟨E⟩_β + Σ π_l E_l, MeV.
    public func meanVisibleEnergy() throws -> Double {
        let beta = try continuum.map { try continuumProbability * $0.meanVisibleEnergy() } ?? 0
        return beta + lines.reduce(0) { $0 + $1.probability * $1.visibleEnergy }
    }

    /// Largest visible energy (continuum endpoint or highest line), MeV.
    public var maximumVisibleEnergy: Double {
        Swift.max(continuum?.maximumVisibleEnergy ?? 0, lines.map(\.visibleEnergy).max() ?? 0)
    }

    /// P(lo < E_vis ≤ hi) without smearing (energies in MeV; `hi` may be +∞): the continuum's
    /// exact fraction plus the lines inside.
    public func fraction(from lo: Double, to hi: Double = .infinity) throws -> Double {
        guard hi > lo else { return 0 }
        let beta = try continuum.map { try continuumProbability * $0.fraction(from: lo, to: hi) } ?? 0
        return beta + lines.reduce(0) { $0 + (($1.visibleEnergy > lo && $1.visibleEnergy <= hi) ? $1.probability : 0) }
    }

    /// P(E_vis > threshold) without smearing, threshold in MeV.
    public func fraction(above threshold: Double) throws -> Double { try fraction(from: threshold) }

    /// P(lo < E_reco ≤ hi) for a Gaussian response of width σ(E_vis) (MeV); see
    /// `VisibleEnergySpectrum.smearedFraction(from:to:resolution:)` for the continuum's numerics.
    public func smearedFraction(from lo: Double, to hi: Double = .infinity,
                                resolution sigma: @escaping (Double) -> Double) throws -> Double {
        guard hi > lo else { return 0 }
        let beta = try continuum.map { try continuumProbability * $0.smearedFraction(from: lo, to: hi, resolution: sigma) } ?? 0
        var sum = beta
        for l in lines {
            sum += l.probability * VisibleEnergySpectrum.window(l.visibleEnergy, lo, hi, try Self.checkedSigma(sigma, at: l.visibleEnergy))
        }
        return sum
    }

    /// P(E_reco > threshold) for Gaussian smearing σ(E) (MeV).
    public func smearedFraction(above threshold: Double, resolution sigma: @escaping (Double) -> Double) throws -> Double {
        try smearedFraction(from: threshold, to: .infinity, resolution: sigma)
    }

    /// Probabilities of the reconstructed energy falling in each bin (edges[i], edges[i+1]] (MeV)
    /// for a Gaussian response σ(E) (MeV): the continuum's
    /// `VisibleEnergySpectrum.smearedBinFractions(edges:resolution:)` times π_β plus each line's
    /// Gaussian window. Expected counts per bin are N_decays × P_i.
    /// - Parameter edges: at least 2, strictly increasing, finite.
    public func smearedBinFractions(edges: [Double], resolution sigma: @escaping (Double) -> Double) throws -> [Double] {
        try PhysicsInputError.checkBinEdges(edges)
        var fractions = try continuum.map {
            try $0.smearedBinFractions(edges: edges, resolution: sigma).map { continuumProbability * $0 }
        } ?? [Double](repeating: 0, count: edges.count - 1)
        for l in lines {
            let s = try Self.checkedSigma(sigma, at: l.visibleEnergy)
            for i in 0..<(edges.count - 1) {
                fractions[i] += l.probability * VisibleEnergySpectrum.window(l.visibleEnergy, edges[i], edges[i + 1], s)
            }
        }
        return fractions
    }

    static func checkedSigma(_ sigma: (Double) -> Double, at e: Double) throws -> Double {
        let s = sigma(e)
        guard s.isFinite, s >= 0 else {
            throw PhysicsInputError.invalidParameter(name: "resolution σ(E = \(e) MeV)", value: s,
                                                     requirement: "must be finite and ≥ 0 MeV")
        }
        return s
    }
}
