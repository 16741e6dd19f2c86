"""The benchmark behind ``make bench`` (tools/bench.py, outside the package): its helpers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from scalinglaws import chinchilla as ch
from scalinglaws.widgets import power_law_calculator

_PATH = Path(__file__).resolve().parents[1] / "tools" / "bench.py"
_SPEC = importlib.util.spec_from_file_location("course_bench", _PATH)
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def test_slider_changes_take_the_sliders_in_turn():
    changes = bench.slider_changes(power_law_calculator(), 4)
    assert [name for name, _ in changes] == ["noise", "decades", "n_points", "noise"]
    sliders = {control.name: control for control in power_law_calculator().controls}
    for name, value in bench.slider_changes(power_law_calculator(), 30):
        assert sliders[name].min <= value <= sliders[name].max


def test_compare_fit_speed_reports_both(monkeypatch):
    original = ch.fit_parametric_grid
    monkeypatch.setattr(ch, "fit_parametric_grid",
                        lambda *args, **kwargs: original(*args, every=500, **kwargs))
    n = np.repeat([1e8, 3e8, 1e9, 3e9, 1e10], 5)
    d = np.tile([2e9, 6e9, 2e10, 6e10, 2e11], 5)
    report = bench.compare_fit_speed(n, d, ch.HOFFMANN_2022.loss(n, d))
    assert report["grid_starts"] == 9 and report["fast_starts"] == 11
    assert report["n_points"] == 25
    assert report["speedup"] == pytest.approx(report["grid_seconds"] / report["fast_seconds"])
    assert report["objective_difference"] == pytest.approx(
        report["fast_objective"] - report["grid_objective"])
