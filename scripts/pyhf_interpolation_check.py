#!/usr/bin/env python3
"""pyhf's own numbers for nue's HistFactory interpolation (docs/physics.md §16.3).

Reads one JSON file:
  {"nominal": [...], "histosys_up": [...], "histosys_down": [...],
   "normsys_up": u, "normsys_down": d, "points": [[alpha_histosys, alpha_normsys], ...],
   "histosys_code": "code4p", "normsys_code": "code4"}
builds a one-channel workspace whose single sample carries a normfactor `mu` (fixed at 1), a
histosys `shape` (hi_data/lo_data) and a normsys `norm` (hi/lo), with the given interpolation
codes (pyhf's `modifier_settings`), and prints one JSON object:
  {"pyhf_version": ..., "expected": [[nu_b at point 0], [nu_b at point 1], ...]}
with nu = model.expected_actualdata(pars) at each point.

Usage: python3 scripts/pyhf_interpolation_check.py INPUT.json
"""
import json
import sys

import pyhf


def main(path):
    with open(path) as f:
        spec_in = json.load(f)
    nominal = spec_in["nominal"]
    spec = {
        "channels": [{
            "name": "ch",
            "samples": [{
                "name": "sample",
                "data": nominal,
                "modifiers": [
                    {"name": "mu", "type": "normfactor", "data": None},
                    {"name": "shape", "type": "histosys",
                     "data": {"hi_data": spec_in["histosys_up"], "lo_data": spec_in["histosys_down"]}},
                    {"name": "norm", "type": "normsys",
                     "data": {"hi": spec_in["normsys_up"], "lo": spec_in["normsys_down"]}},
                ],
            }],
        }],
        "observations": [{"name": "ch", "data": nominal}],
        "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}],
        "version": "1.0.0",
    }
    pyhf.set_backend("numpy", precision="64b")
    workspace = pyhf.Workspace(spec)
    model = workspace.model(modifier_settings={
        "normsys": {"interpcode": spec_in.get("normsys_code", "code4")},
        "histosys": {"interpcode": spec_in.get("histosys_code", "code4p")},
    })
    expected = []
    for a_shape, a_norm in spec_in["points"]:
        pars = list(model.config.suggested_init())
        pars[model.config.par_slice("mu").start] = 1.0
        pars[model.config.par_slice("shape").start] = a_shape
        pars[model.config.par_slice("norm").start] = a_norm
        nu = model.expected_actualdata(pyhf.tensorlib.astensor(pars))
        expected.append([float(x) for x in nu])
    print(json.dumps({"pyhf_version": pyhf.__version__, "expected": expected}))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: pyhf_interpolation_check.py INPUT.json")
    main(sys.argv[1])
