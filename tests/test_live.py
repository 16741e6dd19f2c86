"""The live calculators of the website compute what the package computes, in a real browser.

The page's JavaScript is generated from the package (``scalinglaws/formulas.py`` translated,
the data exported) or is a view tested here against it: the number formats against
Python's ``format``, the input checks against ``scalinglaws._validate``, the generated
formulas against the Python functions, and every calculator, at 20 settings or more (every
control's extremes included), against its Python twin: the same rows of results, the same
message for bad input, the same figure (alt text, legend, axis labels).
These tests need no book build: they load the calculators' HTML versions into one page.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from pathlib import Path

import pytest

from scalinglaws import chinchilla as ch
from scalinglaws import formulas
from scalinglaws._validate import integer_in_range, number_in_range
from scalinglaws.web import export, translate
from scalinglaws.widgets import (
    accelerator_calculator,
    allocation_calculator,
    benchmark_calculator,
    dennard_calculator,
    energy_calculator,
    fit_lab_calculator,
    fit_your_runs_calculator,
    inference_optimum_calculator,
    isoflop_calculator,
    leap_calculator,
    lifetime_calculator,
    mirage_calculator,
    moore_calculator,
    power_law_calculator,
    quality_calculator,
    reliability_calculator,
    repetition_calculator,
    runway_calculator,
    serving_calculator,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import live_harness as harness  # noqa: E402  (a test helper, outside the package)

LIVE = {
    "dennard": dennard_calculator,
    "moore": moore_calculator,
    "accelerators": accelerator_calculator,
    "allocation": allocation_calculator,
    "isoflop": isoflop_calculator,
    "power-law-fit": power_law_calculator,
    "fit-your-runs": fit_your_runs_calculator,
    "fit-lab": fit_lab_calculator,
    "repetition": repetition_calculator,
    "data-quality": quality_calculator,
    "data-runway": runway_calculator,
    "mirage": mirage_calculator,
    "benchmark-reader": benchmark_calculator,
    "lifetime": lifetime_calculator,
    "inference-optimum": inference_optimum_calculator,
    "serving": serving_calculator,
    "energy": energy_calculator,
    "reliability": reliability_calculator,
    "leap": leap_calculator,
}


def test_generated_javascript_is_up_to_date():
    assert export.main(["--check"]) == 0, "run `make js` and commit book/static/live/generated"


def test_translator_rejects_python_outside_its_subset():
    with pytest.raises(translate.TranslationError, match="line 2: the call lambda"):
        translate.translate_source("def f(x):\n    return (lambda y: y)(x)\n")
    with pytest.raises(translate.TranslationError, match="keyword argument"):
        translate.translate_source("def f(x):\n    return g(x, y=1)\n\n"
                                   "def g(x, y):\n    return x\n")
    with pytest.raises(translate.TranslationError, match="the call print"):
        translate.translate_source("def f(x):\n    return print(x)\n")


def test_every_calculator_names_its_page_view():
    for name, factory in LIVE.items():
        calculator = factory()
        assert calculator.name == name
        assert (harness.STATIC / "live" / "views" / f"{name}.js").is_file()
        html = calculator.to_html()
        assert f'data-calculator="{name}"' in html
        assert 'data-output="results"' in html and 'data-output="figure"' in html
        assert "<img" in html and "<table>" in html  # the no-JavaScript fallback


def test_jupyter_gets_the_widget_and_the_website_the_html():
    bundle = dennard_calculator()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # Jupyter, Binder, Colab
    assert bundle["text/html"].startswith('<div class="sl-calculator" data-calculator="dennard"')
    spec = json.loads(bundle["text/html"].split('class="sl-spec">')[1].split("</script>")[0])
    assert [control["name"] for control in spec["controls"]] == [
        "kappa", "generations", "voltage_scales", "frequency_scales"]
    assert spec["controls"][0]["low"] == 1.0 and spec["controls"][0]["high"] == 10.0


@pytest.fixture(scope="module")
def calculators():
    return {name: factory() for name, factory in LIVE.items()}


@pytest.fixture(scope="module")
def page(browser, calculators, tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    harness.calculator_page(folder, [factory() for factory in LIVE.values()])
    problems = []
    with harness.serve(folder) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: m.type in ("error", "warning")
                and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.goto(f"{url}/index.html")
        page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                               timeout=15_000)
        page.problems = problems
        yield page
        page.close()


# --- The building blocks against Python --------------------------------------------------

FORMAT_SPECS = [".3g", ".4g", ".2g", ".6g", "g", ",.0f", ",.1f", ",.4g", ".0f", ".1f", ".2f",
                ".3f", ".4f", "+.3g", ".3e", ".1%", ""]


def _format_cases() -> list[tuple[float, str]]:
    rng = random.Random(1)
    values = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e-5, 9.995, 9.9995, 99.95,
              999.5, 0.00012345, 123456789.0, 1e16, 1e22, 3.09e11, 2300.0, 5.76e23, 0.0005,
              1234.5, 72.45, 0.045, 1 / 3, 2 / 3, math.sqrt(2), math.pi * 1e8, 1e100, 1e-300,
              float("nan"), float("inf"), -float("inf")]
    values += [rng.uniform(-1, 1) * 10 ** rng.randint(-8, 25) for _ in range(300)]
    values += [round(rng.uniform(0, 1000), rng.randint(0, 4)) for _ in range(150)]
    # No type (str()) only for Python ints: JavaScript has one number type, and the views
    # format floats with a type.
    cases = [(value, spec) for value in values for spec in FORMAT_SPECS if spec]
    cases += [(value, "") for value in (0, 7, -42, 2300, 10**15)]
    return cases


def test_number_formats_match_python(page):
    cases = _format_cases()
    payload = [[None if math.isnan(v) else v if math.isfinite(v) else str(v), spec]
               for v, spec in cases]
    got = page.evaluate("""async (cases) => {
      const { format } = await import('./live/pyformat.js');
      const number = (v) => v === null ? NaN : v === 'inf' ? Infinity
        : v === '-inf' ? -Infinity : v;
      return cases.map(([v, spec]) => format(number(v), spec));
    }""", payload)
    wrong = [(value, spec, page_text, format(value, spec))
             for (value, spec), page_text in zip(cases, got, strict=True)
             if page_text != format(value, spec)]
    assert len(cases) > 5000
    assert wrong == []


def test_power_of_ten_labels_match_python(page):
    from scalinglaws.plotting import power_of_ten_label

    values = [10.0**k for k in range(-12, 30)] + [3e4, 0.2, 2.5e-7, 3.09e11, 1.84e11, 7.77e25,
                                                   9999.0, 0.01, 0.0099, 0.0, -1.0]
    got = page.evaluate("""async (values) => {
      const { powerOfTenLabel } = await import('./live/pyformat.js');
      return values.map(powerOfTenLabel);
    }""", values)
    assert got == [power_of_ten_label(value) for value in values]


def test_readable_numbers_match_python(page):
    from scalinglaws.plotting import count_in_words, readable_numbers

    texts = [format(v, spec) + " x" for v in (1.01e12, 1e19, 1e-5, -2.78e-17, 3.61e29, 0.5, -0.0,
                                              5.76e23, 2300.0)
             for spec in (".3g", ",.3g", "g", ".2e", ".1f")]
    texts += ["2020-05, -0 %, 1e+06 million", "has 8.7e+09. -0. 1e+00"]
    counts = [0.0, 2300.4, 999_999.6, 1e6, 999.96e6, 1.0149e12, 999.6e12, 1e15, 3.61e29, -3e9]
    got = page.evaluate("""async ([texts, counts]) => {
      const { readableNumbers, countInWords } = await import('./live/pyformat.js');
      return [texts.map(readableNumbers), counts.map(countInWords)];
    }""", [texts, counts])
    assert got == [[readable_numbers(t) for t in texts], [count_in_words(v) for v in counts]]
    assert not any(re.search(r"\de[+-]|-0\b", text) for text in got[0] + got[1])
    assert count_in_words(1.0149e12) == "1.01 trillion"


def test_input_checks_give_the_package_messages(page):
    cases = [("kappa", 0.5, 1, 10, True, False), ("kappa", 10.5, 1.0, 10.0, True, False),
             ("n_accelerators", 0, 1, 1e8, True, True), ("n_accelerators", 2e8, 1, 1e8, True, True),
             ("utilization", 0.0, 0, 1, False, False), ("noise", -1, 0, None, True, False),
             ("x", 5.0, None, 2, True, False), ("seed", -1, 0, 2**32 - 1, True, True)]
    for name, value, low, high, low_inclusive, integer in cases:
        with pytest.raises(ValueError) as python:
            if integer:
                integer_in_range(name, value, low, high)
            else:
                number_in_range(name, value, low, high, low_inclusive=low_inclusive)
        got = page.evaluate("""async ([name, value, low, high, lowInclusive, integer]) => {
          const v = await import('./live/validate.js');
          try {
            if (integer) { v.integerInRange(name, value, low, high); }
            else { v.numberInRange(name, value, low, high, { lowInclusive }); }
          } catch (error) { return error.message; }
          return null;
        }""", [name, value, low, high, low_inclusive, integer])
        assert got == str(python.value), (name, value)


def _law(law):
    return {"E": law.E, "A": law.A, "B": law.B, "alpha": law.alpha, "beta": law.beta}


def test_generated_formulas_match_the_package(page):
    rng = random.Random(2)
    calls = []
    for _ in range(40):
        law = rng.choice(list(ch.LAWS.values()))
        c = 10 ** rng.uniform(15, 30)
        n, d = 10 ** rng.uniform(6, 13), 10 ** rng.uniform(8, 15)
        kappa = rng.uniform(1, 10)
        calls += [
            ("optimal_params", [_law(law), c], formulas.optimal_params(law, c)),
            ("optimal_tokens", [_law(law), c], formulas.optimal_tokens(law, c)),
            ("law_loss", [_law(law), n, d], formulas.law_loss(law, n, d)),
            ("kaplan_params", [c, 1.3e9, 0.73, 2.0], formulas.kaplan_params(c, 1.3e9, 0.73, 2.0)),
            ("cluster_flops", [1024, 30, 0.4, 989.5e12],
             formulas.cluster_flops(1024, 30, 0.4, 989.5e12)),
            ("doubling_projection", [2300, 1971, rng.uniform(0.5, 4), 2025.0], None),
            ("newer_over_older_doubling_time", [rng.uniform(0.1, 10), rng.randint(-8, 8)], None),
            ("dennard_rules", [kappa, rng.random() < 0.5, rng.random() < 0.5], None),
            ("isoflop_sizes", [n, rng.uniform(0.1, 3), rng.randint(3, 60)], None),
            ("logspace", [18.0, 28.0, 41], None),
        ]
    calls = [(name, args, getattr(formulas, name)(*args) if value is None else value)
             for name, args, value in calls]
    got = page.evaluate("""async (calls) => {
      const F = await import('./live/generated/formulas.js');
      return calls.map(([name, args]) => {
        const value = F[name](...args);
        return Number.isNaN(value) ? 'nan' : value;
      });
    }""", [[name, args] for name, args, _ in calls])
    for (name, args, want), have in zip(calls, got, strict=True):
        want = json.loads(json.dumps(want, default=float).replace("NaN", '"nan"'))
        _close(have, want, name, args)


def test_generated_outlook_formulas_match_the_package(page):
    from scalinglaws import outlook_formulas

    rng = random.Random(7)
    calls = []
    for _ in range(40):
        m, delta = 10 ** rng.uniform(-1, 5), 10 ** rng.uniform(-2, 2)
        calls += [
            ("training_energy_joules", [10 ** rng.uniform(18, 32), 10 ** rng.uniform(11, 13),
                                        rng.uniform(0.05, 1), rng.uniform(1, 2)]),
            ("emissions_tonnes", [10 ** rng.uniform(9, 20), rng.uniform(0, 1000)]),
            ("daly_interval", [delta, m]),
            ("goodput", [10 ** rng.uniform(-1, 5), delta, rng.uniform(0, 60), m]),
            ("years_for_factor", [10 ** rng.uniform(0, 9), rng.uniform(1.01, 100)]),
            ("reducible_loss_factor", [10 ** rng.uniform(0, 9), rng.uniform(0.01, 0.5)]),
        ]
    want = [float(getattr(outlook_formulas, name)(*args)) for name, args in calls]
    got = page.evaluate("""async (calls) => {
      const O = await import('./live/generated/outlook_formulas.js');
      return calls.map(([name, args]) => O[name](...args));
    }""", calls)
    for (name, args), have, value in zip(calls, got, want, strict=True):
        assert have == pytest.approx(value, rel=1e-13, abs=1e-300), (name, args)


def _close(have, want, name, args):
    if isinstance(want, dict):
        assert set(have) == set(want)
        for key in want:
            _close(have[key], want[key], name, args)
    elif isinstance(want, list):
        assert len(have) == len(want)
        for h, w in zip(have, want, strict=True):
            _close(h, w, name, args)
    elif want == "nan":
        assert have == "nan", (name, args)
    else:
        assert have == pytest.approx(float(want), rel=1e-13, abs=0), (name, args)


# --- Every calculator against its Python twin --------------------------------------------

_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]\d+)?")
_POWER = re.compile(r"(?:(\d+(?:\.\d+)?)×)?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_FROM_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def _e_notation(text: str) -> str:
    """'1.01×10¹²' and '10⁻⁵' as '1.01e+12' and '1e-05', to compare numbers within rounding."""
    def plain(match):
        exponent = int(match.group(2).translate(_FROM_SUPERSCRIPT))
        return f"{match.group(1) or '1'}e{exponent:+03d}"
    return _POWER.sub(plain, text)


def _display_unit(number: str) -> float:
    """One unit of the last digit shown: 0.01 for '2.01', 1e-19 for '1.39e-17'."""
    mantissa, _, exponent = number.partition("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 10.0 ** ((int(exponent) if exponent else 0) - decimals)


def _same_within_display(page_text: str, text: str) -> bool:
    """The same text, or the same words with each number equal within its displayed rounding
    (one unit of its last digit; values below 1e-12, a rounding error of zero, count as 0)."""
    if page_text == text:
        return True
    page_text, text = _e_notation(page_text), _e_notation(text)
    if _NUMBER.sub("#", page_text) != _NUMBER.sub("#", text):
        return False
    for shown, want in zip(_NUMBER.findall(page_text), _NUMBER.findall(text), strict=True):
        a, b = float(shown.replace(",", "")), float(want.replace(",", ""))
        mantissa = want.split("e")[0]
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        exponent = int(want.split("e")[1]) if "e" in want else 0
        unit = 10.0 ** (exponent - decimals)
        if not (abs(a - b) <= unit * 1.0000001 or max(abs(a), abs(b)) < 1e-12 * 10**exponent
                or (abs(a) < 1e-12 and abs(b) < 1e-12)):
            return False
    return True



_INTERVAL = re.compile(r"\[([^,\]]+), ([^\]]+)\]")
#: Calculators whose intervals come from bootstrap refits (L-BFGS in each language).
BOOTSTRAPPED = {"fit-your-runs"}


def _same_intervals(page_text: str, text: str, n_bootstrap: int) -> bool:
    """Point estimates within displayed rounding; the ends of a 95 % bootstrap interval within
    twice their Monte Carlo error, sqrt(p(1-p)/n)/phi(z_p) standard deviations (p = 0.025, the
    width being 3.92 of them): the same resamples, refitted by two L-BFGS implementations,
    may differ in a refit or two, which moves an end by about one resample's spacing."""
    tolerance = 2 * math.sqrt(0.025 * 0.975 / max(n_bootstrap, 1)) / 0.05845 / 3.92
    page_text, text = _e_notation(page_text), _e_notation(text)
    page_ends, ends = _INTERVAL.findall(page_text), _INTERVAL.findall(text)
    if len(page_ends) != len(ends):
        return False
    for (p_low, p_high), (low, high) in zip(page_ends, ends, strict=True):
        width = abs(float(high) - float(low))
        for shown, want in ((p_low, low), (p_high, high)):
            allowed = tolerance * width + _display_unit(want) + _display_unit(shown)
            if abs(float(shown) - float(want)) > allowed:
                return False
    return _same_within_display(_INTERVAL.sub("[]", page_text), _INTERVAL.sub("[]", text))


