"""Golden tests of the web page's numerics (book/static/live/numerics/) against the package.

Every test runs the JavaScript in Debian's Chromium (Playwright, as tests/test_book.py does),
imports the ES modules from a local http.server over the repository, and compares with the
package's result computed in the same test.
"""

from __future__ import annotations

import base64
import functools
import http.server
import math
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from scalinglaws import chinchilla as ch
from scalinglaws import numerics_export
from scalinglaws.portable_random import (
    PortableRandom,
    simulate_and_fit_portable,
    simulate_training_runs_portable,
)
from scalinglaws.powerlaw import fit_power_law, percentile_interval, simulate_power_law

REPO = Path(__file__).resolve().parents[1]
MODULE = "/book/static/live/numerics/index.js"

# The JavaScript side of every call: import the modules, call one export, and turn typed
# arrays and Errors into plain data Playwright can hand back.
_CALL = """async ([name, args]) => {
  const m = await import(__MODULE__);
  const plain = (v) => ArrayBuffer.isView(v) ? Array.from(v)
    : Array.isArray(v) ? v.map(plain)
    : v && typeof v === "object" ? Object.fromEntries(Object.entries(v)
        .filter(([, x]) => typeof x !== "function").map(([k, x]) => [k, plain(x)]))
    : v;
  try { return {ok: plain(await m[name](...args))}; }
  catch (error) { return {error: String(error.message)}; }
}""".replace("__MODULE__", repr(MODULE))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="module")
def page(browser):
    handler = functools.partial(_QuietHandler, directory=str(REPO))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    tab = browser.new_page()
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(f"http://127.0.0.1:{httpd.server_address[1]}/book/static/live/numerics/")
    yield tab
    tab.close()
    httpd.shutdown()
    httpd.server_close()
    assert errors == []


def js(page, name, *args):
    """Call the export ``name`` with JSON-able ``args``; its value, or raise its Error as
    ValueError (so the message can be compared with the package's)."""
    result = page.evaluate(_CALL, [name, list(args)])
    if "error" in result:
        raise ValueError(result["error"])
    return result["ok"]


def js_error(page, name, *args) -> str:
    with pytest.raises(ValueError) as caught:
        js(page, name, *args)
    return str(caught.value)


def py_error(function, *args, **kwargs) -> str:
    with pytest.raises(ValueError) as caught:
        function(*args, **kwargs)
    return str(caught.value)


def close(actual, expected, rtol, atol=0.0):
    return np.allclose(np.asarray(actual, float), np.asarray(expected, float), rtol=rtol,
                       atol=atol, equal_nan=True)


# --- The generated constants -------------------------------------------------------------


def test_regenerating_the_package_data_module_changes_nothing():
    assert numerics_export.TARGET.read_text(encoding="utf-8") == numerics_export.render()


def test_the_numerics_take_the_loss_law_from_the_generated_formulas():
    """One source of truth: L(N, D), a, b, G and the optimum are translated from
    scalinglaws/formulas.py (generated/formulas.js), never written again in the numerics."""
    import re

    numerics = REPO / "book" / "static" / "live" / "numerics"
    by_hand = re.compile(r"\.A\s*/|\.B\s*/|beta\s*/\s*\(\s*\w*\.?alpha\s*\+|\*\*\s*\(1 / \(")
    for name in ("simulate.js", "parametric.js", "approaches.js"):
        source = (numerics / name).read_text(encoding="utf-8")
        assert by_hand.search(source) is None, (name, by_hand.search(source))
    for name in ("simulate.js", "parametric.js"):
        assert '"../generated/formulas.js"' in (numerics / name).read_text(encoding="utf-8")


def test_the_initialisation_grid_is_the_package_grid(page):
    assert np.array_equal(js(page, "initialisationGrid"), ch.initialisation_grid())


# --- Student's t ---------------------------------------------------------------------------

DFS = [1, 2, 3, 4, 5, 7, 10, 17, 30, 58, 100, 331, 1000, 3162, 10_000]
PROBABILITIES = [0.5, 0.51, 0.6, 0.75, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999,
                 0.9995, 0.9999]


def test_t_quantile_matches_scipy_to_1e_10(page):
    pairs = [(p, df) for df in DFS for p in PROBABILITIES]
    got = page.evaluate(f"""async (pairs) => {{
        const m = await import({MODULE!r});
        return pairs.map(([p, df]) => m.tQuantile(p, df)); }}""", pairs)
    expected = [stats.t.ppf(p, df) for p, df in pairs]
    worst = max(abs(g - e) / max(abs(e), 1e-300) for g, e in zip(got, expected, strict=True)
                if e != 0)
    assert worst <= 1e-10, worst
    assert [g for g, (p, _) in zip(got, pairs, strict=True) if p == 0.5] == [0.0] * len(DFS)


