import Foundation

/// The ⁸Be final-state strength s(E_x) fed by the A = 8 β decays, determined from data: the
/// measured ⁸B neutrino spectrum of Winter et al., PRC 73, 025503 (2006) (`Boron8MeasuredSpectrum`)
/// is unfolded into non-negative strengths s_j on an E_x grid such that
///
///     λ_⁸B(E_ν) = Σ_j s_j · K_⁸B(E_ν; E_x,j),   K = allowed shape with the β⁺ Fermi function (§4.2)
///
/// by non-negative least squares with the table's 1σ shape uncertainties (floored at the pivot,
/// see `unfold`) as errors and a small curvature penalty μ Σ (s_{j−1} − 2 s_j + s_{j+1})²
/// (Tikhonov). Over four decades of μ (1 to 10⁴) the ⁸Li mean moves by 0.0004 MeV
/// (6.3591–6.3595) and the ⁸B χ² over 1–14 MeV from 0.2 to 8.3 (131 points); μ = 10² gives
/// χ² = 1.2 (every point within 0.44σ) and the table's mean to 3×10⁻⁵. ⁸B (β⁺) and ⁸Li (β⁻) are
/// mirror decays to the same ⁸Be 2⁺ continuum, so the same s(E_x), with each decay's own Q value
/// and Fermi function, gives the ⁸Li spectrum
/// (docs/physics.md §4.5). Strengths are per grid point and include no phase space.
public struct Beryllium8Strength: Sendable, Equatable {
    /// Which ⁸B shape was unfolded: the central one or its ±1σ shifts.
    public enum Shape: String, Sendable, CaseIterable, Codable {
        case central
        case plusOneSigma = "plus-1sigma"
        case minusOneSigma = "minus-1sigma"
    }

    /// E_x grid, MeV above the ⁸Be ground state (from the α + α threshold, −0.09184 MeV).
    public let excitationsMeV: [Double]
    /// s_j ≥ 0 (arbitrary units).
    public let strength: [Double]
    /// χ² of the ⁸B fit over 1–14 MeV with the quoted 1σ uncertainties, and its number of points.
    public let chiSquared: Double
    public let fitPoints: Int
    /// The largest |fit − table| / |δλ| over the same points (every point within this many σ).
    public let largestPull: Double
    /// The mean ν energy of the fitted ⁸B spectrum and of the table, MeV.
    public let fittedMeanMeV: Double
    public let measuredMeanMeV: Double

    /// ⁸B β⁺ kinetic endpoint to the ⁸Be ground state, MeV: M(⁸B) − M(⁸Be) − 2 m_e =
    /// 17.9799 − 1.0220 (AME2020 mass excesses 22921.6 and 4941.67 keV).
    public static let boron8QValue = 16.9579

    /// E_x grid step, MeV.
    static let gridStep = 0.1
    /// The default curvature penalty μ (per 10⁶ of the largest diagonal of the data's normal matrix).
    public static let smoothing = 1e2
    /// The error floor of the fit weights, as a fraction of the mean quoted |δλ| over 1–14 MeV.
    static let pivotFloorFraction = 0.25

    // Each shape unfolded once per process, on first use (most runs need only the central one).
    private static let central = Result { try unfold(.central) }
    private static let plusOneSigma = Result { try unfold(.plusOneSigma) }
    private static let minusOneSigma = Result { try unfold(.minusOneSigma) }

    /// The strength of `shape`, unfolded once per process.
    public static func measured(_ shape: Shape = .central) throws -> Beryllium8Strength {
        switch shape {
        case .central: try central.get()
        case .plusOneSigma: try plusOneSigma.get()
        case .minusOneSigma: try minusOneSigma.get()
        }
    }

    /// Unfolds `shape` of the measured ⁸B spectrum.
    /// - Parameter smoothing: the curvature penalty μ (default `smoothing`; other values for studies of its effect).
    public static func unfold(_ shape: Shape, smoothing: Double = smoothing) throws -> Beryllium8Strength {
        try unfold(sigmaShift: shape == .central ? 0 : (shape == .plusOneSigma ? 1 : -1), smoothing: smoothing)
    }

