"""Tests of scalinglaws.hardware: published numbers, invariants, bad input, and a cross-check
of our CPU table against Karl Rupp's microprocessor trend data (CC BY 4.0, read, never copied).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scalinglaws import hardware as hw
from scalinglaws.datasets import ACCELERATOR_COLUMNS, load_accelerators, load_cpus
from scalinglaws.powerlaw import fit_exponential_trend

V100 = "NVIDIA V100 (SXM2 16GB)"
A100 = "NVIDIA A100 (SXM4 80GB)"
H100 = "NVIDIA H100 (SXM5 80GB)"
B200 = "NVIDIA B200 (HGX B200 SXM6 180GB)"

kappas = st.floats(min_value=1.0, max_value=10.0, allow_nan=False)
not_a_number = st.one_of(st.just(float("nan")), st.just(float("inf")), st.text(max_size=5),
                         st.none())


def _message(call) -> str:
    with pytest.raises(ValueError) as error:
        call()
    return str(error.value)


# --- Dennard scaling -------------------------------------------------------------------------


@pytest.mark.parametrize("kappa", [1.0, 1.4, math.sqrt(2), 2.0, 5.0])
def test_dennard_rules_are_table_i(kappa):
    """Dennard et al. 1974, Table I: 1/κ for dimensions, V, I, C, delay; 1/κ² power; density 1."""
    rules = hw.dennard_scaling(kappa)
    for name in ("dimension", "voltage", "current", "capacitance", "delay"):
        assert getattr(rules, name) == pytest.approx(1 / kappa), name
    assert rules.frequency == pytest.approx(kappa)
    assert rules.power_per_circuit == pytest.approx(kappa**-2)
    assert rules.circuits_per_area == pytest.approx(kappa**2)
    assert rules.power_density == pytest.approx(1.0)
    assert rules.source.startswith("dennard1974design")


@given(kappas)
def test_power_is_c_v2_f_and_v_i(kappa):
    """P = C·V²·f everywhere; under Dennard scaling also P = V·I and delay = V·C/I (Table I)."""
    dennard = hw.dennard_scaling(kappa)
    assert dennard.power_per_circuit == pytest.approx(dennard.voltage * dennard.current)
    assert dennard.delay == pytest.approx(dennard.voltage * dennard.capacitance
                                          / dennard.current)
    for rules in (dennard, hw.post_dennard_scaling(kappa),
                  hw.post_dennard_scaling(kappa, frequency_scales=False)):
        assert rules.power_per_circuit == pytest.approx(
            rules.capacitance * rules.voltage**2 * rules.frequency)
        assert rules.power_density == pytest.approx(rules.power_per_circuit * kappa**2)


@given(kappas)
def test_post_dennard_power_density_rises_by_kappa_squared(kappa):
    """Voltage held: power per transistor 1 and density κ² at full clock scaling; κ if held."""
    rules = hw.post_dennard_scaling(kappa)
    assert rules.voltage == 1.0
    assert rules.power_per_circuit == pytest.approx(1.0)
    assert rules.power_density == pytest.approx(kappa**2)
    held = hw.post_dennard_scaling(kappa, frequency_scales=False)
    assert held.frequency == 1.0
    assert held.power_density == pytest.approx(kappa)


@given(kappas.filter(lambda k: k > 1.001), st.integers(1, 30))
def test_power_density_constant_with_voltage_scaling_and_rising_without(kappa, generations):
    dennard = hw.scaling_over_generations(kappa, generations, voltage_scales=True)
    np.testing.assert_allclose(dennard.power_density, 1.0)
    np.testing.assert_allclose(dennard.chip_power, 1.0)
    np.testing.assert_allclose(dennard.usable_fraction, 1.0)
    stuck = hw.scaling_over_generations(kappa, generations, voltage_scales=False)
    assert np.all(np.diff(stuck.power_density) > 0)
    np.testing.assert_allclose(stuck.power_density, kappa ** (2 * stuck.generation))
    np.testing.assert_allclose(stuck.chip_power, stuck.power_density)
    np.testing.assert_allclose(stuck.usable_fraction, 1 / stuck.power_density)
    for result in (dennard, stuck):
        assert result.generation.tolist() == list(range(generations + 1))
        np.testing.assert_allclose(result.frequency, kappa**result.generation)
        np.testing.assert_allclose(result.transistor_density,
                                   kappa ** (2 * result.generation))


def test_generation_zero_is_the_reference():
    result = hw.scaling_over_generations(2.0, 3, voltage_scales=False, frequency_scales=False)
    for name in ("feature_size", "voltage", "frequency", "power_per_transistor",
                 "transistor_density", "power_density", "chip_power", "usable_fraction"):
        assert getattr(result, name)[0] == 1.0, name
    assert result.power_density.tolist() == [1.0, 2.0, 4.0, 8.0]
    assert result.generations == 3


def test_default_post_dennard_numbers_the_chapter_states():
    """κ = √2 for five generations with the voltage held: power density 2⁵ = 32."""
    result = hw.scaling_over_generations(math.sqrt(2), 5, voltage_scales=False)
    assert result.power_density[-1] == pytest.approx(32.0)
    assert result.frequency[-1] == pytest.approx(2**2.5)
    assert result.usable_fraction[-1] == pytest.approx(1 / 32)


@given(st.one_of(st.floats(max_value=0.999), st.floats(min_value=10.001), not_a_number))
def test_bad_kappa_names_kappa(kappa):
    for call in (lambda: hw.dennard_scaling(kappa), lambda: hw.post_dennard_scaling(kappa),
                 lambda: hw.scaling_over_generations(kappa, 3, True)):
        message = _message(call)
        assert message.startswith("kappa must")
    if isinstance(kappa, float) and math.isfinite(kappa):
        assert "between 1 and 10" in _message(lambda: hw.dennard_scaling(kappa))


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=101),
                 st.floats(0.1, 0.9), not_a_number))
def test_bad_generations_names_generations(generations):
    assert _message(lambda: hw.scaling_over_generations(2, generations, True)).startswith(
        "generations must")


@given(st.one_of(st.integers(), st.text(max_size=3), st.none()))
def test_bad_flags_name_the_flag(flag):
    assert _message(lambda: hw.scaling_over_generations(2, 3, flag)).startswith(
        "voltage_scales must be True or False")
    assert _message(lambda: hw.scaling_over_generations(2, 3, True, flag)).startswith(
        "frequency_scales must be True or False")
    assert _message(lambda: hw.post_dennard_scaling(2, flag)).startswith("frequency_scales")


# --- Moore's law -----------------------------------------------------------------------------


def test_moore_1965_yearly_doubling_gives_65000_by_1975():
    """Moore (1965): "a factor of two per year" and 65,000 components by 1975."""
    ten_years = (hw.project_transistors(1965, 1.0, 1.0, 1975)
                 / hw.project_transistors(1965, 1.0, 1.0, 1965))
    assert ten_years == pytest.approx(2**10)
    assert hw.project_transistors(1975, 65_000, 1.0, 1965) == pytest.approx(65_000 / 1024)


def test_two_year_doubling_from_the_4004():
    cpus = load_cpus().set_index("name")
    start = float(cpus.loc["Intel 4004", "transistors"])
    assert start == 2300
    projected = hw.project_transistors(1971, start, 2.0, np.array([1971, 1981, 2025]))
    np.testing.assert_allclose(projected, [2300, 2300 * 2**5, 2300 * 2**27])
    assert isinstance(hw.project_transistors(1971, start, 2.0, 1973), float)


@given(st.floats(1990, 2010), st.floats(1, 1e6), st.floats(1, 5), st.floats(1990, 2010),
       st.floats(1990, 2010))
def test_projection_composes(t0, n0, doubling, t1, t2):
    """Projecting t0 → t1 → t2 is projecting t0 → t2: a constant doubling time."""
    n1 = hw.project_transistors(t0, n0, doubling, t1)
    direct = hw.project_transistors(t0, n0, doubling, t2)
    assert hw.project_transistors(t1, n1, doubling, t2) == pytest.approx(direct, rel=1e-9)


@given(st.sampled_from(["start_year", "start_count", "doubling_time_years", "years"]),
       st.one_of(st.floats(max_value=-1e-9), st.floats(min_value=1e16), not_a_number))
def test_bad_projection_input_names_the_argument(name, bad):
    arguments = {"start_year": 1971, "start_count": 2300, "doubling_time_years": 2.0,
                 "years": 1981}
    arguments[name] = bad
    assert _message(lambda: hw.project_transistors(**arguments)).startswith(f"{name} must")


def test_transistor_doubling_time_from_our_table():
    """Our table's fit is close to Moore's 1975 two years and rejects 18 months and 1 year."""
    trend = hw.transistor_trend()
    low, high = trend.doubling_time_ci
    assert low < trend.doubling_time < high
    assert abs(trend.doubling_time - 2.0) / 2.0 < 0.1
    assert high < 2.5 and low > 1.5  # neither House's 1.5 years nor Moore 1965's 1 year
    cpus = load_cpus()
    assert trend.n_points == int((cpus.transistors.notna() & (cpus.dies == 1)).sum())
    assert hw.transistor_trend(per_die=False).n_points == int(cpus.transistors.notna().sum())


def test_transistor_trend_year_window():
    early = hw.transistor_trend(start_year=1971, end_year=2000)
    assert early.n_points == int(load_cpus().query("year <= 2000 and dies == 1")
                                 .transistors.notna().sum())
    assert _message(lambda: hw.transistor_trend(start_year=2000, end_year=1990)).startswith(
        "end_year must")
    assert "at least 3 chips" in _message(lambda: hw.transistor_trend(start_year=2025))


def test_moore_projection_defaults_and_anchor():
    result = hw.moore_projection(1971, 2.0)
    assert (result.anchor_name, result.anchor_year, result.anchor_count) == (
        "Intel 4004", 1971.0, 2300.0)
    assert result.end_year == 2025.0
    assert result.projected_at_end == pytest.approx(2300 * 2**27)
    assert result.actual_name_at_end == "Apple M3 Max (16-core CPU)"
    assert result.ratio_at_end == pytest.approx(2300 * 2**27 / 9.2e10)
    whole = hw.moore_projection(1971, 2.0, per_die=False)
    assert whole.ratio_at_end == pytest.approx(2300 * 2**27 / 1.84e11)
    assert _message(lambda: hw.moore_projection(1971, 2.0, per_die="yes")).startswith(
        "per_die must")
    np.testing.assert_allclose(result.grid_counts,
                               hw.project_transistors(1971, 2300, 2.0, result.grid_years))
    # House's 18 months from the same start overshoots by orders of magnitude.
    assert hw.moore_projection(1971, 1.5).ratio_at_end > 100


def test_moore_projection_starts_at_the_largest_chip_of_the_first_year_with_one():
    cpus = load_cpus()
    result = hw.moore_projection(1988.5, 2.0, cpus)
    in_1989 = cpus[(cpus.year == 1989) & cpus.transistors.notna()]
    assert result.anchor_year == 1989
    assert result.anchor_count == in_1989.transistors.max()


@given(st.one_of(st.floats(max_value=1970.9), st.floats(min_value=2024.1), not_a_number))
def test_bad_start_year_names_start_year(year):
    message = _message(lambda: hw.moore_projection(year, 2.0))
    assert message.startswith("start_year must")


def test_bad_table_is_named():
    assert _message(lambda: hw.moore_projection(1971, 2.0, cpus="cpus.csv")).startswith(
        "cpus must be a pandas DataFrame")
    assert "transistors" in _message(
        lambda: hw.moore_projection(1971, 2.0, cpus=load_cpus().drop(columns="transistors")))


# --- The clock plateau -----------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.floats(1985, 2015), st.floats(0.1, 0.6), st.floats(-0.05, 0.05))
def test_two_segment_fit_recovers_a_known_breakpoint(breakpoint, rate_before, rate_after):
    years = np.arange(1971.0, 2026.0)
    values = 100 * np.exp(rate_before * np.minimum(years - breakpoint, 0)
                          + rate_after * np.maximum(years - breakpoint, 0))
    fit = hw.fit_two_segment_trend(years, values, resolution=0.05)
    assert fit.breakpoint == pytest.approx(breakpoint, abs=0.05)
    assert fit.rate_before == pytest.approx(rate_before, abs=0.01)
    assert fit.rate_after == pytest.approx(rate_after, abs=0.01)
    np.testing.assert_allclose(fit.predict(years), values, rtol=0.05)


def test_clock_plateau_in_our_table_is_mid_2000s_not_the_maximum():
    cpus = load_cpus().dropna(subset=["clock_mhz"])
    # The raw maximum is one chip, the 5 GHz i7-8086K of 2018 (boost clocks).
    assert int(cpus.loc[cpus.clock_mhz.idxmax(), "year"]) == 2018
    year = hw.clock_plateau_year(cpus.year, cpus.clock_mhz)
    # Published dates for the end of Dennard scaling: ~2004 (Hennessy & Patterson) to
    # 2005-2007 (Wikipedia); none says 2012, which is a Moore's-law date.
    assert 2003 <= year <= 2008
    fit = hw.fit_clock_plateau()
    assert fit.breakpoint == year
    assert 1.2 < fit.growth_before < 1.4  # clocks doubled every ~2.7 years before
    assert abs(fit.rate_after) < 0.03  # and stayed flat after
    assert fit.n_before + fit.n_after == len(cpus)


def test_two_segment_bad_input_names_the_argument():
    years, values = np.arange(2000.0, 2010.0), np.ones(10)
    assert _message(lambda: hw.fit_two_segment_trend(years, -values)).startswith("values must")
    assert _message(lambda: hw.fit_two_segment_trend(years[:5], values[:5])).startswith(
        "years must have at least 6 distinct values")
    assert _message(lambda: hw.fit_two_segment_trend(years, values[:9])).startswith(
        "years and values must have the same length")
    assert _message(lambda: hw.fit_two_segment_trend(years, values, min_points=1)).startswith(
        "min_points must")
    assert _message(lambda: hw.fit_two_segment_trend(years, values, resolution=0)).startswith(
        "resolution must")
    assert _message(lambda: hw.fit_two_segment_trend(years, values, n_bootstrap=-1)).startswith(
        "n_bootstrap must")
    assert _message(lambda: hw.clock_plateau_year(years, 0 * values)).startswith(
        "clock_mhz must be > 0")


# --- Accelerators ----------------------------------------------------------------------------


def test_fp16_column_follows_bf16():
    names = [column.name for column in ACCELERATOR_COLUMNS]
    assert names.index("fp16_tflops_dense") == names.index("bf16_tflops_dense") + 1
    chips = load_accelerators().set_index("name")
    assert chips.loc[V100, "fp16_tflops_dense"] == 125  # V100 datasheet, "Tensor Performance"
    assert math.isnan(chips.loc[V100, "bf16_tflops_dense"])  # Volta has no BF16


def test_a100_over_v100_like_for_like_is_2_5x():
    """Dense 16-bit tensor: A100 312 over V100 FP16 125 = 2.5 (AnandTech: "almost 2.5x")."""
    assert hw.generation_ratio(None, A100, V100, "fp16") == pytest.approx(2.496)
    assert round(hw.generation_ratio(None, A100, V100, "fp16"), 1) == 2.5


def test_nvidia_20x_is_sparse_tf32_over_non_tensor_fp32():
    """NVIDIA (2020): TF32 "up to 10x" over V100 FP32, "up to 20x" with sparsity (2× dense)."""
    dense = hw.generation_ratio(None, A100, V100, "tf32", precision_b="fp32")
    assert round(dense) == 10
    assert round(2 * dense) == 20


def test_no_like_for_like_precision_gives_3_5x():
    """No "3.5x" A100-over-V100 claim was found; no shared dense precision gives it either."""
    chips = load_accelerators().set_index("name")
    shared = [p for p, column in hw.PRECISIONS.items()
              if chips.loc[[A100, V100], column].notna().all()]
    assert shared == ["fp32", "fp16"]
    ratios = [hw.generation_ratio(None, A100, V100, p) for p in shared]
    assert all(abs(ratio - 3.5) > 0.5 for ratio in ratios)


def test_later_generations_match_the_memo():
    assert hw.generation_ratio(None, H100, A100, "bf16") == pytest.approx(989.5 / 312)
    assert round(hw.generation_ratio(None, H100, A100, "bf16"), 1) == 3.2
    assert round(hw.generation_ratio(None, B200, H100, "bf16"), 1) == 2.3
    assert round(hw.generation_ratio(None, H100, A100, "fp8", precision_b="bf16"), 1) == 6.3


def test_metrics_arithmetic():
    assert hw.flops_per_watt(312, 400) == pytest.approx(312e12 / 400)
    assert hw.flops_per_dollar(989.5, 25_000) == pytest.approx(989.5e12 / 25_000)
    np.testing.assert_allclose(hw.flops_per_watt([1, 2], [10, 10]), [1e11, 2e11])
    metrics = hw.chip_metrics(None, H100, "bf16", utilisation=0.5)
    assert metrics.tflops == pytest.approx(989.5 / 2)
    assert metrics.flops_per_watt == pytest.approx(hw.flops_per_watt(989.5 / 2, 700))
    assert metrics.flops_per_dollar == pytest.approx(hw.flops_per_dollar(989.5 / 2, 25_000))
    assert not hw.chip_metrics(None, "Google TPU v5e", "bf16").has_price
    assert math.isnan(hw.chip_metrics(None, "Google TPU v5e", "bf16").flops_per_watt)


def test_implied_doubling_time_reproduces_epoch_table():
    """Hobbhahn & Besiroglu 2022, Table 1: 2× and 10× times are one rate (10× = T·log₂10)."""
    for doubling, tenfold in [(2.46, 8.17), (2.07, 6.86), (2.95, 9.81), (2.0, 6.64)]:
        assert hw.implied_doubling_time(10, tenfold) == pytest.approx(doubling, abs=0.01)
    assert hw.implied_doubling_time(0.5, 2) == pytest.approx(-2.0)


def test_compare_chips():
    comparison = hw.compare_chips(None, B200, H100, "bf16")
    assert comparison.ratio == pytest.approx(2250 / 989.5)
    assert comparison.ratio_per_dollar == pytest.approx((2250 / 30_000) / (989.5 / 25_000))
    assert comparison.ratio_per_watt == pytest.approx((2250 / 1000) / (989.5 / 700))
    assert comparison.years_apart == 2
    assert comparison.implied_doubling_time == pytest.approx(
        hw.implied_doubling_time(comparison.ratio, 2))
    backwards = hw.compare_chips(None, H100, B200, "bf16")
    assert backwards.implied_doubling_time == pytest.approx(comparison.implied_doubling_time)
    assert math.isnan(hw.compare_chips(None, A100, V100, "fp16").ratio_per_dollar)
    assert math.isnan(hw.compare_chips(None, H100, "NVIDIA H200 (SXM 141GB)",
                                       "bf16").implied_doubling_time)


@given(st.floats(0.01, 1.0))
def test_utilisation_scales_metrics_not_ratios(utilisation):
    full = hw.compare_chips(None, B200, H100, "bf16")
    part = hw.compare_chips(None, B200, H100, "bf16", utilisation=utilisation)
    assert part.ratio == pytest.approx(full.ratio)
    assert part.ratio_per_dollar == pytest.approx(full.ratio_per_dollar)
    assert part.first.flops_per_watt == pytest.approx(utilisation * full.first.flops_per_watt)


@given(st.text(max_size=12))
def test_unknown_chip_names_the_argument(name):
    chips = load_accelerators()
    assume(name not in set(chips.name))
    assert _message(lambda: hw.compare_chips(chips, name, V100, "fp16")).startswith("a must")
    assert _message(lambda: hw.compare_chips(chips, A100, name, "fp16")).startswith("b must")
    assert _message(lambda: hw.peak_tflops(chips, name, "fp16")).startswith("name must")


@given(st.one_of(st.text(max_size=6).filter(lambda p: p not in hw.PRECISIONS), st.none(),
                 st.integers()))
def test_unknown_precision_names_precision(precision):
    message = _message(lambda: hw.generation_ratio(None, A100, V100, precision))
    assert message.startswith("precision must be one of fp32, tf32, bf16, fp16, fp8, fp4")
    if precision is not None:  # precision_b=None means "the same as precision"
        message = _message(lambda: hw.generation_ratio(None, A100, V100, "fp16", precision))
        assert message.startswith("precision_b must")


def test_missing_precision_says_which_chip_and_what_it_has():
    message = _message(lambda: hw.compare_chips(None, H100, V100, "fp8"))
    assert message == ("precision 'fp8' has no dense figure for NVIDIA V100 (SXM2 16GB) in the "
                       "table; it has fp32, fp16")


@given(st.sampled_from(["tflops", "power_w"]),
       st.one_of(st.floats(max_value=0), not_a_number))
def test_bad_metric_input_names_the_argument(name, bad):
    arguments = {"tflops": 312.0, "power_w": 400.0}
    arguments[name] = bad
    assert _message(lambda: hw.flops_per_watt(**arguments)).startswith(f"{name} must")


@given(st.one_of(st.floats(max_value=0), st.floats(min_value=1.0001), not_a_number))
def test_bad_utilisation_and_ratio_name_the_argument(bad):
    assert _message(lambda: hw.chip_metrics(None, A100, "bf16", bad)).startswith(
        "utilisation must")
    if not (isinstance(bad, float) and bad > 1):
        assert _message(lambda: hw.implied_doubling_time(bad, 3)).startswith("ratio must")
    assert _message(lambda: hw.flops_per_dollar(100, -abs(1.0))).startswith("price_usd must")


# --- Cross-check against Karl Rupp's microprocessor trend data ------------------------------


def _read_rupp(reference_data, filename: str) -> tuple[np.ndarray, np.ndarray]:
    """Two-column whitespace table (year, value); lines that are not two numbers are skipped."""
    path = reference_data / "microprocessor-trends" / filename
    years, values = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        try:
            year, value = float(parts[0]), float(parts[1])
        except ValueError:
            continue
        years.append(year)
        values.append(value)
    return np.array(years), np.array(values)


def test_transistor_doubling_time_agrees_with_rupp(reference_data):
    rupp_years, rupp_thousands = _read_rupp(reference_data, "transistors.dat")
    cpus = load_cpus()
    # Fit both over the years both cover, so neither gains a decade the other lacks.
    start = max(rupp_years.min(), float(cpus.year.min()))
    end = min(rupp_years.max(), float(cpus.year.max()))
    keep = (rupp_years >= start) & (rupp_years <= end)
    rupp = fit_exponential_trend(rupp_years[keep], 1e3 * rupp_thousands[keep])
    ours = hw.transistor_trend(cpus, start_year=start, end_year=end)
    # Tolerance 0.25 years. It must stay below half the 0.5-year gap between Moore's two
    # years and House's 18 months, so a table that followed the 18-month folklore would fail.
    # It must exceed what choosing different chips does to the estimate: the two tables fit
    # ~2.1 and ~2.0 years, and dropping any one decade moves either fit by up to ~0.05 years
    # (measured when this test was written). The regression intervals (±0.07 years) are no
    # guide here: they assume independent residuals, while the series bends (faster before
    # 1990, slower after 2010), so which chips a table samples shifts the fit more than that.
    assert abs(ours.doubling_time - rupp.doubling_time) <= 0.25
    for trend in (ours, rupp):
        assert 1.75 < trend.doubling_time < 2.25


def test_clock_plateau_year_agrees_with_rupp(reference_data):
    rupp_years, rupp_mhz = _read_rupp(reference_data, "frequency.dat")
    cpus = load_cpus().dropna(subset=["clock_mhz"])
    ours = hw.fit_two_segment_trend(cpus.year, cpus.clock_mhz, n_bootstrap=200, seed=1)
    rupp = hw.fit_two_segment_trend(rupp_years, rupp_mhz, n_bootstrap=200, seed=1)
    # Tolerance 2.5 years: the breakpoint of our 41 clocked rows is pinned only to within
    # about ±2 years (95 % bootstrap interval ~2004.3-2008.7 when this test was written), as
    # our rows near the break are 1-3 years apart (2004, 2006, 2007, 2008, 2011); Rupp's ~100
    # rows pin his to about ±1.2 years. The dates chapter 1 cites for the end of Dennard
    # scaling span about 2004-2005 (Hennessy & Patterson; Thompson & Spanuth). A larger gap
    # would mean the tables disagree about the plateau.
    assert abs(ours.breakpoint - rupp.breakpoint) <= 2.5
    # The two bootstrap intervals overlap, and both fits date the plateau to the mid-2000s.
    assert ours.breakpoint_ci[0] <= rupp.breakpoint_ci[1]
    assert rupp.breakpoint_ci[0] <= ours.breakpoint_ci[1]
    for fit in (ours, rupp):
        assert 2003 <= fit.breakpoint <= 2008
        assert fit.breakpoint_ci[0] <= fit.breakpoint <= fit.breakpoint_ci[1]
        assert abs(fit.rate_after) < 0.03


# --- Single-thread performance by era (Hennessy & Patterson, CA6 Figure 1.1) ----------------


def test_growth_doubling_time_matches_the_books_rounded_doubling_times():
    # CA6 Fig. 1.1 caption: 22 %/yr "doubling performance every 3.5 years", 23 %/yr "doubling
    # every 3.5 years", 3.5 %/yr "doubling every 20 years".
    assert round(hw.growth_doubling_time(22), 1) == 3.5
    assert round(hw.growth_doubling_time(23), 1) == 3.3  # the book rounds this up to 3.5
    assert round(hw.growth_doubling_time(3.5)) == 20
    # The same caption gives "every 2 years" for 52 %/yr and "every 8 years" for 12 %/yr;
    # the formula gives 1.66 and 6.12 (see research/hardware-facts.md).
    assert hw.growth_doubling_time([52, 12]).round(2).tolist() == [1.66, 6.12]


@given(st.floats(min_value=0.01, max_value=1000, allow_nan=False))
@settings(max_examples=50, deadline=None)
def test_growth_doubling_time_doubles(percent):
    doubling = hw.growth_doubling_time(percent)
    assert (1 + percent / 100) ** doubling == pytest.approx(2.0, rel=1e-9)


@pytest.mark.parametrize("bad", [0, -5, 1001, float("nan"), "x", None])
def test_growth_doubling_time_rejects_bad_rates(bad):
    message = _message(lambda: hw.growth_doubling_time(bad))
    assert "growth_percent_per_year" in message


def test_single_thread_series_from_the_table():
    s = hw.single_thread_series()
    assert s.era_start.tolist() == [1978, 1986, 2003, 2011, 2015]
    assert s.era_end.tolist() == [1986, 2003, 2011, 2015, 2017]
    assert s.years[0] == 1978 and s.years[-1] == 2017 and np.all(np.diff(s.years) == 1)
    assert s.relative_performance[0] == 1
    # Within an era ln P is a straight line of slope ln(1 + g/100).
    slopes = np.diff(np.log(s.relative_performance))
    expected = np.log1p(np.repeat(s.growth_percent_per_year,
                                  (s.era_end - s.era_start).astype(int)) / 100)
    assert slopes == pytest.approx(expected)
    assert round(s.gain(1978, 1986), 2) == round(1.22 ** 8, 2)
    assert s.gain(1986, 2003) == pytest.approx(1.52 ** 17)
    # CA6 speaks of a "50,000-fold performance improvement since 1978": the eras compound to
    # 5.35e4 by 2017, within 10 % of it.
    assert abs(s.total_gain / 50_000 - 1) < 0.1


def test_single_thread_series_step_keeps_era_boundaries():
    s = hw.single_thread_series(step_years=5)
    assert set(s.era_start.tolist()) | {2017} <= set(s.years.tolist())
    assert s.total_gain == pytest.approx(hw.single_thread_series().total_gain)


def _eras(rows):
    import pandas as pd
    return pd.DataFrame(rows, columns=["start_year", "end_year", "growth_percent_per_year",
                                       "label"])


@pytest.mark.parametrize("eras, needle", [
    (_eras([(2000, 1990, 10, "a")]), "end_year must be after start_year"),
    (_eras([(1990, 2000, 10, "a"), (2001, 2005, 5, "b")]), "eras must be contiguous"),
    (_eras([(1990, 2000, 0, "a")]), "eras growth_percent_per_year must be in the range"),
    (_eras([(1800, 2000, 10, "a")]), "eras start_year must be between 1900 and 2100"),
    (_eras([]), "at least one row"),
    ("not a table", "eras must be a pandas DataFrame"),
])
def test_single_thread_series_rejects_bad_eras(eras, needle):
    assert needle in _message(lambda: hw.single_thread_series(eras))


@pytest.mark.parametrize("step", [0, 0.01, 11, float("inf")])
def test_single_thread_series_rejects_bad_step(step):
    assert "step_years" in _message(lambda: hw.single_thread_series(step_years=step))
