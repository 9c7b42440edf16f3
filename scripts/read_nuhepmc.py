#!/usr/bin/env python3
"""Read a NuHepMC v1.0 file with pyhepmc and print one JSON object (independent of nue's Swift code).

    python3 scripts/read_nuhepmc.py FILE [--bin-edges T0,T1,...]

Keys: events; tools; weight_names; run_info (every run attribute as a string);
flux_averaged_total_cross_section_pb (NuHepMC G.C.2); cross_section_unit, target_scale (G.R.6);
missing_required (G.R.2, G.R.4-G.R.6, G.R.8-G.R.11 attributes that are absent; [] for a valid header);
sum_weights, sum_weights_squared (CV weights, G.R.7); process_ids {id: events} (E.R.3);
event_numbers_unique (E.R.2); events_failing (E.R.4-E.R.7 per-event checks: units, lab_pos, one
primary vertex, one beam status 4 and one target status 20); max_four_momentum_violation_mev
(max over the nu-e events, process 750, and components of |sum in - sum out| at the vertex; background
events carry no complete kinematics); undeclared_process_ids (event IDs missing from NuHepMC.ProcessIDs);
components {process id: {nue.component: events}} and deposited_energy_sum_mev {process id: sum of
nue.deposited_energy_mev} for background events;
with --bin-edges, cross_section_per_bin_pb: sigma of the final-state electron's kinetic energy
T = E - m in each bin, sigma_bin = <sigma> * sum_bin w / sum_file w (NuHepMC paper, arXiv:2310.13211, sec. 3.1).
"""
import json
import sys

import pyhepmc


def attribute_strings(attributes):
    """Run attributes as plain strings (pyhepmc leaves file attributes unparsed)."""
    out = {}
    for name, value in attributes.items():
        out[name] = value.astype(str) if hasattr(value, "astype") else str(value)
    return out


def missing_required(run):
    """Names required by NuHepMC v1.0 G.R.2, G.R.4-G.R.6, G.R.8-G.R.11 (and G.C.2 when signalled) that are absent."""
    required = ["NuHepMC.Version.Major", "NuHepMC.Version.Minor", "NuHepMC.Version.Patch",
                "NuHepMC.Conventions", "NuHepMC.Units.CrossSection.Unit", "NuHepMC.Units.CrossSection.TargetScale",
                "NuHepMC.ProcessIDs", "NuHepMC.VertexStatusIDs", "NuHepMC.ParticleStatusIDs",
                "NuHepMC.AdditionalParticleNumbers"]
    if "G.C.2" in run.get("NuHepMC.Conventions", "").split():
        required.append("NuHepMC.FluxAveragedTotalCrossSection")
    for ids, info in [("NuHepMC.ProcessIDs", "ProcessInfo"), ("NuHepMC.VertexStatusIDs", "VertexStatusInfo"),
                      ("NuHepMC.ParticleStatusIDs", "ParticleStatusInfo")]:
        for i in run.get(ids, "").split():
            required += [f"NuHepMC.{info}[{i}].Name", f"NuHepMC.{info}[{i}].Description"]
    for i in run.get("NuHepMC.AdditionalParticleNumbers", "").split():
        required.append(f"NuHepMC.AdditionalParticleNumber[{i}].Name")
    return [name for name in required if name not in run]


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: read_nuhepmc.py FILE [--bin-edges T0,T1,...]")
    edges = None
    if "--bin-edges" in argv:
        edges = [float(x) for x in argv[argv.index("--bin-edges") + 1].split(",")]
    result = {"events": 0, "sum_weights": 0.0, "sum_weights_squared": 0.0, "process_ids": {},
              "event_numbers_unique": True, "events_failing": 0, "max_four_momentum_violation_mev": 0.0,
              "undeclared_process_ids": [], "components": {}, "deposited_energy_sum_mev": {}}
    numbers = set()
    bins = [0.0] * (len(edges) - 1) if edges else None
    run = None
    with pyhepmc.open(argv[1]) as f:
        for event in f:
            if run is None:
                info = event.run_info
                run = attribute_strings(info.attributes)
                result["tools"] = [[t.name, t.version, t.description] for t in info.tools]
                result["weight_names"] = list(info.weight_names)
            w = event.weight("CV")
            result["events"] += 1
            result["sum_weights"] += w
            result["sum_weights_squared"] += w * w
            if event.event_number < 0 or event.event_number in numbers:
                result["event_numbers_unique"] = False
            numbers.add(event.event_number)
            attrs = attribute_strings(event.attributes)
            pid = attrs.get("signal_process_id", "missing")
            result["process_ids"][pid] = result["process_ids"].get(pid, 0) + 1
            status = [p.status for p in event.particles]
            primary = [v for v in event.vertices if v.status == 1]
            ok = (event.momentum_unit == pyhepmc.Units.MEV and event.length_unit == pyhepmc.Units.MM
                  and len(attrs.get("lab_pos", "").split()) in (3, 4) and len(primary) == 1
                  and status.count(4) == 1 and status.count(20) == 1
                  and all(v.status != 0 for v in event.vertices))
            if not ok:
                result["events_failing"] += 1
            if pid not in run.get("NuHepMC.ProcessIDs", "").split() and pid not in result["undeclared_process_ids"]:
                result["undeclared_process_ids"].append(pid)
            if "nue.component" in attrs:
                per = result["components"].setdefault(pid, {})
                per[attrs["nue.component"]] = per.get(attrs["nue.component"], 0) + 1
                deposit = float(attrs["nue.deposited_energy_mev"])
                result["deposited_energy_sum_mev"][pid] = result["deposited_energy_sum_mev"].get(pid, 0.0) + deposit
                continue
            for v in event.vertices:
                pin = [sum(getattr(p.momentum, c) for p in v.particles_in) for c in "xyze"]
                pout = [sum(getattr(p.momentum, c) for p in v.particles_out) for c in "xyze"]
                violation = max(abs(a - b) for a, b in zip(pin, pout))
                result["max_four_momentum_violation_mev"] = max(result["max_four_momentum_violation_mev"], violation)
            if bins is not None:
                electron = next(p for p in event.particles if p.status == 1 and p.pid == 11)
                t = electron.momentum.e - electron.generated_mass
                for k in range(len(bins)):
                    if edges[k] <= t < edges[k + 1]:
                        bins[k] += w
    run = run or {}
    result["run_info"] = run
    result["missing_required"] = missing_required(run)
    fatx = run.get("NuHepMC.FluxAveragedTotalCrossSection")
    result["flux_averaged_total_cross_section_pb"] = float(fatx) if fatx is not None else None
    result["cross_section_unit"] = run.get("NuHepMC.Units.CrossSection.Unit")
    result["target_scale"] = run.get("NuHepMC.Units.CrossSection.TargetScale")
    if bins is not None and fatx is not None and result["sum_weights"] != 0:
        result["cross_section_per_bin_pb"] = [float(fatx) * b / result["sum_weights"] for b in bins]
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
