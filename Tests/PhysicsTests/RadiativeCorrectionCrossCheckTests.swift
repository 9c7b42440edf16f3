import Foundation
import NueTestSupport
import Testing
@testable import Physics

/// nue's radiatively corrected dσ/dT against sntools 1.4 (`scripts/sntools_es.py`), an independent
/// Python implementation of Bahcall, Kamionkowski & Sirlin (1995), over four flavors, E_ν from 0.9
/// to 16 MeV and T from 2 % to 99 % of T_max (where sntools accepts T > 0.259 MeV). Both sides use
/// sntools' sin²θ̂_W = 0.2317; sntools' G_F = 1.16637×10⁻¹¹ MeV⁻² is scaled to nue's. Tolerance
/// 10⁻⁵ relative: sntools rounds the Spence-function argument to 10⁻⁶ and uses m_e = 0.5109989 MeV,
/// α = 1/137.036. Under CI=true a missing sntools fails instead of skipping.
@Suite struct RadiativeCorrectionCrossCheckTests {
    @Test(.enabled(if: PythonModules.available("sntools.interaction_channels.es")))
    func agreesWithSntools() throws {
        var points: [(flavor: NeutrinoFlavor, e: Double, t: Double)] = []
        for flavor in NeutrinoFlavor.allCases {
            for e in [0.9, 2, 5, 8, 12, 16.0] {
                let tMax = Kinematics.maxRecoil(neutrinoEnergy: e)
                for fraction in [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99] where fraction * tMax > 0.26 {
                    points.append((flavor, e, fraction * tMax))
                }
            }
        }
        let input = points.map { ["flavor": $0.flavor.rawValue, "enu_mev": $0.e, "t_mev": $0.t] as [String: Any] }
        let file = NSTemporaryDirectory() + "nue-sntools-\(getpid()).json"
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try #require(ProcessRunner.runOnPath(["python3", TestPaths.path("scripts/sntools_es.py"), file]))
        try #require(result.status == 0, "sntools_es.py failed: \(result.stderr)")
        let json = try result.json()
        let values = try #require(json["dsigma_dt_cm2_per_mev"] as? [Double])
        let fermi = try #require(json["fermi_coupling_mev2"] as? Double)
        let sin2 = try #require(json["sin2_theta_w"] as? Double)
        #expect(sin2 == ElectroweakRadiativeCorrection.bahcallKamionkowskiSirlinSin2ThetaW)
        #expect(json["rho_nc"] as? Double == ElectroweakRadiativeCorrection.rho)
        try #require(values.count == points.count)
        let scale = pow(PhysicalConstants.fermiCoupling / fermi, 2)
        var worst = 0.0
        for (p, v) in zip(points, values) {
            let nue = StandardModelCrossSection(flavor: p.flavor, sin2ThetaW: sin2, radiativeCorrections: true)
                .differential(neutrinoEnergy: p.e, recoil: p.t)
            let d = relativeDifference(nue, v * scale)
            worst = max(worst, d)
            #expect(d < 1e-5, "\(p.flavor) E = \(p.e) T = \(p.t): nue \(nue), sntools \(v * scale)")
        }
        print("sntools cross-check: \(points.count) points, worst relative difference \(worst)")
        #expect(points.count > 100)
    }
}
