"""Drive the website's live calculators in Chromium: for the parity tests and ``make bench-web``.

* :func:`calculator_page` writes a page holding calculators' HTML versions and the live
  runtime, so the JavaScript can be tested without building the book;
* :func:`serve` serves a folder on 127.0.0.1; :func:`launch` starts Debian's Chromium with
  Playwright (which downloads no browser);
* :func:`settings_for` lists settings of a calculator: the extremes of every control, every
  option, bad typed numbers, and seeded random combinations;
* :data:`SET_CONTROLS` is the JavaScript that moves a calculator's controls as a reader does
  (DOM values and ``input`` events) and reads back its values, results (once final), message
  and figure;
* :func:`expected` is what the package shows for the same values.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import math
import os
import random
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "FIGURE_FACTS_JS", "SET_CONTROLS", "STATIC", "calculator_page",
           "expected", "figure_facts", "launch", "serve", "settings_for", "watch_page"]

REPO = Path(__file__).resolve().parents[1]
#: The book's static folder (our CSS and the live runtime).
STATIC = REPO / "book" / "static"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def chromium_path() -> str:
    """Debian's Chromium, or $CHROMIUM."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def calculator_page(folder: Path, calculators, theme: str = "light") -> Path:
    """Write ``folder/index.html`` with the calculators' HTML and the runtime; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("live", "course.css"):
        target = folder / name
        if not target.exists():
            target.symlink_to(STATIC / name)
    body = "\n".join(calculator.to_html() for calculator in calculators)
    page = folder / "index.html"
    page.write_text(
        f'<!doctype html><html lang="en" data-theme="{theme}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>calculators</title><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="course.css"></head>'
        f'<body style="max-width:52rem;margin:auto;padding:1rem">{body}'
        '<script type="module" src="live/runtime.js"></script></body></html>',
        encoding="utf-8")
    return page


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) while in the block; yield the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def launch():
    """Debian's Chromium under Playwright while in the block; yield the browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def watch_page(page, *, console: bool = True, failed: bool = True,
               http_errors: bool = True) -> list[str]:
    """Abort ``page``'s requests off this machine and collect what goes wrong on it.

    Returns the list the problems are added to as they happen: requests off this machine
    (aborted: nothing may need a network) and uncaught page errors; with ``console``, console
    errors; with ``failed``, failed requests; with ``http_errors``, responses of 400 or more.
    """
    from urllib.parse import urlparse

    problems: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith("data:"):
            problems.append(f"request off this machine: {url}")
            return request_route.abort()
        return request_route.continue_()

    page.route("**/*", route)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    if console:
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    if failed:
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    if http_errors:
        page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    return problems


#: Move a calculator's controls as a reader would and read back what it shows.
#: Arguments: [name, settings]; settings map control names to values (a number box gets text).
#: JavaScript: what the tests read of a page figure (an expression of ``svg``, the figure's SVG
#: element or null): its alt text, legend and labels.
FIGURE_FACTS_JS = """svg ? {
  alt: svg.getAttribute("aria-label"),
  legend: [...svg.querySelectorAll(".sl-legend text")].map((t) => t.textContent),
  labels: [...svg.querySelectorAll(".sl-label")].map((t) => t.textContent),
} : null"""

SET_CONTROLS = """async ([name, settings]) => {
  const root = document.querySelector(`[data-calculator="${name}"]`);
  const calc = root.liveCalculator;
  for (const [key, value] of Object.entries(settings)) {
    const control = calc.controls.find((c) => c.spec.name === key);
    const { input, spec } = control;
    if (spec.kind === "slider") {
      input.value = String(spec.scale === "log" ? Math.log10(value) : value);
    } else if (spec.kind === "choice") {
      input.value = String(spec.options.findIndex(([, v]) =>
        JSON.stringify(v) === JSON.stringify(value)));
    } else {
      input.value = String(value);
    }
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  await calc.settled; // a result computed in two steps (fit your runs' bootstrap) is final
  const rows = [...root.querySelectorAll('[data-output="results"] tr')].map((tr) =>
    [tr.querySelector("th").textContent, tr.querySelector("td").textContent]);
  const svg = root.querySelector('[data-output="figure"] svg');
  const alert = root.querySelector('[role="alert"]');
  const values = {};
  for (const control of calc.controls) {
    const raw = control.read();
    values[control.spec.name] = control.spec.kind === "number" ? String(raw) : raw;
  }
  return {
    values, rows,
    error: alert && !alert.hidden ? alert.textContent : null,
    empty: root.querySelector('[data-output="results"]').textContent,
    figure: """ + FIGURE_FACTS_JS + """,
  };
}"""


