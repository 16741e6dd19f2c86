"""Compute-optimal training: the Chinchilla loss law, its allocation rule and its three fits.

Hoffmann et al. (2022) model the final loss of a language model with N parameters trained on
D tokens as L(N, D) = E + A/N^α + B/D^β (their eq. 2). Training costs C ≈ 6·N·D FLOPs
(Kaplan et al. 2020, §2.1), so for a budget C the loss is lowest at N_opt = G·(C/6)^a,
D_opt = G⁻¹·(C/6)^b with G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β) (eq. 4).

The paper estimates the allocation three ways, and this module implements each on the same
inputs: (1) the minimum over training curves (:func:`fit_envelope`), (2) parabolas fitted to
IsoFLOP profiles (:func:`fit_isoflop`) and (3) a parametric fit of eq. 2 with a Huber loss on
log-loss (:func:`fit_parametric`, and the paper's own multi-start procedure
:func:`fit_parametric_grid` as the reference). :func:`simulate_training_runs` makes training
runs from a stated ground-truth law, so the three can be compared against a known answer.

Citation keys refer to ``book/references.bib``; equation numbers are those of the arXiv paper.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize
from threadpoolctl import threadpool_limits

from scalinglaws._validate import (
    finite_array,
    integer_in_range,
    number_in_range,
    same_length,
)
from scalinglaws.powerlaw import PF_DAY_FLOPS, PowerLawFit, fit_power_law, percentile_interval

__all__ = [
    "BESIROGLU_2024",
    "FLOPS_PER_PARAM_TOKEN",
    "GOPHER_FLOPS",
    "HOFFMANN_2022",
    "HOFFMANN_2022_TABLE_2",
    "HOFFMANN_2022_TABLE_3",
    "HOFFMANN_2022_TABLE_A4",
    "HOFFMANN_2022_TEX",
    "HUBER_DELTA",
    "KAPLAN_2020_ALLOCATION",
    "LAWS",
    "MIN_RUNS",
    "AllocationFit",
    "ApproachComparison",
    "ComputeOptimal",
    "IsoFlopProfile",
    "LossLaw",
    "ParametricFit",
    "SimulatedRuns",
    "compare_approaches",
    "compare_fit_speed",
    "compute_from_hardware",
    "compute_optimal",
    "fit_envelope",
    "fit_isoflop",
    "fit_parametric",
    "fit_parametric_grid",
    "get_law",
    "huber_objective",
    "initialisation_grid",
    "isoflop_profile",
    "kaplan_allocation",
    "optimal_interval",
    "read_digitised_runs",
    "simulate_training_runs",
    "table3_projection",
    "tokens_for_budget",
    "training_flops",
]

#: FLOPs per parameter per training token: 2 (forward) + 4 (backward), C ≈ 6·N·D
#: (Kaplan et al. 2020, §2.1; Hoffmann et al. 2022 check it in their Table A4).
FLOPS_PER_PARAM_TOKEN = 6.0

#: Training compute of Gopher, and of Chinchilla at the same budget: 5.76e23 FLOPs
#: (Hoffmann et al. 2022, Figure 2 caption; Table 3 row "67 Billion").
GOPHER_FLOPS = 5.76e23

#: Hoffmann et al. (2022), Table 2, as printed: for each approach, a of N_opt ∝ C^a and b of
#: D_opt ∝ C^b, each with its 10th-90th percentile bootstrap interval ("" where none).
HOFFMANN_2022_TABLE_2 = {
    "1. Minimum over training curves": ("0.50 (0.488, 0.502)", "0.50 (0.501, 0.512)"),
    "2. IsoFLOP profiles": ("0.49 (0.462, 0.534)", "0.51 (0.483, 0.529)"),
    "3. Parametric modelling of the loss": ("0.46 (0.454, 0.455)", "0.54 (0.542, 0.543)"),
    "Kaplan et al. (2020)": ("0.73", "0.27"),
}

#: Hoffmann et al. (2022), Appendix F, Table A4, as printed: (parameters, layers, d_model,
#: FLOPs of a full count divided by 6ND).
HOFFMANN_2022_TABLE_A4 = (
    ("73M", 10, 640, 1.03),
    ("305M", 20, 1024, 1.10),
    ("552M", 24, 1280, 1.08),
    ("1.1B", 26, 1792, 1.04),
    ("1.6B", 28, 2048, 1.03),
    ("6.8B", 40, 3584, 0.99),
)

#: Hoffmann et al. (2022), Table 3 (Approach 1 projections), as printed: rows of
#: (parameters, training FLOPs, training tokens).
HOFFMANN_2022_TABLE_3 = (
    (400e6, 1.92e19, 8.0e9),
    (1e9, 1.21e20, 20.2e9),
    (10e9, 1.23e22, 205.1e9),
    (67e9, 5.76e23, 1.5e12),
    (175e9, 3.85e24, 3.7e12),
    (280e9, 9.90e24, 5.9e12),
    (520e9, 3.43e25, 11.0e12),
    (1e12, 1.27e26, 21.2e12),
    (10e12, 1.30e28, 216.2e12),
)

#: δ of the Huber loss on log-loss residuals (Hoffmann et al. 2022, §3.3 and Appendix D.2).
HUBER_DELTA = 1e-3

#: Fewest training runs a parametric fit accepts: one per parameter (E, A, B, α, β).
MIN_RUNS = 5

#: Kaplan et al. (2020), Table 6: N_opt = N_e·C_min^p_N with N_e = 1.3e9 parameters,
#: p_N = 0.73, C_min in PF-days (N counts non-embedding parameters).
KAPLAN_2020_ALLOCATION = {"N_e": 1.3e9, "p_N": 0.73, "C_over_C_min": 2.0,
                          "source": "kaplan2020scaling, Table 6 and §5.1"}


# --- The loss law --------------------------------------------------------------------------


@dataclass(frozen=True)
class LossLaw:
    """The parametric loss L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, eq. 2).

    Attributes
    ----------
    E : float
        Irreducible loss (nats per token), ≥ 0.
    A, B : float
        Scales of the parameter and data terms, > 0.
    alpha, beta : float
        Exponents α (parameters) and β (tokens), > 0.
    name : str
        Short label for tables and plots.
    source : str
        Citation key in ``book/references.bib`` and where the numbers are printed.

    Examples
    --------
    >>> law = LossLaw(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28)
    >>> round(law.loss(70e9, 1.4e12), 4)
    1.9367
    >>> round(law.a, 4), round(law.b, 4)
    (0.4516, 0.5484)
    """

    E: float
    A: float
    B: float
    alpha: float
    beta: float
    name: str = "custom law"
    source: str = ""

    def __post_init__(self) -> None:
        number_in_range("E", self.E, 0, None)
        number_in_range("A", self.A, 0, None, low_inclusive=False)
        number_in_range("B", self.B, 0, None, low_inclusive=False)
        number_in_range("alpha", self.alpha, 0, None, low_inclusive=False)
        number_in_range("beta", self.beta, 0, None, low_inclusive=False)

    def loss(self, params, tokens):
        """Predicted loss E + A/N^α + B/D^β for ``params`` N and ``tokens`` D (both > 0).

        Arrays broadcast; scalars give a float.
        """
        n = _positive("params", params)
        d = _positive("tokens", tokens)
        _broadcastable(params=n, tokens=d)
        result = self.E + self.A / n**self.alpha + self.B / d**self.beta
        return float(result) if np.ndim(result) == 0 else result

    def loss_with_unlimited_data(self, params):
        """E + A/N^α: the loss of a model of ``params`` trained on unlimited data (D → ∞).

        >>> round(HOFFMANN_2022.loss_with_unlimited_data(1e10), 4)
        1.8518
        """
        n = _positive("params", params)
        result = self.E + self.A / n**self.alpha
        return float(result) if np.ndim(result) == 0 else result

    @property
    def a(self) -> float:
        """Exponent of N_opt ∝ C^a: a = β/(α+β) (Hoffmann et al. 2022, eq. 4)."""
        return self.beta / (self.alpha + self.beta)

    @property
    def b(self) -> float:
        """Exponent of D_opt ∝ C^b: b = α/(α+β) (Hoffmann et al. 2022, eq. 4)."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def G(self) -> float:  # noqa: N802 - the paper's symbol
        """G = (αA/(βB))^(1/(α+β)) of Hoffmann et al. (2022), eq. 4."""
        return (self.alpha * self.A / (self.beta * self.B)) ** (1.0 / (self.alpha + self.beta))

    def as_row(self) -> dict:
        """The five numbers and the implied a, b, as a dict (for tables)."""
        return {"E": self.E, "A": self.A, "B": self.B, "alpha": self.alpha,
                "beta": self.beta, "a": self.a, "b": self.b}


