"""Power laws: fitting y = a·x^b, with and without an offset, and exponential trends.

A power law y = a·x^b is a straight line on log-log axes, log y = log a + b·log x, so the
simplest fit is ordinary least squares on the logarithms. Scaling laws are usually written
L(X) = (X_c / X)^α (Kaplan et al. 2020, eqs. 1.1-1.3), which is the same law with
a = X_c^α and b = -α. A loss that levels off at an irreducible value E follows
y = c + a·x^b instead; that curve is not a straight line in log-log space and needs a
nonlinear fit.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats

from scalinglaws._validate import (
    finite_array,
    integer_in_range,
    number_in_range,
    same_length,
)

__all__ = [
    "KAPLAN_2020_COMPUTE",
    "KAPLAN_2020_DATA",
    "KAPLAN_2020_PARAMS",
    "PF_DAY_FLOPS",
    "ExponentialTrend",
    "OffsetPowerLawFit",
    "PowerLawFit",
    "ScalingLaw",
    "SimulatedFit",
    "doubling_time",
    "fit_exponential_trend",
    "fit_power_law",
    "fit_power_law_with_offset",
    "percentile_interval",
    "simulate_and_fit",
    "simulate_power_law",
    "two_point_exponent",
]

#: One petaflop/s-day in floating-point operations: 1e15 FLOP/s × 86,400 s (Kaplan et al. 2020).
PF_DAY_FLOPS = 1e15 * 86_400


def _confidence(confidence: float) -> float:
    return number_in_range("confidence", confidence, 0, 1, low_inclusive=False,
                           high_inclusive=False)


def _xy(x, y, min_points: int) -> tuple[np.ndarray, np.ndarray]:
    x_values = finite_array("x", x, positive=True, min_size=min_points)
    y_values = finite_array("y", y, positive=True, min_size=min_points)
    same_length(x=x_values, y=y_values)
    if np.ptp(x_values) == 0:
        raise ValueError("x must contain at least two different values; got all equal")
    return x_values, y_values


@dataclass(frozen=True)
class ScalingLaw:
    """A single-variable scaling law L(X) = (X_c / X)^α.

    Attributes
    ----------
    name : str
        What X is, e.g. ``"non-embedding parameters N"``.
    scale : float
        X_c, in the unit of ``unit``.
    alpha : float
        The exponent α (> 0: loss falls as X grows).
    unit : str
        Unit of X and X_c.
    source : str
        Citation key in ``book/references.bib`` and the equation.

    Examples
    --------
    >>> law = ScalingLaw("N", scale=8.8e13, alpha=0.076, unit="parameters", source="x")
    >>> round(float(law.loss(1e9)), 3)
    2.376
    """

    name: str
    scale: float
    alpha: float
    unit: str
    source: str

    def loss(self, x):
        """Loss in nats per token at ``x``: (X_c / x)^α."""
        values = finite_array("x", np.atleast_1d(x), positive=True)
        result = (self.scale / values) ** self.alpha
        return result if np.ndim(x) else float(result[0])

    def loss_ratio(self, factor: float) -> float:
        """How the loss changes when X grows by ``factor``: L(kX)/L(X) = k^(-α), for any X.

        >>> round(KAPLAN_2020_PARAMS.loss_ratio(10), 4)
        0.8395
        """
        factor = number_in_range("factor", factor, 0, None, low_inclusive=False)
        return float(factor ** (-self.alpha))

    def amount_for_loss(self, loss: float) -> float:
        """The X that reaches ``loss``: X = X_c · L^(-1/α), the law solved for X.

        >>> KAPLAN_2020_PARAMS.amount_for_loss(KAPLAN_2020_PARAMS.loss(1e9)) / 1e9
        1.0
        """
        loss = number_in_range("loss", loss, 0, None, low_inclusive=False)
        return float(self.scale * loss ** (-1.0 / self.alpha))


#: Kaplan et al. 2020, eq. 1.1: L(N) = (N_c/N)^α_N, N = non-embedding parameters,
#: trained to convergence on enough data; α_N ≈ 0.076, N_c ≈ 8.8e13. Loss in nats/token.
KAPLAN_2020_PARAMS = ScalingLaw("non-embedding parameters N", 8.8e13, 0.076, "parameters",
                                "kaplan2020scaling, eq. 1.1")
#: Kaplan et al. 2020, eq. 1.2: L(D) = (D_c/D)^α_D, large models with early stopping;
#: α_D ≈ 0.095, D_c ≈ 5.4e13 tokens.
KAPLAN_2020_DATA = ScalingLaw("dataset size D", 5.4e13, 0.095, "tokens",
                              "kaplan2020scaling, eq. 1.2")
#: Kaplan et al. 2020, eq. 1.3: L(C_min) = (C_c^min/C_min)^α_C^min with compute-efficient
#: training; α_C^min ≈ 0.050, C_c^min ≈ 3.1e8 PF-days.
KAPLAN_2020_COMPUTE = ScalingLaw("compute C_min", 3.1e8, 0.050, "PF-days",
                                 "kaplan2020scaling, eq. 1.3")


@dataclass(frozen=True)
class PowerLawFit:
    """Result of :func:`fit_power_law`: y = coefficient · x^exponent.

    ``exponent_ci`` and ``coefficient_ci`` are two-sided intervals at ``confidence`` from the
    t distribution with n - 2 degrees of freedom (ordinary least squares in log space).
    """

    coefficient: float
    exponent: float
    coefficient_ci: tuple[float, float]
    exponent_ci: tuple[float, float]
    exponent_se: float
    log_coefficient_se: float
    covariance: tuple[tuple[float, float], tuple[float, float]]
    residual_std: float
    r_squared: float
    n_points: int
    confidence: float

    def predict(self, x):
        """y = coefficient · x^exponent at ``x`` (> 0)."""
        values = finite_array("x", np.atleast_1d(x), positive=True)
        result = self.coefficient * values**self.exponent
        return result if np.ndim(x) else float(result[0])

    def _log_interval(self, x, confidence, with_noise: bool):
        level = self.confidence if confidence is None else _confidence(confidence)
        values = finite_array("x", np.atleast_1d(x), positive=True)
        log_x = np.log(values)
        (v_aa, v_ab), (_, v_bb) = self.covariance
        variance = v_aa + 2 * log_x * v_ab + log_x**2 * v_bb
        if with_noise:
            variance = variance + self.residual_std**2
        t = stats.t.ppf(0.5 + level / 2, self.n_points - 2)
        centre = np.log(self.coefficient) + self.exponent * log_x
        spread = t * np.sqrt(variance)
        low, high = np.exp(centre - spread), np.exp(centre + spread)
        return (low, high) if np.ndim(x) else (float(low[0]), float(high[0]))

    def confidence_band(self, x, confidence: float | None = None):
        """Confidence band (low, high) for the fitted *line* (the mean of log y) at ``x``.

        log a + b·log x ± t·√(v_aa + 2·log x·v_ab + log²x·v_bb), with v the parameter
        covariance and t from Student's t with n − 2 degrees of freedom. It says where the
        true law lies, not where a new measurement will fall (see
        :meth:`prediction_interval`); it widens as x leaves the fitted range, which is why
        extrapolating over orders of magnitude is risky.

        >>> x = np.array([1.0, 10.0, 100.0, 1000.0])
        >>> fit = fit_power_law(x, 3.0 * x**-0.5 * np.exp([0.01, -0.01, 0.01, -0.01]))
        >>> low, high = fit.confidence_band(10.0)
        >>> bool(low < fit.predict(10.0) < high)
        True
        """
        return self._log_interval(x, confidence, with_noise=False)

    def prediction_interval(self, x, confidence: float | None = None):
        """Prediction interval (low, high) for a *new measurement* of y at ``x``.

        log a + b·log x ± t·√(s² + v_aa + 2·log x·v_ab + log²x·v_bb): the confidence band
        widened by the residual variance s² of one measurement, with t from Student's t
        with n − 2 degrees of freedom (the usual OLS prediction interval, here in log space).

        >>> x = np.array([1.0, 10.0, 100.0, 1000.0])
        >>> fit = fit_power_law(x, 3.0 * x**-0.5 * np.exp([0.01, -0.01, 0.01, -0.01]))
        >>> band, new = fit.confidence_band(10.0), fit.prediction_interval(10.0)
        >>> bool(new[0] < band[0] and band[1] < new[1])
        True
        """
        return self._log_interval(x, confidence, with_noise=True)


def two_point_exponent(x1: float, y1: float, x2: float, y2: float) -> float:
    """The exponent through two points, by hand: b = (ln y2 - ln y1) / (ln x2 - ln x1).

    The slope of the straight line joining the points on log-log axes.

    >>> round(two_point_exponent(1e8, 3.0, 1e9, 2.6), 4)
    -0.0621
    """
    x1, y1, x2, y2 = (number_in_range(name, value, 0, None, low_inclusive=False)
                      for name, value in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)))
    if x1 == x2:
        raise ValueError(f"x1 and x2 must differ; got both {x1:g}")
    return float(np.log(y2 / y1) / np.log(x2 / x1))


def fit_power_law(x: Sequence[float], y: Sequence[float], confidence: float = 0.95) -> PowerLawFit:
    """Fit y = a·x^b by ordinary least squares on (log x, log y).

    log y = log a + b·log x + ε, with ε independent and normal: multiplicative noise on y.
    The estimates are the usual OLS ones; their standard errors come from s²·(XᵀX)⁻¹ and the
    intervals from the t distribution with n - 2 degrees of freedom.

    Parameters
    ----------
    x, y : sequence of float
        Positive, finite values of equal length, at least 3 points, x not all equal.
    confidence : float
        Level of the two-sided intervals, strictly between 0 and 1.

    Returns
    -------
    PowerLawFit

    Raises
    ------
    ValueError
        If an input is non-finite, not positive, of mismatched length, or too short.

    Examples
    --------
    >>> x = np.array([1.0, 10.0, 100.0, 1000.0])
    >>> fit = fit_power_law(x, 3.0 * x**-0.5)
    >>> round(fit.coefficient, 6), round(fit.exponent, 6)
    (3.0, -0.5)
    >>> round(fit.predict(10_000.0), 6)
    0.03
    """
    x_values, y_values = _xy(x, y, min_points=3)
    return _line_fit(np.log(x_values), np.log(y_values), _confidence(confidence))


def _line_fit(u: np.ndarray, w: np.ndarray, level: float) -> PowerLawFit:
    """Ordinary least squares w = c + b·u, reported as the power law y = e^c · x^b (u = ln x)."""
    design = np.column_stack([np.ones_like(u), u])
    (log_a, b), *_ = np.linalg.lstsq(design, w, rcond=None)
    residuals = w - (log_a + b * u)
    dof = u.size - 2
    variance = float(residuals @ residuals) / dof
    covariance = variance * np.linalg.inv(design.T @ design)
    se_log_a, se_b = np.sqrt(np.diag(covariance))
    t = stats.t.ppf(0.5 + level / 2, dof)
    total = float(((w - w.mean()) ** 2).sum())
    r_squared = 1.0 - float(residuals @ residuals) / total if total > 0 else 1.0
    return PowerLawFit(
        coefficient=float(np.exp(log_a)),
        exponent=float(b),
        coefficient_ci=(float(np.exp(log_a - t * se_log_a)), float(np.exp(log_a + t * se_log_a))),
        exponent_ci=(float(b - t * se_b), float(b + t * se_b)),
        exponent_se=float(se_b),
        log_coefficient_se=float(se_log_a),
        covariance=((float(covariance[0, 0]), float(covariance[0, 1])),
                    (float(covariance[1, 0]), float(covariance[1, 1]))),
        residual_std=float(np.sqrt(variance)),
        r_squared=r_squared,
        n_points=int(u.size),
        confidence=level,
    )


@dataclass(frozen=True)
class OffsetPowerLawFit:
    """Result of :func:`fit_power_law_with_offset`: y = offset + coefficient · x^exponent.

    Intervals are percentile bootstrap intervals when ``n_bootstrap > 0`` was asked for,
    otherwise t intervals with n − 3 degrees of freedom from the fit's covariance matrix.
    """

    offset: float
    coefficient: float
    exponent: float
    offset_ci: tuple[float, float]
    coefficient_ci: tuple[float, float]
    exponent_ci: tuple[float, float]
    n_points: int
    confidence: float
    interval_method: str

    def predict(self, x):
        """y = offset + coefficient · x^exponent at ``x`` (> 0)."""
        values = finite_array("x", np.atleast_1d(x), positive=True)
        result = self.offset + self.coefficient * values**self.exponent
        return result if np.ndim(x) else float(result[0])


def _offset_model(log_x, offset, log_coefficient, exponent):
    return offset + np.exp(log_coefficient + exponent * log_x)


def _fit_offset_parameters(log_x, y, start):
    """Nonlinear least squares for (c, log a, b) with scipy's trust-region reflective solver.

    The floor c is bounded to [0, max y]: with noise, points can fall below the true floor, so
    min y is no bound (it is only where the starting point is taken).
    """
    upper_offset = float(np.max(y))
    lower = [0.0, -np.inf, -10.0]
    upper = [upper_offset, np.inf, 10.0]
    start = np.clip(start, [0.0, -1e6, -10.0], [upper_offset * (1 - 1e-9), 1e6, 10.0])
    estimates, covariance = optimize.curve_fit(
        _offset_model, log_x, y, p0=start, bounds=(lower, upper), method="trf", maxfev=20_000)
    return estimates, covariance


def _offset_start(log_x, y):
    """Starting point: offset at 90 % of min(y), then a straight-line fit of the rest."""
    offset = 0.9 * float(np.min(y))
    slope, intercept = np.polyfit(log_x, np.log(y - offset), 1)
    return np.array([offset, intercept, slope])


def fit_power_law_with_offset(x: Sequence[float], y: Sequence[float], confidence: float = 0.95,
                              n_bootstrap: int = 0, seed: int = 0) -> OffsetPowerLawFit:
    """Fit y = c + a·x^b (c ≥ 0, an irreducible floor) by nonlinear least squares.

    This is the form of the loss with an irreducible term, L = E + A/N^α (Hoffmann et al.
    2022, eq. 2, in one variable), where c = E, a = A and b = -α. The fit uses
    ``scipy.optimize.curve_fit`` (trust-region reflective, c bounded to [0, max y]).

    Parameters
    ----------
    x, y : sequence of float
        Positive, finite values of equal length; at least 4 points (3 parameters).
    confidence : float
        Level of the two-sided intervals, strictly between 0 and 1.
    n_bootstrap : int
        Number of case-resampling bootstrap refits for percentile intervals
        (Efron & Tibshirani 1993); 0 for intervals from the covariance matrix with Student's
        t quantile at n − 3 degrees of freedom (which assume independent normal noise of
        constant variance on y). At most 10,000.
    seed : int
        Seed of the bootstrap's random generator.

    Returns
    -------
    OffsetPowerLawFit

    Examples
    --------
    >>> x = np.logspace(0, 4, 12)
    >>> fit = fit_power_law_with_offset(x, 1.5 + 4.0 * x**-0.3)
    >>> round(fit.offset, 4), round(fit.coefficient, 4), round(fit.exponent, 4)
    (1.5, 4.0, -0.3)
    """
    x_values, y_values = _xy(x, y, min_points=4)
    if np.ptp(y_values) == 0:
        raise ValueError("y must vary to fit c + a·x^b; got all values equal")
    level = _confidence(confidence)
    n_resamples = integer_in_range("n_bootstrap", n_bootstrap, 0, 10_000)
    seed = integer_in_range("seed", seed, 0, 2**32 - 1)
    log_x = np.log(x_values)
    try:
        estimates, covariance = _fit_offset_parameters(log_x, y_values,
                                                       _offset_start(log_x, y_values))
    except (RuntimeError, np.linalg.LinAlgError) as error:
        raise ValueError(f"y could not be fitted by c + a·x^b: {error}") from None
    offset, log_a, b = (float(v) for v in estimates)
    if n_resamples:
        samples = _bootstrap_offset(log_x, y_values, estimates, n_resamples, seed)
        low, high = percentile_interval(samples, level)
        method = f"percentile bootstrap, {n_resamples} resamples"
    else:
        # Student's t with n - 3 degrees of freedom (three fitted parameters): curve_fit
        # scales the covariance by the residual variance s², which is estimated from the
        # same n points, so the normal quantile would be too narrow at small n.
        t = stats.t.ppf(0.5 + level / 2, x_values.size - 3)
        spread = t * np.sqrt(np.clip(np.diag(covariance), 0, np.inf))
        low, high = estimates - spread, estimates + spread
        method = f"t intervals (n - 3 = {x_values.size - 3} degrees of freedom) from the covariance"
    return OffsetPowerLawFit(
        offset=offset, coefficient=float(np.exp(log_a)), exponent=b,
        offset_ci=(float(low[0]), float(high[0])),
        coefficient_ci=(float(np.exp(low[1])), float(np.exp(high[1]))),
        exponent_ci=(float(low[2]), float(high[2])),
        n_points=int(x_values.size), confidence=level, interval_method=method)


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
    level = _confidence(confidence)
    draws = np.asarray(samples, dtype=float)
    draws = np.where(np.isfinite(draws), draws, np.nan)
    tail = 100 * (1 - level) / 2
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns give NaN
        low, high = np.nanpercentile(draws, [tail, 100 - tail], axis=0)
    if draws.ndim == 1:
        return float(low), float(high)
    return low, high


def _bootstrap_offset(log_x, y, estimates, n_resamples, seed):
    """Refit on ``n_resamples`` resamples of the (x, y) pairs; failed refits give NaN rows."""
    rng = np.random.default_rng(seed)
    samples = np.full((n_resamples, 3), np.nan)
    for i in range(n_resamples):
        pick = rng.integers(0, y.size, y.size)
        if np.ptp(log_x[pick]) == 0:
            continue
        try:
            samples[i], _ = _fit_offset_parameters(log_x[pick], y[pick], estimates)
        except (RuntimeError, ValueError, np.linalg.LinAlgError):
            continue
    return samples


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
        result = self.value_at_reference * np.exp(self.rate_per_year
                                                  * (values - self.reference_year))
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
    level = _confidence(confidence)
    reference = float(year_values.mean())
    # ln y = ln y_ref + k (t - t_ref): a straight line in (t - t_ref, ln y).
    fit = _line_fit(year_values - reference, np.log(value_array), level)
    rate = fit.exponent
    if rate <= 0:
        raise ValueError(f"values must grow over the years to have a doubling time; the fitted "
                         f"growth rate is {rate:.3g} per year")
    low_rate, high_rate = fit.exponent_ci
    return ExponentialTrend(
        doubling_time=float(np.log(2) / rate),
        doubling_time_ci=(float(np.log(2) / high_rate),
                          float(np.log(2) / low_rate) if low_rate > 0 else float("inf")),
        rate_per_year=rate,
        rate_ci=(low_rate, high_rate),
        growth_per_year=float(np.exp(rate)),
        reference_year=reference,
        value_at_reference=fit.coefficient,
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


def simulate_power_law(exponent: float, noise: float, x_min: float, x_max: float, n_points: int,
                       seed: int = 0, coefficient: float = 1.0, offset: float = 0.0):
    """Synthetic measurements y = (offset + coefficient · x^exponent) · e^(noise·ε), ε ~ N(0, 1).

    The x are spaced evenly in log x between ``x_min`` and ``x_max``, as in a sweep of model
    sizes; the noise is multiplicative (``noise`` is the standard deviation of ln y).

    Parameters
    ----------
    exponent : float
        True exponent b, between -5 and 5.
    noise : float
        Standard deviation of ln y, between 0 and 2.
    x_min, x_max : float
        Range of x, 0 < x_min < x_max.
    n_points : int
        Number of points, 3 to 10,000.
    seed : int
        Seed of the random generator, so the same call gives the same data.
    coefficient : float
        True coefficient a, > 0.
    offset : float
        Irreducible floor c, ≥ 0.

    Returns
    -------
    x, y : numpy.ndarray

    Examples
    --------
    >>> x, y = simulate_power_law(-0.5, 0.0, 1.0, 100.0, 3)
    >>> x.tolist(), y.tolist()
    ([1.0, 10.0, 100.0], [1.0, 0.31622776601683794, 0.1])
    """
    exponent = number_in_range("exponent", exponent, -5, 5)
    noise = number_in_range("noise", noise, 0, 2)
    x_min = number_in_range("x_min", x_min, 0, None, low_inclusive=False)
    x_max = number_in_range("x_max", x_max, x_min, None, low_inclusive=False)
    n_points = integer_in_range("n_points", n_points, 3, 10_000)
    seed = integer_in_range("seed", seed, 0, 2**32 - 1)
    coefficient = number_in_range("coefficient", coefficient, 0, None, low_inclusive=False)
    offset = number_in_range("offset", offset, 0, None)
    x = np.logspace(np.log10(x_min), np.log10(x_max), n_points)
    rng = np.random.default_rng(seed)
    y = (offset + coefficient * x**exponent) * np.exp(noise * rng.standard_normal(n_points))
    return x, y


@dataclass(frozen=True)
class SimulatedFit:
    """What the power-law calculator shows: the truth, the data and the fit."""

    true_exponent: float
    x: np.ndarray
    y: np.ndarray
    fit: PowerLawFit

    @property
    def covers_truth(self) -> bool:
        """Whether the confidence interval contains the true exponent."""
        low, high = self.fit.exponent_ci
        return bool(low <= self.true_exponent <= high)

    @property
    def exponent_error(self) -> float:
        """Fitted minus true exponent."""
        return self.fit.exponent - self.true_exponent


def simulate_and_fit(exponent: float = -0.076, noise: float = 0.05, decades: float = 3.0,
                     n_points: int = 12, seed: int = 0, offset: float = 0.0,
                     confidence: float = 0.95) -> SimulatedFit:
    """Simulate a sweep over ``decades`` orders of magnitude from x = 1e6 and fit y = a·x^b.

    The default exponent is -α_N = -0.076 of Kaplan et al. (2020), eq. 1.1. With ``offset``
    > 0 the data bend towards a floor and the straight-line fit is biased.

    Parameters
    ----------
    exponent : float
        True exponent, between -5 and 5.
    noise : float
        Standard deviation of ln y, between 0 and 2.
    decades : float
        Width of the x range in orders of magnitude, between 0.1 and 12.
    n_points : int
        Number of measurements, 3 to 10,000.
    seed : int
        Random seed.
    offset : float
        Irreducible floor added to the true curve, ≥ 0.
    confidence : float
        Level of the interval on the exponent.

    Examples
    --------
    >>> result = simulate_and_fit(noise=0.0)
    >>> round(result.fit.exponent, 6), result.covers_truth
    (-0.076, True)
    """
    decades = number_in_range("decades", decades, 0.1, 12)
    x, y = simulate_power_law(exponent, noise, 1e6, 1e6 * 10**decades, n_points, seed,
                              offset=offset)
    return SimulatedFit(true_exponent=float(exponent), x=x, y=y,
                        fit=fit_power_law(x, y, confidence))
