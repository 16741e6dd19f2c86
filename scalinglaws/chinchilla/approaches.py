"""Approaches 1 and 2 of Hoffmann et al. (2022), and all three approaches on the same runs.

(1) The minimum over training curves (:func:`fit_envelope`), (2) parabolas fitted to IsoFLOP
profiles (:func:`fit_isoflop`), each followed by power laws N_opt ∝ C^a and D_opt ∝ C^b;
:func:`compare_approaches` runs them and Approach 3
(:func:`scalinglaws.chinchilla.parametric.fit_parametric`) on simulated runs. Citation keys
refer to ``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scalinglaws._validate import (
    confidence_level,
    finite_array,
    integer_in_range,
    number_in_range,
    same_length,
)
from scalinglaws.chinchilla.allocation import compute_optimal
from scalinglaws.chinchilla.laws import GOPHER_FLOPS, HOFFMANN_2022
from scalinglaws.chinchilla.parametric import MIN_RUNS, ParametricFit, fit_parametric
from scalinglaws.chinchilla.simulate import SimulatedRuns, simulate_training_runs
from scalinglaws.powerlaw import PowerLawFit, fit_power_law
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["HOFFMANN_2022_TABLE_2", "AllocationFit", "ApproachComparison", "compare_approaches",
           "fit_envelope", "fit_isoflop"]

#: Hoffmann et al. (2022), Table 2, as printed: for each approach, a of N_opt ∝ C^a and b of
#: D_opt ∝ C^b, each with its 10th-90th percentile bootstrap interval ("" where none).
HOFFMANN_2022_TABLE_2 = {
    "1. Minimum over training curves": ("0.50 (0.488, 0.502)", "0.50 (0.501, 0.512)"),
    "2. IsoFLOP profiles": ("0.49 (0.462, 0.534)", "0.51 (0.483, 0.529)"),
    "3. Parametric modelling of the loss": ("0.46 (0.454, 0.455)", "0.54 (0.542, 0.543)"),
    "Kaplan et al. (2020)": ("0.73", "0.27"),
}


@dataclass(frozen=True)
class AllocationFit:
    """Power laws N_opt = k_N·C^a and D_opt = k_D·C^b fitted to estimated optima.

    ``compute``, ``params`` and ``tokens`` are the optima the power laws were fitted to;
    the intervals on a and b are those of :func:`scalinglaws.powerlaw.fit_power_law`
    (t intervals of least squares in log space).
    """

    method: str
    a: float
    b: float
    a_ci: tuple[float, float]
    b_ci: tuple[float, float]
    params_fit: PowerLawFit
    tokens_fit: PowerLawFit
    compute: np.ndarray
    params: np.ndarray
    tokens: np.ndarray

    def optimum(self, compute_flops: float) -> tuple[float, float]:
        """(N_opt, D_opt) the two fitted power laws give at ``compute_flops``."""
        c = number_in_range("compute_flops", compute_flops, 0, None, low_inclusive=False)
        return self.params_fit.predict(c), self.tokens_fit.predict(c)


def _allocation_fit(method, compute, params, confidence) -> AllocationFit:
    tokens = compute / (FLOPS_PER_PARAM_TOKEN * params)
    params_fit = fit_power_law(compute, params, confidence)
    tokens_fit = fit_power_law(compute, tokens, confidence)
    return AllocationFit(method=method, a=params_fit.exponent, b=tokens_fit.exponent,
                         a_ci=params_fit.exponent_ci, b_ci=tokens_fit.exponent_ci,
                         params_fit=params_fit, tokens_fit=tokens_fit, compute=compute,
                         params=params, tokens=tokens)


def fit_envelope(run, params, tokens, loss, n_flops: int = 40,
                 confidence: float = 0.95) -> AllocationFit:
    """Approach 1 of Hoffmann et al. (2022), §3.1: the minimum over training curves.

    Each training curve (points with the same ``run``) gives loss against compute
    C = 6·N·D. At ``n_flops`` budgets log-spaced over the range the curves cover, the curve
    with the lowest loss (interpolated linearly in log C) names the best model size N_opt(C);
    budgets where the best curve is the smallest or the largest model are dropped, since the
    optimum may lie outside the sizes tried. Power laws N_opt ∝ C^a and D_opt ∝ C^b
    (D = C/(6N)) are then fitted with :func:`scalinglaws.powerlaw.fit_power_law`.

    Parameters
    ----------
    run : sequence of int
        Which training run each point belongs to.
    params, tokens, loss : sequence of float
        Model size (constant within a run), tokens seen so far and loss at that point.
    n_flops : int
        Number of budgets at which the envelope is read, 5 to 10,000.
    confidence : float
        Level of the intervals on a and b.

    Examples
    --------
    >>> runs = simulate_training_runs(noise=0.0, n_curves=40)
    >>> fit = fit_envelope(runs.curve_run, runs.curve_params, runs.curve_tokens,
    ...                    runs.curve_loss)
    >>> round(fit.a, 2), round(HOFFMANN_2022.a, 2)
    (0.45, 0.45)
    """
    run_ids = finite_array("run", run, min_size=MIN_RUNS)
    n = finite_array("params", params, positive=True, min_size=MIN_RUNS)
    d = finite_array("tokens", tokens, positive=True, min_size=MIN_RUNS)
    lo = finite_array("loss", loss, positive=True, min_size=MIN_RUNS)
    same_length(run=run_ids, params=n, tokens=d, loss=lo)
    n_flops = integer_in_range("n_flops", n_flops, 5, 10_000)
    confidence = confidence_level(confidence)
    labels = np.unique(run_ids)
    if labels.size < 3:
        raise ValueError(f"run must name at least 3 different training runs; got {labels.size}")
    log_c = np.log(FLOPS_PER_PARAM_TOKEN * n * d)
    sizes = np.empty(labels.size)
    curves = []
    for i, label in enumerate(labels):
        pick = run_ids == label
        if np.ptp(n[pick]) > 1e-9 * n[pick][0]:
            raise ValueError(f"params must be constant within a run; run {label:g} has "
                             f"several sizes")
        order = np.argsort(log_c[pick])
        sizes[i] = n[pick][0]
        curves.append((log_c[pick][order], np.log(lo[pick][order])))
    grid = np.linspace(min(c.min() for c, _ in curves), max(c.max() for c, _ in curves),
                       n_flops)
    table = np.full((labels.size, n_flops), np.inf)
    for i, (curve_c, curve_l) in enumerate(curves):
        inside = (grid >= curve_c[0]) & (grid <= curve_c[-1])
        table[i, inside] = np.interp(grid[inside], curve_c, curve_l)
    best = np.argmin(table, axis=0)
    reached = np.isfinite(table[best, np.arange(n_flops)])
    interior = reached & (sizes[best] > sizes.min()) & (sizes[best] < sizes.max())
    if interior.sum() < 3:
        raise ValueError("the training curves give fewer than 3 budgets with an interior "
                         "optimum; use more model sizes or a wider range of them")
    return _allocation_fit("Approach 1: minimum over training curves",
                           np.exp(grid[interior]), sizes[best[interior]], confidence)


def fit_isoflop(budget, params, loss, confidence: float = 0.95) -> AllocationFit:
    """Approach 2 of Hoffmann et al. (2022), §3.2: parabolas through IsoFLOP profiles.

    For each budget C, the final losses of its runs are fitted by a parabola in log N
    (least squares, :func:`numpy.polyfit`), whose vertex is the estimated N_opt(C); then
    N_opt ∝ C^a and D_opt ∝ C^b (D = C/(6N)) are fitted with
    :func:`scalinglaws.powerlaw.fit_power_law`. A budget whose parabola opens downwards has
    no minimum and is dropped. The loss is not a parabola in log N, and the vertex moves
    when the sizes tried are not centred on the optimum: the method's known bias.

    Parameters
    ----------
    budget : sequence of float
        The FLOP budget of each run (runs of one IsoFLOP profile share it exactly).
    params, loss : sequence of float
        Model size and final loss of each run.
    confidence : float
        Level of the intervals on a and b.

    Examples
    --------
    >>> runs = simulate_training_runs(noise=0.0)
    >>> fit = fit_isoflop(runs.isoflop_budget, runs.isoflop_params, runs.isoflop_loss)
    >>> round(fit.a, 3), round(HOFFMANN_2022.a, 3)
    (0.452, 0.452)
    """
    c = finite_array("budget", budget, positive=True, min_size=MIN_RUNS)
    n = finite_array("params", params, positive=True, min_size=MIN_RUNS)
    lo = finite_array("loss", loss, positive=True, min_size=MIN_RUNS)
    same_length(budget=c, params=n, loss=lo)
    confidence = confidence_level(confidence)
    budgets, optima = [], []
    for value in np.unique(c):
        pick = c == value
        x = np.log(n[pick])
        if np.unique(x).size < 3:
            continue
        curvature, slope, _ = np.polyfit(x, lo[pick], 2)
        if curvature <= 0:
            continue
        budgets.append(value)
        optima.append(np.exp(-slope / (2 * curvature)))
    if len(budgets) < 3:
        raise ValueError("budget must have at least 3 IsoFLOP profiles with 3 or more model "
                         f"sizes and a minimum; got {len(budgets)}")
    return _allocation_fit("Approach 2: IsoFLOP parabolas", np.array(budgets),
                           np.array(optima), confidence)


# --- The fit lab: all three approaches on the same simulated runs ----------------------------


@dataclass(frozen=True)
class ApproachComparison:
    """The three approaches' estimates of a and b on one set of simulated runs."""

    runs: SimulatedRuns
    envelope: AllocationFit
    isoflop: AllocationFit
    parametric: ParametricFit

    def rows(self, compute_flops: float = GOPHER_FLOPS) -> list[dict]:
        """One row per method (the truth first): a, b, their intervals, and the N_opt each
        method predicts at ``compute_flops`` with its ratio to the truth's N_opt there."""
        c = number_in_range("compute_flops", compute_flops, 0, None, low_inclusive=False)
        truth = self.runs.truth
        true_params = compute_optimal(c, truth).params
        rows = [{"method": "truth", "a": truth.a, "b": truth.b, "a_ci": None, "b_ci": None,
                 "params_at": true_params, "params_ratio": 1.0}]
        for fit in (self.envelope, self.isoflop):
            params = fit.optimum(c)[0]
            rows.append({"method": fit.method, "a": fit.a, "b": fit.b, "a_ci": fit.a_ci,
                         "b_ci": fit.b_ci, "params_at": params,
                         "params_ratio": params / true_params})
        p = self.parametric
        ci = p.intervals or {}
        params = compute_optimal(c, p.law).params
        rows.append({"method": "Approach 3: parametric fit", "a": p.a, "b": p.b,
                     "a_ci": ci.get("a"), "b_ci": ci.get("b"), "params_at": params,
                     "params_ratio": params / true_params})
        return rows


