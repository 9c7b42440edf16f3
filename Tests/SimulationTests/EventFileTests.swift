import Foundation
import Output
import Physics
import Testing
@testable import Simulation

@Suite struct EventFileTests {
    static func events(_ count: Int) throws -> (Scenario, EventGenerator, [Event]) {
        let s = try Fixtures.scenario("dune-lar")
        let pipeline = try s.pipeline(model: s.model(kappa: 2e-11, g: 1e-6))
        var out: [Event] = []
        try pipeline.runDetected(seed: 8, count: count) { out.append($0) }
        return (s, pipeline.generator, out)
    }

    static func temporaryPath(_ name: String) -> String { NSTemporaryDirectory() + "nue-sim-\(getpid())-\(name)" }

    @Test func csvHasHeaderAndColumns() throws {
        let (_, _, events) = try Self.events(50)
        let path = Self.temporaryPath("a.csv")
        let writer = try CSVEventWriter(path: path)
        for e in events { try writer.write(e) }
        try writer.finish()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines[0] == "enu_mev,t_mev,cos_theta,t_reco_mev,cos_theta_reco,weight")
        for (line, e) in zip(lines.dropFirst(), events) {
            let v = line.split(separator: ",").map { Double($0)! }
            #expect(v == [e.neutrinoEnergyMeV, e.recoilMeV, e.cosTheta, e.recoRecoilMeV, e.cosThetaReco, e.weight])
        }
    }

    @Test func abandonedWriterLeavesNoFile() throws {
        let path = Self.temporaryPath("b.csv")
        let writer = try CSVEventWriter(path: path)
        try writer.write(Event())
        writer.abandon()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .allSatisfy { !$0.hasPrefix(".\((path as NSString).lastPathComponent).") })
        #expect(throws: OutputError.writeFailed(path: "/nonexistent-dir/x.csv", reason: "directory '/nonexistent-dir' does not exist")) {
            try CSVEventWriter(path: "/nonexistent-dir/x.csv")
        }
    }

    /// Parses the NuHepMC file and checks the requirements listed on `NuHepMCWriter` and
    /// `NuHepMCRunInfo` (NuHepMC v1.0.0): G.R.1–G.R.11, G.C.2, E.R.2–E.R.9, V.R.1, P.R.1, plus
    /// energy–momentum conservation at the vertex.
    @Test func nuHepMCFileMeetsRequirements() throws {
        let (s, generator, events) = try Self.events(40)
        let path = Self.temporaryPath("c.hepmc3")
        let meta = s.eventFileMetadata(model: generator.model, templates: try s.templates(), seed: 8, weighted: false,
                                       toolVersion: "test")
        let writer = try NuHepMCWriter(path: path, metadata: meta)
        for e in events { try writer.write(e) }
        try writer.finish()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)

        #expect(lines[0].hasPrefix("HepMC::Version 3."))
        #expect(lines[1] == "HepMC::Asciiv3-START_EVENT_LISTING")
        #expect(lines.last == "HepMC::Asciiv3-END_EVENT_LISTING")
        let firstEvent = lines.firstIndex { $0.hasPrefix("E ") }!
        let header = lines[2..<firstEvent]
        var run: [String: String] = [:]
        for l in header where l.hasPrefix("A ") {
            let parts = l.dropFirst(2).split(separator: " ", maxSplits: 1)
            run[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        // G.R.2, G.R.3, G.R.4, G.R.5/G.C.2, G.R.6, G.R.7.
        #expect(run["NuHepMC.Version.Major"] == "1" && run["NuHepMC.Version.Minor"] == "0" && run["NuHepMC.Version.Patch"] == "0")
        let tool = header.first { $0.hasPrefix("T ") }!.dropFirst(2).components(separatedBy: "\\|")
        #expect(tool.count == 3 && tool[0] == "nue" && !tool[1].isEmpty)
        let conventions = run["NuHepMC.Conventions"]!.split(separator: " ")
        #expect(conventions.contains("G.C.2") && conventions.contains("E.C.1") && conventions.contains("G.C.3"))
        // G.C.2: the detected selection's ⟨σ⟩ in pb (1 pb = 10⁻³⁶ cm²), below the generated region's.
        let fatx = Double(run["NuHepMC.FluxAveragedTotalCrossSection"]!)!
        let detected = s.detectedCrossSection(model: generator.model, templates: try s.templates())
        #expect(abs(fatx / (detected * 1e36) - 1) < 1e-12)
        #expect(fatx < generator.regionCrossSection * 1e36)
        #expect(abs(Double(run["NuHepMC.Provenance.GeneratedCrossSection"]!)! / (generator.regionCrossSection * 1e36) - 1) < 1e-12)
        // The expected detected events (the templates above threshold) = ⟨σ⟩ × events per pb.
        let perPicobarn = Double(run["NuHepMC.Provenance.ExpectedEventsPerPicobarn"]!)!
        #expect(abs(fatx * perPicobarn / (try s.templates()).aboveThreshold.combined(for: generator.model) - 1) < 1e-12)
        #expect(run["NuHepMC.Units.CrossSection.Unit"] == "pb")
        #expect(run["NuHepMC.Units.CrossSection.TargetScale"] == "PerTargetElectron")
        // G.R.11: declared, empty (only standard PDG codes are used); G.C.3: DOIs of the process.
        #expect(run["NuHepMC.AdditionalParticleNumbers"] == "")
        #expect(header.contains("A NuHepMC.AdditionalParticleNumbers "))
        #expect(run["NuHepMC.Citations.Process[\(NuHepMCWriter.processID)].DOI"]?.contains("10.1103/PhysRevD.39.3378") == true)
        #expect(header.contains("W CV"))
        // G.R.8, G.R.9, G.R.10: every declared ID has a name and a description.
        let processIDs = run["NuHepMC.ProcessIDs"]!.split(separator: " ").map { Int($0)! }
        for id in processIDs {
            #expect(run["NuHepMC.ProcessInfo[\(id)].Name"] != nil && run["NuHepMC.ProcessInfo[\(id)].Description"]!.contains("Vogel"))
        }
        for (list, info) in [("NuHepMC.VertexStatusIDs", "VertexStatusInfo"), ("NuHepMC.ParticleStatusIDs", "ParticleStatusInfo")] {
            for id in run[list]!.split(separator: " ") {
                #expect(run["NuHepMC.\(info)[\(id)].Name"] != nil && run["NuHepMC.\(info)[\(id)].Description"] != nil)
            }
        }
        let declaredParticleStatus = Set(run["NuHepMC.ParticleStatusIDs"]!.split(separator: " ").map { Int($0)! })

        // Events.
        var numbers = Set<Int>()
        var i = firstEvent
        var eventIndex = 0
        while i < lines.count, lines[i].hasPrefix("E ") {
            var j = i + 1
            while j < lines.count, !lines[j].hasPrefix("E "), !lines[j].hasPrefix("HepMC::") { j += 1 }
            let body = Array(lines[(i + 1)..<j])
            let number = Int(lines[i].split(separator: " ")[1])!
            #expect(number >= 0 && numbers.insert(number).inserted)                                  // E.R.2
            #expect(body.contains("A 0 signal_process_id \(NuHepMCWriter.processID)"))              // E.R.3
            #expect(processIDs.contains(NuHepMCWriter.processID))
            #expect(body.contains("U MEV MM"))                                                      // E.R.4
            #expect(body.contains("A 0 lab_pos 0 0 0"))                                             // E.R.5
            let vertices = body.filter { $0.hasPrefix("V ") }
            #expect(vertices.count == 1 && vertices[0].split(separator: " ")[2] == "1")            // E.R.6, V.R.1
            let weights = body.filter { $0.hasPrefix("W ") }
            #expect(weights.count == 1 && Double(weights[0].dropFirst(2)) == events[eventIndex].weight) // G.R.7
            // P id parent pdg px py pz e m status
            let particles = body.filter { $0.hasPrefix("P ") }.map { $0.split(separator: " ").map(String.init) }
            let status = particles.map { Int($0[9])! }
            #expect(status.filter { $0 == 4 }.count == 1 && status.filter { $0 == 20 }.count == 1) // E.R.7
            #expect(Set(status).isSubset(of: declaredParticleStatus.union([1, 4, 20])))          // P.R.1
            let beam = particles.first { $0[9] == "4" }!, target = particles.first { $0[9] == "20" }!
            #expect(beam[3] == "-12" && target[3] == "11")
            let final = particles.filter { $0[9] == "1" }
            #expect(final.count == 2 && Set(final.map { $0[3] }) == ["-12", "11"])               // E.R.8
            // Four-momentum conservation (lab frame, E.R.9): Σ in = Σ out.
            for k in 4...7 {
                let incoming = Double(beam[k])! + Double(target[k])!
                let outgoing = final.map { Double($0[k])! }.reduce(0, +)
                #expect(abs(incoming - outgoing) < 1e-9)
            }
            let electron = final.first { $0[3] == "11" }!
            let t = Double(electron[7])! - PhysicalConstants.electronMass
            #expect(abs(t - events[eventIndex].recoilMeV) < 1e-9)
            eventIndex += 1
            i = j
        }
        #expect(eventIndex == events.count)
    }
}
