"""Least-squares lines with t intervals, and percentile intervals of bootstrap draws.

The statistics under the power-law fits (:mod:`scalinglaws.powerlaw`, a line in log-log
space) and the trends in time (:mod:`scalinglaws.trends`, a line in log-linear space), and
the percentile intervals every bootstrap in the package reports.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy import stats

from scalinglaws._validate import confidence_level

__all__ = ["LineFit", "fit_line", "percentile_interval", "t_quantile"]


def t_quantile(confidence: float, dof: int) -> float:
    """The quantile t of Student's t with ``dof`` degrees of freedom for a two-sided
    interval at ``confidence``: estimate ± t·se.

    >>> round(t_quantile(0.95, 13), 6)
    2.160369
    """
    return float(stats.t.ppf(0.5 + confidence_level(confidence) / 2, dof))


@dataclass(frozen=True)
class LineFit:
    """Ordinary least squares w = intercept + slope·u, with t intervals at ``confidence``.

    ``covariance`` is s²·(XᵀX)⁻¹ of (intercept, slope), s the residual standard deviation
    with n − 2 degrees of freedom.
    """

    intercept: float
    slope: float
    intercept_ci: tuple[float, float]
    slope_ci: tuple[float, float]
    intercept_se: float
    slope_se: float
    covariance: tuple[tuple[float, float], tuple[float, float]]
    residual_std: float
    r_squared: float
    n_points: int
    confidence: float


def fit_line(u: np.ndarray, w: np.ndarray, confidence: float) -> LineFit:
    """Fit w = c + b·u by ordinary least squares; t intervals with n − 2 degrees of freedom.

    ``u`` and ``w`` are finite 1-D arrays of equal length (at least 3) with ``u`` not all
    equal; the callers check that, and name their own arguments when it fails.

    >>> fit = fit_line(np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 3.0, 5.0, 7.0]), 0.95)
    >>> round(fit.intercept, 9), round(fit.slope, 9), fit.n_points
    (1.0, 2.0, 4)
    """
    level = confidence_level(confidence)
    design = np.column_stack([np.ones_like(u), u])
    (intercept, slope), *_ = np.linalg.lstsq(design, w, rcond=None)
    residuals = w - (intercept + slope * u)
    dof = u.size - 2
    variance = float(residuals @ residuals) / dof
    covariance = variance * np.linalg.inv(design.T @ design)
    se_intercept, se_slope = np.sqrt(np.diag(covariance))
    t = t_quantile(level, dof)
    total = float(((w - w.mean()) ** 2).sum())
    r_squared = 1.0 - float(residuals @ residuals) / total if total > 0 else 1.0
    return LineFit(
        intercept=float(intercept), slope=float(slope),
        intercept_ci=(float(intercept - t * se_intercept), float(intercept + t * se_intercept)),
        slope_ci=(float(slope - t * se_slope), float(slope + t * se_slope)),
        intercept_se=float(se_intercept), slope_se=float(se_slope),
        covariance=((float(covariance[0, 0]), float(covariance[0, 1])),
                    (float(covariance[1, 0]), float(covariance[1, 1]))),
        residual_std=float(np.sqrt(variance)), r_squared=r_squared, n_points=int(u.size),
        confidence=level)


def percentile_interval(samples, confidence: float):
    """Two-sided percentile interval of bootstrap draws (Efron & Tibshirani 1993, ch. 13).

    The (1 − confidence)/2 and (1 + confidence)/2 quantiles of the finite draws, column by
    column for a 2-D array (one column per estimate); NaN where a column has no finite draw.

    >>> percentile_interval(np.arange(101.0), 0.9)
    (5.0, 95.0)
    >>> low, high = percentile_interval([[1.0, np.nan], [3.0, np.nan]], 0.5)
    >>> low.tolist(), np.isnan(high).tolist()
    ([1.5, nan], [False, True])
    """
    level = confidence_level(confidence)
    draws = np.asarray(samples, dtype=float)
    draws = np.where(np.isfinite(draws), draws, np.nan)
    tail = 100 * (1 - level) / 2
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns give NaN
        low, high = np.nanpercentile(draws, [tail, 100 - tail], axis=0)
    if draws.ndim == 1:
        return float(low), float(high)
    return low, high
