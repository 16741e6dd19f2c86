"""scalinglaws.inference: published numbers (Sardana et al.'s code and paper, Llama 3, NVIDIA's
formats) reproduced, invariants of the optimum and the roofline, and bad input rejected."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalinglaws import inference as inf
from scalinglaws import inference_formulas as f
from scalinglaws.datasets import load_accelerators
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN, INFERENCE_FLOPS_PER_PARAM_TOKEN

REPO = Path(__file__).resolve().parents[1]

LAW = inf.SARDANA_2024
H100 = "NVIDIA H100 (SXM5 80GB)"


# --- The contract: lifetime_flops ---------------------------------------------------------


def test_lifetime_flops_is_training_plus_inference():
    n, d, t = 8.03e9, 15e12, 4.5e13
    assert inf.lifetime_flops(n, d, t) == pytest.approx(
        FLOPS_PER_PARAM_TOKEN * n * d + INFERENCE_FLOPS_PER_PARAM_TOKEN * n * t, rel=1e-15)
    # serving 3·D_train tokens costs as much as training
    assert inf.lifetime_flops(n, d, inf.breakeven_inference_tokens(d)) == pytest.approx(
        2 * inf.lifetime_flops(n, d, 0), rel=1e-15)


def test_zero_inference_tokens_is_valid():
    assert inf.lifetime_flops(1e9, 2e10, 0) == FLOPS_PER_PARAM_TOKEN * 1e9 * 2e10


def test_lifetime_flops_broadcasts_arrays():
    result = inf.lifetime_flops(np.array([1e9, 2e9]), 1e10, 0.0)
    assert result.tolist() == [6e19, 1.2e20]


@pytest.mark.parametrize("name", ["params", "train_tokens", "inference_tokens"])
@given(bad=st.one_of(st.floats(max_value=-1e-300, allow_nan=False, allow_infinity=False),
                     st.sampled_from([math.nan, math.inf, -math.inf])))
@settings(max_examples=30, deadline=None)
def test_lifetime_flops_rejects_negative_or_non_finite(name, bad):
    args = {"params": 1e9, "train_tokens": 2e10, "inference_tokens": 1e10, name: bad}
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        inf.lifetime_flops(**args)


@given(st.text(min_size=1, max_size=5))
@settings(max_examples=20, deadline=None)
def test_lifetime_flops_rejects_text(text):
    with pytest.raises(ValueError, match="^inference_tokens must be"):
        inf.lifetime_flops(1e9, 1e10, text)


def test_crossover_day_of_llama3_8b():
    r = inf.lifetime_compute(inf.model_params("Llama 3 8B"), 15e12, 1e11, 720)
    assert r.breakeven_tokens == 4.5e13  # 3 × 15T, whatever N
    assert r.crossover_day == 450.0
    assert r.crossover_within_service
    assert r.cumulative_inference[-1] == pytest.approx(r.inference_flops, rel=1e-12)


@pytest.mark.parametrize("kwargs, message", [
    ({"params": 0.0}, "^params must be greater than 0"),
    ({"tokens_per_day": -1.0}, "^tokens_per_day must be greater than 0"),
    ({"days": 0}, "^days must be between 1 and 36500"),
    ({"days": 2.5}, "^days must be a whole number"),
])
def test_lifetime_compute_rejects_bad_input(kwargs, message):
    args = {"params": 8e9, "train_tokens": 15e12, "tokens_per_day": 1e11, "days": 720,
            **kwargs}
    with pytest.raises(ValueError, match=message):
        inf.lifetime_compute(**args)


# --- Sardana et al. (2024): the authors' stated examples ------------------------------------


def test_readme_loss_of_70b_on_1t_tokens():
    # nikhilsardana/beyond-chinchilla README and model_calculator.py: loss 1.947
    assert round(LAW.loss(70e9, 1e12), 3) == 1.947


def test_readme_compute_optimal_example():
    # README / compute_optimal.py: loss 1.947, 2e12 inference tokens → N = 2.418e10,
    # D = 2.657e12; 70.96 % of the parameters, 146.77 % of the tokens, 95.22 % of the FLOPs
    # of the Chinchilla-style model of the same loss
    opt = inf.inference_optimal(1.947, 2e12)
    ref = inf.inference_optimal(1.947, 0)
    assert f"{opt.params:.4g}" == "2.418e+10" and f"{opt.tokens:.4g}" == "2.657e+12"
    assert round(100 * opt.params / ref.params, 2) == 70.96
    assert round(100 * opt.tokens / ref.tokens, 2) == 146.77
    ref_flops = inf.lifetime_flops(ref.params, ref.tokens, 2e12)
    assert round(100 * opt.lifetime_flops / ref_flops, 2) == 95.22
    assert f"{ref.params:.4g}" == "3.408e+10" and f"{ref.tokens:.4g}" == "1.81e+12"


def test_readme_30b_chinchilla_style_example():
    # README / cost_calculator.py: D = 1.556e12, loss 1.958253360475841, training FLOPs
    # 2.801e23, and with 1e9 requests of 500 + 100 tokens 3.161e23 in total
    d = inf.chinchilla_style_tokens(30e9)
    assert f"{d:.4g}" == "1.556e+12"
    assert LAW.loss(30e9, d) == pytest.approx(1.958253360475841, rel=1e-12)
    assert f"{inf.lifetime_flops(30e9, d, 0):.4g}" == "2.801e+23"
    assert f"{inf.lifetime_flops(30e9, d, 1e9 * 600):.4g}" == "3.161e+23"


def test_figure_1_thirteen_b_to_seven_b_saves_17_percent():
    # Figure 1 caption: 13B with 2T inference tokens; a 7B model instead saves 1.7e22 (17 %)
    sizing = inf.inference_aware_sizing(13e9, 2e12)
    seven = inf.lifetime_flops_at_loss(7e9, sizing.loss, 2e12)
    saved = sizing.reference_flops - seven
    assert f"{saved:.2g}" == "1.7e+22"
    assert round(100 * saved / sizing.reference_flops) == 17


def test_inference_aware_default_grid_point():
    s = inf.inference_aware_sizing(13e9, 2e12)
    assert round(s.reference_tokens / s.reference_params, 1) == 44.3
    assert round(s.optimum.params / 1e9, 2) == 6.97
    assert round(100 * s.flops_ratio, 1) == 82.6


@given(n=st.floats(1e9, 1e12), t=st.floats(1e8, 1e15),
       law=st.sampled_from(sorted(inf.INFERENCE_LAWS)))
@settings(max_examples=40, deadline=None)
def test_optimum_reaches_the_loss_and_is_a_minimum(n, t, law):
    s = inf.inference_aware_sizing(n, t, law)
    o = s.optimum
    assert s.law.loss(o.params, o.tokens) == pytest.approx(s.loss, rel=1e-10)
    assert o.lifetime_flops <= s.reference_flops * (1 + 1e-12)
    for factor in (0.97, 1.03):
        other = inf.lifetime_flops_at_loss(o.params * factor, s.loss, t, s.law)
        assert other >= o.lifetime_flops * (1 - 1e-12)
    # more demand: a smaller model trained longer
    more = inf.inference_optimal(s.loss, 10 * t + 1e9, s.law)
    assert more.params < o.params and more.tokens > o.tokens


@given(loss=st.floats(1.75, 3.5), t=st.one_of(st.just(0.0), st.floats(1e6, 1e16)))
@settings(max_examples=60, deadline=None)
def test_page_bisection_matches_scipy(loss, t):
    # the website bisects (inference_formulas); the package uses brentq: the same root
    assert f.inference_optimal_tokens(loss, t, LAW) == pytest.approx(
        inf.inference_optimal(loss, t).tokens, rel=1e-11)


def test_no_demand_gives_the_compute_optimal_model():
    s = inf.inference_aware_sizing(30e9, 0.0)
    assert s.optimum.params == pytest.approx(30e9, rel=1e-10)
    assert s.flops_ratio == pytest.approx(1.0, rel=1e-10)


@pytest.mark.parametrize("kwargs, message", [
    ({"loss": 1.69}, r"^loss must be greater than 1\.69"),
    ({"loss": float("nan")}, "^loss must be a finite number"),
    ({"inference_tokens": -1.0}, "^inference_tokens must be at least 0"),
])
def test_inference_optimal_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        inf.inference_optimal(**{"loss": 2.0, "inference_tokens": 1e12, **kwargs})


def test_too_small_a_model_never_reaches_the_loss():
    assert inf.lifetime_flops_at_loss(1e8, 2.0, 0) == math.inf


# --- Cost-optimal sizing (Sardana et al.'s real-world cost) ----------------------------------


def test_readme_cost_optimal_example():
    # README of nikhilsardana/beyond-chinchilla, cost_optimal.py: loss 1.947, 1e10 requests of
    # 1000 input and 250 output tokens, train A100-80 $1.40 at 50 %, serve A100-40 INT8 $0.60
    # at 40 % prefill and 20 % decode: "Model Size (params): 2.053e+10", "Training Data (tok):
    # 3.302e+12", "60.23% of the parameters", "182.41% of the tokens", "88.76%" of the cost.
    c = inf.cost_optimal(1.947, 1e10 * 1000, 1e10 * 250, inf.SARDANA_README_COSTS)
    assert f"{c.optimum.params:.3e}" == "2.053e+10"
    assert f"{c.optimum.tokens:.3e}" == "3.302e+12"
    assert f"{100 * c.optimum.params / c.reference.params:.2f}" == "60.23"
    assert f"{100 * c.optimum.tokens / c.reference.tokens:.2f}" == "182.41"
    assert f"{100 * c.cost_ratio:.2f}" == "88.76"


def test_readme_cost_calculator_example_with_the_scripts_default_prices():
    # cost_calculator.py README: "Train Cost ($): 3.146e+05", "Total (Train + Inference) Cost
    # ($): 6.378e+05" (the script used its default prices, not the ones on its command line)
    defaults = inf.CostAssumptions(2.00, 9.89e14, 0.5, 1.10, 6.24e14, 0.5, 0.01)
    d = inf.chinchilla_style_tokens(30e9)
    assert f"{inf.lifetime_cost(30e9, d, 0, 0, defaults):.3e}" == "3.146e+05"
    assert f"{inf.lifetime_cost(30e9, d, 5e11, 1e11, defaults):.3e}" == "6.378e+05"


def test_equal_prices_and_utilisations_give_the_flop_optimum():
    same = inf.CostAssumptions(3.0, 1e15, 0.4, 3.0, 1e15, 0.4, 0.4)
    c = inf.cost_optimal(2.0, 3e12, 1e12, same)
    assert c.equivalent_tokens == pytest.approx(4e12, rel=1e-12)
    assert c.optimum.params == pytest.approx(c.flop_optimum.params, rel=1e-12)


def test_low_decode_utilisation_shrinks_the_cost_optimum_below_the_flop_optimum():
    c = inf.cost_optimal(1.947, 1e13, 2.5e12, inf.SAME_CHIP_LOW_DECODE_MFU)
    assert c.equivalent_tokens > 10 * (1e13 + 2.5e12)
    assert c.optimum.params < c.flop_optimum.params < c.reference.params
    # cheaper serving hardware (the README's INT8 A100-40s) moves it the other way
    readme = inf.cost_optimal(1.947, 1e13, 2.5e12, inf.SARDANA_README_COSTS)
    assert readme.equivalent_tokens < 1e13 + 2.5e12
    assert readme.flop_optimum.params < readme.optimum.params < readme.reference.params


@given(t_in=st.floats(0, 1e15), t_out=st.floats(0, 1e15), loss=st.floats(1.8, 3.0),
       decode_mfu=st.floats(0.005, 1.0))
@settings(max_examples=40, deadline=None)
def test_cost_optimum_is_never_dearer_than_the_alternatives(t_in, t_out, loss, decode_mfu):
    costs = inf.CostAssumptions(2.0, 1e15, 0.5, 1.0, 1e15, 0.5, decode_mfu)
    c = inf.cost_optimal(loss, t_in, t_out, costs)
    assert c.cost <= c.reference_cost * (1 + 1e-9)
    assert c.cost <= c.flop_optimum_cost * (1 + 1e-9)


@pytest.mark.parametrize("field, bad, message", [
    ("train_mfu", 0.0, r"^train_mfu must be in the range \(0, 1\]"),
    ("decode_mfu", 1.5, r"^decode_mfu must be in the range \(0, 1\]"),
    ("prefill_mfu", float("nan"), "^prefill_mfu must be a finite number"),
    ("inference_usd_per_hour", -1.0, "^inference_usd_per_hour must be greater than 0"),
    ("train_peak_flops", 0.0, "^train_peak_flops must be greater than 0"),
])
def test_cost_assumptions_reject_bad_values(field, bad, message):
    values = {"train_usd_per_hour": 2.0, "train_peak_flops": 1e15, "train_mfu": 0.5,
              "inference_usd_per_hour": 1.0, "inference_peak_flops": 1e15,
              "prefill_mfu": 0.5, "decode_mfu": 0.1, field: bad}
    with pytest.raises(ValueError, match=message):
        inf.CostAssumptions(**values)


@given(bad=st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False) | st.just(math.inf),
       name=st.sampled_from(["input_tokens", "output_tokens"]))
@settings(max_examples=30, deadline=None)
def test_cost_equivalent_tokens_reject_negative_or_infinite_demand(bad, name):
    tokens = {"input_tokens": 1e12, "output_tokens": 1e11, name: bad}
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        inf.cost_equivalent_inference_tokens(**tokens)


def test_usd_per_flop_rejects_free_or_dimensionless_chips():
    with pytest.raises(ValueError, match="^usd_per_hour must be greater than 0"):
        inf.usd_per_flop(0, 1e15)
    with pytest.raises(ValueError, match="^peak_flops must be greater than 0"):
        inf.usd_per_flop(2.0, -1.0)


# --- Models, memory and formats ----------------------------------------------------------------


def test_llama3_parameter_counts_from_the_architecture():
    # names: 8B, 70B, 405B; the configs give 8.03, 70.55 and 405.85 billion
    assert round(inf.model_params("Llama 3 8B") / 1e9, 2) == 8.03
    assert round(inf.model_params("Llama 3 70B") / 1e9, 2) == 70.55
    assert round(inf.model_params("Llama 3.1 405B") / 1e9, 2) == 405.85
    assert 15e12 / inf.model_params("Llama 3 8B") > 1868 - 1


def test_every_architecture_value_has_exactly_one_source_column():
    table = inf.load_model_architectures()
    covered = [column for columns in inf.ARCHITECTURE_SOURCES.values() for column in columns]
    values = [column for column in table.columns
              if column != "name" and column not in inf.ARCHITECTURE_SOURCES]
    assert sorted(covered) == sorted(values)  # each value column once, none left out
    bib = (REPO / "book" / "references.bib").read_text()
    for source_column in inf.ARCHITECTURE_SOURCES:
        for source in table[source_column]:
            assert source.startswith("https://") or f"{{{source}," in bib, source


def test_vocabulary_is_the_released_configs_not_the_papers_table():
    # Llama 3 paper Table 3: "Vocabulary Size 128,000"; the released tokenizer adds
    # num_reserved_special_tokens = 256, and config.json says "vocab_size": 128256.
    table = inf.load_model_architectures()
    assert set(table["vocab_size"]) == {128_000 + 256}
    assert not any(source == "dubey2024llama3" for source in table["vocab_source"])
    # the head dimension is Table 3's model dimension over its heads
    assert (table["head_dim"] * table["heads"] == table["d_model"]).all()


@pytest.mark.parametrize("model, kib", [("Llama 3 8B", 128), ("Llama 3 70B", 320),
                                        ("Llama 3.1 405B", 504)])
def test_kv_cache_per_token_in_bf16(model, kib):
    assert inf.kv_cache_bytes(model, "bf16", 1) == kib * 1024


def test_block_scaled_fp4_overheads_match_nvidia():
    # NVIDIA: NVFP4 "reduces memory footprint by ~3.5x relative to FP16 and ~1.8x relative
    # to FP8"; plain FP4 "~25% of FP16"
    bits = inf.PRECISION_BITS
    assert round(bits["bf16"] / bits["nvfp4"], 1) == 3.6  # ≈ 3.5 as NVIDIA rounds it
    assert round(bits["fp8"] / bits["nvfp4"], 1) == 1.8
    assert bits["mxfp4"] < bits["nvfp4"] < bits["fp8"]


def test_unknown_names_are_rejected():
    with pytest.raises(ValueError, match="^model must be one of Llama 3 8B"):
        inf.architecture("GPT-5")
    with pytest.raises(ValueError, match="^precision must be one of fp32"):
        inf.weight_bytes(1e9, "int3")


# --- Serving: the roofline -----------------------------------------------------------------


def test_batch_one_decoding_is_bandwidth_bound_on_h100():
    s = inf.serving_estimate(batch=1, context=1024)
    chip = load_accelerators().set_index("name").loc[H100]
    ceiling = chip["bandwidth_tbps"] * 1e12 / s.weight_bytes  # weights read once per token
    assert s.bandwidth_bound and s.n_accelerators == 1
    assert 0.99 * ceiling < s.tokens_per_second < ceiling
    assert round(ceiling) == 209  # research note: 3.35e12 / (2 · 8.03e9) ≈ 209 tokens/s


def test_larger_batches_raise_throughput_until_compute_binds():
    rates = [inf.serving_estimate(batch=b, context=1024).tokens_per_second
             for b in inf.BATCH_SIZES]
    assert all(b > a for a, b in zip(rates, rates[1:], strict=False))
    big = inf.serving_estimate(batch=1024, context=1024)
    assert big.tokens_per_second <= big.peak_flops / (2 * big.params) * (1 + 1e-12)


def test_memory_decides_the_number_of_accelerators():
    s = inf.serving_estimate(model="Llama 3 70B")
    assert s.n_accelerators == math.ceil(s.total_bytes / s.memory_per_accelerator)
    assert s.n_accelerators >= 2  # 141 GB of BF16 weights do not fit in 80 GB


def test_cost_scales_with_price_and_falls_with_utilisation():
    base = inf.serving_estimate()
    assert inf.serving_estimate(usd_per_hour=2 * 4.916).usd_per_million_tokens == \
        pytest.approx(2 * base.usd_per_million_tokens, rel=1e-12)
    assert inf.serving_estimate(utilisation=0.5).usd_per_million_tokens == \
        pytest.approx(2 * base.usd_per_million_tokens, rel=1e-12)


@pytest.mark.parametrize("kwargs, message", [
    ({"usd_per_hour": 0}, r"^usd_per_hour must be in the range \(0, 1000\]"),
    ({"utilisation": 1.5}, r"^utilisation must be in the range \(0, 1\]"),
    ({"precision": "nvfp4"}, "^precision 'nvfp4' needs a dense fp4 figure"),
    ({"accelerator": "TPU v1"}, "^accelerator must be the name of a chip"),
    ({"batch": 3}, "^batch must be one of 1, 2, 4"),
    ({"context": 5000}, "^context must be one of 1024"),
])
def test_serving_estimate_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        inf.serving_estimate(**kwargs)


# --- Reliability ----------------------------------------------------------------------------


def test_compound_success_examples():
    assert round(inf.compound_success(0.99, 100), 3) == 0.366
    assert round(inf.compound_success(0.999, 100), 3) == 0.905
    assert inf.compound_success(0.99, inf.steps_at_success(0.99)) == pytest.approx(0.5)


@given(p=st.floats(1.0001, 10) | st.floats(-10, -1e-9))
@settings(max_examples=20, deadline=None)
def test_compound_success_rejects_probabilities_outside_0_1(p):
    with pytest.raises(ValueError, match="^step_success must be between 0 and 1"):
        inf.compound_success(p, 10)


# --- Hardware helpers ---------------------------------------------------------------------------


def test_chips_to_hold_rounds_up_and_needs_at_least_one():
    assert inf.chips_to_hold(80e9, 80e9) == 1
    assert inf.chips_to_hold(80e9 + 1, 80e9) == 2
    assert inf.chips_to_hold(0, 16e9) == 1
    with pytest.raises(ValueError, match="^memory_bytes_per_chip must be greater than 0"):
        inf.chips_to_hold(1e9, 0)
    with pytest.raises(ValueError, match="^total_bytes must be at least 0"):
        inf.chips_to_hold(-1.0, 16e9)


@given(size=st.floats(1, 1e15), link=st.floats(1, 1e5))
@settings(max_examples=30, deadline=None)
def test_transfer_time_is_bits_over_rate(size, link):
    seconds = inf.transfer_seconds(size, link)
    assert seconds * link * 1e9 == pytest.approx(8 * size, rel=1e-12)
    assert inf.transfer_seconds(size, 2 * link) == pytest.approx(seconds / 2, rel=1e-12)


def test_transfer_rejects_a_dead_link():
    with pytest.raises(ValueError, match="^link_gbit_per_s must be greater than 0"):
        inf.transfer_seconds(1e9, 0)


def test_decode_mfu_grows_with_batch_and_never_exceeds_one():
    mfus = [inf.serving_estimate(batch=b).decode_mfu for b in (1, 16, 256)]
    assert mfus == sorted(mfus) and 0 < mfus[0] and mfus[-1] <= 1


# --- The calculator's objective: FLOPs or dollars --------------------------------------------


@pytest.mark.parametrize("objective", sorted(inf.COST_OBJECTIVES))
def test_cost_objective_of_the_sizing_is_cost_optimal(objective):
    # Figure 1's setting, demand split as in the README (1,000 input : 250 output tokens)
    s = inf.inference_aware_sizing(13e9, 2e12, objective=objective)
    c = inf.cost_optimal(s.loss, inf.INPUT_SHARE * 2e12, (1 - inf.INPUT_SHARE) * 2e12,
                         inf.COST_OBJECTIVES[objective])
    assert s.optimum.params == pytest.approx(c.optimum.params, rel=1e-10)
    assert s.flops_ratio == pytest.approx(c.cost_ratio, rel=1e-10)
    assert s.priced_tokens == pytest.approx(c.equivalent_tokens, rel=1e-12)


def test_flops_objective_is_unchanged():
    plain = inf.inference_aware_sizing(13e9, 2e12)
    explicit = inf.inference_aware_sizing(13e9, 2e12, objective="flops")
    assert plain.optimum == explicit.optimum and explicit.priced_tokens == 2e12
    assert round(plain.optimum.params / 1e9, 2) == 6.97


def test_unknown_objective_is_rejected():
    with pytest.raises(ValueError, match="^objective must be one of flops, same-chip, readme"):
        inf.inference_aware_sizing(13e9, 2e12, objective="carbon")
