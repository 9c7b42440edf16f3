#!/usr/bin/env python3
"""pyhf's toy hypothesis tests per second on a nue-exported workspace (issue 13 item 7).

Times pyhf.infer.calculators.ToyCalculator(data, model, ntoys=N, test_stat="qtilde").distributions(mu)
at mu = 1 (nue exports at its Asimov limit): N toys under the signal-plus-background hypothesis and N
under the background-only one, each a toy hypothesis test (two fits: free mu and mu fixed), NumPy
backend, scipy optimizer, one process. Prints one JSON object: pyhf_version, toys (2N), seconds,
toy_tests_per_second, backend.

Usage: python3 scripts/pyhf_toy_rate.py WORKSPACE.json [--toys N]
"""
import argparse
import json
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace")
    parser.add_argument("--toys", type=int, default=50)
    args = parser.parse_args()
    if not 1 <= args.toys <= 100000:
        print(f"pyhf_toy_rate.py: --toys must be in 1..100000, got {args.toys}", file=sys.stderr)
        return 64
    import numpy as np
    import pyhf
    pyhf.set_backend("numpy")
    with open(args.workspace) as handle:
        spec = json.load(handle)
    spec.pop("metadata", None)
    workspace = pyhf.Workspace(spec)
    model = workspace.model()
    data = workspace.data(model)
    np.random.seed(1)
    calculator = pyhf.infer.calculators.ToyCalculator(data, model, ntoys=args.toys, test_stat="qtilde", track_progress=False)
    start = time.perf_counter()
    calculator.distributions(1.0)
    seconds = time.perf_counter() - start
    print(json.dumps({"pyhf_version": pyhf.__version__, "backend": "numpy", "toys": 2 * args.toys, "seconds": seconds,
                      "toy_tests_per_second": 2 * args.toys / seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
