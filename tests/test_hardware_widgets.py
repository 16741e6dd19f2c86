"""Tests of the hardware chapter's calculators: defaults the prose states, controls driving the
package functions, and bad input shown in the error panel instead of raised."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalinglaws import hardware as hw
from scalinglaws.datasets import load_accelerators
from scalinglaws.widgets.base import Slider
from scalinglaws.widgets.hardware import (
    accelerator_calculator,
    dennard_calculator,
    moore_calculator,
)

V100 = "NVIDIA V100 (SXM2 16GB)"
A100 = "NVIDIA A100 (SXM4 80GB)"
H100 = "NVIDIA H100 (SXM5 80GB)"
B200 = "NVIDIA B200 (HGX B200 SXM6 180GB)"

FACTORIES = [dennard_calculator, moore_calculator, accelerator_calculator]


@pytest.fixture(scope="module")
def dennard():
    return dennard_calculator()


@pytest.fixture(scope="module")
def moore():
    return moore_calculator()


@pytest.fixture(scope="module")
def accelerators():
    return accelerator_calculator()


def _shows_error(calc, name: str) -> None:
    assert calc.result is None
    assert calc.error is not None and name in calc.error
    assert calc.error_panel.layout.display != "none"
    assert name in calc.error_panel.value


def _shows_result(calc) -> None:
    assert calc.error is None
    assert calc.error_panel.layout.display == "none"
    assert "<table>" in calc.result_panel.value
    assert calc.figure_panel.value.startswith("<img alt=")


@pytest.mark.parametrize("factory", FACTORIES)
def test_defaults_render_with_alt_text(factory):
    calc = factory()
    _shows_result(calc)
    alt = calc.figure_panel.value.split('alt="', 1)[1].split('"', 1)[0]
    assert len(alt) > 40


@pytest.mark.parametrize("factory", FACTORIES)
def test_each_calculator_has_a_slider_for_the_benchmark(factory):
    assert any(isinstance(control, Slider) for control in factory().controls)


# --- Dennard ---------------------------------------------------------------------------------


def test_dennard_default_is_the_chapter_number(dennard):
    """κ = √2, 5 generations, voltage held, clock rising: power density ×32, 3.1 % usable."""
    dennard.set(kappa=math.sqrt(2), generations=5, voltage_scales=False, frequency_scales=True)
    expected = hw.scaling_over_generations(math.sqrt(2), 5, False, True)
    np.testing.assert_allclose(dennard.result.power_density, expected.power_density)
    assert dennard.result.power_density[-1] == pytest.approx(32.0)
    assert "×32" in dennard.result_panel.value
    assert "3.12 %" in dennard.result_panel.value


@pytest.mark.parametrize("values", [
    {"kappa": 2.0, "generations": 3, "voltage_scales": True, "frequency_scales": True},
    {"kappa": 1.2, "generations": 10, "voltage_scales": False, "frequency_scales": False},
    {"kappa": 1.0, "generations": 1, "voltage_scales": True, "frequency_scales": False},
])
def test_dennard_controls_drive_the_package(dennard, values):
    result = dennard.set(**values)
    expected = hw.scaling_over_generations(**values)
    for name in ("frequency", "power_per_transistor", "power_density", "chip_power",
                 "usable_fraction"):
        np.testing.assert_allclose(getattr(result, name), getattr(expected, name))
    _shows_result(dennard)


def test_dennard_voltage_scaling_keeps_power_density(dennard):
    result = dennard.set(kappa=math.sqrt(2), generations=5, voltage_scales=True,
                         frequency_scales=True)
    np.testing.assert_allclose(result.power_density, 1.0)
    assert "Dennard scaling: the voltage falls" in dennard.result_panel.value


@settings(max_examples=15, deadline=None)
@given(st.floats(-100, 100, allow_nan=False))
def test_typed_kappa_gives_result_or_error_panel(kappa):
    calc = dennard_calculator()
    calc.set(kappa=kappa)
    if 1 <= kappa <= 10:
        _shows_result(calc)
        assert calc.result.kappa == kappa
    else:
        _shows_error(calc, "kappa")
        assert "between 1 and 10" in calc.error


def test_moving_a_slider_recomputes(dennard):
    dennard.set(kappa=2.0, voltage_scales=False, frequency_scales=False)
    dennard.inputs["generations"].value = 4  # what the browser does: a trait change
    assert dennard.result.power_density[-1] == pytest.approx(2.0**4)
    assert dennard.result.generations == 4


def test_dennard_recovers_after_an_error(dennard):
    assert dennard.set(kappa=0.5) is None
    _shows_error(dennard, "kappa")
    assert dennard.set(kappa=2.0) is not None
    _shows_result(dennard)


# --- Moore -----------------------------------------------------------------------------------


def test_moore_default_is_the_chapter_number(moore):
    """Two-year doubling from the 4004's 2,300 in 1971: 2,300·2²⁷ ≈ 3.09×10¹¹ in 2025."""
    result = moore.set(doubling_time_years=2.0, start_year=1971)
    assert result.anchor_name == "Intel 4004"
    assert result.projected_at_end == pytest.approx(2300 * 2**27)
    assert round(result.ratio_at_end, 2) == 3.36  # the largest single die, the M3 Max
    assert "3.09×10¹¹" in moore.result_panel.value
    assert "2.17 years" in moore.result_panel.value  # the table's own fit, per die
    whole = moore.set(per_die=False)
    assert round(whole.ratio_at_end, 2) == 1.68 and whole.actual_name_at_end == "Apple M3 Ultra"
    assert "2.12 years" in moore.result_panel.value  # packages counted whole


