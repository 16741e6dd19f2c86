"""Moore's law: transistors per chip under a constant doubling time, fitted and projected.

Moore's law is an observation about the *number of components per integrated circuit* (at
minimum cost per component): doubling every year (Moore 1965), revised to every two years
(Moore 1975). The "18 months" figure is David House's, about speed (Denning & Lewis 2017).
Packages that join several dies are not one integrated circuit, so the fits and projections
count chips of one die by default (column ``dies`` of ``cpus.csv``). Citation keys refer to
``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scalinglaws import formulas
from scalinglaws._validate import flag, integer_in_range, number_in_range, numbers
from scalinglaws.hardware._common import YEAR_RANGE, cpu_rows
from scalinglaws.trends import ExponentialTrend, fit_exponential_trend

__all__ = ["DOUBLING_TIME_RANGE", "YEAR_RANGE", "MooreProjection", "moore_projection",
           "project_transistors", "transistor_trend"]

#: Range of doubling times (years) accepted by :func:`project_transistors`; the bounds keep
#: 2^(200 years / T) representable.
DOUBLING_TIME_RANGE = (0.25, 50.0)


def project_transistors(start_year: float, start_count: float, doubling_time_years: float,
                        years):
    """Transistors per chip under a constant doubling time: N(t) = N₀ · 2^((t − t₀) / T).

    Moore (1965) observed a doubling every year (T = 1) and expected 65,000 components on a
    chip by 1975; Moore (1975) revised T to two years. "18 months" is David House's figure for
    performance, not Moore's (denning2017exponential).

    Parameters
    ----------
    start_year : float
        t₀, between 1900 and 2100.
    start_count : float
        N₀, the count at t₀, greater than 0 and at most 10¹⁵.
    doubling_time_years : float
        T in years, between 0.25 and 50.
    years : float or sequence of float
        Years t to project to, between 1900 and 2100 (earlier than t₀ projects backwards).

    Returns
    -------
    float or numpy.ndarray
        Same shape as ``years``.

    References
    ----------
    ``moore1965cramming``, ``moore1975progress``.

    Examples
    --------
    Ten yearly doublings back from Moore's 65,000 components in 1975:

    >>> round(project_transistors(1975, 65_000, 1.0, 1965), 1)
    63.5
    >>> project_transistors(1971, 2300, 2.0, [1971, 1981, 1991]).tolist()
    [2300.0, 73600.0, 2355200.0]
    """
    start_year = number_in_range("start_year", start_year, *YEAR_RANGE)
    start_count = number_in_range("start_count", start_count, 0, 1e15, low_inclusive=False)
    doubling = number_in_range("doubling_time_years", doubling_time_years,
                               *DOUBLING_TIME_RANGE)
    targets = numbers("years", years, *YEAR_RANGE)
    result = formulas.doubling_projection(start_count, start_year, doubling,
                                          np.asarray(targets))
    return float(result) if np.ndim(targets) == 0 else result


def transistor_trend(cpus: pd.DataFrame | None = None, confidence: float = 0.95,
                     start_year: float = YEAR_RANGE[0],
                     end_year: float = YEAR_RANGE[1], per_die: bool = True) -> ExponentialTrend:
    """Fit Moore's law to a table of chips: ln N = c + k·year, doubling time ln 2 / k.

    Uses the rows of ``cpus`` (default :func:`scalinglaws.datasets.load_cpus`) that have a
    transistor count and a year in [start_year, end_year], and
    :func:`scalinglaws.trends.fit_exponential_trend` for the fit and its interval.
    Moore (1965) counted components per integrated circuit, so by default only chips of one
    die are fitted; ``per_die=False`` also fits packages that join several dies (Apple's
    "Ultra" parts, AMD's EPYC), counting each package whole.

    Parameters
    ----------
    cpus : pandas.DataFrame, optional
        A table with columns ``name``, ``year``, ``transistors``.
    confidence : float
        Level of the interval on the doubling time, strictly between 0 and 1.
    start_year, end_year : float
        Years to keep, between 1900 and 2100, start_year < end_year.
    per_die : bool
        Fit only the chips of one die (column ``dies`` equal to 1); default True.

    Returns
    -------
    scalinglaws.trends.ExponentialTrend

    References
    ----------
    ``moore1965cramming`` (per integrated circuit), ``moore1975progress`` (two years).

    Examples
    --------
    >>> trend = transistor_trend()
    >>> round(trend.doubling_time, 2), [round(t, 2) for t in trend.doubling_time_ci]
    (2.17, [2.1, 2.25])
    >>> round(transistor_trend(per_die=False).doubling_time, 2)
    2.12
    """
    start = number_in_range("start_year", start_year, *YEAR_RANGE)
    end = number_in_range("end_year", end_year, start, YEAR_RANGE[1], low_inclusive=False)
    _, years, counts = cpu_rows(cpus, "transistors", flag("per_die", per_die))
    keep = (years >= start) & (years <= end)
    if keep.sum() < 3:
        raise ValueError(f"start_year and end_year must leave at least 3 chips with a "
                         f"transistor count; got {int(keep.sum())} in {start:g}-{end:g}")
    return fit_exponential_trend(years[keep], counts[keep], confidence)


@dataclass(frozen=True)
class MooreProjection:
    """A constant-doubling projection from one chip, compared with the chips that followed."""

    doubling_time_years: float
    anchor_name: str
    anchor_year: float
    anchor_count: float
    end_year: float
    grid_years: np.ndarray
    grid_counts: np.ndarray
    data_names: np.ndarray
    data_years: np.ndarray
    data_counts: np.ndarray
    projected_at_end: float
    actual_at_end: float
    actual_name_at_end: str
    per_die: bool = True

    @property
    def ratio_at_end(self) -> float:
        """Projected count in ``end_year`` over the largest chip of the table up to then."""
        return self.projected_at_end / self.actual_at_end


def moore_projection(start_year: float, doubling_time_years: float,
                     cpus: pd.DataFrame | None = None, n_grid: int = 60,
                     per_die: bool = True) -> MooreProjection:
    """Project N(t) = N₀ · 2^((t − t₀)/T) from a real chip and compare with the later chips.

    The projection starts at the largest chip (by transistor count) of the first year on or
    after ``start_year`` that has a count in ``cpus``; t₀ and N₀ are that chip's year and
    count (see :func:`project_transistors`). It runs to the last year in the table, where it
    is compared with the largest chip of the table up to that year. By default only chips of
    one die are compared (Moore counted components per integrated circuit);
    ``per_die=False`` also compares packages of several dies, counted whole.

    Parameters
    ----------
    start_year : float
        Year to start from, between the table's first year and the year before its last.
    doubling_time_years : float
        T in years, between 0.25 and 50.
    cpus : pandas.DataFrame, optional
        Columns ``name``, ``year``, ``transistors``; default
        :func:`scalinglaws.datasets.load_cpus`.
    n_grid : int
        Number of points of the projected curve, 2 to 1,000.
    per_die : bool
        Compare only with chips of one die (column ``dies`` equal to 1); default True.

    Returns
    -------
    MooreProjection

    References
    ----------
    ``moore1965cramming``, ``moore1975progress``.

    Examples
    --------
    >>> p = moore_projection(1971, 2.0)
    >>> p.anchor_name, p.end_year, f"{p.projected_at_end:.3g}", p.actual_name_at_end
    ('Intel 4004', 2025.0, '3.09e+11', 'Apple M3 Max (16-core CPU)')
    >>> round(p.ratio_at_end, 2), round(moore_projection(1971, 2.0, per_die=False).ratio_at_end, 2)
    (3.36, 1.68)
    """
    per_die = flag("per_die", per_die)
    names, years, counts = cpu_rows(cpus, "transistors", per_die)
    _, all_years, _ = cpu_rows(cpus, "transistors")
    if years.size < 2:
        raise ValueError("cpus must have at least 2 chips with a transistor count")
    first, last = float(years.min()), float(all_years.max())
    start = number_in_range("start_year", start_year, first, float(years.max()) - 1)
    doubling = number_in_range("doubling_time_years", doubling_time_years,
                               *DOUBLING_TIME_RANGE)
    points = integer_in_range("n_grid", n_grid, 2, 1_000)
    anchor_year = float(formulas.first_year_from(years, start))
    anchor = formulas.largest_in_year(years, counts, anchor_year)
    end = formulas.largest_up_to_year(years, counts, last)
    grid = np.linspace(anchor_year, last, points)
    projected = formulas.doubling_projection(counts[anchor], anchor_year, doubling, grid)
    return MooreProjection(
        doubling_time_years=doubling, anchor_name=str(names[anchor]), anchor_year=anchor_year,
        anchor_count=float(counts[anchor]), end_year=last, grid_years=grid,
        grid_counts=projected, data_names=names, data_years=years, data_counts=counts,
        projected_at_end=float(projected[-1]), actual_at_end=float(counts[end]),
        actual_name_at_end=str(names[end]), per_die=per_die)
