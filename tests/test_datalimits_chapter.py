"""Numbers that chapter 4 states in its prose, calculators and solutions, from the package."""

from __future__ import annotations

import math

import pytest

from scalinglaws import chinchilla as ch
from scalinglaws import datalimits as dl
from scalinglaws.datasets import load_accelerators
from scalinglaws.widgets import quality_calculator, repetition_calculator, runway_calculator

FIGURE_1_BUDGET = 6 * 8.67e9 * 178e9  # Muennighoff et al., Figure 1 (right)


@pytest.fixture(scope="module")
def growth():
    return dl.training_set_growth()


# --- Repeated data ------------------------------------------------------------------------------


def test_repetition_table_numbers():
    # "Four epochs are worth 3.73 times … 93 % … Sixteen epochs 10.58 (66 %) … forty 15.17
    # … the ceiling is 16.39"; "at 40 epochs the last pass is still worth 8 %".
    table = dl.repetition_table([4, 16, 40]).set_index("epochs")
    assert round(table.loc[4, "D'/U_D"], 2) == 3.73
    assert round(100 * table.loc[4, "value per token seen"]) == 93
    assert round(table.loc[16, "D'/U_D"], 2) == 10.58
    assert round(100 * table.loc[16, "value per token seen"]) == 66
    assert round(table.loc[40, "D'/U_D"], 2) == 15.17
    assert round(100 * table.loc[40, "value of the last epoch"]) == 8
    assert round(dl.MUENNIGHOFF_2023.ceiling, 2) == 16.39


def test_unique_params_ratio():
    # "about 0.051 U_D with their fit"
    per_token = dl.effective_params(1e15, 1e9) / (1 + dl.MUENNIGHOFF_2023.rn_star) / 1e9
    assert round(per_token, 3) == 0.051


def test_four_epoch_experiment_prediction():
    # "the law predicts a penalty of 0.68 % against the measured 0.5 %"; "178 billion tokens
    # read, worth 165.8 billion fresh ones".
    four = dl.repetition(178e9 / 4, 4, 8.7e9)
    assert round(100 * four.relative_penalty, 2) == 0.68
    assert round(four.effective_tokens / 1e9, 1) == 165.8


def test_repetition_calculator_defaults_match_the_prose():
    calc = repetition_calculator()
    assert calc.error is None
    assert round(100 * calc.result.relative_penalty, 2) == 0.68
    best = calc.run_action()
    # "For that run's budget (6ND = 9.29e21 FLOPs) the best split is 7.44 billion parameters
    # for 4.68 epochs, where Chinchilla's rule would choose 8.89 billion and 3.92 epochs; …
    # the two losses differ by less than 0.001."
    assert f"{best.compute_flops:.3g}" == "9.29e+21"
    assert (round(best.params / 1e9, 2), round(best.epochs, 2)) == (7.44, 4.68)
    assert (round(best.chinchilla.params / 1e9, 2), round(best.chinchilla_epochs, 2)) == (
        8.89, 3.92)
    assert 0 < best.chinchilla_loss - best.loss < 0.001


# --- phi-1 --------------------------------------------------------------------------------------


def test_phi1_epochs_and_compute():
    # "about 7 epochs" (7.3), "worth 43B fresh tokens", "6ND = 4.0e+20".
    assert round(dl.effective_tokens(7e9, 51 / 7) / 1e9) == 43
    assert f"{ch.training_flops(1.3e9, 51e9):.1e}" == "4.0e+20"


def test_phi1_utilisation_solution():
    # Solution: 770 h at 312 TFLOP/s is 8.6e20 FLOPs; the run used about 46 % of the peak.
    a100 = load_accelerators().set_index("name").loc["NVIDIA A100 (SXM4 80GB)",
                                                       "bf16_tflops_dense"]
    peak_flops = 770 * 3600 * a100 * 1e12
    assert f"{peak_flops:.1e}" == "8.6e+20"
    assert round(100 * ch.training_flops(1.3e9, 51e9) / peak_flops) == 46


# --- Quality ------------------------------------------------------------------------------------


def test_quality_example_and_calculator_defaults():
    # "72.4 billion parameters on 1.33 trillion tokens become 103 billion on 0.93 trillion, the
    # loss falls from 1.974 to 1.956, and the old loss needs half the compute."
    calc = quality_calculator()
    shift = calc.result
    assert shift == dl.quality_shift(ch.GOPHER_FLOPS, "besiroglu2024", 2.0)
    assert (round(shift.base.params / 1e9, 1), round(shift.base.tokens / 1e12, 2)) == (72.4, 1.33)
    assert (round(shift.shifted.params / 1e9), round(shift.shifted.tokens / 1e12, 2)) == (103, 0.93)
    assert (round(shift.base.loss, 3), round(shift.shifted.loss, 3)) == (1.974, 1.956)
    assert shift.compute_saving == pytest.approx(2.0)
    # "larger by q^a … trained on q^-a times the raw tokens"
    assert shift.shifted.params / shift.base.params == pytest.approx(2 ** ch.BESIROGLU_2024.a)
    assert shift.shifted.tokens / shift.base.tokens == pytest.approx(2 ** -ch.BESIROGLU_2024.a)


