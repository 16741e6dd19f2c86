"""The hardware chapter's calculators: Dennard scaling, a Moore's-law projector, accelerators.

Thin views over :mod:`scalinglaws.hardware`: every number shown is computed there. Tables are
loaded once when a calculator is made, so a change of a control only recomputes and redraws.
"""

from __future__ import annotations

import math
from functools import partial

from matplotlib.ticker import MaxNLocator

from scalinglaws import plotting
from scalinglaws.datasets import load_accelerators, load_cpus
from scalinglaws.hardware import (
    KAPPA_RANGE,
    PRECISIONS,
    compare_chips,
    moore_projection,
    scaling_over_generations,
    transistor_trend,
)
from scalinglaws.plotting import COLORS, power_of_ten_label
from scalinglaws.widgets.base import Calculator, Choice, Number, Slider, format_interval

__all__ = ["accelerator_calculator", "dennard_calculator", "moore_calculator"]


def _year_ticks(ax) -> None:
    """At most six whole-year ticks on the x axis: fewer tick labels draw faster."""
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))


def _count(value: float) -> str:
    """A count as '2,300' below a million, else as '3.09×10¹¹'."""
    return f"{value:,.0f}" if value < 1e6 else power_of_ten_label(value)


def _times(factor: float) -> str:
    """A relative factor as '×32' (or '×0.0313')."""
    return f"×{factor:.3g}"


# --- Dennard vs post-Dennard -----------------------------------------------------------------


def _describe_scaling(result) -> list[tuple[str, str]]:
    n = result.generations
    rules = result.rules
    regime = ("Dennard scaling: the voltage falls by κ" if result.voltage_scales
              else "after Dennard scaling: the voltage is held")
    return [
        ("Regime", regime),
        ("Per generation", f"clock {_times(rules.frequency)}, power per transistor "
                           f"{_times(rules.power_per_circuit)}, power density "
                           f"{_times(rules.power_density)}"),
        (f"After {n} generations: transistors per area", _times(result.transistor_density[-1])),
        ("Clock frequency", _times(result.frequency[-1])),
        ("Power per transistor", _times(result.power_per_transistor[-1])),
        ("Power density", _times(result.power_density[-1])),
        ("Chip power at constant area", _times(result.chip_power[-1])),
        ("Share of the chip that can switch within generation 0's power",
         f"{100 * result.usable_fraction[-1]:.3g} %"),
    ]


def _draw_scaling(result, fig, ax) -> str:
    plotting.log_axes(ax, x=False, minor_ticks=False)
    n = result.generation
    # Dashed and on top: without voltage scaling it coincides with the power density.
    ax.plot(n, result.transistor_density, color=COLORS["black"], linestyle="--", linewidth=1.2,
            zorder=3, label="transistors per area")
    ax.plot(n, result.frequency, "o-", color=COLORS["blue"], label="clock frequency")
    ax.plot(n, result.power_per_transistor, "s-", color=COLORS["green"],
            label="power per transistor")
    ax.plot(n, result.power_density, "^-", color=COLORS["vermillion"],
            label="power density = chip power (constant area)")
    ax.set_xticks(n)
    ax.set_xlabel("generation")
    ax.set_ylabel("relative to generation 0")
    ax.legend(loc="upper left")
    regime = "voltage scaling" if result.voltage_scales else "the voltage held"
    return (f"Log plot over {result.generations} generations at kappa {result.kappa:.3g} with "
            f"{regime}: clock {_times(result.frequency[-1])}, power per transistor "
            f"{_times(result.power_per_transistor[-1])}, power density and chip power "
            f"{_times(result.power_density[-1])} after the last generation.")


def dennard_calculator() -> Calculator:
    """Dennard vs post-Dennard over :func:`scalinglaws.hardware.scaling_over_generations`.

    Defaults: κ = √2 (transistor area halves each generation), 5 generations, the voltage
    held and the clock still rising by κ: power density and chip power rise 2⁵ = 32-fold,
    so only 1/32 ≈ 3.1 % of the chip can switch within the first generation's power.

    >>> calc = dennard_calculator()
    >>> calc.error is None, round(float(calc.result.power_density[-1]), 6)
    (True, 32.0)
    """
    controls = [
        Number("kappa", "Scale factor κ per generation", math.sqrt(2),
               help="Lengths shrink by κ each generation; between 1 and 10. "
                    "√2 ≈ 1.414 halves the area of a transistor.",
               low=KAPPA_RANGE[0], high=KAPPA_RANGE[1]),
        Slider("generations", "Generations", 5, 1, 10, integer=True),
        Choice("voltage_scales", "Supply voltage",
               [("falls by κ each generation (Dennard)", True),
                ("held fixed (after about 2004)", False)], value=False),
        Choice("frequency_scales", "Clock frequency",
               [("rises by κ each generation", True), ("held fixed", False)], value=True),
    ]
    return Calculator("Dennard scaling and what happens without it", controls,
                      scaling_over_generations, _describe_scaling, _draw_scaling,
                      name="dennard")


