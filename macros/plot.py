#!/usr/bin/env python3
"""Plots for a nue output directory.

Reads the plot data files that `nue run` writes into outputs/<card>/ (schemas in
macros/README.md) and writes PNG and PDF files into outputs/<card>/plots/:

  spectrum_<tag>.csv      t_low_mev,t_high_mev,component,events
                          -> recoil spectra (step histograms) + ratio to "SM"
  delta_chi2_<tag>.csv    parameter,value,delta_chi2,critical,curve
                          -> Delta-chi2 vs parameter with the critical line
  toy_limits_<tag>.csv    parameter,toy,limit,asimov[,ts_minus2,ts_minus1,ts_median,ts_plus1,ts_plus2]
                          -> toy-limit histogram, median and 68/95 % bands, Asimov line
  coverage_<tag>.csv      method,parameter,true_value,toys,covered,coverage,nominal
                          -> coverage vs true value with binomial errors and the nominal line
  exclusion_gm_<tag>.csv  mass_mev,g_limit,curve
                          -> g-M exclusion with the present limit (g ~ 5e-7 at small M)
  scan_<tag>.csv          scan,x,parameter,limit,curve
                          -> limit vs scanned quantity
  stack_<tag>.csv         t_low_mev,t_high_mev,component,role,events
                          -> stacked backgrounds + SM signal (log y), the new-physics excess at
                             the limit as lines; backgrounds below STACK_OTHER_FRACTION of the
                             background in the window are drawn together as "other"
  impacts_<tag>.csv       nuisance,pull,constraint,impact_up,impact_down,theta_sigma,parameter
                          -> impact plot: nuisances ranked by impact on the fitted parameter
                             (bars, units of its post-fit sigma) beside their pulls and
                             post-fit constraints (points, units of the prior sigma)

Plots in the magnetic moment (parameter mu_nu, in units of mu_B) show the present limits
2.9e-11 (GEMMA/Borexino) and 6.3e-12 (XENONnT).

Uses the mplhep ROOT style when mplhep is installed, plain matplotlib otherwise.
Usage: python3 macros/plot.py OUTPUT_DIR [--formats png,pdf] [--describe]
Exit status: 0 on success (also when there is nothing to plot), 1 on unreadable data,
2 when matplotlib is missing.
"""
import argparse
import csv
import json
import math
import os
import re
import sys

PRESENT_MU_NU = [(2.9e-11, "GEMMA/Borexino"), (6.3e-12, "XENONnT")]
PRESENT_G = 5e-7
PRESENT_G_MAX_MASS_MEV = 1.0   # the present g limit quoted is the small-mass one
PARAMETER_LABELS = {"mu_nu": r"$\mu_\nu$ [$\mu_B$]", "g": r"coupling $g$",
                    "sigma_sin2_theta_w": r"$\sigma(\sin^2\theta_W)$"}
ENERGY_LABEL = r"reconstructed electron kinetic energy $T$ [MeV]"

# Spectra: bins below this many events (or below this fraction of the smallest component's
# peak, whichever is larger) are not drawn; the x range ends at the last bin above it.
MIN_EVENTS_PER_BIN = 0.1
PEAK_FRACTION = 1e-3

# Colors: the Petroff palette of mplhep's default cycle (+2). A scenario or curve name has the
# same color in every plot; unnamed curves take the free colors in order.
PALETTE = ["#5790fc", "#f89c20", "#e42536", "#964a8b", "#9c9ca1", "#7a21dd", "#1b9e77", "#a65628"]
KNOWN_COLORS = {"KamLAND >3 MeV": 0, "KamLAND >1 MeV": 1, "JUNO >3 MeV": 2, "JUNO >1 MeV": 3,
                "JUNO >0.2 MeV": 4, "SNO+ >0.2 MeV": 5,
                "exact interference": 0, "pure Z' only (no interference)": 2,
                "asimov": 0, "fc": 2}
STATISTIC_STYLES = {"poisson": ("-", "o"), "pearson": ("--", "s"), None: ("-", "o")}
METHOD_LABELS = {"asimov": r"asymptotic (half-$\chi^2$ rule)", "fc": "Feldman–Cousins"}


class DataError(Exception):
    pass


DESCRIPTION = []   # what the current plot shows, printed with --describe (used by the tests)


def describe(text):
    DESCRIPTION.append(text)


class Context:
    """What the output directory's result.json tells about the plots: the CL and the scenario
    names (for titles). Plots without it say less, never something wrong."""

    def __init__(self, directory):
        self.cl = None
        self.scenarios = []
        path = os.path.join(directory, "result.json")
        if not os.path.exists(path):
            return
        try:
            with open(path) as handle:
                card = json.load(handle).get("card", {})
        except (OSError, ValueError) as error:
            raise DataError(f"{path}: not readable as JSON ({error})")
        cl = card.get("cl")
        if isinstance(cl, (int, float)) and 0 < cl < 1:
            self.cl = float(cl)
        self.scenarios = [s["name"] for s in card.get("scenarios", []) if isinstance(s, dict) and s.get("name")]

    def cl_text(self):
        return f"{100 * self.cl:g} % CL" if self.cl is not None else "CL of the card"

    def title(self, tag):
        """'KamLAND >3 MeV · magnetic-moment' for the tag 'kamland-3mev_magnetic-moment'."""
        best = None
        for name in self.scenarios:
            s = slug(name)
            if (tag == s or tag.startswith(s + "_")) and (best is None or len(s) > len(slug(best))):
                best = name
        tag = tag.replace("mu_nu", "mu-nu")
        if best is None:
            tag = re.sub(r"^argon_", "DUNE-like LAr_", tag)
            tag = tag.replace("mu-nu", "magnetic moment")
            return tag.replace("_", " · ")
        rest = tag[len(slug(best)) + 1:]
        rest = re.sub(r"light-vector-(exact|none)-m-([0-9p]+)",
                      lambda m: f"light vector ({m.group(1)}), M = {m.group(2).replace('p', '.')} MeV", rest)
        rest = rest.replace("magnetic-moment", "magnetic moment").replace("mu-nu", "magnetic moment")
        rest = rest.replace("full-chain", "full-chain toys")
        return best + (" · " + rest.replace("_", " · ") if rest else "")


