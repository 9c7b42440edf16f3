#!/usr/bin/env python3
"""pyhf's toy-based expected band for a nue workspace (the test-statistic-quantile convention).

Reads a HistFactory workspace written by nue (PyhfWorkspace / `nue export-pyhf`; nue's metadata
from the sidecar WS.nue.json, read by pyhf_check.load), and at each POI value mu of --mu runs pyhf's own toy
calculator, pyhf.infer.calculators.ToyCalculator(test_stat="qtilde", ntoys=N): toys for
mu (nuisances from a fixed-POI fit to the workspace data, then main and auxiliary data sampled)
and for mu = 0, q~mu of each, and ToyCalculator.expected_pvalues -- the CLs+b, CLb and CLs
values at the 2.275/15.87/50/84.13/97.72 percentiles over the background-only toys.

The expected limit of each band and method is the first crossing of the expected p-value below
alpha = 1 - CL along the mu grid, interpolated linearly in mu in z = Phi^-1(1 - p) (p clamped to
[0.5/N, 1 - 0.5/N]); 0 when p < alpha at the first mu, null when never -- the rule of nue's
ToyExpectedBand, so the two differ only by their toys. Statistical errors: standard deviation
over --bootstrap resamplings of the toys (the same resampled toy indices at every mu would need
common toys; pyhf draws fresh toys per mu, so each mu is resampled independently).

Seeds: numpy's global generator (pyhf's numpy backend samples through scipy.stats) is seeded
with --seed + i before the toys of the i-th mu; the bootstrap uses numpy.random.default_rng(--seed).

Usage: python3 scripts/pyhf_toy_band.py WORKSPACE.json --mu 0.1,0.5,1,2 [--ntoys 300]
       [--seed 1] [--cl 0.90] [--bootstrap 200]
Prints one JSON object: mu, ntoys, cl, expected_pvalues {clsb, cls: [[5 per mu]]},
limits {clsb, cls: [5]}, errors {clsb, cls: [5]}, exported_at, parameter, pyhf_version, seconds.
"""
import argparse
import json
import os
import sys
import time


def crossing(mus, pvalues, alpha, clamp):
    from scipy.stats import norm
    for i, p in enumerate(pvalues):
        if p < alpha:
            if i == 0:
                return 0.0
            def z(x):
                return float(norm.ppf(1.0 - min(max(x, clamp), 1.0 - clamp)))
            za, zb, target = z(pvalues[i - 1]), z(p), float(norm.ppf(1.0 - alpha))
            if zb <= za:
                return mus[i]
            return mus[i - 1] + (target - za) / (zb - za) * (mus[i] - mus[i - 1])
    return None


def expected(sb, b):
    """CLs+b and CLs expected p-values at the five percentiles, as ToyCalculator.expected_pvalues."""
    import numpy as np
    sb = np.sort(np.asarray(sb, dtype=float))
    b = np.asarray(b, dtype=float)
    bs = np.sort(b)
    clsb = (len(sb) - np.searchsorted(sb, b, side="left")) / len(sb)
    clb = (len(bs) - np.searchsorted(bs, b, side="left")) / len(bs)
    percentiles = [2.27501319, 15.86552539, 50.0, 84.13447461, 97.72498681]
    return (list(np.percentile(clsb, percentiles, method="linear")),
            list(np.percentile(clsb / clb, percentiles, method="linear")))



sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pyhf_check import load  # noqa: E402  (one reader of nue's workspace + sidecar)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace")
    parser.add_argument("--mu", required=True, help="comma-separated POI values, ascending")
    parser.add_argument("--ntoys", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cl", type=float, default=0.90)
    parser.add_argument("--bootstrap", type=int, default=200)
    args = parser.parse_args()
    try:
        import numpy as np
        import pyhf
    except ImportError as error:
        print(json.dumps({"error": f"pyhf not available: {error}"}))
        return 2
    mus = [float(x) for x in args.mu.split(",")]
    if not mus or any(m <= 0 for m in mus) or mus != sorted(mus):
        print(json.dumps({"error": "--mu must be positive and ascending"}))
        return 2
    start = time.time()
    spec, metadata = load(args.workspace)
    pyhf.set_backend("numpy")
    workspace = pyhf.Workspace(spec)
    model = workspace.model()
    data = workspace.data(model)
    alpha = 1.0 - args.cl
    samples = []
    official = {"clsb": [], "cls": []}
    for i, mu in enumerate(mus):
        np.random.seed(args.seed + i)
        calculator = pyhf.infer.calculators.ToyCalculator(data, model, ntoys=args.ntoys, test_stat="qtilde",
                                                          track_progress=False)
        sb, b = calculator.distributions(mu)
        clsb_band, _, cls_band = calculator.expected_pvalues(sb, b)
        official["clsb"].append([float(x) for x in clsb_band])
        official["cls"].append([float(x) for x in cls_band])
        samples.append((np.asarray(sb.samples, dtype=float), np.asarray(b.samples, dtype=float)))
    clamp = 0.5 / args.ntoys

    def limits(pvalue_sets):
        return [crossing(mus, [row[n] for row in pvalue_sets], alpha, clamp) for n in range(5)]

    result_limits = {method: limits(official[method]) for method in ("clsb", "cls")}
    rng = np.random.default_rng(args.seed)
    replicas = {"clsb": [], "cls": []}
    for _ in range(args.bootstrap):
        sets = {"clsb": [], "cls": []}
        for sb, b in samples:
            clsb, cls = expected(sb[rng.integers(0, len(sb), len(sb))], b[rng.integers(0, len(b), len(b))])
            sets["clsb"].append(clsb)
            sets["cls"].append(cls)
        for method in ("clsb", "cls"):
            replicas[method].append(limits(sets[method]))
    errors = {}
    for method in ("clsb", "cls"):
        errors[method] = []
        for n in range(5):
            values = [r[n] for r in replicas[method] if r[n] is not None and r[n] > 0]
            errors[method].append(float(np.std(values, ddof=1)) if len(values) >= 2 else None)
    print(json.dumps({
        "mu": mus, "ntoys": args.ntoys, "cl": args.cl, "seed": args.seed,
        "expected_pvalues": official, "limits": result_limits, "errors": errors,
        "parameter": metadata.get("parameter"), "exported_at": metadata.get("exported_at"),
        "pyhf_version": pyhf.__version__, "seconds": time.time() - start,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
