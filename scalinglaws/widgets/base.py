"""The calculator base: thin ipywidgets views over the package's functions, with no formulas here.

A :class:`Calculator` is a set of labelled controls, a result panel, an error panel and an
optional figure. When a control changes it calls one package function with the controls'
values. A ``ValueError`` from that function (which names the argument and the allowed range)
is shown in the error panel; nothing reaches the page as a traceback. The figure is drawn
with the book's style and shown as an inline PNG with alt text.

A calculator displays two ways at once (:meth:`Calculator._repr_mimebundle_`): the ipywidgets
view, which Jupyter, Binder and Colab render on the kernel, and an HTML version for the
static website (:meth:`Calculator.to_html`): the default results as a table and a PNG (what a
reader without JavaScript sees) and the controls' specification as JSON, from which the
page's JavaScript (``book/static/live``) builds the live calculator. The page computes with
the JavaScript that :mod:`scalinglaws.web` generates from :mod:`scalinglaws.formulas`.
"""

from __future__ import annotations

import functools
import html
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w

from scalinglaws import plotting
from scalinglaws.plotting import readable_numbers

__all__ = ["Action", "Calculator", "Choice", "Number", "Slider", "format_interval"]

_DESCRIPTION_STYLE = {"description_width": "14em"}
_CONTROL_LAYOUT = {"width": "34em"}


@dataclass(frozen=True)
class Slider:
    """A slider for one keyword argument of the computation.

    ``scale="log"`` makes a logarithmic slider whose ``value``, ``min`` and ``max`` are the
    real values (not exponents); ``integer=True`` a slider of whole numbers.
    """

    name: str
    label: str
    value: float
    min: float
    max: float
    step: float | None = None
    scale: str = "linear"
    integer: bool = False
    readout_format: str = ".3g"
    help: str = ""

    def spec(self) -> dict:
        """The slider for the page's JavaScript (``kind``, range, step, readout format)."""
        step = self.step or (0.05 if self.scale == "log" else
                             1 if self.integer else (self.max - self.min) / 100)
        return {"kind": "slider", "name": self.name, "label": self.label, "value": self.value,
                "min": self.min, "max": self.max, "step": step, "scale": self.scale,
                "integer": self.integer, "readout_format": self.readout_format,
                "help": self.help}

    def build(self) -> w.Widget:
        common = {"description": self.label, "style": _DESCRIPTION_STYLE,
                  "layout": _CONTROL_LAYOUT, "continuous_update": False,
                  "tooltip": self.help or self.label}
        if self.scale == "log":
            return w.FloatLogSlider(value=self.value, min=math.log10(self.min),
                                    max=math.log10(self.max), step=self.step or 0.05,
                                    readout_format=self.readout_format, **common)
        if self.integer:
            return w.IntSlider(value=int(self.value), min=int(self.min), max=int(self.max),
                               step=int(self.step or 1), **common)
        return w.FloatSlider(value=self.value, min=self.min, max=self.max,
                             step=self.step or (self.max - self.min) / 100,
                             readout_format=self.readout_format, **common)


@dataclass(frozen=True)
class Number:
    """A text box for a number the reader types; the package function checks its range.

    ``low``, ``high`` (and ``low_inclusive``) repeat the range the package function accepts,
    taken from the package's constants: the page checks it with the package's message.
    """

    name: str
    label: str
    value: float
    integer: bool = False
    help: str = ""
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True

    def spec(self) -> dict:
        """The text box for the page's JavaScript, with the range the package accepts."""
        return {"kind": "number", "name": self.name, "label": self.label, "value": self.value,
                "integer": self.integer, "help": self.help, "low": self.low,
                "high": self.high, "low_inclusive": self.low_inclusive}

    def build(self) -> w.Widget:
        kind = w.IntText if self.integer else w.FloatText
        value = int(self.value) if self.integer else float(self.value)
        return kind(value=value, description=self.label, style=_DESCRIPTION_STYLE,
                    layout=_CONTROL_LAYOUT, continuous_update=False,
                    tooltip=self.help or self.label)


@dataclass(frozen=True)
class Choice:
    """A drop-down of named options; the computation receives the option's value."""

    name: str
    label: str
    options: Sequence[tuple[str, Any]]
    value: Any = None
    help: str = ""

    def spec(self) -> dict:
        """The drop-down for the page's JavaScript: its options as [label, value] pairs."""
        value = self.options[0][1] if self.value is None else self.value
        return {"kind": "choice", "name": self.name, "label": self.label, "value": value,
                "options": [[label, option] for label, option in self.options],
                "help": self.help}

    def build(self) -> w.Widget:
        value = self.options[0][1] if self.value is None else self.value
        return w.Dropdown(options=list(self.options), value=value, description=self.label,
                          style=_DESCRIPTION_STYLE, layout=_CONTROL_LAYOUT,
                          tooltip=self.help or self.label)


