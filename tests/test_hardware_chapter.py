"""Numbers that chapter 1 states in its prose and solutions, recomputed from the package."""

import math

import pytest

from scalinglaws import hardware
from scalinglaws.datasets import load_accelerators, load_cpus, load_single_thread_eras
from scalinglaws.widgets import accelerator_calculator, dennard_calculator, moore_calculator

V100 = "NVIDIA V100 (SXM2 16GB)"
A100 = "NVIDIA A100 (SXM4 80GB)"
H100 = "NVIDIA H100 (SXM5 80GB)"
B200 = "NVIDIA B200 (HGX B200 SXM6 180GB)"
KAPPA = math.sqrt(2)


@pytest.fixture(scope="module")
def cpus():
    return load_cpus()


@pytest.fixture(scope="module")
def chips():
    return load_accelerators()


def _ci(interval, digits):
    return [round(value, digits) for value in interval]


# --- Moore's law -----------------------------------------------------------------------------


def test_table_size_and_transistor_doubling_time(cpus):
    assert len(cpus) == 48 and int(cpus.transistors.notna().sum()) == 45
    trend = hardware.transistor_trend(cpus)
    assert trend.n_points == 40  # single dies only, by default
    assert round(trend.doubling_time, 2) == 2.17
    assert _ci(trend.doubling_time_ci, 2) == [2.10, 2.25]
    low, high = trend.doubling_time_ci
    assert not low <= 1.0 <= high and not low <= 1.5 <= high  # 1965 and House excluded
    packages = hardware.transistor_trend(cpus, per_die=False)
    assert packages.n_points == 45 and round(packages.doubling_time, 2) == 2.12
    assert _ci(packages.doubling_time_ci, 2) == [2.05, 2.19]


def test_multi_die_packages_are_marked(cpus):
    """Issue 8: the M2 and M3 Ultra are two dies each, EPYC Rome nine, Graviton3 seven."""
    dies = cpus.set_index("name").dies
    assert dies["Apple M3 Ultra"] == dies["Apple M2 Ultra"] == 2
    assert dies["AMD EPYC 7002 Rome 64-core package (e.g. EPYC 7742)"] == 9
    assert dies["AWS Graviton3"] == 7
    assert dies["Intel Pentium Extreme Edition 955 (Presler)"] == 2
    assert dies["Apple M3 Max (16-core CPU)"] == 1 and dies["Intel 4004"] == 1


def test_projections_from_the_4004(cpus):
    two = hardware.moore_projection(1971, 2.0, cpus)
    assert (two.anchor_name, two.anchor_year, two.anchor_count) == ("Intel 4004", 1971, 2300)
    assert two.end_year == 2025
    assert f"{two.projected_at_end:.3g}" == "3.09e+11"
    # Per die (the default) the largest chip by 2025 is the M3 Max: almost two doublings short.
    assert two.actual_name_at_end == "Apple M3 Max (16-core CPU)" and two.actual_at_end == 9.2e10
    assert round(two.ratio_at_end, 2) == 3.36 and 2 < two.ratio_at_end < 4
    package = hardware.moore_projection(1971, 2.0, cpus, per_die=False)
    assert package.actual_name_at_end == "Apple M3 Ultra" and package.actual_at_end == 1.84e11
    assert round(package.ratio_at_end, 2) == 1.68 and package.ratio_at_end < 2
    assert round(hardware.moore_projection(1971, 1.5, cpus).ratio_at_end) == 1718
    assert round(hardware.moore_projection(1971, 1.5, cpus, per_die=False).ratio_at_end) == 859


# --- Dennard scaling -------------------------------------------------------------------------


def test_one_generation_at_root_two():
    rules = hardware.dennard_scaling(KAPPA)
    assert round(rules.frequency, 3) == 1.414  # "41 % faster"
    assert round(rules.power_per_circuit, 3) == 0.5 and round(rules.power_density, 3) == 1
    assert round(rules.circuits_per_area, 3) == 2
    held = hardware.post_dennard_scaling(KAPPA)
    assert round(held.power_per_circuit, 3) == 1 and round(held.power_density, 3) == 2
    both = hardware.post_dennard_scaling(KAPPA, False)
    assert round(both.power_density, 3) == 1.414


def test_five_generations():
    dennard = hardware.scaling_over_generations(KAPPA, 5, True, True)
    assert round(dennard.frequency[-1], 2) == 5.66 and round(dennard.power_density[-1], 6) == 1
    held = hardware.scaling_over_generations(KAPPA, 5, False, True)
    assert round(held.power_density[-1], 6) == 32
    assert round(100 * held.usable_fraction[-1], 1) == 3.1
    both = hardware.scaling_over_generations(KAPPA, 5, False, False)
    assert round(both.power_density[-1], 2) == 5.66
    assert round(100 * both.usable_fraction[-1], 1) == 17.7


