/// The tool's name and version as written into provenance. `nue --version` should print the
/// same `version`.
public enum ToolInfo {
    public static let name = "nue"
    public static let version = "0.1.0"
}