def test_t_quantile_is_accurate_next_to_one_half(page):
    """There t ≈ (p − ½)/f(0) to relative order t² (f the density), a reference more accurate
    than scipy's t.ppf: at p = ½ + 1e-7 it is off by 4e-10 (df = 1) and by 4e-4 (df = 4)."""
    for df in DFS:
        for excess in (1e-7, 1e-9, 1e-12):
            p = 0.5 + excess
            expected = (p - 0.5) / stats.t.pdf(0.0, df)
            assert math.isclose(js(page, "tQuantile", p, df), expected, rel_tol=1e-10), (p, df)


@settings(max_examples=60, deadline=None)
@given(p=st.floats(0.51, 0.9999), df=st.integers(1, 10_000))
def test_t_quantile_matches_scipy_on_random_arguments(page, p, df):
    expected = stats.t.ppf(p, df)
    assert math.isclose(js(page, "tQuantile", p, df), expected, rel_tol=1e-10, abs_tol=1e-300)


def test_t_cdf_matches_scipy(page):
    cases = [(t, df) for df in (1, 3, 10, 100, 10_000) for t in (-40.0, -2.0, -0.1, 0.0, 0.3,
                                                                  1.0, 2.5, 12.0, 300.0)]
    got = [js(page, "tCdf", t, df) for t, df in cases]
    assert close(got, [stats.t.cdf(t, df) for t, df in cases], rtol=1e-12, atol=1e-16)


@pytest.mark.parametrize(("args", "message"), [
    ((1.0, 5), "p must be in the range (0, 1); got 1"),
    ((0.9, 0), "df must be greater than 0; got 0"),
    ((float("nan"), 5), "p must be a finite number; got nan"),
])
def test_t_quantile_rejects_bad_input_naming_the_argument(page, args, message):
    assert js_error(page, "tQuantile", *args) == message


# --- The power-law fit ---------------------------------------------------------------------


def _power_law_cases():
    yield simulate_power_law(-0.076, 0.05, 1e6, 1e9, 12, seed=0)
    yield simulate_power_law(-0.5, 0.3, 1.0, 1e4, 5, seed=7, coefficient=3.0)
    yield simulate_power_law(1.2, 0.01, 10.0, 1e12, 200, seed=3)
    yield simulate_power_law(-0.05, 0.02, 1e6, 1e6 * 10**0.1, 3, seed=11, offset=1.7)
    x = np.array([1.0, 10.0, 100.0, 1000.0])
    yield x, 3.0 * x**-0.5  # an exact law: zero residuals


@pytest.mark.parametrize("case", range(5))
@pytest.mark.parametrize("confidence", [0.95, 0.5, 0.999])
def test_power_law_fit_matches_fit_power_law(page, case, confidence):
    x, y = list(_power_law_cases())[case]
    fit = fit_power_law(x, y, confidence)
    got = js(page, "fitPowerLaw", x.tolist(), y.tolist(), confidence)
    assert math.isclose(got["exponent"], fit.exponent, rel_tol=1e-10, abs_tol=1e-13)
    assert math.isclose(got["coefficient"], fit.coefficient, rel_tol=1e-10)
    atol = 1e-12 * max(1.0, abs(fit.exponent))  # exact data: the intervals have zero width
    assert close(got["exponentCi"], fit.exponent_ci, rtol=1e-9, atol=atol)
    assert close(got["coefficientCi"], fit.coefficient_ci, rtol=1e-9, atol=atol)
    assert close(got["covariance"], fit.covariance, rtol=1e-8, atol=1e-25)
    assert close([got["exponentSe"], got["logCoefficientSe"], got["residualStd"]],
                 [fit.exponent_se, fit.log_coefficient_se, fit.residual_std], rtol=1e-8,
                 atol=1e-13)
    assert math.isclose(got["rSquared"], fit.r_squared, rel_tol=1e-10)
    assert got["nPoints"] == fit.n_points
    where = np.geomspace(x.min() / 100, x.max() * 100, 7)
    band = js(page, "predictInterval", got, where.tolist())
    assert close(band, fit.confidence_band(where), rtol=1e-8)
    assert close(js(page, "predictPowerLaw", got, where.tolist()), fit.predict(where), rtol=1e-9)


@pytest.mark.parametrize(("x", "y", "confidence"), [
    ([1.0, 0.0, 3.0], [1.0, 2.0, 3.0], 0.95),
    ([1.0, 2.0, 3.0], [1.0, float("nan"), 3.0], 0.95),
    ([1.0, 2.0, 3.0], [1.0, 2.0], 0.95),
    ([1.0, 2.0], [1.0, 2.0], 0.95),
    ([2.0, 2.0, 2.0], [1.0, 2.0, 3.0], 0.95),
    ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 1.0),
    ([1.0, 2.0, 3.0], [1.0, -2.5e-7, 3.0], 0.95),
    ("abc", [1.0, 2.0, 3.0], 0.95),
])
def test_power_law_fit_rejects_bad_input_with_the_package_message(page, x, y, confidence):
    assert js_error(page, "fitPowerLaw", x, y, confidence) == py_error(fit_power_law, x, y,
                                                                      confidence)