#: Hoffmann et al. (2022), Approach 3 as printed: Appendix D.2, eq. 10, E = 1.69, A = 406.4,
#: B = 410.7, α = 0.34, β = 0.28. These rounded exponents give a = 0.4516, not Table 2's 0.46.
HOFFMANN_2022 = LossLaw(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28,
                        name="Hoffmann et al. 2022 (eq. 10, as printed)",
                        source="hoffmann2022training, Appendix D.2, eq. 10")

#: Hoffmann et al. (2022), the unrounded Approach 3 estimates of the arXiv TeX source, as used
#: by the replication's code: log A = 6.0073404, log B = 6.0179186, log E = 0.5267228,
#: α = 0.33917084, β = 0.2849083 (they reproduce Table 2's a = 0.46).
HOFFMANN_2022_TEX = LossLaw(E=float(np.exp(0.5267228)), A=float(np.exp(6.0073404)),
                            B=float(np.exp(6.0179186)), alpha=0.33917084, beta=0.2849083,
                            name="Hoffmann et al. 2022 (unrounded, TeX source)",
                            source="hoffmann2022training, arXiv TeX source via "
                                   "besiroglu2024chinchilla's code")

#: Besiroglu et al. (2024), the refit of Hoffmann's Figure 4 data (five highest losses dropped):
#: E = 1.82, A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658; full precision from the
#: replication's code: log A = 6.17795598, log B = 7.64273236, log E = 0.59711196,
#: α = 0.34781303, β = 0.36585412 (E = 1.8169).
BESIROGLU_2024 = LossLaw(E=float(np.exp(0.59711196)), A=float(np.exp(6.17795598)),
                         B=float(np.exp(7.64273236)), alpha=0.34781303, beta=0.36585412,
                         name="Besiroglu et al. 2024 (replication)",
                         source="besiroglu2024chinchilla")