# --- Moore projector -------------------------------------------------------------------------


def _describe_projection(result, trends) -> list[tuple[str, str]]:
    trend = trends[result.per_die]
    level = round(100 * trend.confidence)
    counted = "one die" if result.per_die else "packages counted whole"
    return [
        ("Starts from", f"{result.anchor_name} ({result.anchor_year:.0f}), "
                        f"{_count(result.anchor_count)} transistors"),
        (f"Projected for {result.end_year:.0f}", _count(result.projected_at_end)),
        (f"Largest chip in the table by {result.end_year:.0f} ({counted})",
         f"{result.actual_name_at_end}, {_count(result.actual_at_end)}"),
        ("Projection / actual", _times(result.ratio_at_end)),
        ("Doubling time fitted to the table",
         f"{trend.doubling_time:.2f} years, {level} % CI "
         f"{format_interval(*trend.doubling_time_ci)}"),
    ]


def _draw_projection(result, fig, ax, trends) -> str:
    trend = trends[result.per_die]
    plotting.log_axes(ax, x=False, minor_ticks=False)
    ax.plot(result.data_years, result.data_counts, "o", color=COLORS["blue"],
            label="chips in cpus.csv")
    ax.plot(result.grid_years, trend.predict(result.grid_years), ":", color=COLORS["green"],
            label=f"least-squares fit, doubling every {trend.doubling_time:.2f} years")
    ax.plot(result.grid_years, result.grid_counts, color=COLORS["orange"],
            label=f"projection, doubling every {result.doubling_time_years:.3g} years")
    ax.plot([result.anchor_year], [result.anchor_count], "D", color=COLORS["vermillion"],
            label=f"start: {result.anchor_name}")
    _year_ticks(ax)
    ax.set_xlabel("year")
    ax.set_ylabel("transistors per chip")
    ax.legend(loc="upper left")
    return (f"Log plot of transistors per chip against year: {result.data_years.size} chips "
            f"from cpus.csv, and a projection doubling every {result.doubling_time_years:.3g} "
            f"years from the {result.anchor_name} ({result.anchor_year:.0f}), which reaches "
            f"{result.projected_at_end:.3g} in {result.end_year:.0f} against "
            f"{result.actual_at_end:.3g} for the {result.actual_name_at_end}.")


def moore_calculator() -> Calculator:
    """Moore's-law projector over :func:`scalinglaws.hardware.moore_projection`.

    Defaults: Moore's 1975 two-year doubling from the Intel 4004 (1971, 2,300 transistors)
    projects 2,300 · 2²⁷ ≈ 3.09×10¹¹ transistors for 2025, 3.36 times the largest single die
    in the table (the Apple M3 Max's 9.2×10¹⁰); counting the two-die M3 Ultra package as one
    chip it is 1.68 times. A least-squares fit to the single dies doubles every 2.12 years.

    >>> calc = moore_calculator()
    >>> calc.error is None, f"{calc.result.projected_at_end:.3g}"
    (True, '3.09e+11')
    >>> round(calc.result.ratio_at_end, 2)
    3.36
    """
    cpus = load_cpus()
    trends = {per_die: transistor_trend(cpus, per_die=per_die) for per_die in (True, False)}
    controls = [
        Slider("doubling_time_years", "Doubling time (years)", 2.0, 0.5, 4.0, step=0.1,
               readout_format=".1f",
               help="Moore 1965: 1 year; Moore 1975: 2 years; House's 18 months: 1.5."),
        Number("start_year", "Start year", 1971, integer=True,
               help="The projection starts at the largest chip of this year or the next "
                    "year with one in the table."),
        Choice("per_die", "Count as one chip",
               [("one die (Moore's integrated circuit)", True),
                ("a whole package of several dies", False)], value=True),
    ]
    return Calculator("Project Moore's law and compare it with real chips", controls,
                      partial(moore_projection, cpus=cpus),
                      partial(_describe_projection, trends=trends),
                      partial(_draw_projection, trends=trends), name="moore")


# --- Accelerator explorer --------------------------------------------------------------------

