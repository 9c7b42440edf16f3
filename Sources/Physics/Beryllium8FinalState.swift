import Foundation
import GSL

/// The distribution ρ(E_x) of ⁸Be excitation energies fed by ⁸Li β⁻ decay (and by its mirror,
/// ⁸B β⁺): the broad 2⁺ level at E_x ≈ 3.03 MeV (Γ ≈ 1.513 MeV; Tilley et al., Nucl. Phys. A745,
/// 155, 2004) that breaks up into two α particles. E_x is measured from the ⁸Be ground state,
/// which lies 91.84 keV above the α + α threshold.
public enum Beryllium8FinalState: Sendable, Equatable {
    /// A sharp level at `excitation` MeV (the crude model: ⟨E_ν̄⟩ too high).
    case sharp(excitation: Double)
    /// A single-level Breit–Wigner with the energy-dependent width of an ℓ = 2 α–α resonance
    /// (Lane & Thomas, Rev. Mod. Phys. 30, 257, 1958, §XII):
    ///
    ///     ρ(E) ∝ Γ(E) / [(E − E_r)² + Γ(E)²/4],   Γ(E) = Γ_r P₂(E)/P₂(E_r),   P_ℓ = ka/(F_ℓ² + G_ℓ²)
    ///
    /// with E the α–α c.m. energy, F, G the Coulomb wave functions (GSL), a the channel radius.
    case resonance(excitation: Double, width: Double, channelRadiusFm: Double)
    /// The strength unfolded from the measured ⁸B neutrino spectrum (`Beryllium8Strength`).
    case measured(Beryllium8Strength)

    /// The default: E_x = 3.03 MeV, Γ = 1.513 MeV, a = 4.5 fm (Barker, Aust. J. Phys. 42, 25, 1989).
    public static let standard = Beryllium8FinalState.resonance(excitation: 3.03, width: 1.513, channelRadiusFm: 4.5)

    /// The ⁸Be ground state above the α + α threshold, MeV.
    public static let groundStateAboveAlphaThreshold = 0.09184

    /// The lowest excitation energy fed, MeV (the α + α threshold for a resonance).
    public var minimumExcitation: Double {
        switch self {
        case .sharp(let ex): ex
        case .resonance: -Self.groundStateAboveAlphaThreshold
        case .measured(let s): s.excitationsMeV.first ?? -Self.groundStateAboveAlphaThreshold
        }
    }

    /// ℓ = 2 α–α penetrability P₂ at c.m. energy `e` MeV for channel radius `a` fm.
    public static func alphaAlphaPenetrability(energy e: Double, channelRadiusFm a: Double) throws -> Double {
        guard e > 0 else { return 0 }
        let mu = PhysicalConstants.alphaMass / 2
        let k = (2 * mu * e).squareRoot() / PhysicalConstants.hbarC
        let rho = k * a
        let eta = 4 * PhysicalConstants.fineStructure * (mu / (2 * e)).squareRoot()
        let (f, g) = try SpecialFunctions.coulombWave(L: 2, eta: eta, rho: rho)
        return rho / (f * f + g * g)
    }

    /// The unnormalized density at excitation `ex` (MeV) for the resonance model.
    public func density(excitation ex: Double) throws -> Double {
        switch self {
        case .sharp, .measured: return 0
        case let .resonance(exR, width, a):
            let e = ex + Self.groundStateAboveAlphaThreshold
            let er = exR + Self.groundStateAboveAlphaThreshold
            guard e > 0 else { return 0 }
            let gamma = width * (try Self.alphaAlphaPenetrability(energy: e, channelRadiusFm: a))
                / (try Self.alphaAlphaPenetrability(energy: er, channelRadiusFm: a))
            return gamma / ((e - er) * (e - er) + gamma * gamma / 4)
        }
    }

    /// A short description for spectrum names.
    public var label: String {
        switch self {
        case .sharp(let ex): "sharp 8Be level at \(ex) MeV"
        case .resonance: "8Be 2+ resonance, energy-dependent width"
        case .measured: "8Be final state unfolded from the measured 8B spectrum, Winter et al. 2006"
        }
    }

    /// The neutrino spectrum (unnormalized weights at `energies`) of a decay whose allowed shape
    /// to one level is `shape`, folded over this final state: one level (sharp), the strengths
    /// (measured), or ρ(E_x) by Simpson's rule on 4000 intervals up to `qValue` (resonance).
    func fold(_ shape: AllowedBetaShape, energies: [Double]) throws -> [Double] {
        switch self {
        case .sharp(let ex):
            return energies.map { shape(neutrinoEnergy: $0, excitation: ex) }
        case .measured(let strength):
            return energies.map { e in
                zip(strength.excitationsMeV, strength.strength).reduce(0) { $0 + $1.1 * shape(neutrinoEnergy: e, excitation: $1.0) }
            }
        case .resonance:
            let low = minimumExcitation, n = 4000
            let h = (shape.qValueMeV - low) / Double(n)
            let rho = try (0...n).map { try density(excitation: low + Double($0) * h) }
            return energies.map { e in
                var sum = 0.0
                for k in 0...n {
                    let simpson: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
                    sum += simpson * rho[k] * shape(neutrinoEnergy: e, excitation: low + Double(k) * h)
                }
                return sum * h / 3
            }
        }
    }
}
