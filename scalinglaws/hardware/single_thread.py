"""Single-thread performance by era: compound growth rates into a series by year.

Hennessy & Patterson (2019, Figure 1.1) give the growth of SPEC integer performance era by
era since 1978; the doubling time of each rate is :func:`scalinglaws.trends.growth_doubling_time`.
Citation keys refer to ``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scalinglaws._validate import finite_array, number_in_range, table_columns
from scalinglaws.hardware._common import YEAR_RANGE
from scalinglaws.trends import growth_doubling_time

__all__ = ["SingleThreadSeries", "single_thread_series"]


@dataclass(frozen=True)
class SingleThreadSeries:
    """Result of :func:`single_thread_series`: relative performance by year, and the eras.

    ``relative_performance`` is 1 at ``years[0]``; the era arrays have one entry per era.
    """

    years: np.ndarray
    relative_performance: np.ndarray
    era_start: np.ndarray
    era_end: np.ndarray
    growth_percent_per_year: np.ndarray
    doubling_time_years: np.ndarray
    labels: tuple[str, ...]

    @property
    def total_gain(self) -> float:
        """Relative performance at the end of the last era."""
        return float(self.relative_performance[-1])

    def gain(self, start_year: float, end_year: float) -> float:
        """Factor by which performance grew from ``start_year`` to ``end_year``."""
        first, last = float(self.years[0]), float(self.years[-1])
        start = number_in_range("start_year", start_year, first, last)
        end = number_in_range("end_year", end_year, start, last)
        values = np.interp([start, end], self.years, np.log(self.relative_performance))
        return float(np.exp(values[1] - values[0]))


def single_thread_series(eras: pd.DataFrame | None = None,
                         step_years: float = 1.0) -> SingleThreadSeries:
    """Compound eras of constant growth into relative single-thread performance by year.

    Era i runs from year s_i to e_i at g_i percent per year. Performance, 1 at the first
    year, grows within era i as

        P(t) = P(s_i) · (1 + g_i/100)^(t − s_i),   s_i ≤ t ≤ e_i,

    so ln P is piecewise linear, and each era doubles performance every
    T_i = ln 2 / ln(1 + g_i/100) years (:func:`growth_doubling_time`).

    Parameters
    ----------
    eras : pandas.DataFrame, optional
        Columns ``start_year``, ``end_year``, ``growth_percent_per_year`` and ``label``; each
        era starts where the previous one ends. Default
        :func:`scalinglaws.datasets.load_single_thread_eras`, Hennessy & Patterson's eras of
        SPEC integer performance.
    step_years : float
        Spacing of the years in the series, between 0.05 and 10; era boundaries are always
        included.

    Returns
    -------
    SingleThreadSeries

    References
    ----------
    ``hennessy2019ca6``, Figure 1.1 (rates by era, 1978 onwards).

    Examples
    --------
    >>> s = single_thread_series()
    >>> s.era_start.tolist(), s.growth_percent_per_year.tolist()
    ([1978, 1986, 2003, 2011, 2015], [22.0, 52.0, 23.0, 12.0, 3.5])
    >>> s.doubling_time_years.round(2).tolist()
    [3.49, 1.66, 3.35, 6.12, 20.15]
    >>> round(s.gain(1978, 1986), 2), f"{s.total_gain:.3g}"
    (4.91, '5.35e+04')
    """
    if eras is None:
        from scalinglaws.datasets import load_single_thread_eras
        eras = load_single_thread_eras()
    table_columns(eras, "eras", ["start_year", "end_year", "growth_percent_per_year",
                                   "label"])
    if len(eras) == 0:
        raise ValueError("eras must have at least one row")
    step = number_in_range("step_years", step_years, 0.05, 10)
    starts = finite_array("eras start_year", eras["start_year"])
    ends = finite_array("eras end_year", eras["end_year"])
    for name, values in (("start_year", starts), ("end_year", ends)):
        for value in (values.min(), values.max()):
            number_in_range(f"eras {name}", float(value), *YEAR_RANGE)
    rates = finite_array("eras growth_percent_per_year", eras["growth_percent_per_year"])
    for value in (rates.min(), rates.max()):
        number_in_range("eras growth_percent_per_year", float(value), 0, 1000,
                        low_inclusive=False)
    doubling = np.atleast_1d(growth_doubling_time(rates))
    bad = np.flatnonzero(ends <= starts)
    if bad.size:
        row = int(bad[0])
        raise ValueError(f"eras end_year must be after start_year in every row; row {row} "
                         f"runs from {starts[row]:g} to {ends[row]:g}")
    gaps = np.flatnonzero(starts[1:] != ends[:-1])
    if gaps.size:
        row = int(gaps[0]) + 1
        raise ValueError(f"eras must be contiguous (each start_year equal to the previous "
                         f"end_year); row {row} starts in {starts[row]:g}, the previous "
                         f"era ends in {ends[row - 1]:g}")
    grid = np.arange(starts[0], ends[-1] + step / 2, step)
    years = np.unique(np.concatenate([grid[grid <= ends[-1]], starts, ends[-1:]]))
    log_rates = np.log1p(rates / 100)
    # ln P at each era's start: the sum of the completed eras' rate × length.
    log_at_start = np.concatenate([[0.0], np.cumsum(log_rates * (ends - starts))[:-1]])
    era = np.clip(np.searchsorted(starts, years, side="right") - 1, 0, len(starts) - 1)
    log_performance = log_at_start[era] + log_rates[era] * (years - starts[era])
    integer = bool(np.all(starts == np.round(starts)) and np.all(ends == np.round(ends)))
    cast = (lambda a: a.astype(int)) if integer else (lambda a: a)
    return SingleThreadSeries(
        years=years, relative_performance=np.exp(log_performance), era_start=cast(starts),
        era_end=cast(ends), growth_percent_per_year=rates, doubling_time_years=doubling,
        labels=tuple(str(label) for label in eras["label"]))