@pytest.mark.parametrize("options", [{}, {"noise": 0.3, "seed": 5, "n_points": 40},
                                     {"exponent": 0.8, "decades": 12, "offset": 0.5, "seed": 9,
                                      "confidence": 0.8},
                                     {"noise": 0.001, "n_points": 3, "decades": 0.1}])
def test_the_power_law_calculator_simulates_and_fits_as_the_package(page, options):
    result = simulate_and_fit_portable(**options)
    got = js(page, "simulateAndFit", _camel(options))
    assert close(got["x"], result.x, rtol=1e-14)
    assert close(got["y"], result.y, rtol=1e-13)
    assert math.isclose(got["fit"]["exponent"], result.fit.exponent, rel_tol=1e-9, abs_tol=1e-12)
    assert close(got["fit"]["exponentCi"], result.fit.exponent_ci, rtol=1e-8, atol=1e-12)
    assert got["coversTruth"] == result.covers_truth


@pytest.mark.parametrize("options", [{"noise": 3.0}, {"decades": 0.0}, {"n_points": 2},
                                     {"exponent": 6.0, "noise": -1.0}, {"confidence": 1.0},
                                     {"seed": -1}, {"offset": -0.1}])
def test_the_power_law_simulation_rejects_bad_input_with_the_package_message(page, options):
    assert js_error(page, "simulateAndFit", _camel(options)) == py_error(
        simulate_and_fit_portable, **options)


def test_exponential_trend_matches_the_package_on_the_cpu_table(page):
    """Moore's law as the hardware calculators fit it (transistor_trend's defaults)."""
    from scalinglaws.datasets import load_cpus
    from scalinglaws.hardware import transistor_trend

    cpus = load_cpus().dropna(subset=["transistors"])
    cpus = cpus[cpus["dies"] == 1]  # transistor_trend counts single dies by default
    years, counts = cpus["year"].to_numpy(float), cpus["transistors"].to_numpy(float)
    for confidence in (0.95, 0.8):
        trend = transistor_trend(confidence=confidence)
        got = js(page, "fitExponentialTrend", years.tolist(), counts.tolist(), confidence)
        assert got["nPoints"] == trend.n_points
        for mine, theirs in (("doublingTime", "doubling_time"), ("ratePerYear", "rate_per_year"),
                             ("referenceYear", "reference_year"),
                             ("valueAtReference", "value_at_reference")):
            assert math.isclose(got[mine], getattr(trend, theirs), rel_tol=1e-10), mine
        assert close(got["doublingTimeCi"], trend.doubling_time_ci, rtol=1e-9)


@pytest.mark.parametrize(("years", "values"), [
    ([2000, 2001, 2002], [8.0, 4.0, 2.0]),
    ([2000, 2000, 2000], [1.0, 2.0, 4.0]),
    ([2000, 2001], [1.0, 2.0]),
    ([2000, 2001, 2002], [1.0, 0.0, 4.0]),
])
def test_exponential_trend_rejects_bad_input_with_the_package_message(page, years, values):
    from scalinglaws.powerlaw import fit_exponential_trend

    assert js_error(page, "fitExponentialTrend", years, values) == py_error(
        fit_exponential_trend, years, values)


VALUES = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64),
                   st.sampled_from([0.0, -1.0, 1.0, 2.0, 1e-300, 1e300]))


@settings(max_examples=80, deadline=None)
@given(x=st.lists(VALUES, max_size=6), y=st.lists(VALUES, max_size=6),
       confidence=st.one_of(st.floats(-0.5, 1.5), st.just(0.95)))
def test_power_law_fit_agrees_with_the_package_on_any_input(page, x, y, confidence):
    """Either both fit (same exponent) or both refuse with the same message."""
    try:
        with np.errstate(over="ignore", invalid="ignore"):  # 1e300 overflows an interval end
            fit = fit_power_law(x, y, confidence)
    except ValueError as error:
        assert js_error(page, "fitPowerLaw", x, y, confidence) == str(error)
        return
    got = js(page, "fitPowerLaw", x, y, confidence)
    assert math.isclose(got["exponent"], fit.exponent, rel_tol=1e-8, abs_tol=1e-10)


# --- The portable random generator ---------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 42, 2**32 - 1])
def test_portable_random_gives_the_same_draws_in_python_and_javascript(page, seed):
    script = f"""async (seed) => {{
        const m = await import({MODULE!r});
        const a = new m.PortableRandom(seed), b = new m.PortableRandom(seed);
        const c = new m.PortableRandom(seed);
        return [Array.from({{length: 500}}, () => a.nextUint32()),
                Array.from({{length: 500}}, () => b.standardNormal()),
                Array.from({{length: 500}}, () => c.integers(0, 43))]; }}"""
    uint32, normals, integers = page.evaluate(script, seed)
    a, b, c = PortableRandom(seed), PortableRandom(seed), PortableRandom(seed)
    assert uint32 == [a.next_uint32() for _ in range(500)]
    assert normals == b.standard_normal(500).tolist()  # bit for bit
    assert integers == [c.integers(0, 43) for _ in range(500)]


