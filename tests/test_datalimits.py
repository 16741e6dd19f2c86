"""Data limits: published numbers of Muennighoff et al. (2023), invariants, and bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalinglaws import chinchilla as ch
from scalinglaws import datalimits as dl
from scalinglaws.datasets import load_training_runs

LAW = dl.MUENNIGHOFF_2023


# --- Published constants and numbers -----------------------------------------------------------


def test_released_fit_holds_the_published_constants():
    # datablations README, "Parametric Fit": a, b, e, alpha, beta, rd_star, rn_star.
    assert math.log(LAW.A) == pytest.approx(6.255414, abs=1e-12)
    assert math.log(LAW.B) == pytest.approx(7.3049974, abs=1e-12)
    assert math.log(LAW.E) == pytest.approx(0.6254804, abs=1e-12)
    assert LAW.alpha == LAW.beta == 0.3526596
    assert (LAW.rd_star, LAW.rn_star) == (15.387756, 5.309743)


def test_released_fit_rounds_to_equations_17_and_20():
    # Eq. 17: 521, 1488, 1.87, 0.35, R*_N 5.3, R*_D 15.4; eq. 20: exponent 0.353.
    assert (round(LAW.A), round(LAW.B), round(LAW.E, 2)) == (521, 1488, 1.87)
    assert (round(LAW.alpha, 3), round(LAW.rd_star, 1), round(LAW.rn_star, 1)) == (0.353, 15.4, 5.3)
    eq17 = dl.MUENNIGHOFF_2023_EQ17
    assert (eq17.A, eq17.B, eq17.E, eq17.rd_star, eq17.rn_star) == (521, 1488, 1.87, 15.4, 5.3)


def test_unique_params_are_five_percent_of_unique_tokens():
    # Eq. 17: "U_N = U_D · 0.051".
    u_n = dl.effective_params(1e15, 1e9) / (1 + LAW.rn_star)  # N → ∞: N' → U_N (1 + R*_N)
    assert u_n / 1e9 == pytest.approx(0.051, abs=5e-4)


def test_readme_losses_of_the_figure_1_models():
    # README: scaling_law(6.34e9, 242e9, 25e9) # 2.2256440889984477, and the 8.67B model.
    assert dl.data_constrained_loss(6.34e9, 242e9, 25e9) == pytest.approx(2.2256440889984477,
                                                                           rel=1e-12)
    assert dl.data_constrained_loss(8.67e9, 178e9, 25e9) == pytest.approx(2.2269634075087867,
                                                                           rel=1e-12)


def test_c4_refit_allocates_gophers_budget_as_appendix_b():
    # App. B: "N_opt = 70.0 billion parameters and D_opt = 1.37 trillion tokens" at 5.76e23.
    opt = ch.compute_optimal(ch.GOPHER_FLOPS, dl.MUENNIGHOFF_2023_C4)
    assert round(opt.params / 1e9, 1) == 70.0
    assert round(opt.tokens / 1e12, 2) == 1.37


def test_at_r_star_repeated_tokens_are_worth_one_minus_one_over_e():
    # §3.1: "at R_D = R*_D ... the U_D R_D repeated tokens are worth on average 1 - 1/e".
    unique = 1e9
    repeated_value = dl.effective_tokens(unique, 1 + LAW.rd_star) - unique
    assert repeated_value / (unique * LAW.rd_star) == pytest.approx(1 - math.exp(-1), rel=1e-12)


def test_the_ceiling_is_one_plus_r_star():
    # §3.1: no better loss than "a single epoch on U_D + U_D R*_D fresh tokens".
    assert dl.effective_tokens(1.0, 1e6) == pytest.approx(1 + LAW.rd_star, rel=1e-12)
    assert LAW.ceiling == pytest.approx(16.387756)


def test_readme_optimal_allocation():
    # README grid search for Figure 1 (right): "227B tokens, 9.1 epochs, 6.8B parameters".
    opt = dl.data_constrained_optimum(6 * 8.67e9 * 178e9, 25e9)
    assert (round(opt.params / 1e9, 1), round(opt.tokens / 1e9), round(opt.epochs, 1)) == (
        6.8, 227, 9.1)
    assert opt.loss < dl.data_constrained_loss(6.34e9, 242e9, 25e9)
    assert opt.loss < opt.chinchilla_loss


def test_fewer_parameters_more_epochs_beats_chinchilla():
    # §5: the data-constrained model (6.34B, Figure 1 right) has "27% less parameters" than
    # Chinchilla's 8.67B, and a better loss.
    assert dl.data_constrained_loss(6.34e9, 242e9, 25e9) < dl.data_constrained_loss(
        8.67e9, 178e9, 25e9)


def test_phi1_table_caption():
    # Table 1 caption: phi-1 beats all but GPT-4 (and WizardCoder on HumanEval only).
    rows = {name: (humaneval, mbpp) for name, _, _, humaneval, mbpp in dl.GUNASEKAR_2023_TABLE_1}
    phi = rows.pop("phi-1")
    assert phi == (50.6, 55.5)
    better_humaneval = sorted(name for name, (he, _) in rows.items() if he > phi[0])
    assert better_humaneval == ["GPT-4", "WizardCoder"]
    assert all(mbpp < phi[1] for _, mbpp in rows.values() if not np.isnan(mbpp))


# --- Invariants ---------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.floats(1e3, 1e15), st.floats(1, 1e4), st.floats(0.01, 50))
def test_effective_tokens_grow_and_saturate(unique, epochs, more):
    now = dl.effective_tokens(unique, epochs)
    later = dl.effective_tokens(unique, epochs + more)
    assert unique <= now <= later <= unique * LAW.ceiling * (1 + 1e-12)
    assert now <= unique * epochs * (1 + 1e-12)  # a repeated token is never worth more


@settings(max_examples=60, deadline=None)
@given(st.floats(1e3, 1e15), st.floats(1.0001, 16.0))
def test_epochs_for_effective_tokens_inverts_eq_5(unique, ratio):
    epochs = dl.epochs_for_effective_tokens(unique, ratio * unique)
    assert dl.effective_tokens(unique, epochs) == pytest.approx(ratio * unique, rel=1e-9)


def test_one_epoch_is_the_chinchilla_form():
    base = LAW.chinchilla_law()
    for n, d in ((1e8, 1e11), (1e9, 1e11), (4e9, 1e11)):  # N up to U_N = 0.051·D
        assert dl.data_constrained_loss(n, d, d) == pytest.approx(base.loss(n, d), rel=1e-12)


def test_the_law_is_a_loss_law_whose_own_loss_is_its_chinchilla_form():
    from scalinglaws.chinchilla import LossLaw, compute_optimal

    assert isinstance(LAW, LossLaw)
    base = LAW.chinchilla_law()
    assert (base.E, base.A, base.B, base.alpha, base.beta) == (
        LAW.E, LAW.A, LAW.B, LAW.alpha, LAW.beta)
    assert LAW.loss(6.34e9, 242e9) == base.loss(6.34e9, 242e9)
    assert compute_optimal(1e21, LAW).params == compute_optimal(1e21, base).params


def test_arrays_give_arrays():
    ratios = dl.effective_tokens(1.0, np.array([1.0, 4.0, 16.0]))
    assert ratios.shape == (3,) and ratios[0] == 1.0
    table = dl.repetition_table()
    assert table["D'/U_D"].is_monotonic_increasing


@settings(max_examples=40, deadline=None)
@given(st.floats(1e18, 1e27), st.floats(0.1, 100), st.sampled_from(sorted(ch.LAWS)))
def test_quality_multiplier_saves_exactly_its_factor(budget, quality, law):
    shift = dl.quality_shift(budget, law, quality)
    assert shift.compute_saving == pytest.approx(quality, rel=1e-8)
    # Better data (q > 1) lowers the loss at the same budget, worse data raises it.
    assert (shift.shifted.loss < shift.base.loss) == (quality > 1) or quality == 1


def test_a_steeper_data_exponent_saves_more_at_larger_budgets():
    savings = [dl.quality_shift(c, "besiroglu2024", 1.0, 0.05).compute_saving
               for c in (1e20, 1e23, 1e26)]
    assert 1 < savings[0] < savings[1] < savings[2]


def test_growth_fit_is_consistent_with_villalobos():
    growth = dl.training_set_growth()
    assert growth.n_runs == len(load_training_runs()) - len(dl.CORPUS_SIZE_ROWS)
    low, high = growth.oom_ci
    assert low < dl.VILLALOBOS_2024_GROWTH["oom_per_year"] < high
    assert growth.growth_ci[0] < growth.growth_per_year < growth.growth_ci[1]


@settings(max_examples=40, deadline=None)
@given(st.floats(1.1, 20), st.floats(1, 1000))
def test_a_multiplier_buys_log_k_over_log_g_years(growth, multiplier):
    plain = dl.runway_year(300e12, 15e12, 2024, growth)
    stretched = dl.runway_year(300e12, 15e12, 2024, growth, multiplier)
    assert stretched - plain == pytest.approx(math.log(multiplier) / math.log(growth), abs=1e-9)


def test_runway_interval_is_ordered_and_repetition_caps():
    r = dl.runway(300e12, 100e12, 1000e12, 15.6e12, 2024, 2.5, epochs=1e3)
    assert r.year_low < r.year < r.year_high
    assert r.repetition_factor == pytest.approx(LAW.ceiling, rel=1e-12)
    assert r.years_gained == pytest.approx(math.log(LAW.ceiling) / math.log(2.5), rel=1e-12)


# --- Bad input ----------------------------------------------------------------------------------

bad_numbers = st.one_of(st.floats(max_value=0.0), st.just(math.nan), st.just(math.inf),
                        st.just(-math.inf), st.text(max_size=3), st.none())


@settings(max_examples=60, deadline=None)
@given(bad_numbers)
def test_bad_unique_tokens_are_rejected_by_name(value):
    with pytest.raises(ValueError, match="unique_tokens"):
        dl.effective_tokens(value, 4)
    with pytest.raises(ValueError, match="unique_tokens"):
        dl.effective_params(1e9, value)
    with pytest.raises(ValueError, match="unique_tokens"):
        dl.repetition(value, 4, 1e9)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.floats(max_value=0.9999999), st.just(math.nan), st.just(math.inf),
                 st.text(max_size=3), st.none()))
def test_fewer_than_one_epoch_is_rejected_by_name(value):
    with pytest.raises(ValueError, match="epochs") as error:
        dl.effective_tokens(1e9, value)
    assert "unique_tokens" not in str(error.value)
    with pytest.raises(ValueError, match="epochs"):
        dl.effective_tokens(np.array([1e9, 1e9]), np.array([2.0, value])
                            if isinstance(value, float) else value)


def test_array_epochs_below_one_name_the_index():
    with pytest.raises(ValueError, match=r"epochs must be at least 1 .* index 1"):
        dl.effective_tokens(1e9, np.array([2.0, 0.5]))


@pytest.mark.parametrize("call, name", [
    (lambda: dl.effective_tokens(np.ones(2), np.ones(3) * 2), "unique_tokens and epochs"),
    (lambda: dl.epochs_for_effective_tokens(1e9, 0.5e9), "target_tokens"),
    (lambda: dl.epochs_for_effective_tokens(1e9, 20e9), "target_tokens"),
    (lambda: dl.data_constrained_loss(-1, 1e9, 1e9), "params"),
    (lambda: dl.data_constrained_loss(1e9, math.nan, 1e9), "tokens"),
    (lambda: dl.data_constrained_optimum(0, 1e9), "compute_flops"),
    (lambda: dl.data_constrained_optimum(1e21, -5), "unique_tokens"),
    (lambda: dl.quality_shift(1e21, "besiroglu2024", 0), "quality"),
    (lambda: dl.quality_shift(1e21, "besiroglu2024", 2, -0.4), "data_exponent_change"),
    (lambda: dl.quality_shift(1e21, "no such law", 2), "law"),
    (lambda: dl.effective_tokens(1e9, 2, law="no such law"), "law"),
    (lambda: dl.runway(300e12, 400e12, 1000e12, 15e12, 2024, 2.5), "stock_low"),
    (lambda: dl.runway(300e12, 100e12, 200e12, 15e12, 2024, 2.5), "stock_high"),
    (lambda: dl.runway(300e12, 100e12, 1000e12, 15e12, 2024, 1.0), "growth_per_year"),
    (lambda: dl.runway(300e12, 100e12, 1000e12, 15e12, 2024, 2.5, epochs=0.5), "epochs"),
    (lambda: dl.runway(300e12, 100e12, 1000e12, 15e12, 2024, 2.5, synthetic_multiplier=0.5),
     "synthetic_multiplier"),
    (lambda: dl.runway_year(300e12, 0, 2024, 2.5), "largest_tokens"),
    (lambda: dl.training_set_growth(exclude=["no such model"]), "exclude"),
    (lambda: dl.DataConstrainedLaw(1.8, 500, 1500, 0.35, 0.35, rd_star=0.0, rn_star=5.0),
     "rd_star"),
    # the five Chinchilla constants are checked by LossLaw, which the law extends
    (lambda: dl.DataConstrainedLaw(1.8, 500, 1500, -0.35, 0.35, rd_star=15.0, rn_star=5.0),
     "alpha"),
])
def test_other_bad_inputs_name_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()