#: Valid values tried at most, per number box (the box's bound is still tried as out of range).
CAPS = {"fit-your-runs": {"n_bootstrap": 40}, "fit-lab": {"n_bootstrap": 40}}


#: Bad input the package checks only in some settings (the hardware of the allocator).
EXTRA = {"allocation": [{"budget_source": "hardware", "n_accelerators": text}
                        for text in ("0", "100000001", "", "12abc", "1", "100000000")],
         # valid stocks (random ones are mostly out of order) with repetition and synthetic data
         "data-runway": [{"stock_tokens": stock, "stock_low": stock / 3, "stock_high": stock * 3,
                          "epochs": epochs, "synthetic_multiplier": synthetic,
                          "start_year": year, "growth_per_year": growth}
                         for stock, epochs, synthetic, year, growth in (
                             (3e14, 4, 1, "2024", "2.67"), (3e14, 1, 10, "2030", "1.5"),
                             (1e13, 100, 1000, "1950", "1.01"), (1e16, 16, 3, "2100", "10"),
                             (3e13, 2.5, 1, "2000", "2.67"), (1e15, 1, 1, "2024", "1000.0"))],
         # each law at the corners of demand and size (the optimum's bracket at its extremes)
         "inference-optimum": [{"reference_params": n, "inference_tokens": t, "law": law,
                                "objective": objective}
                               for law in ("sardana2024", "hoffmann2022", "besiroglu2024")
                               for n, t in ((1e9, 1e15), (1e12, 1e9))
                               for objective in ("flops", "same-chip", "readme")],
         # the start year's range depends on what counts as one chip (single dies end in 2024)
         "moore": [{"start_year": text, "per_die": per_die}
                   for text in ("1970", "1971", "2023", "2024", "2025", "2012")
                   for per_die in (True, False)]}


