"""Figures of chapter 4 (data quality, data limits and synthetic data).

``draw_*`` functions draw on given axes (the calculators use them); the ``*_figure``
functions make the chapter's figures with their default inputs.
"""

from __future__ import annotations

import numpy as np

from scalinglaws import datalimits as dl
from scalinglaws import datalimits_formulas as formulas
from scalinglaws import plotting
from scalinglaws.datasets import load_training_runs
from scalinglaws.plotting import COLORS, count_in_words
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["draw_budget_split", "draw_effective_data", "draw_quality_frontier", "draw_runway",
           "effective_data_figure", "phi1_figure"]

#: Label offsets (points) that keep the names of phi-1's Table 1 apart.
PHI1_LABEL_OFFSETS = {"Codex-12B": (-60, -4), "CodeGen-Mono-16.1B": (6, -10),
                      "StarCoder": (6, 0), "WizardCoder": (6, -4)}

#: Where the paper puts each epoch count it names (Muennighoff et al. 2023, arXiv v4).
EPOCH_MARKS = ((4, "4: abstract"), (16, "16: §6 text"), (40, "40: Fig. 1 label"))


def _short_count(value: float) -> str:
    """'44.5B' below a trillion (a legend entry), else in words ('100 trillion')."""
    return f"{value / 1e9:,.3g}B" if value < 999.5e9 else count_in_words(value)

def draw_effective_data(ax, law=dl.MUENNIGHOFF_2023, epochs: float | None = None,
                        marks=EPOCH_MARKS) -> str:
    """Effective data D′/U_D against epochs (eq. 5), beside fresh data and the ceiling."""
    passes = np.logspace(0, 3, 200)
    ratio = formulas.effective_data(1.0, passes, law.rd_star)
    ax.set_xscale("log")
    ax.plot(passes, passes, color="#999999", linestyle="--", label="all fresh data (D′ = D)")
    ax.plot(passes, ratio, color=COLORS["blue"], label="repeated data, eq. 5")
    ax.axhline(law.ceiling, color=COLORS["vermillion"], linestyle=":",
               label=f"ceiling 1 + R*_D = {law.ceiling:.2f}")
    for value, text in marks:
        y = float(formulas.effective_data(1.0, value, law.rd_star))
        ax.plot([value], [y], "o", color=COLORS["black"], zorder=3)
        ax.annotate(text, (value, y), xytext=(6, -14), textcoords="offset points", fontsize=8)
    if epochs is not None:
        y = float(formulas.effective_data(1.0, epochs, law.rd_star))
        ax.plot([epochs], [y], "*", markersize=13, color=COLORS["orange"], zorder=4,
                label=f"{epochs:g} epochs: {y:.2f}× the unique data")
    ax.set(xlim=(1, 1000), ylim=(0, 20), xlabel="epochs over the unique data",
           ylabel="effective data D′ / unique data U_D")
    ax.legend(loc="lower right")
    return ("Effective data as a multiple of the unique data against epochs on a log axis: it "
            "follows the fresh-data diagonal for a few epochs, bends away, and flattens "
            f"below the ceiling of {law.ceiling:.2f}.")


def effective_data_figure():
    """Eq. 5 with the released R*_D, and the three epoch counts the paper names.

    >>> fig = effective_data_figure()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['all fresh data (D′ = D)', 'repeated data, eq. 5']
    """
    fig, ax = plotting.new_figure(6.4, 3.8)
    draw_effective_data(ax)
    return fig


def draw_budget_split(ax, optimum: dl.DataConstrainedOptimum) -> str:
    """Loss along 6ND = C with the unique data capped and with unlimited unique data."""
    law, c = optimum.law, optimum.compute_flops
    centre = optimum.chinchilla.params
    params = np.logspace(np.log10(centre) - 1.2, np.log10(centre) + 1.2, 160)
    tokens = c / (FLOPS_PER_PARAM_TOKEN * params)
    capped = formulas.data_constrained_loss(params, tokens,
                                            np.minimum(optimum.unique_tokens, tokens), law)
    fresh = formulas.data_constrained_loss(params, tokens, tokens, law)
    plotting.log_axes(ax, y=False, minor_ticks=False)
    ax.plot(params, fresh, color="#999999", linestyle="--", label="unlimited unique data")
    ax.plot(params, capped, color=COLORS["blue"],
            label=f"{_short_count(optimum.unique_tokens)} unique tokens")
    chin = optimum.chinchilla
    ax.plot([chin.params], [optimum.chinchilla_loss], "s", color=COLORS["vermillion"],
            zorder=3, label=f"Chinchilla's choice: {chin.params / 1e9:.3g}B, "
                            f"{optimum.chinchilla_epochs:.2g} epochs")
    ax.plot([optimum.params], [optimum.loss], "*", markersize=13, color=COLORS["orange"],
            zorder=4, label=f"best with the cap: {optimum.params / 1e9:.3g}B, "
                            f"{optimum.epochs:.2g} epochs")
    ax.set(xlabel="parameters N (tokens D = C/6N)", ylabel="predicted loss (eq. 17 scale)")
    ax.legend(loc="upper center")
    return (f"Predicted loss against model size for {c:.3g} FLOPs: with unlimited unique data "
            f"and with {optimum.unique_tokens:.3g} unique tokens. The best capped model has "
            f"{optimum.params:.3g} parameters and {optimum.epochs:.2g} epochs; Chinchilla's "
            f"has {chin.params:.3g}.")


