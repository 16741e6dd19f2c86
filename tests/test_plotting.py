"""The book's figure style and helpers."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scalinglaws import plotting, powerlaw


def test_figures_share_the_style_and_display_as_png():
    fig, axes = plotting.new_figure(8, 3, ncols=2)
    assert len(axes) == 2
    data, size = fig._repr_png_()
    assert data.startswith(b"\x89PNG")
    assert plotting.STYLE["axes.spines.top"] is False


def test_figures_are_rendered_at_twice_their_display_size():
    """Sharp on high-DPI screens, and the page knows the size before the image loads."""
    fig, _ = plotting.new_figure(8, 3, ncols=2)
    data, size = fig._repr_png_()
    assert size == {"width": 768, "height": 288}
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (2 * size["width"], 2 * size["height"])


@pytest.mark.parametrize(("kwargs", "name"), [({"width": 0}, "width"), ({"height": 100}, "height"),
                                              ({"ncols": 0}, "ncols"), ({"ncols": 2.5}, "ncols")])
def test_bad_figure_sizes_name_the_argument(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must"):
        plotting.new_figure(**kwargs)


@given(st.integers(-12, 12))
def test_powers_of_ten_are_labelled_exactly(exponent):
    label = plotting.power_of_ten_label(10.0**exponent)
    if -2 <= exponent <= 3:
        assert float(label) == pytest.approx(10.0**exponent)
    else:
        assert label.startswith("10") and "×" not in label


@pytest.mark.parametrize("value", [0.0, -1.0, math.nan, math.inf])
def test_labels_of_impossible_ticks_are_empty(value):
    assert plotting.power_of_ten_label(value) == ""


def test_img_tag_escapes_alt_text():
    fig, _ = plotting.new_figure(2, 2)
    tag = plotting.figure_to_img_tag(fig, alt='a "quoted" <b>')
    assert 'alt="a &quot;quoted&quot; &lt;b&gt;"' in tag and "data:image/png;base64," in tag


def test_fit_drawing_extends_the_line_and_marks_the_data_edge():
    x, y = powerlaw.simulate_power_law(-0.5, 0.05, 1, 100, 10)
    fit = powerlaw.fit_power_law(x, y)
    fig, ax = plotting.new_figure()
    plotting.draw_power_law_fit(ax, x, y, fit, x_max=1e4)
    assert ax.get_xscale() == ax.get_yscale() == "log"
    line = ax.get_lines()[1]
    assert np.max(line.get_xdata()) == pytest.approx(1e4)
    assert len(ax.get_lines()) == 3  # data, fit, dotted edge of the data
