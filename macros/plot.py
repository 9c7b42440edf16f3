#!/usr/bin/env python3
"""Plots for a nue output directory.

Reads the plot data files that `nue run` writes into outputs/<card>/ (schemas in
macros/README.md) and writes PNG and PDF files into outputs/<card>/plots/:

  spectrum_<tag>.csv      t_low_mev,t_high_mev,component,events
                          -> recoil spectra (step histograms) + ratio to "SM"
  delta_chi2_<tag>.csv    parameter,value,delta_chi2,critical,curve
                          -> Delta-chi2 vs parameter with the critical line
  toy_limits_<tag>.csv    parameter,toy,limit,asimov,ts_minus2,ts_minus1,ts_median,ts_plus1,ts_plus2
                          -> toy-limit histogram, median and 68/95 % bands, Asimov line
  coverage_<tag>.csv      method,parameter,true_value,toys,covered,coverage,nominal
                          -> coverage vs true value with binomial errors and the nominal line
  exclusion_gm_<tag>.csv  mass_mev,g_limit,curve
                          -> g-M exclusion with the present limit (g ~ 5e-7 at small M)
  scan_<tag>.csv          scan,x,parameter,limit,curve
                          -> limit vs scanned quantity

Plots in the magnetic moment (parameter mu_nu, in units of mu_B) show the present limits
2.9e-11 (GEMMA/Borexino) and 6.3e-12 (XENONnT).

Uses the mplhep ROOT style when mplhep is installed, plain matplotlib otherwise.
Usage: python3 macros/plot.py OUTPUT_DIR [--formats png,pdf]
Exit status: 0 on success (also when there is nothing to plot), 1 on unreadable data,
2 when matplotlib is missing.
"""
import argparse
import csv
import math
import os
import sys

PRESENT_MU_NU = [(2.9e-11, "GEMMA/Borexino 2.9e-11"), (6.3e-12, "XENONnT 6.3e-12")]
PRESENT_G = 5e-7
PARAMETER_LABELS = {"mu_nu": r"$\mu_\nu$ [$\mu_B$]", "g": r"$g$",
                    "sigma_sin2_theta_w": r"$\sigma(\sin^2\theta_W)$"}


class DataError(Exception):
    pass


def read_csv(path, required):
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(missing)}; header is {reader.fieldnames}")
        rows = list(reader)
    return rows


def number(row, key, path):
    text = row.get(key, "")
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise DataError(f"{path}: column {key}: '{text}' is not a number")


def grouped(rows, key):
    groups = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def label(parameter, exponent=0):
    """Axis label of a parameter; with exponent e the axis shows values in units of 10^e."""
    if exponent == 0:
        return PARAMETER_LABELS.get(parameter, parameter)
    if parameter == "mu_nu":
        return rf"$\mu_\nu$ [$10^{{{exponent}}}\,\mu_B$]"
    return rf"{PARAMETER_LABELS.get(parameter, parameter)} [$\times 10^{{{exponent}}}$]"


def exponent_of(values):
    """Power of ten to scale an axis by (0 when values are of order one), so that no offset
    text collides with the axis label."""
    finite = [abs(v) for v in values if v is not None and math.isfinite(v) and v != 0]
    if not finite:
        return 0
    e = math.floor(math.log10(max(finite)))
    return e if abs(e) >= 3 else 0


def draw_present_mu_nu(ax, vertical, exponent=0):
    for raw, text in PRESENT_MU_NU:
        value = raw / 10.0 ** exponent
        if vertical:
            ax.axvline(value, linestyle=":", color="gray")
            ax.text(value, 0.95, " " + text, rotation=90, va="top", ha="right",
                    transform=ax.get_xaxis_transform(), fontsize="x-small", color="gray")
        else:
            ax.axhline(value, linestyle=":", color="gray")
            ax.text(0.02, value, text, va="bottom", transform=ax.get_yaxis_transform(),
                    fontsize="x-small", color="gray")


def plot_spectrum(plt, path, rows):
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    groups = grouped(rows, "component")
    reference = None
    colors = {}
    for name, items in groups.items():
        edges = [number(items[0], "t_low_mev", path)] + [number(r, "t_high_mev", path) for r in items]
        events = [number(r, "events", path) or 0.0 for r in items]
        colors[name] = top.stairs(events, edges, label=name).get_edgecolor()
        if name == "SM":
            reference = (edges, events)
    if reference is not None:
        ref_edges, ref_events = reference
        for name, items in groups.items():
            events = [number(r, "events", path) or 0.0 for r in items]
            if name == "SM" or len(events) != len(ref_events):
                continue
            ratio = [e / s if s > 0 else float("nan") for e, s in zip(events, ref_events)]
            bottom.stairs(ratio, ref_edges, label=name, color=colors[name])
        bottom.axhline(1.0, color="gray", linestyle=":")
    bottom.set_ylabel("ratio to SM")
    bottom.set_xlabel(r"recoil kinetic energy $T$ [MeV]")
    top.set_ylabel("events / bin")
    top.set_yscale("log")
    top.legend(fontsize="small")
    return fig