def test_quality_calculator_switches_law():
    calc = quality_calculator()
    calc.set(data_exponent_change=0.0, law="hoffmann2022")
    assert calc.error is None and calc.result.law is ch.HOFFMANN_2022


def test_doremi_solution():
    # "saves exactly 2.6×… The model grows by 2.6^a = 1.63 (a = 0.513)"
    shift = dl.quality_shift(1e22, "besiroglu2024", 2.6)
    assert shift.compute_saving == pytest.approx(2.6)
    assert round(shift.shifted.params / shift.base.params, 2) == 1.63
    assert round(ch.BESIROGLU_2024.a, 3) == 0.513


# --- Growth and runway --------------------------------------------------------------------------


def test_growth_fit_numbers(growth):
    # "25 runs: x2.67 a year = 0.43 orders of magnitude, 95 % interval 0.32 to 0.53"; all
    # rows "0.48".
    assert growth.n_runs == 25
    assert (round(growth.growth_per_year, 2), round(growth.oom_per_year, 2)) == (2.67, 0.43)
    assert tuple(round(v, 2) for v in growth.oom_ci) == (0.32, 0.53)
    assert round(dl.training_set_growth(exclude=()).oom_per_year, 2) == 0.48


def test_runway_prose_and_calculator_defaults(growth):
    # "that is 2027.0 (2025.9 to 2028.2 across the stock's interval)"
    calc = runway_calculator()
    r = calc.result
    assert (round(r.year, 1), round(r.year_low, 1), round(r.year_high, 1)) == (
        2027.0, 2025.9, 2028.2)
    assert r.growth_per_year == round(growth.growth_per_year, 2)
    # "ten times more data buys 2.3 years, and … the ceiling of 16.4, buys 2.8"
    stretched = runway_calculator()
    assert round(stretched.set(synthetic_multiplier=10).years_gained, 1) == 2.3
    base = dl.runway_year(300e12, 15.6e12, 2024, growth.growth_per_year)
    ceiling = dl.runway_year(300e12, 15.6e12, 2024, growth.growth_per_year,
                             dl.MUENNIGHOFF_2023.ceiling)
    assert round(ceiling - base, 1) == 2.8
    assert round(stretched.set(synthetic_multiplier=1, epochs=100).years_gained, 1) == 2.8


def test_runway_calculator_shows_bad_input():
    calc = runway_calculator()
    calc.set(stock_low=500e12)  # above the central stock
    assert calc.result is None and "stock_low" in calc.error
    calc.set(stock_low=100e12, growth_per_year=0.9)
    assert calc.result is None and "growth_per_year" in calc.error


def test_runway_solution_with_villalobos_growth():
    # "gives 2027.4; … gives 2030.0, 2.6 years later"
    base = dl.runway_year(300e12, 15.6e12, 2024, 10 ** 0.38)
    more = dl.runway_year(300e12, 15.6e12, 2024, 10 ** 0.38, 10)
    assert (round(base, 1), round(more, 1), round(more - base, 1)) == (2027.4, 2030.0, 2.6)
    assert more - base == pytest.approx(1 / 0.38)


# --- Other solutions ----------------------------------------------------------------------------


def test_eight_epochs_solution():
    row = dl.repetition_table([8]).iloc[0]
    assert (round(row["D'/U_D"], 2), round(row["value per token seen"], 3),
            round(row["value of the last epoch"], 3)) == (6.62, 0.828, 0.635)


def test_target_solution():
    assert round(dl.epochs_for_effective_tokens(1e12, 10e12), 1) == 14.5
    with pytest.raises(ValueError, match="ceiling"):
        dl.epochs_for_effective_tokens(1e12, 20e12)


def test_readme_split_solution():
    # "6.8 billion parameters, 227 billion tokens and 9.1 epochs … 8.87 billion parameters on
    # 174 billion tokens, 6.96 epochs"
    opt = dl.data_constrained_optimum(FIGURE_1_BUDGET, 25e9)
    assert (round(opt.params / 1e9, 1), round(opt.tokens / 1e9), round(opt.epochs, 1)) == (
        6.8, 227, 9.1)
    assert (round(opt.chinchilla.params / 1e9, 2), round(opt.chinchilla.tokens / 1e9),
            round(opt.chinchilla_epochs, 2)) == (8.87, 174, 6.96)


def test_effective_data_figure_marks_the_papers_epochs():
    from scalinglaws.figures import datalimits as figures

    fig = figures.effective_data_figure()
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["4: abstract", "16: §6 text", "40: Fig. 1 label"]
    ceiling = [line for line in fig.axes[0].get_lines() if "ceiling" in line.get_label()][0]
    assert math.isclose(ceiling.get_ydata()[0], dl.MUENNIGHOFF_2023.ceiling)