def test_portable_normals_look_standard_normal():
    draws = PortableRandom(5).standard_normal(20_000)
    assert stats.kstest(draws, "norm").pvalue > 1e-3
    assert abs(draws.mean()) < 4 / math.sqrt(draws.size)


def test_portable_random_rejects_a_bad_seed(page):
    message = page.evaluate(f"""async () => {{ const m = await import({MODULE!r});
        try {{ new m.PortableRandom(-1); }} catch (e) {{ return e.message; }} }}""")
    assert message == py_error(PortableRandom, -1)


# --- The simulated experiment ------------------------------------------------------------

SIMULATIONS = [
    {},
    {"noise": 0.02, "seed": 3},
    {"truth": "besiroglu2024", "noise": 0.005, "n_budgets": 5, "models_per_budget": 7,
     "n_curves": 8, "seed": 0},
    {"noise": 0.01, "window_exponent": 0.73, "window_offset": 0.3, "seed": 12},
    {"truth": "hoffmann2022_tex", "noise": 0.0, "window_decades": 3.0, "seed": 9},
]


def _camel(options: dict) -> dict:
    return {"".join(w.capitalize() if i else w for i, w in enumerate(k.split("_"))): v
            for k, v in options.items()}


def _js_runs(page, options):
    return page.evaluate(f"""async (options) => {{
        const m = await import({MODULE!r});
        const runs = m.simulateTrainingRuns(options);
        const out = {{}};
        for (const [k, v] of Object.entries(runs)) {{
          if (ArrayBuffer.isView(v)) out[k] = Array.from(v);
        }}
        out.finalRuns = runs.finalRuns();
        return out; }}""", _camel(options))


@pytest.mark.parametrize("options", SIMULATIONS)
def test_the_page_simulates_the_same_runs_as_the_package(page, options):
    runs = simulate_training_runs_portable(**options)
    got = _js_runs(page, options)
    for name in ("isoflop_budget", "isoflop_params", "isoflop_tokens", "isoflop_loss",
                 "curve_run", "curve_params", "curve_tokens", "curve_loss"):
        assert close(got[_camel({name: 0}).popitem()[0]], getattr(runs, name), rtol=1e-13), name
    assert close(got["finalRuns"], runs.final_runs(), rtol=1e-13)


@pytest.mark.parametrize("options", [{"noise": 0.6}, {"n_budgets": 2}, {"seed": 1.5},
                                     {"window_exponent": 1.0}, {"truth": "kaplan"},
                                     {"min_flops": 1e21, "max_flops": 1e21}])
def test_the_simulation_rejects_bad_options_with_the_package_message(page, options):
    message = page.evaluate(f"""async (options) => {{ const m = await import({MODULE!r});
        try {{ m.simulateTrainingRuns(options); }} catch (e) {{ return e.message; }} }}""",
                            _camel(options))
    assert message == py_error(simulate_training_runs_portable, **options)


# --- Approach 3: the parametric fit ------------------------------------------------------

LAW_FIELDS = ("E", "A", "B", "alpha", "beta", "a", "b")


def _example_runs():
    from scalinglaws.runs_csv import parse_runs_csv
    from scalinglaws.widgets.chinchilla import example_runs_csv

    table = parse_runs_csv(example_runs_csv())
    return table.params, table.tokens, table.loss


def _assert_same_law(got, fit, rtol):
    row = fit.law.as_row()
    for name in LAW_FIELDS:
        assert math.isclose(got["law"][name], row[name], rel_tol=rtol), (name, got["law"][name],
                                                                          row[name])
        # What the fit-your-own calculator displays (4 significant figures) is the same.
        assert f"{got['law'][name]:.3g}" == f"{row[name]:.3g}", name


def test_parametric_fit_of_the_example_runs_matches_fit_parametric(page):
    params, tokens, loss = _example_runs()
    fit = ch.fit_parametric(params, tokens, loss)
    got = js(page, "fitParametric", params.tolist(), tokens.tolist(), loss.tolist(), {})
    _assert_same_law(got, fit, rtol=1e-6)
    assert math.isclose(got["objective"], fit.objective, rel_tol=1e-9)
    assert (got["nPoints"], got["nStarts"]) == (fit.n_points, fit.n_starts)


@pytest.mark.parametrize("options", SIMULATIONS[:4])
def test_parametric_fit_of_simulated_runs_matches_fit_parametric(page, options):
    params, tokens, loss = simulate_training_runs_portable(**options).final_runs()
    fit = ch.fit_parametric(params, tokens, loss)
    got = js(page, "fitParametric", params.tolist(), tokens.tolist(), loss.tolist(), {})
    _assert_same_law(got, fit, rtol=1e-6)
    assert got["objective"] <= fit.objective * (1 + 1e-6)


