"""Compute budgets and their compute-optimal split between parameters and tokens.

Training costs C ≈ 6·N·D FLOPs (Kaplan et al. 2020, §2.1), so for a budget C the loss
L(N, D) = E + A/N^α + B/D^β is lowest at N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b with
G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β) (Hoffmann et al. 2022, eq. 4). Kaplan
et al.'s earlier rule (:func:`kaplan_allocation`) and Hoffmann et al.'s Table 3
(:func:`table3_projection`) are here to compare. Citation keys refer to
``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scalinglaws import formulas
from scalinglaws._validate import fraction_of_peak, integer_in_range, number_in_range, positive
from scalinglaws.chinchilla.laws import GOPHER_FLOPS, LossLaw, _as_law, _broadcastable
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["HOFFMANN_2022_SECTION_3_4", "HOFFMANN_2022_TABLE_3",
           "HOFFMANN_2022_TABLE_A3_APPROACH_2", "HOFFMANN_2022_TABLE_A4", "KAPLAN_2020_ALLOCATION",
           "ComputeOptimal", "IsoFlopProfile", "compute_from_hardware", "compute_optimal",
           "isoflop_profile", "kaplan_allocation", "table3_projection", "tokens_for_budget",
           "training_flops"]

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

#: Hoffmann et al. (2022), Table A3 (Appendix D.3), Approach 2 projections as printed:
#: rows of (parameters, training FLOPs, training tokens).
HOFFMANN_2022_TABLE_A3_APPROACH_2 = (
    (400e6, 1.84e19, 7.7e9),
    (1e9, 1.20e20, 20.0e9),
    (10e9, 1.32e22, 219.5e9),
    (67e9, 6.88e23, 1.7e12),
    (175e9, 4.54e24, 4.3e12),
    (280e9, 1.18e25, 7.1e12),
    (520e9, 4.19e25, 13.4e12),
    (1e12, 1.59e26, 26.5e12),
    (10e12, 1.75e28, 292.0e12),
)

#: Hoffmann et al. (2022), §3.4 prose: "a 175 billion parameter model should be trained with a
#: compute budget of 4.41 × 10^24 FLOPs and on over 4.2 trillion tokens. A 280 billion
#: Gopher-like model is the optimal model to train given a compute budget of approximately
#: 10^25 FLOPs and should be trained on 6.8 trillion tokens": (parameters, FLOPs, tokens).
HOFFMANN_2022_SECTION_3_4 = ((175e9, 4.41e24, 4.2e12), (280e9, 1e25, 6.8e12))

#: Kaplan et al. (2020), Table 6: N_opt = N_e·C_min^p_N with N_e = 1.3e9 parameters,
#: p_N = 0.73, C_min in PF-days (N counts non-embedding parameters).
KAPLAN_2020_ALLOCATION = {"N_e": 1.3e9, "p_N": 0.73, "C_over_C_min": 2.0,
                          "source": "kaplan2020scaling, Table 6 and §5.1"}


def training_flops(params, tokens):
    """Training compute C ≈ 6·N·D in FLOPs (Kaplan et al. 2020, §2.1).

    Examples
    --------
    >>> training_flops(175e9, 300e9)  # GPT-3: its paper prints 3.14e23 (Table D.1)
    3.15e+23
    """
    n, d = positive("params", params), positive("tokens", tokens)
    _broadcastable(params=n, tokens=d)
    result = formulas.training_flops(n, d)
    return float(result) if np.ndim(result) == 0 else result


def tokens_for_budget(compute_flops, params):
    """Tokens D = C/(6·N) that a budget of ``compute_flops`` buys for a model of ``params``.

    Examples
    --------
    >>> round(tokens_for_budget(5.76e23, 280e9) / 1e9)  # Gopher's budget at Gopher's size
    343
    """
    result = formulas.tokens_for_budget(positive("compute_flops", compute_flops),
                                        positive("params", params))
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
    u = fraction_of_peak(utilisation)
    peak = number_in_range("peak_flops_per_second", peak_flops_per_second, 0, 1e20,
                           low_inclusive=False)
    return formulas.cluster_flops(n, d, u, peak)


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
    >>> from scalinglaws.chinchilla.laws import BESIROGLU_2024, HOFFMANN_2022_TEX
    >>> opt = compute_optimal(GOPHER_FLOPS, BESIROGLU_2024)
    >>> round(opt.params / 1e9, 1), round(opt.tokens / 1e12, 2), round(opt.tokens_per_param, 1)
    (72.4, 1.33, 18.3)
    >>> round(compute_optimal(GOPHER_FLOPS, HOFFMANN_2022_TEX).params / 1e9, 1)  # Fig. 4: 40B
    40.4
    """
    law = _as_law(law)
    c = positive("compute_flops", compute_flops)
    params = formulas.optimal_params(law, c)
    tokens = formulas.optimal_tokens(law, c)
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
    >>> from scalinglaws.chinchilla.laws import HOFFMANN_2022
    >>> kap = kaplan_allocation(GOPHER_FLOPS, HOFFMANN_2022)
    >>> round(kap.params / 1e9), round(kap.tokens_per_param, 2)
    (485, 0.41)
    """
    c = positive("compute_flops", compute_flops)
    params = formulas.kaplan_params(c, KAPLAN_2020_ALLOCATION["N_e"],
                                    KAPLAN_2020_ALLOCATION["p_N"],
                                    KAPLAN_2020_ALLOCATION["C_over_C_min"])
    tokens = formulas.tokens_for_budget(c, params)
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
    n = positive("params", params)
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
    >>> from scalinglaws.chinchilla.laws import HOFFMANN_2022
    >>> prof = isoflop_profile(GOPHER_FLOPS, HOFFMANN_2022)
    >>> bool(prof.loss.min() >= prof.optimum.loss - 1e-12)
    True
    """
    law = _as_law(law)
    c = number_in_range("compute_flops", compute_flops, 1e10, 1e35)
    decades = number_in_range("decades", decades, 0.1, 5)
    n_points = integer_in_range("n_points", n_points, 3, 10_000)
    optimum = compute_optimal(c, law)
    params = np.asarray(formulas.isoflop_sizes(optimum.params, decades, n_points))
    tokens = formulas.tokens_for_budget(c, params)
    return IsoFlopProfile(compute_flops=c, law=law, params=params, tokens=tokens,
                          loss=law.loss(params, tokens), optimum=optimum)
