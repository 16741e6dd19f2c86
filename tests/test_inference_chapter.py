"""Numbers that chapter 6 states in its prose, calculators and solutions, from the package."""

from __future__ import annotations

import pytest

from scalinglaws import inference as inf
from scalinglaws.datasets import load_accelerators
from scalinglaws.widgets import (
    inference_optimum_calculator,
    lifetime_calculator,
    serving_calculator,
)

H100 = "NVIDIA H100 (SXM5 80GB)"


# --- Lifetime compute --------------------------------------------------------------------------


def test_llama3_8b_breakeven_and_google_scale():
    # "45 trillion"; 3.2 quadrillion tokens a month: "within a day" (10.1 hours)
    n = inf.model_params("Llama 3 8B")
    assert inf.breakeven_inference_tokens(15e12) == 45e12
    hours = inf.lifetime_compute(n, 15e12, 3.2e15 / 30, 30).crossover_day * 24
    assert round(hours, 1) == 10.1 and hours < 24


def test_attention_term_is_about_an_eighth_of_2n():
    # "its attention term is about an eighth of 2N" (13 %)
    a = inf.architecture("Llama 3 8B")
    share = 2 * a["layers"] * 8192 * a["d_model"] / (2 * inf.model_params("Llama 3 8B"))
    assert round(share * 8, 1) == 1.1 and round(100 * share) == 13


def test_lifetime_calculator_defaults_match_the_prose():
    # "inference passes training on day 450, and by the end it is 61.5 %"
    r = lifetime_calculator().result
    assert r.crossover_day == 450
    assert round(100 * r.inference_share, 1) == 61.5


# --- Inference-aware sizing ----------------------------------------------------------------------


def test_reference_definitions_change_the_saving():
    # "44 tokens per parameter, not … 20"; "saves 9 % under the rounded exponents … and 28 %
    # under Besiroglu et al.'s refit"
    savings = {}
    for key, law in inf.INFERENCE_LAWS.items():
        s = inf.inference_aware_sizing(13e9, 2e12, key)
        savings[key] = 1 - inf.lifetime_flops_at_loss(7e9, s.loss, 2e12, law) / \
            s.reference_flops
    assert round(inf.chinchilla_style_tokens(13e9) / 13e9) == 44
    assert round(100 * savings["hoffmann2022"]) == 9
    assert round(100 * savings["besiroglu2024"]) == 28
    assert round(100 * savings["sardana2024"]) == 17


def test_savings_at_two_trillion_tokens():
    # "a 7B reference can cut its lifetime compute by 30 %, a 70B one by about 1 %"
    assert round(100 * (1 - inf.inference_aware_sizing(7e9, 2e12).flops_ratio)) == 30
    assert round(100 * (1 - inf.inference_aware_sizing(70e9, 2e12).flops_ratio)) == 1


def test_optimum_calculator_defaults_match_the_prose():
    # "6.97 billion parameters on 1,248 billion tokens, 82.6 %"
    s = inference_optimum_calculator().result
    assert round(s.optimum.params / 1e9, 2) == 6.97
    assert round(s.optimum.tokens / 1e9) == 1248
    assert round(100 * s.flops_ratio, 1) == 82.6


def test_implied_demand_of_llama_3():
    # "about 88 trillion … twice its break-even of 45 trillion; the 70B for about 19
    # trillion; the 405B … a negative demand"
    def implied(name):
        return inf.implied_inference_tokens(inf.model_params(name),
                                            inf.architecture(name)["train_tokens"])
    assert round(implied("Llama 3 8B") / 1e12) == 88
    assert round(implied("Llama 3 8B") / 45e12) == 2
    assert round(implied("Llama 3 70B") / 1e12) == 19
    assert implied("Llama 3.1 405B") < 0


# --- Serving ----------------------------------------------------------------------------------


def test_h100_ridge_point():
    # "its ridge point of 295 FLOPs per byte (989.5 TFLOP/s over 3.35 TB/s)"
    chip = load_accelerators().set_index("name").loc[H100]
    assert (chip["bf16_tflops_dense"], chip["bandwidth_tbps"]) == (989.5, 3.35)
    assert round(inf.peak_table().loc[H100, "ridge (FLOP/byte, BF16)"]) == 295