# --- The data: clock plateau, power, cores, 2012 ---------------------------------------------


def test_clock_plateau(cpus):
    plateau = hardware.fit_clock_plateau(cpus, n_bootstrap=1000, seed=0)
    assert round(plateau.breakpoint, 2) == 2006.75
    assert _ci(plateau.breakpoint_ci, 1) == [2004.3, 2008.5]
    assert not plateau.breakpoint_ci[0] <= 2012 <= plateau.breakpoint_ci[1]
    assert round(plateau.doubling_time_before, 2) == 2.74
    assert round(plateau.growth_after, 3) == 0.987
    fastest = cpus.loc[cpus.clock_mhz.idxmax()]
    assert fastest["name"].startswith("Intel Core i7-8086K")
    assert (fastest.year, fastest.clock_mhz) == (2018, 5000)


def test_power_caps_at_130_watts(cpus):
    assert cpus.power_w.max() == 130
    top = cpus[cpus.power_w == 130]
    assert sorted(zip(top.year, top.name.str[:28], strict=True)) == [
        (2006, "Intel Pentium Extreme Editio"), (2008, "Intel Core i7-965 Extreme Ed")]
    assert cpus.power_w.min() == 1


def test_multicore_switch(cpus):
    window = cpus.query("2002 <= year <= 2013")
    assert window.clock_mhz.min() == 2400 and window.clock_mhz.max() == 4700
    assert window[window.cores == 2].year.min() == 2006
    assert window[window.cores == 4].year.min() == 2008
    assert window[window.year < 2006].cores.max() == 1


def test_single_thread_eras_panel():
    eras = load_single_thread_eras()
    single = hardware.single_thread_series(eras)
    assert eras.growth_percent_per_year.tolist() == [22, 52, 23, 12, 3.5]
    assert (single.era_start[0], single.era_end[-1]) == (1978, 2017)
    assert single.doubling_time_years.round(2).tolist() == [3.49, 1.66, 3.35, 6.12, 20.15]
    assert round(single.doubling_time_years[-1]) == 20  # "a doubling every 20 years"
    assert round(single.gain(1986, 2003)) == 1234  # 17 years at 52 %/yr
    assert round(single.gain(2003, 2017), 2) == 8.83  # 14 years at 23, 12, 3.5 %/yr
    assert round(single.total_gain, -4) == 50_000  # "about 50,000 times the 1978 level"


def test_no_intel_transistor_count_after_2013(cpus):
    intel = cpus[cpus.vendor == "Intel"]
    counted = intel.dropna(subset=["transistors"])
    last = counted.loc[counted.year.idxmax()]
    assert last["name"].startswith("Intel Core i7-4770K") and last.year == 2013
    later = intel[intel.year > 2013]
    assert len(later) == 2 and later.transistors.isna().all()


def test_after_2012_per_die_and_per_package(cpus):
    """Issue 8: without the multi-die packages the doubling after 2012 is about 2.3 years."""
    before = hardware.transistor_trend(cpus, start_year=1971, end_year=2011)
    after = hardware.transistor_trend(cpus, start_year=2012, end_year=2025)
    assert round(before.doubling_time, 2) == 2.10 and round(after.doubling_time, 2) == 2.34
    assert after.n_points == 9 and _ci(after.doubling_time_ci, 2) == [1.81, 3.29]
    whole = {span: hardware.transistor_trend(cpus, start_year=span[0], end_year=span[1],
                                             per_die=False)
             for span in ((1971, 2011), (2012, 2025))}
    assert {round(fit.doubling_time, 2) for fit in whole.values()} == {2.09}
    assert whole[(2012, 2025)].n_points == 13


# --- Accelerators ----------------------------------------------------------------------------


def test_b200_precision_ladder_and_matrix_units(chips):
    rates = [hardware.peak_tflops(chips, B200, p) for p in ("fp32", "tf32", "bf16", "fp8", "fp4")]
    assert rates == [75, 1100, 2250, 4500, 9000]
    assert hardware.generation_ratio(chips, B200, B200, "fp4", "fp32") == 120
    assert round(hardware.generation_ratio(chips, V100, V100, "fp16", "fp32"), 2) == 7.96
    assert hardware.peak_tflops(chips, V100, "fp16") == 125
    assert hardware.peak_tflops(chips, V100, "fp32") == 15.7