def _check_settings(page, calculator, name):
    settings = harness.settings_for(calculator, caps=CAPS.get(name)) + EXTRA.get(name, [])
    assert len(settings) >= 20
    checked = errors = 0
    for setting in settings:
        shown = page.evaluate(harness.SET_CONTROLS, [name, setting])
        rows, result, message = harness.expected(calculator, shown["values"])
        if message is not None:
            assert shown["error"] == message, setting
            assert shown["rows"] == [] and shown["figure"] is None, setting  # nothing stale
            assert "No result until the input is fixed." in shown["empty"]
            errors += 1
            continue
        assert shown["error"] is None, (setting, shown["error"])
        assert len(shown["rows"]) == len(rows), setting
        for (page_label, page_text), (label, text) in zip(shown["rows"], rows, strict=True):
            assert page_label == label, setting
            same = (_same_intervals(page_text, text, int(shown["values"]["n_bootstrap"]))
                    if name in BOOTSTRAPPED
                    else _same_within_display(page_text, text))
            assert same, (setting, page_text, text)
        facts = harness.figure_facts(calculator, result)
        assert shown["figure"]["alt"] == facts["alt"], setting
        assert shown["figure"]["legend"] == facts["legend"], setting
        assert shown["figure"]["labels"] == facts["labels"], setting
        checked += 1
    for text in json.dumps(page.evaluate(harness.SET_CONTROLS, [name, {}])).split('"'):
        assert text not in ("NaN", "Infinity", "undefined"), text
    return checked, errors