    /// Unfolds the ⁸B shape λ + s·δλ (the table's signed 1σ shift δλ continued linearly in s, the
    /// way Winter et al. quote it; s = 0, ±1 are `unfold(.central)`, `unfold(.plusOneSigma)`,
    /// `unfold(.minusOneSigma)`), for the source-shape systematic (docs/physics.md §16.1).
    /// - Parameter sigmaShift: s, finite, |s| ≤ 5.
    public static func unfold(sigmaShift sign: Double, smoothing: Double = smoothing) throws -> Beryllium8Strength {
        guard sign.isFinite, abs(sign) <= 5 else {
            throw PhysicsInputError.invalidParameter(name: "⁸B shape shift s (units of its 1σ)", value: sign, requirement: "must lie in [−5, 5]")
        }
        let table = Boron8MeasuredSpectrum.self
        let energies = table.energiesMeV
        let lambda = zip(table.intensity, table.oneSigmaShift).map { $0 + sign * $1 }
        let area = trapezoid(energies, lambda)
        let target = lambda.map { $0 / area }
        let sigma = table.oneSigmaShift.map { abs($0) / area }
        // Fit weights: the quoted shift is one correlated stretch of the shape that passes through
        // zero near 6.85 MeV, so |δλ| alone would weight the pivot points 30× the rest. A floor
        // of a quarter of the mean |δλ| over 1–14 MeV is added in quadrature for the fit only;
        // the reported χ² uses the quoted |δλ| (docs/physics.md §4.5.1).
        let inRange = energies.indices.filter { energies[$0] >= 1 && energies[$0] <= 14 }
        let floor = pivotFloorFraction * inRange.map { sigma[$0] }.reduce(0, +) / Double(inRange.count)
        let weightSigma = sigma.map { ($0 * $0 + floor * floor).squareRoot() }
        let kernel = AllowedBetaShape(qValueMeV: boron8QValue,
                                      fermi: FermiFunction(daughterCharge: 4, massNumber: 8, decay: .betaPlus))
        let low = -Beryllium8FinalState.groundStateAboveAlphaThreshold
        let excitations = stride(from: low, to: boron8QValue, by: gridStep).map { $0 }
        let used = energies.indices.filter { sigma[$0] > 0 && energies[$0] > 0 }
        // Design matrix rows (points with an uncertainty), columns (E_x); weighted by 1/σ.
        let n = excitations.count
        var normal = [Double](repeating: 0, count: n * n)
        var rhs = [Double](repeating: 0, count: n)
        for i in used {
            let row = excitations.map { kernel(neutrinoEnergy: energies[i], excitation: $0) / weightSigma[i] }
            let b = target[i] / weightSigma[i]
            for a in 0..<n where row[a] != 0 {
                rhs[a] += row[a] * b
                for c in 0..<n where row[c] != 0 { normal[a * n + c] += row[a] * row[c] }
            }
        }
        // Curvature penalty, scaled to the data's normal matrix.
        let scale = smoothing * (0..<n).map { normal[$0 * n + $0] }.max()! / 1e6
        for k in 1..<(n - 1) {
            let d = [(k - 1, 1.0), (k, -2.0), (k + 1, 1.0)]
            for (a, u) in d { for (c, v) in d { normal[a * n + c] += scale * u * v } }
        }
        let s = try NonNegativeLeastSquares.solve(normal: normal, rhs: rhs, size: n)
        // Fit quality over 1–14 MeV and the mean energies.
        let fitted = energies.map { e in zip(excitations, s).reduce(0) { $0 + $1.1 * kernel(neutrinoEnergy: e, excitation: $1.0) } }
        var chi2 = 0.0, points = 0, largest = 0.0
        for i in used where energies[i] >= 1 && energies[i] <= 14 {
            let r = (fitted[i] - target[i]) / sigma[i]
            chi2 += r * r
            points += 1
            largest = max(largest, abs(r))
        }
        let fittedMean = trapezoid(energies, zip(energies, fitted).map(*)) / trapezoid(energies, fitted)
        let measuredMean = trapezoid(energies, zip(energies, target).map(*))
        return Beryllium8Strength(excitationsMeV: excitations, strength: s, chiSquared: chi2, fitPoints: points,
                                  largestPull: largest, fittedMeanMeV: fittedMean, measuredMeanMeV: measuredMean)
    }

    static func trapezoid(_ x: [Double], _ y: [Double]) -> Double {
        var sum = 0.0
        for i in 1..<x.count { sum += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]) }
        return sum
    }
}
