"""Input-to-repaint time of every live calculator on the built chapter pages (``make bench-web``).

Serves ``_build/html`` (run ``make book`` first), opens each chapter in Debian's Chromium at
a desktop and a phone width, and moves every control of every calculator as a reader would
(arrow keys on sliders, a new option in drop-downs, typing into number boxes). The page's
runtime records each update as a performance measure, ``sl-update:<name>``, from the input
event's time stamp to the first task after the next animation frame (the repaint); this
prints the median and 95th percentile per calculator. Goal (issue 9): median ≤ 50 ms,
p95 ≤ 100 ms.

    python tools/bench_web.py [_build/html] [--rounds N] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import live_harness as harness  # tools/, beside this script

__all__ = ["bench_page", "main"]

REPO = Path(__file__).resolve().parents[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _move_controls(page, root, rounds: int) -> None:
    """Move each control of the calculator ``root`` ``rounds`` times, as a reader would."""
    controls = root.locator("form.sl-controls")
    for _ in range(rounds):
        for slider in controls.locator('input[type="range"]').all():
            slider.focus()
            page.keyboard.press("ArrowRight" if _ % 2 == 0 else "ArrowLeft")
        for select in controls.locator("select").all():
            count = select.locator("option").count()
            current = int(select.input_value())
            select.select_option(str((current + 1) % count if _ % 2 == 0 else current))
        for box in controls.locator('input[type="text"]').all():
            value = box.input_value()
            box.fill(value + "0" if _ % 2 == 0 else value[:-1] if value.endswith("0") else value)
    page.wait_for_timeout(50)


def _press_action(page, root, rounds: int) -> None:
    """Press the calculator's action button (the fit lab's fits) ``rounds`` times, each time
    waiting until its result shows."""
    button = root.locator("button.sl-action")
    for _ in range(rounds):
        button.click()
        root.locator('[data-output="action"] table').wait_for(timeout=30_000)
        # a fresh run: move nothing, but clear the shown result as a control change would
        page.evaluate("(el) => el.liveCalculator.clearAction()", root.element_handle())


def bench_page(browser, url: str, width: int, rounds: int) -> dict[str, list[float]]:
    """Durations (ms) of every update of every calculator on the page at ``url``; a
    calculator with an action button also gets ``<name> (button → result)``: from the click
    to the repaint after its result shows (the fit lab's fits run in a worker, the page
    meanwhile says they are being computed); one whose result comes in two steps gets
    ``<name> (change → intervals)``: from the input to the repaint of the final result (fit
    your runs' bootstrap refits, in a worker, after its point fit)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=20_000)
    timings: dict[str, list[float]] = {}
    for root in page.locator("[data-calculator].sl-live").all():
        name = root.get_attribute("data-calculator")
        root.scroll_into_view_if_needed()
        page.evaluate("(el) => el.liveCalculator.settled", root.element_handle())
        page.evaluate("(name) => { performance.clearMeasures(`sl-update:${name}`); "
                      "performance.clearMeasures(`sl-refine:${name}`); }", name)
        _move_controls(page, root, rounds)
        timings[name] = page.evaluate(
            "(name) => performance.getEntriesByName(`sl-update:${name}`).map(e => e.duration)",
            name)
        # a result computed in two steps (fit your runs' bootstrap intervals, in a worker)
        page.evaluate("(el) => el.liveCalculator.settled", root.element_handle())
        page.wait_for_timeout(50)
        refined = page.evaluate(
            "(name) => performance.getEntriesByName(`sl-refine:${name}`).map(e => e.duration)",
            name)
        if refined:
            timings[f"{name} (change → intervals)"] = refined
        if root.locator("button.sl-action").count():
            _press_action(page, root, max(3, rounds // 2))
            timings[f"{name} (button → result)"] = page.evaluate(
                "(name) => performance.getEntriesByName(`sl-action:${name}`)"
                ".map(e => e.duration)", name)
    page.close()
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", nargs="?", default=str(REPO / "_build" / "html"))
    parser.add_argument("--rounds", type=int, default=10,
                        help="times each control is moved (default 10)")
    parser.add_argument("--json", help="also write the timings to this file")
    args = parser.parse_args(argv)
    html = Path(args.html)
    chapters = sorted((html / "notebooks").glob("*.html"))
    if not chapters:
        print(f"No chapter pages under {html}: run `make book` first.", file=sys.stderr)
        return 1
    results = []
    with harness.serve(html) as base, harness.launch() as browser:
        for width in (1280, 390):
            for chapter in chapters:
                if "data-calculator=" not in chapter.read_text(encoding="utf-8"):
                    continue
                url = f"{base}/notebooks/{chapter.name}"
                for name, durations in bench_page(browser, url, width, args.rounds).items():
                    results.append({"page": chapter.stem, "calculator": name, "width": width,
                                    "updates": len(durations),
                                    "median_ms": statistics.median(durations),
                                    "p95_ms": _percentile(durations, 0.95),
                                    "max_ms": max(durations)})
    print(f"{'page':<22} {'calculator':<28} {'width':>5} {'updates':>7} {'median':>8} "
          f"{'p95':>8} {'max':>8}")
    for row in results:
        print(f"{row['page']:<22} {row['calculator']:<28} {row['width']:>5} {row['updates']:>7} "
              f"{row['median_ms']:>6.1f}ms {row['p95_ms']:>6.1f}ms {row['max_ms']:>6.1f}ms")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    # The goal is for input to repaint; an action's fits and a two-step result's slow part
    # (off the main thread) are reported.
    slow = [row for row in results if "(" not in row["calculator"]
            and (row["median_ms"] > 50 or row["p95_ms"] > 100)]
    if slow:
        print(f"{len(slow)} calculator(s) over the goal (median ≤ 50 ms, p95 ≤ 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
