"""Hardware: Moore's law, Dennard scaling, the clock plateau and accelerator price-performance.

One module per idea: :mod:`~scalinglaws.hardware.dennard` (the scaling rules),
:mod:`~scalinglaws.hardware.moore` (transistor counts), :mod:`~scalinglaws.hardware.clock`
(the clock plateau), :mod:`~scalinglaws.hardware.single_thread` (performance by era) and
:mod:`~scalinglaws.hardware.accelerators` (FLOP/s, per watt, per dollar). Generic trends
and doubling times are in :mod:`scalinglaws.trends`. Every public name is importable from
``scalinglaws.hardware`` itself, as the chapters do.

Three ideas that are often confused, each as small pure functions:

* **Moore's law** is an observation about the *number of components per chip*: doubling every
  year (Moore 1965), revised to every two years (Moore 1975). The "18 months" figure is David
  House's, about performance (Denning & Lewis 2017). Fit it with :func:`transistor_trend`,
  project it with :func:`project_transistors` and :func:`moore_projection`.
* **Dennard scaling** (Dennard et al. 1974, Table I) is a rule for *how* to shrink a MOSFET:
  with a linear scale factor κ, dimensions, voltage, current and capacitance scale as 1/κ, so
  delay falls as 1/κ, power per circuit as 1/κ² and power density stays constant. It ended in
  the mid-2000s when supply voltage stopped scaling (Hennessy & Patterson 2019, §1.1: "around
  2004"); :func:`dennard_scaling`, :func:`post_dennard_scaling` and
  :func:`scaling_over_generations` show what changes, :func:`fit_clock_plateau` finds the
  year the clock stops rising in data (a breakpoint of :func:`fit_two_segment_trend`).
* **Accelerators** gained from parallelism, matrix units and narrower number formats:
  :func:`peak_tflops`, :func:`flops_per_watt`, :func:`flops_per_dollar`,
  :func:`generation_ratio` and :func:`compare_chips` read
  :func:`scalinglaws.datasets.load_accelerators`, where every figure is a dense peak.

Citation keys refer to ``book/references.bib``.
"""

from __future__ import annotations

from scalinglaws.hardware.accelerators import (
    PRECISIONS,
    ChipComparison,
    ChipMetrics,
    chip_metrics,
    compare_chips,
    flops_per_dollar,
    flops_per_watt,
    generation_ratio,
    peak_tflops,
)
from scalinglaws.hardware.clock import clock_plateau_year, fit_clock_plateau
from scalinglaws.hardware.dennard import (
    KAPPA_RANGE,
    GenerationScaling,
    ScalingRules,
    dennard_scaling,
    post_dennard_scaling,
    scaling_over_generations,
)
from scalinglaws.hardware.moore import (
    DOUBLING_TIME_RANGE,
    YEAR_RANGE,
    MooreProjection,
    moore_projection,
    project_transistors,
    transistor_trend,
)
from scalinglaws.hardware.single_thread import SingleThreadSeries, single_thread_series
from scalinglaws.trends import (
    TwoSegmentTrend,
    fit_two_segment_trend,
    growth_doubling_time,
    implied_doubling_time,
)

__all__ = [
    "DOUBLING_TIME_RANGE",
    "KAPPA_RANGE",
    "PRECISIONS",
    "YEAR_RANGE",
    "ChipComparison",
    "ChipMetrics",
    "GenerationScaling",
    "MooreProjection",
    "ScalingRules",
    "SingleThreadSeries",
    "TwoSegmentTrend",
    "chip_metrics",
    "clock_plateau_year",
    "compare_chips",
    "dennard_scaling",
    "fit_clock_plateau",
    "fit_two_segment_trend",
    "flops_per_dollar",
    "flops_per_watt",
    "generation_ratio",
    "growth_doubling_time",
    "implied_doubling_time",
    "moore_projection",
    "peak_tflops",
    "post_dennard_scaling",
    "project_transistors",
    "scaling_over_generations",
    "single_thread_series",
    "transistor_trend",
]
