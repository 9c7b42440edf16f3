import Foundation
import Output
import Testing
@testable import Studies

/// The pyhf export agrees with an independent Asimov solver: exported at the solver's 90 % CL
/// limit, pyhf's asymptotic q̃μ CLs+b limit on mu is 1 within 1 %.
@Suite struct PyhfAgreementTests {
    /// Synthetic 20-bin spectrum on T ∈ [1, 11] MeV: SM ∝ exp(−T/2) with 3000 events.
    static let edges = (0...20).map { 1 + Double($0) * 0.5 }
    static let centres = (0..<20).map { 0.5 * (edges[$0] + edges[$0 + 1]) }
    static let sm: [Double] = {
        let raw = centres.map { exp(-$0 / 2) }
        let sum = raw.reduce(0, +)
        return raw.map { 3000 * $0 / sum }
    }()
    /// A 1/T shape with 100 events per unit of the parameter² (magnetic-moment-like).
    static let perSquare: [Double] = {
        let raw = centres.map { 1 / $0 }
        let sum = raw.reduce(0, +)
        return raw.map { 100 * $0 / sum }
    }()
    static let sigma = 0.007
    static let critical = 1.2815515655446004 * 1.2815515655446004   // Φ⁻¹(0.90)²

    /// Independent Asimov solver: Poisson −2 ln λ of model n·(SM + s) against the SM Asimov
    /// data, with the Gaussian pull (n − 1)²/σ², profiled over n in closed form
    /// (n²/σ² + (Σν − 1/σ²) n − Σd = 0).
    static func deltaChi2(increment: [Double]) -> Double {
        let nu = zip(sm, increment).map { $0 + $1 }
        let a = 1 / (sigma * sigma), b = nu.reduce(0, +) - a, c = -sm.reduce(0, +)
        let n = (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)
        var sum = 0.0
        for (d, v) in zip(sm, nu) {
            let m = n * v
            sum += 2 * (m - d + d * log(d / m))
        }
        return sum + (n - 1) * (n - 1) * a
    }

    /// The value x where Δχ²(increment(x)) crosses the critical value (bisection, monotone).
    static func solve(_ increment: (Double) -> [Double]) -> Double {
        var low = 0.0, high = 1.0
        while deltaChi2(increment: increment(high)) < critical { low = high; high *= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (low + high)
            if deltaChi2(increment: increment(mid)) < critical { low = mid } else { high = mid }
        }
        return 0.5 * (low + high)
    }

    func pyhfLimit(_ export: PyhfExport) throws -> JSONValue {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("workspace.json")
        try export.write(to: path)
        let result = try #require(TestSupport.run(["python3", TestSupport.path("scripts/pyhf_check.py"), path]))
        #expect(result.status == 0, "pyhf_check.py failed: \(result.stderr)")
        return try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    }

    @Test func solverCrossesTheCriticalValue() {
        let kappaSquared = Self.solve { s in Self.perSquare.map { $0 * s } }
        #expect(abs(Self.deltaChi2(increment: Self.perSquare.map { $0 * kappaSquared }) - Self.critical) < 1e-9)
        #expect(Self.deltaChi2(increment: Self.perSquare.map { _ in 0 }) < 1e-12)
    }

    @Test func workspaceHasTheDocumentedShape() throws {
        let export = try PyhfWorkspace.make(standardModel: Self.sm, newPhysics: Self.perSquare, normSigma: 0.007,
                                            parameter: .muNu, value: 1, meaning: "test", binEdges: Self.edges,
                                            limitMethod: .cls)
        let ws = export.workspace
        guard case .array(let parameters)? = ws["measurements"].flatMap({ if case .array(let m) = $0 { m[0] } else { nil } })?["config"]?["parameters"] else {
            Issue.record("no parameters"); return
        }
        #expect(parameters[0]["name"] == "lumi")
        #expect(parameters[0]["auxdata"] == [1.0])
        #expect(parameters[0]["sigmas"] == [0.007])
        #expect(ws["version"] == "1.0.0")
        #expect(ws["metadata"] == nil, "pyhf's schema allows no top-level metadata")
        #expect(export.metadata["parameter"] == "mu_nu")
        #expect(export.metadata["limit_method"] == "cls")
        #expect(PyhfExport.sidecarPath(for: "/tmp/ws.json") == "/tmp/ws.nue.json")
        #expect(PyhfExport.sidecarPath(for: "ws") == "ws.nue.json")
        #expect(throws: StudyError.self) {
            try PyhfWorkspace.make(standardModel: [1, 2], newPhysics: [1], normSigma: 0.007, parameter: .g, value: 1, meaning: "")
        }
    }

    @Test(.enabled(if: TestSupport.hasPyhf, "pyhf is not importable by python3"))
    func pyhfAgreesAtTheAsimovLimitLinear() throws {
        let kappaSquared = Self.solve { s in Self.perSquare.map { $0 * s } }
        let kappa = kappaSquared.squareRoot()
        let ws = try PyhfWorkspace.make(standardModel: Self.sm, newPhysics: Self.perSquare.map { $0 * kappaSquared },
                                        normSigma: Self.sigma, parameter: .muNu, value: kappa,
                                        meaning: "kappa = mu_nu/mu_B of the synthetic 1/T signal", binEdges: Self.edges)
        let answer = try pyhfLimit(ws)
        guard case .number(let mu)? = answer["mu_limit"] else { Issue.record("no mu_limit in \(answer)"); return }
        print("pyhf linear: mu_limit = \(mu) at kappa² = \(kappaSquared)")
        #expect(abs(mu - 1) < 0.01)
        guard case .number(let kappaLimit)? = answer["parameter_limit"] else { Issue.record("no parameter_limit"); return }
        #expect(abs(kappaLimit / kappa - 1) < 0.01)
    }

    @Test(.enabled(if: TestSupport.hasPyhf, "pyhf is not importable by python3"))
    func pyhfAgreesAtTheAsimovLimitQuadratic() throws {
        // Light-vector-like: A g² (interference, falling like 1/T) + B g⁴ (pure Z′, 1/T²).
        let a = Self.perSquare.map { $0 * 1e12 }
        let b = Self.centres.map { 2e24 / ($0 * $0) }
        let g = Self.solve { x in (try? PyhfWorkspace.quadraticIncrement(perGSquared: a, perGFourth: b, g: x * 1e-6)) ?? [] } * 1e-6
        let increment = try PyhfWorkspace.quadraticIncrement(perGSquared: a, perGFourth: b, g: g)
        let ws = try PyhfWorkspace.make(standardModel: Self.sm, newPhysics: increment, normSigma: Self.sigma,
                                        parameter: .g, value: g, meaning: "universal Z' coupling g", binEdges: Self.edges)
        let answer = try pyhfLimit(ws)
        guard case .number(let mu)? = answer["mu_limit"] else { Issue.record("no mu_limit in \(answer)"); return }
        print("pyhf quadratic: mu_limit = \(mu) at g = \(g)")
        #expect(abs(mu - 1) < 0.01)
    }
}