def draw_quality_frontier(ax, shift: dl.QualityShift) -> str:
    """Compute-optimal loss against compute for a law and its quality-shifted version."""
    budgets = np.logspace(18, 27, 100)
    floor = shift.law.E
    plotting.log_axes(ax, minor_ticks=False)
    ax.plot(budgets, formulas.optimal_loss(budgets, shift.law) - floor, color="#777777",
            label="the law's data")
    ax.plot(budgets, formulas.optimal_loss(budgets, shift.shifted_law) - floor,
            color=COLORS["blue"], label="cleaner data")
    loss = shift.base.loss - floor
    ax.plot([shift.compute_flops], [loss], "o", color=COLORS["black"], zorder=3,
            label=f"budget {shift.compute_flops:.3g} FLOPs")
    ax.annotate("", xy=(shift.compute_for_same_loss, loss), xytext=(shift.compute_flops, loss),
                arrowprops={"arrowstyle": "->", "color": COLORS["vermillion"], "lw": 1.5})
    ax.plot([shift.compute_for_same_loss], [loss], "*", markersize=12, color=COLORS["orange"],
            zorder=4, label=f"same loss with {shift.compute_saving:.3g}× less compute")
    ax.set(xlabel="training compute C (FLOPs)",
           ylabel=f"reducible loss L − E (E = {floor:.3g})")
    ax.legend(loc="upper right")
    return (f"Log-log plot of the compute-optimal reducible loss against compute for the "
            f"law and for data {shift.quality:g} times as valuable per token; an arrow shows "
            f"the same loss reached with {shift.compute_saving:.3g} times less compute.")


def draw_runway(ax, result: dl.Runway, growth: dl.TrainingSetGrowth | None = None,
                end_year: float = 2034) -> str:
    """Training-set sizes against year, the growth line from the largest, and the stock."""
    runs = load_training_runs()
    corpus = runs["name"].isin(dl.CORPUS_SIZE_ROWS)
    ax.set_yscale("log")
    ax.scatter(runs.year[~corpus], runs.tokens[~corpus], s=14, color=COLORS["black"],
               label="tokens seen (course table)", zorder=3)
    ax.scatter(runs.year[corpus], runs.tokens[corpus], s=18, marker="x", color="#777777",
               label="corpus sizes (not fitted)", zorder=3)
    years = np.linspace(result.start_year, end_year, 50)
    ax.plot(years, result.largest_tokens * result.growth_per_year ** (years - result.start_year),
            color=COLORS["blue"], label=f"largest set ×{result.growth_per_year:.3g} a year")
    if growth is not None:
        fit_years = np.linspace(2020, result.start_year, 20)
        ax.plot(fit_years, growth.trend.predict(fit_years), color=COLORS["sky"], linewidth=1.2,
                label="fitted trend (tokens seen)")
    ax.axhspan(result.stock_low, result.stock_high, color=COLORS["orange"], alpha=0.18,
               label="stock, interval")
    ax.axhline(result.stock_tokens, color=COLORS["orange"], label="stock")
    if result.multiplier != 1:
        ax.axhline(result.multiplier * result.stock_tokens, color=COLORS["green"],
                   linestyle="--", label=f"stock ×{result.multiplier:.3g}")
    ax.axvline(result.year, color=COLORS["vermillion"], linestyle=":", linewidth=1.2)
    ax.set(xlim=(2019.5, end_year), ylim=(1e11, 1e16), xlabel="year",
           ylabel="training tokens")
    ax.legend(loc="lower right", fontsize=8)
    return (f"Training-set sizes by year on a log axis with a line growing "
            f"{result.growth_per_year:.3g} times a year from {result.largest_tokens:.3g} tokens "
            f"in {result.start_year:g}; it crosses the stock of {result.stock_tokens:.3g} "
            f"tokens in {result.year:.1f}.")


def phi1_figure():
    """HumanEval pass@1 against parameters for the models of phi-1's Table 1.

    >>> fig = phi1_figure()
    >>> fig.axes[0].get_xlabel()
    'parameters'
    """
    fig, ax = plotting.new_figure(6.4, 3.6)
    plotting.log_axes(ax, y=False)
    for name, params, _tokens, humaneval, _mbpp in dl.GUNASEKAR_2023_TABLE_1:
        if np.isnan(params):
            ax.axhline(humaneval, color="#999999", linestyle=":", linewidth=1)
            ax.annotate(f"{name} (size not published): {humaneval:g} %", (1.5e9, humaneval),
                        xytext=(0, 3), textcoords="offset points", fontsize=8)
            continue
        phi = name == "phi-1"
        ax.plot([params], [humaneval], "*" if phi else "o", markersize=13 if phi else 6,
                color=COLORS["orange"] if phi else COLORS["blue"], zorder=3)
        ax.annotate(name, (params, humaneval), xytext=PHI1_LABEL_OFFSETS.get(name, (6, -4)),
                    textcoords="offset points", fontsize=8)
    ax.set(xlim=(1e9, 2e12), ylim=(20, 72), xlabel="parameters",
           ylabel="HumanEval pass@1 (%)")
    return fig
