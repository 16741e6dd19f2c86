"""Numbers that chapter 7 states in its prose, calculators and solutions, from the package."""

from __future__ import annotations

import math

import pytest
from scipy.optimize import brentq

from scalinglaws import chinchilla as ch
from scalinglaws import outlook as ol
from scalinglaws import outlook_formulas as f
from scalinglaws.datalimits import MUENNIGHOFF_2023
from scalinglaws.datasets import load_accelerators
from scalinglaws.widgets import energy_calculator, leap_calculator, reliability_calculator

H100 = "NVIDIA H100 (SXM5 80GB)"
V100 = "NVIDIA V100 (SXM2 16GB)"
LLAMA3_MTBF = ol.device_mtbf_from_interruptions(16_384, 54, 419)


@pytest.fixture(scope="module")
def chips():
    return load_accelerators().set_index("name")


# --- Energy ---------------------------------------------------------------------------------


def test_chip_efficiencies(chips):
    # "989.5 TFLOP/s at 700 W is 1.41 TFLOP per joule, more than three times the V100's"
    assert (chips.loc[H100, "bf16_tflops_dense"], chips.loc[H100, "power_w"]) == (989.5, 700)
    h100, v100 = ol.chip_flops_per_joule(H100), ol.chip_flops_per_joule(V100, "fp16")
    assert round(h100 / 1e12, 2) == 1.41 and 3 < h100 / v100 < 4
    # "Each narrower format doubles the dense rate (FP8, then FP4)"
    assert ol.chip_flops_per_joule(H100, "fp8") == pytest.approx(2 * h100)
    b200 = "NVIDIA B200 (HGX B200 SXM6 180GB)"
    assert ol.chip_flops_per_joule(b200, "fp4") == pytest.approx(
        4 * ol.chip_flops_per_joule(b200, "bf16"))


def test_llama31_energy_check_and_calculator_default():
    # "26.7 million GPU-hours, 20.5 GWh"; "9,138 t"; the card: 30.84M h × 700 W = 21.6 GWh,
    # "within 5 %", "averaged 35 % of the dense peak"; Meta's 8,930 t.
    run = energy_calculator().result
    assert run == ol.training_energy(3.8e25, H100, "bf16", 0.40, 1.1, 445)
    assert (round(run.accelerator_hours / 1e6, 1), round(run.energy_gwh, 1)) == (26.7, 20.5)
    assert round(run.emissions_tonnes) == 9138
    card = ol.training_energy_table().set_index("name").loc["Llama 3.1 405B"]
    assert round(card["energy_gwh"], 1) == 21.6 and card["emissions_tco2e"] == 8930
    assert abs(run.energy_gwh / card["energy_gwh"] - 1) < 0.05
    assert round(100 * 3.8e25 / (card["accelerator_hours"] * 3600 * 989.5e12)) == 35


def test_grids_and_data_centres():
    # "445 g/kWh"; France "about 57 g/kWh, an eighth of the world's average"
    assert ol.GRID_INTENSITY["world_2024"] == 445
    assert round(24.7 / 433 * 1e3) == ol.GRID_INTENSITY["france_bloom"] == 57
    assert round(ol.GRID_INTENSITY["world_2024"] / ol.GRID_INTENSITY["france_bloom"]) == 8
    # "about 415 TWh in 2024 ... about 945 TWh by 2030"
    assert (ol.DATA_CENTRES_2024_TWH, ol.DATA_CENTRES_2030_TWH) == (415, 945)
    assert ol.PUE == {"uptime_2023": 1.58, "google_2021": 1.10}


def test_power_wall_numbers(chips):
    # "300 W (V100, 2017) to 700 W (H100) and 1,000 to 1,200 W for the Blackwell generation";
    # "The TPU v4's 192 W ... a measured maximum"
    assert (chips.loc[V100, "power_w"], chips.loc[V100, "year"]) == (300, 2017)
    blackwell = chips[chips.index.str.contains("B200|B300|GB200")]["power_w"]
    assert (blackwell.min(), blackwell.max()) == (1000, 1200)
    assert chips.loc["Google TPU v4", "power_w"] == 192
    assert chips.loc["Google TPU v4", "power_basis"] == "measured maximum"


def test_sparse_energy_in_patterson():
    # "GShard-600B and Switch Transformer trained on 24 and 179 MWh, against GPT-3's 1,287"
    table = ol.load_training_energy().set_index("name")["energy_mwh"]
    assert (round(table["GShard-600B"]), table["Switch Transformer 1.5T"],
            table["GPT-3 175B"]) == (24, 179, 1287)


# --- Growth ---------------------------------------------------------------------------------


