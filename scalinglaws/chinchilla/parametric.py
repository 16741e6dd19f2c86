"""Approach 3 of Hoffmann et al. (2022): fitting L(N, D) = E + A/N^α + B/D^β to training runs.

The paper minimises a Huber loss on log-loss residuals (eq. 3, in its log-sum-exp form eq. 11)
with L-BFGS from a grid of 4,500 starting points (Appendix D.2): :func:`fit_parametric_grid`
is that procedure, :func:`fit_parametric` reaches the same optimum faster, and a bootstrap
gives intervals. Citation keys refer to ``book/references.bib``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize
from threadpoolctl import threadpool_limits

from scalinglaws._validate import (
    bootstrap_count,
    confidence_level,
    finite_array,
    integer_in_range,
    number_in_range,
    random_seed,
    same_length,
)
from scalinglaws.chinchilla.laws import LossLaw, _as_law
from scalinglaws.regression import percentile_interval
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["HUBER_DELTA", "MIN_RUNS", "ParametricFit", "fit_parametric", "fit_parametric_grid",
           "huber_objective", "initialisation_grid", "optimal_interval", "read_digitised_runs"]

#: δ of the Huber loss on log-loss residuals (Hoffmann et al. 2022, §3.3 and Appendix D.2).
HUBER_DELTA = 1e-3

#: Fewest training runs a parametric fit accepts: one per parameter (E, A, B, α, β).
MIN_RUNS = 5


def initialisation_grid() -> np.ndarray:
    """The paper's 4,500 starting points as rows (a, b, e, α, β), with A, B, E = exp(a, b, e).

    Hoffmann et al. (2022), Appendix D.2: α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1},
    a, b ∈ {0, 5, …, 25}: 6 × 6 × 5 × 5 × 5 = 4,500 starts.

    >>> initialisation_grid().shape
    (4500, 5)
    """
    steps = (np.arange(0, 30, 5.0), np.arange(0, 30, 5.0), np.arange(-1, 1.5, 0.5),
             np.arange(0, 2.5, 0.5), np.arange(0, 2.5, 0.5))
    return np.array(list(itertools.product(*steps)), dtype=float)


def _theta(law: LossLaw) -> np.ndarray:
    return np.array([np.log(law.A), np.log(law.B), np.log(max(law.E, 1e-300)), law.alpha,
                     law.beta])


def _law_from_theta(theta, name: str, source: str) -> LossLaw:
    a, b, e, alpha, beta = (float(v) for v in theta)
    return LossLaw(E=float(np.exp(e)), A=float(np.exp(a)), B=float(np.exp(b)), alpha=alpha,
                   beta=beta, name=name, source=source)


def _objective_and_gradient(theta, log_n, log_d, log_l, weights, delta):
    """Σ wᵢ·Huber_δ(LSE(a − α log Nᵢ, b − β log Dᵢ, e) − log Lᵢ) and its exact gradient.

    Hoffmann et al. (2022), eq. 11. With softmax weights pⱼ of the three LSE terms and
    ψ(r) = clip(r, −δ, δ) the Huber derivative: ∂/∂a = Σ wψp₁, ∂/∂b = Σ wψp₂, ∂/∂e = Σ wψp₃,
    ∂/∂α = −Σ wψp₁ log N, ∂/∂β = −Σ wψp₂ log D.
    """
    a, b, e, alpha, beta = theta
    x1 = a - alpha * log_n
    x2 = b - beta * log_d
    top = np.maximum(np.maximum(x1, x2), e)
    p1 = np.exp(x1 - top)
    p2 = np.exp(x2 - top)
    p3 = np.exp(e - top)
    total = p1 + p2 + p3
    r = top + np.log(total) - log_l
    abs_r = np.abs(r)
    huber = np.where(abs_r <= delta, 0.5 * r * r, delta * (abs_r - 0.5 * delta))
    psi = np.clip(r, -delta, delta) / total
    if weights is not None:
        huber = huber * weights
        psi = psi * weights
    # Elementwise products and sums, not ``@``: a BLAS dot product may spawn threads, which
    # costs more than it saves on a few hundred points.
    q1, q2 = psi * p1, psi * p2
    gradient = np.array([q1.sum(), q2.sum(), (psi * p3).sum(), -(q1 * log_n).sum(),
                         -(q2 * log_d).sum()])
    return float(huber.sum()), gradient


def _objective_many(thetas, log_n, log_d, log_l, delta, chunk: int = 500) -> np.ndarray:
    """The objective at many parameter vectors at once (rows of ``thetas``), vectorised."""
    values = np.empty(len(thetas))
    for start in range(0, len(thetas), chunk):
        t = thetas[start:start + chunk]
        x1 = t[:, :1] - t[:, 3:4] * log_n
        x2 = t[:, 1:2] - t[:, 4:5] * log_d
        x3 = t[:, 2:3]
        top = np.maximum(np.maximum(x1, x2), x3)
        lse = top + np.log(np.exp(x1 - top) + np.exp(x2 - top) + np.exp(x3 - top))
        abs_r = np.abs(lse - log_l)
        huber = np.where(abs_r <= delta, 0.5 * abs_r**2, delta * (abs_r - 0.5 * delta))
        values[start:start + chunk] = huber.sum(axis=1)
    return values


def _data(params, tokens, loss):
    n = finite_array("params", params, positive=True, min_size=MIN_RUNS)
    d = finite_array("tokens", tokens, positive=True, min_size=MIN_RUNS)
    lo = finite_array("loss", loss, positive=True, min_size=MIN_RUNS)
    same_length(params=n, tokens=d, loss=lo)
    for name, values in (("params", n), ("tokens", d)):
        if np.ptp(values) == 0:
            raise ValueError(f"{name} must contain at least two different values to fit its "
                             f"exponent; got all equal to {values[0]:.6g}")
    distinct = np.unique(np.column_stack([n, d]), axis=0).shape[0]
    if distinct < MIN_RUNS:
        raise ValueError(f"params and tokens must hold at least {MIN_RUNS} different (params, "
                         f"tokens) runs to fit the law's 5 parameters; got {distinct}")
    return np.log(n), np.log(d), np.log(lo)


def _delta(delta) -> float:
    return number_in_range("delta", delta, 0, 1, low_inclusive=False)


def huber_objective(params, tokens, loss, law, delta: float = HUBER_DELTA) -> float:
    """The paper's fitting objective for ``law`` on the given runs (Hoffmann et al. 2022, eq. 3).

    Σᵢ Huber_δ(log L̂(Nᵢ, Dᵢ) − log Lᵢ), with Huber_δ(r) = r²/2 for |r| ≤ δ and
    δ(|r| − δ/2) beyond; δ = 1e-3 by default. Lower is a better fit.

    Examples
    --------
    >>> from scalinglaws.chinchilla.laws import HOFFMANN_2022
    >>> n, d = np.array([1e8, 1e9, 1e10, 1e8, 1e9]), np.array([1e9, 1e10, 1e11, 1e11, 1e9])
    >>> huber_objective(n, d, HOFFMANN_2022.loss(n, d), HOFFMANN_2022)
    0.0
    """
    log_n, log_d, log_l = _data(params, tokens, loss)
    value, _ = _objective_and_gradient(_theta(_as_law(law)), log_n, log_d, log_l, None,
                                       _delta(delta))
    return value


def _one_blas_thread():
    """Limit BLAS to one thread while scipy's L-BFGS-B runs (threadpoolctl).

    L-BFGS-B's BLAS calls are on vectors of five numbers; extra OpenBLAS threads only spin,
    and on a busy two-core machine that made a fit ten or more times slower.
    """
    return threadpool_limits(limits=1, user_api="blas")  # a new limiter for every `with`


_LBFGS_OPTIONS = {"maxiter": 2_000, "ftol": 1e-13, "gtol": 1e-10}


def _minimise(start, log_n, log_d, log_l, weights, delta, options=None):
    return optimize.minimize(_objective_and_gradient, start, jac=True, method="L-BFGS-B",
                             args=(log_n, log_d, log_l, weights, delta),
                             options=options or _LBFGS_OPTIONS)


@dataclass(frozen=True)
class ParametricFit:
    """Result of :func:`fit_parametric` or :func:`fit_parametric_grid`.

    Attributes
    ----------
    law : LossLaw
        The fitted E, A, B, α, β.
    objective : float
        The summed Huber loss on log-loss at the fit (Hoffmann et al. 2022, eq. 3).
    n_points : int
        Number of training runs fitted.
    n_starts : int
        Number of L-BFGS runs made for the point estimate.
    n_bootstrap : int
        Number of bootstrap refits (0: no intervals).
    confidence : float
        Level of the percentile intervals.
    intervals : dict or None
        Percentile bootstrap intervals (low, high) of ``E``, ``A``, ``B``, ``alpha``, ``beta``,
        ``a``, ``b``.
    standard_errors : dict or None
        Bootstrap standard deviations of the same quantities (what Besiroglu et al. report).
    bootstrap_thetas : numpy.ndarray or None
        One row (log A, log B, log E, α, β) per bootstrap refit.
    """

    law: LossLaw
    objective: float
    n_points: int
    n_starts: int
    n_bootstrap: int = 0
    confidence: float = 0.95
    intervals: dict | None = None
    standard_errors: dict | None = None
    bootstrap_thetas: np.ndarray | None = field(default=None, repr=False)

    @property
    def a(self) -> float:
        """Fitted N_opt ∝ C^a exponent, β/(α+β)."""
        return self.law.a

    @property
    def b(self) -> float:
        """Fitted D_opt ∝ C^b exponent, α/(α+β)."""
        return self.law.b


def _fit_inputs(params, tokens, loss, n_bootstrap, seed, confidence, delta):
    log_n, log_d, log_l = _data(params, tokens, loss)
    n_bootstrap = bootstrap_count(n_bootstrap)
    seed = random_seed(seed)
    confidence = confidence_level(confidence)
    return log_n, log_d, log_l, n_bootstrap, seed, confidence, _delta(delta)


def fit_parametric(params, tokens, loss, n_bootstrap: int = 0, seed: int = 0,
                   confidence: float = 0.95, delta: float = HUBER_DELTA,
                   n_starts: int = 10) -> ParametricFit:
    """Fit L(N, D) = E + A/N^α + B/D^β to training runs: Approach 3 of Hoffmann et al. (2022).

    Minimises the paper's objective (eq. 11), Σᵢ Huber_δ(LSE(a − α log Nᵢ, b − β log Dᵢ, e)
    − log Lᵢ) over (a, b, e, α, β), with A, B, E = exp(a), exp(b), exp(e) and δ = 1e-3.
    It reaches the optimum of the paper's 4,500-start procedure (:func:`fit_parametric_grid`)
    at a fraction of the cost: the objective is evaluated on the whole initialisation grid at
    once (vectorised), and L-BFGS-B with the exact gradient is run only from the
    ``n_starts`` best grid points; the best result is polished by one more L-BFGS-B run.

    With ``n_bootstrap`` > 0, the runs are resampled with replacement that many times and
    refitted (each from the point estimate), giving percentile intervals and standard errors
    (Efron & Tibshirani 1993; Besiroglu et al. 2024 report such standard errors).

    Parameters
    ----------
    params, tokens, loss : sequence of float
        One entry per training run: parameters N, training tokens D and final loss L (nats
        per token), all finite and > 0, at least 5 runs (one per fitted parameter), N and D
        each with at least two different values.
    n_bootstrap : int
        Bootstrap refits, 0 to 10,000 (0: no intervals).
    seed : int
        Seed of the bootstrap's random generator.
    confidence : float
        Level of the percentile intervals, strictly between 0 and 1.
    delta : float
        Huber δ, in (0, 1]; the paper uses 1e-3.
    n_starts : int
        Grid points to start L-BFGS-B from, 1 to 4,500.

    Returns
    -------
    ParametricFit

    Raises
    ------
    ValueError
        Naming the argument, for non-finite, non-positive or mismatched inputs, fewer than
        5 runs, or an option out of range.

    Examples
    --------
    >>> from scalinglaws.chinchilla.laws import HOFFMANN_2022
    >>> n = np.repeat([1e8, 3e8, 1e9, 3e9], 4)
    >>> d = np.tile([2e9, 6e9, 2e10, 6e10], 4)
    >>> fit = fit_parametric(n, d, HOFFMANN_2022.loss(n, d))
    >>> round(fit.law.alpha, 3), round(fit.law.beta, 3), round(fit.law.E, 3)
    (0.34, 0.28, 1.69)
    """
    log_n, log_d, log_l, n_bootstrap, seed, confidence, delta = _fit_inputs(
        params, tokens, loss, n_bootstrap, seed, confidence, delta)
    n_starts = integer_in_range("n_starts", n_starts, 1, 4_500)
    grid = initialisation_grid()
    first = _objective_many(grid, log_n, log_d, log_l, delta)
    best = None
    with _one_blas_thread():
        for index in np.argsort(first, kind="stable")[:n_starts]:
            result = _minimise(grid[index], log_n, log_d, log_l, None, delta)
            if best is None or result.fun < best.fun:
                best = result
        polished = _minimise(best.x, log_n, log_d, log_l, None, delta)
    if polished.fun <= best.fun:
        best = polished
    return _finish(best, log_n, log_d, log_l, n_bootstrap, seed, confidence, delta,
                   n_starts + 1, "Approach 3 fit (fit_parametric)")


def fit_parametric_grid(params, tokens, loss, n_bootstrap: int = 0, seed: int = 0,
                        confidence: float = 0.95, delta: float = HUBER_DELTA,
                        every: int = 1) -> ParametricFit:
    """The paper's procedure: L-BFGS from each of the 4,500 grid starts, keep the best.

    Hoffmann et al. (2022), Appendix D.2: the objective of eq. 11 minimised with L-BFGS
    "started on a grid of initialisation" (:func:`initialisation_grid`); the replication
    (Besiroglu et al. 2024) runs the same grid with scipy's L-BFGS-B. This is the reference
    that :func:`fit_parametric` is checked against; it uses the same exact gradient and
    tolerances, and takes tens of seconds. ``every`` = k keeps every k-th grid start
    (1, the default, is the paper's full grid). Arguments are as for :func:`fit_parametric`.
    """
    log_n, log_d, log_l, n_bootstrap, seed, confidence, delta = _fit_inputs(
        params, tokens, loss, n_bootstrap, seed, confidence, delta)
    every = integer_in_range("every", every, 1, 4_500)
    best = None
    starts = initialisation_grid()[::every]
    with _one_blas_thread():
        for start in starts:
            result = _minimise(start, log_n, log_d, log_l, None, delta)
            if best is None or result.fun < best.fun:
                best = result
    return _finish(best, log_n, log_d, log_l, n_bootstrap, seed, confidence, delta,
                   len(starts), "Approach 3 fit (4,500-start grid)")


def _finish(best, log_n, log_d, log_l, n_bootstrap, seed, confidence, delta, n_starts, name):
    alpha, beta = (float(v) for v in best.x[3:5])
    if not (alpha > 0 and beta > 0):
        raise ValueError(f"loss must fall as params and tokens grow for L = E + A/N^α + B/D^β "
                         f"to fit; the best fit to these runs has α = {alpha:.3g} and "
                         f"β = {beta:.3g} (both must be > 0)")
    law = _law_from_theta(best.x, name, "hoffmann2022training, eq. 11 (refit)")
    intervals = errors = thetas = None
    if n_bootstrap:
        thetas = _bootstrap(best.x, log_n, log_d, log_l, delta, n_bootstrap, seed)
        intervals, errors = _summarise(thetas, confidence)
    return ParametricFit(law=law, objective=float(best.fun), n_points=int(log_n.size),
                         n_starts=int(n_starts), n_bootstrap=n_bootstrap,
                         confidence=confidence, intervals=intervals,
                         standard_errors=errors, bootstrap_thetas=thetas)


_BOOTSTRAP_OPTIONS = {"maxiter": 1_000, "ftol": 1e-11, "gtol": 1e-9}


def _bootstrap(theta, log_n, log_d, log_l, delta, n_resamples, seed):
    """Refit on resamples of the runs (as multiplicity weights), each from ``theta``."""
    rng = np.random.default_rng(seed)
    size = log_n.size
    thetas = np.full((n_resamples, 5), np.nan)
    with _one_blas_thread():
        for i in range(n_resamples):
            weights = np.bincount(rng.integers(0, size, size), minlength=size).astype(float)
            result = _minimise(theta, log_n, log_d, log_l, weights, delta,
                               _BOOTSTRAP_OPTIONS)
            if np.all(np.isfinite(result.x)) and result.x[3] > 0 and result.x[4] > 0:
                thetas[i] = result.x
    return thetas


def _quantities(thetas: np.ndarray) -> dict[str, np.ndarray]:
    a_log, b_log, e_log, alpha, beta = thetas.T
    return {"E": np.exp(e_log), "A": np.exp(a_log), "B": np.exp(b_log), "alpha": alpha,
            "beta": beta, "a": beta / (alpha + beta), "b": alpha / (alpha + beta)}


def _summarise(thetas, confidence):
    intervals, errors = {}, {}
    with np.errstate(over="ignore", invalid="ignore"):
        for name, values in _quantities(thetas).items():
            finite = values[np.isfinite(values)]
            intervals[name] = percentile_interval(values, confidence)
            errors[name] = float(np.std(finite, ddof=1)) if finite.size > 1 else np.nan
    return intervals, errors


def optimal_interval(fit: ParametricFit, compute_flops: float) -> dict[str, tuple]:
    """Percentile intervals of N_opt, D_opt, D/N and loss at a budget, over the bootstrap.

    Each bootstrap law gives its own eq.-4 optimum; the interval is the spread of those.
    Needs a fit made with ``n_bootstrap`` > 0.

    Returns
    -------
    dict
        ``params``, ``tokens``, ``tokens_per_param``, ``loss`` → (low, high).
    """
    if not isinstance(fit, ParametricFit) or fit.bootstrap_thetas is None:
        raise ValueError("fit must be a ParametricFit made with n_bootstrap > 0")
    c = number_in_range("compute_flops", compute_flops, 0, None, low_inclusive=False)
    q = _quantities(fit.bootstrap_thetas[np.all(np.isfinite(fit.bootstrap_thetas), axis=1)])
    if q["E"].size == 0:
        raise ValueError("fit has no successful bootstrap refits")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        g = (q["alpha"] * q["A"] / (q["beta"] * q["B"])) ** (1 / (q["alpha"] + q["beta"]))
        base = c / FLOPS_PER_PARAM_TOKEN
        n = g * base ** q["a"]
        d = base ** q["b"] / g
        loss = q["E"] + q["A"] / n ** q["alpha"] + q["B"] / d ** q["beta"]
    out = {}
    for name, values in (("params", n), ("tokens", d), ("tokens_per_param", d / n),
                         ("loss", loss)):
        if not np.isfinite(values).any():
            raise ValueError(f"fit has no bootstrap refit with a finite optimum {name} at "
                             f"{c:.3g} FLOPs")
        out[name] = percentile_interval(values, fit.confidence)
    return out


def read_digitised_runs(path, drop_highest: int = 5):
    """Read the runs digitised from Hoffmann et al.'s figure 4 by Besiroglu et al. (2024).

    The file is theirs (``svg_extracted_data.csv``; columns ``Model Size``,
    ``Training FLOP``, ``loss``) and is not part of this package: pass its path. Tokens are
    D = C/(6N); the ``drop_highest`` highest losses are dropped, as the replication did (5).

    Returns
    -------
    params, tokens, loss : numpy.ndarray

    Raises
    ------
    ValueError
        If a column is missing, or ``drop_highest`` is not between 0 and the number of rows
        minus one (at least one run must be left).
    """
    import pandas as pd

    frame = pd.read_csv(path)
    missing = {"Model Size", "Training FLOP", "loss"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    params = frame["Model Size"].to_numpy(float)
    tokens = frame["Training FLOP"].to_numpy(float) / (FLOPS_PER_PARAM_TOKEN * params)
    loss = frame["loss"].to_numpy(float)
    if loss.size == 0:
        raise ValueError(f"{path}: has no rows")
    drop_highest = integer_in_range("drop_highest", drop_highest, 0, loss.size - 1)
    keep = np.argsort(loss, kind="stable")[:loss.size - drop_highest]
    keep.sort()
    return params[keep], tokens[keep], loss[keep]
