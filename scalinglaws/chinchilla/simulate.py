"""Training runs simulated from a known loss law, as Hoffmann et al.'s experiments would give.

IsoFLOP runs (Approach 2) and full training curves (Approach 1) from a stated ground truth,
so the three approaches can be compared against a known answer. Citation keys refer to
``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scalinglaws._validate import integer_in_range, number_in_range, random_seed
from scalinglaws.chinchilla.allocation import compute_optimal
from scalinglaws.chinchilla.laws import HOFFMANN_2022, LossLaw, _as_law
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["SimulatedRuns", "simulate_training_runs"]


@dataclass(frozen=True)
class SimulatedRuns:
    """Training runs simulated from a known law: IsoFLOP runs and full training curves.

    ``isoflop_*`` hold one final loss per run, grouped by budget (``isoflop_budget``); the
    ``curve_*`` arrays hold the loss along each training curve (``curve_run`` numbers the
    runs), as Approach 1 needs. Losses are the truth times exp(noise·ε), ε ~ N(0, 1).
    """

    truth: LossLaw
    noise: float
    seed: int
    isoflop_budget: np.ndarray
    isoflop_params: np.ndarray
    isoflop_tokens: np.ndarray
    isoflop_loss: np.ndarray
    curve_run: np.ndarray
    curve_params: np.ndarray
    curve_tokens: np.ndarray
    curve_loss: np.ndarray

    def final_runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(params, tokens, loss) of every finished run: IsoFLOP runs and curve ends."""
        last = np.r_[self.curve_run[1:] != self.curve_run[:-1], True]
        return (np.r_[self.isoflop_params, self.curve_params[last]],
                np.r_[self.isoflop_tokens, self.curve_tokens[last]],
                np.r_[self.isoflop_loss, self.curve_loss[last]])


def simulate_training_runs(truth=HOFFMANN_2022, noise: float = 0.005,
                           min_flops: float = 1e18, max_flops: float = 1e21,
                           n_budgets: int = 7, models_per_budget: int = 9,
                           window_decades: float = 1.5, window_offset: float = 0.0,
                           window_exponent: float | None = None, n_curves: int = 16,
                           points_per_curve: int = 40, seed: int = 0) -> SimulatedRuns:
    """Simulate the experiments of Hoffmann et al.'s Approaches 1 and 2 from a ground truth.

    IsoFLOP runs: ``n_budgets`` budgets log-spaced from ``min_flops`` to ``max_flops``; at
    each, ``models_per_budget`` model sizes log-spaced over ``window_decades`` orders of
    magnitude, centred on a guessed optimum, tokens D = C/(6N). The guess is the truth's
    optimum at the middle budget C_mid (geometric mean) times 10^``window_offset``, moved to
    the other budgets as (C/C_mid)^``window_exponent``; ``None`` means the truth's own a,
    so every window is centred alike. An experimenter who believes Kaplan et al.'s
    N ∝ C^0.73 would use ``window_exponent=0.73``: the windows then drift off the optimum
    from budget to budget, which is what biases Approach 2.
    Training curves: ``n_curves`` model sizes spanning the IsoFLOP windows, each trained to
    ``max_flops``, with the loss recorded at ``points_per_curve`` log-spaced token counts (the
    truth assumes a schedule matched to every length, as Hoffmann et al. arrange in §3.1).

    Every loss is truth.loss(N, D)·exp(noise·ε) with ε standard normal, from a generator
    seeded by ``seed``: the same call gives the same runs.

    Examples
    --------
    >>> runs = simulate_training_runs(noise=0.0)
    >>> len(runs.isoflop_loss), bool(np.allclose(runs.isoflop_loss,
    ...     HOFFMANN_2022.loss(runs.isoflop_params, runs.isoflop_tokens)))
    (63, True)
    """
    truth = _as_law(truth)
    noise = number_in_range("noise", noise, 0, 0.5)
    min_flops = number_in_range("min_flops", min_flops, 1e12, 1e30)
    max_flops = number_in_range("max_flops", max_flops, min_flops, 1e32, low_inclusive=False)
    n_budgets = integer_in_range("n_budgets", n_budgets, 3, 100)
    models_per_budget = integer_in_range("models_per_budget", models_per_budget, 3, 100)
    window_decades = number_in_range("window_decades", window_decades, 0.2, 4)
    window_offset = number_in_range("window_offset", window_offset, -2, 2)
    n_curves = integer_in_range("n_curves", n_curves, 3, 200)
    points_per_curve = integer_in_range("points_per_curve", points_per_curve, 3, 1_000)
    seed = random_seed(seed)
    rng = np.random.default_rng(seed)

    budgets = np.geomspace(min_flops, max_flops, n_budgets)
    slope = truth.a if window_exponent is None else number_in_range(
        "window_exponent", window_exponent, 0.05, 0.95)
    middle = float(np.sqrt(min_flops * max_flops))
    centre = (compute_optimal(middle, truth).params * 10**window_offset
              * (budgets / middle) ** slope)
    spread = np.logspace(-window_decades / 2, window_decades / 2, models_per_budget)
    iso_n = (centre[:, None] * spread[None, :]).ravel()
    iso_c = np.repeat(budgets, models_per_budget)
    iso_d = iso_c / (FLOPS_PER_PARAM_TOKEN * iso_n)
    iso_l = truth.loss(iso_n, iso_d) * np.exp(noise * rng.standard_normal(iso_n.size))

    sizes = np.geomspace(iso_n.min(), iso_n.max(), n_curves)
    d_end = max_flops / (FLOPS_PER_PARAM_TOKEN * sizes)
    d_start = min_flops / (FLOPS_PER_PARAM_TOKEN * sizes) / 10
    fractions = np.linspace(0.0, 1.0, points_per_curve)
    curve_d = (d_start[:, None] * (d_end / d_start)[:, None] ** fractions[None, :]).ravel()
    curve_n = np.repeat(sizes, points_per_curve)
    curve_run = np.repeat(np.arange(n_curves), points_per_curve)
    curve_l = truth.loss(curve_n, curve_d) * np.exp(noise * rng.standard_normal(curve_n.size))
    return SimulatedRuns(truth=truth, noise=noise, seed=seed, isoflop_budget=iso_c,
                         isoflop_params=iso_n, isoflop_tokens=iso_d, isoflop_loss=iso_l,
                         curve_run=curve_run, curve_params=curve_n, curve_tokens=curve_d,
                         curve_loss=curve_l)