def test_parametric_fit_of_the_replication_data_matches_fit_parametric(page, reference_data):
    path = reference_data / "chinchilla-replication" / "svg_extracted_data.csv"
    params, tokens, loss = ch.read_digitised_runs(path)
    fit = ch.fit_parametric(params, tokens, loss)
    got = js(page, "fitParametric", params.tolist(), tokens.tolist(), loss.tolist(), {})
    _assert_same_law(got, fit, rtol=1e-6)


def test_bootstrap_intervals_agree_within_monte_carlo_error(page):
    """Different random resamples, so agreement is statistical: each endpoint of a 95 %
    percentile interval from n = 200 refits has a Monte Carlo standard error of about
    0.19·σ (σ the bootstrap standard deviation; normal approximation), a difference of two
    independent ones about 0.27·σ; the test allows 4 such errors (1.1·σ). The bootstrap
    standard deviations themselves must agree within 4·√2·σ/√(2(n − 1)) ≈ 0.28·σ."""
    params, tokens, loss = _example_runs()
    n = 200
    fit = ch.fit_parametric(params, tokens, loss, n_bootstrap=n, seed=1)
    got = js(page, "fitParametric", params.tolist(), tokens.tolist(), loss.tolist(),
             {"nBootstrap": n, "seed": 1})
    for name in LAW_FIELDS:
        sigma = fit.standard_errors[name]
        assert abs(got["standardErrors"][name] - sigma) <= 0.28 * sigma, name
        for end in (0, 1):
            assert abs(got["intervals"][name][end] - fit.intervals[name][end]) <= 1.1 * sigma, \
                (name, end, got["intervals"][name], fit.intervals[name])


def test_with_the_same_resamples_the_bootstrap_equals_the_package(page):
    """fit_parametric_portable draws the page's resamples, so the refits agree up to where
    the bootstrap's looser L-BFGS tolerances (ftol 1e-11, gtol 1e-9) stop them: 2e-4 per
    refit, 2e-5 on the interval ends (measured), inside the 4 figures the calculator shows."""
    from scalinglaws.portable_random import fit_parametric_portable

    params, tokens, loss = _example_runs()
    fit = fit_parametric_portable(params, tokens, loss, n_bootstrap=40, seed=6)
    got = js(page, "fitParametric", params.tolist(), tokens.tolist(), loss.tolist(),
             {"nBootstrap": 40, "seed": 6})
    assert close(got["bootstrapThetas"], fit.bootstrap_thetas, rtol=1e-3)
    for name in LAW_FIELDS:
        assert close(got["intervals"][name], fit.intervals[name], rtol=1e-4), name
        assert math.isclose(got["standardErrors"][name], fit.standard_errors[name],
                            rel_tol=1e-3), name


def test_optimal_interval_summarises_the_bootstrap_as_the_package_does(page):
    """Same bootstrap draws on both sides (the JavaScript ones), same summary."""
    params, tokens, loss = _example_runs()
    got = js(page, "fitParametric", params.tolist(), tokens.tolist(), loss.tolist(),
             {"nBootstrap": 30, "seed": 4})
    thetas = np.array(got["bootstrapThetas"])
    fit = ch.ParametricFit(law=ch.HOFFMANN_2022, objective=0.0, n_points=len(params),
                           n_starts=1, n_bootstrap=30, confidence=0.95, bootstrap_thetas=thetas)
    for budget in (1e20, ch.GOPHER_FLOPS, 1e27):
        spread = js(page, "optimalInterval", got, budget)
        for name, interval in ch.optimal_interval(fit, budget).items():
            assert close(spread[name], interval, rtol=1e-11), name
        # a figure's band asks for N_opt alone (its own, cheaper path): the package's interval
        band = js(page, "optimalInterval", got, budget, ["params"])
        assert list(band) == ["params"]
        assert close(band["params"], ch.optimal_interval(fit, budget)["params"], rtol=1e-11)
    quantities = ch.parametric._quantities(thetas)
    for name in LAW_FIELDS:
        assert close(got["intervals"][name], percentile_interval(quantities[name], 0.95),
                     rtol=1e-12)