def slug(text):
    """StudySlug.slug of the Swift side: the scenario part of a plot file's tag."""
    out, previous, chars = "", "-", text.lower()
    for i, c in enumerate(chars):
        if c.isascii() and c.isalnum():
            if previous == "-" and out and c.isalpha() and len(out) >= 2 and out[-2].isdigit():
                out = out[:-1]
            out += c
            previous = c
        elif c == "." and 0 < i < len(chars) - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            out += "p"
            previous = "p"
        elif previous != "-":
            out += "-"
            previous = "-"
    return out.rstrip("-")


def read_csv(path, required):
    """Rows of a plot data file; the required columns must be present, extra columns are
    ignored (newer writers may add some)."""
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(missing)}; header is {reader.fieldnames}")
        rows = list(reader)
    for i, row in enumerate(rows):
        if None in row or any(row.get(c) is None for c in required):
            raise DataError(f"{path}: line {i + 2} has {len(row) - (None in row)} fields, the header {len(reader.fieldnames)}")
    return rows


def number(row, key, path):
    text = row.get(key, "")
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise DataError(f"{path}: column {key}: '{text}' is not a number")


def required_number(row, key, path):
    value = number(row, key, path)
    if value is None or not math.isfinite(value):
        raise DataError(f"{path}: column {key}: needs a finite number, got '{row.get(key, '')}'")
    return value


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


def split_statistic(name):
    """('g exact', 'poisson') for 'g exact (poisson)'; ('', 'pearson') for 'pearson'."""
    match = re.match(r"^(.*?)\s*\((poisson|pearson)\)$", name)
    if match:
        return match.group(1), match.group(2)
    if name in ("poisson", "pearson"):
        return "", name
    return name, None


def colors_for(names):
    """One color per distinct name: the fixed color of a known name, the free ones in order."""
    colors, used = {}, set()
    for name in names:
        if name in KNOWN_COLORS and name not in colors:
            colors[name] = PALETTE[KNOWN_COLORS[name] % len(PALETTE)]
            used.add(colors[name])
    free = [c for c in PALETTE if c not in used] or PALETTE
    for name in names:
        if name not in colors:
            colors[name] = free[len([n for n in colors if n not in KNOWN_COLORS]) % len(free)]
    return colors


def pretty(name):
    """Legend text of a component or curve name written by nue."""
    text = re.sub(r"mu_nu\s*=\s*([0-9.eE+-]+)", r"$\\mu_\\nu$ = \1 $\\mu_B$", name)
    text = re.sub(r"\bg (.+?)\s*=\s*([0-9.eE+-]+)", r"$g$ = \2 (\1)", text)
    text = re.sub(r"^mu_nu\b", r"$\\mu_\\nu$", text)
    text = re.sub(r"^g\b", r"$g$", text)
    text = text.replace("Ar42", r"$^{42}$Ar").replace("K42", r"$^{42}$K").replace("Z'", r"$Z'$")
    return text


def latex_number(value):
    """5e-07 -> 5\\times10^{-7} (inside $...$)."""
    mantissa, exponent = f"{value:.2g}".split("e") if "e" in f"{value:.2g}" else (f"{value:.2g}", "0")
    return mantissa if int(exponent) == 0 else rf"{mantissa}\times10^{{{int(exponent)}}}"


def log_range(values, low_factor=1.5, high_factor=1.5):
    finite = [v for v in values if v is not None and math.isfinite(v) and v > 0]
    if not finite:
        return None
    return min(finite) / low_factor, max(finite) * high_factor


def draw_present_mu_nu(ax, vertical, exponent=0, shown=None):
    """The present mu_nu limits as lines; those outside `shown` (low, high, in axis units) are
    named in a note instead, so that they do not stretch the axis away from the data."""
    notes = []
    for raw, name in PRESENT_MU_NU:
        value = raw / 10.0 ** exponent
        text = f"{name} {raw:.2g} $\\mu_B$"
        if shown is not None and not (shown[0] <= value <= shown[1]):
            side = ("left of" if value < shown[0] else "right of") if vertical else \
                   ("below" if value < shown[0] else "above")
            notes.append(f"{text}: {side} the axis")
            continue
        if vertical:
            ax.axvline(value, linestyle=":", color="gray")
            ax.text(value, 0.03, text + " ", rotation=90, va="bottom", ha="right",
                    transform=ax.get_xaxis_transform(), fontsize="x-small", color="gray")
        else:
            ax.axhline(value, linestyle=":", color="gray")
            ax.text(0.02, value, text, va="bottom", transform=ax.get_yaxis_transform(),
                    fontsize="x-small", color="gray")
    for text in notes:   # a legend entry without a symbol: placed where it hides no data
        ax.plot([], [], " ", label=text)


def finish(ax, context, tag, legend=True, **legend_options):
    ax.set_title(context.title(tag), loc="left", fontsize="small")
    if legend:
        options = {"fontsize": "small"}
        options.update(legend_options)
        ax.legend(**options)


def component_edges(items, name, first_edges, path):
    """The bin edges of one component's rows (t_low_mev of the first, then every t_high_mev),
    checked increasing and equal to the first component's (`first_edges`, None for the first)."""
    e = [required_number(items[0], "t_low_mev", path)] + [required_number(r, "t_high_mev", path) for r in items]
    if any(b <= a for a, b in zip(e, e[1:])):
        raise DataError(f"{path}: component '{name}': bin edges are not increasing")
    if first_edges is not None and e != first_edges:
        raise DataError(f"{path}: component '{name}' has other bins than the first component")
    return e


