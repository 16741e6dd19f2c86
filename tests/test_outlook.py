"""The outlook package (chapter 7): published numbers, invariants and bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from scalinglaws import chinchilla as ch
from scalinglaws import outlook as ol
from scalinglaws import outlook_formulas as f
from scalinglaws.datasets import load_accelerators

H100 = "NVIDIA H100 (SXM5 80GB)"

# --- Checkpointing: Young (1974), Daly (2006) --------------------------------------------------

#: Daly (2006), captions of Figs. 3–5: δ = 5 min, R = 10 min; M → the predicted τ_opt (min),
#: printed to the precision shown.
DALY_CAPTIONS = [(24 * 60, 117, 0), (6 * 60, 57, 0), (15, 9.1, 1)]


@pytest.mark.parametrize(("mtbf", "printed", "digits"), DALY_CAPTIONS)
def test_daly_reproduces_his_figure_captions(mtbf, printed, digits):
    assert round(ol.daly_interval(5, mtbf), digits) == printed


@pytest.mark.parametrize(("mtbf", "printed", "digits"), DALY_CAPTIONS)
def test_goodput_model_peaks_where_daly_says(mtbf, printed, digits):
    # Daly's intervals approximate the maximum of his complete model (the goodput here):
    # to 0.01 % when δ ≪ M, to 0.3 % at δ/M = 1/3.
    best = minimize_scalar(lambda tau: -ol.goodput(tau, 5, 10, mtbf), bounds=(0.1, 5 * mtbf),
                           method="bounded", options={"xatol": 1e-7})
    tolerance = 1e-4 if mtbf > 60 else 3e-3
    assert best.x == pytest.approx(ol.daly_interval(5, mtbf), rel=tolerance)


def test_young_is_the_first_order_term():
    assert ol.young_interval(5, 24 * 60) == pytest.approx(120.0)
    assert round(ol.young_interval(5, 15), 1) == 12.2
    # Daly's correction shrinks relative to Young's as δ/M → 0.
    gaps = [abs(ol.daly_interval(1, m) / ol.young_interval(1, m) - 1) for m in (1e2, 1e4, 1e6)]
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 1e-3


def test_daly_interval_is_the_mtbf_when_checkpoints_are_slow():
    assert ol.daly_interval(10, 5) == 5
    assert ol.daly_interval(10, 5.0001) < 5.0001


@given(st.floats(0.1, 1e4), st.floats(0.01, 100), st.floats(0, 100), st.floats(1, 1e6))
def test_goodput_is_a_share_and_restarts_cost(tau, delta, restart, mtbf):
    share = ol.goodput(tau, delta, restart, mtbf)
    assert 0 <= share < 1
    assert ol.goodput(tau, delta, restart + 1, mtbf) <= share


# --- Llama 3's snapshot (Dubey et al. 2024, §3.3.4, Table 5) -----------------------------------


def test_table_5_counts_and_its_typo():
    counts = {name: count for name, (count, _) in ol.LLAMA3_TABLE_5.items()}
    assert sum(counts.values()) == ol.LLAMA3_SNAPSHOT["unexpected"] == 419
    assert ol.LLAMA3_SNAPSHOT["interruptions"] - ol.LLAMA3_SNAPSHOT["planned"] == 419
    mismatched = [name for name, (count, printed) in ol.LLAMA3_TABLE_5.items()
                  if round(100 * count / 419, 1) != printed]
    assert mismatched == ["Faulty GPU"]
    assert round(100 * 148 / 419, 1) == 35.3
    printed_gpu = sum(ol.LLAMA3_TABLE_5[name][1] for name in ol.GPU_ROWS)
    counted_gpu = sum(counts[name] for name in ol.GPU_ROWS)
    assert round(printed_gpu, 1) == 58.7  # the paper's "58.7 %"
    assert round(100 * counted_gpu / 419, 1) == 64.0


def test_llama3_rates():
    mtbf = ol.device_mtbf_from_interruptions(16_384, 54, 419)
    assert round(mtbf, -2) == 50_700
    assert round(mtbf / (24 * 365), 1) == 5.8  # GPU-years per interruption
    plan = ol.checkpoint_plan(16_384, mtbf, 0.55, 10)
    assert round(plan.interruptions_per_day, 2) == round(419 / 54, 2) == 7.76
    assert round(plan.mtbf_minutes / 60, 1) == 3.1


def test_llama3_checkpoint_write_time():
    # 16,384 GPUs × 4 GB at 2 TB/s: 32.8 s.
    assert ol.llama3_checkpoint_minutes() * 60 == pytest.approx(32.768)


@given(st.integers(1, 10_000_000), st.floats(10, 1e7), st.floats(0.01, 600), st.floats(0, 600))
@settings(max_examples=60)
def test_checkpoint_plan_invariants(n, device, delta, restart):
    plan = ol.checkpoint_plan(n, device, delta, restart)
    assert plan.mtbf_minutes == pytest.approx(device * 60 / n)
    assert plan.interruptions_per_day == pytest.approx(24 * 60 / plan.mtbf_minutes)
    assert plan.daly_minutes <= max(plan.young_minutes, plan.mtbf_minutes) * (1 + 1e-12)
    assert 0 <= plan.goodput_young <= plan.goodput * (1 + 1e-9) + 1e-300


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"n_devices": 0}, "n_devices"), ({"n_devices": 1.5}, "n_devices"),
    ({"device_mtbf_hours": 5}, "device_mtbf_hours"),
    ({"checkpoint_minutes": 0}, "checkpoint_minutes"),
    ({"restart_minutes": -1}, "restart_minutes"), ({"restart_minutes": math.nan}, "restart"),
])
def test_checkpoint_plan_rejects_bad_input(kwargs, name):
    values = {"n_devices": 16_384, "device_mtbf_hours": 5e4, "checkpoint_minutes": 1,
              "restart_minutes": 10, **kwargs}
    with pytest.raises(ValueError, match=name):
        ol.checkpoint_plan(**values)


@given(st.one_of(st.floats(max_value=0), st.floats(min_value=601), st.just(math.inf)))
def test_checkpoint_time_out_of_range_names_itself(delta):
    with pytest.raises(ValueError, match="checkpoint_minutes"):
        ol.checkpoint_plan(100, 1e4, delta, 1)


# --- Energy and carbon ------------------------------------------------------------------------


def test_h100_flops_per_joule_from_the_table():
    chips = load_accelerators().set_index("name")
    want = chips.loc[H100, "bf16_tflops_dense"] * 1e12 / chips.loc[H100, "power_w"]
    assert ol.chip_flops_per_joule(H100) == pytest.approx(want)
    assert round(ol.chip_flops_per_joule(H100) / 1e12, 2) == 1.41


def test_gpt3_energy_matches_patterson_table_4():
    # 10,000 V100 for 14.8 days at a measured 330 W and PUE 1.10: 1,289 MWh vs 1,287 printed.
    gpt3 = ol.load_training_energy().set_index("name").loc["GPT-3 175B"]
    assert gpt3["accelerator_hours"] == pytest.approx(10_000 * 14.8 * 24)
    derived = gpt3["accelerator_hours"] * gpt3["power_w"] * gpt3["pue"] / 1e6
    assert derived == pytest.approx(gpt3["energy_mwh"], rel=0.005)
    # 552.1 t at 429 g/kWh
    assert gpt3["emissions_tco2e"] / gpt3["energy_mwh"] * 1e3 == pytest.approx(429, abs=0.5)


def test_llama31_energy_from_flops_agrees_with_the_card():
    run = ol.training_energy(3.8e25)
    card = ol.training_energy_table().set_index("name").loc["Llama 3.1 405B", "energy_gwh"]
    assert round(card, 1) == 21.6
    assert run.energy_gwh == pytest.approx(card, rel=0.06)
    # implied grid intensity of Meta's location-based figures: 0.41–0.43 t/MWh
    table = ol.training_energy_table().set_index("name")
    for name in ("Llama 2 (7B+13B+70B)", "Llama 3 (8B+70B)", "Llama 3.1 405B"):
        assert 405 < table.loc[name, "implied_g_per_kwh"] < 430


def test_sparse_models_in_patterson_use_a_fraction_of_gpt3s_energy():
    table = ol.training_energy_table().set_index("name")
    for name in ("GShard-600B", "Switch Transformer 1.5T"):
        assert table.loc[name, "mixture_of_experts"] == 1
        assert table.loc[name, "energy_gwh"] < table.loc["GPT-3 175B", "energy_gwh"] / 7


@given(st.floats(1e15, 1e35), st.floats(0.01, 1), st.floats(1, 3), st.floats(0, 2000))
def test_energy_scales_as_the_formula_says(c, u, pue, grid):
    run = ol.training_energy(c, H100, "bf16", u, pue, grid)
    assert run.energy_joules == pytest.approx(c / (run.peak_flops_per_joule * u) * pue)
    assert run.emissions_tonnes == pytest.approx(run.energy_gwh * grid)


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"utilisation": 0}, "utilisation"), ({"utilisation": 1.2}, "utilisation"),
    ({"pue": 0.9}, "pue"), ({"grid_g_per_kwh": -1}, "grid_g_per_kwh"),
    ({"compute_flops": 1e40}, "compute_flops"), ({"accelerator": "GPU 9000"}, "accelerator"),
    ({"precision": "fp4"}, "precision"), ({"precision": "int3"}, "precision"),
])
def test_training_energy_rejects_bad_input(kwargs, name):
    values = {"compute_flops": 1e24, **kwargs}
    with pytest.raises(ValueError, match=name):
        ol.training_energy(**values)


# --- Growth, returns, sparsity, the leap -----------------------------------------------------


def test_growth_arithmetic_of_the_research_notes():
    assert round(f.doubling_months(4.0), 1) == 6.0
    assert round(f.doubling_months(4.7), 1) == 5.4
    assert round(float(f.growth_from_halving_months(8)), 2) == 2.83
    assert [round(float(f.years_for_factor(1e6, g)), 1) for g in (4.0, 4.6, 5.0)] == [
        10.0, 9.1, 8.6]
    effective = ol.effective_growth(4.6, 8)
    assert round(float(f.years_for_factor(1e6, effective)), 1) == 5.4


def test_frontier_fit_interval_holds_epochs_estimate():
    growth = ol.frontier_compute_growth()
    assert list(growth.runs["name"]) == ["GPT-3 175B", "Gopher 280B", "PaLM 540B",
                                         "Falcon-180B", "Llama 3.1 405B"]
    low, high = growth.growth_ci
    assert low < 4.6 < high
    assert growth.doubling_months == pytest.approx(12 * math.log(2) / math.log(
        growth.growth_per_year))


def test_kaplan_returns_per_decade():
    assert round(float(f.reducible_loss_factor(10, 0.050)), 3) == 0.891
    assert round(float(f.reducible_loss_factor(1e6, 0.050)), 2) == 0.50


def test_moe_compute_uses_active_parameters():
    table = ol.moe_table().set_index("model")
    assert f"{table.loc['DeepSeek-V3', 'training_flops']:.3g}" == "3.29e+24"
    mixtral = table.loc["Mixtral 8x7B"]
    assert round(mixtral["gflops_per_token"], 1) == 25.8
    assert round(mixtral["bf16_weights_gb"], 1) == 93.4


@given(st.floats(1e18, 1e30), st.integers(0, 9), st.sampled_from(sorted(ch.LAWS)))
@settings(max_examples=40)
def test_leap_invariants(base, k, law):
    leap = ol.leap(base, k, law)
    assert 6 * leap.params * leap.tokens == pytest.approx(leap.compute_flops, rel=1e-9)
    assert leap.loss <= leap.base_loss
    chosen = ch.get_law(law)
    assert (leap.loss - chosen.E) / (leap.base_loss - chosen.E) == pytest.approx(
        leap.reducible_left, rel=1e-9)
    assert 1 <= leap.repeated_worth <= 1 + 15.387756


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"decades": 10}, "decades"), ({"decades": 1.5}, "decades"),
    ({"growth_per_year": 1}, "growth_per_year"), ({"stock_tokens": 1e9}, "stock_tokens"),
    ({"base_flops": 1e10}, "base_flops"), ({"law": "nope"}, "law"),
    ({"utilisation": 0}, "utilisation"), ({"pue": 5}, "pue"),
])
def test_leap_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ol.leap(**kwargs)