def test_serving_calculator_defaults_match_the_prose():
    # "need 33.2 GB and are bandwidth-bound: at most about 1,612 tokens a second, $0.847"
    s = serving_calculator().result
    assert round(s.total_bytes / 1e9, 1) == 33.2 and s.bandwidth_bound
    assert round(s.tokens_per_second) == 1612
    assert round(s.usd_per_million_tokens, 3) == 0.847


def test_batch_one_costs_eight_times_as_much():
    # "about 196 tokens a second and each costs eight times as much"
    one, sixteen = inf.serving_estimate(batch=1), inf.serving_estimate(batch=16)
    assert round(one.tokens_per_second) == 196
    assert round(one.usd_per_million_tokens / sixteen.usd_per_million_tokens) == 8


def test_price_range_is_a_factor_of_4_6():
    # "$2.7 to $12.3 an hour … a factor of 4.6 on the cost"
    low = inf.serving_estimate(usd_per_hour=2.7).usd_per_million_tokens
    high = inf.serving_estimate(usd_per_hour=12.3).usd_per_million_tokens
    assert round(high / low, 1) == 4.6


def test_peak_doublings_quoted():
    # "989.5 to 1,979 … on the H100 … 4,500 to 9,000 on the B200"
    chips = load_accelerators().set_index("name")
    assert (chips.loc[H100, "bf16_tflops_dense"], chips.loc[H100, "fp8_tflops_dense"]) == (
        989.5, 1979)
    b200 = chips.loc["NVIDIA B200 (HGX B200 SXM6 180GB)"]
    assert (b200["fp8_tflops_dense"], b200["fp4_tflops_dense"]) == (4500, 9000)


def test_kv_cache_and_nvfp4_ratios():
    # "128 KiB per token … a gibibyte for an 8,192-token sequence"; "about 3.6 times smaller
    # than BF16 and 1.8 times smaller than FP8"
    assert inf.kv_cache_bytes("Llama 3 8B", "bf16", 1) == 128 * 2**10
    assert inf.kv_cache_bytes("Llama 3 8B", "bf16", 8192) == 2**30
    bits = inf.PRECISION_BITS
    assert round(bits["bf16"] / bits["nvfp4"], 1) == 3.6
    assert round(bits["fp8"] / bits["nvfp4"], 1) == 1.8


# --- Reliability ------------------------------------------------------------------------------


def test_reliability_numbers():
    # "a third of the time … nine times in ten … 99.99 %"; the figure's 7, 69 and 693 steps
    assert round(inf.compound_success(0.99, 100), 2) == 0.37
    assert round(inf.compound_success(0.999, 100), 1) == 0.9
    assert round(100 * inf.step_success_for(0.99, 100), 2) == 99.99
    assert [round(inf.steps_at_success(p)) for p in (0.9, 0.99, 0.999)] == [7, 69, 693]


# --- Exercises ----------------------------------------------------------------------------------


# --- Dollars instead of FLOPs (Sardana et al.'s cost variant) -----------------------------------


