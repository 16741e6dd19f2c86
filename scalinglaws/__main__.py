"""Command line: ``python -m scalinglaws fit runs.csv [--budget FLOPS] [--bootstrap N]``.

Fits L(N, D) = E + A/N^α + B/D^β to a CSV of training runs (format:
:mod:`scalinglaws.runs_csv`) with the Huber objective of Hoffmann et al. (2022), prints the
fitted law with bootstrap intervals and the compute-optimal allocation at a budget. A bad
file or option prints one line to stderr and exits with status 2, without a traceback.
"""

from __future__ import annotations

import argparse
import sys

from scalinglaws import chinchilla
from scalinglaws._validate import number_in_range
from scalinglaws.runs_csv import MAX_BYTES, MAX_ROWS, read_runs_csv

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + message
        raise ValueError(f"{message} (see python -m scalinglaws fit --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m scalinglaws",
                     description="Tools of the course 'Scaling Laws, an interactive course'.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    fit = commands.add_parser(
        "fit", help="fit a Chinchilla loss law to your training runs",
        description="Fit L(N, D) = E + A/N^alpha + B/D^beta to a CSV of training runs "
                    "(columns params, tokens or flops, loss; at least 5 runs, at most "
                    f"{MAX_ROWS:,} rows and {MAX_BYTES:,} bytes) with the Huber objective "
                    "of Hoffmann et al. (2022), and print the compute-optimal allocation.")
    fit.add_argument("csv", help="the CSV file of training runs")
    fit.add_argument("--budget", type=float, default=None,
                     help="compute budget in FLOPs for the allocation (default: 10 times "
                          "the largest run's 6*N*D)")
    fit.add_argument("--bootstrap", type=int, default=200,
                     help="bootstrap resamples for the intervals (0 to 10000; default 200)")
    fit.add_argument("--seed", type=int, default=0, help="seed of the bootstrap (default 0)")
    fit.add_argument("--confidence", type=float, default=0.95,
                     help="level of the intervals (default 0.95)")
    return parser


def _interval(fit, name: str, fmt: str) -> str:
    if not fit.intervals:
        return ""
    low, high = fit.intervals[name]
    return f"  [{low:{fmt}}, {high:{fmt}}]"


def _run_fit(args) -> str:
    if args.budget is not None:
        number_in_range("--budget", args.budget, 0, None, low_inclusive=False)
    table = read_runs_csv(args.csv)
    fit = chinchilla.fit_parametric(table.params, table.tokens, table.loss,
                                    n_bootstrap=args.bootstrap, seed=args.seed,
                                    confidence=args.confidence)
    largest = float(chinchilla.training_flops(table.params, table.tokens).max())
    budget = 10 * largest if args.budget is None else args.budget
    optimum = chinchilla.compute_optimal(budget, fit.law)
    law = fit.law
    level = f"{100 * fit.confidence:g} %"
    head = (f"intervals: {level} percentile bootstrap, {fit.n_bootstrap} resamples"
            if fit.n_bootstrap else "intervals: none (--bootstrap 0)")
    lines = [
        f"{table.source}: {table.n_runs} runs (columns: "
        + ", ".join(f"{role}={name!r}" for role, name in table.columns.items()) + ")",
        "Fitted law L(N, D) = E + A/N^alpha + B/D^beta (Huber objective, delta = 1e-3, "
        "Hoffmann et al. 2022 eq. 3)",
        f"  {head}",
        f"  E     = {law.E:.4g}{_interval(fit, 'E', '.4g')}",
        f"  A     = {law.A:.4g}{_interval(fit, 'A', '.4g')}",
        f"  B     = {law.B:.4g}{_interval(fit, 'B', '.4g')}",
        f"  alpha = {law.alpha:.4f}{_interval(fit, 'alpha', '.4f')}",
        f"  beta  = {law.beta:.4f}{_interval(fit, 'beta', '.4f')}",
        f"  a = beta/(alpha+beta) = {law.a:.4f}{_interval(fit, 'a', '.4f')}  (N_opt ~ C^a)",
        f"  b = alpha/(alpha+beta) = {law.b:.4f}{_interval(fit, 'b', '.4f')}  (D_opt ~ C^b)",
        f"  objective (summed Huber loss) = {fit.objective:.6g}",
        f"Compute-optimal allocation at {budget:.3g} FLOPs (Hoffmann et al. 2022 eq. 4, "
        "C = 6*N*D):",
    ]
    rows = [("parameters N", optimum.params, "params"), ("tokens D", optimum.tokens, "tokens"),
            ("tokens per parameter", optimum.tokens_per_param, "tokens_per_param"),
            ("predicted loss", optimum.loss, "loss")]
    spread = chinchilla.optimal_interval(fit, budget) if fit.n_bootstrap else {}
    for label, value, key in rows:
        text = f"  {label:<21} {value:.4g}"
        if key in spread:
            text += f"  [{spread[key][0]:.4g}, {spread[key][1]:.4g}]"
        lines.append(text)
    if budget > 100 * largest:
        lines.append(f"  note: the budget is {budget / largest:.3g} times the largest run's "
                     "compute; the prediction is a long extrapolation")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 success, 2 bad input)."""
    try:
        args = _parser().parse_args(argv)
        if args.command == "fit":
            print(_run_fit(args))
        return 0
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
