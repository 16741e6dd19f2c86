"""Time the Approach-3 fit of the example runs in Chromium (JavaScript) and in Python.

Not a test: ``python tests/live_numerics_timing.py [--repeats 5]`` prints the median wall
time of fit_parametric on the fit-your-own calculator's example runs, without and with a
100-resample bootstrap, on both sides, and of the fit lab's compare_approaches (defaults,
50 resamples), with their ratios (Python / JavaScript).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import threading
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

from scalinglaws import chinchilla as ch
from scalinglaws.runs_csv import parse_runs_csv
from scalinglaws.widgets.chinchilla import example_runs_csv

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

_TIME_JS = """async ([params, tokens, loss, nBootstrap, repeats, lab]) => {
  const m = await import("/book/static/live/numerics/index.js");
  const run = lab ? () => m.compareApproaches({nBootstrap, seed: 0})
    : () => m.fitParametric(params, tokens, loss, {nBootstrap});
  run();  // warm up the JIT once
  const times = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def python_times(table, n_bootstrap: int, repeats: int, lab: bool = False) -> list[float]:
    def run():
        if lab:
            return ch.compare_approaches(n_bootstrap=n_bootstrap, seed=0)
        return ch.fit_parametric(table.params, table.tokens, table.loss, n_bootstrap=n_bootstrap)

    times = []
    with threadpool_limits(limits=1, user_api="blas"):
        run()
        for _ in range(repeats):
            start = time.perf_counter()
            run()
            times.append(1000 * (time.perf_counter() - start))
    return times


def javascript_times(table, n_bootstrap: int, repeats: int, chromium: str,
                     lab: bool = False) -> list[float]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(REPO))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/book/static/live/numerics/")
            times = page.evaluate(_TIME_JS, [table.params.tolist(), table.tokens.tolist(),
                                             table.loss.tolist(), n_bootstrap, repeats, lab])
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    table = parse_runs_csv(example_runs_csv())
    print(f"example runs: {table.n_runs}; median of {args.repeats} runs (ms)")
    print(f"{'what':<34} {'Python':>7} {'Chromium':>8} {'Python/JS':>9}")
    for what, n_bootstrap, lab in (("fit_parametric, example runs", 0, False),
                                   ("  + 100-resample bootstrap", 100, False),
                                   ("compare_approaches (fit lab, 50)", 50, True)):
        py = statistics.median(python_times(table, n_bootstrap, args.repeats, lab))
        js = statistics.median(javascript_times(table, n_bootstrap, args.repeats, args.chromium,
                                                lab))
        print(f"{what:<34} {py:>7.0f} {js:>8.0f} {py / js:>9.1f}")


if __name__ == "__main__":
    main()
