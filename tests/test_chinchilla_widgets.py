"""The Chinchilla calculators: defaults, results equal to the package's, error panels."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from scalinglaws import chinchilla as ch
from scalinglaws.portable_random import compare_approaches_portable
from scalinglaws.widgets import chinchilla as wc


def _shows_error(calc) -> bool:
    return (calc.error is not None and calc.result is None
            and calc.error_panel.layout.display is None
            and "Check the input" in calc.error_panel.value)


def test_allocator_defaults_and_results():
    calc = wc.allocation_calculator()
    assert calc.error is None
    expected = ch.compute_optimal(ch.GOPHER_FLOPS, ch.BESIROGLU_2024)
    assert calc.result.optimum == expected
    assert "72.4 billion" in calc.result_panel.value and "<img" in calc.figure_panel.value
    result = calc.set(compute_flops=1e25, law="hoffmann2022_tex")
    assert result.optimum == ch.compute_optimal(1e25, ch.HOFFMANN_2022_TEX)
    assert result.kaplan == ch.kaplan_allocation(1e25, ch.HOFFMANN_2022_TEX)
    result = calc.set(budget_source="hardware", n_accelerators=2048, days=60, utilisation=0.5)
    budget = ch.compute_from_hardware(2048, 60, 0.5, calc.values()["accelerator"])
    assert result.budget == budget
    assert result.optimum == ch.compute_optimal(budget, ch.HOFFMANN_2022_TEX)


def test_allocator_bad_input_shows_the_error_panel():
    calc = wc.allocation_calculator()
    assert calc.set(budget_source="hardware", n_accelerators=0) is None
    assert _shows_error(calc) and "n_accelerators" in calc.error
    calc.set(n_accelerators=8)
    assert calc.error is None and calc.error_panel.layout.display == "none"


def test_isoflop_explorer():
    calc = wc.isoflop_calculator()
    first, second = calc.result.first, calc.result.second
    assert first.optimum == ch.compute_optimal(ch.GOPHER_FLOPS, ch.HOFFMANN_2022)
    assert second.optimum == ch.compute_optimal(ch.GOPHER_FLOPS, ch.BESIROGLU_2024)
    assert "32.2 billion" in calc.result_panel.value
    result = calc.set(compute_flops=1e21, law_2="hoffmann2022_tex")
    assert result.second.optimum == ch.compute_optimal(1e21, ch.HOFFMANN_2022_TEX)


def test_fit_lab():
    calc = wc.fit_lab_calculator()
    # A control change redraws the simulated design at once; the fits wait for the button.
    design = calc.set(noise=0.0, n_bootstrap=0, sampling=0.73)
    expected = compare_approaches_portable(ch.HOFFMANN_2022, noise=0.0, n_bootstrap=0,
                                           window_exponent=0.73)
    assert np.array_equal(design.isoflop_params, expected.runs.isoflop_params)
    assert calc.action_result is None and "Press" in calc.action_panel.value
    result = calc.run_action()
    assert result is calc.action_result and len(result.rows()) == 4
    assert result.isoflop.a == expected.isoflop.a
    assert result.parametric.objective == expected.parametric.objective
    assert f"a = {expected.isoflop.a:.3f}" in calc.action_panel.value
    assert calc.action_figure_panel.value.startswith('<img alt="Log-log plot')
    # moving a control again clears the fits, which no longer match the settings
    calc.set(noise=0.01)
    assert calc.action_result is None and calc.action_figure_panel.value == ""
    assert calc.set(n_bootstrap=-5) is None and _shows_error(calc)
    assert "n_bootstrap" in calc.error
    assert calc.run_action() is None  # the button does nothing until the input is fixed


def test_fit_your_runs_pasted_text():
    calc = wc.fit_your_runs_calculator()
    assert calc.error is None
    table = calc.result.table
    # the portable bootstrap, which the website's fit draws too
    from scalinglaws.portable_random import fit_parametric_portable
    fit = fit_parametric_portable(table.params, table.tokens, table.loss, n_bootstrap=100)
    assert calc.result.fit.objective == ch.fit_parametric(table.params, table.tokens,
                                                          table.loss).objective
    assert calc.result.optimum == ch.compute_optimal(ch.GOPHER_FLOPS, fit.law)
    assert calc.result.spread == ch.optimal_interval(fit, ch.GOPHER_FLOPS)
    result = calc.set(budget=1e24)  # a new budget reuses the cached fit
    assert result.fit is calc.result.fit and result.optimum.compute_flops == 1e24


@pytest.mark.parametrize("text, message", [
    ("params,tokens\n1,2\n", "missing column(s) for loss"),
    ("params,tokens,loss\n1e8,2e9,-3\n", "line 2, column 'loss'"),
    ("params,tokens,loss\n1e8,2e9,3\n", "at least 5"),
    ("", "is empty"),
])
def test_fit_your_runs_bad_text(text, message):
    calc = wc.fit_your_runs_calculator()
    assert calc.set(csv_text=text) is None
    assert _shows_error(calc) and message in calc.error


def _upload(name: str, content: bytes) -> tuple:
    return ({"name": name, "type": "text/csv", "size": len(content),
             "content": memoryview(content),
             "last_modified": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)},)


def test_fit_your_runs_upload_wins_over_text():
    calc = wc.fit_your_runs_calculator()
    text = wc.example_runs_csv(ch.HOFFMANN_2022, seed=2)
    result = calc.set(upload=_upload("mine.csv", text.encode()), n_bootstrap=0)
    assert calc.error is None and result.table.source == "mine.csv"
    assert result.spread is None
    calc.set(upload=_upload("big.csv", b"#" * 1_000_001))
    assert _shows_error(calc) and "1 MB" in calc.error
    calc.set(upload=_upload("bin.csv", b"\xff\xfe\x00"))
    assert _shows_error(calc) and "not UTF-8" in calc.error


def test_text_area_and_upload_controls_build():
    area = wc.TextArea("csv_text", "Runs", "a,b").build()
    assert area.value == "a,b"
    upload = wc.FileUpload("upload", "Upload").build()
    assert upload.value == ()


def test_own_runs_at_an_overflowing_scale_show_the_error_panel_not_a_traceback():
    """Runs at the 1e300 scale fit, but C = 6·N·D overflows when the figure is drawn: the
    reader must see the error panel, not a traceback or the new table beside the old figure."""
    calc = wc.fit_your_runs_calculator()
    header, *rows = wc.example_runs_csv().splitlines()
    scaled = [header] + [f"{float(n) * 1e290:g},{float(d) * 1e290:g},{loss}"
                         for n, d, loss in (row.split(",") for row in rows)]
    with np.errstate(over="ignore", invalid="ignore"):
        assert calc.set(csv_text="\n".join(scaled) + "\n", n_bootstrap=0) is None
    assert _shows_error(calc) and "must be finite" in calc.error
    assert "No result" in calc.result_panel.value and calc.figure_panel.value == ""
