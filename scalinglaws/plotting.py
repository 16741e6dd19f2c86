"""One figure style for the whole book.

Figures are :class:`matplotlib.figure.Figure` objects made without pyplot, so a notebook
shows each exactly once and nothing global leaks between cells. The style is a white card
with dark ink and the Okabe-Ito colour-blind-safe palette, readable on the book's light and
dark themes alike.
"""

from __future__ import annotations

import base64
import html
import io
import math
import re

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator
from PIL import Image

from scalinglaws._validate import integer_in_range, number_in_range

__all__ = ["COLORS", "STYLE", "BookFigure", "draw_power_law_fit", "figure_to_img_tag", "log_axes",
           "count_in_words", "new_figure", "png_bytes", "power_of_ten_label",
           "readable_numbers"]

#: Okabe & Ito (2008) colour-blind-safe palette, in the order the book uses it.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}

#: Matplotlib settings applied to every figure of the book.
STYLE = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "text.color": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "font.size": 10,
    "lines.linewidth": 2.0,
    "lines.markersize": 5,
    "axes.prop_cycle": matplotlib.cycler(color=list(COLORS.values())),
}


#: Resolution of the book's figures: twice the CSS pixel density, sharp on high-DPI screens.
DISPLAY_DPI = 96
PNG_DPI = 2 * DISPLAY_DPI


class BookFigure(Figure):
    """A matplotlib Figure that Jupyter displays as a PNG without pyplot's inline backend.

    The PNG is rendered at twice the display density and carries its display size (in CSS
    pixels) as metadata, so it is sharp on high-DPI screens and the page reserves its space
    before it loads.

    >>> fig, ax = new_figure(2, 1)
    >>> data, size = fig._repr_png_()
    >>> size
    {'width': 192, 'height': 96}
    """

    def _repr_png_(self) -> tuple[bytes, dict]:
        width, height = self.get_size_inches()
        return png_bytes(self, PNG_DPI), {"width": round(width * DISPLAY_DPI),
                                          "height": round(height * DISPLAY_DPI)}


def new_figure(width: float = 6.4, height: float = 4.0, ncols: int = 1, fast: bool = False):
    """A figure in the book's style with ``ncols`` axes side by side.

    ``fast=True`` uses fixed margins instead of constrained layout: about twice as fast to
    render, which is what a calculator redrawing on every slider change needs.

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : matplotlib.axes.Axes or list of Axes (when ``ncols`` > 1)

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> fig.get_facecolor()
    (1.0, 1.0, 1.0, 1.0)
    >>> fig._repr_png_()[0][:4]
    b'\x89PNG'
    """
    number_in_range("width", width, 1, 30)
    number_in_range("height", height, 1, 30)
    integer_in_range("ncols", ncols, 1, 6)
    # Set globally (not in a context) so labels and legends added later share the style.
    matplotlib.rcParams.update(STYLE)
    fig = BookFigure(figsize=(width, height), layout=None if fast else "constrained")
    if fast:
        fig.subplots_adjust(left=0.12, right=0.97, bottom=0.14, top=0.95, wspace=0.3)
    axes = [fig.add_subplot(1, ncols, i + 1) for i in range(ncols)]
    return fig, (axes[0] if ncols == 1 else axes)