def test_frontier_fit():
    # "x3.19 a year (95 % CI 1.83 to 5.57), doubling every 7.2 months"; summary "about 3.2×",
    # "(1.8 to 5.6)"
    growth = ol.frontier_compute_growth()
    assert round(growth.growth_per_year, 2) == 3.19
    assert tuple(round(v, 2) for v in growth.growth_ci) == (1.83, 5.57)
    assert tuple(round(v, 1) for v in growth.growth_ci) == (1.8, 5.6)
    assert round(growth.doubling_months, 1) == 7.2


def test_published_rates():
    rates = [row["growth"] for row in ol.COMPUTE_GROWTH_ESTIMATES]
    assert rates == [4.0, 4.0, 4.5, 4.7, 4.6]
    # "five and six months are two roundings of about 5.4 months"
    assert round(float(f.doubling_months(4.7)), 1) == 5.4
    assert 5 < float(f.doubling_months(4.6)) < 5.5
    assert round(float(f.doubling_months(4.0))) == 6
    # price-performance "about every 2.5 years ... about 1.3× a year"
    assert round(2 ** (1 / 2.46), 1) == 1.3
    # "9.1 years"; "5.4"
    assert round(ol.years_for_factor(1e6, 4.6), 1) == 9.1
    assert round(ol.years_for_factor(1e6, ol.effective_growth(4.6, 8)), 1) == 5.4
    assert round(ol.algorithmic_growth(8), 1) == 2.8
    assert ol.ALGORITHMIC_HALVING["v1_95"] == (5, 14)
    assert ol.ALGORITHMIC_HALVING["neurips_90"] == (2, 22)


# --- Sparsity --------------------------------------------------------------------------------


def test_moe_numbers():
    table = ol.moe_table().set_index("model")
    deepseek, mixtral = table.loc["DeepSeek-V3"], table.loc["Mixtral 8x7B"]
    assert (deepseek["total_params"], deepseek["active_params"]) == (671e9, 37e9)
    assert f"{deepseek['training_flops']:.3g}" == "3.29e+24"
    assert deepseek["training_flops"] < 3.8e25 / 10  # "less than a tenth"
    assert round(mixtral["gflops_per_token"], 1) == 25.8
    assert round(mixtral["bf16_weights_gb"]) == 93


# --- Reliability -----------------------------------------------------------------------------


def test_snapshot_rates():
    # "7.76 a day, one every 3.1 h"; "50,677 GPU-hours = 5.8 GPU-years"; "At 100,000 GPUs ...
    # every half hour"
    assert round(419 / 54, 2) == 7.76 and round(24 * 54 / 419, 1) == 3.1
    assert round(LLAMA3_MTBF) == 50_677
    assert round(LLAMA3_MTBF / (24 * 365), 1) == 5.8
    assert round(LLAMA3_MTBF / 100_000 * 60) == 30


def test_reliability_calculator_default_and_prose():
    # "7.76 interruptions a day, a checkpoint every 13.9 minutes, and a goodput of 87.6 %"
    plan = reliability_calculator().result
    assert plan == ol.checkpoint_plan(16_384, 50_677, 0.55, 10)
    assert round(ol.llama3_checkpoint_minutes(), 2) == 0.55
    assert (round(plan.interruptions_per_day, 2), round(plan.daly_minutes, 1),
            round(100 * plan.goodput, 1)) == (7.76, 13.9, 87.6)
    # "intervals differ by about 3 %, and their goodputs by less than 0.01 %"
    assert round(100 * (plan.young_minutes / plan.daly_minutes - 1)) == 3
    assert abs(plan.goodput - plan.goodput_young) < 1e-4


def test_restart_solution():
    # "R ≈ 5.1 minutes. With R = 0 the goodput is 92.5 % ... every 186 minutes"
    restart = brentq(lambda r: ol.checkpoint_plan(16_384, 50_677, 0.55, r).goodput - 0.9, 0, 60)
    assert round(restart, 1) == 5.1
    instant = ol.checkpoint_plan(16_384, 50_677, 0.55, 0)
    assert round(100 * instant.goodput, 1) == 92.5 and round(instant.mtbf_minutes) == 186


def test_scale_solution():
    # "below 30 from n ≈ 101,354 GPUs"; "M = 23.2 minutes, 62 interruptions a day, Daly's
    # interval 4.7 minutes and a goodput of 51.8 %"
    assert round(50_677 * 60 / 30) == 101_354
    plan = ol.checkpoint_plan(131_072, 50_677, 0.55, 10)
    assert (round(plan.mtbf_minutes, 1), round(plan.interruptions_per_day),
            round(plan.daly_minutes, 1), round(100 * plan.goodput, 1)) == (23.2, 62, 4.7, 51.8)


# --- The leap --------------------------------------------------------------------------------


