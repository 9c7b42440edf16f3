import Foundation
import Output
import Testing
@testable import Studies
import Statistics

/// The card key `limit: clsb|cls` (top level, `ScenarioSetting.limitMethod`): parsed, located
/// when wrong, accepted with the toy analyses (refused with Feldman–Cousins coverage), carried to the Asimov table as `limit_method`.
@Suite struct LimitMethodCardTests {
    static func card(limit: String?, analyses: String = "[asimov]", toys: String = "{count: 10, seed: 1}") -> String {
        """
        format: nue-card/1
        title: limit test
        analyses: \(analyses)
        scenarios:
          - {name: KamLAND >3 MeV, detector: kamland, threshold_mev: 3.0, events: 3000, norm_sigma: 0.007}
        models:
          - model: magnetic-moment
        binning: {bin_width_mev: 0.5}
        toys: \(toys)
        outputs: {table: true, csv: true, json: false, plots: false}
        """ + (limit.map { "\nlimit: \($0)\n" } ?? "\n")
    }

    @Test func parsesDefaultsAndLocatesErrors() throws {
        #expect(try RunCard.parse(yaml: Self.card(limit: nil), file: "c.yaml").limit == .clsb)
        let cls = try RunCard.parse(yaml: Self.card(limit: "cls"), file: "c.yaml")
        #expect(cls.limit == .cls)
        #expect(try RunCard.parse(yaml: try cls.yaml(), file: "again.yaml") == cls)
        #expect(ScenarioSetting.limitMethod.cardKey == "limit" && ScenarioSetting.limitMethod.option == "--limit")
        #expect(try ScenarioSetting.limitMethod.parse(nil) == .clsb)
        #expect(throws: StudyError("--limit must be one of clsb, cls, got 'CLs'")) { try ScenarioSetting.limitMethod.parse("CLs") }
        do {
            _ = try RunCard.parse(yaml: Self.card(limit: "cl"), file: "c.yaml")
            Issue.record("limit: cl accepted")
        } catch let error as StudyError {
            #expect(error.key == "limit" && error.line == 11, "\(error)")
        }
        #expect(try RunCard.parse(yaml: Self.card(limit: "cls", analyses: "[asimov, toys]"), file: "c.yaml").limit == .cls)
        let asimovCoverage = "{count: 10, seed: 1, coverage: {methods: [asimov]}}"
        #expect(try RunCard.parse(yaml: Self.card(limit: "cls", analyses: "[coverage]", toys: asimovCoverage), file: "c.yaml").limit == .cls)
        do {
            let fc = "{count: 10, seed: 1, coverage: {methods: [asimov, fc]}}"
            _ = try RunCard.parse(yaml: Self.card(limit: "cls", analyses: "[coverage]", toys: fc), file: "c.yaml")
            Issue.record("limit: cls accepted with fc coverage")
        } catch let error as StudyError {
            #expect(error.key == "limit" && error.message.contains("Feldman–Cousins"), "\(error)")
        }
    }

    /// The Asimov table's CLs row is 1.13 × the CLs+b one (κ, Gaussian regime: √(1.6449/1.2816)).
    @Test func asimovTableCarriesTheMethod() throws {
        var limits: [LimitMethod: Double] = [:]
        for method in LimitMethod.allCases {
            let card = try RunCard.parse(yaml: Self.card(limit: method.rawValue), file: "c.yaml")
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let directory = OutputDirectory(path: (root as NSString).appendingPathComponent("out"))
            let loaded = LoadedCard(card: card, path: "c.yaml", text: Self.card(limit: method.rawValue))
            _ = try StudyRunner(card: loaded, options: .init(threads: 1)).run(into: directory)
            let csv = try String(contentsOfFile: directory.file("table.csv"), encoding: .utf8)
            let lines = csv.split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
            let column = try #require(header.firstIndex(of: "limit_method"))
            #expect(row[column] == Substring(method.rawValue))
            limits[method] = Double(row[try #require(header.firstIndex(of: "limit"))])
        }
        let ratio = try #require(limits[.cls]) / (try #require(limits[.clsb]))
        #expect(abs(ratio - (1.6448536269514722 / 1.2815515655446004).squareRoot()) < 0.005, "CLs/CLs+b = \(ratio)")
    }

    /// With `limit: cls` the toy and coverage tables say `cls` in `limit_method`; the toy median
    /// lies above the CLs+b one of the same toys, and CLs covers at least as often.
    @Test(arguments: ["toys", "coverage"])
    func toyAnalysesCarryTheMethod(analysis: String) throws {
        var values: [LimitMethod: Double] = [:]
        for method in LimitMethod.allCases {
            let text = Self.card(limit: method.rawValue, analyses: "[\(analysis)]",
                                 toys: "{count: 200, seed: 3, coverage: {methods: [asimov], true_values_over_asimov: [1.0]}}")
            let card = try RunCard.parse(yaml: text, file: "c.yaml")
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let directory = OutputDirectory(path: (root as NSString).appendingPathComponent("out"))
            _ = try StudyRunner(card: LoadedCard(card: card, path: "c.yaml", text: text), options: .init(threads: 2)).run(into: directory)
            let lines = try String(contentsOfFile: directory.file("table.csv"), encoding: .utf8).split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
            #expect(row[try #require(header.firstIndex(of: "limit_method"))] == Substring(method.rawValue))
            #expect(row[try #require(header.firstIndex(of: "status"))] == "ok", "\(row)")
            values[method] = Double(row[try #require(header.firstIndex(of: analysis == "toys" ? "median" : "coverage"))])
        }
        let cls = try #require(values[.cls]), clsb = try #require(values[.clsb])
        print("\(analysis): CLs \(cls), CLs+b \(clsb)")
        #expect(analysis == "toys" ? cls > clsb : cls >= clsb - 0.02)
    }
}