def test_cost_table_numbers_in_the_prose():
    # README prices: cost optimum 20.5B > FLOP optimum 15.2B; 12.5T tokens "weigh like 4.0
    # trillion"; a decode FLOP "about half" a training FLOP, a prefill FLOP "a quarter"
    readme = inf.cost_optimal(1.947, 1e13, 2.5e12, inf.SARDANA_README_COSTS)
    assert round(readme.optimum.params / 1e9, 1) == 20.5
    assert round(readme.flop_optimum.params / 1e9, 1) == 15.2
    assert round(readme.equivalent_tokens / 1e12, 1) == 4.0
    costs = inf.SARDANA_README_COSTS
    assert round(costs.decode_usd_per_flop / costs.train_usd_per_flop, 1) == 0.5
    assert round(costs.prefill_usd_per_flop / costs.train_usd_per_flop, 2) == 0.27
    # one H100 price, 1 % decode MFU: "50 times", "135 trillion", "8.5 billion parameters on
    # 20.7 trillion tokens, 2,424 per parameter, at 35 %" of the Chinchilla-style cost
    same = inf.SAME_CHIP_LOW_DECODE_MFU
    assert same.decode_usd_per_flop / same.train_usd_per_flop == pytest.approx(50)
    low = inf.cost_optimal(1.947, 1e13, 2.5e12, same)
    assert round(low.equivalent_tokens / 1e12) == 135
    assert round(low.optimum.params / 1e9, 1) == 8.5
    assert round(low.optimum.tokens / 1e12, 1) == 20.7
    assert round(low.optimum.tokens_per_param) == 2424
    assert round(100 * low.cost_ratio) == 35
    # the same H100 price is the serving calculator's default rate
    assert same.train_usd_per_hour == serving_calculator().result.usd_per_hour


def test_optimum_calculator_objectives_match_the_prose():
    # "moves the optimum from 6.97 to 3.78 billion parameters, trained on 4,299 billion tokens
    # for 43.0 %"; "the README's hardware gives 9.21 billion and 95.2 %"; the split is 4 : 1
    assert inf.INPUT_SHARE == 4 / 5
    calc = inference_optimum_calculator()
    assert round(calc.result.optimum.params / 1e9, 2) == 6.97
    same = calc.set(objective="same-chip")
    assert round(same.optimum.params / 1e9, 2) == 3.78
    assert round(same.optimum.tokens / 1e9) == 4299
    assert round(100 * same.flops_ratio, 1) == 43.0
    readme = calc.set(objective="readme")
    assert round(readme.optimum.params / 1e9, 2) == 9.21
    assert round(100 * readme.flops_ratio, 1) == 95.2


def test_decode_mfu_at_the_serving_default():
    # "2.6 % of the peak at batch 16", against the code's assumed 1 %
    assert round(100 * inf.serving_estimate().decode_mfu, 1) == 2.6


# --- Hardware for serving and for training ------------------------------------------------------


def test_llama3_interruptions_one_every_three_hours():
    # "419 unexpected interruptions, one every three hours" in a 54-day snapshot
    from scalinglaws.outlook.reliability import LLAMA3_SNAPSHOT as s
    assert (s["unexpected"], s["days"]) == (419, 54)
    assert round(24 * s["days"] / s["unexpected"]) == 3


def test_serving_hardware_numbers_in_the_prose():
    # "five 16 GB TPU v5e chips or three Inferentia2 chips ... where one Ironwood or H100
    # does, and a Groq system needs 306 chips"; ridge points "a few hundred FLOPs per byte"
    t = inf.serving_hardware_table()
    column = "chips for Llama 3 70B weights (FP8)"
    assert t.loc["Google TPU v5e", "memory (GB)"] == 16
    assert t.loc["Google TPU v5e", column] == 5
    assert t.loc["Google TPU7x (Ironwood)", column] == t.loc[H100, column] == 1
    w70 = inf.weight_bytes(inf.model_params("Llama 3 70B"), "fp8")
    assert inf.chips_to_hold(w70, 32 * 2**30) == 3
    assert inf.chips_to_hold(w70, 220 * 2**20) == 306
    ridges = list(t["ridge (FLOP/byte, BF16)"]) + [190e12 / (820 * 2**30)]
    assert all(200 < r < 400 for r in ridges)
    # GPU power: 16,384 x 700 W = 11.5 MW; 72 x 1,200 W = 86.4 kW per NVL72 rack
    watts = load_accelerators().set_index("name")["power_w"]
    assert round(16384 * watts[H100] / 1e6, 1) == 11.5
    assert 72 * watts["NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)"] == 86_400


def test_cache_transfer_going_deeper():
    # "a 1 GiB cache", "21.5 ms" over 400 Gb/s; 8 key-value heads for 32 query heads: "four
    # times smaller"
    kv = inf.kv_cache_bytes("Llama 3 8B", "bf16", 8192)
    assert kv == 2**30
    assert round(1e3 * inf.transfer_seconds(kv, 400), 1) == 21.5
    a = inf.architecture("Llama 3 8B")
    assert a["heads"] / a["kv_heads"] == 4