@pytest.mark.parametrize(("args", "options"), [
    (([1e8, 2e8, 3e8, 4e8], [1e9, 2e9, 3e9, 4e9], [3.0, 2.9, 2.8, 2.7]), {}),
    (([1e8] * 5, [1e9, 2e9, 3e9, 4e9, 5e9], [3.0, 2.9, 2.8, 2.7, 2.6]), {}),
    (([1e8, 2e8, 1e8, 2e8, 1e8], [1e9, 2e9, 1e9, 2e9, 1e9], [3.0, 2.9, 3.0, 2.9, 3.0]), {}),
    (([1e8, 2e8, 3e8, 4e8, 5e8], [1e9, 2e9, 3e9, 4e9, 5e9], [3.0, 2.9, -1, 2.7, 2.6]), {}),
    (([1e8, 2e8, 3e8, 4e8, 5e8], [1e9, 2e9, 3e9, 4e9], [3.0, 2.9, 2.8, 2.7, 2.6]), {}),
    (([1e8, 2e8, 3e8, 4e8, 5e8], [1e9, 2e9, 3e9, 4e9, 5e9], [3.0, 2.9, 2.8, 2.7, 2.6]),
     {"n_bootstrap": -1}),
    (([1e8, 2e8, 3e8, 4e8, 5e8], [1e9, 2e9, 3e9, 4e9, 5e9], [3.0, 2.9, 2.8, 2.7, 2.6]),
     {"confidence": 0.0}),
    (([1e8, 2e8, 3e8, 4e8, 5e8], [1e9, 2e9, 3e9, 4e9, 5e9], [3.0, 2.9, 2.8, 2.7, 2.6]),
     {"n_starts": 0}),
    # Loss rising with N and D: the best fit has β < 0 (the message gives α and β).
    (([1e8, 1e9, 1e8, 1e9, 3e8, 3e8], [1e9, 1e9, 1e10, 1e10, 3e9, 1e10],
      [2 + 0.1 * math.log10(n * d) for n, d in ((1e8, 1e9), (1e9, 1e9), (1e8, 1e10),
                                                 (1e9, 1e10), (3e8, 3e9), (3e8, 1e10))]), {}),
])
def test_parametric_fit_rejects_bad_input_with_the_package_message(page, args, options):
    expected = py_error(ch.fit_parametric, *args, **options)
    assert js_error(page, "fitParametric", *[list(a) for a in args], _camel(options)) == expected


# --- Approaches 1 and 2 and the fit lab ----------------------------------------------------


def _assert_same_allocation(got, fit):
    for name in ("a", "b"):
        assert math.isclose(got[name], getattr(fit, name), rel_tol=1e-9), name
    assert close(got["aCi"], fit.a_ci, rtol=1e-8)
    assert close(got["bCi"], fit.b_ci, rtol=1e-8)
    assert close(got["compute"], fit.compute, rtol=1e-12)
    assert close(got["params"], fit.params, rtol=1e-9)


@pytest.mark.parametrize("options", SIMULATIONS)
def test_envelope_and_isoflop_fits_match_the_package(page, options):
    runs = simulate_training_runs_portable(**options)
    envelope = ch.fit_envelope(runs.curve_run, runs.curve_params, runs.curve_tokens,
                               runs.curve_loss)
    got = js(page, "fitEnvelope", runs.curve_run.tolist(), runs.curve_params.tolist(),
             runs.curve_tokens.tolist(), runs.curve_loss.tolist(), {})
    _assert_same_allocation(got, envelope)
    isoflop = ch.fit_isoflop(runs.isoflop_budget, runs.isoflop_params, runs.isoflop_loss)
    got = js(page, "fitIsoflop", runs.isoflop_budget.tolist(), runs.isoflop_params.tolist(),
             runs.isoflop_loss.tolist(), {})
    _assert_same_allocation(got, isoflop)


def test_the_fit_lab_comparison_matches_the_package_on_the_same_runs(page):
    options = {"noise": 0.01, "window_exponent": 0.73, "seed": 2}
    runs = simulate_training_runs_portable(**options)
    rows = ch.ApproachComparison(
        runs=runs,
        envelope=ch.fit_envelope(runs.curve_run, runs.curve_params, runs.curve_tokens,
                                 runs.curve_loss),
        isoflop=ch.fit_isoflop(runs.isoflop_budget, runs.isoflop_params, runs.isoflop_loss),
        parametric=ch.fit_parametric(*runs.final_runs())).rows()
    got = page.evaluate(f"""async (options) => {{ const m = await import({MODULE!r});
        return m.comparisonRows(m.compareApproaches(options)); }}""",
                        _camel({**options, "n_bootstrap": 0}))
    assert [row["method"] for row in got] == [row["method"] for row in rows]
    for mine, theirs in zip(got, rows, strict=True):
        assert math.isclose(mine["a"], theirs["a"], rel_tol=1e-5), mine["method"]
        assert math.isclose(mine["paramsRatio"], theirs["params_ratio"], rel_tol=1e-4)


