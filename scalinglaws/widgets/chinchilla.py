"""The Chinchilla chapter's calculators: allocation, IsoFLOP profiles, the fit lab, your own runs.

Thin views over :mod:`scalinglaws.chinchilla` and :mod:`scalinglaws.runs_csv`: every number
shown comes from a package function. Two controls the base module lacks are defined here,
following the pattern of :class:`scalinglaws.widgets.base.Slider`: :class:`TextArea` (paste
CSV text) and :class:`FileUpload` (upload a CSV file).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
import numpy as np

from scalinglaws import chinchilla as ch
from scalinglaws import plotting
from scalinglaws._validate import MAX_BOOTSTRAP, MAX_SEED, bootstrap_count
from scalinglaws.datasets import load_accelerators, load_training_runs
from scalinglaws.plotting import COLORS, count_in_words
from scalinglaws.portable_random import (
    compare_approaches_portable,
    fit_parametric_portable,
    simulate_training_runs_portable,
)
from scalinglaws.runs_csv import parse_runs_csv
from scalinglaws.units import FLOPS_PER_TFLOP
from scalinglaws.widgets.base import (
    Action,
    Calculator,
    Choice,
    Number,
    Slider,
    format_interval,
)

__all__ = ["FileUpload", "TextArea", "allocation_calculator", "example_runs_csv",
           "fit_lab_calculator", "fit_your_runs", "fit_your_runs_calculator",
           "isoflop_calculator"]

_DESCRIPTION_STYLE = {"description_width": "14em"}

#: Drop-down options for the loss laws, by the keys of :data:`scalinglaws.chinchilla.LAWS`.
LAW_OPTIONS = [(ch.BESIROGLU_2024.name, "besiroglu2024"),
               (ch.HOFFMANN_2022.name, "hoffmann2022"),
               (ch.HOFFMANN_2022_TEX.name, "hoffmann2022_tex")]


@dataclass(frozen=True)
class TextArea:
    """A multi-line text box (for pasting CSV text); the computation receives the text."""

    name: str
    label: str
    value: str = ""
    rows: int = 8
    help: str = ""

    def spec(self) -> dict:
        """The text box for the page's JavaScript."""
        return {"kind": "textarea", "name": self.name, "label": self.label,
                "value": self.value, "rows": self.rows, "help": self.help}

    def build(self) -> w.Widget:
        return w.Textarea(value=self.value, description=self.label, rows=self.rows,
                          style=_DESCRIPTION_STYLE, layout={"width": "46em"},
                          continuous_update=False, tooltip=self.help or self.label)


@dataclass(frozen=True)
class FileUpload:
    """A file-upload button; the computation receives the uploaded files (a tuple of dicts
    with ``name`` and ``content``, empty until a file is chosen)."""

    name: str
    label: str
    accept: str = ".csv,text/csv,text/plain"
    help: str = ""

    def spec(self) -> dict:
        """The file input for the page's JavaScript."""
        return {"kind": "file", "name": self.name, "label": self.label,
                "accept": self.accept, "help": self.help}

    def build(self) -> w.Widget:
        return w.FileUpload(accept=self.accept, multiple=False, description=self.label,
                            tooltip=self.help or self.label)


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def _billions(value: float) -> str:
    """'72.4 billion' from a billion to a trillion, else in words ('1.33 trillion')."""
    if 1e9 <= value < 999.95e9:
        return f"{value / 1e9:,.1f} billion"
    return count_in_words(value)


# --- 1. Compute-optimal allocator ---------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _accelerator_options() -> tuple[tuple[str, float], ...]:
    chips = load_accelerators().dropna(subset=["bf16_tflops_dense"])
    return tuple((f"{row.name} ({row.bf16_tflops_dense:g} TFLOP/s BF16 dense)",
                  float(row.bf16_tflops_dense) * FLOPS_PER_TFLOP)
                 for row in chips.itertuples())


@functools.lru_cache(maxsize=1)
def _famous_runs():
    runs = load_training_runs()
    return (runs["name"].to_numpy(), runs["params"].to_numpy(dtype=float),
            runs["tokens"].to_numpy(dtype=float))


@dataclass(frozen=True)
class _Allocation:
    budget: float
    law: ch.LossLaw
    optimum: ch.ComputeOptimal
    kaplan: ch.ComputeOptimal
    from_hardware: bool


