"""The unit constants against the figures their sources print."""

import datetime

import pytest

from scalinglaws import units


def test_pf_day_is_kaplans_8_64e19_flops():
    # Kaplan et al. 2020, §1.3: "one PF-day = 10^15 × 24 × 3600 = 8.64 × 10^19".
    assert units.PF_DAY_FLOPS == pytest.approx(8.64e19, rel=1e-12)


def test_seconds_per_day_is_the_calendar_day():
    assert units.SECONDS_PER_DAY == datetime.timedelta(days=1).total_seconds()


def test_six_flops_per_parameter_and_token_gives_gpt3s_compute():
    # Brown et al. 2020, Table D.1: GPT-3 175B, 174,600M parameters, 300B tokens,
    # 3.14E+23 FLOPs = 3.64E+03 PF-days.
    flops = units.FLOPS_PER_PARAM_TOKEN * 174.6e9 * 300e9
    assert f"{flops:.3g}" == "3.14e+23"
    assert f"{flops / units.PF_DAY_FLOPS:.3g}" == "3.64e+03"


def test_training_is_forward_plus_a_backward_pass_twice_as_costly():
    # Kaplan et al. 2020, §2.1: forward 2N per token, the backward pass about twice that.
    assert units.FLOPS_PER_PARAM_TOKEN == 3 * units.INFERENCE_FLOPS_PER_PARAM_TOKEN