def compare_approaches(truth=HOFFMANN_2022, noise: float = 0.005, window_offset: float = 0.0,
                       window_decades: float = 1.5, window_exponent: float | None = None,
                       models_per_budget: int = 9, seed: int = 0, n_bootstrap: int = 50,
                       confidence: float = 0.95, *, simulate=simulate_training_runs,
                       fit_final=fit_parametric) -> ApproachComparison:
    """Simulate runs from ``truth`` and estimate a and b with all three approaches.

    Approach 1 (:func:`fit_envelope`) reads the training curves, Approach 2
    (:func:`fit_isoflop`) the IsoFLOP runs, Approach 3 (:func:`fit_parametric`, with
    ``n_bootstrap`` resamples for its intervals) every finished run, as Hoffmann et al.
    (2022) fit Approach 3 to the final losses of the other two approaches' runs.

    ``simulate`` and ``fit_final`` draw the runs and fit Approach 3 (with the signatures of
    :func:`simulate_training_runs` and :func:`fit_parametric`):
    :func:`scalinglaws.portable_random.compare_approaches_portable` passes the samplers
    the page shares.

    Examples
    --------
    >>> comp = compare_approaches(noise=0.0, n_bootstrap=0)
    >>> [round(row["a"], 2) for row in comp.rows()]
    [0.45, 0.45, 0.45, 0.45]
    """
    runs = simulate(truth, noise=noise, window_offset=window_offset,
                    window_decades=window_decades, window_exponent=window_exponent,
                    models_per_budget=models_per_budget, seed=seed)
    envelope = fit_envelope(runs.curve_run, runs.curve_params, runs.curve_tokens,
                            runs.curve_loss, confidence=confidence)
    isoflop = fit_isoflop(runs.isoflop_budget, runs.isoflop_params, runs.isoflop_loss,
                          confidence=confidence)
    parametric = fit_final(*runs.final_runs(), n_bootstrap=n_bootstrap, seed=seed,
                           confidence=confidence)
    return ApproachComparison(runs=runs, envelope=envelope, isoflop=isoflop,
                              parametric=parametric)