def _allocate(budget_source: str, compute_flops: float, accelerator: float, n_accelerators: float,
              days: float, utilisation: float, law: str) -> _Allocation:
    from_hardware = budget_source == "hardware"
    if from_hardware:
        budget = ch.compute_from_hardware(n_accelerators, days, utilisation, accelerator)
    else:
        budget = compute_flops
    law_obj = ch.get_law(law)
    return _Allocation(budget=budget, law=law_obj, optimum=ch.compute_optimal(budget, law_obj),
                       kaplan=ch.kaplan_allocation(budget, law_obj),
                       from_hardware=from_hardware)


def _describe_allocation(result: _Allocation) -> list[tuple[str, str]]:
    opt, kap = result.optimum, result.kaplan
    return [
        ("Compute budget", f"{result.budget:.3g} FLOPs"
         + (" (from the hardware)" if result.from_hardware else "")),
        ("Loss law", result.law.name),
        ("Compute-optimal parameters N", _billions(opt.params)),
        ("Compute-optimal tokens D", _billions(opt.tokens)),
        ("Tokens per parameter", f"{opt.tokens_per_param:.1f}"),
        ("Predicted loss (nats/token)", f"{opt.loss:.3f}"),
        ("Kaplan et al. 2020 rule instead", f"{_billions(kap.params)}, "
         f"{kap.tokens_per_param:.2f} tokens/param, loss {kap.loss:.3f}"),
    ]


#: Models labelled in the allocator's figure, with label offsets (points) and alignment:
#: GPT-3 and Gopher share 300B tokens and sit close, so GPT-3's label goes up and left.
_LABELS = {"GPT-3 175B": ((-4, 5), "right"), "Gopher 280B": ((4, -10), "left"),
           "Chinchilla 70B": ((4, -10), "left"), "Llama 3 70B": ((4, -10), "left")}


def _draw_allocation(result: _Allocation, fig, ax) -> str:
    plotting.log_axes(ax, minor_ticks=False)
    budgets = np.logspace(18, 28, 41)
    frontier = ch.compute_optimal(budgets, result.law)
    ax.plot(frontier.params, frontier.tokens, color=COLORS["blue"],
            label=f"compute-optimal ({result.law.name.split(' (')[0]})")
    kaplan = ch.kaplan_allocation(budgets)
    ax.plot(kaplan.params, kaplan.tokens, color=COLORS["vermillion"], linestyle="--",
            label="Kaplan et al. 2020 rule")
    names, params, tokens = _famous_runs()
    ax.scatter(params, tokens, s=14, color=COLORS["black"], zorder=3,
               label="published models")
    for name, (offset, align) in _LABELS.items():
        i = int(np.flatnonzero(names == name)[0])
        ax.annotate(name, (params[i], tokens[i]), fontsize=8, xytext=offset,
                    textcoords="offset points", ha=align)
    ax.plot([result.optimum.params], [result.optimum.tokens], "*", markersize=13,
            color=COLORS["orange"], zorder=4, label="your budget's optimum")
    ax.set_xlim(1e8, 1e13)
    ax.set_ylim(1e9, 1e15)
    ax.set_xlabel("parameters N")
    ax.set_ylabel("training tokens D")
    ax.legend(loc="upper left")
    return (f"Log-log plot of training tokens against parameters: the compute-optimal line of "
            f"{result.law.name}, Kaplan's rule as a dashed line, published models as dots, and "
            f"a star at {_billions(result.optimum.params)} parameters and "
            f"{_billions(result.optimum.tokens)} tokens for {result.budget:.3g} FLOPs.")


def allocation_calculator() -> Calculator:
    """Compute-optimal allocator over :func:`scalinglaws.chinchilla.compute_optimal`.

    Its defaults (Gopher's budget, 5.76e23 FLOPs, and Besiroglu et al.'s law) give the
    Chinchilla-like optimum the chapter prints.

    >>> calc = allocation_calculator()
    >>> round(calc.result.optimum.params / 1e9, 1), round(calc.result.optimum.tokens / 1e12, 2)
    (72.4, 1.33)
    """
    accelerators = _accelerator_options()
    h100 = next(value for label, value in accelerators if label.startswith("NVIDIA H100"))
    controls = [
        Choice("budget_source", "Budget from", [("a number of FLOPs", "flops"),
                                                ("accelerators × days", "hardware")]),
        Slider("compute_flops", "Compute budget (FLOPs)", ch.GOPHER_FLOPS, 1e18, 1e28,
               step=0.05, scale="log"),
        Choice("accelerator", "Accelerator", accelerators, value=h100,
               help="Peak dense BF16 rate from the course's accelerator table."),
        Number("n_accelerators", "Number of accelerators", 1024, integer=True,
               help="A whole number from 1 to 100,000,000.", low=1, high=1e8),
        Slider("days", "Training days", 30, 1, 365, step=1, readout_format=".0f"),
        Slider("utilisation", "Utilisation (MFU)", 0.4, 0.05, 1.0, step=0.01,
               readout_format=".2f",
               help="Fraction of the peak FLOP/s the training run achieves."),
        Choice("law", "Loss law", LAW_OPTIONS),
    ]
    return Calculator("Compute-optimal model size and tokens", controls, _allocate,
                      _describe_allocation, _draw_allocation, name="allocation")