def _slider_positions(spec: dict) -> list[float]:
    """The slider's values at each step (as the page's range input allows them)."""
    if spec["scale"] == "log":
        low, high = math.log10(spec["min"]), math.log10(spec["max"])
        count = round((high - low) / spec["step"])
        return [10 ** (low + i * spec["step"]) for i in range(count + 1)]
    count = round((spec["max"] - spec["min"]) / spec["step"])
    values = [spec["min"] + i * spec["step"] for i in range(count + 1)]
    return [round(v) if spec["integer"] else round(v, 12) for v in values]


def settings_for(calculator, n_random: int = 12, seed: int = 0,
                 caps: dict[str, float] | None = None) -> list[dict]:
    """Settings of a calculator: every control's extremes (and each option of a drop-down),
    typed numbers out of range, empty and malformed, and seeded random combinations.

    Each setting is a dict of every control's value (defaults where not varied); a number box
    gets its text. ``caps`` bounds the valid values tried for a number box (its upper bound
    itself is then tried only as out of range: 10,000 bootstrap refits take minutes).
    """
    caps = caps or {}
    specs = [control.spec() for control in calculator.controls]
    defaults = {}
    for spec in specs:
        if spec["kind"] in ("textarea", "file"):
            continue
        defaults[spec["name"]] = (_number_text(spec, spec["value"]) if spec["kind"] == "number"
                                  else spec["value"])
    settings = []
    for spec in specs:
        name, kind = spec["name"], spec["kind"]
        if kind == "slider":
            settings += [{**defaults, name: spec["min"]}, {**defaults, name: spec["max"]}]
        elif kind == "choice":
            settings += [{**defaults, name: value} for _, value in spec["options"]]
        elif kind == "number":
            for bound in (spec["low"], caps.get(name, spec["high"])):
                if bound is not None:
                    settings.append({**defaults, name: _number_text(spec, bound)})
            if spec["low"] is not None:
                settings.append({**defaults, name: _number_text(spec, spec["low"] - 1)})
            if spec["high"] is not None:
                settings.append({**defaults, name: _number_text(spec, spec["high"] + 1)})
            settings += [{**defaults, name: ""}, {**defaults, name: "12abc"}]
    rng = random.Random(seed)
    for _ in range(n_random):
        setting = dict(defaults)
        for spec in specs:
            if spec["kind"] == "slider":
                setting[spec["name"]] = rng.choice(_slider_positions(spec))
            elif spec["kind"] == "choice":
                setting[spec["name"]] = rng.choice(spec["options"])[1]
            elif spec["kind"] == "number" and spec["low"] is not None \
                    and spec["high"] is not None:
                low = spec["low"]
                high = min(spec["high"], spec["low"] + 1000, caps.get(spec["name"], math.inf))
                value = rng.randint(int(low), int(high)) if spec["integer"] \
                    else rng.uniform(low, high)
                setting[spec["name"]] = _number_text(spec, value)
        settings.append(setting)
    return settings


def _number_text(spec: dict, value: float) -> str:
    if spec["integer"]:
        return str(int(value))
    return repr(float(value))


def expected(calculator, values: dict):
    """What the package shows for the page's ``values``: (rows, result, None) or
    (None, None, message).

    Calls the calculator's package function directly (not through its widgets, which cannot
    hold an empty or malformed text): a typed number is passed as a number when it parses,
    else as the text, and the function's own checks give the message.
    """
    python_values = {}
    for control in calculator.controls:
        spec = control.spec()
        if spec["name"] not in values:
            continue
        value = values[spec["name"]]
        if spec["kind"] == "number":
            value = _parse(value)
            if spec["integer"] and isinstance(value, float) and value.is_integer():
                value = int(value)
        elif spec["kind"] == "slider":  # an ipywidgets slider holds an int or a float
            value = int(value) if spec["integer"] else float(value)
        python_values[spec["name"]] = value
    try:
        result = calculator.compute(**python_values)
    except ValueError as error:
        return None, None, f"Check the input: {error}"
    return calculator.describe(result), result, None


def _parse(text: str):
    try:
        number = float(text)
    except ValueError:
        return text.strip()
    return number if math.isfinite(number) else text.strip()


def figure_facts(calculator, result) -> dict:
    """The package figure's alt text, legend entries and axis labels for ``result``."""
    from scalinglaws import plotting

    fig, ax = plotting.new_figure(*calculator.figure_size, fast=True)
    alt = calculator.draw(result, fig, ax)
    legend = ax.get_legend()
    return {"alt": alt,
            "legend": [text.get_text() for text in legend.get_texts()] if legend else [],
            "labels": [ax.get_xlabel(), ax.get_ylabel()],
            "scales": [ax.get_xscale(), ax.get_yscale()]}