PRECISION_LABELS = {
    "fp32": "FP32 (non-tensor)",
    "tf32": "TF32 tensor",
    "bf16": "BF16 tensor",
    "fp16": "FP16 tensor",
    "fp8": "FP8 tensor",
    "fp4": "FP4 tensor",
}


def _per_watt(metrics) -> str:
    if math.isnan(metrics.flops_per_watt):
        return "no power figure"
    return f"{metrics.flops_per_watt / 1e9:,.0f} GFLOP/s per W"


def _per_dollar(metrics) -> str:
    if math.isnan(metrics.flops_per_dollar):
        return "no public price"
    return f"{metrics.flops_per_dollar / 1e9:.3g} GFLOP/s per $"


def _ratio(value: float, missing: str) -> str:
    return missing if math.isnan(value) else _times(value)


def _describe_comparison(result) -> list[tuple[str, str]]:
    rows = []
    for metrics in (result.first, result.second):
        label = PRECISION_LABELS[metrics.precision]
        rows.append((f"{metrics.name} ({metrics.year})",
                     f"{metrics.tflops:,.4g} TFLOP/s {label} (dense); {_per_watt(metrics)}; "
                     f"{_per_dollar(metrics)}"))
    doubling = result.implied_doubling_time
    rows += [
        ("A / B: FLOP/s", _times(result.ratio)),
        ("A / B: FLOP/s per watt", _ratio(result.ratio_per_watt, "needs power for both")),
        ("A / B: FLOP/s per dollar", _ratio(result.ratio_per_dollar, "needs a price for both")),
        ("Years apart", f"{result.years_apart}"),
        ("Doubling time this implies",
         "n/a" if math.isnan(doubling) else f"{doubling:.2f} years"),
    ]
    return rows


def _draw_comparison(result, fig, ax, tables) -> str:
    plotting.log_axes(ax, x=False, minor_ticks=False)
    precision = result.first.precision
    years, tflops = tables[precision]
    ax.plot(years, tflops * result.first.utilisation, "o", color=COLORS["sky"],
            label=f"all chips with {PRECISION_LABELS[precision]}")
    for metrics, color in ((result.first, COLORS["vermillion"]),
                           (result.second, COLORS["blue"])):
        ax.plot([metrics.year], [metrics.tflops], "o", markersize=10, color=color,
                label=metrics.name)
    _year_ticks(ax)
    ax.set_xlabel("year")
    ax.set_ylabel("dense TFLOP/s")
    ax.margins(x=0.05, y=0.1)
    ax.legend(loc="upper left")
    return (f"Log plot of dense {PRECISION_LABELS[precision]} TFLOP/s against year for "
            f"{len(years)} accelerators, with {result.first.name} at "
            f"{result.first.tflops:.4g} and {result.second.name} at "
            f"{result.second.tflops:.4g} TFLOP/s highlighted: a ratio of "
            f"{result.ratio:.3g}.")


def accelerator_calculator() -> Calculator:
    """Accelerator explorer over :func:`scalinglaws.hardware.compare_chips`.

    Defaults: A100 over V100 at dense FP16 tensor throughput, 312 / 125 ≈ 2.5 in three
    years (a doubling time of 2.27 years), not NVIDIA's headline "20x", which compares A100
    TF32 with sparsity against V100 non-tensor FP32.

    >>> calc = accelerator_calculator()
    >>> calc.error is None, round(calc.result.ratio, 3)
    (True, 2.496)
    >>> round(calc.result.implied_doubling_time, 2)
    2.27
    """
    chips = load_accelerators()
    names = [str(name) for name in chips["name"]]
    tables = {}
    for precision, column in PRECISIONS.items():
        present = chips[column].notna().to_numpy()
        tables[precision] = (chips["year"].to_numpy()[present],
                             chips[column].to_numpy(dtype=float)[present])
    controls = [
        Choice("a", "Chip A", [(name, name) for name in names],
               value="NVIDIA A100 (SXM4 80GB)"),
        Choice("b", "Chip B (compared with)", [(name, name) for name in names],
               value="NVIDIA V100 (SXM2 16GB)"),
        Choice("precision", "Number format",
               [(label, key) for key, label in PRECISION_LABELS.items()], value="fp16"),
        Slider("utilisation", "Share of the peak reached", 1.0, 0.05, 1.0, step=0.05,
               readout_format=".2f",
               help="Datasheet peaks are upper bounds; real workloads reach a fraction."),
    ]
    return Calculator("Compare accelerators", controls, partial(compare_chips, chips),
                      _describe_comparison, partial(_draw_comparison, tables=tables),
                      name="accelerators")
