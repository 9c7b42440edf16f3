import Foundation

/// The total cross section of ν_e + ⁴⁰Ar → e⁻ + ⁴⁰K* (charged current) as a function of the
/// neutrino energy, per ⁴⁰Ar nucleus (docs/physics.md §15.3): a table, interpolated linearly in
/// (E_ν, ln σ) between its points, zero below the first point and above the last.
///
/// Default: MARLEY's (`Argon40ChargedCurrentCrossSection.marley`; allowed Fermi + Gamow–Teller
/// transitions to ⁴⁰K levels with measured strengths; Gardiner, Comput. Phys. Commun. 269, 108123
/// (2021), Phys. Rev. C 103, 044604 (2021)), as tabulated by SNOwGLoBES for 5–100 MeV
/// (`data/xs_nue_Ar40_marley1.dat`): σ(10 MeV) = 5.23×10⁻⁴² cm². The threshold is
/// Q = M(⁴⁰K) − M(⁴⁰Ar) = 1.504 MeV; below 5 MeV only the weak Gamow–Teller transitions to the
/// lowest ⁴⁰K levels contribute (σ(5 MeV) = 1.1×10⁻⁴³ cm²), and the table's zero there is a
/// stated approximation (≲ 10⁻³ of the ⁸B rate). A user table (`load(path:)`) replaces it.
public struct Argon40ChargedCurrentCrossSection: Sendable {
    /// A label for outputs (the source of the table).
    public let name: String
    /// Neutrino energies, MeV, strictly increasing.
    public let energiesMeV: [Double]
    /// σ at `energiesMeV`, cm² per ⁴⁰Ar nucleus (≥ 0).
    public let crossSections: [Double]

    /// - Throws: `PhysicsInputError` for fewer than 3 points, unequal lengths, energies not finite,
    ///   negative or not increasing, or cross sections not finite and ≥ 0 (all zero refused).
    public init(name: String, energiesMeV: [Double], crossSections: [Double]) throws {
        guard energiesMeV.count >= 3 else { throw PhysicsInputError.tooFewPoints(energiesMeV.count) }
        guard energiesMeV.count == crossSections.count else {
            throw PhysicsInputError.lengthMismatch(energiesMeV.count, crossSections.count)
        }
        for (i, e) in energiesMeV.enumerated() where !(e.isFinite && e >= 0) { throw PhysicsInputError.badEnergy(index: i, value: e) }
        for (i, s) in crossSections.enumerated() where !(s.isFinite && s >= 0) { throw PhysicsInputError.badWeight(index: i, value: s) }
        for i in 1..<energiesMeV.count where !(energiesMeV[i] > energiesMeV[i - 1]) {
            throw PhysicsInputError.notIncreasing(index: i, previous: energiesMeV[i - 1], value: energiesMeV[i])
        }
        guard crossSections.contains(where: { $0 > 0 }) else { throw PhysicsInputError.zeroIntegral }
        self.name = name
        self.energiesMeV = energiesMeV
        self.crossSections = crossSections
    }

    /// MARLEY's table (SNOwGLoBES `xs_nue_Ar40_marley1.dat`): E = 10^(x) GeV × 1000, σ = (σ/E) ×
    /// 10⁻³⁸ cm² × E[GeV].
    public static let marley: Argon40ChargedCurrentCrossSection = {
        let e = Argon40ChargedCurrentTable.log10EnergyGeV.map { pow(10, $0) }
        let s = zip(e, Argon40ChargedCurrentTable.crossSectionOverEnergy).map { $0 * $1 * 1e-38 }
        // The generated table is checked by the tests; it cannot fail.
        return try! Argon40ChargedCurrentCrossSection(
            name: "MARLEY (Gardiner 2021) via SNOwGLoBES xs_nue_Ar40_marley1.dat", energiesMeV: e.map { $0 * 1000 }, crossSections: s)
    }()

    /// The ground-state Q value M(⁴⁰K) − M(⁴⁰Ar), MeV (atomic masses, AME2020: the ⁴⁰K EC Q value).
    public static let groundStateQValue = 1.50440

    /// σ(E_ν), cm² per ⁴⁰Ar nucleus; E in MeV. Log-linear between points (linear next to a zero).
    public func crossSection(neutrinoEnergy e: Double) -> Double {
        let n = energiesMeV.count
        guard e.isFinite, e >= energiesMeV[0], e <= energiesMeV[n - 1] else { return 0 }
        // Binary search for the interval [i, i + 1] holding e.
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if energiesMeV[mid] <= e { lo = mid } else { hi = mid }
        }
        let t = (e - energiesMeV[lo]) / (energiesMeV[hi] - energiesMeV[lo])
        let a = crossSections[lo], b = crossSections[hi]
        if a > 0, b > 0 { return a * pow(b / a, t) }
        return a + t * (b - a)
    }

    /// Reads a user table: two columns, E_ν in MeV and σ in cm² per ⁴⁰Ar nucleus; blank lines and
    /// `#` comments skipped; commas, tabs or spaces separate (as a tabulated source spectrum).
    /// - Throws: `PhysicsInputError.unreadableFile`, `.unreadableLine`, or the failed check.
    public static func load(path: String) throws -> Argon40ChargedCurrentCrossSection {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw PhysicsInputError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        let (energies, values) = try NeutrinoSpectrum.columns(text)
        return try Argon40ChargedCurrentCrossSection(name: (path as NSString).lastPathComponent, energiesMeV: energies,
                                                     crossSections: values)
    }
}
