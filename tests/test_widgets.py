"""Calculators driven from Python as a reader would: set controls, read the panels."""

import pytest

from scalinglaws.portable_random import simulate_and_fit_portable
from scalinglaws.widgets import (
    CALCULATORS,
    Action,
    Calculator,
    Number,
    Slider,
    power_law_calculator,
)


def test_defaults_reproduce_the_fit_printed_in_the_chapter():
    calc = power_law_calculator()
    expected = simulate_and_fit_portable()  # the chapter's defaults, with the portable noise
    assert calc.error is None
    assert calc.result.fit.exponent == expected.fit.exponent
    assert f"<td>{expected.fit.exponent:.4g}</td>" in calc.result_panel.value
    assert calc.figure_panel.value.startswith('<img alt="Log-log plot of 12 simulated points')


@pytest.mark.parametrize("changes", [
    {"noise": 0.2}, {"decades": 1.0}, {"n_points": 40}, {"exponent": -0.5, "seed": 7},
])
def test_changing_controls_shows_the_package_value(changes):
    calc = power_law_calculator()
    before = calc.result_panel.value
    result = calc.set(**changes)
    expected = simulate_and_fit_portable(**(calc.values()))
    assert result.fit.exponent == expected.fit.exponent
    assert result.fit.exponent_ci == expected.fit.exponent_ci
    assert f"{expected.fit.exponent:.4g}" in calc.result_panel.value
    assert calc.result_panel.value != before
    assert calc.error_panel.layout.display == "none"


def test_widget_events_recompute_like_a_reader_moving_a_slider():
    calc = power_law_calculator()
    calc.inputs["noise"].value = 0.3  # what the browser does: a trait change, no set()
    assert calc.result.fit.exponent == simulate_and_fit_portable(noise=0.3).fit.exponent


@pytest.mark.parametrize(("changes", "message"), [
    ({"exponent": 7.0}, "exponent must be between -5 and 5"),
    ({"seed": -3}, "seed must be between 0 and"),
])
def test_bad_values_show_the_error_panel_not_a_traceback(changes, message):
    calc = power_law_calculator()
    assert calc.set(**changes) is None
    assert message in calc.error
    assert calc.error_panel.layout.display != "none"
    assert message in calc.error_panel.value and 'role="alert"' in calc.error_panel.value
    assert "Traceback" not in calc.error_panel.value
    assert "No result" in calc.result_panel.value
    calc.set(exponent=-0.076, seed=0)  # and it recovers once the input is fixed
    assert calc.error is None and calc.error_panel.layout.display == "none"


def test_unexpected_errors_are_shown_too():
    def broken(**_):
        raise ZeroDivisionError("bug")

    calc = Calculator("t", [Number("a", "A", 1)], broken, lambda r: [])
    assert calc.error == "Unexpected error (ZeroDivisionError): bug"


def test_unknown_control_is_rejected():
    with pytest.raises(ValueError, match=r"unknown control\(s\) \['nope'\]"):
        power_law_calculator().set(nope=1)


def test_controls_have_labels_for_screen_readers():
    for factory in CALCULATORS.values():
        calc = factory()
        for control, widget in zip(calc.controls, calc.inputs.values(), strict=True):
            assert widget.description == control.label and control.label
        if calc.draw is not None:
            assert 'alt="' in calc.figure_panel.value and 'alt=""' not in calc.figure_panel.value


def test_log_slider_uses_real_values():
    widget = Slider("c", "Compute", 1e20, 1e18, 1e24, scale="log").build()
    assert widget.value == pytest.approx(1e20)
    assert (widget.min, widget.max) == (18, 24)


def _draw_unless_huge(result, fig, ax) -> str:
    if result > 100:
        raise ValueError("a must be at most 100 to be drawn")
    ax.plot([0, 1], [0, result])
    return f"line to {result}"


def test_a_failing_figure_shows_the_error_panel_not_a_new_table_beside_an_old_figure():
    calc = Calculator("t", [Number("a", "A", 1)], lambda a: a,
                      lambda r: [("value", f"{r:g} units")], _draw_unless_huge)
    assert calc.error is None and "1 units" in calc.result_panel.value
    assert "line to 1" in calc.figure_panel.value
    assert calc.set(a=500) is None
    assert calc.error == "a must be at most 100 to be drawn"
    assert "500 units" not in calc.result_panel.value and "No result" in calc.result_panel.value
    assert calc.figure_panel.value == ""  # no stale figure either
    assert calc.set(a=2) == 2 and "line to 2" in calc.figure_panel.value


def test_a_failing_description_shows_the_error_panel():
    def describe(result):
        if result < 0:
            raise ValueError("a must be >= 0 to be described")
        return [("value", f"{result:g}")]

    calc = Calculator("t", [Number("a", "A", 1)], lambda a: a, describe, _draw_unless_huge)
    assert calc.set(a=-1) is None and calc.error == "a must be >= 0 to be described"
    assert calc.figure_panel.value == "" and "No result" in calc.result_panel.value


def test_a_failing_action_figure_shows_the_error_panel_not_a_half_new_view():
    action = Action("Go", lambda a: a * 1000, lambda r: [("scaled", f"{r:g} scaled")],
                    _draw_unless_huge)
    calc = Calculator("t", [Number("a", "A", 1)], lambda a: a,
                      lambda r: [("value", f"{r:g}")], action=action)
    assert calc.run_action() is None
    assert calc.error == "a must be at most 100 to be drawn"
    assert "scaled" not in calc.action_panel.value and calc.action_figure_panel.value == ""
    assert calc.action_result is None
