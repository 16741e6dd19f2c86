"""Benchmark (``make bench``): notebook cold-run times and calculator update times.

Not a test: it measures and prints, and compares with the budgets the course set itself
(each notebook ≤ 10 s cold on 2 cores; a calculator's compute ≤ 1 ms and its full update,
compute + redraw, p95 ≤ 100 ms). It exits with status 1 when a budget is exceeded.

Run from the repository root: ``python tools/bench.py [--skip-notebooks]`` (``make bench``).
It lives outside the package: it measures the package, it is not part of what readers use.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

__all__ = ["NOTEBOOK_BUDGET_S", "compare_fit_speed", "fit_benchmark_data", "main", "slider_changes",
           "time_calculator"]

#: The runs digitised by Besiroglu et al. (2024), beside the repository when ../shared exists
#: (this file is tools/bench.py: parents[1] is the repository, parents[2] the folder beside it).
REPLICATION_CSV = (Path(__file__).resolve().parents[2] / "shared" / "reference-data"
                   / "chinchilla-replication" / "svg_extracted_data.csv")
FIT_SPEEDUP_TARGET = 100.0

NOTEBOOK_BUDGET_S = 10.0
COMPUTE_BUDGET_MS = 1.0
UPDATE_P95_BUDGET_MS = 100.0


def slider_changes(calculator, count: int = 100) -> list[tuple[str, object]]:
    """``count`` deterministic (control, value) changes over the calculator's sliders and
    drop-downs, in turn: sliders sweep their range, drop-downs step through their options.

    >>> from scalinglaws.widgets import power_law_calculator
    >>> changes = slider_changes(power_law_calculator(), 4)
    >>> [name for name, _ in changes]
    ['noise', 'decades', 'n_points', 'noise']
    """
    from scalinglaws.widgets import Choice, Slider

    controls = [control for control in calculator.controls
                if isinstance(control, (Slider, Choice))]
    if not controls:
        raise ValueError(f"calculator {calculator.title!r} has no slider or drop-down")
    changes = []
    for i in range(count):
        control = controls[i % len(controls)]
        if isinstance(control, Choice):
            option = control.options[(i // len(controls) + 1) % len(control.options)]
            changes.append((control.name, option[1]))
            continue
        fraction = (0.137 + 0.618 * i) % 1.0
        if control.scale == "log":
            value = control.min * (control.max / control.min) ** fraction
        else:
            value = control.min + fraction * (control.max - control.min)
        changes.append((control.name, int(round(value)) if control.integer else value))
    return changes


def _percentiles(samples_ms: list[float]) -> tuple[float, float]:
    return statistics.median(samples_ms), float(np.percentile(samples_ms, 95))


def time_calculator(factory: Callable, count: int = 100) -> dict[str, tuple[float, float]]:
    """Median and p95 (ms) of compute alone and of compute + redraw, over ``count`` changes.

    A change the package rejects (say, a chip without the chosen number format) would show
    the error panel; it is skipped, so only full updates are timed. ``changes`` in the result
    counts the timed ones.
    """
    calculator = factory()
    compute_ms, update_ms = [], []
    for name, value in slider_changes(calculator, count):
        values = calculator.values() | {name: value}
        start = time.perf_counter()
        try:
            calculator.compute(**values)
        except ValueError:
            continue
        compute_ms.append(1e3 * (time.perf_counter() - start))
        start = time.perf_counter()
        calculator.set(**{name: value})
        update_ms.append(1e3 * (time.perf_counter() - start))
        if calculator.error is not None:
            raise RuntimeError(f"benchmark input {name}={value} gave an error: {calculator.error}")
    return {"compute": _percentiles(compute_ms), "update": _percentiles(update_ms),
            "changes": len(update_ms)}


def fit_benchmark_data():
    """Runs to time the Chinchilla fits on: the replication's 240 points (the 5 highest losses
    dropped, as they did) when ../shared is present, else 240 runs simulated from their law.

    Returns ``(params, tokens, loss, description)``.
    """
    from scalinglaws import chinchilla

    if REPLICATION_CSV.is_file():
        params, tokens, loss = chinchilla.read_digitised_runs(REPLICATION_CSV)
        return params, tokens, loss, f"Chinchilla fig. 4 as digitised ({loss.size} runs)"
    runs = chinchilla.simulate_training_runs(chinchilla.BESIROGLU_2024, n_budgets=8,
                                             models_per_budget=30)
    return (runs.isoflop_params, runs.isoflop_tokens, runs.isoflop_loss,
            f"{runs.isoflop_loss.size} runs simulated from Besiroglu et al.'s law")


def compare_fit_speed(params, tokens, loss) -> dict:
    """Time ``fit_parametric`` and ``fit_parametric_grid`` on the same runs, once each.

    Returns
    -------
    dict
        ``fast_seconds``, ``grid_seconds``, ``speedup`` (grid / fast), ``fast_objective``,
        ``grid_objective``, ``objective_difference`` (fast − grid; ≤ 0 means the fast fit is
        at least as good), ``fast_starts``, ``grid_starts``, ``n_points``.
    """
    from scalinglaws import chinchilla

    start = time.perf_counter()
    fast = chinchilla.fit_parametric(params, tokens, loss)
    fast_seconds = time.perf_counter() - start
    start = time.perf_counter()
    grid = chinchilla.fit_parametric_grid(params, tokens, loss)
    grid_seconds = time.perf_counter() - start
    return {"fast_seconds": fast_seconds, "grid_seconds": grid_seconds,
            "speedup": grid_seconds / fast_seconds, "fast_objective": fast.objective,
            "grid_objective": grid.objective,
            "objective_difference": fast.objective - grid.objective,
            "fast_starts": fast.n_starts, "grid_starts": grid.n_starts,
            "n_points": fast.n_points}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-notebooks", action="store_true",
                        help="time only the calculators")
    parser.add_argument("--notebooks", default="notebooks", help="folder of the chapters")
    args = parser.parse_args(argv)
    over_budget = []

    from scalinglaws.widgets import CALCULATORS

    print(f"Calculators: 100 slider and drop-down changes each; budgets: compute "
          f"≤ {COMPUTE_BUDGET_MS} ms (median), update p95 ≤ {UPDATE_P95_BUDGET_MS} ms")
    for name, factory in CALCULATORS.items():
        timing = time_calculator(factory)
        (c_med, c_p95), (u_med, u_p95) = timing["compute"], timing["update"]
        ok = c_med <= COMPUTE_BUDGET_MS and u_p95 <= UPDATE_P95_BUDGET_MS
        if not ok:
            over_budget.append(name)
        print(f"  {name:<34} compute median {c_med:7.3f} ms  p95 {c_p95:7.3f} ms | "
              f"compute+redraw median {u_med:6.1f} ms  p95 {u_p95:6.1f} ms  "
              f"({timing['changes']} changes) {'ok' if ok else 'OVER BUDGET'}")

    for name, factory in CALCULATORS.items():
        calculator = factory()
        if calculator.action is None:
            continue
        run_ms = []
        for change, value in slider_changes(calculator, 10):
            if calculator.set(**{change: value}) is None:
                continue
            start = time.perf_counter()
            calculator.run_action()
            run_ms.append(1e3 * (time.perf_counter() - start))
        median, p95 = _percentiles(run_ms)
        label = f"{name}: “{calculator.action.label}”"
        print(f"  {label:<34} button median {median:6.0f} ms  p95 {p95:6.0f} ms "
              f"({len(run_ms)} presses; an explicit action, not a slider: no budget set)")

    from scalinglaws.widgets.chinchilla import example_runs_csv, fit_your_runs_calculator

    calculator = fit_your_runs_calculator()
    refit_ms = []
    for seed in range(1, 11):  # pasting new runs: a fresh fit with its bootstrap each time
        text = example_runs_csv(seed=seed)
        start = time.perf_counter()
        calculator.set(csv_text=text)
        refit_ms.append(1e3 * (time.perf_counter() - start))
    median, p95 = _percentiles(refit_ms)
    print(f"  {'fit your own runs: new runs pasted':<34} fit+redraw median {median:6.0f} ms  "
          f"p95 {p95:6.0f} ms ({calculator.values()['n_bootstrap']} bootstrap resamples; "
          f"a fit, not a slider: no budget set)")

    from scalinglaws import chinchilla

    params, tokens, loss, description = fit_benchmark_data()
    report = compare_fit_speed(params, tokens, loss)
    ok = (report["speedup"] >= FIT_SPEEDUP_TARGET
          and report["objective_difference"] <= 1e-9 * report["grid_objective"])
    if not ok:
        over_budget.append("fit_parametric vs the paper's grid")
    print(f"Approach-3 fit on {description}, one run each (target: same or lower Huber "
          f"objective, ≥ {FIT_SPEEDUP_TARGET:.0f}× faster):")
    print(f"  fit_parametric      {report['fast_seconds']:8.3f} s  objective "
          f"{report['fast_objective']:.10e}  ({report['fast_starts']} L-BFGS-B runs)")
    print(f"  paper's grid        {report['grid_seconds']:8.3f} s  objective "
          f"{report['grid_objective']:.10e}  ({report['grid_starts']} L-BFGS-B runs)")
    print(f"  speed-up ×{report['speedup']:.0f}, objective difference "
          f"{report['objective_difference']:+.1e}  {'ok' if ok else 'MISSED'}")
    start = time.perf_counter()
    chinchilla.fit_parametric(params, tokens, loss, n_bootstrap=1000, seed=0)
    print(f"  fit_parametric with a 1,000-resample bootstrap: "
          f"{time.perf_counter() - start:.1f} s")

    if not args.skip_notebooks:
        from scalinglaws.notebook_runner import execute_notebook

        print(f"Notebooks: cold run in a fresh kernel (start-up included); budget "
              f"≤ {NOTEBOOK_BUDGET_S:.0f} s each")
        for path in sorted(Path(args.notebooks).glob("*.ipynb")):
            seconds = execute_notebook(path, save=False)
            ok = seconds <= NOTEBOOK_BUDGET_S
            if not ok:
                over_budget.append(path.name)
            print(f"  {path.name:<34} {seconds:6.2f} s  {'ok' if ok else 'OVER BUDGET'}")

    if over_budget:
        print(f"Over budget: {', '.join(over_budget)}")
        return 1
    print("All within budget.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
