import Foundation

/// The direction of solar neutrinos relative to a fixed horizontal axis in a detector (the IsoDAR
/// source → detector line), averaged over a year: the distribution of cos ψ = n̂_ν · â, with n̂_ν
/// the neutrino's direction of travel (from the Sun) and â the axis (docs/physics.md §13.6).
///
/// The Sun's direction in local (east, north, up) coordinates at latitude φ, declination δ and hour
/// angle H (Meeus, Astronomical Algorithms, 2nd ed. (1998), ch. 13):
///
///     ŝ = (−cos δ sin H,  cos φ sin δ − sin φ cos δ cos H,  sin φ sin δ + cos φ cos δ cos H)
///
/// with δ(d) = −ε cos(2π (d + 10)/365.25), ε = 23.44°, for day d of the year (±0.4° from the exact
/// ephemeris), H uniform over the day (neutrinos arrive at night through the Earth as well), and
/// weight 1/r² with r = 1 − e cos(2π (d − 3)/365.25), e = 0.0167 (perihelion on 3 January). The
/// neutrino travels along n̂_ν = −ŝ; the axis â = (sin A, cos A, 0) for azimuth A clockwise from north.
/// The year is sampled on `days` × `hours` points (default 365 × 96); the result is a histogram
/// of cos ψ on [−1, 1].
public struct SolarDirection: Sendable, Equatable {
    /// Detector latitude φ, degrees north (SURF, the DUNE far site: 44.35°).
    public let latitudeDegrees: Double
    /// Axis azimuth A, degrees clockwise from north.
    public let axisAzimuthDegrees: Double
    /// Bin probabilities of cos ψ on `bins` equal bins of [−1, 1]; they sum to 1.
    public let probabilities: [Double]

    public static let obliquityDegrees = 23.44
    public static let eccentricity = 0.0167

    public init(latitudeDegrees: Double, axisAzimuthDegrees: Double, bins: Int = 200, days: Int = 365, hours: Int = 96) throws {
        guard latitudeDegrees.isFinite, abs(latitudeDegrees) <= 90 else {
            throw PhysicsInputError.invalidParameter(name: "latitude (degrees)", value: latitudeDegrees, requirement: "must lie in [−90, 90]")
        }
        guard axisAzimuthDegrees.isFinite else {
            throw PhysicsInputError.invalidParameter(name: "axis azimuth (degrees)", value: axisAzimuthDegrees, requirement: "must be finite")
        }
        guard bins >= 1, bins <= 100_000, days >= 1, days <= 100_000, hours >= 1, hours <= 100_000 else {
            throw PhysicsInputError.invalidParameter(name: "solar-direction grid", value: Double(bins),
                                                     requirement: "bins, days and hours must lie in 1…10⁵")
        }
        self.latitudeDegrees = latitudeDegrees
        self.axisAzimuthDegrees = axisAzimuthDegrees
        var histogram = [Double](repeating: 0, count: bins)
        var total = 0.0
        for d in 0..<days {
            let day = (Double(d) + 0.5) * 365.25 / Double(days)
            let r = 1 - Self.eccentricity * cos(2 * Double.pi * (day - 3) / 365.25)
            let weight = 1 / (r * r)
            for h in 0..<hours {
                let hourAngle = 2 * Double.pi * (Double(h) + 0.5) / Double(hours)
                let c = Self.cosine(latitudeDegrees: latitudeDegrees, axisAzimuthDegrees: axisAzimuthDegrees,
                                    dayOfYear: day, hourAngle: hourAngle)
                let k = min(bins - 1, max(0, Int((c + 1) / 2 * Double(bins))))
                histogram[k] += weight
                total += weight
            }
        }
        probabilities = histogram.map { $0 / total }
    }

    /// The solar declination δ on `dayOfYear` (0 = 1 January), radians.
    public static func declination(dayOfYear d: Double) -> Double {
        -obliquityDegrees * Double.pi / 180 * cos(2 * Double.pi * (d + 10) / 365.25)
    }

    /// cos ψ = n̂_ν · â at one instant (hour angle H in radians).
    public static func cosine(latitudeDegrees: Double, axisAzimuthDegrees: Double, dayOfYear d: Double, hourAngle h: Double) -> Double {
        let phi = latitudeDegrees * Double.pi / 180, a = axisAzimuthDegrees * Double.pi / 180
        let delta = declination(dayOfYear: d)
        let east = -cos(delta) * sin(h)
        let north = cos(phi) * sin(delta) - sin(phi) * cos(delta) * cos(h)
        // n̂_ν = −ŝ; â = (sin A, cos A, 0).
        return -(east * sin(a) + north * cos(a))
    }

    /// ⟨f(cos ψ)⟩ over the year, with f evaluated at the bin centres.
    public func average(_ f: (Double) -> Double) -> Double {
        let n = probabilities.count
        var sum = 0.0
        for (k, p) in probabilities.enumerated() where p > 0 { sum += p * f(-1 + (Double(k) + 0.5) * 2 / Double(n)) }
        return sum
    }
}