@pytest.mark.parametrize("name", list(LIVE))
def test_calculator_shows_what_the_package_computes(page, calculators, name):
    checked, errors = _check_settings(page, calculators[name], name)
    assert checked >= 15
    assert page.problems == []


_TWO_STEPS = """async (counts) => {
  const root = document.querySelector('[data-calculator="fit-your-runs"]');
  const calc = root.liveCalculator;
  const box = calc.controls.find((c) => c.spec.name === "n_bootstrap").input;
  const cells = () => [...root.querySelectorAll('[data-output="results"] td')]
    .map((td) => td.textContent);
  const pending = [];
  let atOnce, busy;
  for (const count of counts) {
    box.value = String(count);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    [atOnce, busy] = [cells(), root.getAttribute("aria-busy")];
    pending.push(calc.settled);
  }
  await Promise.all(pending);
  return { atOnce, busy, final: cells(), busyAfter: root.getAttribute("aria-busy") };
}"""


def test_fit_your_runs_shows_its_point_fit_at_once_and_its_intervals_when_refitted(page):
    """A new bootstrap count shows the point fit at once, marked as computing; the intervals
    follow from the worker's refits, around the same estimates. A refit for a count the reader
    has since changed is dropped, never shown beside the new count."""
    steps = page.evaluate(_TWO_STEPS, [300])
    assert steps["busy"] == "true" and steps["busyAfter"] is None
    assert "computing 300 bootstrap refits" in steps["atOnce"][0]
    assert "95 % bootstrap interval" in steps["final"][0]
    assert "[" not in "".join(steps["atOnce"][1:])
    without_intervals = [re.sub(r" \[[^\]]*\]", "", text) for text in steps["final"][1:]]
    assert without_intervals == steps["atOnce"][1:]
    # 300 refits asked for, then none: the 300 arrive after the change and are dropped
    steps = page.evaluate(_TWO_STEPS, [300, 0])
    assert "no intervals" in steps["final"][0] and "[" not in "".join(steps["final"])
    assert steps["busyAfter"] is None
    assert page.problems == []