def plot_spectrum(plt, path, rows, context, tag):
    groups = grouped(rows, "component")
    spectra = {}
    edges = None
    for name, items in groups.items():
        edges = component_edges(items, name, edges, path)
        events = [number(r, "events", path) or 0.0 for r in items]
        if any(v < 0 or not math.isfinite(v) for v in events):
            raise DataError(f"{path}: component '{name}': events must be finite and ≥ 0")
        spectra[name] = events
    peaks = [max(v) for v in spectra.values() if max(v) > 0]
    if not peaks:
        raise DataError(f"{path}: no component has events")
    # The floor: 0.1 event per bin or 1e-3 of the smallest peak, whichever is larger (but below
    # every peak); the x range covers the bins where some component is above it.
    floor = min(max(MIN_EVENTS_PER_BIN, PEAK_FRACTION * min(peaks)), 0.5 * min(peaks))
    shown = [i for i in range(len(edges) - 1) if any(v[i] >= floor for v in spectra.values())]
    first, last = shown[0], shown[-1]
    describe(f"floor={floor:.3g} x=[{edges[first]:g}, {edges[last + 1]:g}]")
    reference = spectra.get("SM")
    compared = [n for n in spectra if n != "SM" and re.match(r"^SM\s*\+", n)] or [n for n in spectra if n != "SM"]
    if reference is None or not compared:
        fig, top = plt.subplots()
        bottom = None
    else:
        fig, (top, bottom) = plt.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]}, layout="constrained")
        fig.get_layout_engine().set(hspace=0.0, h_pad=0.02)
    colors = colors_for([n for n in spectra if n != "SM"])
    colors["SM"] = "black"
    for name, events in spectra.items():
        top.stairs(events, edges, label=pretty(name), color=colors[name], linewidth=2.2 if name == "SM" else 1.5,
                   linestyle="-" if name == "SM" or name in compared else "--")
    top.set_yscale("log")
    top.set_ylim(floor, max(peaks) * (max(peaks) / floor) ** 0.45)   # the upper part holds the legend
    top.set_xlim(edges[first], edges[last + 1])
    width = edges[1] - edges[0]
    uniform = all(abs((b - a) - width) < 1e-9 * max(1.0, abs(b)) for a, b in zip(edges, edges[1:]))
    top.set_ylabel(f"events / {width:g} MeV" if uniform else "events / bin")
    top.legend(fontsize="small", loc="upper right")
    top.set_title(context.title(tag), loc="left", fontsize="small")
    if bottom is None:
        top.set_xlabel(ENERGY_LABEL)
        return fig
    ratios = {}
    for name in compared:
        ratios[name] = [e / s if s > 0 else float("nan") for e, s in zip(spectra[name], reference)]
    window = [r for rs in ratios.values() for r in rs[first:last + 1] if math.isfinite(r)]
    if not window:
        raise DataError(f"{path}: the SM component has no events where the others have")
    if max(abs(r - 1) for r in window) < 1:
        # New physics is a small distortion: show it in percent, on the axis range it spans.
        for name, rs in ratios.items():
            bottom.stairs([100 * (r - 1) for r in rs], edges, color=colors[name], linewidth=1.5)
        low, high = min(0.0, 100 * (min(window) - 1)), max(0.0, 100 * (max(window) - 1))
        pad = 0.12 * (high - low or 1.0)
        describe(f"ratio percent max={100 * (max(window) - 1):.4g}")
        bottom.set_ylim(low - pad, high + pad)
        bottom.axhline(0.0, color="black", linewidth=1)
        bottom.set_ylabel(r"$N/N_\mathrm{SM} - 1$ [%]", fontsize="small")
    else:
        for name, rs in ratios.items():
            bottom.stairs(rs, edges, color=colors[name], linewidth=1.5)
        bottom.set_yscale("log")
        describe(f"ratio log max={max(window):.4g}")
        positive = [r for r in window if r > 0]
        bottom.set_ylim(min(positive) / 2, max(positive) * 3)
        bottom.axhline(1.0, color="black", linewidth=1)
        bottom.set_ylabel(r"$N/N_\mathrm{SM}$", fontsize="small")
    bottom.set_xlabel(ENERGY_LABEL)
    return fig


def crossing(xs, ys, level):
    """First x where y rises through level (linear interpolation), None if it never does."""
    for (x0, y0), (x1, y1) in zip(zip(xs, ys), zip(xs[1:], ys[1:])):
        if y0 < level <= y1:
            return x0 + (x1 - x0) * (level - y0) / (y1 - y0)
    return None


def plot_delta_chi2(plt, path, rows, context, tag):
    fig, ax = plt.subplots()
    parameter = rows[0]["parameter"]
    critical = number(rows[0], "critical", path)
    e = exponent_of([number(r, "value", path) for r in rows])
    groups = grouped(rows, "curve")
    colors = colors_for([split_statistic(n)[0] for n in groups])
    ymax = 4 * critical if critical else None
    xs_all, x_right = [], None
    for name, items in groups.items():
        xs = [required_number(r, "value", path) / 10.0 ** e for r in items]
        ys = [required_number(r, "delta_chi2", path) for r in items]
        xs_all += xs
        base, statistic = split_statistic(name)
        style, _ = STATISTIC_STYLES[statistic]
        text = pretty(name)
        if critical:
            x_limit = crossing(xs, ys, critical)
            if x_limit is not None:
                text += f": limit {x_limit:.3g}"
                ax.plot([x_limit, x_limit], [0, critical], color=colors[base], linestyle=":", linewidth=1)
            x_top = crossing(xs, ys, ymax)
            x_right = max(x_right or 0, x_top if x_top is not None else max(xs))
        ax.plot(xs, ys, color=colors[base], linestyle=style, linewidth=2 if statistic != "pearson" else 1.5, label=text)
    if critical is not None:
        ax.axhline(critical, color="red", linestyle="--", linewidth=1,
                   label=rf"critical $\Delta\chi^2$ = {critical:.4g} ({context.cl_text()})")
    low = min(xs_all)
    high = 1.1 * x_right if x_right else max(xs_all)
    ax.set_xlim(low, high)
    if parameter == "mu_nu":
        draw_present_mu_nu(ax, vertical=True, exponent=e, shown=(low, high))
    ax.set_xlabel(label(parameter, e))
    ax.set_ylabel(r"$\Delta\chi^2$ (profiled)")
    # Show the region around the crossing: the pure g^4 term makes Delta-chi2 grow like g^8.
    ax.set_ylim(0, ymax)
    finish(ax, context, tag, loc="best")
    return fig