#: The named laws, by a short key (for the calculators' drop-downs).
LAWS = {"besiroglu2024": BESIROGLU_2024, "hoffmann2022": HOFFMANN_2022,
        "hoffmann2022_tex": HOFFMANN_2022_TEX}


def _positive(name: str, value):
    """A positive finite float or 1-D array (scalars stay scalars)."""
    if np.ndim(value) == 0:
        if isinstance(value, np.ndarray):
            value = value.item()
        return number_in_range(name, value, 0, None, low_inclusive=False)
    return finite_array(name, np.ravel(value), positive=True).reshape(np.shape(value))


def _broadcastable(**arrays) -> None:
    """Raise a ValueError naming the arguments when their shapes cannot be combined."""
    try:
        np.broadcast_shapes(*(np.shape(value) for value in arrays.values()))
    except ValueError:
        shapes = " and ".join(f"{name} {np.shape(value)}" for name, value in arrays.items())
        raise ValueError(f"{' and '.join(arrays)} must have the same length (or one be a "
                         f"single number); got shapes {shapes}") from None


def get_law(law) -> LossLaw:
    """``law`` itself if it is a :class:`LossLaw`, else the preset of that key in :data:`LAWS`.

    >>> get_law("hoffmann2022") is HOFFMANN_2022
    True
    """
    return _as_law(law)


def _as_law(law) -> LossLaw:
    if isinstance(law, LossLaw):
        return law
    if isinstance(law, str) and law in LAWS:
        return LAWS[law]
    raise ValueError(f"law must be a LossLaw or one of {sorted(LAWS)}; got {law!r}")


# --- C ≈ 6ND -------------------------------------------------------------------------------


def training_flops(params, tokens):
    """Training compute C ≈ 6·N·D in FLOPs (Kaplan et al. 2020, §2.1).

    Examples
    --------
    >>> training_flops(175e9, 300e9)  # GPT-3: its paper prints 3.14e23 (Table D.1)
    3.15e+23
    """
    n, d = _positive("params", params), _positive("tokens", tokens)
    _broadcastable(params=n, tokens=d)
    result = FLOPS_PER_PARAM_TOKEN * n * d
    return float(result) if np.ndim(result) == 0 else result


