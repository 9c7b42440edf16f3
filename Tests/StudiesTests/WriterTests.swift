import Foundation
import Statistics
import Physics
import Output
import Testing
@testable import Studies

@Suite struct WriterTests {
    static func sampleTable() throws -> ResultTable {
        try ResultTable(title: "Limits", columns: [
            .init("scenario"),
            .init("threshold_mev", title: "Threshold", unit: "MeV", digits: 2),
            .init("events"),
            .init("mu_nu_limit", title: "μν limit", unit: "μ_B", digits: 3),
        ], rows: [
            ["KamLAND >3 MeV", 3.0, 3000, 2.93456e-11],
            ["JUNO, >0.2 | \"x\"", 0.2, 280000, .missing],
        ])
    }

    @Test func markdownBytes() throws {
        #expect(try Self.sampleTable().markdown() == """
            ## Limits

            | scenario | Threshold [MeV] | events | μν limit [μ_B] |
            |:---|---:|---:|---:|
            | KamLAND >3 MeV | 3.0 | 3000 | 2.93e-11 |
            | JUNO, >0.2 \\| "x" | 0.20 | 280000 | — |

            """)
    }

    @Test func csvBytes() throws {
        #expect(try Self.sampleTable().csv() == #"""
            scenario,threshold_mev,events,mu_nu_limit
            KamLAND >3 MeV,3,3000,2.93456e-11
            "JUNO, >0.2 | ""x""",0.2,280000,

            """#)
    }

    @Test func jsonBytes() throws {
        #expect(try Self.sampleTable().json().serialized() == """
            {
              "title": "Limits",
              "columns": [
                {
                  "key": "scenario",
                  "title": "scenario",
                  "unit": null
                },
                {
                  "key": "threshold_mev",
                  "title": "Threshold",
                  "unit": "MeV"
                },
                {
                  "key": "events",
                  "title": "events",
                  "unit": null
                },
                {
                  "key": "mu_nu_limit",
                  "title": "μν limit",
                  "unit": "μ_B"
                }
              ],
              "rows": [
                {
                  "scenario": "KamLAND >3 MeV",
                  "threshold_mev": 3,
                  "events": 3000,
                  "mu_nu_limit": 2.93456e-11
                },
                {
                  "scenario": "JUNO, >0.2 | \\"x\\"",
                  "threshold_mev": 0.2,
                  "events": 280000,
                  "mu_nu_limit": null
                }
              ]
            }

            """)
    }

    @Test(arguments: [
        (2.93456e-11, 3, "2.93e-11"), (3000.0, 3, "3000"), (0.007, 3, "0.00700"), (9.996, 3, "10.0"),
        (280000.0, 3, "280000"), (2.6e22, 3, "2.60e22"), (0.0, 3, "0"), (-1.5e-7, 3, "-1.50e-7"),
        (0.0012345, 2, "0.0012"), (999999.0, 2, "1.0e6"), (Double.nan, 3, "nan"), (-Double.infinity, 3, "-inf"),
    ])
    func significantDigits(value: Double, digits: Int, expected: String) {
        #expect(NumberFormatting.significant(value, digits: digits) == expected)
    }

    @Test func roundTripNumbersReadBack() {
        for x in [3000.0, 0.007, 2.9e-11, 1e23, -0.1, 1.0 / 3.0] {
            #expect(Double(NumberFormatting.roundTrip(x)) == x)
        }
        #expect(NumberFormatting.roundTrip(3000) == "3000")
    }

    @Test func limitsTableLayout() throws {
        let table = try ResultTable.limits([
            LimitRow(scenario: "KamLAND >3 MeV", detector: "kamland", thresholdMeV: 3, events: 3000, normSigma: 0.007,
                     model: .magneticMoment, statistic: .poisson, limit: 5.3749e-11),
            LimitRow(scenario: "KamLAND >3 MeV", detector: "kamland", thresholdMeV: 3, events: 3000, normSigma: 0.007,
                     model: try .lightVector(mediatorMassMeV: 0, interference: .exact), statistic: .pearson,
                     limitMethod: .cls, limit: nil),
        ], cl: 0.90)
        #expect(table.markdown() == """
            | Scenario | Detector | Threshold [MeV] | SM events | σ_norm | Model | Interference | M [MeV] | Statistic | Limit | Parameter | 90 % CL limit |
            |:---|:---|---:|---:|---:|:---|:---|---:|:---|:---|:---|---:|
            | KamLAND >3 MeV | kamland | 3.0 | 3000 | 0.0070 | magnetic-moment | — | — | poisson | clsb | μν [μ_B] | 5.37e-11 |
            | KamLAND >3 MeV | kamland | 3.0 | 3000 | 0.0070 | light-vector | exact | 0 | pearson | cls | g | — |

            """)
        #expect(table.csv().hasPrefix("scenario,detector,threshold_mev,events,norm_sigma,model,interference,mediator_mass_mev,statistic,limit_method,parameter,limit\n"))
    }

    @Test func rowsMustMatchColumns() throws {
        var table = try ResultTable(columns: [.init("a"), .init("b")])
        #expect(throws: StudyError.rowLength(row: 0, cells: 1, columns: 2)) { try table.append([1]) }
        #expect(throws: StudyError.duplicateColumn("a")) { try ResultTable(columns: [.init("a"), .init("a")]) }
    }

    @Test func outputDirectoryWritesTheLayout() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try RunCard.load(path: TestSupport.path("macros/smoke.yaml"))
        let directory = OutputDirectory(card: loaded, root: root)
        #expect(directory.path == "\(root)/smoke")
        let table = try Self.sampleTable()
        let spectrum = try PlotData.spectrum(binEdges: [3, 4, 5], components: [("SM", [10, 5]), ("SM + mu_nu=1e-10", [12, 5.5])])
        let provenance = Provenance.current(card: loaded, date: Date(timeIntervalSince1970: 0), gitCommit: "unknown")
        var document = ResultDocument(provenance: provenance, card: loaded.card, results: .object([("ok", true)]))
        document.tables.insert(("main", table), at: 0)
        let written = try directory.writeTable(table, markdown: true, csv: true)
            + [try directory.writeData(spectrum, name: PlotData.fileName(.spectrum, tag: "KamLAND >3 MeV")),
               try directory.writeResult(document)]
        #expect(written.map { ($0 as NSString).lastPathComponent }
                == ["table.md", "table.csv", "spectrum_KamLAND--3-MeV.csv", "result.json"])
        #expect(try String(contentsOfFile: directory.file("table.md"), encoding: .utf8) == table.markdown())
        #expect(try String(contentsOfFile: directory.file("spectrum_KamLAND--3-MeV.csv"), encoding: .utf8) == """
            t_low_mev,t_high_mev,component,events
            3,4,SM,10
            4,5,SM,5
            3,4,SM + mu_nu=1e-10,12
            4,5,SM + mu_nu=1e-10,5.5

            """)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: directory.file("result.json"))))
        #expect(json["format"] == "nue-result/1")
        #expect(json["provenance"]?["tool"] == "nue")
        #expect(json["provenance"]?["card_sha256"] == .string(loaded.sha256))
        #expect(json["provenance"]?["card_text"] == .string(loaded.text))
        #expect(json["provenance"]?["seed"] == 1)
        #expect(json["provenance"]?["date_utc"] == "1970-01-01T00:00:00Z")
        #expect(json["card"]?["title"] == .string(loaded.card.title))
        #expect(json["tables"]?["main"]?["title"] == "Limits")
        #expect(json["results"]?["ok"] == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func gitCommitIsHexOrUnknown() {
        let commit = Provenance.gitCommit(in: TestSupport.repoRoot)
        #expect(commit == "unknown" || (commit.count == 40 && commit.allSatisfy(\.isHexDigit)))
        #expect(Provenance.gitCommit(in: "/") == "unknown")
    }
}