_BUDGET_WHILE_REFITTING = """async () => {
  const root = document.querySelector('[data-calculator="fit-your-runs"]');
  const calc = root.liveCalculator;
  const control = (name) => calc.controls.find((c) => c.spec.name === name).input;
  let asked = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) { asked += 1; post.call(this, message); };
  try {
    const count = control("n_bootstrap");
    count.value = "700";
    count.dispatchEvent(new Event("input", { bubbles: true }));
    const budget = control("budget");
    for (const step of [0.5, -0.25, 0.25]) {
      budget.value = String(Number(budget.value) + step);
      budget.dispatchEvent(new Event("input", { bubbles: true }));
    }
    await calc.settled;
  } finally {
    Worker.prototype.postMessage = post;
  }
  return { asked, first: root.querySelector('[data-output="results"] td').textContent };
}"""


def test_fit_your_runs_moving_the_budget_while_refitting_asks_for_the_refits_once(page):
    """The refits depend on the runs and their count, not on the budget: moving the budget
    while they run waits for them instead of queueing the same refits again."""
    steps = page.evaluate(_BUDGET_WHILE_REFITTING)
    assert steps["asked"] == 1
    assert "95 % bootstrap interval" in steps["first"]
    assert page.problems == []


# --- A calculator's button (the repetition calculator's best split) against the package ---

