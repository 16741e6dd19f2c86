"""Figures of chapter 3 (Chinchilla: compute-optimal training)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scalinglaws import chinchilla as ch
from scalinglaws import plotting
from scalinglaws.plotting import COLORS

__all__ = ["allocation_rules", "approach1_envelope", "approach2_vertex", "approaches_fits",
           "isoflop_valleys", "tokens_per_parameter"]

#: Models the chapter names, with label offsets (points) that keep the labels apart.
NAMED_MODELS = {
    "GPT-3 175B": (6, 4), "Gopher 280B": (6, -10), "PaLM 540B": (6, -4),
    "Chinchilla 70B": (-62, 6), "LLaMA 65B": (6, 4), "Falcon-180B": (6, -12),
    "Llama 2 70B": (6, 6), "Llama 3 70B": (6, -2), "Llama 3 8B": (6, -2),
    "Phi-3-mini": (6, 2), "Qwen3-32B": (-8, 8),
}
#: Rows whose token count is a lower bound ("over", "15T+", first stage only).
LOWER_BOUNDS = ("Falcon-180B", "Llama 3 8B", "Llama 3 70B", "OLMo 2 7B", "OLMo 2 13B")


def allocation_rules(budgets=None):
    """Compute-optimal parameters against compute: Kaplan's rule, Hoffmann's and the refit.

    >>> fig = allocation_rules()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][0]
    'Kaplan et al. 2020 rule'
    """
    budgets = np.logspace(18, 26, 50) if budgets is None else np.asarray(budgets, float)
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax)
    ax.plot(budgets, ch.kaplan_allocation(budgets).params, "--", label="Kaplan et al. 2020 rule")
    for law in (ch.HOFFMANN_2022, ch.BESIROGLU_2024):
        ax.plot(budgets, ch.compute_optimal(budgets, law).params, label=law.name)
    ax.plot([ch.GOPHER_FLOPS] * 2, [280e9, 70e9], "ko", label="Gopher and Chinchilla")
    ax.annotate("Gopher", (ch.GOPHER_FLOPS, 280e9), xytext=(-48, 4), textcoords="offset points")
    ax.annotate("Chinchilla", (ch.GOPHER_FLOPS, 70e9), xytext=(6, -12),
                textcoords="offset points")
    ax.set(xlabel="training compute C (FLOPs)", ylabel="compute-optimal parameters N")
    ax.legend(loc="upper left")
    return fig


def isoflop_valleys(law=ch.BESIROGLU_2024, budgets=(1e19, 1e21, 1e23, 1e25)):
    """Predicted loss along IsoFLOP curves (6ND = C), each optimum marked.

    >>> fig = isoflop_valleys()
    >>> len(fig.axes[0].get_lines())
    8
    """
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax, y=False)
    for budget in budgets:
        profile = ch.isoflop_profile(budget, law, decades=1.5)
        line, = ax.plot(profile.params, profile.loss, label=f"C = {budget:.0e} FLOPs")
        ax.plot(profile.optimum.params, profile.optimum.loss, "o", color=line.get_color())
    ax.set(xlabel="parameters N (tokens D = C/6N)", ylabel="predicted loss (nats/token)")
    ax.legend(loc="upper right")
    return fig


def approach1_envelope(truth=ch.HOFFMANN_2022, n_curves: int = 8):
    """Approach 1: loss against compute for models of several sizes, and their envelope.

    Noise-free training curves simulated from ``truth``
    (:func:`scalinglaws.chinchilla.simulate_training_runs`); the envelope is the lowest loss
    any size reaches at each compute, and the size that reaches it is that compute's optimum.

    >>> fig = approach1_envelope()
    >>> fig.axes[0].get_lines()[-1].get_label()
    'envelope: the best size at each compute'
    """
    runs = ch.simulate_training_runs(truth, noise=0.0, n_curves=n_curves)
    compute = ch.training_flops(runs.curve_params, runs.curve_tokens)
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax, y=False)
    grid = np.geomspace(compute.min(), compute.max(), 200)
    best = np.full(grid.size, np.inf)
    for run in np.unique(runs.curve_run):
        pick = runs.curve_run == run
        size = runs.curve_params[pick][0]
        ax.plot(compute[pick], runs.curve_loss[pick], color="#999999", linewidth=1,
                label="training curves (one model size each)" if run == 0 else None)
        if run in (0, n_curves - 1):  # label the smallest at its end, the largest at its start
            end = -1 if run == 0 else 0
            ax.annotate(f"{size / 1e9:.2g}B parameters",
                        (compute[pick][end], runs.curve_loss[pick][end]),
                        xytext=(-4, 5) if run == 0 else (4, 0), textcoords="offset points",
                        fontsize=8, ha="right" if run == 0 else "left")
        inside = (grid >= compute[pick].min()) & (grid <= compute[pick].max())
        best[inside] = np.minimum(best[inside], np.interp(np.log(grid[inside]),
                                                          np.log(compute[pick]),
                                                          runs.curve_loss[pick]))
    ax.plot(grid, best, color=COLORS["vermillion"], linewidth=2.5,
            label="envelope: the best size at each compute")
    ax.set(xlabel="compute C = 6ND (FLOPs)", ylabel="loss (nats/token)")
    ax.legend(loc="upper right")
    return fig


def approach2_vertex(budget: float = 1e20, window_offset: float = -0.75,
                     window_decades: float = 1.5, truth=ch.HOFFMANN_2022, n_sizes: int = 9):
    """Approach 2: one lopsided IsoFLOP valley, the parabola through sizes tried off-centre.

    The sizes span ``window_decades`` around the true optimum times 10^``window_offset``;
    a parabola in log N through their losses has its vertex away from the true optimum.

    >>> fig = approach2_vertex()
    >>> labels = [line.get_label() for line in fig.axes[0].get_lines()]
    >>> [label for label in labels if not label.startswith(("_", "true loss"))]
    ['sizes tried', 'parabola fitted to them', 'true optimum', 'vertex of the parabola']
    """
    true_opt = ch.compute_optimal(budget, truth).params
    profile = ch.isoflop_profile(budget, truth, decades=3.0)
    centre = true_opt * 10**window_offset
    tried = centre * np.logspace(-window_decades / 2, window_decades / 2, n_sizes)
    loss = truth.loss(tried, ch.tokens_for_budget(budget, tried))
    curvature, slope, intercept = np.polyfit(np.log(tried), loss, 2)
    vertex = float(np.exp(-slope / (2 * curvature)))
    x = np.geomspace(tried.min() / 3, tried.max() * 3, 200)
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax, y=False)
    ax.plot(profile.params, profile.loss, color="#999999", linewidth=3,
            label=f"true loss along C = {budget:.0e} FLOPs")
    ax.plot(tried, loss, "o", color=COLORS["blue"], label="sizes tried")
    ax.plot(x, np.polyval([curvature, slope, intercept], np.log(x)), "--",
            color=COLORS["blue"], label="parabola fitted to them")
    ax.plot([true_opt], [truth.loss(true_opt, ch.tokens_for_budget(budget, true_opt))], "*",
            color=COLORS["black"], markersize=12, label="true optimum")
    ax.plot([vertex], [np.polyval([curvature, slope, intercept], np.log(vertex))], "D",
            color=COLORS["vermillion"], label="vertex of the parabola")
    bottom = float(profile.loss.min())
    for at, color in ((true_opt, COLORS["black"]), (vertex, COLORS["vermillion"])):
        ax.axvline(at, color=color, linewidth=0.8, linestyle=":")
    ax.set(xlabel="parameters N (tokens D = C/6N)", ylabel="loss (nats/token)",
           xlim=(tried.min() / 3, true_opt * 100), ylim=(bottom - 0.03, bottom + 0.8))
    ax.legend(loc="upper right")
    return fig


def approaches_fits(comparison: ch.ApproachComparison, budgets=None):
    """The three approaches' N_opt(C) against the truth, with the optima they were fitted to.

    >>> comparison = ch.compare_approaches(noise=0.0, n_bootstrap=0)
    >>> [line.get_label() for line in approaches_fits(comparison).axes[0].get_lines()][0]
    'truth'
    """
    budgets = np.logspace(18, 24, 20) if budgets is None else np.asarray(budgets, float)
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax)
    ax.plot(budgets, ch.compute_optimal(budgets, comparison.runs.truth).params,
            color="#999999", linewidth=5, label="truth")
    for fit, marker in ((comparison.envelope, "s"), (comparison.isoflop, "o")):
        line, = ax.plot(budgets, fit.params_fit.predict(budgets),
                        label=fit.method.split(":")[0])
        ax.plot(fit.compute, fit.params, marker, color=line.get_color(), markersize=4)
    ax.plot(budgets, ch.compute_optimal(budgets, comparison.parametric.law).params, "--",
            label="Approach 3")
    ax.set(xlabel="compute C (FLOPs)", ylabel="optimal parameters N_opt")
    ax.legend(loc="upper left")
    return fig


def tokens_per_parameter(runs: pd.DataFrame | None = None):
    """Training tokens per parameter against the year, the models the chapter names labelled.

    >>> fig = tokens_per_parameter()
    >>> sorted(text.get_text() for text in fig.axes[0].texts)[:3]
    ['Chinchilla 70B', 'Falcon-180B', 'GPT-3 175B']
    """
    if runs is None:
        from scalinglaws.datasets import load_training_runs
        runs = load_training_runs()
    ratio = runs.tokens / runs.params
    bound = runs.name.isin(LOWER_BOUNDS)
    fig, ax = plotting.new_figure(6.4, 4.6)
    plotting.log_axes(ax, x=False)
    ax.plot(runs.year[~bound], ratio[~bound], "o", label="stated")
    ax.plot(runs.year[bound], ratio[bound], "^",
            label="lower bound (\"over\", \"15T+\", first stage only)")
    chinchilla = float(ratio[runs.name == "Chinchilla 70B"].iloc[0])
    ax.axhline(chinchilla, color="#555555", linestyle="--", label="Chinchilla: 20 per parameter")
    for name, offset in NAMED_MODELS.items():
        row = runs.name == name
        ax.annotate(name, (float(runs.year[row].iloc[0]), float(ratio[row].iloc[0])),
                    xytext=offset, textcoords="offset points", fontsize=8)
    ax.set(xlabel="year", ylabel="training tokens per parameter", xticks=range(2020, 2026),
           xlim=(2019.5, 2026.2), ylim=(0.5, 4e4))
    ax.legend(loc="upper left")
    return fig
