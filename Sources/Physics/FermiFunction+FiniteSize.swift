import Foundation

extension FermiFunction {
    /// Wilkinson's finite-size correction L₀(Z, W) to the point-charge Fermi function F₀: the
    /// electron wave function of a uniformly charged sphere of radius R instead of a point charge
    /// evaluated at R (Wilkinson, NIM A 290 (1990) 509; as reproduced in Hayen et al.,
    /// Rev. Mod. Phys. 90, 015008 (2018), Sec. IV.C.2 and its table of b_{x,n}):
    ///
    ///     L₀ = 1 + (13/60)(αZ)² − W R αZ (41 − 26γ) / [15(2γ − 1)]
    ///            − αZ R γ (17 − 2γ) / [30 W (2γ − 1)]
    ///            + a₋₁ R / W + Σ_{n=0…5} a_n (W R)ⁿ + 0.41 (R − 0.0164)(αZ)^{4.5}
    ///     a_n = Σ_{x=1…6} b_{x,n} (αZ)^x
    ///
    /// W is the electron total energy and R the nuclear radius, both in electron units
    /// (m_e, ħ/m_e c); Z > 0 for β⁻ and Z → −Z for β⁺. R = 1.2 A^{1/3} fm (`radius`).
    /// Validity: the parametrization is fitted for |αZ| ≤ 0.8 (Z ≲ 100) and W R ≲ 0.1; for
    /// ⁴²K → ⁴²Ca (Z = 20, R = 0.0108, W ≤ 7.9) L₀ falls from ≈ 1.002 at rest to ≈ 0.992 at
    /// the endpoint, a 1 % tilt of the spectrum. Dimensionless; `totalEnergy` in MeV.
    public func finiteSizeCorrection(totalEnergy wMeV: Double) -> Double {
        finiteSizeCoefficients.correction(totalEnergy: wMeV)
    }

    /// F₀(Z, W) · L₀(Z, W): the Fermi function of a uniformly charged nucleus (see
    /// `finiteSizeCorrection(totalEnergy:)`). Dimensionless; `totalEnergy` in MeV.
    public func withFiniteSize(totalEnergy wMeV: Double) -> Double {
        self(totalEnergy: wMeV) * finiteSizeCorrection(totalEnergy: wMeV)
    }

    /// Wilkinson's b_{x,n} (NIM A 290 (1990) 509; reproduced in Hayen et al. 2018, Sec. IV.C.2):
    /// rows n = −1, 0, …, 5; columns x = 1…6 (the power of αZ).
    static let wilkinsonB: [[Double]] = [
        [0.115, -1.8123, 8.2498, -11.223, -14.854, 32.086],           // n = −1
        [-0.00062, 0.007165, 0.01841, -0.53736, 1.2691, -1.5467],     // n = 0
        [0.02482, -0.5975, 4.84199, -15.3374, 23.9774, -12.6534],     // n = 1
        [-0.14038, 3.64953, -38.8143, 172.1368, -346.708, 288.7873],  // n = 2
        [0.008152, -1.15664, 49.9663, -273.711, 657.6292, -603.7033], // n = 3
        [1.2145, -23.9931, 149.9718, -471.2985, 662.1909, -305.6804], // n = 4
        [-1.5632, 33.4192, -255.1333, 938.5297, -1641.2845, 1095.358], // n = 5
    ]

    /// The Z- and R-dependent constants of L₀, computed once (cheap to evaluate afterwards).
    public var finiteSizeCoefficients: FiniteSizeCoefficients {
        let az = (decay == .betaMinus ? 1.0 : -1.0) * PhysicalConstants.fineStructure * Double(daughterCharge)
        let sums = Self.wilkinsonB.map { row -> Double in
            var s = 0.0
            var power = az
            for bx in row {
                s += bx * power
                power *= az
            }
            return s
        }
        return FiniteSizeCoefficients(alphaZ: az, radius: radius, aMinus1: sums[0],
                                      a: (sums[1], sums[2], sums[3], sums[4], sums[5], sums[6]))
    }

    /// Precomputed constants of Wilkinson's L₀ for one (Z, A, β∓): evaluates L₀(W) without
    /// allocating. Formula and reference: `FermiFunction.finiteSizeCorrection(totalEnergy:)`.
    public struct FiniteSizeCoefficients: Sendable {
        /// ±αZ (+ for β⁻).
        public let alphaZ: Double
        /// R in units of ħ/(m_e c).
        public let radius: Double
        let aMinus1: Double
        let a: (Double, Double, Double, Double, Double, Double)

        /// L₀ at total energy `totalEnergy` (MeV); 1 at or below rest. Dimensionless.
        public func correction(totalEnergy wMeV: Double) -> Double {
            let w = wMeV / PhysicalConstants.electronMass
            guard w > 1 else { return 1 }
            let az = alphaZ, r = radius
            let gamma = (1 - az * az).squareRoot()
            let x = w * r
            let series = a.0 + x * (a.1 + x * (a.2 + x * (a.3 + x * (a.4 + x * a.5))))
            let highOrder = 0.41 * (r - 0.0164) * pow(abs(az), 4.5) * (az < 0 ? -1 : 1)
            return 1 + 13.0 / 60 * az * az
                - x * az * (41 - 26 * gamma) / (15 * (2 * gamma - 1))
                - az * r * gamma * (17 - 2 * gamma) / (30 * w * (2 * gamma - 1))
                + aMinus1 * r / w + series + highOrder
        }
    }
}
