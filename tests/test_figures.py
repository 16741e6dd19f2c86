"""The chapters' figures, checked by what they show: nbval compares text outputs, not images,
so a figure that changes meaning (other data, a wrong fit, a lost label) must fail here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import scalinglaws.figures
from scalinglaws import chinchilla as ch
from scalinglaws import hardware, powerlaw
from scalinglaws.datasets import load_cpus, load_single_thread_eras, load_training_runs
from scalinglaws.figures import chinchilla as chfig
from scalinglaws.figures import hardware as hwfig
from scalinglaws.figures import powerlaw as plfig


def _lines(ax) -> dict:
    """The labelled lines of an axes, by label."""
    return {line.get_label(): line for line in ax.get_lines()
            if not line.get_label().startswith("_")}


def _figures_without_arguments() -> list:
    """Every public function of ``scalinglaws.figures`` that draws a whole figure from the
    package's data alone (those that draw on a given axes need their result)."""
    found = []
    for module_info in pkgutil.iter_modules(scalinglaws.figures.__path__):
        module = importlib.import_module(f"scalinglaws.figures.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            required = [parameter for parameter in inspect.signature(function).parameters.values()
                        if parameter.default is inspect.Parameter.empty
                        and parameter.kind is not parameter.VAR_KEYWORD]
            if function.__module__ == module.__name__ and not name.startswith("_") \
                    and not required:
                found.append(pytest.param(function, id=f"{module_info.name}.{name}"))
    return found


@pytest.mark.parametrize("figure_function", _figures_without_arguments())
def test_nothing_is_cut_off_at_the_figure_edge(figure_function):
    """Every axes with its tick labels, axis labels and legend lies inside its figure (the
    emergent abilities' axis label ran 29 px past the right edge)."""
    figure = figure_function()
    figure = figure[0] if isinstance(figure, tuple) else figure
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = figure.bbox.width, figure.bbox.height
    for ax in figure.axes:
        box = ax.get_tightbbox(canvas.get_renderer())
        assert box.x0 >= -1 and box.y0 >= -1, (ax.get_xlabel(), box)
        assert box.x1 <= width + 1 and box.y1 <= height + 1, (ax.get_xlabel(), box, width)
    plt.close(figure)


def test_every_whole_figure_is_checked_for_cut_off_text():
    assert len(_figures_without_arguments()) >= 15


@pytest.fixture(scope="module")
def cpus():
    return load_cpus()


# --- Chapter 1 ---------------------------------------------------------------------------------


def test_moore_rules_shows_single_dies_packages_rules_and_the_per_die_fit(cpus):
    ax = hwfig.moore_rules(cpus).axes[0]
    lines = _lines(ax)
    single, multi = lines["one die"], lines["package of several dies"]
    np.testing.assert_array_equal(single.get_ydata(), cpus[cpus.dies == 1].transistors)
    np.testing.assert_array_equal(multi.get_ydata(), cpus[cpus.dies > 1].transistors)
    assert multi.get_markerfacecolor() == "none"  # packages are the open circles
    trend = hardware.transistor_trend(cpus)
    fit = lines["fit per die: every 2.17 years"]
    np.testing.assert_allclose(fit.get_ydata(), trend.predict(fit.get_xdata()))
    for doubling, label in hwfig.RULES.items():
        rule = lines[f"doubling {label}"]
        expected = hardware.moore_projection(1971, doubling, cpus)
        np.testing.assert_allclose(rule.get_ydata(), expected.grid_counts)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("year", "transistors per chip")


def test_four_curves_is_two_by_two_with_the_fits_and_the_breakpoint(cpus):
    fig = hwfig.four_curves(cpus, load_single_thread_eras())
    axes = fig.axes
    assert len(axes) == 4
    rows_cols = {ax.get_subplotspec().get_geometry()[:2] for ax in axes}
    assert rows_cols == {(2, 2)}  # readable on a phone: two panels across, not four
    width, _ = fig.get_size_inches()
    assert width <= 7.5
    transistors = axes[0].get_lines()
    np.testing.assert_array_equal(transistors[0].get_ydata(), cpus.transistors.to_numpy())
    trend = hardware.transistor_trend(cpus)
    fit = transistors[1]
    np.testing.assert_allclose(fit.get_ydata(), trend.predict(fit.get_xdata()))
    plateau = hardware.fit_clock_plateau(cpus)
    clock_fit = axes[1].get_lines()[1]
    np.testing.assert_allclose(clock_fit.get_ydata(), plateau.predict(clock_fit.get_xdata()))
    for ax in (axes[1], axes[3]):
        marker = ax.get_lines()[-1]
        assert set(marker.get_xdata()) == {plateau.breakpoint}
    assert [ax.get_xlabel() for ax in axes] == ["", "", "year", "year"]


# --- Chapter 2 ---------------------------------------------------------------------------------


def test_linear_and_loglog_show_the_same_law():
    fig = plfig.linear_and_loglog(powerlaw.KAPLAN_2020_PARAMS)
    linear, loglog = fig.axes
    for ax in (linear, loglog):
        line = ax.get_lines()[0]
        np.testing.assert_allclose(line.get_ydata(),
                                   powerlaw.KAPLAN_2020_PARAMS.loss(line.get_xdata()))
    assert (linear.get_xscale(), loglog.get_xscale(), loglog.get_yscale()) == (
        "linear", "log", "log")