def test_exercise_crossover():
    r = inf.lifetime_compute(inf.model_params("Llama 3 70B"), 15e12, 1e12, 365)
    assert r.crossover_day == 45
    assert round(100 * r.inference_share, 1) == 89.0


def test_exercise_70b_with_heavy_demand():
    s = inf.inference_aware_sizing(70e9, 1e13)
    assert round(s.reference_tokens / 1e9) == 4255 and round(s.reference_tokens / 70e9) == 61
    o = s.optimum
    assert round(o.params / 1e9, 1) == 41.6 and round(o.tokens / 1e9) == 7923
    assert round(o.tokens_per_param) == 191
    assert round(100 * s.flops_ratio, 1) == 88.1


def test_exercise_h200_fp8():
    s = inf.serving_estimate("Llama 3 70B", "fp8", "NVIDIA H200 (SXM 141GB)")
    assert round(s.total_bytes / 1e9, 1) == 92.0 and s.n_accelerators == 1
    assert s.bandwidth_bound and round(s.tokens_per_second) == 835
    assert round(s.usd_per_million_tokens, 2) == 1.64
    chip_memory = load_accelerators().set_index("name").loc["NVIDIA H200 (SXM 141GB)",
                                                            "memory_gb"]
    assert round(inf.weight_bytes(inf.model_params("Llama 3 70B"), "bf16") / 1e9, 1) == 141.1
    assert inf.weight_bytes(inf.model_params("Llama 3 70B"), "bf16") > chip_memory * 1e9


def test_exercise_reliability():
    assert round(inf.step_success_for(0.9, 50), 4) == 0.9979
    assert round(inf.steps_at_success(0.999)) == 693


@pytest.mark.parametrize("name", ["lifetime", "inference-optimum", "serving"])
def test_chapter_calculators_have_live_views(name):
    from pathlib import Path

    view = Path(__file__).resolve().parents[1] / "book/static/live/views" / f"{name}.js"
    assert view.is_file()


# --- Figures, checked by their data ------------------------------------------------------------


def test_tokens_per_param_figure_plots_the_runs_table_and_the_curves():
    from scalinglaws.datasets import load_training_runs
    from scalinglaws.figures import inference as figures

    ax = figures.tokens_per_param_figure().axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    runs = load_training_runs()
    points = lines["published runs (training_runs.csv)"]
    assert list(points.get_xdata()) == list(runs["params"])
    assert list(points.get_ydata()) == list(runs["tokens"] / runs["params"])
    reference = lines["compute-optimal under Sardana et al.'s law"]
    x, y = reference.get_xdata(), reference.get_ydata()
    assert y[list(x).index(1e10)] == pytest.approx(inf.chinchilla_style_tokens(1e10) / 1e10)
    assert ax.get_xscale() == ax.get_yscale() == "log"
    named = {text.get_text() for text in ax.texts}
    assert set(figures.LABELLED_RUNS) <= named


def test_savings_figure_curves_fall_with_demand_and_pass_the_default():
    from scalinglaws.figures import inference as figures

    ax = figures.savings_figure(demands=[1e9, 2e12, 1e14]).axes[0]
    shares = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert list(shares) == ["7B reference", "13B reference", "30B reference", "70B reference"]
    assert round(shares["13B reference"][1], 1) == 82.6
    for values in shares.values():
        assert values[0] > values[1] > values[2] and round(values[0]) == 100


def test_compound_success_figure_halves_where_steps_at_success_says():
    import numpy as np

    from scalinglaws.figures import inference as figures

    ax = figures.compound_success_figure().axes[0]
    for line, p in zip(ax.get_lines()[:3], (0.9, 0.99, 0.999), strict=True):
        x, y = line.get_xdata(), line.get_ydata()
        crossing = np.interp(0.5, y[::-1], x[::-1])
        assert crossing == pytest.approx(inf.steps_at_success(p), rel=0.06)