# --- 2. IsoFLOP explorer ----------------------------------------------------------------------


@dataclass(frozen=True)
class _TwoProfiles:
    first: ch.IsoFlopProfile
    second: ch.IsoFlopProfile


def _two_profiles(compute_flops: float, law_1: str, law_2: str) -> _TwoProfiles:
    return _TwoProfiles(ch.isoflop_profile(compute_flops, law_1, n_points=41),
                        ch.isoflop_profile(compute_flops, law_2, n_points=41))


def _describe_profiles(result: _TwoProfiles) -> list[tuple[str, str]]:
    rows = [("Compute budget", f"{result.first.compute_flops:.3g} FLOPs")]
    for profile in (result.first, result.second):
        opt = profile.optimum
        rows.append((profile.law.name, f"N = {_billions(opt.params)}, D = "
                     f"{_billions(opt.tokens)}, {opt.tokens_per_param:.1f} tokens/param, "
                     f"loss {opt.loss:.3f}"))
    return rows


def _draw_profiles(result: _TwoProfiles, fig, ax) -> str:
    plotting.log_axes(ax, y=False, minor_ticks=False)
    for profile, colour in ((result.first, COLORS["blue"]), (result.second, COLORS["orange"])):
        ax.plot(profile.params, profile.loss, color=colour,
                label=profile.law.name.split(" (")[0] + (" (printed)" if "printed"
                                                          in profile.law.name else ""))
        ax.plot([profile.optimum.params], [profile.optimum.loss], "o", color=colour,
                markersize=8)
    ax.set_xlabel("parameters N (tokens D = C / 6N)")
    ax.set_ylabel("predicted loss (nats/token)")
    ax.legend(loc="upper center")
    a, b = result.first.optimum, result.second.optimum
    return (f"Loss against model size at {result.first.compute_flops:.3g} FLOPs for two laws; "
            f"the minima are at {_billions(a.params)} and {_billions(b.params)} parameters.")


def isoflop_calculator() -> Calculator:
    """IsoFLOP explorer over :func:`scalinglaws.chinchilla.isoflop_profile`, two laws at once.

    Defaults: Gopher's budget (5.76e23 FLOPs), Hoffmann et al.'s printed law against the
    replication's.

    >>> calc = isoflop_calculator()
    >>> round(calc.result.first.optimum.params / 1e9, 1)
    32.2
    """
    controls = [
        Slider("compute_flops", "Compute budget (FLOPs)", ch.GOPHER_FLOPS, 1e18, 1e28,
               step=0.05, scale="log"),
        Choice("law_1", "First law", LAW_OPTIONS, value="hoffmann2022"),
        Choice("law_2", "Second law", LAW_OPTIONS, value="besiroglu2024"),
    ]
    return Calculator("Loss along an IsoFLOP curve (6·N·D = C)", controls, _two_profiles,
                      _describe_profiles, _draw_profiles, name="isoflop")


# --- 3. Fit lab -----------------------------------------------------------------------------


def _fit_lab(truth: str, noise: float, sampling: float, window_offset: float,
             window_decades: float, models_per_budget: int, seed: int,
             n_bootstrap: int) -> ch.ApproachComparison:
    # The portable draws: the website's fit lab simulates and resamples the same runs.
    return compare_approaches_portable(truth=truth, noise=noise, window_offset=window_offset,
                                 window_decades=window_decades,
                                 window_exponent=None if sampling < 0 else sampling,
                                 models_per_budget=models_per_budget, seed=seed,
                                 n_bootstrap=n_bootstrap)


