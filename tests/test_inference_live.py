"""Golden tests: the page's inference-aware optimum (generated bisection) against the package.

The package solves Sardana et al.'s optimality condition with scipy's ``brentq``
(:func:`scalinglaws.inference.inference_optimal`); the page runs the bisection of
``inference_formulas.py`` translated to JavaScript. Both must give the same model, in Chromium.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from scalinglaws import inference as inf
from scalinglaws import inference_formulas as f

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import live_harness as harness  # noqa: E402  (a test helper, outside the package)


def _law(law):
    return {"E": law.E, "A": law.A, "B": law.B, "alpha": law.alpha, "beta": law.beta}


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not Path(harness.chromium_path()).exists():
        pytest.skip("Chromium not found (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("inference")
    harness.calculator_page(folder, [])
    with harness.launch() as browser, harness.serve(folder) as url:
        tab = browser.new_page()
        errors = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(f"{url}/index.html")
        yield tab
        assert errors == []


def test_page_optimum_matches_scipy(page):
    rng = random.Random(6)
    cases = [(1.947, 2e12, "sardana2024"), (2.0, 0.0, "sardana2024")]
    cases += [(inf.INFERENCE_LAWS[key].E + 10 ** rng.uniform(-2, 0.3), 10 ** rng.uniform(6, 16),
               key) for key in sorted(inf.INFERENCE_LAWS) for _ in range(15)]
    got = page.evaluate("""async (cases) => {
      const I = await import('./live/generated/inference_formulas.js');
      return cases.map(([loss, t, law]) => {
        const tokens = I.inference_optimal_tokens(loss, t, law);
        return [tokens, I.iso_loss_params(tokens, loss, law)];
      });
    }""", [[loss, t, _law(inf.INFERENCE_LAWS[key])] for loss, t, key in cases])
    for (loss, t, key), (tokens, params) in zip(cases, got, strict=True):
        want = inf.inference_optimal(loss, t, inf.INFERENCE_LAWS[key])
        assert tokens == pytest.approx(want.tokens, rel=1e-11), (loss, t, key)
        assert params == pytest.approx(want.params, rel=1e-10), (loss, t, key)


def test_page_serving_formulas_match_the_package(page):
    model = inf.architecture("Llama 3 70B")
    got = page.evaluate("""async ([layers, kv, dim]) => {
      const I = await import('./live/generated/inference_formulas.js');
      return [I.kv_bytes_per_token(layers, kv, dim, 16), I.weight_bytes(8.03e9, 4.5),
              I.cost_per_million_tokens(2, 4.916, 1500)];
    }""", [model["layers"], model["kv_heads"], model["head_dim"]])
    assert got[0] == inf.kv_cache_bytes("Llama 3 70B", "bf16", 1)
    assert got[1] == inf.weight_bytes(8.03e9, "nvfp4")
    assert got[2] == pytest.approx(f.cost_per_million_tokens(2, 4.916, 1500), rel=1e-15)


def test_page_priced_demand_matches_the_package(page):
    # the dollar objectives: the page prices demand with the generated formula and the
    # exported ratios; the package with CostAssumptions
    rng = random.Random(12)
    cases = [(10 ** rng.uniform(6, 16), key) for key in sorted(inf.COST_OBJECTIVES)
             for _ in range(10)]
    got = page.evaluate("""async (cases) => {
      const I = await import('./live/generated/inference_formulas.js');
      const { DATA } = await import('./live/generated/data.js');
      return cases.map(([t, key]) => {
        const o = DATA.inference.objectives[key];
        return I.cost_equivalent_tokens(t, DATA.inference.input_share, o.prefill_ratio,
          o.decode_ratio);
      });
    }""", cases)
    for (t, key), have in zip(cases, got, strict=True):
        assert have == pytest.approx(inf.priced_inference_tokens(t, key), rel=1e-14), (t, key)