def test_leap_prose_and_calculator_default():
    big = leap_calculator().result
    assert big == ol.leap()
    assert f"{big.compute_flops:.1e}" == "3.8e+31"
    assert (round(big.base_params / 1e9), round(big.base_tokens / 1e12)) == (620, 10)
    assert (round(big.params / 1e12), round(big.tokens / 1e15, 1)) == (738, 8.6)
    assert (round(big.base_loss, 3), round(big.loss, 3)) == (1.891, 1.823)
    assert round(100 * big.reducible_left, 1) == 8.5
    assert (round(big.epochs_over_stock, 1), round(big.repeated_worth, 1)) == (28.6, 13.8)
    assert round(MUENNIGHOFF_2023.ceiling, 1) == 16.4
    assert round(big.years, 2) == 9.05 and round(big.years) == 9
    assert round(big.energy_twh) == 20_535 and round(big.energy_twh, -2) == 20_500
    assert round(big.share_of_data_centres_2024, -1) == 50
    assert round(big.energy_twh / ol.DATA_CENTRES_2030_TWH) == 22


def test_where_data_binds_and_the_other_law():
    # "3.9e28 FLOPs, a thousand times today's"; solution: "3.0 orders"; Hoffmann: "2.6e27,
    # 1.8 orders"; "b = 0.55 against 0.49"
    besiroglu = ol.compute_where_data_binds(300e12, "besiroglu2024")
    hoffmann = ol.compute_where_data_binds(300e12, "hoffmann2022")
    assert f"{besiroglu:.1e}" == "3.9e+28" and round(math.log10(besiroglu / 3.8e25), 1) == 3.0
    assert f"{hoffmann:.1e}" == "2.6e+27" and round(math.log10(hoffmann / 3.8e25), 1) == 1.8
    assert (round(ch.HOFFMANN_2022.b, 2), round(ch.BESIROGLU_2024.b, 2)) == (0.55, 0.49)
    # at the binding compute the optimum reads the stock once
    assert ol.leap(besiroglu, 0).epochs_over_stock == pytest.approx(1.0)
    # "109 trillion parameters and 58 quadrillion tokens for the same budget"
    other = ol.leap(law="hoffmann2022")
    assert (round(other.params / 1e12), round(other.tokens / 1e15)) == (109, 58)


def test_returns_solution():
    # "0.663 ... a million-fold leaves 0.085"; Hoffmann "0.702 ... 0.120"; γ "0.154 and 0.178"
    left = ol.returns_per_decade("besiroglu2024").set_index("decades")["reducible_left"]
    assert (round(left[1], 3), round(left[6], 3)) == (0.663, 0.085)
    other = ol.returns_per_decade("hoffmann2022").set_index("decades")["reducible_left"]
    assert (round(other[1], 3), round(other[6], 3)) == (0.702, 0.120)
    gammas = [round(float(f.chinchilla_gamma(law.alpha, law.beta)), 3)
              for law in (ch.HOFFMANN_2022, ch.BESIROGLU_2024)]
    assert gammas == [0.154, 0.178]


# --- Exercises on energy ---------------------------------------------------------------------


def test_gpt3_energy_solution():
    # "1,170 MWh, 9 % below ... 24.6/125 = 19.7 % ... 1,170 × 330/300 = 1,287 MWh"
    run = ol.training_energy(3.14e23, V100, "fp16", 24.6 / 125, 1.10)
    mwh = run.energy_gwh * 1e3
    assert round(mwh) == 1170 and round(100 * (1 - mwh / 1287)) == 9
    assert round(100 * 24.6 / 125, 1) == 19.7
    assert round(mwh * 330 / 300) == 1287


# --- The map and the calculators -------------------------------------------------------------


def test_course_map_targets_are_on_the_formula_sheet():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import formula_sheet

    sheet = {formula.target for formulas in formula_sheet.SECTIONS.values()
             for formula in formulas}
    chapter_7 = {target for chapter, _, target, _ in ol.COURSE_MAP if chapter == 7}
    assert chapter_7 <= sheet
    notebooks = Path(__file__).resolve().parents[1] / "notebooks"
    for _, page in ol.CHAPTERS.values():
        assert (notebooks / page).is_file(), page


def test_calculators_show_bad_input():
    calc = reliability_calculator()
    calc.set(n_devices=0)
    assert calc.result is None and "n_devices" in calc.error
    explorer = leap_calculator()
    explorer.set(growth_per_year=1.0)
    assert explorer.result is None and "growth_per_year" in explorer.error


def test_calculator_figures_show_what_the_prose_says():
    from scalinglaws import plotting

    for calc, legend in ((energy_calculator(), ["this run's energy", "published grids",
                                                 "your grid"]),
                         (reliability_calculator(), ["goodput", "Young √(2δM)", "Daly"]),
                         (leap_calculator(), ["compute-optimal tokens (Besiroglu et al. 2024)",
                                              "stock of text", "today", "×10^6"])):
        fig, ax = plotting.new_figure(*calc.figure_size, fast=True)
        calc.draw(calc.result, fig, ax)
        assert [t.get_text() for t in ax.get_legend().get_texts()] == legend
