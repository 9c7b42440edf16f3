#!/usr/bin/env python3
"""Independent check of a nue Asimov limit with pyhf.

Reads a HistFactory workspace written by nue (PyhfWorkspace / `nue export-pyhf`), drops
nue's top-level "metadata" (pyhf's schema allows no extra keys), and computes the upper
limit on the POI `mu` at the given CL with the asymptotic calculator, test statistic q~mu
("qtilde"), using CLs+b (not CLs) -- the frequentist p-value of the signal hypothesis, which
is what nue's Asimov Delta-chi2 crossing corresponds to. The observed data in the workspace
are the Asimov SM data, so the observed limit is the median expected one.

When nue exported the new-physics sample at its own Asimov limit, the printed mu_limit is 1.

Usage: python3 scripts/pyhf_check.py WORKSPACE.json [--cl 0.90]
Prints one JSON object: mu_limit, cl, method, test_stat, calctype, parameter,
exported_at, parameter_limit (for mu_nu: exported_at*sqrt(mu_limit); for g: exported_at when
mu_limit == 1, else null since mu scales the total increment), pyhf_version.
"""
import argparse
import json
import math
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace")
    parser.add_argument("--cl", type=float, default=None, help="confidence level (default: metadata cl or 0.90)")
    args = parser.parse_args()

    try:
        import pyhf
        from scipy.optimize import brentq
    except ImportError as error:
        print(json.dumps({"error": f"pyhf not available: {error}"}))
        return 2

    with open(args.workspace) as handle:
        spec = json.load(handle)
    metadata = spec.pop("metadata", {}) or {}
    cl = args.cl if args.cl is not None else float(metadata.get("cl", 0.90))
    if not 0.0 < cl < 1.0:
        print(json.dumps({"error": f"cl must lie in (0, 1), got {cl}"}))
        return 2

    pyhf.set_backend("numpy", pyhf.optimize.scipy_optimizer(tolerance=1e-12))
    workspace = pyhf.Workspace(spec)
    model = workspace.model()
    data = workspace.data(model)

    def clsb(mu):
        _, tails = pyhf.infer.hypotest(mu, data, model, test_stat="qtilde", calctype="asymptotics",
                                       return_tail_probs=True)
        return float(tails[0])

    alpha = 1.0 - cl
    low, high = 1e-9, 1.37  # any start; the bracket doubles until CLs+b < alpha
    while clsb(high) > alpha:
        low, high = high, high * 2.0
        if high > 1e6:
            print(json.dumps({"error": "no CLs+b crossing below mu = 1e6"}))
            return 1
    mu_limit = brentq(lambda mu: clsb(mu) - alpha, low, high, xtol=1e-10, rtol=1e-10)

    parameter = metadata.get("parameter")
    exported = metadata.get("exported_at")
    parameter_limit = None
    if exported is not None:
        if parameter == "mu_nu":
            parameter_limit = exported * math.sqrt(mu_limit)
        elif abs(mu_limit - 1.0) < 1e-6:
            parameter_limit = exported
    print(json.dumps({
        "mu_limit": mu_limit,
        "cl": cl,
        "method": "CLs+b",
        "test_stat": "qtilde",
        "calctype": "asymptotics",
        "parameter": parameter,
        "exported_at": exported,
        "parameter_limit": parameter_limit,
        "pyhf_version": pyhf.__version__,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