@pytest.mark.parametrize(("function", "args"), [
    ("fit_envelope", ([0, 0, 1, 1, 1], [1e8, 1e8, 2e8, 2e8, 2e8], [1e9, 2e9, 1e9, 2e9, 3e9],
                      [3.0, 2.9, 2.8, 2.7, 2.6])),
    ("fit_envelope", ([0, 0, 1, 1, 2], [1e8, 2e8, 2e8, 2e8, 3e8], [1e9, 2e9, 1e9, 2e9, 3e9],
                      [3.0, 2.9, 2.8, 2.7, 2.6])),
    ("fit_envelope", ([0, 0, 1, 1, 2], [1e8, 1e8, 2e8, 2e8, 3e8], [1e9, 2e9, 1e9, 2e9, 3e9],
                      [3.0, 2.9, 2.8, 2.7, float("inf")])),
    ("fit_isoflop", ([1e18] * 5, [1e8, 2e8, 3e8, 4e8, 5e8], [3.0, 2.9, 2.8, 2.9, 3.0])),
    ("fit_isoflop", ([1e18] * 5, [1e8, 2e8, 3e8, 4e8], [3.0, 2.9, 2.8, 2.9, 3.0])),
])
def test_envelope_and_isoflop_reject_bad_input_with_the_package_message(page, function, args):
    name = {"fit_envelope": "fitEnvelope", "fit_isoflop": "fitIsoflop"}[function]
    assert js_error(page, name, *args, {}) == py_error(getattr(ch, function), *args)


# --- Reading runs from CSV -------------------------------------------------------------------

_PARSE = """async ([text, bytes, source]) => {
  const m = await import(__MODULE__);
  try {
    const data = bytes === null ? text : Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
    const table = m.parseRunsCsv(data, source);
    return {ok: table};
  } catch (error) { return {error: String(error.message)}; }
}""".replace("__MODULE__", repr(MODULE))


def _compare_parse(page, data, source="runs.csv"):
    """Parse ``data`` (str or bytes) on both sides; the same table or the same message."""
    from scalinglaws.runs_csv import parse_runs_csv

    as_bytes = isinstance(data, bytes)
    got = page.evaluate(_PARSE, [None if as_bytes else data,
                                 base64.b64encode(data).decode() if as_bytes else None, source])
    try:
        table = parse_runs_csv(data, source)
    except ValueError as error:
        assert got == {"error": str(error)}
        return "error"
    assert "ok" in got, got
    mine = got["ok"]
    assert mine["columns"] == table.columns
    assert mine["lines"] == table.lines.tolist()
    assert mine["nRuns"] == table.n_runs
    for name in ("params", "tokens", "loss"):
        assert close(mine[name], getattr(table, name), rtol=1e-15), name
    return "table"


GOOD = "params,tokens,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n4e8,8e9,2.7\n8e8,2e10,2.5\n1.6e9,4e10,2.4\n"


@pytest.mark.parametrize("data", [
    GOOD,
    GOOD.replace(",", ";"),
    GOOD.replace(",", "\t"),
    GOOD.replace("\n", "\r\n"),
    "# my runs\n\n" + GOOD.replace("params,tokens", "Model-Size, Training_FLOPs") + "\n# end\n",
    GOOD.replace("params,tokens,loss", "name,N,D,L,C").replace("\n1", "\nrun,1").replace(
        "3.1", "3.1,1e20").replace("2.9", "2.9,1").replace("2.7", "2.7,1").replace(
        "2.5", "2.5,1").replace("2.4", "2.4,1"),
    GOOD.replace("1e8", '"1e8"').replace("2e8", "2_000_000_00"),
    GOOD.replace("params,tokens,loss", "params,flops,loss"),
    GOOD.replace("params,tokens,loss", "paramz,tokns,los"),
    GOOD.replace("params,tokens,loss", "params,params,loss"),
    GOOD.replace("params,tokens,loss", "params,loss"),
    GOOD.replace("2.9", ""),
    GOOD.replace("2.9", "abc"),
    GOOD.replace("2.9", "inf"),
    GOOD.replace("2.9", "1e999"),
    GOOD.replace("2.9", "-2.9"),
    GOOD.replace("2.9", "0"),
    GOOD.replace("2.9", "2.9,7"),
    GOOD.replace("2.9", "x" * 80),
    "\n".join(GOOD.splitlines()[:4]),
    "",
    "   \n# only a comment\n",
    "a\x00b",
    "params,tokens,loss\n" + "1,2,3\n" * 10_001,
    "x" * 1_000_001,
    "\ufeff" + GOOD,
    GOOD.replace("params", "p\u00e4rams"),
    GOOD.encode("utf-8-sig"),
    GOOD.encode("utf-8")[:30] + b"\xff" + GOOD.encode("utf-8")[30:],
    b"\xef\xbb\xbfparams\xed\xa0\x80",
    b"x" * 1_000_001,
], ids=lambda data: f"{type(data).__name__}{len(data)}")
def test_runs_csv_parses_as_the_package_does(page, data):
    _compare_parse(page, data)


CSV_ALPHABET = st.sampled_from(list("0123456789.,;\t\n\r e-+_#\"'") + ["params", "tokens",
                                                                       "loss", "flops", "N",
                                                                       "nan", "inf", "1e9"])