def tokens_for_budget(compute_flops, params):
    """Tokens D = C/(6·N) that a budget of ``compute_flops`` buys for a model of ``params``.

    Examples
    --------
    >>> round(tokens_for_budget(5.76e23, 280e9) / 1e9)  # Gopher's budget at Gopher's size
    343
    """
    result = _positive("compute_flops", compute_flops) / (
        FLOPS_PER_PARAM_TOKEN * _positive("params", params))
    return float(result) if np.ndim(result) == 0 else result


def compute_from_hardware(n_accelerators: float, days: float, utilisation: float,
                          peak_flops_per_second: float) -> float:
    """Training compute of a cluster: C = n × days × 86,400 s × utilisation × peak FLOP/s.

    ``utilisation`` is the model-FLOPs utilisation, the fraction of the peak dense rate the
    training run achieves (between 0 and 1).

    Examples
    --------
    >>> f"{compute_from_hardware(1024, 30, 0.4, 989.5e12):.3g}"  # 1,024 H100s, BF16, a month
    '1.05e+24'
    """
    n = number_in_range("n_accelerators", n_accelerators, 1, 1e8)
    d = number_in_range("days", days, 0, 36_500, low_inclusive=False)
    u = number_in_range("utilisation", utilisation, 0, 1, low_inclusive=False)
    peak = number_in_range("peak_flops_per_second", peak_flops_per_second, 0, 1e20,
                           low_inclusive=False)
    return n * d * 86_400.0 * u * peak


# --- Compute-optimal allocation ------------------------------------------------------------


@dataclass(frozen=True)
class ComputeOptimal:
    """An allocation of a compute budget: model size, tokens and the loss they reach.

    ``params`` × ``tokens`` × 6 equals ``compute_flops``; ``loss`` is the law's prediction
    (NaN when no law was given).
    """

    compute_flops: float
    params: float
    tokens: float
    loss: float
    tokens_per_param: float
    method: str


def compute_optimal(compute_flops, law) -> ComputeOptimal:
    """The compute-optimal model size and tokens for a budget, and the loss they reach.

    Minimising L(N, D) = E + A/N^α + B/D^β subject to 6·N·D = C gives
    N_opt = G·(C/6)^a and D_opt = G⁻¹·(C/6)^b, with G = (αA/(βB))^(1/(α+β)),
    a = β/(α+β) and b = α/(α+β) (Hoffmann et al. 2022, eq. 4).

    Parameters
    ----------
    compute_flops : float or array of float
        Training budget C in FLOPs, > 0.
    law : LossLaw or str
        The loss law, or a key of :data:`LAWS`.

    Returns
    -------
    ComputeOptimal
        Fields are floats for a scalar budget, arrays for an array of budgets.

    Examples
    --------
    >>> opt = compute_optimal(GOPHER_FLOPS, BESIROGLU_2024)
    >>> round(opt.params / 1e9, 1), round(opt.tokens / 1e12, 2), round(opt.tokens_per_param, 1)
    (72.4, 1.33, 18.3)
    >>> round(compute_optimal(GOPHER_FLOPS, HOFFMANN_2022_TEX).params / 1e9, 1)  # Fig. 4: 40B
    40.4
    """
    law = _as_law(law)
    c = _positive("compute_flops", compute_flops)
    base = c / FLOPS_PER_PARAM_TOKEN
    params = law.G * base**law.a
    tokens = base**law.b / law.G
    loss = law.loss(params, tokens)
    if np.ndim(c) == 0:
        params, tokens = float(params), float(tokens)
    return ComputeOptimal(compute_flops=c, params=params, tokens=tokens, loss=loss,
                          tokens_per_param=tokens / params, method=law.name)


