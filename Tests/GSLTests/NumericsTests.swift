import Foundation
import Testing
@testable import GSL

@Suite struct IntegrationTests {
    @Test func smoothIntegralsMatchClosedForms() throws {
        let integrator = Integrator()
        #expect(abs(try integrator.qags(sin, from: 0, to: .pi).value - 2) < 1e-12)
        #expect(abs(try integrator.qag({ $0 * $0 }, from: 0, to: 3).value - 9) < 1e-12)
        #expect(abs(try integrator.cquad(exp, from: 0, to: 1).value - (M_E - 1)) < 1e-12)
    }

    /// ∫₀¹ x^{-1/2} dx = 2: an integrable end-point singularity QAGS must handle.
    @Test func integrableSingularity() throws {
        #expect(abs(try Integrator().qags({ 1 / $0.squareRoot() }, from: 0, to: 1).value - 2) < 1e-9)
    }

    /// ∫₀¹ dx/x diverges: GSL reports it and nue throws instead of aborting.
    @Test func divergentIntegralThrows() {
        #expect(throws: (any Error).self) { try Integrator().qags({ 1 / $0 }, from: 0, to: 1) }
    }

    @Test func nonFiniteLimitsThrow() {
        #expect(throws: GSLError.self) { try Integrator().qag({ $0 }, from: 0, to: .infinity) }
    }
}

@Suite struct RootAndMinimumTests {
    /// The Dottie number: the root of cos x − x, 0.739085133215160641655….
    @Test func brentFindsTheDottieNumber() throws {
        let root = try RootFinding.brent({ cos($0) - $0 }, lower: 0, upper: 1, relativeTolerance: 1e-14)
        #expect(abs(root - 0.739085133215160641655) < 1e-12)
    }

    @Test func brentNeedsASignChange() {
        #expect(throws: GSLError.self) { try RootFinding.brent({ $0 * $0 + 1 }, lower: -1, upper: 1) }
    }

    @Test func expandingBracketFindsAFarRoot() throws {
        let root = try RootFinding.brentExpandingUpward({ $0 - 1234.5 }, lower: 0, initialUpper: 1)
        #expect(abs(root - 1234.5) < 1e-6)
    }

    @Test func brentMinimizer() throws {
        let result = try Minimization.brent({ ($0 - 2) * ($0 - 2) + 1 }, lower: -5, upper: 10, guess: 0.5)
        #expect(abs(result.x[0] - 2) < 1e-6)
        #expect(abs(result.value - 1) < 1e-10)
        #expect(result.status == .converged)
    }

    /// Rosenbrock's function has its minimum 0 at (1, 1).
    @Test func simplexFindsRosenbrockMinimum() throws {
        let result = try Minimization.simplex({ x in
            (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0])
        }, start: [-1.2, 1], stepSizes: [0.5, 0.5], sizeTolerance: 1e-10)
        #expect(abs(result.x[0] - 1) < 1e-4 && abs(result.x[1] - 1) < 1e-4)
        #expect(result.status == .converged)
    }
}

@Suite struct SplineAndDistributionTests {
    @Test func linearDataIsReproducedExactly() throws {
        let x = [0.0, 1, 2, 4, 7], y = x.map { 3 * $0 - 1 }
        for kind in [Spline.Kind.linear, .cubic, .steffen] {
            let s = try Spline(x: x, y: y, kind: kind)
            #expect(abs(s(5.5) - 15.5) < 1e-12)
            #expect(abs(s.integral(from: 0, to: 7) - (1.5 * 49 - 7)) < 1e-10)
        }
    }

    @Test func cubicSplineOfSine() throws {
        let x = stride(from: 0.0, through: .pi, by: .pi / 200).map { $0 }
        let s = try Spline(x: x, y: x.map(sin), kind: .cubic)
        #expect(abs(s(1.0) - sin(1.0)) < 1e-7)
        #expect(s(-1) == 0)
    }

    @Test func splineRejectsBadTables() {
        #expect(throws: GSLError.self) { try Spline(x: [0, 1, 1], y: [0, 1, 2]) }
        #expect(throws: GSLError.self) { try Spline(x: [0, 1, 2], y: [0, .nan, 2]) }
        #expect(throws: GSLError.self) { try Spline(x: [0, 1], y: [0, 1], kind: .cubic) }
    }

    /// Reference values: Φ⁻¹(0.9) = 1.2815515655446004, χ²₁ 90 % quantile = 2.705543454095404.
    @Test func quantiles() {
        #expect(abs(Distributions.normalQuantile(0.9) - 1.2815515655446004) < 1e-12)
        #expect(abs(pow(Distributions.normalQuantile(0.9), 2) - 1.6424) < 1e-4)
        #expect(abs(Distributions.chiSquaredQuantile(0.9, degreesOfFreedom: 1) - 2.705543454095404) < 1e-10)
        #expect(abs(Distributions.chiSquaredSurvival(2.705543454095404, degreesOfFreedom: 1) - 0.1) < 1e-12)
        #expect(abs(Distributions.poissonProbability(2, mean: 3) - 4.5 * exp(-3)) < 1e-15)
    }

    @Test func specialFunctions() throws {
        // |Γ(1 + i)|² = π / sinh π.
        let lnAbs = try SpecialFunctions.logAbsGammaComplex(real: 1, imaginary: 1)
        #expect(abs(2 * lnAbs - log(Double.pi / sinh(Double.pi))) < 1e-12)
        // η = 0, L = 0: F₀ = sin ρ, G₀ = cos ρ.
        let (f, g) = try SpecialFunctions.coulombWave(L: 0, eta: 0, rho: 1.3)
        #expect(abs(f - sin(1.3)) < 1e-10 && abs(g - cos(1.3)) < 1e-10)
    }
}