_PRESS = """(name) => {
  const root = document.querySelector(`[data-calculator="${name}"]`);
  root.querySelector("button.sl-action").click();
  const rows = [...root.querySelectorAll('[data-output="action"] tr')].map((tr) =>
    [tr.querySelector("th").textContent, tr.querySelector("td").textContent]);
  const svg = root.querySelector('[data-output="action-figure"] svg');
  return { rows, figure: """ + harness.FIGURE_FACTS_JS + """ };
}"""


def _action_facts(calculator, values):
    """The package's rows and figure facts of the calculator's button for the page's values."""
    from scalinglaws import plotting

    result = calculator.action.run(**values)
    fig, ax = plotting.new_figure(*calculator.figure_size, fast=True)
    alt = calculator.action.draw(result, fig, ax)
    return calculator.action.describe(result), {
        "alt": alt, "legend": [text.get_text() for text in ax.get_legend().get_texts()],
        "labels": [ax.get_xlabel(), ax.get_ylabel()]}


def test_repetition_button_finds_the_package_split(page, calculators):
    calculator = calculators["repetition"]
    settings = harness.settings_for(calculator, n_random=16, seed=4)
    assert len(settings) >= 20
    for setting in settings:
        shown = page.evaluate(harness.SET_CONTROLS, ["repetition", setting])
        assert shown["error"] is None, setting
        pressed = page.evaluate(_PRESS, "repetition")
        rows, facts = _action_facts(calculator, shown["values"])
        assert len(pressed["rows"]) == len(rows), setting
        for (page_label, page_text), (label, text) in zip(pressed["rows"], rows, strict=True):
            assert page_label == label, setting
            assert _same_within_display(page_text, text), (setting, page_text, text)
        assert pressed["figure"] == facts, setting
    # a control moved after the button withdraws the split (nothing stale)
    page.evaluate(harness.SET_CONTROLS, ["repetition", {"epochs": 8}])
    assert page.evaluate("""() => document.querySelector(
      '[data-calculator="repetition"] [data-output="action"]').textContent""").startswith(
        "Press")
    assert page.problems == []


@pytest.mark.parametrize("name", ["repetition", "data-quality", "data-runway", "lifetime",
                                  "inference-optimum", "serving"])
