"""Numbers that chapter 2 states in its prose and solutions, recomputed from the package."""

import numpy as np
import pytest

from scalinglaws import powerlaw


def test_what_ten_times_more_buys():
    ratios = [law.loss_ratio(10) for law in (powerlaw.KAPLAN_2020_PARAMS,
                                             powerlaw.KAPLAN_2020_DATA,
                                             powerlaw.KAPLAN_2020_COMPUTE)]
    assert [round(r, 3) for r in ratios] == [0.839, 0.804, 0.891]
    assert [round(100 * (1 - r)) for r in ratios[:1]] == [16]


def test_halving_loss_takes_about_nine_thousand_times_more_parameters():
    law = powerlaw.KAPLAN_2020_PARAMS
    factor = law.amount_for_loss(law.loss(1e9) / 2) / 1e9
    assert round(factor, -2) == 9100  # the chapter's "about 9,100 times"
    assert factor == pytest.approx(2 ** (1 / law.alpha))


def test_exercise_ten_percent_cut_needs_four_times_the_parameters():
    law = powerlaw.KAPLAN_2020_PARAMS
    assert round(law.amount_for_loss(0.9 * law.loss(1e9)) / 1e9, 2) == 4.0


def test_exercise_two_points():
    assert round(powerlaw.two_point_exponent(1e8, 3.0, 1e9, 2.6), 4) == -0.0621


def test_offset_trap_gives_about_minus_0_06():
    n = np.logspace(8, 10, 10)
    assert round(powerlaw.fit_power_law(n, 1.69 + 406.4 * n**-0.34).exponent, 2) == -0.06


def test_coverage_with_and_without_the_floor():
    seeds = range(1000)
    plain = np.mean([powerlaw.simulate_and_fit(seed=s).covers_truth for s in seeds])
    floored = np.mean([powerlaw.simulate_and_fit(seed=s, offset=0.5).covers_truth
                       for s in seeds[:200]])
    assert 0.93 <= plain <= 0.97 and floored < 0.05
    twenty = np.mean([powerlaw.simulate_and_fit(n_points=20, noise=0.2, seed=s).covers_truth
                      for s in seeds])
    assert 0.93 <= twenty <= 0.97  # exercise 5: "it stays near 95 %"