@settings(max_examples=100, deadline=None)
@given(header=st.sampled_from(["params,tokens,loss", "N;D;L", "n\tflops\tloss", "paramz,x,loss",
                               "params,tokens,tokens,loss", ""]),
       body=st.lists(CSV_ALPHABET, max_size=80).map("".join))
def test_runs_csv_agrees_with_the_package_on_random_text(page, header, body):
    _compare_parse(page, header + "\n" + body, source="pasted text")


# --- Off the main thread ---------------------------------------------------------------------


def test_the_worker_runs_a_fit_and_reports_errors_as_messages(page):
    params, tokens, loss = _example_runs()
    replies = page.evaluate("""async ([params, tokens, loss]) => {
        const worker = new Worker("/book/static/live/numerics/worker.js", {type: "module"});
        const ask = (message) => new Promise((resolve) => {
          worker.onmessage = ({data}) => resolve(data);
          worker.postMessage(message);
        });
        const fit = await ask({id: 1, name: "fitParametric", args: [params, tokens, loss, {}]});
        const bad = await ask({id: 2, name: "fitParametric", args: [[1], [1], [1], {}]});
        worker.terminate();
        return [fit, bad]; }""", [params.tolist(), tokens.tolist(), loss.tolist()])
    fit, bad = replies
    assert fit["id"] == 1 and math.isclose(fit["value"]["law"]["alpha"],
                                           ch.fit_parametric(params, tokens, loss).law.alpha,
                                           rel_tol=1e-6)
    assert bad == {"id": 2, "error": py_error(ch.fit_parametric, [1], [1], [1])}


# --- Chapter 4: the best split of a budget under capped unique data --------------------------

_DATALIMITS = "/book/static/live/numerics/datalimits.js"

#: Test functions written in both languages for the bounded scalar minimiser.
_SCALAR_FUNCTIONS = [
    ("(x - 2) ** 2 + 0.3 * Math.sin(3 * x)", lambda x: (x - 2) ** 2 + 0.3 * math.sin(3 * x),
     (-1.0, 5.0)),
    ("Math.exp(x) - 4 * x", lambda x: math.exp(x) - 4 * x, (0.0, 3.0)),
    ("Math.abs(x - 0.7)", lambda x: abs(x - 0.7), (0.0, 1.0)),
    ("x", lambda x: x, (-2.0, 2.0)),  # minimum at a bound
    ("Math.cos(x)", math.cos, (2.0, 4.0)),
]


def test_bounded_scalar_minimiser_is_scipys(page):
    from scipy import optimize

    for source, function, bounds in _SCALAR_FUNCTIONS:
        for xatol in (1e-5, 1e-9):
            got = page.evaluate(f"""async ([bounds, xatol]) => {{
                const m = await import({_DATALIMITS!r});
                return m.minimizeScalarBounded((x) => {source}, bounds, {{xatol}}); }}""",
                                [list(bounds), xatol])
            want = optimize.minimize_scalar(function, bounds=bounds, method="bounded",
                                            options={"xatol": xatol})
            assert got["nfev"] == want.nfev, source
            assert math.isclose(got["x"], want.x, rel_tol=1e-12, abs_tol=1e-14), source
            assert got["success"] is bool(want.success)


def test_data_constrained_optimum_is_the_packages(page):
    from scalinglaws import datalimits as dl

    cases = [(c, unique, key) for c in (1e18, 6 * 8.67e9 * 178e9, 1e23, 1e26, 1e10, 1e35)
             for unique in (1e3, 1e8, 25e9, 1e12, 1e14, 1e17) for key in dl.DATA_LAWS]
    laws = {key: {"E": law.E, "A": law.A, "B": law.B, "alpha": law.alpha, "beta": law.beta,
                  "rd_star": law.rd_star, "rn_star": law.rn_star}
            for key, law in dl.DATA_LAWS.items()}
    got = page.evaluate(f"""async ([cases, laws]) => {{
        const m = await import({_DATALIMITS!r});
        return cases.map(([c, unique, key]) => {{
          const o = m.dataConstrainedOptimum(c, unique, laws[key]);
          return [o.params, o.tokens, o.epochs, o.loss, o.chinchilla.params,
                  o.chinchilla.tokens, o.chinchilla_epochs, o.chinchilla_loss];
        }}); }}""", [cases, laws])
    for (c, unique, key), values in zip(cases, got, strict=True):
        o = dl.data_constrained_optimum(c, unique, key)
        want = [o.params, o.tokens, o.epochs, o.loss, o.chinchilla.params, o.chinchilla.tokens,
                o.chinchilla_epochs, o.chinchilla_loss]
        assert close(values, want, rtol=1e-9), (c, unique, key, values, want)
    readme = got[cases.index((6 * 8.67e9 * 178e9, 25e9, "muennighoff2023"))]
    # the authors' README: 6.8B parameters, 227B tokens, 9.1 epochs
    assert (round(readme[0] / 1e9, 1), round(readme[1] / 1e9), round(readme[2], 1)) == (
        6.8, 227, 9.1)
