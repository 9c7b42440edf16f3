#!/usr/bin/env python3
"""Independent Asimov upper limit of a binned model (NumPy/SciPy), for nue's fitter tests.

Reads a JSON model {"sm": [...], "term": [...], "bg": [[...], ...], "bg_sigma": [...],
"norm_sigma": s, "critical": c} and prints {"limit": θ_up}: the θ > 0 where the profiled
Poisson statistic of the Asimov data at θ = 0 (nominal nuisances) reaches c,

    λ(θ, n, b) = 2 Σ_i [μ_i − d_i − d_i log1p((μ_i − d_i)/d_i)] + (n − 1)²/σ_n² + Σ_j (b_j − 1)²/σ_j²,
    μ_i = n (S_i + θ T_i) + Σ_j b_j B_j,i,

profiled by plain Newton with backtracking on the exact λ (no bounds: the nuisances stay near 1)
and solved in θ by SciPy's brentq. docs/physics.md §7.3.
"""
import json
import sys

import numpy as np
from scipy.optimize import brentq

m = json.load(open(sys.argv[1]))
S, T = np.array(m["sm"]), np.array(m["term"])
B, sb, sn = np.array(m["bg"]), np.array(m["bg_sigma"]), m["norm_sigma"]
d = S + B.sum(axis=0)


def parts(theta, nu):
    cols = np.vstack([S + theta * T, B])
    return cols, nu @ cols


def lam(theta, nu):
    _, mu = parts(theta, nu)
    if np.any(mu <= 0):
        return np.inf
    e = mu - d
    bins = np.where(d > 0, e - d * np.log1p(e / np.where(d > 0, d, 1)), mu)
    return 2 * bins.sum() + ((nu[0] - 1) / sn) ** 2 + np.sum(((nu[1:] - 1) / sb) ** 2)


def profile(theta):
    nu = np.ones(1 + len(sb))
    inverse = np.concatenate([[1 / sn**2], 1 / sb**2])
    for _ in range(200):
        cols, mu = parts(theta, nu)
        g = cols @ (2 * (1 - d / mu)) + 2 * (nu - 1) * inverse
        h = (cols * (2 * d / mu**2)) @ cols.T + np.diag(2 * inverse)
        step = -np.linalg.solve(h, g)
        decrement = -g @ step
        if decrement < 1e-20:
            break
        value, a = lam(theta, nu), 1.0
        while lam(theta, nu + a * step) > value - 1e-4 * a * decrement and a > 1e-12:
            a /= 2
        nu = nu + a * step
    return lam(theta, nu)


critical = m["critical"]
upper = 1.0
while profile(upper) < critical:
    upper *= 2
limit = brentq(lambda t: profile(t) - critical, 0.0, upper, xtol=1e-15, rtol=1e-13)
print(json.dumps({"limit": limit}))
