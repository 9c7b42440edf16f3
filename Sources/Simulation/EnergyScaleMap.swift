import Foundation

/// The map from a true deposited (electron-equivalent visible) energy E to the mean visible
/// energy the detector reconstructs before smearing, for the energy-scale and non-linearity
/// systematics (docs/physics.md §16.1):
///
///     E' = f(E) = (1 + α) · E · [1 + β (E − E₀)/E₀]      (MeV)
///
/// α: the relative energy scale at the pivot E₀ (f(E₀) = (1 + α) E₀); β: the linear change of
/// the relative scale f(E)/E per E₀ of energy (f(E)/E = (1 + α)(1 + β(E − E₀)/E₀)), the
/// first-order term of a residual non-linearity around E₀ (the role of the Birks/Cherenkov
/// residuals of KamLAND, Borexino and JUNO calibrations, docs/physics.md §16.4). The nominal map
/// is the identity (α = β = 0); `isIdentity` lets the folding skip it so that nominal results are
/// bit-identical to the code without the map.
///
/// Valid where f increases: f'(E) = (1 + α)[1 + β(2E − E₀)/E₀] > 0 for 0 ≤ E ≤ `maximumEnergyMeV`
/// (checked by `SystematicShift`).
public struct EnergyScaleMap: Sendable, Equatable, Codable {
    /// α, dimensionless (0.01 = +1 %).
    public let scale: Double
    /// β, dimensionless per E₀ of energy.
    public let nonLinearity: Double
    /// E₀, MeV (> 0).
    public let pivotMeV: Double

    /// The energy up to which f must increase, MeV (covers the ⁸Li endpoint, 16 MeV, and every
    /// background of docs/physics.md §8 and §14).
    public static let maximumEnergyMeV = 30.0
    /// The default pivot E₀, MeV: mid-range of the signal's visible energies (1–15 MeV); an
    /// assumption (docs/physics.md §16.1).
    public static let defaultPivotMeV = 5.0

    public static let identity = EnergyScaleMap(scale: 0, nonLinearity: 0, pivotMeV: defaultPivotMeV)

    /// Unvalidated; `SystematicShift` validates before building one.
    public init(scale: Double, nonLinearity: Double, pivotMeV: Double = defaultPivotMeV) {
        self.scale = scale
        self.nonLinearity = nonLinearity
        self.pivotMeV = pivotMeV
    }

    /// α = β = 0: f(E) = E.
    @inlinable
    public var isIdentity: Bool { scale == 0 && nonLinearity == 0 }

    /// f(E), MeV.
    @inlinable
    public func callAsFunction(_ e: Double) -> Double {
        (1 + scale) * e * (1 + nonLinearity * (e - pivotMeV) / pivotMeV)
    }

    /// df/dE (dimensionless).
    @inlinable
    public func derivative(_ e: Double) -> Double {
        (1 + scale) * (1 + nonLinearity * (2 * e - pivotMeV) / pivotMeV)
    }

    /// f⁻¹(y), MeV, for y ≥ 0: the root E ≥ 0 of (1 + α)β/E₀ · E² + (1 + α)(1 − β) E − y = 0 in the
    /// cancellation-free form E = 2y / (b + √(b² + 4 a y)), a = (1 + α)β/E₀, b = (1 + α)(1 − β)
    /// (y/b for β = 0); y itself for the identity.
    @inlinable
    public func inverse(_ y: Double) -> Double {
        if isIdentity { return y }
        let a = (1 + scale) * nonLinearity / pivotMeV
        let b = (1 + scale) * (1 - nonLinearity)
        if a == 0 { return y / b }
        let disc = b * b + 4 * a * y
        return disc > 0 ? 2 * y / (b + disc.squareRoot()) : -b / (2 * a)
    }

    /// Whether f increases on [0, `maximumEnergyMeV`] (f' is linear in E: check both ends).
    public var isIncreasing: Bool {
        derivative(0) > 0 && derivative(Self.maximumEnergyMeV) > 0
    }
}
