"""Power-law fits, exponential trends and Kaplan et al.'s laws."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from scalinglaws import powerlaw as pl

# --- Published numbers --------------------------------------------------------------------


def test_kaplan_constants_are_the_papers_equations_1_1_to_1_3():
    # Kaplan et al. 2020, eqs. 1.1-1.3 (research/scaling-facts.md quotes them).
    assert (pl.KAPLAN_2020_PARAMS.alpha, pl.KAPLAN_2020_PARAMS.scale) == (0.076, 8.8e13)
    assert (pl.KAPLAN_2020_DATA.alpha, pl.KAPLAN_2020_DATA.scale) == (0.095, 5.4e13)
    assert (pl.KAPLAN_2020_COMPUTE.alpha, pl.KAPLAN_2020_COMPUTE.scale) == (0.050, 3.1e8)
    assert pl.PF_DAY_FLOPS == 8.64e19


def test_scaling_law_is_the_power_law_with_negative_exponent():
    law = pl.KAPLAN_2020_PARAMS
    n = np.logspace(6, 12, 7)
    fit = pl.fit_power_law(n, law.loss(n))
    assert fit.exponent == pytest.approx(-law.alpha, rel=1e-12)
    assert fit.coefficient == pytest.approx(law.scale**law.alpha, rel=1e-9)


@given(st.floats(1e3, 1e12), st.floats(1.01, 1e4))
def test_loss_ratio_is_scale_invariant(x, factor):
    law = pl.KAPLAN_2020_DATA
    assert law.loss(factor * x) / law.loss(x) == pytest.approx(law.loss_ratio(factor), rel=1e-9)


@given(st.floats(0.5, 10))
def test_amount_for_loss_inverts_loss(loss):
    law = pl.KAPLAN_2020_PARAMS
    assert law.loss(law.amount_for_loss(loss)) == pytest.approx(loss, rel=1e-9)


# --- fit_power_law --------------------------------------------------------------------------


@given(st.floats(1e-3, 1e3), st.floats(-3, 3), st.integers(3, 40), st.floats(0.5, 6))
def test_exact_data_are_recovered(coefficient, exponent, n, decades):
    x = np.logspace(0, decades, n)
    fit = pl.fit_power_law(x, coefficient * x**exponent)
    assert fit.exponent == pytest.approx(exponent, abs=1e-9)
    assert fit.coefficient == pytest.approx(coefficient, rel=1e-8)
    assert fit.predict(7.0) == pytest.approx(coefficient * 7.0**exponent, rel=1e-8)


def test_interval_matches_ordinary_least_squares_by_hand():
    x, y = pl.simulate_power_law(-0.3, 0.1, 1, 1e4, 15, seed=3)
    fit = pl.fit_power_law(x, y)
    u, w = np.log(x), np.log(y)
    slope, intercept = np.polyfit(u, w, 1)
    residual = w - (intercept + slope * u)
    se = math.sqrt(residual @ residual / 13 / ((u - u.mean()) ** 2).sum())
    t = 2.160368656461013  # t_{0.975, 13}
    assert fit.exponent == pytest.approx(slope, abs=1e-12)
    assert fit.exponent_se == pytest.approx(se, rel=1e-9)
    assert fit.exponent_ci == pytest.approx((slope - t * se, slope + t * se), rel=1e-9)


def test_interval_coverage_is_close_to_nominal():
    # 400 independent experiments: the binomial sd of the coverage is 1.1 %, so 95 % ± 3.3 %.
    covered = [pl.simulate_and_fit(seed=seed).covers_truth for seed in range(400)]
    assert 0.917 <= np.mean(covered) <= 0.983


def test_confidence_band_widens_away_from_the_data():
    x, y = pl.simulate_power_law(-0.076, 0.05, 1e6, 1e7, 12, seed=2)
    fit = pl.fit_power_law(x, y)
    widths = [np.divide(*fit.confidence_band(at)[::-1]) for at in (3e6, 1e7, 1e8, 1e10)]
    assert widths == sorted(widths)
    low, high = fit.confidence_band(1e9)
    assert low < fit.predict(1e9) < high


def test_prediction_interval_adds_the_residual_variance():
    x, y = pl.simulate_power_law(-0.076, 0.05, 1e6, 1e7, 12, seed=2)
    fit = pl.fit_power_law(x, y)
    t = stats.t.ppf(0.975, 10)
    for at in (3e6, 1e9):
        band = np.log(np.divide(*fit.confidence_band(at)[::-1])) / (2 * t)
        new = np.log(np.divide(*fit.prediction_interval(at)[::-1])) / (2 * t)
        assert new**2 == pytest.approx(band**2 + fit.residual_std**2, rel=1e-9)


def test_prediction_interval_covers_new_measurements_and_the_band_does_not():
    # 400 experiments: fit 8 points, then measure once more, with the same noise, in the
    # middle of the range. A 95 % prediction interval must hold it 95 % ± 3.3 % of the time.
    at = math.sqrt(1e6 * 1e7)
    in_interval, in_band = [], []
    for seed in range(400):
        x, y = pl.simulate_power_law(-0.076, 0.05, 1e6, 1e7, 8, seed=seed)
        new = at**-0.076 * math.exp(0.05 * np.random.default_rng(10_000 + seed).standard_normal())
        fit = pl.fit_power_law(x, y)
        low, high = fit.prediction_interval(at)
        in_interval.append(low <= new <= high)
        low, high = fit.confidence_band(at)
        in_band.append(low <= new <= high)
    assert 0.917 <= np.mean(in_interval) <= 0.983
    assert np.mean(in_band) < 0.8  # the band is for the line, not for a new measurement


@pytest.mark.parametrize(("x", "y", "message"), [
    ([1, 2, 3, 4], [1, 2, 3], "x and y must have the same length"),
    ([1, 2], [1, 2], "x must have at least 3 values"),
    ([1, 0, 3], [1, 2, 3], "x must be > 0 everywhere"),
    ([1, 2, 3], [1, -2, 3], "y must be > 0 everywhere"),
    ([1, 2, np.nan], [1, 2, 3], "x must be finite"),
    ([1, 2, 3], [1, np.inf, 3], "y must be finite"),
    ([2, 2, 2], [1, 2, 3], "x must contain at least two different values"),
])
def test_fit_power_law_rejects_bad_input(x, y, message):
    with pytest.raises(ValueError, match=message):
        pl.fit_power_law(x, y)


@given(st.floats(allow_nan=True, allow_infinity=True).filter(lambda c: not 0 < c < 1))
def test_fit_power_law_rejects_bad_confidence(confidence):
    with pytest.raises(ValueError, match=r"^confidence must be"):
        pl.fit_power_law([1, 2, 3], [1, 2, 4], confidence)


@settings(max_examples=50)
@given(st.lists(st.floats(-1e3, 1e3), min_size=3, max_size=30))
def test_non_positive_values_always_rejected(values):
    assume(any(value <= 0 for value in values))
    with pytest.raises(ValueError, match=r"^y must be > 0 everywhere"):
        pl.fit_power_law(np.arange(1, len(values) + 1), values)


# --- fit_power_law_with_offset ----------------------------------------------------------------


def test_offset_fit_recovers_hoffmann_parameter_term():
    # Hoffmann et al. 2022, eq. 10: E = 1.69, A = 406.4, alpha = 0.34.
    n = np.logspace(7, 11, 15)
    fit = pl.fit_power_law_with_offset(n, 1.69 + 406.4 * n**-0.34)
    assert (fit.offset, fit.coefficient, fit.exponent) == pytest.approx((1.69, 406.4, -0.34),
                                                                       rel=1e-5)


def test_straight_line_fit_is_biased_by_the_offset_and_confidently_wrong():
    n = np.logspace(8, 10, 10)
    fit = pl.fit_power_law(n, 1.69 + 406.4 * n**-0.34)
    assert -0.08 < fit.exponent < -0.04
    assert not fit.exponent_ci[0] <= -0.34 <= fit.exponent_ci[1]


def test_offset_bootstrap_interval_contains_the_truth_and_estimate():
    x, y = pl.simulate_power_law(-0.5, 0.01, 1, 1e4, 20, seed=4, coefficient=3.0, offset=0.5)
    fit = pl.fit_power_law_with_offset(x, y, n_bootstrap=200, seed=1)
    assert fit.interval_method.startswith("percentile bootstrap, 200")
    assert fit.exponent_ci[0] <= fit.exponent <= fit.exponent_ci[1]
    assert fit.exponent_ci[0] <= -0.5 <= fit.exponent_ci[1]
    assert fit.offset_ci[0] <= 0.5 <= fit.offset_ci[1]
    assert fit.predict(10.0) == pytest.approx(fit.offset + fit.coefficient * 10**fit.exponent)


def test_offset_fit_is_not_capped_at_the_lowest_point():
    # Multiplicative noise puts points below the true floor (2.0); the fit must not stop there.
    x, y = pl.simulate_power_law(-0.5, 0.05, 1, 1e4, 20, seed=4, coefficient=3.0, offset=2.0)
    assert y.min() < 2.0
    fit = pl.fit_power_law_with_offset(x, y)
    assert fit.offset > y.min()
    assert fit.offset_ci[0] <= 2.0 <= fit.offset_ci[1]
    assert fit.exponent_ci[0] <= -0.5 <= fit.exponent_ci[1]


def _offset_coverage(n_points: int, experiments: int = 400) -> float:
    """Share of experiments whose 95 % interval on the exponent holds the true -0.3:
    y = 1.5 + 4·x^-0.3 + 0.02·ε, ε standard normal (the fit's own noise model), x over three
    decades, seeds 0 to ``experiments`` - 1."""
    x = np.logspace(0, 3, n_points)
    truth = 1.5 + 4.0 * x**-0.3
    covered = []
    for seed in range(experiments):
        y = truth + 0.02 * np.random.default_rng(seed).standard_normal(n_points)
        low, high = pl.fit_power_law_with_offset(x, y).exponent_ci
        covered.append(low <= -0.3 <= high)
    return float(np.mean(covered))


@pytest.mark.parametrize("n_points", [5, 8, 20])
def test_offset_interval_coverage_is_close_to_nominal(n_points):
    # 400 experiments: the binomial sd of the coverage is 1.1 %, so 95 % ± 3.3 %. Measured:
    # 95.75 %, 93.75 %, 95.0 %; with the normal quantile it was 83.25 %, 88.5 %, 93.25 %.
    assert 0.917 <= _offset_coverage(n_points) <= 0.983


@pytest.mark.parametrize("n_points", [4, 6, 30])
def test_offset_interval_uses_student_t_with_n_minus_3_degrees_of_freedom(n_points):
    x = np.logspace(0, 3, n_points)
    y = 1.5 + 4.0 * x**-0.3 + 0.02 * np.random.default_rng(1).standard_normal(n_points)
    wide, narrow = (pl.fit_power_law_with_offset(x, y, confidence=level) for level in (0.95, 0.5))
    ratio = np.subtract(*wide.exponent_ci[::-1]) / np.subtract(*narrow.exponent_ci[::-1])
    dof = n_points - 3
    assert ratio == pytest.approx(stats.t.ppf(0.975, dof) / stats.t.ppf(0.75, dof), rel=1e-9)
    assert wide.interval_method.startswith(f"t intervals (n - 3 = {dof} degrees of freedom)")


def test_an_unconstrained_coefficient_interval_is_open_without_overflow():
    """Four flat, noisy points barely constrain a in c + a·x^b: the t interval of ln a reaches
    past ln(largest float) (~709.8). Its upper end is +inf, computed without the overflow
    RuntimeWarning np.exp gave (warnings are errors here)."""
    x = np.array([1.0, 8.30452589, 68.96515026, 572.72287583])
    y = np.array([4.28545956, 3.77540031, 4.66465789, 4.17957203])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit = pl.fit_power_law_with_offset(x, y)
    low, high = fit.coefficient_ci
    assert high == math.inf
    assert 0 <= low <= fit.coefficient
    assert math.isfinite(fit.offset) and math.isfinite(fit.exponent)


def test_offset_fit_input_checks():
    with pytest.raises(ValueError, match="x must have at least 4 values"):
        pl.fit_power_law_with_offset([1, 2, 3], [3, 2, 1])
    with pytest.raises(ValueError, match="n_bootstrap must be between 0 and 10000"):
        pl.fit_power_law_with_offset([1, 2, 3, 4], [4, 3, 2, 1.5], n_bootstrap=-1)
    with pytest.raises(ValueError, match="seed must be"):
        pl.fit_power_law_with_offset([1, 2, 3, 4], [4, 3, 2, 1.5], seed=-2)
    with pytest.raises(ValueError, match="y must vary"):
        pl.fit_power_law_with_offset([1, 2, 3, 4], [2, 2, 2, 2])


def test_exponential_trend_over_a_long_span():
    # Fitting in (t - t_ref) directly: no overflow however long the span.
    years = np.linspace(0, 5000, 11)
    assert pl.doubling_time(years, 2 ** (years / 100)) == pytest.approx(100)


# --- Exponential trends -----------------------------------------------------------------------


@given(st.floats(0.3, 10), st.integers(3, 40), st.floats(1, 1e6))
def test_doubling_time_of_exact_exponential(doubling, n, start):
    years = 1971 + np.arange(n)
    assert pl.doubling_time(years, start * 2 ** ((years - 1971) / doubling)) == pytest.approx(
        doubling, rel=1e-9)


def test_moore_1975_two_year_doubling_and_interval():
    years = np.arange(1971, 2001, 2.0)
    rng = np.random.default_rng(0)
    counts = 2300 * 2 ** ((years - 1971) / 2) * np.exp(0.2 * rng.standard_normal(years.size))
    trend = pl.fit_exponential_trend(years, counts)
    low, high = trend.doubling_time_ci
    assert low < trend.doubling_time < high
    # 15 points with 20 % scatter over 28 years: the slope's sd is ~1.5 %, so T within 10 %.
    assert trend.doubling_time == pytest.approx(2.0, rel=0.1)
    assert trend.predict(1971.0) == pytest.approx(2300, rel=0.3)


def test_doubling_time_rejects_non_growth_and_bad_input():
    with pytest.raises(ValueError, match="values must grow"):
        pl.doubling_time([2000, 2001, 2002], [8, 4, 2])
    with pytest.raises(ValueError, match="years and values must have the same length"):
        pl.doubling_time([2000, 2001, 2002, 2003], [1, 2, 3])
    with pytest.raises(ValueError, match="values must be > 0"):
        pl.doubling_time([2000, 2001, 2002], [1, 0, 2])
    with pytest.raises(ValueError, match="years must contain at least two different"):
        pl.doubling_time([2000, 2000, 2000], [1, 2, 3])
    with pytest.raises(ValueError, match="years must be finite"):
        pl.doubling_time([2000, np.nan, 2002], [1, 2, 3])


# --- Simulation ---------------------------------------------------------------------------


def test_simulation_is_reproducible_and_seed_dependent():
    a = pl.simulate_power_law(-0.1, 0.1, 1, 100, 10, seed=5)
    b = pl.simulate_power_law(-0.1, 0.1, 1, 100, 10, seed=5)
    c = pl.simulate_power_law(-0.1, 0.1, 1, 100, 10, seed=6)
    assert np.array_equal(a[1], b[1]) and not np.array_equal(a[1], c[1])


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"exponent": 6}, "exponent"), ({"noise": -0.1}, "noise"), ({"noise": 3}, "noise"),
    ({"decades": 0}, "decades"), ({"decades": 13}, "decades"), ({"n_points": 2}, "n_points"),
    ({"seed": -1}, "seed"), ({"offset": -1}, "offset"), ({"confidence": 1}, "confidence"),
])
def test_simulate_and_fit_names_the_bad_argument(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must"):
        pl.simulate_and_fit(**kwargs)


def test_interval_width_scales_inversely_with_range():
    # Same seed, same points in log space: the spread of log x is proportional to the range.
    widths = [np.diff(pl.simulate_and_fit(noise=0.1, decades=d, seed=1).fit.exponent_ci)[0]
              for d in (1, 4)]
    assert widths[0] / widths[1] == pytest.approx(4, rel=1e-9)


def test_two_point_exponent():
    assert pl.two_point_exponent(1, 1, 100, 0.1) == pytest.approx(-0.5)
    with pytest.raises(ValueError, match="x1 and x2 must differ"):
        pl.two_point_exponent(2, 1, 2, 3)
    with pytest.raises(ValueError, match="y2 must be greater than 0"):
        pl.two_point_exponent(1, 1, 2, 0)


@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=200), st.floats(0.5, 0.99))
def test_percentile_interval_brackets_the_median_and_ignores_non_finite(draws, confidence):
    low, high = pl.percentile_interval(draws + [np.nan, np.inf], confidence)
    assert low <= np.median(draws) <= high
    assert (low, high) == pl.percentile_interval(draws, confidence)


def test_percentile_interval_rejects_bad_confidence():
    with pytest.raises(ValueError, match="^confidence must be"):
        pl.percentile_interval([1.0, 2.0], 1.5)