def _fit_lab_design(truth: str, noise: float, sampling: float, window_offset: float,
                    window_decades: float, models_per_budget: int, seed: int,
                    n_bootstrap: int) -> ch.SimulatedRuns:
    """The runs the fit lab will fit, simulated as :func:`_fit_lab` simulates them (quick)."""
    bootstrap_count(n_bootstrap)
    return simulate_training_runs_portable(ch.get_law(truth), noise=noise,
                                     window_offset=window_offset,
                                     window_decades=window_decades,
                                     window_exponent=None if sampling < 0 else sampling,
                                     models_per_budget=models_per_budget, seed=seed)


def _describe_fit_lab_design(runs: ch.SimulatedRuns) -> list[tuple[str, str]]:
    budgets = np.unique(runs.isoflop_budget)
    return [
        ("Ground truth", f"{runs.truth.name}: a = {runs.truth.a:.3f}"),
        ("IsoFLOP runs", f"{runs.isoflop_loss.size} runs at {budgets.size} budgets from "
                         f"{budgets.min():.3g} to {budgets.max():.3g} FLOPs"),
        ("Training curves", f"{np.unique(runs.curve_run).size} model sizes for Approach 1"),
        ("Noise", f"{runs.noise:.3f} (std of ln loss)"),
    ]


def _draw_fit_lab_design(runs: ch.SimulatedRuns, fig, ax) -> str:
    plotting.log_axes(ax, minor_ticks=False)
    budgets = np.logspace(17.5, 21.5, 20)
    ax.plot(budgets, ch.compute_optimal(budgets, runs.truth).params, color="#555555",
            linewidth=3, alpha=0.5, label="true optimum N_opt")
    ax.plot(runs.isoflop_budget, runs.isoflop_params, "o", color=COLORS["orange"],
            markersize=4, label="simulated IsoFLOP runs")
    ax.set_xlabel("compute C (FLOPs)")
    ax.set_ylabel("model size N")
    ax.legend(loc="upper left")
    return (f"Log-log plot of the {runs.isoflop_loss.size} simulated IsoFLOP runs (model size "
            "against compute) around the true compute-optimal line: where the sampled sizes "
            "sit relative to the optimum.")


def _ci(interval) -> str:
    return "no interval" if interval is None else format_interval(*interval)


def _describe_fit_lab(result: ch.ApproachComparison) -> list[tuple[str, str]]:
    rows = []
    for row in result.rows():
        text = f"a = {row['a']:.3f} {_ci(row['a_ci'])}, b = {row['b']:.3f} {_ci(row['b_ci'])}"
        if row["method"] != "truth":
            text += (f"; N_opt at 5.76×10²³ FLOPs: {_billions(row['params_at'])} "
                     f"(× {row['params_ratio']:.2f} the truth)")
        else:
            text += f"; N_opt at 5.76×10²³ FLOPs: {_billions(row['params_at'])}"
        rows.append((row["method"], text))
    return rows


def _draw_fit_lab(result: ch.ApproachComparison, fig, ax) -> str:
    plotting.log_axes(ax, minor_ticks=False)
    budgets = np.logspace(17.5, 24, 20)
    ax.plot(budgets, ch.compute_optimal(budgets, result.runs.truth).params, color="#555555",
            linewidth=3, alpha=0.5, label="truth")
    for fit, colour, marker in ((result.envelope, COLORS["blue"], "s"),
                                (result.isoflop, COLORS["orange"], "o")):
        ax.plot(fit.compute, fit.params, marker, color=colour, markersize=4)
        ax.plot(budgets, fit.params_fit.predict(budgets), color=colour,
                label=f"{fit.method.split(':')[0]}: a = {fit.a:.3f}")
    ax.plot(budgets, ch.compute_optimal(budgets, result.parametric.law).params,
            color=COLORS["green"], linestyle="--",
            label=f"Approach 3: a = {result.parametric.a:.3f}")
    ax.set_xlabel("compute C (FLOPs)")
    ax.set_ylabel("optimal parameters N_opt")
    ax.legend(loc="upper left")
    return ("Log-log plot of the optimal model size against compute: the true frontier and the "
            "estimates of the three approaches, extrapolated past the simulated budgets.")


