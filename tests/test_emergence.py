"""Emergence: Schaeffer et al.'s (2023) per-token model and metrics, the benchmark reader's
closed form against simulation, the chapter's tables, and bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from scalinglaws import emergence as em
from scalinglaws import emergence_formulas as formulas
from scalinglaws.portable_random import PortableRandom

# --- The contract: exact match over L tokens ---------------------------------------------------


def test_exact_match_reproduces_the_worked_numbers():
    # p^L (Schaeffer et al. 2023, §2; App. A eq. 17): the research note's table.
    assert em.exact_match_accuracy(0.9, 5) == pytest.approx(0.59049, abs=1e-12)
    assert em.exact_match_accuracy(0.5, 1) == 0.5
    assert round(em.exact_match_accuracy(0.99, 20), 4) == 0.8179
    assert round(em.exact_match_accuracy(0.8, 10), 3) == 0.107


def test_exact_match_accepts_arrays_and_the_ends_of_the_range():
    got = em.exact_match_accuracy(np.array([0.0, 0.5, 1.0]), 3)
    assert got.tolist() == [0.0, 0.125, 1.0]


@given(st.floats(0, 1), st.integers(1, 200))
def test_exact_match_never_beats_one_token_and_falls_with_length(p, length):
    once = em.exact_match_accuracy(p, length)
    assert 0 <= once <= p + 1e-15
    assert em.exact_match_accuracy(p, length + 1) <= once + 1e-15


@given(st.one_of(st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False),
                 st.floats(min_value=1 + 1e-9, allow_nan=False, allow_infinity=False)))
def test_exact_match_rejects_accuracy_outside_zero_one(p):
    with pytest.raises(ValueError, match=r"token_accuracy must be between 0 and 1"):
        em.exact_match_accuracy(p, 5)


@given(st.integers(max_value=0))
def test_exact_match_rejects_length_below_one(length):
    with pytest.raises(ValueError, match=r"length must be between 1 and"):
        em.exact_match_accuracy(0.9, length)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "0.9", None])
def test_exact_match_rejects_non_numbers(bad):
    with pytest.raises(ValueError, match="token_accuracy must be a finite number"):
        em.exact_match_accuracy(bad, 5)
    with pytest.raises(ValueError, match="length must be a finite number"):
        em.exact_match_accuracy(0.9, bad)


def test_exact_match_rejects_fractional_length():
    with pytest.raises(ValueError, match="length must be a whole number"):
        em.exact_match_accuracy(0.9, 2.5)


# --- The other metrics -------------------------------------------------------------------------


def test_edit_distance_is_the_main_text_form():
    # L(1 − p), §2 (not App. A eq. 9's misprint L(1 − ε), which would be L·p).
    assert em.token_edit_distance(0.9, 5) == pytest.approx(0.5)
    assert em.token_edit_distance(0.8, 5) == pytest.approx(1.0)


def test_multiple_choice_sits_on_the_chance_floor():
    assert em.multiple_choice_accuracy(0.0, 5) == pytest.approx(0.25)
    assert em.multiple_choice_accuracy(1.0, 5) == pytest.approx(1.0)
    assert em.multiple_choice_accuracy(0.0, 5, options=2) == pytest.approx(0.5)


def test_brier_score_is_the_squared_error_of_the_token_probability():
    assert em.brier_score(0.9) == pytest.approx(0.01)
    assert em.brier_score(np.array([0.0, 1.0])).tolist() == [1.0, 0.0]


@given(st.floats(0, 1), st.integers(1, 50))
def test_progress_inverts(p, length):
    for key in em.METRICS:
        progress = formulas.progress(p, length, key)
        assert 0 <= progress <= 1
        if 1e-6 < progress < 1 - 1e-6:
            back = formulas.accuracy_for_progress(progress, length, key)
            assert back == pytest.approx(p, rel=1e-6, abs=1e-9)


# --- The per-token law and the emergence scale -------------------------------------------------


def test_token_accuracy_is_exp_of_minus_the_power_law_loss():
    # At x = c the loss is 1 nat: p = 1/e.
    assert em.token_accuracy(1e21) == pytest.approx(math.exp(-1))
    assert em.token_accuracy(1e24, 1e21, -0.3) == pytest.approx(math.exp(-(1e3) ** -0.3))


@given(st.floats(0.05, 0.95), st.integers(1, 40), st.sampled_from(sorted(em.METRICS)),
       st.floats(-1.0, -0.05))
def test_emergence_scale_is_where_progress_reaches_the_threshold(t, length, metric, alpha):
    at = em.emergence_scale(t, length, metric, 1e21, alpha)
    p = em.token_accuracy(at, 1e21, alpha) if 1 <= at <= 1e300 else None
    if p is not None:
        assert formulas.progress(p, length, metric) == pytest.approx(t, rel=1e-6)


@given(st.integers(1, 100), st.floats(-1.0, -0.05))
def test_exact_match_only_shifts_on_a_log_axis(length, alpha):
    # exp(−L (x/c)^α) is the one-token curve moved by log10(L)/|α| decades: same width.
    assert em.rise_decades(length, "exact_match", alpha) == pytest.approx(
        math.log10(math.log(0.1) / math.log(0.9)) / -alpha)
    shift = math.log10(em.emergence_scale(0.5, length, "exact_match", 1e21, alpha)
                       / em.emergence_scale(0.5, 1, "exact_match", 1e21, alpha))
    assert shift == pytest.approx(math.log10(length) / -alpha, abs=1e-9)


def test_mirage_defaults():
    m = em.mirage()
    assert f"{m.emergence_compute:.3g}" == "7.25e+23"
    assert round(m.accuracy_at_emergence, 3) == 0.871
    assert m.delay_decades == pytest.approx(math.log10(5) / 0.3)
    assert set(m.scores) == set(em.METRICS)
    assert em.mirage(metric="multiple_choice").emergence_score == pytest.approx(0.625)
    assert len(m.sizes) == 13 and m.sizes[0] == 1e16


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"length": 0}, "length must be between 1 and 10000"),
    ({"metric": "accuracy"}, "metric must be one of"),
    ({"exponent": 0.3}, "exponent must be between -2 and -0.01"),
    ({"threshold": 1.0}, r"threshold must be in the range \(0, 1\)"),
    ({"threshold": 0.0}, r"threshold must be in the range \(0, 1\)"),
    ({"scale_constant": 0.0}, "scale_constant must be between 1 and 1e"),
])
def test_mirage_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        em.mirage(**kwargs)


def test_token_accuracy_rejects_non_positive_scale():
    with pytest.raises(ValueError, match="scale"):
        em.token_accuracy(-1.0)


# --- The benchmark reader ----------------------------------------------------------------------


def test_erfc_holds_its_stated_error():
    # Series below 2, continued fraction above: relative error below 1e-12 against scipy.
    x = np.linspace(-6, 26, 6401)
    ours = np.array([formulas.erfc(float(v)) for v in x])
    assert np.max(np.abs(ours / special.erfc(x) - 1)) < 1e-12
    assert formulas.erfc(0.0) == 1.0


def test_misread_probability_matches_the_normal_tail():
    # Four sizes (0, 1/3, 2/3, 1): gaps give distances √(5/9), √(2/9), √(5/9) times the rise.
    rise, noise = 0.14, 0.023
    want = np.mean([stats.norm.sf(rise * math.sqrt(d2) / (2 * noise))
                    for d2 in (5 / 9, 2 / 9, 5 / 9)])
    assert em.misread_probability(0.25, 0.39, noise, 4) == pytest.approx(want, rel=1e-6)


def test_two_sizes_cannot_tell_the_shapes_apart():
    assert em.misread_probability(0.25, 0.9, 0.01, 2) == 0.5


def test_misread_probability_agrees_with_a_simulated_reader():
    # Monte Carlo with the portable generator: both shapes, the nearer one chosen.
    chance, ceiling, noise, n = 0.25, 0.39, 0.05, 5
    rng = PortableRandom(11)
    positions = np.arange(n) / (n - 1)
    smooth = chance + (ceiling - chance) * positions
    wrong = trials = 0
    for gap in range(n - 1):
        step = np.where(np.arange(n) <= gap, chance, ceiling)
        for truth in (smooth, step):
            for _ in range(2000):
                seen = truth + noise * np.asarray(rng.standard_normal(n))
                picked = smooth if np.sum((seen - smooth) ** 2) < np.sum((seen - step) ** 2) \
                    else step
                wrong += picked is not truth
                trials += 1
    simulated = wrong / trials
    exact = em.misread_probability(chance, ceiling, noise, n)
    assert abs(simulated - exact) < 4 * math.sqrt(exact * (1 - exact) / trials)


@given(st.floats(0, 0.45), st.floats(0.02, 0.5), st.floats(0.005, 0.2), st.integers(2, 30))
@settings(max_examples=60)
def test_more_rise_or_less_noise_never_hurts(chance, rise, noise, n):
    ceiling = min(chance + rise, 1.0)
    base = em.misread_probability(chance, ceiling, noise, n)
    assert 0 <= base <= 0.5
    assert em.misread_probability(chance, ceiling, noise / 2, n) <= base + 1e-12


def test_benchmark_reading_defaults():
    r = em.benchmark_reading()
    assert (r.chance, r.ceiling, r.noise, r.n_sizes) == (0.25, 0.39, 0.023, 4)
    # The default noise is the sampling noise of GPQA's 448 questions at 39 %.
    assert round(em.score_standard_error(0.39, 448), 3) == r.noise
    assert r.compute[0] == 1e20 and r.compute[-1] == pytest.approx(1e24)
    assert r.sizes_for_5_percent <= r.n_sizes
    assert r.misread <= 0.05 < r.worst_misread


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"chance": 1.0}, r"chance must be in the range \[0, 1\)"),
    ({"ceiling": 0.2}, r"ceiling must be greater than chance \(0.25\); got 0.2"),
    ({"ceiling": 1.5}, "ceiling must be between 0 and 1"),
    ({"noise": 0.0}, r"noise must be in the range \(0, 0.5\]"),
    ({"n_sizes": 1}, "n_sizes must be between 2 and 50"),
    ({"n_sizes": 3.5}, "n_sizes must be a whole number"),
])
def test_benchmark_reading_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        em.benchmark_reading(**kwargs)


def test_sizes_needed_is_the_first_count_below_the_error():
    n = em.sizes_needed(0.25, 0.39, 0.05)
    assert em.misread_probability(0.25, 0.39, 0.05, n) <= 0.05
    assert n == 2 or em.misread_probability(0.25, 0.39, 0.05, n - 1) > 0.05
    assert em.sizes_needed(0.25, 0.26, 0.2) == em.MAX_SIZES + 1


def test_score_standard_error():
    assert em.score_standard_error(0.5, 100) == pytest.approx(0.05)
    with pytest.raises(ValueError, match="questions must be between 1"):
        em.score_standard_error(0.5, 0)
    with pytest.raises(ValueError, match="score must be between 0 and 1"):
        em.score_standard_error(1.5, 100)


# --- Tables ------------------------------------------------------------------------------------


def test_emergent_abilities_table_holds_wei_table_1_rows():
    table = em.load_emergent_abilities().set_index("ability")
    # Wei et al. (2022), Table 1.
    assert table.loc["Addition/subtraction (3 digit)", ["train_flops", "params", "model"]
                     ].tolist() == [2.3e22, 1.3e10, "GPT-3"]
    assert table.loc["MMLU Benchmark (57 topic avg.)", "train_flops"] == 3.1e23
    assert table.loc["Chain-of-thought: Math word problems", "params"] == 6.8e10
    assert table.loc["Instruction following (finetuning)", "model"] == "FLAN"
    assert (table["source"] == "wei2022emergent").all()


def test_benchmark_table_holds_the_published_scores():
    scores = em.load_benchmark_scores().set_index("entry")
    assert scores.loc["GPT-3 175B", "score_percent"] == 43.9  # Hendrycks et al. 2021, §4
    assert scores.loc["Chinchilla 70B", "score_percent"] == 67.6  # Hoffmann et al., Table 6
    assert scores.loc["GPT-4", "score_percent"] == 86.4  # OpenAI 2023, Table 2
    assert scores.loc["Best GPT-4 baseline", "score_percent"] == 39  # Rein et al., abstract
    assert (scores["chance_percent"] == 25).all()
    assert scores["source"].str.len().gt(0).all()


def test_every_table_source_is_in_the_bibliography():
    from pathlib import Path

    bib = (Path(__file__).resolve().parents[1] / "book" / "references.bib").read_text()
    for table in (em.load_emergent_abilities(), em.load_benchmark_scores()):
        for key in set(table["source"]):
            assert f"{{{key}," in bib, key


def test_benchmark_table_rejects_an_unknown_kind(tmp_path):
    text = (em.load_benchmark_scores().head(1).assign(kind="robot")
            .to_csv(index=False))
    (tmp_path / "benchmark_scores.csv").write_text(text)
    with pytest.raises(ValueError, match="column 'kind'"):
        em.load_benchmark_scores(tmp_path)


def test_normalized_score():
    assert em.normalized_score(25, 25, 89.8) == 0
    assert em.normalized_score(89.8, 25, 89.8) == pytest.approx(1)
    with pytest.raises(ValueError, match="ceiling must be greater than chance"):
        em.normalized_score(50, 25, 25)


# --- The page's generated formulas against the package -------------------------------------


def test_generated_formulas_match_the_package_in_chromium(tmp_path):
    import os
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import live_harness as harness

    if not Path(harness.chromium_path()).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium not found: `make test` installs it")
        pytest.skip("Chromium not found (apt-get install chromium)")
    rng = random.Random(5)
    calls = [("erfc", [x]) for x in (-3.0, -0.5, 0.0, 0.7, 1.99, 2.0, 4.5, 12.0)]
    for _ in range(30):
        n = rng.randint(2, 50)
        chance = rng.uniform(0, 0.5)
        args = [chance, rng.uniform(chance + 0.01, 1), rng.uniform(0.001, 0.2)]
        length, metric = rng.randint(1, 30), rng.choice(sorted(em.METRICS))
        calls += [
            ("misread_probability", [*args, n]),
            ("worst_misread_probability", [*args, n]),
            ("sizes_needed", [*args, 0.05, 50]),
            ("emergence_scale", [rng.uniform(0.05, 0.95), length, metric, 1e21,
                                 rng.uniform(-1, -0.05)]),
            ("rise_decades", [length, metric, rng.uniform(-1, -0.05)]),
            ("metric_value", [rng.random(), length, metric, 4]),
            ("token_accuracy", [10 ** rng.uniform(16, 28), 1e21, rng.uniform(-1, -0.05)]),
        ]
    (tmp_path / "index.html").write_text("<!doctype html><title>f</title>")
    (tmp_path / "live").symlink_to(harness.STATIC / "live")
    with harness.serve(tmp_path) as url, harness.launch() as browser:
        page = browser.new_page()
        page.goto(f"{url}/index.html")
        got = page.evaluate("""async (calls) => {
          const F = await import('./live/generated/emergence_formulas.js');
          return calls.map(([name, args]) => F[name](...args));
        }""", calls)
    for (name, args), have in zip(calls, got, strict=True):
        want = float(getattr(formulas, name)(*args))
        assert have == pytest.approx(want, rel=1e-12, abs=1e-300), (name, args)
