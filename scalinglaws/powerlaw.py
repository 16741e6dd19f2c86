"""Power laws: fitting y = a·x^b, with and without an offset.

A power law y = a·x^b is a straight line on log-log axes, log y = log a + b·log x, so the
simplest fit is ordinary least squares on the logarithms. Scaling laws are usually written
L(X) = (X_c / X)^α (Kaplan et al. 2020, eqs. 1.1-1.3), which is the same law with
a = X_c^α and b = -α. A loss that levels off at an irreducible value E follows
y = c + a·x^b instead; that curve is not a straight line in log-log space and needs a
nonlinear fit. (Exponential trends in time, a straight line on log-linear axes, are in
:mod:`scalinglaws.trends`; they are importable from here too.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from scalinglaws._validate import (
    bootstrap_count,
    confidence_level,
    finite_array,
    integer_in_range,
    number_in_range,
    random_seed,
    same_length,
)
from scalinglaws.regression import fit_line, percentile_interval, t_quantile

# Defined in their own modules; importable from here too, where chapters and tests use them.
from scalinglaws.trends import ExponentialTrend, doubling_time, fit_exponential_trend
from scalinglaws.units import PF_DAY_FLOPS

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


#: ln of the largest float: e to anything above it is beyond float range.
_LOG_FLOAT_MAX = float(np.log(np.finfo(float).max))


def _exp_or_inf(log_values):
    """e^v elementwise, and +inf where v > ln(largest float): an interval end in log space that
    the data leave open (a t interval of ln a over ±710 when a is barely constrained) stays
    unbounded, where np.exp would overflow with a RuntimeWarning.

    >>> _exp_or_inf([0.0, 800.0]).tolist()
    [1.0, inf]
    """
    values = np.asarray(log_values, dtype=float)
    within = values <= _LOG_FLOAT_MAX
    return np.where(within, np.exp(np.where(within, values, 0.0)), np.inf)


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
        level = self.confidence if confidence is None else confidence_level(confidence)
        values = finite_array("x", np.atleast_1d(x), positive=True)
        log_x = np.log(values)
        (v_aa, v_ab), (_, v_bb) = self.covariance
        variance = v_aa + 2 * log_x * v_ab + log_x**2 * v_bb
        if with_noise:
            variance = variance + self.residual_std**2
        t = t_quantile(level, self.n_points - 2)
        centre = np.log(self.coefficient) + self.exponent * log_x
        spread = t * np.sqrt(variance)
        low, high = _exp_or_inf(centre - spread), _exp_or_inf(centre + spread)
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
    return _line_fit(np.log(x_values), np.log(y_values), confidence_level(confidence))


def _line_fit(u: np.ndarray, w: np.ndarray, level: float) -> PowerLawFit:
    """Ordinary least squares w = c + b·u, reported as the power law y = e^c · x^b (u = ln x)."""
    line = fit_line(u, w, level)
    low, high = line.intercept_ci
    return PowerLawFit(
        coefficient=float(np.exp(line.intercept)), exponent=line.slope,
        coefficient_ci=(float(_exp_or_inf(low)), float(_exp_or_inf(high))),
        exponent_ci=line.slope_ci,
        exponent_se=line.slope_se, log_coefficient_se=line.intercept_se,
        covariance=line.covariance, residual_std=line.residual_std,
        r_squared=line.r_squared, n_points=line.n_points, confidence=line.confidence)


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
    level = confidence_level(confidence)
    n_resamples = bootstrap_count(n_bootstrap)
    seed = random_seed(seed)
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
        t = t_quantile(level, x_values.size - 3)
        spread = t * np.sqrt(np.clip(np.diag(covariance), 0, np.inf))
        low, high = estimates - spread, estimates + spread
        method = f"t intervals (n - 3 = {x_values.size - 3} degrees of freedom) from the covariance"
    return OffsetPowerLawFit(
        offset=offset, coefficient=float(np.exp(log_a)), exponent=b,
        offset_ci=(float(low[0]), float(high[0])),
        coefficient_ci=(float(_exp_or_inf(low[1])), float(_exp_or_inf(high[1]))),
        exponent_ci=(float(low[2]), float(high[2])),
        n_points=int(x_values.size), confidence=level, interval_method=method)


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
    seed = random_seed(seed)
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