@dataclass(frozen=True)
class Action:
    """A button that runs a slower computation (a fit, say) on the calculator's values.

    Moving a control updates the calculator's quick preview at once; the action runs only
    when the reader presses its button, and its results show below the button.
    """

    label: str
    run: Callable[..., Any]
    describe: Callable[[Any], list[tuple[str, str]]]
    draw: Callable[[Any, Any, Any], str] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "describe", _readable_rows(self.describe))
        object.__setattr__(self, "draw", _readable_alt(self.draw))


@dataclass
class Calculator:
    """Controls → one package function → result panel, error panel and figure.

    Parameters
    ----------
    title : str
        Heading shown above the controls.
    controls : sequence of Slider, Number or Choice
        One per keyword argument of ``compute``.
    compute : callable
        ``compute(**values) -> result``; raises ``ValueError`` on bad input.
    describe : callable
        ``describe(result) -> list of (label, text)`` rows for the result panel.
    draw : callable, optional
        ``draw(result, fig, ax) -> str`` draws the result and returns the figure's alt text.
    action : Action, optional
        A button for a slower computation on the same values; ``run_action()`` presses it.
    name : str
        Short name of the calculator on the website (``data-calculator``), which is also the
        name of its JavaScript view, ``book/static/live/views/<name>.js``.
    """

    title: str
    controls: Sequence[Slider | Number | Choice]
    compute: Callable[..., Any]
    describe: Callable[[Any], list[tuple[str, str]]]
    draw: Callable[[Any, Any, Any], str] | None = None
    figure_size: tuple[float, float] = (6.4, 3.8)
    action: Action | None = None
    name: str = ""
    result: Any = field(default=None, init=False)
    error: str | None = field(default=None, init=False)
    action_result: Any = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.describe = _readable_rows(self.describe)
        self.draw = _readable_alt(self.draw)
        self.inputs = {control.name: control.build() for control in self.controls}
        self.result_panel = w.HTML(layout={"min_height": "3em"})
        self.error_panel = w.HTML(layout={"display": "none"})
        self.figure_panel = w.HTML()
        heading = w.HTML(f"<strong>{html.escape(self.title)}</strong>")
        parts = [heading, *self.inputs.values(), self.error_panel, self.result_panel]
        if self.draw is not None:
            parts.append(self.figure_panel)
        if self.action is not None:
            self.action_button = w.Button(description=self.action.label, button_style="primary",
                                          layout={"width": "auto"}, tooltip=self.action.label)
            self.action_button.on_click(lambda _button: self.run_action())
            self.action_panel = w.HTML()
            self.action_figure_panel = w.HTML()
            parts += [self.action_button, self.action_panel, self.action_figure_panel]
        self.ui = w.VBox(parts, layout={"border": "1px solid #cccccc", "padding": "0.5em"})
        for widget in self.inputs.values():
            widget.observe(self._on_change, names="value")
        self.update()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """The widget view (Jupyter, Binder, Colab) and the HTML version (the website).

        A front end with a kernel renders the richer widget view; the book's HTML builder
        prefers ``text/html`` (``nb_mime_priority_overrides`` in ``_config.yml``).
        """
        bundle = dict(self.ui._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/html"] = self.to_html()
        return bundle

    def spec(self) -> dict:
        """What the page's JavaScript needs to build this calculator's controls."""
        spec = {"name": self.name, "title": self.title,
                "controls": [control.spec() for control in self.controls]}
        if self.action is not None:
            spec["action"] = self.action.label
        return spec

    def to_html(self) -> str:
        """The calculator for the static website, in its default state.

        The root carries ``data-calculator``; the result table and the figure carry
        ``data-output``. Without JavaScript this is what a reader sees (a table and a PNG);
        with it, ``book/static/live/runtime.js`` adds the controls from the JSON spec and
        recomputes on every input.
        """
        spec = json.dumps(self.spec(), ensure_ascii=False, allow_nan=False).replace("</", "<\\/")
        if self.error is None:
            table = _table(self.describe(self.result))
            figure = self.figure_panel.value if self.draw is not None else ""
        else:  # pragma: no cover - the defaults are valid
            table, figure = "", ""
        name = html.escape(self.name, quote=True)
        return (f'<div class="sl-calculator" data-calculator="{name}">'
                f'<script type="application/json" class="sl-spec">{spec}</script>'
                f'<p class="sl-title"><strong>{html.escape(self.title)}</strong></p>'
                f'<div class="sl-results" data-output="results" aria-live="polite">{table}</div>'
                f'<div class="sl-figure" data-output="figure">{figure}</div>'
                '<noscript><p>The controls of this calculator need JavaScript; shown here '
                'with its default settings.</p></noscript></div>')

    def values(self) -> dict[str, Any]:
        """The controls' current values, by keyword."""
        return {name: widget.value for name, widget in self.inputs.items()}

    def set(self, **values: Any) -> Any:
        """Set controls by keyword (as a reader would) and return the new result (or None)."""
        unknown = set(values) - set(self.inputs)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; "
                             f"this calculator has {sorted(self.inputs)}")
        with self.ui.hold_sync():
            for widget in self.inputs.values():
                widget.unobserve(self._on_change, names="value")
            try:
                for name, value in values.items():
                    self.inputs[name].value = value
            finally:
                for widget in self.inputs.values():
                    widget.observe(self._on_change, names="value")
        return self.update()

    def _on_change(self, _change: dict) -> None:
        self.update()

    def _attempt(self, build: Callable[[], Any]) -> tuple[bool, Any]:
        """Call ``build()``; on an error show it in the error panel, not a traceback."""
        try:
            return True, build()
        except ValueError as error:
            self._show_error(str(error))
        except Exception as error:  # a bug, but the reader still gets a message, not a trace
            self._show_error(f"Unexpected error ({type(error).__name__}): {error}")
        return False, None

    def _view(self, compute: Callable[..., Any], describe: Callable[[Any], list],
              draw: Callable | None) -> tuple[Any, str, str]:
        """The whole new view, (result, table HTML, figure HTML), built before any is shown.

        Describing or drawing a result can fail too (a value the plot cannot place, say), so
        all three are made inside the error guard: the reader sees all of the new view or
        the error panel, never a new table beside an old figure.
        """
        result = compute(**self.values())
        table = _table(describe(result))
        figure = self.render_figure(result, draw) if draw is not None else ""
        return result, table, figure

    def update(self) -> Any:
        """Recompute from the controls and refresh the panels; return the result or None."""
        ok, view = self._attempt(lambda: self._view(self.compute, self.describe, self.draw))
        if not ok:
            return None
        result, table, figure = view
        self.result, self.error = result, None
        self.error_panel.layout.display = "none"
        self.error_panel.value = ""
        self.result_panel.value = table
        self.figure_panel.value = figure
        self._clear_action()
        return result

    def _clear_action(self) -> None:
        if self.action is not None:
            self.action_result = None
            self.action_panel.value = (f"<em>Press “{html.escape(self.action.label)}” to run "
                                       "it on these settings.</em>")
            self.action_figure_panel.value = ""

    def run_action(self) -> Any:
        """Press the action's button: run it on the current values; return its result or None.

        Bad input shows the error panel, as for any control change.
        """
        if self.action is None:
            raise ValueError("this calculator has no action button")
        if self.error is not None:
            return None
        action = self.action
        ok, view = self._attempt(lambda: self._view(action.run, action.describe, action.draw))
        if not ok:
            return None
        result, table, figure = view
        self.action_result = result
        self.action_panel.value = table
        self.action_figure_panel.value = figure
        return result

    def render_figure(self, result: Any, draw: Callable | None = None) -> str:
        """Draw ``result`` (with ``draw``, default the calculator's) as an ``<img>`` tag."""
        fig, ax = plotting.new_figure(*self.figure_size, fast=True)
        alt = (draw or self.draw)(result, fig, ax)
        return plotting.figure_to_img_tag(fig, alt=alt)

    def _show_error(self, message: str) -> None:
        self._clear_action()
        self.result, self.error = None, message
        self.error_panel.value = (
            '<div role="alert" style="border-left:4px solid #D55E00;padding:0.3em 0.6em;'
            f'background:#fff3ec;color:#5a1e00">Check the input: {html.escape(message)}</div>')
        self.error_panel.layout.display = None
        self.result_panel.value = "<em>No result until the input is fixed.</em>"
        self.figure_panel.value = ""