def png_bytes(fig: Figure, dpi: int = 96, palette: bool = True) -> bytes:
    """The figure rendered as PNG bytes.

    With ``palette`` (the default) an opaque figure is stored with a palette of 256 colours
    (median cut, no dithering) instead of 8-bit RGBA: a line plot on a white card has few
    colours beyond the anti-aliasing, so it looks the same and weighs about a third as much
    (this keeps the pages under the 1 MB budget of issue 9).

    >>> fig, ax = new_figure(2, 2)
    >>> _ = ax.plot([1, 2], [3, 1])
    >>> data = png_bytes(fig)
    >>> data[:4], Image.open(io.BytesIO(data)).mode
    (b'\\x89PNG', 'P')
    >>> len(data) < len(png_bytes(fig, palette=False))
    True
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    if not palette:
        return buffer.getvalue()
    image = Image.open(buffer)
    if image.mode == "RGBA" and image.getextrema()[3] != (255, 255):
        return buffer.getvalue()  # a transparent figure keeps its alpha channel
    indexed = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                            dither=Image.Dither.NONE)
    out = io.BytesIO()
    indexed.save(out, format="PNG", optimize=True)
    return out.getvalue()


def figure_to_img_tag(fig: Figure, alt: str, dpi: int = 96) -> str:
    """An ``<img>`` tag holding the figure as an inline PNG, with alt text for screen readers.

    >>> fig, ax = new_figure(2, 2)
    >>> figure_to_img_tag(fig, alt="an empty plot")[:60]
    '<img alt="an empty plot" style="max-width:100%;height:auto" '
    """
    data = base64.b64encode(png_bytes(fig, dpi)).decode("ascii")
    return (f'<img alt="{html.escape(alt)}" style="max-width:100%;height:auto" '
            f'src="data:image/png;base64,{data}">')


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten_label(value: float, _position: int | None = None) -> str:
    """Tick label for a log axis in plain Unicode (10⁶), not mathtext, which is slow to draw.

    Values from 0.01 to 9999 are written out; others as powers of ten.

    >>> power_of_ten_label(1e6), power_of_ten_label(0.2), power_of_ten_label(3e4)
    ('10⁶', '0.2', '3×10⁴')
    >>> power_of_ten_label(1e-3)
    '10⁻³'
    """
    if value <= 0 or not math.isfinite(value):
        return ""
    if 1e-2 <= value < 1e4:
        return f"{value:g}"
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = value / 10**exponent
    power = f"10{str(exponent).translate(_SUPERSCRIPTS)}"
    if abs(mantissa - 1) < 1e-6:
        return power
    return f"{mantissa:.3g}×{power}"


_E_NOTATION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)e([+-]?)0*(\d+)(?!\w|\.\d)")
_NEGATIVE_ZERO = re.compile(r"(?<![\w.,])-(0(?:\.0+)?)(?!\w|[.,]\d)")


def _power_of_ten(match: re.Match) -> str:
    mantissa, sign, digits = match.groups()
    power = f"10{(('-' if sign == '-' else '') + digits).translate(_SUPERSCRIPTS)}"
    return power if mantissa == "1" else f"{mantissa}×{power}"


def readable_numbers(text: str) -> str:
    """``text`` with its numbers as a reader writes them: e-notation as powers of ten, no "-0".

    Python's ``format(x, ".3g")`` writes large and small numbers as ``1.01e+12``; every
    calculator's results and alt text pass through this (the website's ``readableNumbers``
    in ``book/static/live/pyformat.js`` does the same), so they read ``1.01×10¹²``.

    >>> readable_numbers("1.01e+12 FLOPs, 1e-05 s, -0 %, 2020-05")
    '1.01×10¹² FLOPs, 10⁻⁵ s, 0 %, 2020-05'
    """
    return _NEGATIVE_ZERO.sub(r"\1", _E_NOTATION.sub(_power_of_ten, text))


_SCALE_WORDS = ((1e6, "million"), (1e9, "billion"), (1e12, "trillion"))


def count_in_words(value: float) -> str:
    """A large count as a reader says it: '2,300', '4.5 million', '1.01 trillion', '3.6×10¹⁵'.

    Three significant digits from a million on; powers of ten from a thousand trillion on.

    >>> count_in_words(2300.4), count_in_words(1.0149e12), count_in_words(3.61e29)
    ('2,300', '1.01 trillion', '3.61×10²⁹')
    """
    if not math.isfinite(value) or abs(value) < 1e6:
        return readable_numbers(f"{value:,.0f}")
    for scale, word in _SCALE_WORDS:
        mantissa = f"{value / scale:.3g}"
        if "e" not in mantissa:  # below a thousand of this unit once rounded
            return f"{mantissa} {word}"
    return readable_numbers(f"{value:.3g}")


class _DecadeLocator(LogLocator):
    """Ticks at powers of ten, and also at 2 and 5 times them when the axis spans little."""

    def tick_values(self, vmin, vmax):
        narrow = 0 < vmin < vmax and vmax / vmin < 30
        self.set_params(subs=(1.0, 2.0, 5.0) if narrow else (1.0,))
        return super().tick_values(vmin, vmax)


def log_axes(ax, x: bool = True, y: bool = True, minor_ticks: bool = True) -> None:
    """Put the chosen axes on log scales, labelled 10ⁿ at each power of ten.

    ``minor_ticks=False`` leaves out the unlabelled ticks between powers of ten, which
    halves the drawing time of a calculator's figure.
    """
    for use, axis, set_scale in ((x, ax.xaxis, ax.set_xscale), (y, ax.yaxis, ax.set_yscale)):
        if not use:
            continue
        set_scale("log")
        axis.set_major_locator(_DecadeLocator(base=10, numticks=8))
        axis.set_major_formatter(FuncFormatter(power_of_ten_label))
        axis.set_minor_formatter(NullFormatter())
        if not minor_ticks:
            axis.set_minor_locator(NullLocator())


def draw_power_law_fit(ax, x, y, fit, x_max: float | None = None, minor_ticks: bool = True,
                       data_label: str = "measurements") -> None:
    """Data as points, a :class:`~scalinglaws.powerlaw.PowerLawFit` as a line with its
    confidence band, on log-log axes; the line runs on to ``x_max`` (extrapolation) with a
    dotted mark where the data end.
    """
    import numpy as np

    log_axes(ax, minor_ticks=minor_ticks)
    x_end = float(np.max(x)) if x_max is None else x_max
    grid = np.logspace(np.log10(np.min(x)), np.log10(x_end), 100)
    low, high = fit.confidence_band(grid)
    ax.plot(x, y, "o", color=COLORS["blue"], label=data_label)
    ax.fill_between(grid, low, high, color=COLORS["orange"], alpha=0.25,
                    label=f"{round(100 * fit.confidence)} % band of the fit")
    ax.plot(grid, fit.predict(grid), color=COLORS["orange"],
            label=f"fit: exponent {fit.exponent:.3g}")
    if x_end > np.max(x):
        ax.axvline(np.max(x), color="#888888", linestyle=":", linewidth=1)
    ax.legend(loc="best")
