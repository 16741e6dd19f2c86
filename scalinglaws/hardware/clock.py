"""The clock plateau: the year clock frequencies stopped rising, as a breakpoint in data.

The end of Dennard scaling shows in the CPU table as a change of growth rate of the clock,
found by :func:`scalinglaws.trends.fit_two_segment_trend`. Citation keys refer to
``book/references.bib``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from scalinglaws._validate import finite_array, same_length
from scalinglaws.hardware._common import cpu_rows
from scalinglaws.trends import TwoSegmentTrend, fit_two_segment_trend

__all__ = ["clock_plateau_year", "fit_clock_plateau"]


def clock_plateau_year(years: Sequence[float], clock_mhz: Sequence[float]) -> float:
    """The year clock frequencies stop growing: the breakpoint of :func:`fit_two_segment_trend`.

    ln f = c + k₁·min(t − b, 0) + k₂·max(t − b, 0), fitted by least squares with b on a
    0.05-year grid and at least 3 distinct years on each side. Hennessy & Patterson date the
    end of Dennard scaling "around 2004" (hennessy2019ca6, §1.1) and Thompson & Spanuth
    "2004/2005" (thompson2021decline); Denning & Lewis have the clock speed stabilizing
    "around 2000" (denning2017exponential).

    Parameters
    ----------
    years, clock_mhz : sequence of float
        Finite years and positive clock frequencies (MHz) of equal length.

    Returns
    -------
    float

    References
    ----------
    ``hennessy2019ca6``, §1.1; ``dennard1974design`` for the scaling that ended.

    Examples
    --------
    >>> from scalinglaws.datasets import load_cpus
    >>> cpus = load_cpus().dropna(subset=["clock_mhz"])
    >>> round(clock_plateau_year(cpus.year, cpus.clock_mhz), 2)
    2006.75
    """
    year_values = finite_array("years", years)
    clocks = finite_array("clock_mhz", clock_mhz, positive=True)
    same_length(years=year_values, clock_mhz=clocks)
    return fit_two_segment_trend(year_values, clocks).breakpoint


def fit_clock_plateau(cpus: pd.DataFrame | None = None, n_bootstrap: int = 0,
                      confidence: float = 0.95, seed: int = 0) -> TwoSegmentTrend:
    """:func:`fit_two_segment_trend` of ``clock_mhz`` against ``year`` over a CPU table.

    Uses the rows of ``cpus`` (default :func:`scalinglaws.datasets.load_cpus`) that have a
    clock; see :func:`clock_plateau_year` for the model
    ln f = c + k₁·min(t − b, 0) + k₂·max(t − b, 0).

    Parameters
    ----------
    cpus : pandas.DataFrame, optional
        A table with columns ``name``, ``year``, ``clock_mhz``.
    n_bootstrap : int
        Bootstrap refits for an interval on the breakpoint, 0 to 10,000.
    confidence : float
        Level of that interval, strictly between 0 and 1.
    seed : int
        Seed of the bootstrap's random generator.

    Returns
    -------
    TwoSegmentTrend

    References
    ----------
    ``hennessy2019ca6``, §1.1 (Dennard scaling ended "around 2004").

    Examples
    --------
    >>> fit = fit_clock_plateau()
    >>> round(fit.breakpoint, 2), round(fit.doubling_time_before, 2), round(fit.growth_after, 3)
    (2006.75, 2.74, 0.987)
    """
    _, years, clocks = cpu_rows(cpus, "clock_mhz")
    return fit_two_segment_trend(years, clocks, n_bootstrap=n_bootstrap,
                                 confidence=confidence, seed=seed)