def quantile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    position = q * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def test_statistic_band(rows, path):
    """The pyhf/RooStats expected limits (ts_minus2 … ts_plus2, CLs+b) when the file has them
    (the same on every row), else None."""
    keys = ["ts_minus2", "ts_minus1", "ts_median", "ts_plus1", "ts_plus2"]
    if any(k not in rows[0] for k in keys):
        return None
    values = [number(rows[0], k, path) for k in keys]
    if any(v is None or not math.isfinite(v) for v in values):
        return None
    return values


def plot_toy_limits(plt, path, rows, context, tag):
    # Read: parameter, limit, asimov and, when present, the test-statistic band ts_*; other
    # columns are ignored.
    fig, ax = plt.subplots()
    parameter = rows[0]["parameter"]
    limits = sorted(v for v in (number(r, "limit", path) for r in rows) if v is not None and math.isfinite(v))
    asimov = number(rows[0], "asimov", path)
    failed = len(rows) - len(limits)
    describe(f"toys={len(limits)} failed={failed}")
    e = exponent_of(limits + [asimov])
    limits = [v / 10.0 ** e for v in limits]
    asimov = None if asimov is None else asimov / 10.0 ** e
    if limits:
        one = 0.5 * (1 + math.erf(1 / math.sqrt(2)))
        two = 0.5 * (1 + math.erf(2 / math.sqrt(2)))
        median = quantile(limits, 0.5)
        ax.axvspan(quantile(limits, 1 - two), quantile(limits, two), color="#ffdf33", alpha=0.6,
                   label=r"per-toy limits: central 95 % ($\pm2\sigma$)")
        ax.axvspan(quantile(limits, 1 - one), quantile(limits, one), color="#4fc34f", alpha=0.6,
                   label=r"per-toy limits: central 68 % ($\pm1\sigma$)")
        ax.hist(limits, bins=max(10, min(60, len(limits) // 20)), histtype="step", color="black", linewidth=1.5,
                label=f"{len(limits)} toys" + (f" ({failed} failed fits not shown)" if failed else ""))
        ax.axvline(median, color="black", linestyle="--", label=f"toy median {median:.3g}")
    band = test_statistic_band(rows, path)
    if band is not None:
        band = [v / 10.0 ** e for v in band]
        describe(f"test_statistic_band median={band[2]:.4g}")
        # A horizontal bar below the legend: ±2σ thin, ±1σ thick, median marked (x in data units,
        # y in axes units), so it is not hidden behind the Asimov and median lines.
        transform = ax.get_xaxis_transform()
        purple = "#7b3294"
        ax.plot([band[0], band[4]], [0.64, 0.64], color=purple, linewidth=1.5, transform=transform, solid_capstyle="butt")
        ax.plot([band[1], band[3]], [0.64, 0.64], color=purple, linewidth=6, transform=transform, solid_capstyle="butt",
                label="test-statistic band (pyhf/RooStats, CLs+b): $\\pm1\\sigma$ thick, $\\pm2\\sigma$ thin")
        ax.plot([band[2]], [0.64], marker="|", markersize=16, markeredgewidth=2, color="white", transform=transform)
    if asimov is not None:
        ax.axvline(asimov, color="red", linewidth=2, label=f"Asimov {asimov:.3g}")
    values = limits + ([asimov] if asimov is not None else []) + (band if band is not None else [])
    if values:
        span = (max(values) - min(values)) or abs(max(values)) or 1.0
        low, high = max(0.0, min(values) - 0.05 * span), max(values) + 0.05 * span
        ax.set_xlim(low, high)
        if parameter == "mu_nu":
            draw_present_mu_nu(ax, vertical=True, exponent=e, shown=(low, high))
    ax.set_ylim(0, ax.get_ylim()[1] * 1.75)   # room for the legend
    ax.set_xlabel(f"{context.cl_text()} upper limit on {label(parameter, e)}")
    ax.set_ylabel("toys / bin")
    finish(ax, context, tag, loc="upper right", fontsize="x-small")
    return fig


def wilson(k, n, z=1.0):
    """Wilson score interval of a binomial fraction k/n (z = 1: 68.3 %); sensible at k = n."""
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def plot_coverage(plt, path, rows, context, tag):
    fig, ax = plt.subplots()
    nominals = {required_number(r, "nominal", path) for r in rows}
    if len(nominals) != 1:
        raise DataError(f"{path}: column nominal: one confidence level per file, got {sorted(nominals)}")
    nominal = nominals.pop()
    if not 0 < nominal < 1:
        raise DataError(f"{path}: column nominal: must be in (0, 1), got {nominal}")
    e = exponent_of([number(r, "true_value", path) for r in rows])
    points = []   # (method, x, toys, covered)
    for r in rows:
        toys = required_number(r, "toys", path)
        covered = required_number(r, "covered", path)
        if toys <= 0:
            continue
        if not 0 <= covered <= toys:
            raise DataError(f"{path}: covered = {covered:g} is not within [0, toys = {toys:g}]")
        points.append((r["method"], required_number(r, "true_value", path) / 10.0 ** e, toys, covered))
    if not points:
        raise DataError(f"{path}: no row with toys > 0")
    xs = sorted({p[1] for p in points})
    span = (xs[-1] - xs[0]) or abs(xs[-1]) or 1.0
    low, high = xs[0] - 0.06 * span, xs[-1] + 0.06 * span
    # The binomial band: where the coverage of N toys falls around the nominal CL, per true value.
    counts = {x: min(p[2] for p in points if p[1] == x) for x in xs}
    sigma = {x: math.sqrt(nominal * (1 - nominal) / n) for x, n in counts.items()}
    distinct = sorted(set(counts.values()))
    band_text = f"N = {int(distinct[0])}" if len(distinct) == 1 else f"N = {int(distinct[0])}–{int(distinct[-1])}"
    describe(f"band nominal={nominal:g} sigma={min(sigma.values()):.3g} N={band_text[4:]} points={len(points)}")
    if len(distinct) == 1:
        s = sigma[xs[0]]
        ax.axhspan(nominal - 2 * s, nominal + 2 * s, color="#ffdf33", alpha=0.6, label=rf"binomial $\pm2\sigma$ ({band_text} toys)")
        ax.axhspan(nominal - s, nominal + s, color="#4fc34f", alpha=0.6, label=rf"binomial $\pm1\sigma$")
    else:
        bx = [low] + xs + [high]
        bs = [sigma[xs[0]]] + [sigma[x] for x in xs] + [sigma[xs[-1]]]
        ax.fill_between(bx, [nominal - 2 * s for s in bs], [nominal + 2 * s for s in bs], step="mid",
                        color="#ffdf33", alpha=0.6, label=rf"binomial $\pm2\sigma$ ({band_text} toys)")
        ax.fill_between(bx, [nominal - s for s in bs], [nominal + s for s in bs], step="mid",
                        color="#4fc34f", alpha=0.6, label=rf"binomial $\pm1\sigma$")
    ax.axhline(nominal, color="black", linestyle="--", linewidth=1, label=f"nominal {100 * nominal:g} % CL")
    methods = list(dict.fromkeys(p[0] for p in points))
    colors = colors_for(methods)
    markers = ["o", "s", "^", "D", "v"]
    lows, highs = [], []
    for i, method in enumerate(methods):
        shift = (i - (len(methods) - 1) / 2) * 0.015 * span   # side by side, not on top of each other
        mx, my, lo, hi = [], [], [], []
        for m, x, toys, covered in sorted(p for p in points if p[0] == method):
            a, b = wilson(covered, toys)
            p = covered / toys
            mx.append(x + shift)
            my.append(p)
            lo.append(p - a)
            hi.append(b - p)
            lows.append(a)
            highs.append(b)
        ax.errorbar(mx, my, yerr=[lo, hi], marker=markers[i % len(markers)], linestyle="-", linewidth=0.8,
                    capsize=3, color=colors[method], label=METHOD_LABELS.get(method, method))
    s_max = max(sigma.values())
    bottom = min(min(lows), nominal - 2.5 * s_max)
    top = max(max(highs), nominal + 2.5 * s_max)
    pad = 0.08 * (top - bottom)
    ax.set_ylim(bottom - pad, top + 0.5 * (top - bottom))   # the upper part holds the legend
    ax.set_xlim(low, high)
    ax.set_xlabel(f"true {label(rows[0]['parameter'], e)}")
    ax.set_ylabel("coverage (fraction of toys)")
    finish(ax, context, tag, loc="upper left", ncol=2, fontsize="x-small")
    ax.text(0.99, 0.01, "error bars: Wilson 68 % interval", transform=ax.transAxes, ha="right", va="bottom",
            fontsize="xx-small", color="gray")
    return fig


HATCHES = ["////", "\\\\\\\\", "||||", "----", "xxxx", "...."]
EXCLUSION_STRIP = 1.6   # height of the hatched strip on the excluded side (factor in g)


def plot_exclusion(plt, path, rows, context, tag):
    from matplotlib.patches import Patch
    fig, ax = plt.subplots()
    groups = grouped(rows, "curve")
    colors = colors_for(list(groups))
    all_limits, all_masses = [], []
    curves = []
    for name, items in groups.items():
        points = sorted((required_number(r, "mass_mev", path), required_number(r, "g_limit", path)) for r in items)
        if any(m <= 0 or g <= 0 for m, g in points):
            raise DataError(f"{path}: curve '{name}': masses and g limits must be > 0 on log axes")
        curves.append((name, [m for m, _ in points], [g for _, g in points]))
        all_masses += [m for m, _ in points]
        all_limits += [g for _, g in points]
    present = min(all_masses) <= PRESENT_G_MAX_MASS_MEV
    bottom = min(all_limits + ([PRESENT_G] if present else [])) / 3
    top = max(all_limits) * 30
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(min(all_masses), max(all_masses))
    ax.set_ylim(bottom, top)
    handles = []
    for i, (name, masses, limits) in enumerate(curves):
        color = colors[name]
        # The excluded side: a light tint up to the top, and a hatched strip along the curve
        # (the HEP convention: the hatches point into the excluded region).
        ax.fill_between(masses, limits, [top] * len(limits), facecolor=color, alpha=0.07, linewidth=0)
        ax.fill_between(masses, limits, [g * EXCLUSION_STRIP for g in limits], facecolor="none", edgecolor=color,
                        hatch=HATCHES[i % len(HATCHES)], linewidth=0)
        line, = ax.plot(masses, limits, color=color, linewidth=2.2)
        patch = Patch(facecolor="none", edgecolor=color, hatch=HATCHES[i % len(HATCHES)], linewidth=0)
        handles.append(((patch, line), f"{pretty(name)}"))
    if present:
        line = ax.hlines(PRESENT_G, min(all_masses), min(max(all_masses), PRESENT_G_MAX_MASS_MEV),
                         colors="black", linestyles=":", linewidth=1.5)
        handles.append((line, rf"present limit $g \approx {latex_number(PRESENT_G)}$ (small $M$)"))
    ax.text(0.04, 0.66, f"excluded ({context.cl_text()}): above each curve, on its hatched side",
            transform=ax.transAxes, ha="left", va="center", fontsize="x-small", color="black")
    ax.set_xlabel(r"mediator mass $M_{Z'}$ [MeV]")
    ax.set_ylabel(r"coupling $g$ ($g_\nu = g_e$)")
    ax.set_title(context.title(tag), loc="left", fontsize="small")
    ax.legend([h for h, _ in handles], [t for _, t in handles], fontsize="x-small", loc="upper left",
              handlelength=2.5, handleheight=1.2)
    return fig


SCAN_LABELS = {"threshold_mev": "analysis threshold on $T$ [MeV]",
               "norm_sigma": r"normalization uncertainty $\sigma_\mathrm{norm}$ (fraction)",
               "sin2_theta_w": r"$\sin^2\theta_W$", "depletion": r"$^{42}$Ar rejection $R$ (depletion $\times$ other)",
               "direction_resolution_deg": r"direction resolution $\sigma_\theta$ [deg]",
               "energy_resolution_a": r"stochastic term $a$ of $\sigma_E = a E^{1/2} \oplus b E$ [MeV$^{1/2}$]"}


def plot_scan_points(plt, path, groups, context, tag, parameter, scan):
    """A scan at a single value of its parameter (e.g. sin2w-precision at the card's sin2 theta_W):
    one row per curve, named above its bar, its value as a point with the number (and, for a
    precision, the relative precision) beside it."""
    names = list(groups)
    x0 = required_number(groups[names[0]][0], "x", path)
    values = [number(groups[n][0], "limit", path) for n in names]
    colors = colors_for(list(dict.fromkeys(split_statistic(n)[0] for n in names)))
    fig, ax = plt.subplots(figsize=(10, 1.8 + 0.8 * len(names)))
    positions = list(range(len(names)))[::-1]
    shown = [v for v in values if v is not None and math.isfinite(v)]
    right = 1.45 * max(shown) if shown else 1
    for y, name, value in zip(positions, names, values):
        ax.text(0.005 * right, y + 0.25, pretty(name), va="bottom", ha="left", fontsize="x-small")
        if value is None or not math.isfinite(value):
            ax.text(0.005 * right, y, "failed", va="center", fontsize="x-small", color="gray")
            continue
        color = colors[split_statistic(name)[0]]
        ax.plot([0, value], [y, y], color=color, linewidth=2)
        ax.plot([value], [y], marker="o", color=color)
        text = f"{value:.3g}"
        if parameter.startswith("sigma_") and x0 != 0:
            text += f" ({100 * value / x0:.3g} %)"
        ax.annotate(text, (value, y), xytext=(6, 0), textcoords="offset points", va="center", fontsize="x-small")
    ax.set_yticks([])
    ax.minorticks_off()
    ax.xaxis.set_major_locator(plt.MaxNLocator(5))
    ax.set_ylim(-0.6, len(names))
    ax.set_xlim(0, right)
    what = f"expected {label(parameter)}" if parameter.startswith("sigma_") else label(parameter)
    ax.set_xlabel(f"{what} at {SCAN_LABELS.get(scan, scan)} = {x0:g}")
    finish(ax, context, tag, legend=False)
    return fig


def plot_scan(plt, path, rows, context, tag):
    parameter = rows[0]["parameter"]
    scan = rows[0]["scan"]
    groups = grouped(rows, "curve")
    if all(len(items) == 1 for items in groups.values()) and \
            len({required_number(items[0], "x", path) for items in groups.values()}) == 1:
        return plot_scan_points(plt, path, groups, context, tag, parameter, scan)
    fig, ax = plt.subplots()
    colors = colors_for(list(dict.fromkeys(split_statistic(n)[0] for n in groups)))
    ys_all = []
    for name, items in groups.items():
        xs = [required_number(r, "x", path) for r in items]
        ys = [number(r, "limit", path) for r in items]
        ys = [float("nan") if y is None else y for y in ys]
        ys_all += ys
        base, statistic = split_statistic(name)
        style, marker = STATISTIC_STYLES[statistic]
        finite = [y for y in ys if math.isfinite(y)]
        flat = len(finite) >= 2 and max(finite) - min(finite) <= 1e-9 * abs(max(finite))
        if flat:   # a reference (the same at every x): a line, no points
            ax.plot(xs, ys, color=colors[base], linestyle="-.", linewidth=1.5, label=pretty(name))
        else:
            ax.plot(xs, ys, color=colors[base], linestyle=style, marker=marker,
                    markerfacecolor="none" if statistic == "pearson" else colors[base],
                    markersize=7 if statistic == "pearson" else 5, label=pretty(name))
    if scan in ("norm_sigma", "depletion"):
        ax.set_xscale("log")
    if parameter in ("mu_nu", "g"):
        ax.set_yscale("log")
        shown = log_range(ys_all)
        if shown:
            ax.set_ylim(shown[0], shown[1] * 1.6)   # room for the legend
        if parameter == "mu_nu":
            draw_present_mu_nu(ax, vertical=False, shown=shown)
    ax.set_xlabel(SCAN_LABELS.get(scan, scan))
    if parameter.startswith("sigma_"):   # a precision (expected 1 sigma), not a limit
        ax.set_ylabel(f"expected {label(parameter)}")
    else:
        ax.set_ylabel(f"{context.cl_text()} limit on {label(parameter)}" if parameter in PARAMETER_LABELS else parameter)
    finish(ax, context, tag, fontsize="x-small", ncol=2 if len(groups) > 4 else 1)
    return fig


# Stacked spectra: a background is drawn as its own layer when it is at least STACK_OTHER_FRACTION
# of the total expected (signal + backgrounds) in some bin of the window, at most STACK_MAX_LAYERS
# of them (the largest such shares); the others are summed into one "other" layer named in the
# legend (the plot only; the data file keeps every component).
STACK_OTHER_FRACTION = 0.05
STACK_MAX_LAYERS = 12
STACK_COLORS = {"solar-b8": "#f89c20", "solar-be7": "#ffd166", "solar-pep": "#e9c46a", "solar-cno": "#f4a261",
                "solar-pp": "#ffe8a3", "solar-hep": "#3d405b", "ibd": "#5790fc",
                "c14": "#9c9ca1", "kr85": "#bcbcc4", "bi210": "#a65628", "po210": "#d4a373", "bi214": "#964a8b",
                "tl208": "#7a21dd", "k40": "#c9a0dc",
                "c11": "#1b9e77", "c10": "#66c2a5", "li8": "#b3de69", "he8-li9": "#8dd3c7", "b12": "#005f73",
                "other": "#dddddd"}
STACK_LABELS = {"solar-b8": r"solar $^8$B $\nu$", "solar-be7": r"solar $^7$Be $\nu$", "solar-pep": r"solar pep $\nu$",
                "solar-cno": r"solar CNO $\nu$", "solar-pp": r"solar pp $\nu$", "solar-hep": r"solar hep $\nu$",
                "ibd": r"IBD (untagged $\bar\nu_e p$)", "c14": r"$^{14}$C", "kr85": r"$^{85}$Kr", "bi210": r"$^{210}$Bi",
                "po210": r"$^{210}$Po", "bi214": r"$^{214}$Bi", "tl208": r"$^{208}$Tl", "k40": r"$^{40}$K",
                "c11": r"$^{11}$C", "c10": r"$^{10}$C", "li8": r"$^{8}$Li", "he8-li9": r"$^{8}$He/$^{9}$Li", "b12": r"$^{12}$B"}


def plot_stack(plt, path, rows, context, tag):
    edges = None
    layers = {}   # name -> (role, events)
    for name, items in grouped(rows, "component").items():
        edges = component_edges(items, name, edges, path)
        roles = {r["role"] for r in items}
        if len(roles) != 1 or not roles <= {"signal", "background", "excess"}:
            raise DataError(f"{path}: component '{name}': role must be one of signal, background, excess, got {sorted(roles)}")
        events = [number(r, "events", path) or 0.0 for r in items]
        if any(v < 0 or not math.isfinite(v) for v in events):
            raise DataError(f"{path}: component '{name}': events must be finite and ≥ 0")
        layers[name] = (roles.pop(), events)
    backgrounds = {n: v for n, (role, v) in layers.items() if role == "background"}
    signal = [(n, v) for n, (role, v) in layers.items() if role == "signal"]
    excess = [(n, v) for n, (role, v) in layers.items() if role == "excess"]
    total_background = sum(sum(v) for v in backgrounds.values())
    total = [sum(v[i] for v in backgrounds.values()) + sum(v[i] for _, v in signal) for i in range(len(edges) - 1)]
    share = {n: max((b / t for b, t in zip(v, total) if t >= MIN_EVENTS_PER_BIN), default=0.0) for n, v in backgrounds.items()}
    ranked = sorted(backgrounds, key=lambda n: -share[n])
    shown = [n for n in ranked if share[n] >= STACK_OTHER_FRACTION][:STACK_MAX_LAYERS]
    other = [n for n in ranked if n not in shown and sum(backgrounds[n]) > 0]
    empty = [n for n in ranked if sum(backgrounds[n]) == 0]
    describe(f"layers={len(shown)} other={' '.join(other) or '-'} empty={' '.join(empty) or '-'}")
    # The smallest drawn first (at the bottom), so that on the log axis each layer shows.
    stack = [(n, backgrounds[n]) for n in sorted(shown, key=lambda n: sum(backgrounds[n]))]
    if other:
        summed = [sum(backgrounds[n][i] for n in other) for i in range(len(edges) - 1)]
        stack.append(("other", summed))   # on top of the named layers: a log axis inflates the bottom one
    fig, ax = plt.subplots(figsize=(14, 9), layout="constrained")
    bottom = [0.0] * (len(edges) - 1)
    for name, events in stack + signal:
        top = [b + v for b, v in zip(bottom, events)]
        if name == "other":
            share = 100 * sum(sum(backgrounds[n]) for n in other) / total_background
            names = [STACK_LABELS.get(n, n) for n in other]
            lines = [", ".join(names[i:i + 4]) for i in range(0, len(names), 4)]
            text = f"other ({share:.2g} % of background):\n" + ",\n".join(lines)
        elif name in dict(signal):
            text = r"SM $\bar\nu_e$–e signal"
        else:
            text = STACK_LABELS.get(name, name)
        color = "#e42536" if name in dict(signal) else STACK_COLORS.get(name, None)
        ax.fill_between(edges, [bottom[0]] + bottom, [top[0]] + top, step="pre", linewidth=0,
                        color=color, alpha=0.55 if name in dict(signal) else 0.9, label=text)
        bottom = top
    ax.stairs(bottom, edges, color="black", linewidth=1.2, label="total expected")
    ax.plot([], [], " ", label="new physics (not stacked):")
    styles = ["--", ":", "-.", (0, (5, 1, 1, 1))]
    for i, (name, events) in enumerate(excess):
        ax.stairs(events, edges, color=["#b00020", "#0033aa", "#964a8b", "#1b9e77"][i % 4], linestyle=styles[i % len(styles)],
                  linewidth=2.2, label="excess at the limit: " + pretty(name))
    positive = [v for v in bottom if v > 0] + [v for _, e in excess for v in e if v > 0]
    if not positive:
        raise DataError(f"{path}: no component has events")
    peak = max(positive)
    floor = max(MIN_EVENTS_PER_BIN, 1e-7 * peak)
    ax.set_yscale("log")
    ax.set_ylim(floor, peak * 3)
    ax.set_xlim(edges[0], edges[-1])
    width = edges[1] - edges[0]
    ax.set_ylabel(f"events / {width:g} MeV")
    ax.set_xlabel(r"reconstructed visible energy $E_\mathrm{reco}$ [MeV]")
    handles, labels = ax.get_legend_handles_labels()
    # Legend outside the axes, top of the stack first.
    order = list(reversed(range(len(stack) + len(signal)))) + list(range(len(stack) + len(signal), len(handles)))
    fig.legend([handles[i] for i in order], [labels[i] for i in order], loc="outside right upper", fontsize="x-small",
               frameon=False, labelspacing=0.35, handlelength=1.6)
    ax.set_title(context.title(tag) + " · stacked expected spectra", loc="left", fontsize="small")
    return fig


def plot_impacts(plt, path, rows, context, tag):
    items = []
    for r in rows:
        up, down = number(r, "impact_up", path), number(r, "impact_down", path)
        pull, constraint = number(r, "pull", path), number(r, "constraint", path)
        items.append((r["nuisance"], up, down, pull, constraint))
    if not items:
        raise DataError(f"{path}: no nuisances")
    size = lambda i: max(abs(i[1] or 0.0), abs(i[2] or 0.0))
    items.sort(key=size)   # the largest impact at the top
    describe("ranking=" + ",".join(i[0] for i in reversed(items)))
    ys = list(range(len(items)))
    names = [i[0].replace("background:", "bkg ") for i in items]
    fig, (left, right) = plt.subplots(1, 2, sharey=True, figsize=(12, 0.45 * len(items) + 2.2),
                                      layout="constrained", gridspec_kw={"width_ratios": [1, 1.3]})
    left.axvspan(-1, 1, color="#f0f0f0", zorder=0)
    left.axvline(0, color="gray", linewidth=0.8)
    pulls = [(y, i[3], i[4]) for y, i in zip(ys, items) if i[3] is not None and i[4] is not None]
    left.errorbar([p for _, p, _ in pulls], [y for y, _, _ in pulls], xerr=[c for _, _, c in pulls], fmt="o", color="black",
                  markersize=4, capsize=2, label=r"pull $(\hat x - x_0)/\sigma_\mathrm{pre}$ $\pm$ $\sigma_\mathrm{post}/\sigma_\mathrm{pre}$")
    left.set_xlim(-1.6, 1.6)
    left.set_yticks(ys, names, fontsize="small")
    left.set_xlabel(r"pull and constraint [$\sigma_\mathrm{pre}$]")
    left.legend(loc="lower left", fontsize="x-small", frameon=False)
    right.barh(ys, [i[1] or 0.0 for i in items], height=0.6, color="#5790fc", alpha=0.8, label=r"nuisance at $\hat x + \sigma_\mathrm{post}$")
    right.barh(ys, [i[2] or 0.0 for i in items], height=0.6, color="#f89c20", alpha=0.8, label=r"nuisance at $\hat x - \sigma_\mathrm{post}$")
    right.axvline(0, color="gray", linewidth=0.8)
    reach = max(size(i) for i in items) or 1.0
    right.set_xlim(-1.25 * reach, 1.25 * reach)
    parameter = rows[0].get("parameter", "")
    hat, plain = {"mu_nu": (r"\hat\kappa^2", r"\kappa^2"), "g": (r"\hat g^2", "g^2")}.get(parameter, (r"\hat\theta", r"\theta"))
    right.set_xlabel(rf"impact $\Delta {hat}\,/\,\sigma({plain})$")
    left.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize="x-small", frameon=False)
    right.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize="x-small", frameon=False)
    fig.suptitle(context.title(tag) + " · nuisance impacts (Asimov)", x=0.01, ha="left", fontsize="small")
    return fig