def fit_lab_calculator() -> Calculator:
    """The fit lab over :func:`scalinglaws.chinchilla.compare_approaches`, with the portable
    draws (:func:`scalinglaws.portable_random.compare_approaches_portable`), so the website's
    fit lab shows the same runs and fits.

    Moving a control redraws the simulated experiment at once (where the IsoFLOP sizes sit);
    the button "Run the three approaches" fits them (a few tenths of a second, most of it
    the bootstrap). Defaults: Hoffmann et al.'s printed law as the truth (a = 0.452), 0.5 %
    noise, windows centred on the true optimum (the design of
    :func:`scalinglaws.chinchilla.compare_approaches`'s defaults, with the portable draws).

    >>> calc = fit_lab_calculator()
    >>> calc.result.isoflop_loss.size
    63
    >>> [round(row["a"], 3) for row in calc.run_action().rows()]
    [0.452, 0.437, 0.457, 0.458]
    """
    controls = [
        Choice("truth", "Ground truth", LAW_OPTIONS, value="hoffmann2022"),
        Slider("noise", "Noise (std of ln loss)", 0.005, 0.0, 0.03, step=0.001,
               readout_format=".3f"),
        Choice("sampling", "IsoFLOP sizes centred on",
               [("the true optimum at every budget", -1.0),
                ("a guess growing as C^0.73 (Kaplan)", 0.73),
                ("a guess growing as C^0.3", 0.3)], value=-1.0),
        Slider("window_offset", "Guess off by (decades)", 0.0, -1.0, 1.0, step=0.05,
               readout_format=".2f"),
        Slider("window_decades", "Sizes span (decades)", 1.5, 0.5, 3.0, step=0.1,
               readout_format=".1f"),
        Slider("models_per_budget", "Models per budget", 9, 3, 15, integer=True),
        Number("seed", "Random seed", 0, integer=True, low=0, high=MAX_SEED,
               help="A whole number from 0 to 4,294,967,295."),
        Number("n_bootstrap", "Bootstrap resamples (Approach 3)", 50, integer=True,
               help="0 to 10,000; about 3 ms each.", low=0, high=MAX_BOOTSTRAP),
    ]
    run = Action("Run the three approaches", _fit_lab, _describe_fit_lab, _draw_fit_lab)
    return Calculator("Fit lab: three ways to estimate the allocation", controls,
                      _fit_lab_design, _describe_fit_lab_design, _draw_fit_lab_design,
                      figure_size=(6.4, 4.2), action=run, name="fit-lab")


# --- 4. Fit your own runs --------------------------------------------------------------------