def test_four_generations_like_for_like(chips):
    steps = [hardware.compare_chips(chips, a, b, "fp16")
             for a, b in [(A100, V100), (H100, A100), (B200, H100)]]
    assert [round(c.ratio, 2) for c in steps] == [2.5, 3.17, 2.27]
    whole = hardware.compare_chips(chips, B200, V100, "fp16")
    assert round(whole.ratio, 6) == 18 and whole.years_apart == 7
    assert round(whole.implied_doubling_time, 2) == 1.68
    assert round(whole.ratio_per_watt, 1) == 5.4
    assert (whole.second.power_w, whole.first.power_w) == (300, 1000)
    bandwidth = chips.set_index("name").bandwidth_tbps
    assert (bandwidth[V100], bandwidth[B200]) == (0.9, 7.7)
    assert (whole.second.peak_tflops, whole.first.peak_tflops) == (125, 2250)


def test_price_performance_of_the_last_step(chips):
    prices = chips.set_index("name").price_usd
    assert (prices[H100], prices[B200]) == (25_000, 30_000)
    assert math.isnan(prices[V100]) and math.isnan(prices[A100])
    step = hardware.compare_chips(chips, B200, H100, "bf16")
    assert round(step.ratio_per_dollar, 2) == 1.89
    assert round(hardware.implied_doubling_time(step.ratio_per_dollar, step.years_apart), 2) \
        == 2.17


def test_the_a100_claims(chips):
    assert round(hardware.generation_ratio(chips, A100, V100, "tf32", "fp32"), 2) == 9.94
    assert round(hardware.generation_ratio(chips, A100, V100, "fp32"), 2) == 1.24
    assert round(hardware.generation_ratio(chips, A100, V100, "fp16"), 1) == 2.5
    # The sparse TF32 headline is twice the dense rate: 312 / 15.7 = 19.9, the "20x".
    sparse_tf32 = 2 * hardware.peak_tflops(chips, A100, "tf32")
    v100_fp32 = hardware.peak_tflops(chips, V100, "fp32")
    assert sparse_tf32 == 312 and round(sparse_tf32 / v100_fp32, 1) == 19.9
    assert round(hardware.compare_chips(chips, A100, V100, "fp16").implied_doubling_time, 2) \
        == 2.27


# --- Calculators -----------------------------------------------------------------------------


def test_dennard_calculator_default():
    result = dennard_calculator().result
    assert round(result.frequency[-1], 2) == 5.66 and round(result.power_density[-1], 6) == 32
    assert round(100 * result.usable_fraction[-1], 1) == 3.1


def test_moore_calculator_default():
    result = moore_calculator().result
    assert f"{result.projected_at_end:.3g}" == "3.09e+11" and round(result.ratio_at_end, 2) == 3.36
    assert result.actual_name_at_end == "Apple M3 Max (16-core CPU)"


def test_accelerator_calculator_default():
    result = accelerator_calculator().result
    assert (result.first.name, result.second.name, result.first.precision) == (A100, V100, "fp16")
    assert round(result.ratio, 1) == 2.5 and round(result.ratio_per_watt, 2) == 1.87
    assert round(result.implied_doubling_time, 2) == 2.27


# --- Exercises -------------------------------------------------------------------------------


def test_exercise_moore_1965():
    assert round(hardware.project_transistors(1975, 65_000, 1.0, 1965), 1) == 63.5


def test_exercise_fitted_doubling(cpus):
    near = hardware.moore_projection(1971, 2.2, cpus)
    assert round(near.ratio_at_end, 3) == 0.612
    two = hardware.moore_projection(1971, 2.0, cpus)
    assert round(two.ratio_at_end / near.ratio_at_end, 1) == 5.5
    assert round((near.end_year - near.anchor_year) / 2.2) == 25
    trend = hardware.transistor_trend(cpus)
    assert f"{trend.predict(2025.0):.3g}" == "8.45e+10"
    assert round(near.actual_at_end / trend.predict(2025.0), 2) == 1.09


def test_exercise_mixed_formats(chips):
    assert round(hardware.generation_ratio(chips, H100, A100, "fp8", "bf16"), 2) == 6.34
    assert round(hardware.generation_ratio(chips, H100, A100, "bf16"), 2) == 3.17


def test_exercise_utilisation(chips):
    full = hardware.compare_chips(chips, A100, V100, "fp16")
    low = hardware.compare_chips(chips, A100, V100, "fp16", utilisation=0.4)
    assert low.ratio == pytest.approx(full.ratio)
    assert low.ratio_per_watt == pytest.approx(full.ratio_per_watt)
    assert low.implied_doubling_time == pytest.approx(full.implied_doubling_time)
    assert low.first.flops_per_watt == pytest.approx(0.4 * full.first.flops_per_watt)
    assert low.first.tflops == pytest.approx(0.4 * full.first.tflops)
    labels = [control.label for control in accelerator_calculator().controls]
    assert "Share of the peak reached" in labels