def _readable_rows(describe: Callable[[Any], list[tuple[str, str]]]
                   ) -> Callable[[Any], list[tuple[str, str]]]:
    """``describe`` whose rows show numbers as a reader writes them (1.01×10¹², never 1.01e+12)."""
    if getattr(describe, "readable", False):
        return describe

    def readable(result: Any) -> list[tuple[str, str]]:
        return [(readable_numbers(label), readable_numbers(text))
                for label, text in describe(result)]

    readable.readable = True
    return functools.wraps(describe)(readable)


def _readable_alt(draw: Callable[[Any, Any, Any], str] | None
                  ) -> Callable[[Any, Any, Any], str] | None:
    """``draw`` whose alt text, legend, labels and annotations show numbers as a reader
    writes them."""
    if draw is None or getattr(draw, "readable", False):
        return draw

    def readable(result: Any, fig: Any, ax: Any) -> str:
        alt = draw(result, fig, ax)
        legend = ax.get_legend()
        texts = [*(legend.get_texts() if legend else []), ax.xaxis.label, ax.yaxis.label,
                 ax.title, *ax.texts]
        for text in texts:
            text.set_text(readable_numbers(text.get_text()))
        return readable_numbers(alt)

    readable.readable = True
    return functools.wraps(draw)(readable)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(label)}"
                    f"</th><td>{html.escape(text)}</td></tr>" for label, text in rows)
    return f"<table>{cells}</table>"


def format_interval(low: float, high: float, digits: int = 3) -> str:
    """Format a (low, high) interval.

    >>> format_interval(-0.0812, -0.0705)
    '[-0.0812, -0.0705]'
    """
    return f"[{low:.{digits}g}, {high:.{digits}g}]"
