import Foundation

/// A spherical fiducial volume of radius R (m) whose centre lies a distance D (m) from a point
/// source. Non-spherical volumes (a LAr TPC module) are represented by the sphere of equal
/// volume: ⟨1/L²⟩ depends on the shape only at order (R/D)⁴.
public struct DetectorGeometry: Sendable, Codable, Equatable {
    /// Distance D from the source to the centre of the fiducial volume, m.
    public var sourceDistanceMeters: Double
    /// Radius R of the fiducial sphere, m.
    public var fiducialRadiusMeters: Double

    public init(sourceDistanceMeters: Double, fiducialRadiusMeters: Double) {
        self.sourceDistanceMeters = sourceDistanceMeters
        self.fiducialRadiusMeters = fiducialRadiusMeters
    }

    /// ⟨1/L²⟩ over the uniform sphere, m⁻² (closed form):
    ///
    ///     ⟨1/L²⟩ = 3/(2 D R³) · [ D R − (D² − R²)/2 · ln((D + R)/|D − R|) ]
    ///
    /// from averaging 1/(D² + r² − 2 D r cos θ) over a shell, (1/(2Dr)) ln((D+r)/|D−r|), then
    /// over r² dr. Tends to 1/D² (1 + R²/(5D²)) for R ≪ D; finite (3/(2R²)) for D = R; valid
    /// for a source inside the sphere too (the 1/L² singularity is integrable). R = 0 gives 1/D².
    public var meanInverseSquareDistancePerSquareMeter: Double {
        let d = sourceDistanceMeters, r = fiducialRadiusMeters
        guard r > 0 else { return 1 / (d * d) }
        guard r / d > 1e-3 else { return (1 + r * r / (5 * d * d)) / (d * d) }
        let logTerm = abs(d - r) > 0 ? (d * d - r * r) / 2 * log((d + r) / abs(d - r)) : 0
        return 3 / (2 * d * r * r * r) * (d * r - logTerm)
    }

    /// ⟨1/(4π L²)⟩ in cm⁻²: the flux per emitted neutrino averaged over the volume.
    public var meanFluxPerNeutrinoPerSquareCentimeter: Double {
        meanInverseSquareDistancePerSquareMeter / (4 * Double.pi) * 1e-4
    }

    /// Volume of the fiducial sphere, m³.
    public var volumeCubicMeters: Double { 4 / 3 * Double.pi * pow(fiducialRadiusMeters, 3) }

    func validate(_ detector: String) throws(SimulationError) {
        try SimulationError.require(sourceDistanceMeters, "\(detector) source distance (m)", "must be > 0") { $0 > 0 }
        try SimulationError.require(fiducialRadiusMeters, "\(detector) fiducial radius (m)", "must be ≥ 0") { $0 >= 0 }
    }
}
