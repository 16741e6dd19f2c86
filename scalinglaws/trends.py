"""Exponential trends in time: doubling times, their intervals, and breakpoints.

A quantity that grows by a constant factor per year is a straight line on a log-linear plot,
ln y = c + k·t, doubling every T = ln 2 / k years (:func:`fit_exponential_trend`). A trend
that changes rate at some year b is two such lines joined at b (:func:`fit_two_segment_trend`).
Doubling times also follow from a growth rate in percent per year
(:func:`growth_doubling_time`) or from a gain over a number of years
(:func:`implied_doubling_time`). Moore's law, the clock plateau, price-performance of
accelerators, and the growth of data and training compute are all read this way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scalinglaws import formulas
from scalinglaws._validate import (
    bootstrap_count,
    confidence_level,
    finite_array,
    integer_in_range,
    number_in_range,
    numbers,
    random_seed,
    same_length,
)
from scalinglaws.regression import fit_line, percentile_interval

__all__ = [
    "ExponentialTrend",
    "TwoSegmentTrend",
    "doubling_time",
    "fit_exponential_trend",
    "fit_two_segment_trend",
    "growth_doubling_time",
    "implied_doubling_time",
]


@dataclass(frozen=True)
class ExponentialTrend:
    """Result of :func:`fit_exponential_trend`: value(t) = v_ref · e^(rate · (t - t_ref)).

    ``reference_year`` is the mean of the fitted years (so the numbers stay representable).
    """

    doubling_time: float
    doubling_time_ci: tuple[float, float]
    rate_per_year: float
    rate_ci: tuple[float, float]
    growth_per_year: float
    reference_year: float
    value_at_reference: float
    n_points: int
    confidence: float

    def predict(self, years):
        """Trend value at ``years``."""
        values = finite_array("years", np.atleast_1d(years))
        result = formulas.exponential_trend(self.value_at_reference, self.rate_per_year,
                                            self.reference_year, values)
        return result if np.ndim(years) else float(result[0])


def fit_exponential_trend(years: Sequence[float], values: Sequence[float],
                          confidence: float = 0.95) -> ExponentialTrend:
    """Fit ln(values) = c + k·year by least squares; doubling time T = ln 2 / k.

    An exponential trend in time is a straight line on a log-linear plot (Moore 1965, 1975).
    The interval on T maps the t-interval on k through T = ln 2 / k (its upper end is
    infinite when the interval on k reaches 0).

    Parameters
    ----------
    years, values : sequence of float
        Finite years and positive values of equal length; at least 3 points.
    confidence : float
        Level of the two-sided interval on the doubling time.

    Raises
    ------
    ValueError
        On non-finite or non-positive values, mismatched lengths, fewer than 3 points,
        or values that do not grow.

    Examples
    --------
    >>> years = np.arange(1971, 1991)
    >>> trend = fit_exponential_trend(years, 2300 * 2 ** ((years - 1971) / 2))
    >>> round(trend.doubling_time, 6), round(trend.growth_per_year, 4)
    (2.0, 1.4142)
    >>> round(trend.predict(1993) / 2300)
    2048
    """
    year_values = finite_array("years", years, min_size=3)
    value_array = finite_array("values", values, positive=True, min_size=3)
    same_length(years=year_values, values=value_array)
    if np.ptp(year_values) == 0:
        raise ValueError("years must contain at least two different values; got all equal")
    level = confidence_level(confidence)
    reference = float(year_values.mean())
    # ln y = ln y_ref + k (t - t_ref): a straight line in (t - t_ref, ln y).
    fit = fit_line(year_values - reference, np.log(value_array), level)
    rate = fit.slope
    if rate <= 0:
        raise ValueError(f"values must grow over the years to have a doubling time; the fitted "
                         f"growth rate is {rate:.3g} per year")
    low_rate, high_rate = fit.slope_ci
    return ExponentialTrend(
        doubling_time=float(np.log(2) / rate),
        doubling_time_ci=(float(np.log(2) / high_rate),
                          float(np.log(2) / low_rate) if low_rate > 0 else float("inf")),
        rate_per_year=rate,
        rate_ci=(low_rate, high_rate),
        growth_per_year=float(np.exp(rate)),
        reference_year=reference,
        value_at_reference=float(np.exp(fit.intercept)),
        n_points=fit.n_points,
        confidence=level,
    )


def doubling_time(years: Sequence[float], values: Sequence[float]) -> float:
    """Doubling time, in years, of an exponential trend fitted to (years, values).

    T = ln 2 / k where ln(values) = c + k·year is fitted by least squares
    (see :func:`fit_exponential_trend` for the interval).

    Examples
    --------
    >>> round(doubling_time([2000, 2001, 2002, 2003], [1, 2, 4, 8]), 6)
    1.0
    """
    return fit_exponential_trend(years, values).doubling_time


@dataclass(frozen=True)
class TwoSegmentTrend:
    """Result of :func:`fit_two_segment_trend`: two exponential trends joined at a breakpoint.

    ln y = c + k₁·min(t − b, 0) + k₂·max(t − b, 0). ``breakpoint_ci`` is a percentile
    bootstrap interval, or (nan, nan) when no bootstrap was asked for.
    """

    breakpoint: float
    breakpoint_ci: tuple[float, float]
    rate_before: float
    rate_after: float
    value_at_breakpoint: float
    n_before: int
    n_after: int
    residual_std: float
    confidence: float

    @property
    def growth_before(self) -> float:
        """Factor per year before the breakpoint, e^k₁."""
        return math.exp(self.rate_before)

    @property
    def growth_after(self) -> float:
        """Factor per year after the breakpoint, e^k₂."""
        return math.exp(self.rate_after)

    @property
    def doubling_time_before(self) -> float:
        """ln 2 / k₁ in years (infinite if the values did not grow before the breakpoint)."""
        return math.log(2) / self.rate_before if self.rate_before > 0 else math.inf

    def predict(self, years):
        """Trend value at ``years``."""
        values = finite_array("years", np.atleast_1d(years))
        shift = values - self.breakpoint
        result = self.value_at_breakpoint * np.exp(self.rate_before * np.minimum(shift, 0)
                                                   + self.rate_after * np.maximum(shift, 0))
        return result if np.ndim(years) else float(result[0])


def _hinge_fit(years: np.ndarray, log_values: np.ndarray, min_points: int, resolution: float):
    """Least squares over a grid of breakpoints; return (b, c, k1, k2, sse) or None."""
    distinct = np.unique(years)
    if distinct.size < 2 * min_points:
        return None
    low, high = distinct[min_points - 1], distinct[-min_points]
    candidates = np.arange(low, high + resolution / 2, resolution)
    candidates = candidates[candidates <= high]
    shift = years[None, :] - candidates[:, None]
    left, right = np.minimum(shift, 0.0), np.maximum(shift, 0.0)
    n = float(years.size)
    # Normal equations of the design [1, left, right] for every candidate at once
    # (left·right = 0 everywhere, so that entry of XᵀX is 0).
    gram = np.empty((candidates.size, 3, 3))
    gram[:, 0, 0] = n
    gram[:, 0, 1] = gram[:, 1, 0] = left.sum(axis=1)
    gram[:, 0, 2] = gram[:, 2, 0] = right.sum(axis=1)
    gram[:, 1, 1] = (left**2).sum(axis=1)
    gram[:, 2, 2] = (right**2).sum(axis=1)
    gram[:, 1, 2] = gram[:, 2, 1] = 0.0
    moments = np.stack([np.full(candidates.size, log_values.sum()), left @ log_values,
                        right @ log_values], axis=1)
    coefficients = np.linalg.solve(gram, moments[:, :, None])[:, :, 0]
    fitted = (coefficients[:, :1] + coefficients[:, 1:2] * left
              + coefficients[:, 2:3] * right)
    sse = ((log_values[None, :] - fitted) ** 2).sum(axis=1)
    best = int(np.argmin(sse))
    c, k1, k2 = coefficients[best]
    return float(candidates[best]), float(c), float(k1), float(k2), float(sse[best])


def fit_two_segment_trend(years: Sequence[float], values: Sequence[float],
                          min_points: int = 3, resolution: float = 0.05,
                          n_bootstrap: int = 0, confidence: float = 0.95,
                          seed: int = 0) -> TwoSegmentTrend:
    """Fit two exponential trends that meet at a breakpoint year b (a "broken stick").

    ln y = c + k₁·min(t − b, 0) + k₂·max(t − b, 0): growth rate k₁ before b, k₂ after,
    continuous at b. For each candidate b on a grid of step ``resolution`` the three
    coefficients are ordinary least squares; b is the candidate with the smallest sum of
    squared residuals (the profile least-squares estimate). Candidates leave at least
    ``min_points`` distinct years on each side (counting b itself), so each slope is fitted
    from data.

    Why a breakpoint and not the maximum: the maximum of a table is one chip (with boost
    clocks in ``cpus.csv``, the 5 GHz i7-8086K of 2018), while the breakpoint is where the
    whole series stops growing at its old rate, which is what the end of Dennard scaling
    predicts.

    Parameters
    ----------
    years, values : sequence of float
        Finite years and positive values of equal length.
    min_points : int
        Distinct years required on each side of the breakpoint, 2 to 50.
    resolution : float
        Step of the breakpoint grid in years, between 0.001 and 1.
    n_bootstrap : int
        Case-resampling bootstrap refits for a percentile interval on b, 0 to 10,000
        (0: no interval).
    confidence : float
        Level of that interval, strictly between 0 and 1.
    seed : int
        Seed of the bootstrap's random generator.

    Returns
    -------
    TwoSegmentTrend

    References
    ----------
    Used to date the end of Dennard scaling, "around 2004" in ``hennessy2019ca6``, §1.1.

    Examples
    --------
    >>> t = np.arange(1990.0, 2021.0)
    >>> y = 2.0 ** (np.minimum(t, 2004) - 1990)
    >>> fit = fit_two_segment_trend(t, y)
    >>> round(fit.breakpoint, 2), round(fit.doubling_time_before, 3), round(fit.growth_after, 6)
    (2004.0, 1.0, 1.0)
    """
    year_values = finite_array("years", years)
    value_array = finite_array("values", values, positive=True)
    same_length(years=year_values, values=value_array)
    points = integer_in_range("min_points", min_points, 2, 50)
    step = number_in_range("resolution", resolution, 0.001, 1)
    n_resamples = bootstrap_count(n_bootstrap)
    level = confidence_level(confidence)
    seed = random_seed(seed)
    log_values = np.log(value_array)
    best = _hinge_fit(year_values, log_values, points, step)
    if best is None:
        raise ValueError(f"years must have at least {2 * points} distinct values for "
                         f"min_points={points} on each side; got {np.unique(year_values).size}")
    breakpoint_year, c, k1, k2, sse = best
    interval = (math.nan, math.nan)
    if n_resamples:
        rng = np.random.default_rng(seed)
        samples = []
        for _ in range(n_resamples):
            pick = rng.integers(0, year_values.size, year_values.size)
            refit = _hinge_fit(year_values[pick], log_values[pick], points, step)
            if refit is not None:
                samples.append(refit[0])
        if samples:
            interval = percentile_interval(samples, level)
    dof = max(year_values.size - 4, 1)  # three coefficients and the breakpoint
    return TwoSegmentTrend(
        breakpoint=breakpoint_year, breakpoint_ci=interval, rate_before=k1, rate_after=k2,
        value_at_breakpoint=math.exp(c),
        n_before=int((year_values < breakpoint_year).sum()),
        n_after=int((year_values >= breakpoint_year).sum()),
        residual_std=math.sqrt(sse / dof), confidence=level)


def growth_doubling_time(growth_percent_per_year):
    """Doubling time of a compound growth rate: T = ln 2 / ln(1 + g/100) years.

    Parameters
    ----------
    growth_percent_per_year : float or sequence of float
        g, the growth in percent per year, greater than 0 and at most 1,000.

    Returns
    -------
    float or numpy.ndarray
        T in years, same shape as the input.

    References
    ----------
    ``hennessy2019ca6``, Figure 1.1, gives both the rates and rounded doubling times; the
    formula reproduces 22 %/yr → 3.5 years and 3.5 %/yr → 20 years.

    Examples
    --------
    >>> round(growth_doubling_time(22), 2), round(growth_doubling_time(3.5), 1)
    (3.49, 20.1)
    >>> growth_doubling_time([52, 12]).round(2).tolist()
    [1.66, 6.12]
    >>> growth_doubling_time(0)
    Traceback (most recent call last):
    ...
    ValueError: growth_percent_per_year must be in the range (0, 1000]; got 0
    """
    rates = numbers("growth_percent_per_year", growth_percent_per_year, 0, 1000,
                    low_inclusive=False)
    result = math.log(2) / np.log1p(np.asarray(rates) / 100)
    return float(result) if np.ndim(rates) == 0 else result


def implied_doubling_time(ratio: float, years: float) -> float:
    """Doubling time that turns a gain of ``ratio`` over ``years`` into a constant rate.

    T = years · ln 2 / ln(ratio). E.g. NVIDIA's A100 (2020) over the V100 (2017) at dense
    16-bit tensor throughput, 312 / 125 ≈ 2.5 in 3 years, is T ≈ 2.3 years: close to
    Moore's two years.

    Parameters
    ----------
    ratio : float
        The gain, > 0 and not 1.
    years : float
        The time it took, > 0 and at most 200.

    Returns
    -------
    float
        Negative when ``ratio`` < 1 (a halving time).

    References
    ----------
    ``hobbhahn2022gpu``, Table 1 gives both the 2× and the 10× time of each trend; they
    are related by this formula (10× time = T · log₂ 10).

    Examples
    --------
    >>> round(implied_doubling_time(312 / 125, 3), 2)
    2.27
    >>> implied_doubling_time(4.0, 4.0)
    2.0
    """
    gain = number_in_range("ratio", ratio, 0, None, low_inclusive=False)
    if gain == 1:
        raise ValueError("ratio must differ from 1 to have a doubling time; got 1")
    span = number_in_range("years", years, 0, 200, low_inclusive=False)
    return formulas.doubling_time(gain, span)