def test_chapter_4_figures_have_the_package_axes(page, calculators, name):
    """Linear or log on each axis as the package's figure (and its button's figure)."""
    from scalinglaws import plotting

    calculator = calculators[name]
    page.evaluate(harness.SET_CONTROLS, [name, {}])
    shown = page.evaluate("""(name) => {
      const calc = document.querySelector(`[data-calculator="${name}"]`).liveCalculator;
      calc.update(null);
      const figure = calc.view.figure(calc.result);
      const scales = [[figure.xscale, figure.yscale]];
      if (calc.view.actionFigure) {
        const action = calc.view.actionFigure(calc.view.action(calc.values(), calc.result));
        scales.push([action.xscale, action.yscale]);
      }
      return { values: calc.values(), scales };
    }""", name)
    rows, result, message = harness.expected(calculator, shown["values"])
    assert message is None
    want = [harness.figure_facts(calculator, result)["scales"]]
    if calculator.action is not None:
        fig, ax = plotting.new_figure(*calculator.figure_size, fast=True)
        calculator.action.draw(calculator.action.run(**shown["values"]), fig, ax)
        want.append([ax.get_xscale(), ax.get_yscale()])
    assert shown["scales"] == want


_BAND_OPACITIES = """() => [...document.querySelectorAll('[data-calculator] .sl-band')]
  .map((band) => Number(getComputedStyle(band).fillOpacity))"""


def test_bands_are_twice_as_opaque_on_the_dark_theme(browser, tmp_path):
    """A blue band at the package's opacity (0.2) all but vanishes on the dark page:
    ``course.css`` doubles it there, in the figure and its legend; an orange one (the power-law
    fit's, 0.25) shows as it is."""
    shown = {}
    for theme in ("light", "dark"):
        harness.calculator_page(tmp_path / theme, [LIVE["benchmark-reader"](),
                                                   LIVE["power-law-fit"]()], theme=theme)
        with harness.serve(tmp_path / theme) as url:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(f"{url}/index.html")
            page.wait_for_function(
                "document.documentElement.dataset.calculatorsReady === 'true'")
            for figure in page.locator('[data-output="figure"]').all():
                figure.scroll_into_view_if_needed()
            page.wait_for_function(f"({_BAND_OPACITIES})().length === 4")
            shown[theme] = page.evaluate(_BAND_OPACITIES)
            page.close()
    assert shown["light"] == pytest.approx([0.2, 0.2, 0.25, 0.25])
    assert shown["dark"] == pytest.approx([0.4, 0.4, 0.25, 0.25])


# --- The fit lab's button: the three approaches, computed in a worker -----------------------

_RUN_ACTION = """async (name) => {
  const root = document.querySelector(`[data-calculator="${name}"]`);
  const pending = root.liveCalculator.runAction();
  const busy = root.getAttribute("aria-busy") === "true"
    && root.querySelector('[data-output="action"]').textContent;
  await pending;
  const svg = root.querySelector('[data-output="action-figure"] svg');
  const alert = root.querySelector('[role="alert"]');
  const result = root.liveCalculator.actionResult;
  const thetas = result && result.comparison.parametric.bootstrapThetas;
  return {
    busy, error: alert && !alert.hidden ? alert.textContent : null,
    thetas: thetas ? thetas.map((t) => Array.from(t, (v) => Number.isFinite(v) ? v : null)) : null,
    rows: [...root.querySelectorAll('[data-output="action"] tr')].map((tr) =>
      [tr.querySelector("th").textContent, tr.querySelector("td").textContent]),
    figure: """ + harness.FIGURE_FACTS_JS + """,
  };
}"""


def _order_statistic_interval(samples, q: float, n_sigma: float = 2.0) -> tuple[float, float]:
    """Where the q-quantile of the population lies, from the order statistics of ``samples``
    (distribution-free): ranks n·q ± n_sigma·sqrt(n·q·(1-q))."""
    ordered = sorted(samples)
    n = len(ordered)
    spread = n_sigma * math.sqrt(n * q * (1 - q))
    low = max(0, math.floor(n * q - spread) - 1)
    high = min(n - 1, math.ceil(n * q + spread) - 1)
    return ordered[low], ordered[high]