def plot_delta_chi2(plt, path, rows):
    fig, ax = plt.subplots()
    parameter = rows[0]["parameter"]
    critical = number(rows[0], "critical", path)
    e = exponent_of([number(r, "value", path) for r in rows])
    for name, items in grouped(rows, "curve").items():
        ax.plot([number(r, "value", path) / 10.0 ** e for r in items],
                [number(r, "delta_chi2", path) for r in items], label=name)
    if critical is not None:
        ax.axhline(critical, color="red", linestyle="--", label=rf"critical $\Delta\chi^2$ = {critical:.4g}")
    if parameter == "mu_nu":
        draw_present_mu_nu(ax, vertical=True, exponent=e)
    ax.set_xlabel(label(parameter, e))
    ax.set_ylabel(r"$\Delta\chi^2$")
    # Show the region around the crossing: the pure g^4 term makes Delta-chi2 grow like g^8.
    ax.set_ylim(0, 4 * critical if critical else None)
    ax.legend(fontsize="small")
    return fig


def quantile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    position = q * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def plot_toy_limits(plt, path, rows):
    fig, ax = plt.subplots()
    parameter = rows[0]["parameter"]
    limits = sorted(v for v in (number(r, "limit", path) for r in rows) if v is not None and math.isfinite(v))
    asimov = number(rows[0], "asimov", path)
    failed = len(rows) - len(limits)
    e = exponent_of(limits + [asimov])
    limits = [v / 10.0 ** e for v in limits]
    asimov = None if asimov is None else asimov / 10.0 ** e
    if limits:
        ax.hist(limits, bins=max(10, min(60, len(limits) // 20)), histtype="step", color="black",
                label=f"toys ({len(limits)}" + (f", {failed} failed)" if failed else ")"))
        norm = 0.5 * (1 + math.erf(1 / math.sqrt(2)))
        norm2 = 0.5 * (1 + math.erf(2 / math.sqrt(2)))
        ax.axvspan(quantile(limits, 1 - norm2), quantile(limits, norm2), color="yellow", alpha=0.5, label=r"$\pm2\sigma$")
        ax.axvspan(quantile(limits, 1 - norm), quantile(limits, norm), color="limegreen", alpha=0.5, label=r"$\pm1\sigma$")
        ax.axvline(quantile(limits, 0.5), color="black", linestyle="--", label="toy median")
    if asimov is not None:
        ax.axvline(asimov, color="red", label="Asimov")
    if parameter == "mu_nu":
        draw_present_mu_nu(ax, vertical=True, exponent=e)
    ax.set_xlabel(f"limit on {label(parameter, e)}")
    ax.set_ylabel("toys")
    ax.legend(fontsize="small")
    return fig


def plot_coverage(plt, path, rows):
    fig, ax = plt.subplots()
    nominal = None
    e = exponent_of([number(r, "true_value", path) for r in rows])
    for name, items in grouped(rows, "method").items():
        xs, ys, errors = [], [], []
        for r in items:
            toys = number(r, "toys", path) or 0
            covered = number(r, "covered", path) or 0
            if toys <= 0:
                continue
            p = covered / toys
            xs.append(number(r, "true_value", path) / 10.0 ** e)
            ys.append(p)
            errors.append(math.sqrt(max(p * (1 - p), 0.25 / toys) / toys))
            nominal = number(r, "nominal", path)
        ax.errorbar(xs, ys, yerr=errors, marker="o", linestyle="", capsize=2, label=name)
    if nominal is not None:
        ax.axhline(nominal, color="red", linestyle="--", label=f"nominal {nominal:.2f}")
    ax.set_xlabel(f"true {label(rows[0]['parameter'], e)}")
    ax.set_ylabel("coverage")
    ax.legend(fontsize="small")
    return fig


def plot_exclusion(plt, path, rows):
    fig, ax = plt.subplots()
    masses_all = []
    top = 10 * max(number(r, "g_limit", path) for r in rows)
    for name, items in grouped(rows, "curve").items():
        masses = [number(r, "mass_mev", path) for r in items]
        limits = [number(r, "g_limit", path) for r in items]
        masses_all += masses
        line, = ax.plot(masses, limits, label=name)
        ax.fill_between(masses, limits, [top] * len(limits), alpha=0.15, color=line.get_color())
    if masses_all:
        low, high = min(masses_all), max(masses_all)
        ax.hlines(PRESENT_G, low, min(high, 1.0), colors="gray", linestyles=":",
                  label=r"present limit $g\approx5\times10^{-7}$ (small $M$)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(top=top)
    ax.set_xlabel(r"mediator mass $M$ [MeV]")
    ax.set_ylabel(r"$g$ excluded above (90 % CL)")
    ax.legend(fontsize="small")
    return fig


SCAN_LABELS = {"threshold_mev": "analysis threshold [MeV]", "norm_sigma": "normalization uncertainty",
               "sin2_theta_w": r"$\sin^2\theta_W$", "depletion": r"$^{42}$Ar rejection $R$ (depletion $\times$ other)",
               "direction_resolution_deg": r"direction resolution $\sigma_\theta$ [deg]",
               "energy_resolution_a": r"stochastic term $a$ of $\sigma_E = a E^{1/2} \oplus b E$"}


def plot_scan(plt, path, rows):
    fig, ax = plt.subplots()
    parameter = rows[0]["parameter"]
    scan = rows[0]["scan"]
    for name, items in grouped(rows, "curve").items():
        ax.plot([number(r, "x", path) for r in items], [number(r, "limit", path) for r in items], marker="o", label=name)
    if parameter == "mu_nu":
        draw_present_mu_nu(ax, vertical=False)
    if scan in ("norm_sigma", "depletion"):
        ax.set_xscale("log")
    if parameter in ("mu_nu", "g"):
        ax.set_yscale("log")
    ax.set_xlabel(SCAN_LABELS.get(scan, scan))
    if parameter.startswith("sigma_"):   # a precision (expected 1 sigma), not a limit
        ax.set_ylabel(f"expected {label(parameter)}")
    else:
        ax.set_ylabel(f"90 % CL limit on {label(parameter)}" if parameter in PARAMETER_LABELS else parameter)
    ax.legend(fontsize="small")
    return fig


KINDS = [
    ("spectrum_", ["t_low_mev", "t_high_mev", "component", "events"], plot_spectrum),
    ("delta_chi2_", ["parameter", "value", "delta_chi2", "critical", "curve"], plot_delta_chi2),
    ("toy_limits_", ["parameter", "toy", "limit", "asimov", "ts_minus2", "ts_minus1", "ts_median", "ts_plus1", "ts_plus2"], plot_toy_limits),
    ("coverage_", ["method", "parameter", "true_value", "toys", "covered", "coverage", "nominal"], plot_coverage),
    ("exclusion_gm_", ["mass_mev", "g_limit", "curve"], plot_exclusion),
    ("scan_", ["scan", "x", "parameter", "limit", "curve"], plot_scan),
]


def main():
    parser = argparse.ArgumentParser(description="Plot the data files of a nue output directory.")
    parser.add_argument("directory")
    parser.add_argument("--formats", default="png,pdf")
    args = parser.parse_args()

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as error:
        print(f"plot.py: matplotlib is not installed ({error}); pip install matplotlib mplhep", file=sys.stderr)
        return 2
    try:
        import mplhep as hep
        hep.style.use("ROOT")
    except Exception:
        pass

    if not os.path.isdir(args.directory):
        print(f"plot.py: {args.directory}: no such directory", file=sys.stderr)
        return 1
    out = os.path.join(args.directory, "plots")
    written = []
    try:
        for file_name in sorted(os.listdir(args.directory)):
            if not file_name.endswith(".csv"):
                continue
            for prefix, columns, draw in KINDS:
                if file_name.startswith(prefix):
                    path = os.path.join(args.directory, file_name)
                    rows = read_csv(path, columns)
                    if not rows:
                        break
                    fig = draw(plt, path, rows)
                    fig.tight_layout()
                    os.makedirs(out, exist_ok=True)
                    stem = os.path.join(out, file_name[:-4])
                    for fmt in args.formats.split(","):
                        kind = fmt.strip()
                        # No creation date in the files: regenerated plots do not churn in git.
                        meta = {"CreationDate": None} if kind == "pdf" else {}
                        fig.savefig(f"{stem}.{kind}", metadata=meta)
                        written.append(f"{stem}.{fmt.strip()}")
                    plt.close(fig)
                    break
    except DataError as error:
        print(f"plot.py: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