def kaplan_allocation(compute_flops, law: LossLaw | str | None = None) -> ComputeOptimal:
    """Kaplan et al.'s compute-efficient model size, N = 1.3e9·C_min^0.73 with C_min in PF-days.

    Kaplan et al. (2020), Table 6 (N_opt = N_e·C_min^p_N, p_N = 0.73, N_e = 1.3e9). Their
    C_min is related to the training compute C by eq. 5.5, C_min = C/(1 + B/B_crit); training
    at the critical batch size B = B_crit, as they recommend, gives C_min = C/2. Tokens follow
    from D = C/(6N).
    With this conversion the rule gives 4.68e9 parameters at 1e21 FLOPs, the figure Hoffmann
    et al. (2022, Appendix D.4) quote for Kaplan's law. Kaplan's N excludes embedding
    parameters. With ``law`` the loss of the allocation under that law is filled in (NaN
    otherwise).

    Examples
    --------
    >>> round(kaplan_allocation(1e21).params / 1e9, 2)
    4.68
    >>> kap = kaplan_allocation(GOPHER_FLOPS, HOFFMANN_2022)
    >>> round(kap.params / 1e9), round(kap.tokens_per_param, 2)
    (485, 0.41)
    """
    c = _positive("compute_flops", compute_flops)
    c_min_pf_days = c / KAPLAN_2020_ALLOCATION["C_over_C_min"] / PF_DAY_FLOPS
    params = KAPLAN_2020_ALLOCATION["N_e"] * c_min_pf_days ** KAPLAN_2020_ALLOCATION["p_N"]
    tokens = c / (FLOPS_PER_PARAM_TOKEN * params)
    loss = _as_law(law).loss(params, tokens) if law is not None else np.nan * params
    if np.ndim(c) == 0:
        params, tokens, loss = float(params), float(tokens), float(loss)
    return ComputeOptimal(compute_flops=c, params=params, tokens=tokens, loss=loss,
                          tokens_per_param=tokens / params,
                          method="Kaplan et al. 2020 (Table 6)")


def table3_projection(params, a: float = 0.50, anchor_params: float = 67e9,
                      anchor_flops: float = GOPHER_FLOPS) -> ComputeOptimal:
    """Compute and tokens a compute-optimal model of ``params`` needs, as in Table 3.

    Hoffmann et al. (2022), Table 3 projects Approach 1, N_opt ∝ C^a with a = 0.50 (Table 2).
    Here N_opt = N₀·(C/C₀)^a is solved for C, and D = C/(6N), so D_opt ∝ C^(1-a) (b = 0.50).
    The power law is anchored at the table's own Gopher-budget row, N₀ = 67e9 parameters at
    C₀ = 5.76e23 FLOPs: the one row that is not an extrapolation (the budget of the
    Gopher/Chinchilla comparison) and that fixes the table's "Gopher unit".

    Examples
    --------
    >>> row = table3_projection(1e9)  # Table 3: 1.21e+20 FLOPs, 20.2 billion tokens
    >>> f"{row.compute_flops:.3g}", round(row.tokens / 1e9, 1)
    ('1.28e+20', 21.4)
    """
    n = _positive("params", params)
    a = number_in_range("a", a, 0, 1, low_inclusive=False, high_inclusive=False)
    n0 = number_in_range("anchor_params", anchor_params, 0, None, low_inclusive=False)
    c0 = number_in_range("anchor_flops", anchor_flops, 0, None, low_inclusive=False)
    compute = c0 * (n / n0) ** (1.0 / a)
    tokens = compute / (FLOPS_PER_PARAM_TOKEN * n)
    return ComputeOptimal(compute_flops=compute, params=n, tokens=tokens, loss=np.nan * n,
                          tokens_per_param=tokens / n,
                          method=f"Approach 1 (a = {a:.2f}), anchored at "
                                 f"{n0:.3g} parameters and {c0:.3g} FLOPs")


@dataclass(frozen=True)
class IsoFlopProfile:
    """Loss along the IsoFLOP curve 6·N·D = C of one law, and its optimum."""

    compute_flops: float
    law: LossLaw
    params: np.ndarray
    tokens: np.ndarray
    loss: np.ndarray
    optimum: ComputeOptimal


