"""Figures of chapter 7 (outlook): emissions against the grid, goodput against the checkpoint
interval, the 1,000,000× leap, and the frontier compute trend."""

from __future__ import annotations

import numpy as np

from scalinglaws import formulas, plotting
from scalinglaws import outlook_formulas as f
from scalinglaws.outlook import (
    GRID_INTENSITY,
    CheckpointPlan,
    Leap,
    TrainingEnergy,
    frontier_compute_growth,
)
from scalinglaws.plotting import COLORS

__all__ = ["GRID_LABELS", "compute_growth_figure", "draw_emissions", "draw_goodput",
           "draw_leap"]

#: The grids marked on the emissions figure, by key of :data:`GRID_INTENSITY`.
GRID_LABELS = {"france_bloom": "France (BLOOM)", "world_2024": "world 2024"}


def draw_emissions(ax, run: TrainingEnergy) -> str:
    """Operational emissions of ``run`` against the grid's carbon intensity (0–1,000 g/kWh)."""
    grids = formulas.linspace(0.0, 1000.0, 21)
    tonnes = [float(f.emissions_tonnes(run.energy_joules, g)) for g in grids]
    ax.plot(grids, tonnes, color=COLORS["blue"], label="this run's energy")
    marked = [GRID_INTENSITY[key] for key in GRID_LABELS]
    ax.plot(marked, [float(f.emissions_tonnes(run.energy_joules, g)) for g in marked], "o",
            color=COLORS["black"], markersize=5, label="published grids")
    for key, label in GRID_LABELS.items():
        g = GRID_INTENSITY[key]
        ax.annotate(label, (g, float(f.emissions_tonnes(run.energy_joules, g))),
                    textcoords="offset points", xytext=(5, -13), fontsize=8)
    ax.plot([run.grid_g_per_kwh], [run.emissions_tonnes], "*", color=COLORS["orange"],
            markersize=13, zorder=4, label="your grid")
    ax.set_xlabel("grid carbon intensity (gCO2e/kWh)")
    ax.set_ylabel("emissions (t CO2e)")
    ax.legend(loc="upper left")
    return (f"Line of emissions against grid carbon intensity for {run.energy_gwh:.3g} GWh: "
            f"{run.emissions_tonnes:,.0f} t CO2e at {run.grid_g_per_kwh:g} g/kWh.")


def draw_goodput(ax, plan: CheckpointPlan) -> str:
    """Goodput against the checkpoint interval (log axis), with Young's and Daly's optima."""
    m = plan.mtbf_minutes
    centre = float(np.log10(m))
    intervals = formulas.logspace(centre - 3.0, centre + 1.0, 81)
    shares = [float(f.goodput(t, plan.checkpoint_minutes, plan.restart_minutes, m))
              for t in intervals]
    plotting.log_axes(ax, y=False, minor_ticks=False)
    ax.plot(intervals, shares, color=COLORS["blue"], label="goodput")
    ax.plot([plan.young_minutes], [plan.goodput_young], "s", color=COLORS["green"],
            markersize=7, label="Young √(2δM)")
    ax.plot([plan.daly_minutes], [plan.goodput], "*", color=COLORS["orange"], markersize=13,
            zorder=4, label="Daly")
    ax.set_xlabel("minutes of work between checkpoints")
    ax.set_ylabel("share of time doing useful work")
    ax.legend(loc="lower center")
    return (f"Goodput against the checkpoint interval on a log axis for a job interrupted every "
            f"{m:.3g} minutes on average: best near {plan.daly_minutes:.3g} minutes (Daly), "
            f"where {100 * plan.goodput:.3g} % of the time is useful work.")


def draw_leap(ax, leap: Leap) -> str:
    """Compute-optimal tokens against compute, the stock of text, today and 10^k times it."""
    from scalinglaws import datalimits_formulas as dlf

    low = float(np.log10(leap.base_flops)) - 1.0
    high = float(np.log10(leap.compute_flops)) + 1.0
    budgets = formulas.logspace(low, high, 41)
    tokens = [float(dlf.optimal_tokens(c, leap.law)) for c in budgets]
    plotting.log_axes(ax, minor_ticks=False)
    ax.plot(budgets, tokens, color=COLORS["blue"],
            label=f"compute-optimal tokens ({leap.law.name.split(' (')[0]})")
    ax.plot([budgets[0], budgets[-1]], [leap.stock_tokens, leap.stock_tokens], "--",
            color=COLORS["vermillion"], label="stock of text")
    ax.plot([leap.base_flops], [leap.base_tokens], "o", color=COLORS["black"], markersize=6,
            zorder=3, label="today")
    ax.plot([leap.compute_flops], [leap.tokens], "*", color=COLORS["orange"], markersize=13,
            zorder=4, label=f"×10^{leap.decades}")
    ax.set_xlabel("training compute (FLOPs)")
    ax.set_ylabel("training tokens")
    ax.legend(loc="upper left")
    return (f"Log-log plot of compute-optimal training tokens against compute, with the stock "
            f"of text at {leap.stock_tokens:.3g} tokens as a dashed line: {leap.base_tokens:.3g} "
            f"tokens today and {leap.tokens:.3g} after ×10^{leap.decades}.")


def compute_growth_figure():
    """The largest run of each year in the course's table, its fit, and published rates.

    The published rates are drawn through the fit's 2020 value, to compare slopes.

    >>> fig = compute_growth_figure()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['largest run of the year (course table)', 'fit: ×3.19 a year']
    """
    growth = frontier_compute_growth()
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax, x=False, minor_ticks=False)
    runs = growth.runs
    ax.plot(runs["year"], runs["compute_flops"], "o", color=COLORS["black"],
            label="largest run of the year (course table)")
    years = np.linspace(2020, 2024, 9)
    ax.plot(years, growth.trend.predict(years), color=COLORS["blue"],
            label=f"fit: ×{growth.growth_per_year:.3g} a year")
    start = growth.trend.predict(2020.0)
    styles = {4.0: ("dotted", COLORS["green"]), 4.6: ("dashed", COLORS["vermillion"])}
    for rate, (style, color) in styles.items():
        ax.plot(years, start * rate ** (years - 2020), linestyle=style, color=color,
                label=f"×{rate:g} a year (Epoch)")
    for _, row in runs.iterrows():
        ax.annotate(row["name"], (row["year"], row["compute_flops"]), textcoords="offset points",
                    xytext=(5, -12), fontsize=8)
    ax.set_xticks(range(2020, 2025))
    ax.set_xlabel("year")
    ax.set_ylabel("training compute (FLOPs)")
    ax.legend(loc="upper left")
    return fig
