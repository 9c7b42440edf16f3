import Foundation
import Output
import Testing
@testable import Studies

/// The CSV headers the Swift side writes are the ones documented in macros/README.md and the
/// ones macros/plot.py requires.
@Suite struct PlotSchemaTests {
    static func headers() throws -> [(PlotData.Kind, String)] {
        let header = { (table: ResultTable) in table.columns.map(\.key).joined(separator: ",") }
        let curve = [PlotCurve(name: "c", x: [1], y: [1])]
        return [
            (.spectrum, header(try PlotData.spectrum(binEdges: [0, 1], components: []))),
            (.deltaChi2, header(try PlotData.deltaChi2(parameter: "g", curves: curve, critical: 1))),
            (.toyLimits, header(try PlotData.toyLimits(parameter: "g", limits: [], asimov: 1))),
            (.coverage, header(try PlotData.coverage([]))),
            (.exclusion, header(try PlotData.gmExclusion(curve))),
            (.scan, header(try PlotData.scan("x", parameter: "g", curves: curve))),
            (.stack, header(try PlotData.stack(binEdges: [0, 1], components: []))),
        ]
    }

    @Test func readmeDocumentsTheHeaders() throws {
        let readme = try String(contentsOfFile: TestSupport.path("macros/README.md"), encoding: .utf8)
        for (kind, header) in try Self.headers() {
            #expect(readme.contains("| `\(kind.rawValue)_<tag>.csv` | `\(header)` |"), "README lacks \(kind.rawValue): \(header)")
        }
    }

    /// Columns plot.py reads when present but does not require (files written before them, or
    /// rows where they were not computed, still plot).
    static let optionalColumns: [PlotData.Kind: [String]] = [
        .toyLimits: ["ts_minus2", "ts_minus1", "ts_median", "ts_plus1", "ts_plus2"],
    ]

    @Test func plotScriptRequiresTheHeaders() throws {
        let script = try String(contentsOfFile: TestSupport.path("macros/plot.py"), encoding: .utf8)
        for (kind, header) in try Self.headers() {
            let optional = Self.optionalColumns[kind] ?? []
            let required = header.split(separator: ",").map(String.init).filter { !optional.contains($0) }
            let columns = required.map { "\"\($0)\"" }.joined(separator: ", ")
            #expect(script.contains("(\"\(kind.rawValue)_\", [\(columns)],"), "plot.py lacks \(kind.rawValue): \(header)")
            let reads = "[" + optional.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            #expect(optional.isEmpty || script.contains(reads), "plot.py does not read the optional \(kind.rawValue) columns")
        }
    }
}