def isoflop_profile(compute_flops: float, law, decades: float = 1.5,
                    n_points: int = 61) -> IsoFlopProfile:
    """Loss against model size at a fixed budget: L(N, C/(6N)) for N around the optimum.

    The profile spans ``decades`` orders of magnitude on each side of N_opt
    (Hoffmann et al. 2022, Figure 3 shows such IsoFLOP profiles).

    Examples
    --------
    >>> prof = isoflop_profile(GOPHER_FLOPS, HOFFMANN_2022)
    >>> bool(prof.loss.min() >= prof.optimum.loss - 1e-12)
    True
    """
    law = _as_law(law)
    c = number_in_range("compute_flops", compute_flops, 1e10, 1e35)
    decades = number_in_range("decades", decades, 0.1, 5)
    n_points = integer_in_range("n_points", n_points, 3, 10_000)
    optimum = compute_optimal(c, law)
    params = optimum.params * np.logspace(-decades, decades, n_points)
    tokens = c / (FLOPS_PER_PARAM_TOKEN * params)
    return IsoFlopProfile(compute_flops=c, law=law, params=params, tokens=tokens,
                          loss=law.loss(params, tokens), optimum=optimum)


# --- The Huber objective of Approach 3 ------------------------------------------------------


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


# --- Approach 3: the parametric fit -------------------------------------------------------


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
    n_bootstrap = integer_in_range("n_bootstrap", n_bootstrap, 0, 10_000)
    seed = integer_in_range("seed", seed, 0, 2**32 - 1)
    confidence = number_in_range("confidence", confidence, 0, 1, low_inclusive=False,
                                 high_inclusive=False)
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


def compare_fit_speed(params, tokens, loss) -> dict:
    """Time :func:`fit_parametric` and :func:`fit_parametric_grid` on the same runs, once each.

    Returns
    -------
    dict
        ``fast_seconds``, ``grid_seconds``, ``speedup`` (grid / fast), ``fast_objective``,
        ``grid_objective``, ``objective_difference`` (fast − grid; ≤ 0 means the fast fit is
        at least as good), ``fast_starts``, ``grid_starts``, ``n_points``.
    """
    start = time.perf_counter()
    fast = fit_parametric(params, tokens, loss)
    fast_seconds = time.perf_counter() - start
    start = time.perf_counter()
    grid = fit_parametric_grid(params, tokens, loss)
    grid_seconds = time.perf_counter() - start
    return {"fast_seconds": fast_seconds, "grid_seconds": grid_seconds,
            "speedup": grid_seconds / fast_seconds, "fast_objective": fast.objective,
            "grid_objective": grid.objective,
            "objective_difference": fast.objective - grid.objective,
            "fast_starts": fast.n_starts, "grid_starts": grid.n_starts,
            "n_points": fast.n_points}


# --- Simulated training runs --------------------------------------------------------------


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
    seed = integer_in_range("seed", seed, 0, 2**32 - 1)
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


# --- Approaches 1 and 2 ---------------------------------------------------------------------


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
    confidence = number_in_range("confidence", confidence, 0, 1, low_inclusive=False,
                                 high_inclusive=False)
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
    confidence = number_in_range("confidence", confidence, 0, 1, low_inclusive=False,
                                 high_inclusive=False)
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
                       confidence: float = 0.95) -> ApproachComparison:
    """Simulate runs from ``truth`` and estimate a and b with all three approaches.

    Approach 1 (:func:`fit_envelope`) reads the training curves, Approach 2
    (:func:`fit_isoflop`) the IsoFLOP runs, Approach 3 (:func:`fit_parametric`, with
    ``n_bootstrap`` resamples for its intervals) every finished run, as Hoffmann et al.
    (2022) fit Approach 3 to the final losses of the other two approaches' runs.

    Examples
    --------
    >>> comp = compare_approaches(noise=0.0, n_bootstrap=0)
    >>> [round(row["a"], 2) for row in comp.rows()]
    [0.45, 0.45, 0.45, 0.45]
    """
    runs = simulate_training_runs(truth, noise=noise, window_offset=window_offset,
                                  window_decades=window_decades,
                                  window_exponent=window_exponent,
                                  models_per_budget=models_per_budget, seed=seed)
    envelope = fit_envelope(runs.curve_run, runs.curve_params, runs.curve_tokens,
                            runs.curve_loss, confidence=confidence)
    isoflop = fit_isoflop(runs.isoflop_budget, runs.isoflop_params, runs.isoflop_loss,
                          confidence=confidence)
    parametric = fit_parametric(*runs.final_runs(), n_bootstrap=n_bootstrap, seed=seed,
                                confidence=confidence)
    return ApproachComparison(runs=runs, envelope=envelope, isoflop=isoflop,
                              parametric=parametric)
