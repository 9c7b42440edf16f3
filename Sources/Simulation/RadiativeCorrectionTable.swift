import Physics

/// The radiative correction of one model, Δ(E, T) = dσ/dT(corrected) − dσ/dT(tree) in cm²/MeV
/// (`ScatteringModel.differential` minus `treeDifferentialInRange`, docs/physics.md §9.5), on a
/// grid for the event loop, where evaluating the QED functions (three dilogarithms) per trial
/// would cost several times the rest of the event.
///
/// Grid: E uniform over the generation range, and v ∈ [0, 1] uniform with the generator's recoil
/// variable u = (T − T_lo)/(T_max(E) − T_lo) = 2v² for v ≤ 1/2 and 1 − 2(1 − v)² above (C¹; one
/// square root to invert): nodes crowd towards T_lo (for T_lo → 0 the QED functions vary like
/// T ln T) and towards T_max, where Δ has the soft-photon logarithm ln(T_max − T). Bilinear in (E, v). The node at v = 1 (Δ = −∞) holds Δ at
/// v = 1 − h/4 (h the v step), so the table is finite; that cell covers 2h² of u.
/// Interpolation error: below 10⁻⁴ of the tree-level rate outside the last cell
/// (`RadiativeCorrectionSimulationTests`).
///
/// The class owns the storage; the event loop reads it through `lookup`, a plain value (no
/// reference counting per trial, which would contend between threads).
public final class RadiativeCorrectionTable: @unchecked Sendable {
    /// A read-only view of the table for the event loop. Valid while its table is alive.
    public struct Lookup: @unchecked Sendable {
        @usableFromInline let values: UnsafePointer<Float>
        @usableFromInline let energyNodes: Int, shapeNodes: Int
        @usableFromInline let eLow: Double, inverseEStep: Double, inverseVStep: Double
        /// The stored values are Δ / `unit` as Float (7 digits of a correction that is itself a
        /// few per cent of the rate; half the cache footprint of Double).
        @usableFromInline let unit: Double

        /// Δ at E (in the table's range) and u = (T − T_lo)/(T_max(E) − T_lo) ∈ [0, 1], cm²/MeV.
        @inlinable
        public func difference(neutrinoEnergyMeV e: Double, recoilFraction u: Double) -> Double {
            let x = min(max((e - eLow) * inverseEStep, 0), Double(energyNodes - 1) - 1e-9)
            let v = u <= 0.5 ? (0.5 * u).squareRoot() : 1 - (0.5 * (1 - u)).squareRoot()
            let y = min(v * inverseVStep, Double(shapeNodes - 1) - 1e-9)
            let i = Int(x), j = Int(y)
            let fx = x - Double(i), fy = y - Double(j)
            let p = values + (i * shapeNodes + j), q = p + shapeNodes
            let p0 = Double(p[0]), p1 = Double(p[1]), q0 = Double(q[0]), q1 = Double(q[1])
            let a = p0 + fy * (p1 - p0)
            let b = q0 + fy * (q1 - q0)
            return (a + fx * (b - a)) * unit
        }
    }

    public let energyNodes: Int
    public let shapeNodes: Int
    /// Δ / `Lookup.unit` at the nodes, E-major, as Float; written once in `init`, then only read
    /// (hence `@unchecked Sendable`).
    private let values: UnsafeMutablePointer<Float>
    public let lookup: Lookup

    /// - Parameter lowestRecoilMeV: T_lo ≥ 0, the generator's least recoil (u = 0).
    public init(model: ScatteringModel, energyRange: ClosedRange<Double>, lowestRecoilMeV tLow: Double = 0,
                energyNodes: Int = 257, shapeNodes: Int = 129) {
        self.energyNodes = energyNodes
        self.shapeNodes = shapeNodes
        let eStep = (energyRange.upperBound - energyRange.lowerBound) / Double(energyNodes - 1)
        let vStep = 1 / Double(shapeNodes - 1)
        values = .allocate(capacity: energyNodes * shapeNodes)
        // Float's range ends near 10⁻³⁸: store Δ in units of the weak scale 2G_F² m_e/π (10⁻⁴⁴ cm²/MeV).
        let unit = PhysicalConstants.weakCrossSectionScale
        for i in 0..<energyNodes {
            let e = energyRange.lowerBound + eStep * Double(i)
            let tMax = Kinematics.maxRecoil(neutrinoEnergy: e)
            for j in 0..<shapeNodes {
                let v = j == shapeNodes - 1 ? 1 - vStep / 4 : vStep * Double(j)
                let t = tLow + (tMax - tLow) * Self.recoilFraction(v)
                var delta = 0.0
                if t > 0, e > 0, tMax > tLow {
                    delta = model.differential(neutrinoEnergyMeV: e, recoilMeV: t)
                        - model.treeDifferentialInRange(neutrinoEnergyMeV: e, recoilMeV: t)
                }
                (values + i * shapeNodes + j).initialize(to: Float(delta / unit))
            }
        }
        lookup = Lookup(values: UnsafePointer(values), energyNodes: energyNodes, shapeNodes: shapeNodes,
                        eLow: energyRange.lowerBound, inverseEStep: 1 / eStep, inverseVStep: Double(shapeNodes - 1),
                        unit: unit)
    }

    deinit { values.deallocate() }

    /// u(v) = (T − T_lo)/(T_max − T_lo): 2v² for v ≤ 1/2, 1 − 2(1 − v)² above.
    static func recoilFraction(_ v: Double) -> Double { v <= 0.5 ? 2 * v * v : 1 - 2 * (1 - v) * (1 - v) }

    /// Δ at (E, u) (`Lookup.difference`), cm²/MeV.
    public func difference(neutrinoEnergyMeV e: Double, recoilFraction u: Double) -> Double {
        lookup.difference(neutrinoEnergyMeV: e, recoilFraction: u)
    }
}
