"""Chapter 5's calculators: the mirage explorer and the benchmark reader.

Thin views over :mod:`scalinglaws.emergence`; the figures are drawn by
:mod:`scalinglaws.figures.emergence`. On the website the same calculators compute in
JavaScript (``book/static/live/views/mirage.js`` and ``benchmark-reader.js``) over the
formulas generated from :mod:`scalinglaws.emergence_formulas`.
"""

from __future__ import annotations

from scalinglaws import emergence as em
from scalinglaws.figures import emergence as figures
from scalinglaws.plotting import power_of_ten_label
from scalinglaws.widgets.base import Calculator, Choice, Slider

__all__ = ["benchmark_calculator", "describe_benchmark", "describe_mirage", "mirage_calculator",
           "percent"]

#: The units each metric's value is shown in.
METRIC_UNITS = {"exact_match": "accuracy", "multiple_choice": "grade",
                "edit_distance": "tokens wrong", "brier": "Brier score"}


def percent(probability: float) -> str:
    """A probability as '2.86 %', or 'below 0.1 %'.

    >>> percent(0.0286), percent(1e-9)
    ('2.86 %', 'below 0.1 %')
    """
    return "below 0.1 %" if probability < 0.001 else f"{100 * probability:.3g} %"


def _flops(value: float) -> str:
    return f"{power_of_ten_label(value)} FLOPs"


def describe_mirage(m: em.Mirage) -> list[tuple[str, str]]:
    """The mirage explorer's rows."""
    delay = m.delay_decades
    later = ("the same scale" if abs(delay) < 0.005 else
             f"{delay:.2f} decades later" if delay > 0 else f"{-delay:.2f} decades earlier")
    return [
        ("Metric", f"{m.metric_name}, answers of {m.length} tokens"),
        (f"Apparent emergence ({m.threshold:.3g} of the way from floor to ceiling)",
         _flops(m.emergence_compute)),
        ("Per-token accuracy there", f"{m.accuracy_at_emergence:.3g}"),
        ("One decade of compute earlier",
         f"{m.value_decade_before:.3g} ({METRIC_UNITS[m.metric]}), per-token accuracy "
         f"{m.accuracy_decade_before:.3g}"),
        ("Rise from 10 % to 90 % of the way", f"{m.rise_decades:.3g} decades of compute"),
        ("Against per-token accuracy", later),
    ]


def _draw_mirage(m: em.Mirage, fig, ax) -> str:
    return figures.draw_mirage(ax, m)


def mirage_calculator() -> Calculator:
    """The mirage explorer over :func:`scalinglaws.emergence.mirage`.

    Defaults: answers of 5 tokens, exact match, α = −0.3, halfway: the apparent emergence at
    7.25×10²³ FLOPs, where per-token accuracy is already 0.871.

    >>> calc = mirage_calculator()
    >>> calc.error is None, f"{calc.result.emergence_compute:.3g}"
    (True, '7.25e+23')
    """
    controls = [
        Slider("length", "Answer length L (tokens)", 5, 1, 30, integer=True,
               help="Tokens that must all be right for exact match."),
        Choice("metric", "Metric", [(name, key) for key, name in em.METRICS.items()],
               value="exact_match", help="The metric whose apparent emergence is marked."),
        Slider("exponent", "Per-token loss exponent α", em.DEFAULT_EXPONENT, -1.0, -0.05,
               step=0.01, readout_format=".2f",
               help="Per-token loss (x/c)^α at scale x, here training compute: "
                    "closer to 0, slower per-token gains."),
        Slider("threshold", "Threshold (share of the way up)", 0.5, 0.05, 0.95, step=0.05,
               readout_format=".2f", help="Where the metric is said to have emerged."),
    ]
    return Calculator("Mirage explorer: one smooth per-token law, four metrics", controls,
                      em.mirage, describe_mirage, _draw_mirage, figure_size=(6.4, 4.4),
                      name="mirage")


def describe_benchmark(r: em.BenchmarkReading) -> list[tuple[str, str]]:
    """The benchmark reader's rows."""
    low, high = em.BENCHMARK_COMPUTE_RANGE
    needed = (f"more than {em.MAX_SIZES}" if r.sizes_for_5_percent > em.MAX_SIZES
              else str(r.sizes_for_5_percent))
    verdict = ("a smooth rise can be told from a jump (error below 5 %)" if r.misread <= 0.05
               else "too few sizes or too much noise to tell them apart reliably")
    return [
        ("Model sizes", f"{r.n_sizes}, evenly spread in log compute over "
                        f"{power_of_ten_label(low)}–{power_of_ten_label(high)} FLOPs"),
        ("Rise from chance to the ceiling", f"{r.rise:.3g} ({r.chance:.3g} to {r.ceiling:.3g}),"
                                            f" {r.rise / r.noise:.3g} times the noise"),
        ("Probability of calling it wrong (jump anywhere)", percent(r.misread)),
        ("… with the jump where it is hardest to see", percent(r.worst_misread)),
        ("Model sizes needed for an error below 5 %", needed),
        ("Verdict", verdict),
    ]


def _draw_benchmark(r: em.BenchmarkReading, fig, ax) -> str:
    return figures.draw_benchmark(ax, r)


def benchmark_calculator() -> Calculator:
    """The benchmark reader over :func:`scalinglaws.emergence.benchmark_reading`.

    Defaults: GPQA's chance (0.25) and best GPT-4 baseline (0.39), the noise of 448
    questions at 39 % (0.023) and four model sizes: wrong 3.3 % of the time.

    >>> calc = benchmark_calculator()
    >>> round(calc.result.misread, 4)
    0.033
    """
    controls = [
        Slider("chance", "Chance level", 0.25, 0.0, 0.5, step=0.01, readout_format=".2f",
               help="The score of guessing: 0.25 for four options."),
        Slider("ceiling", "Ceiling (score of the largest model)", 0.39, 0.05, 1.0, step=0.01,
               readout_format=".2f", help="Where the rise ends; must be above chance."),
        Slider("noise", "Noise of each score (standard deviation)", 0.023, 0.001, 0.2,
               step=0.001, readout_format=".3f",
               help="Sampling noise: 0.023 for 448 questions at 39 %."),
        Slider("n_sizes", "Number of model sizes", 4, 2, 20, integer=True,
               help="Spread evenly in log compute."),
    ]
    return Calculator("Benchmark reader: a smooth rise or a jump?", controls,
                      em.benchmark_reading, describe_benchmark, _draw_benchmark,
                      name="benchmark-reader")
