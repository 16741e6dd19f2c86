"""Figures of chapter 1 (Moore's law versus Dennard scaling)."""

from __future__ import annotations

import pandas as pd

from scalinglaws import hardware, plotting
from scalinglaws.plotting import COLORS

__all__ = ["four_curves", "moore_rules"]

#: The three doubling rules of the chapter: Moore 1965, House, Moore 1975.
RULES = {1.0: "yearly (Moore 1965)", 1.5: "18 months (House)", 2.0: "two years (Moore 1975)"}


def moore_rules(cpus: pd.DataFrame | None = None, start_year: float = 1971):
    """Transistors per chip against the year, with the three doubling rules and the fit.

    Single dies are filled circles, packages of several dies open circles; the fit is the
    per-die least-squares line of :func:`scalinglaws.hardware.transistor_trend`.

    >>> fig = moore_rules()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['one die', 'package of several dies']
    """
    if cpus is None:
        from scalinglaws.datasets import load_cpus
        cpus = load_cpus()
    trend = hardware.transistor_trend(cpus)
    fig, ax = plotting.new_figure()
    plotting.log_axes(ax, x=False)
    single = cpus[cpus.dies == 1]
    multi = cpus[cpus.dies > 1]
    ax.plot(single.year, single.transistors, "o", color=COLORS["blue"], label="one die")
    ax.plot(multi.year, multi.transistors, "o", markerfacecolor="none",
            color=COLORS["blue"], label="package of several dies")
    for doubling, label in RULES.items():
        p = hardware.moore_projection(start_year, doubling, cpus)
        ax.plot(p.grid_years, p.grid_counts, "--", label=f"doubling {label}")
    ax.plot(p.grid_years, trend.predict(p.grid_years), color=COLORS["black"], linewidth=1,
            label=f"fit per die: every {trend.doubling_time:.2f} years")
    ax.set(ylim=(1e3, 1e13), xlabel="year", ylabel="transistors per chip")
    ax.legend(loc="upper left")
    return fig


def four_curves(cpus: pd.DataFrame | None = None, eras: pd.DataFrame | None = None):
    """Transistors, clock, power and single-thread performance against the year, 2 × 2.

    Two columns of two, so each panel stays readable on a phone. The transistor panel carries
    the per-die fit, the clock panel the two-segment fit; a dotted line marks the clock's
    breakpoint on the clock and single-thread panels.

    >>> fig = four_curves()
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['transistors per chip', 'maximum clock (MHz)', 'TDP (W)', 'single-thread perf. (1978 = 1)']
    """
    if cpus is None:
        from scalinglaws.datasets import load_cpus
        cpus = load_cpus()
    trend = hardware.transistor_trend(cpus)
    plateau = hardware.fit_clock_plateau(cpus)
    single = hardware.single_thread_series(eras)
    fig, _ = plotting.new_figure(7.2, 5.6)
    fig.clear()
    axes = [fig.add_subplot(2, 2, i + 1) for i in range(4)]
    panels = [(cpus.year, cpus.transistors, "transistors per chip"),
              (cpus.year, cpus.clock_mhz, "maximum clock (MHz)"),
              (cpus.year, cpus.power_w, "TDP (W)"),
              (single.years, single.relative_performance, "single-thread perf. (1978 = 1)")]
    for ax, (x, y, label) in zip(axes, panels, strict=True):
        plotting.log_axes(ax, x=False)
        ax.plot(x, y, "-" if label.startswith("single") else "o", color=COLORS["blue"],
                markersize=4)
        ax.set(xlim=(1968, 2028), ylabel=label)
    for ax in axes[2:]:
        ax.set_xlabel("year")
    years = pd.Series(range(1971, 2026), dtype=float).to_numpy()
    axes[0].plot(years, trend.predict(years), color=COLORS["orange"])
    axes[1].plot(years, plateau.predict(years), color=COLORS["orange"])
    for ax in (axes[1], axes[3]):
        ax.axvline(plateau.breakpoint, color="#888888", linestyle=":")
    return fig
