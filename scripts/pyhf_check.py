#!/usr/bin/env python3
"""Independent check of nue Asimov limits with pyhf.

Reads HistFactory workspaces written by nue (PyhfWorkspace / `nue export-pyhf`) and nue's
metadata from the sidecar next to each (WS.json -> WS.nue.json; an old workspace with a
top-level "metadata" key is still read, the key dropped). Each workspace is validated against
pyhf's schema (pyhf.Workspace(spec)), and the upper limit on the POI `mu` at the given CL is
computed with the asymptotic calculator, test statistic q~mu ("qtilde"), as
  - CLs+b: the frequentist p-value of the signal hypothesis, p_mu = 1 - Phi(sqrt(q~mu)), which is
    what nue's Asimov Delta-chi2 = Phi^-1(CL)^2 crossing corresponds to, or
  - CLs = CLs+b / CLb (Read), nue's `--limit cls`: Delta-chi2 = Phi^-1((1+CL)/2)^2 on the Asimov
    data, where CLb = 1/2.
The observed data in the workspace are the Asimov SM data, so the observed limit is the median
expected one. The limit is the root of p(mu) = 1 - CL (Brent, relative tolerance 1e-10, in a
bracket grown from [0.5, 2]).

When nue exported the new-physics sample at its own Asimov limit for the method, mu_limit = 1.

Usage: python3 scripts/pyhf_check.py WORKSPACE.json [WORKSPACE.json ...] [--cl 0.90]
                                     [--method clsb|cls|both]
Prints one JSON object per workspace and line (in the order given): workspace, mu_limit (for
--method both: mu_limit_clsb and mu_limit_cls), cl, method, test_stat, calctype, parameter,
exported_at, limit_method (the sidecar's), parameter_limit (for mu_nu: exported_at*sqrt(mu_limit);
for g: exported_at when mu_limit == 1, else null since mu scales the total increment),
pyhf_version. Defaults for --cl and --method come from the sidecar (else 0.90 and clsb).
"""
import argparse
import json
import math
import os
import sys


def sidecar_path(path):
    """WS.json -> WS.nue.json (nue's PyhfExport.sidecarPath)."""
    return (path[:-5] if path.endswith(".json") else path) + ".nue.json"


def load(path):
    """The workspace spec and nue's metadata (sidecar, or a legacy top-level key)."""
    with open(path) as handle:
        spec = json.load(handle)
    metadata = spec.pop("metadata", None) or {}
    side = sidecar_path(path)
    if os.path.exists(side):
        with open(side) as handle:
            metadata = json.load(handle)
    return spec, metadata


def upper_limit(pvalue, alpha):
    """The mu > 0 where pvalue(mu) = alpha: a bracket around mu = 1 (nue exports at its own
    limit), halved downward until p > alpha and doubled upward until p < alpha, then Brent. It
    stays away from mu -> 0, where q~mu ~ 0 and rounding can make sqrt(q) NaN."""
    from scipy.optimize import brentq

    def finite(mu):
        value = pvalue(mu)
        if not math.isfinite(value):
            raise RuntimeError(f"p-value is {value} at mu = {mu}")
        return value

    low, high = 0.5, 2.0
    while finite(low) <= alpha:
        low, high = low / 2.0, low
        if low < 1e-6:
            raise RuntimeError("no crossing above mu = 1e-6")
    while finite(high) > alpha:
        low, high = high, high * 2.0
        if high > 1e6:
            raise RuntimeError("no crossing below mu = 1e6")
    return brentq(lambda mu: finite(mu) - alpha, low, high, xtol=1e-10, rtol=1e-10)


def check(path, cl_option, method_option, pyhf):
    spec, metadata = load(path)
    cl = cl_option if cl_option is not None else float(metadata.get("cl", 0.90))
    if not 0.5 < cl < 1.0:
        raise ValueError(f"cl must lie in (0.5, 1), got {cl}")
    method = method_option or metadata.get("limit_method", "clsb")
    workspace = pyhf.Workspace(spec)  # validates against the workspace schema
    model = workspace.model()
    data = workspace.data(model)

    def tails(mu):
        cls, (clsb, clb) = pyhf.infer.hypotest(mu, data, model, test_stat="qtilde", calctype="asymptotics",
                                               return_tail_probs=True)
        return float(clsb), float(cls)

    alpha = 1.0 - cl
    limits = {}
    for name in (["clsb", "cls"] if method == "both" else [method]):
        index = 0 if name == "clsb" else 1
        limits[name] = upper_limit(lambda mu: tails(mu)[index], alpha)

    parameter = metadata.get("parameter")
    exported = metadata.get("exported_at")
    primary = limits.get(metadata.get("limit_method", "clsb"), next(iter(limits.values())))
    parameter_limit = None
    if exported is not None:
        if parameter == "mu_nu":
            parameter_limit = exported * math.sqrt(primary)
        elif abs(primary - 1.0) < 1e-6:
            parameter_limit = exported
    answer = {
        "workspace": path,
        "cl": cl,
        "method": {"clsb": "CLs+b", "cls": "CLs", "both": "CLs+b and CLs"}[method],
        "test_stat": "qtilde",
        "calctype": "asymptotics",
        "parameter": parameter,
        "exported_at": exported,
        "limit_method": metadata.get("limit_method"),
        "parameter_limit": parameter_limit,
        "pyhf_version": pyhf.__version__,
    }
    if method == "both":
        answer["mu_limit_clsb"] = limits["clsb"]
        answer["mu_limit_cls"] = limits["cls"]
    else:
        answer["mu_limit"] = limits[method]
    return answer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspaces", nargs="+", metavar="WORKSPACE")
    parser.add_argument("--cl", type=float, default=None, help="confidence level (default: the sidecar's cl or 0.90)")
    parser.add_argument("--method", choices=["clsb", "cls", "both"], default=None,
                        help="limit method (default: the sidecar's limit_method or clsb)")
    args = parser.parse_args()

    try:
        import pyhf
        import scipy  # noqa: F401  (brentq)
    except ImportError as error:
        print(json.dumps({"error": f"pyhf not available: {error}"}))
        return 2

    pyhf.set_backend("numpy", pyhf.optimize.scipy_optimizer(tolerance=1e-12))
    status = 0
    for path in args.workspaces:
        try:
            answer = check(path, args.cl, args.method, pyhf)
        except Exception as error:  # one bad workspace must not lose the others
            answer = {"workspace": path, "error": f"{type(error).__name__}: {error}"}
            status = 1
        print(json.dumps(answer, sort_keys=True), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