def test_fit_and_band_draws_the_fit_through_the_data():
    x, y = powerlaw.simulate_power_law(-0.076, 0.05, 1e6, 1e9, 12, seed=0)
    fit = powerlaw.fit_power_law(x, y)
    ax = plfig.fit_and_band(x, y, fit, x_max=1e10).axes[0]
    lines = ax.get_lines()
    points = [line for line in lines if line.get_linestyle() == "None"][0]
    np.testing.assert_allclose(points.get_ydata(), y)
    fitted = [line for line in lines if line.get_linestyle() != "None"][0]
    np.testing.assert_allclose(fitted.get_ydata(), fit.predict(fitted.get_xdata()))
    assert max(fitted.get_xdata()) == pytest.approx(1e10)


# --- Chapter 3 ---------------------------------------------------------------------------------


def test_allocation_rules_lines_and_the_two_models():
    ax = chfig.allocation_rules().axes[0]
    lines = _lines(ax)
    kaplan = lines["Kaplan et al. 2020 rule"]
    np.testing.assert_allclose(kaplan.get_ydata(),
                               ch.kaplan_allocation(kaplan.get_xdata()).params)
    for law in (ch.HOFFMANN_2022, ch.BESIROGLU_2024):
        line = lines[law.name]
        np.testing.assert_allclose(line.get_ydata(),
                                   ch.compute_optimal(line.get_xdata(), law).params)
    assert sorted(lines["Gopher and Chinchilla"].get_ydata()) == [70e9, 280e9]
    assert {text.get_text() for text in ax.texts} == {"Gopher", "Chinchilla"}


def test_isoflop_valleys_mark_the_closed_form_optimum():
    ax = chfig.isoflop_valleys().axes[0]
    markers = [line for line in ax.get_lines() if line.get_marker() == "o"]
    budgets = (1e19, 1e21, 1e23, 1e25)
    assert len(markers) == len(budgets)
    for marker, budget in zip(markers, budgets, strict=True):
        expected = ch.compute_optimal(budget, ch.BESIROGLU_2024)
        assert marker.get_xdata()[0] == pytest.approx(expected.params)
        assert marker.get_ydata()[0] == pytest.approx(expected.loss)


def test_approach1_envelope_is_the_lowest_curve_everywhere():
    ax = chfig.approach1_envelope().axes[0]
    lines = ax.get_lines()
    envelope = lines[-1]
    assert envelope.get_label() == "envelope: the best size at each compute"
    curves = lines[:-1]
    assert len(curves) == 8
    x = envelope.get_xdata()
    for curve in curves:
        cx, cy = curve.get_xdata(), curve.get_ydata()
        inside = (x >= cx.min()) & (x <= cx.max())
        on_curve = np.interp(np.log(x[inside]), np.log(cx), cy)
        assert np.all(envelope.get_ydata()[inside] <= on_curve + 1e-12)


def test_approach2_vertex_lands_where_the_fit_lab_says():
    """Sizes centred 0.75 decades too low: the vertex is the 17 % low of the bias table."""
    lines = _lines(chfig.approach2_vertex(budget=1e20, window_offset=-0.75).axes[0])
    vertex = lines["vertex of the parabola"].get_xdata()[0]
    optimum = lines["true optimum"].get_xdata()[0]
    assert optimum == pytest.approx(ch.compute_optimal(1e20, ch.HOFFMANN_2022).params)
    shifted = ch.compare_approaches(noise=0.0, n_bootstrap=0, window_offset=-0.75).rows()[2]
    assert vertex / optimum == pytest.approx(shifted["params_ratio"], rel=0.01)
    assert vertex < optimum
    centred = _lines(chfig.approach2_vertex(budget=1e20, window_offset=0.0).axes[0])
    assert centred["vertex of the parabola"].get_xdata()[0] / optimum == pytest.approx(
        1.02, abs=0.01)  # "+2 %" when centred


def test_approaches_fits_shows_the_truth_and_each_approach():
    comparison = ch.compare_approaches(noise=0.0, n_bootstrap=0)
    lines = _lines(chfig.approaches_fits(comparison).axes[0])
    assert set(lines) == {"truth", "Approach 1", "Approach 2", "Approach 3"}
    truth = lines["truth"]
    np.testing.assert_allclose(truth.get_ydata(),
                               ch.compute_optimal(truth.get_xdata(), ch.HOFFMANN_2022).params)


def test_tokens_per_parameter_labels_the_models_the_chapter_names():
    runs = load_training_runs()
    ax = chfig.tokens_per_parameter(runs).axes[0]
    ratio = (runs.tokens / runs.params).to_numpy()
    labels = {text.get_text(): text.xy for text in ax.texts}
    assert set(labels) == set(chfig.NAMED_MODELS)
    for name, (year, value) in labels.items():
        row = runs.name.to_numpy() == name
        assert (year, value) == pytest.approx((runs.year[row].iloc[0], ratio[row][0]))
    lines = _lines(ax)
    assert lines["Chinchilla: 20 per parameter"].get_ydata()[0] == pytest.approx(20)
    plotted = np.r_[lines["stated"].get_ydata(),
                    lines["lower bound (\"over\", \"15T+\", first stage only)"].get_ydata()]
    assert sorted(plotted) == pytest.approx(sorted(ratio))