def example_runs_csv(truth=ch.BESIROGLU_2024, noise: float = 0.005, seed: int = 0) -> str:
    """CSV text of simulated runs (:func:`scalinglaws.chinchilla.simulate_training_runs`):
    the example the fit-your-own calculator starts with.

    >>> example_runs_csv().splitlines()[0]
    'params,tokens,loss'
    """
    runs = ch.simulate_training_runs(truth, noise=noise, n_budgets=5, models_per_budget=7,
                                     n_curves=8, seed=seed)
    params, tokens, loss = runs.final_runs()
    lines = ["params,tokens,loss"]
    lines += [f"{n:.4g},{d:.4g},{lo:.4f}" for n, d, lo in zip(params, tokens, loss, strict=True)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _OwnFit:
    table: Any
    fit: ch.ParametricFit
    budget: float
    optimum: ch.ComputeOptimal
    spread: dict | None


@functools.lru_cache(maxsize=8)
def _cached_fit(text: str | bytes, source: str, n_bootstrap: int):
    table = parse_runs_csv(text, source)
    # The portable bootstrap: the website's fit draws the same resamples.
    return table, fit_parametric_portable(table.params, table.tokens, table.loss,
                                          n_bootstrap=n_bootstrap)


def fit_your_runs(csv_text: str, upload=(), budget: float = ch.GOPHER_FLOPS,
                  n_bootstrap: int = 100) -> _OwnFit:
    """Parse runs (an uploaded file wins over pasted text), fit them, allocate a budget.

    The fit is cached by input, so moving the budget does not refit.
    """
    if upload:  # parse_runs_csv checks the size and the encoding of the file's bytes
        text, source = bytes(upload[0]["content"]), str(upload[0]["name"])
    else:
        text, source = csv_text, "pasted text"
    n_bootstrap = bootstrap_count(n_bootstrap)
    table, fit = _cached_fit(text, source, n_bootstrap)
    optimum = ch.compute_optimal(budget, fit.law)
    spread = ch.optimal_interval(fit, budget) if n_bootstrap else None
    return _OwnFit(table=table, fit=fit, budget=float(budget), optimum=optimum, spread=spread)


def _with_ci(value: float, spread: dict | None, key: str, fmt: str = ".3g") -> str:
    text = f"{value:{fmt}}"
    if spread and key in spread:
        text += f" {format_interval(*spread[key])}"
    return text


def _describe_own(result: _OwnFit) -> list[tuple[str, str]]:
    fit, ci = result.fit, result.fit.intervals or {}
    level = f"{100 * fit.confidence:g} % bootstrap interval" if ci else "no intervals"
    def show(name, value, fmt=".4g"):
        return f"{value:{fmt}}" + (f" {format_interval(*ci[name], digits=4)}"
                                   if name in ci else "")
    law = fit.law
    return [
        ("Runs fitted", f"{result.table.n_runs} from {result.table.source} ({level})"),
        ("E (irreducible loss)", show("E", law.E)),
        ("A, α", f"{show('A', law.A)}; {show('alpha', law.alpha)}"),
        ("B, β", f"{show('B', law.B)}; {show('beta', law.beta)}"),
        ("a, b (N_opt ∝ C^a, D_opt ∝ C^b)", f"{show('a', law.a, '.3f')}; "
                                            f"{show('b', law.b, '.3f')}"),
        ("Budget", f"{result.budget:.3g} FLOPs"),
        ("Optimal parameters N", _with_ci(result.optimum.params, result.spread, "params")),
        ("Optimal tokens D", _with_ci(result.optimum.tokens, result.spread, "tokens")),
        ("Tokens per parameter", _with_ci(result.optimum.tokens_per_param, result.spread,
                                          "tokens_per_param")),
        ("Predicted loss", _with_ci(result.optimum.loss, result.spread, "loss", ".4f")),
    ]


def _draw_own(result: _OwnFit, fig, ax) -> str:
    plotting.log_axes(ax, minor_ticks=False)
    table = result.table
    compute = ch.training_flops(table.params, table.tokens)
    low = float(compute.min()) / 3
    high = max(float(compute.max()), result.budget) * 3
    budgets = np.geomspace(low, high, 25)
    frontier = ch.compute_optimal(budgets, result.fit.law)
    if result.fit.bootstrap_thetas is not None:
        bands = [ch.optimal_interval(result.fit, c)["params"] for c in budgets]
        ax.fill_between(budgets, [b[0] for b in bands], [b[1] for b in bands],
                        color=COLORS["blue"], alpha=0.2, label="bootstrap interval")
    ax.plot(budgets, frontier.params, color=COLORS["blue"], label="fitted frontier N_opt(C)")
    ax.scatter(compute, table.params, s=12, color=COLORS["black"], zorder=3,
               label="your runs (C = 6ND)")
    ax.plot([result.budget], [result.optimum.params], "*", markersize=13,
            color=COLORS["orange"], zorder=4, label="optimum at your budget")
    ax.set_xlabel("compute C (FLOPs)")
    ax.set_ylabel("parameters N")
    ax.legend(loc="upper left")
    return (f"Log-log plot of the fitted compute-optimal model size against compute, with "
            f"{table.n_runs} runs as dots and a star at {result.optimum.params:.3g} parameters "
            f"for {result.budget:.3g} FLOPs.")


def fit_your_runs_calculator() -> Calculator:
    """Fit your own runs: paste CSV text or upload a file, over
    :func:`scalinglaws.chinchilla.fit_parametric`.

    The default text is :func:`example_runs_csv`: runs simulated from Besiroglu et al.'s law
    (a = 0.513) with 0.5 % noise.

    >>> calc = fit_your_runs_calculator()
    >>> calc.error is None and calc.result.table.n_runs
    43
    """
    controls = [
        TextArea("csv_text", "Runs (CSV: params, tokens, loss)", example_runs_csv(),
                 help="One run per line; header params,tokens,loss (or flops instead of "
                      "tokens); at least 5 runs, at most 10,000 rows and 1 MB."),
        FileUpload("upload", "Or upload a CSV"),
        Slider("budget", "Compute budget (FLOPs)", ch.GOPHER_FLOPS, 1e18, 1e28, step=0.05,
               scale="log"),
        Number("n_bootstrap", "Bootstrap resamples", 100, integer=True,
               help="0 to 10,000; about 3 ms each for 50 runs.", low=0, high=10_000),
    ]
    return Calculator("Fit your own training runs", controls, fit_your_runs, _describe_own,
                      _draw_own, name="fit-your-runs")