@pytest.mark.parametrize("doubling, start", [(1.5, 1971), (1.0, 1980), (3.0, 2000)])
def test_moore_controls_drive_the_package(moore, doubling, start):
    result = moore.set(doubling_time_years=doubling, start_year=start)
    expected = hw.moore_projection(start, doubling)
    assert result.anchor_name == expected.anchor_name
    assert result.projected_at_end == pytest.approx(expected.projected_at_end)
    np.testing.assert_allclose(result.grid_counts, expected.grid_counts)
    _shows_result(moore)


@pytest.mark.parametrize("start", [1900, 1970, 2025, 3000])
def test_moore_bad_start_year_shows_error(moore, start):
    moore.set(start_year=start)
    _shows_error(moore, "start_year")
    moore.set(start_year=1971)
    _shows_result(moore)


# --- Accelerators ----------------------------------------------------------------------------


def test_accelerator_default_is_the_chapter_number(accelerators):
    """A100 over V100, dense FP16 tensor: 312 / 125 ≈ 2.5, a doubling time of 2.27 years."""
    result = accelerators.set(a=A100, b=V100, precision="fp16", utilisation=1.0)
    assert result.ratio == pytest.approx(hw.generation_ratio(None, A100, V100, "fp16"))
    assert round(result.ratio, 1) == 2.5
    assert round(result.implied_doubling_time, 2) == 2.27
    assert "×2.5" in accelerators.result_panel.value
    assert "no public price" in accelerators.result_panel.value


@pytest.mark.parametrize("a, b, precision, utilisation", [
    (B200, H100, "bf16", 1.0),
    (H100, A100, "tf32", 0.4),
    ("AMD Instinct MI300X", H100, "fp8", 0.5),
])
def test_accelerator_controls_drive_the_package(accelerators, a, b, precision, utilisation):
    result = accelerators.set(a=a, b=b, precision=precision, utilisation=utilisation)
    expected = hw.compare_chips(load_accelerators(), a, b, precision, utilisation)
    assert result.ratio == pytest.approx(expected.ratio)
    assert result.first.flops_per_watt == pytest.approx(expected.first.flops_per_watt)
    assert result.first.tflops == pytest.approx(expected.first.tflops)
    if math.isnan(expected.ratio_per_dollar):
        assert math.isnan(result.ratio_per_dollar)
    else:
        assert result.ratio_per_dollar == pytest.approx(expected.ratio_per_dollar)
    _shows_result(accelerators)


def test_accelerator_prices_are_shown_where_they_exist(accelerators):
    accelerators.set(a=B200, b=H100, precision="bf16", utilisation=1.0)
    assert "per $" in accelerators.result_panel.value
    assert "×1.89" in accelerators.result_panel.value  # FLOP/s per dollar, B200 over H100


def test_accelerator_missing_precision_shows_error(accelerators):
    accelerators.set(a=H100, b=V100, precision="fp8")
    _shows_error(accelerators, "precision")
    assert "V100" in accelerators.error
    accelerators.set(b=A100, precision="bf16")
    _shows_result(accelerators)
