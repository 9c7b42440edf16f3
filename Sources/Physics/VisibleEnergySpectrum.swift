import Foundation
import GSL

/// The visible-energy distribution of a mixture of β branches in a liquid detector
/// (the fast path of the ⁴²Ar/⁴²K background study):
///
///     E_vis = T_e + c · E_γ,     ρ(E) = Σ_c π_c f_c(E − c E_γ,c)
///
/// with π_c the component probabilities, f_c the normalized electron spectrum of branch c
/// (`BetaBranch.density`) and c ∈ [0, 1] the γ containment (fraction of the prompt γ energy
/// deposited in the liquid; 1 = fully contained, the default). Directions are irrelevant here:
/// see `IsotropicDirection` for the angular cut.
///
/// Exact quantities (density, unsmeared fractions, mean) use the closed-form branch densities and
/// GSL QAG. The Gaussian-smeared fractions (`VisibleEnergySpectrum+Smearing.swift`) fold the
/// detector response analytically (erf) over a fixed composite Gauss–Legendre grid of true
/// energies, precomputed here: `panelsPerComponent` panels of 4 nodes per branch.
public struct VisibleEnergySpectrum: Sendable {
    public let components: [BetaComponent]
    /// π_c = w_c / Σ w.
    public let probabilities: [Double]
    /// γ containment c ∈ [0, 1], dimensionless.
    public let gammaContainment: Double
    public let panelsPerComponent: Int

    /// Per component: visible energies of the quadrature nodes (MeV) and their probability
    /// masses π_c w_k f_c(T_k) h/2 (dimensionless; Σ over everything = 1 to ~10⁻¹²).
    public let nodeEnergies: [Double]
    public let nodeMasses: [Double]
    /// Largest panel width over the components, MeV.
    public let panelWidth: Double

    /// - Parameters:
    ///   - components: at least one, weights ≥ 0 not all zero.
    ///   - gammaContainment: in [0, 1].
    ///   - panelsPerComponent: ≥ 16 (default 1024).
    public init(components: [BetaComponent], gammaContainment: Double = 1, panelsPerComponent: Int = 1024) throws {
        guard gammaContainment.isFinite, gammaContainment >= 0, gammaContainment <= 1 else {
            throw PhysicsInputError.invalidParameter(name: "gamma containment", value: gammaContainment,
                                                     requirement: "must be a fraction in [0, 1]")
        }
        guard !components.isEmpty, panelsPerComponent >= 16 else {
            throw PhysicsInputError.invalidParameter(name: "panels per component", value: Double(panelsPerComponent),
                                                     requirement: "need ≥ 16 panels and at least one component")
        }
        self.components = components
        self.probabilities = try BetaComponent.probabilities(components)
        self.gammaContainment = gammaContainment
        self.panelsPerComponent = panelsPerComponent

        // 4-point Gauss–Legendre on [−1, 1] (Abramowitz & Stegun, Table 25.4).
        let x: [Double] = [-0.861136311594052575, -0.339981043584856265, 0.339981043584856265, 0.861136311594052575]
        let w: [Double] = [0.347854845137453857, 0.652145154862546143, 0.652145154862546143, 0.347854845137453857]
        var energies: [Double] = [], masses: [Double] = []
        var widest = 0.0
        for (c, pi) in zip(components, probabilities) {
            let branch = c.branch
            let h = branch.endpointKineticEnergy / Double(panelsPerComponent)
            widest = Swift.max(widest, h)
            let shift = gammaContainment * branch.gammaEnergy
            for i in 0..<panelsPerComponent {
                let mid = (Double(i) + 0.5) * h
                for k in 0..<4 {
                    let t = mid + 0.5 * h * x[k]
                    energies.append(t + shift)
                    masses.append(pi * 0.5 * h * w[k] * branch.density(kineticEnergy: t))
                }
            }
        }
        self.nodeEnergies = energies
        self.nodeMasses = masses
        self.panelWidth = widest
    }

    /// Largest visible energy, max_c (T₀ + c E_γ), MeV.
    public var maximumVisibleEnergy: Double {
        components.map { $0.branch.endpointKineticEnergy + gammaContainment * $0.branch.gammaEnergy }.max() ?? 0
    }

    /// ρ(E) at visible energy `e` (MeV), per MeV.
    /// Branches whose support [0, T₀) does not hold E − c E_γ are skipped (their term is 0).
    public func density(visibleEnergy e: Double) -> Double {
        var sum = 0.0
        components.withUnsafeBufferPointer { c in
            for i in c.indices {
                let t = e - gammaContainment * c[i].branch.gammaEnergy
                guard t >= 0, t < c[i].branch.endpointKineticEnergy else { continue }
                sum += probabilities[i] * c[i].branch.density(kineticEnergy: t)
            }
        }
        return sum
    }

    /// ⟨E_vis⟩ = Σ_c π_c (⟨T⟩_c + c E_γ,c), MeV.
    public func meanVisibleEnergy() throws -> Double {
        var sum = 0.0
        for (c, pi) in zip(components, probabilities) {
            sum += try pi * (c.branch.meanKineticEnergy() + gammaContainment * c.branch.gammaEnergy)
        }
        return sum
    }

    /// P(lo < E_vis ≤ hi) without smearing (exact: GSL QAG of each branch density), for
    /// energies in MeV; `hi` may be +∞.
    public func fraction(from lo: Double, to hi: Double = .infinity) throws -> Double {
        guard hi > lo else { return 0 }
        var sum = 0.0
        for (c, pi) in zip(components, probabilities) where pi > 0 {
            let shift = gammaContainment * c.branch.gammaEnergy
            let t0 = c.branch.endpointKineticEnergy
            let a = Swift.max(0, lo - shift), b = Swift.min(t0, hi - shift)
            guard b > a else { continue }
            sum += try pi * (a <= 0 && b >= t0 ? 1 : c.branch.integral(of: { _ in 1 }, from: a, to: b))
        }
        return sum
    }

    /// P(E_vis > threshold) without smearing, threshold in MeV.
    public func fraction(above threshold: Double) throws -> Double { try fraction(from: threshold) }
}
