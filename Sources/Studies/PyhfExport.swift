import Output

/// A pyhf workspace and nue's description of it, written as two files: the workspace (`FILE`,
/// exactly pyhf's HistFactory schema 1.0.0, so `pyhf inspect FILE` and `pyhf.Workspace(spec)`
/// accept it; the schema allows no extra keys anywhere) and the sidecar `FILE.nue.json` (with
/// `FILE`'s trailing `.json` dropped first: `ws.json` → `ws.nue.json`), which
/// `scripts/pyhf_check.py` reads: tool, parameter, exported_at, limit_method, cl, POI scaling,
/// bin edges.
public struct PyhfExport: Sendable {
    /// The HistFactory workspace (channels, measurements, observations, version).
    public let workspace: JSONValue
    /// nue's metadata (`format: nue-pyhf-metadata/1`).
    public let metadata: JSONValue

    public init(workspace: JSONValue, metadata: JSONValue) {
        self.workspace = workspace
        self.metadata = metadata
    }

    /// The sidecar path of a workspace path: `ws.json` → `ws.nue.json`, `ws` → `ws.nue.json`.
    public static func sidecarPath(for path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".nue.json"
    }

    /// Writes the workspace to `path` and the metadata to `sidecarPath(for: path)`, each
    /// atomically (temporary file, fsync, rename): neither is ever half written.
    public func write(to path: String) throws(OutputError) {
        try AtomicFile.write(workspace.serialized(), to: path)
        try AtomicFile.write(metadata.serialized(), to: Self.sidecarPath(for: path))
    }
}
