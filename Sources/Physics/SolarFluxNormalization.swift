/// Which total fluxes the solar components take (docs/physics.md §13.1).
public enum SolarFluxNormalization: String, Sendable, CaseIterable, Codable {
    /// Every component from the B16-GS98 standard solar model (Vinyoles et al., ApJ 835, 202
    /// (2017), Table 6).
    case standardSolarModel = "ssm"
    /// ⁸B from SNO's neutral-current measurement of the total active ⁸B flux, 5.25×10⁶ cm⁻² s⁻¹
    /// (SNO, PRC 88, 025501 (2013)); the other components from B16-GS98. nue's default: the measured
    /// ⁸B flux is 3 times more precise (3.8 %) than the model's (12 %).
    case measuredBoron8 = "sno-b8"
}