KINDS = [
    ("spectrum_", ["t_low_mev", "t_high_mev", "component", "events"], plot_spectrum),
    ("delta_chi2_", ["parameter", "value", "delta_chi2", "critical", "curve"], plot_delta_chi2),
    ("toy_limits_", ["parameter", "toy", "limit", "asimov"], plot_toy_limits),
    ("coverage_", ["method", "parameter", "true_value", "toys", "covered", "coverage", "nominal"], plot_coverage),
    ("exclusion_gm_", ["mass_mev", "g_limit", "curve"], plot_exclusion),
    ("scan_", ["scan", "x", "parameter", "limit", "curve"], plot_scan),
    ("stack_", ["t_low_mev", "t_high_mev", "component", "role", "events"], plot_stack),
    ("impacts_", ["nuisance", "pull", "constraint", "impact_up", "impact_down", "theta_sigma", "parameter"], plot_impacts),
]


def main():
    parser = argparse.ArgumentParser(description="Plot the data files of a nue output directory.")
    parser.add_argument("directory")
    parser.add_argument("--formats", default="png,pdf")
    parser.add_argument("--describe", action="store_true",
                        help="also print one line per plot property (binomial band, ratio range, ...)")
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
        context = Context(args.directory)
        for file_name in sorted(os.listdir(args.directory)):
            if not file_name.endswith(".csv"):
                continue
            for prefix, columns, draw in KINDS:
                if file_name.startswith(prefix):
                    path = os.path.join(args.directory, file_name)
                    rows = read_csv(path, columns)
                    if not rows:
                        break
                    del DESCRIPTION[:]
                    fig = draw(plt, path, rows, context, file_name[len(prefix):-4])
                    if args.describe:
                        written += [f"{file_name[:-4]}: {text}" for text in DESCRIPTION]
                    if fig.get_layout_engine() is None:
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