def _assert_bootstrap_agrees(page_thetas, fit, page_text, text):
    """Approach 3's row: point estimates within displayed rounding; each end of a's and b's
    bootstrap interval within Monte Carlo error, i.e. the two ends' distribution-free
    uncertainty intervals (order statistics of each side's own resamples) overlap. The
    resamples are the same (PortableRandom); in a design far from the optimum the likelihood
    has a flat valley where a refit or two stop at different points in the two L-BFGS
    implementations, which moves an end by more than the normal approximation allows."""
    assert _same_within_display(_INTERVAL.sub("[]", page_text), _INTERVAL.sub("[]", text)), \
        (page_text, text)
    import numpy as np

    ours = np.array([[np.nan if v is None else v for v in row] for row in page_thetas])
    theirs = fit.bootstrap_thetas
    tail = (1 - fit.confidence) / 2
    shown = _INTERVAL.findall(text)  # a's interval, then b's
    for (column, name), ends in zip(((4, "a"), (3, "b")), shown, strict=True):
        slack = max(_display_unit(end) for end in ends)  # within the displayed rounding
        samples = []
        for thetas in (ours, theirs):
            kept = thetas[np.all(np.isfinite(thetas), axis=1)]
            samples.append(kept[:, column] / (kept[:, 3] + kept[:, 4]))
        for q in (tail, 1 - tail):
            (low_1, high_1), (low_2, high_2) = (_order_statistic_interval(s, q) for s in samples)
            assert low_1 <= high_2 + slack and low_2 <= high_1 + slack, \
                (name, q, page_text, text)


def test_the_fit_lab_runs_the_three_approaches_as_the_package(page, calculators):
    """At 20 settings or more (every control's extremes): the page's three approaches, run in
    a worker while the results say they are being computed, show the package's rows (Approach
    3's bootstrap intervals within their Monte Carlo error) and figure."""
    from scalinglaws import plotting

    calculator = calculators["fit-lab"]
    settings = harness.settings_for(calculator, n_random=8, caps=CAPS["fit-lab"])
    checked = 0
    for setting in settings:
        shown = page.evaluate(harness.SET_CONTROLS, ["fit-lab", setting])
        if shown["error"] is not None:
            continue
        values = {key: (int(value) if key in ("seed", "n_bootstrap", "models_per_budget")
                        else value) for key, value in shown["values"].items()}
        got = page.evaluate(_RUN_ACTION, "fit-lab")
        assert got["busy"] == "Computing the three approaches…", setting
        try:
            result = calculator.action.run(**values)
        except ValueError as error:  # an approach that cannot fit these runs says why
            assert got["error"] == f"Check the input: {error}", setting
            assert got["rows"] == [] and got["figure"] is None, setting
            continue
        assert got["error"] is None, (setting, got["error"])
        rows = calculator.action.describe(result)
        assert [label for label, _ in got["rows"]] == [label for label, _ in rows]
        for (label, page_text), (_, text) in zip(got["rows"], rows, strict=True):
            if label.startswith("Approach 3") and values["n_bootstrap"]:
                _assert_bootstrap_agrees(got["thetas"], result.parametric, page_text, text)
            else:
                assert _same_within_display(page_text, text), (setting, page_text, text)
        fig, ax = plotting.new_figure(*calculator.figure_size, fast=True)
        alt = calculator.action.draw(result, fig, ax)
        assert got["figure"] == {"alt": alt,
                                 "legend": [t.get_text() for t in ax.get_legend().get_texts()],
                                 "labels": [ax.get_xlabel(), ax.get_ylabel()]}, setting
        checked += 1
    assert checked >= 20
    # Moving a control while the fits run drops their result: nothing stale is shown.
    stale = page.evaluate("""async () => {
      const root = document.querySelector('[data-calculator="fit-lab"]');
      const calc = root.liveCalculator;
      const pending = calc.runAction();
      calc.set({ noise: 0.02 });
      await pending;
      return root.querySelector('[data-output="action"]').textContent; }""")
    assert stale.startswith("Press “Run the three approaches”")
    assert page.problems == []


def test_linear_axis_ticks_write_powers_of_ten(page):
    """A linear axis's large tick labels read 2×10⁸, as the results do, not 2e+08, and the
    left margin widens to hold them beside the rotated axis label."""
    page.evaluate(harness.SET_CONTROLS, ["energy", {"compute_flops": 1e29}])
    ticks = page.evaluate("""() => [...document.querySelectorAll(
      '[data-calculator="energy"] [data-output="figure"] .sl-ticks text')]
      .map((t) => t.textContent)""")
    assert ticks and not any("e+" in tick for tick in ticks)
    assert any("×10" in tick for tick in ticks)
