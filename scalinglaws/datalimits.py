"""Data limits: repeated data, data quality as a shift of the law, and the data runway.

Muennighoff et al. (2023) measure what repeating data is worth. ``epochs`` passes over U_D
unique tokens are worth D′ = U_D + U_D·R*_D·(1 − e^(−R_D/R*_D)) fresh tokens, with
R_D = epochs − 1 (their eq. 5), and parameters beyond the compute-optimal size for the
unique data decay the same way (eq. 6). Put into the Chinchilla form, that gives their
data-constrained loss (eq. 14, with numbers eq. 17), fitted on C4 with the GPT-2 tokenizer.
The constants here are the authors' released fit (``huggingface/datablations``, README,
"Parametric Fit"), which equals the paper's Appendix A and B text to every printed digit.

Data quality is modelled as a multiplier on effective tokens, or a change of the data
exponent, of a Chinchilla-form law (Hoffmann et al. 2022); the runway projects when the
largest training set reaches the stock of public human text (Villalobos et al. 2024).

The closed forms live in :mod:`scalinglaws.datalimits_formulas` (translatable to JavaScript
for the static page); this module checks inputs and adds what needs iteration or data.
Citation keys refer to ``book/references.bib``; equation numbers are those of arXiv v4 of
Muennighoff et al. (2023).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import optimize

from scalinglaws import datalimits_formulas as formulas
from scalinglaws._validate import finite_array, number_in_range
from scalinglaws.chinchilla import LAWS, ComputeOptimal, LossLaw, compute_optimal, get_law
from scalinglaws.datasets import load_training_runs
from scalinglaws.trends import ExponentialTrend, fit_exponential_trend
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = [
    "CORPUS_SIZE_ROWS",
    "DATA_LAWS",
    "GUNASEKAR_2023_TABLE_1",
    "MUENNIGHOFF_2023",
    "MUENNIGHOFF_2023_C4",
    "MUENNIGHOFF_2023_EQ17",
    "VILLALOBOS_2024_GROWTH",
    "VILLALOBOS_2024_STOCK",
    "ANCHOR_TOKENS",
    "RANGES",
    "DataConstrainedLaw",
    "DataConstrainedOptimum",
    "QualityShift",
    "Repetition",
    "Runway",
    "TrainingSetGrowth",
    "data_constrained_loss",
    "data_constrained_optimum",
    "effective_params",
    "effective_tokens",
    "epochs_for_effective_tokens",
    "exponent_change_savings",
    "get_data_law",
    "quality_shift",
    "repetition",
    "repetition_table",
    "runway",
    "runway_year",
    "training_set_growth",
]


# --- The data-constrained law -----------------------------------------------------------------


@dataclass(frozen=True)
class DataConstrainedLaw(LossLaw):
    """Muennighoff et al.'s law: L = E + A/N′^α + B/D′^β (their eq. 14).

    A :class:`~scalinglaws.chinchilla.LossLaw` (its five constants, checked there) with the
    two decay constants of repetition. Its inherited :meth:`~LossLaw.loss` is the Chinchilla
    form without repetition (as :meth:`chinchilla_law`); :func:`data_constrained_loss` is the
    law with repeated data and excess parameters.

    Attributes
    ----------
    E, A, B, alpha, beta : float
        The Chinchilla-form constants the law is built on (their C4 refit, App. B).
    rd_star, rn_star : float
        R*_D and R*_N: the decay constants of repeated data (eq. 5) and of excess
        parameters (eq. 6), > 0 (keyword-only).
    name, source : str
        Label and citation.
    """

    name: str = "custom data-constrained law"
    rd_star: float = field(kw_only=True)
    rn_star: float = field(kw_only=True)

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("rd_star", "rn_star"):
            number_in_range(name, getattr(self, name), 0, None, low_inclusive=False)

    @property
    def ceiling(self) -> float:
        """1 + R*_D: the most that any number of epochs can multiply unique data by."""
        return 1.0 + self.rd_star

    def chinchilla_law(self) -> LossLaw:
        """The law without repetition, E + A/N^α + B/D^β, as a :class:`LossLaw`."""
        return LossLaw(E=self.E, A=self.A, B=self.B, alpha=self.alpha, beta=self.beta,
                       name=f"{self.name}, no repetition", source=self.source)


#: Muennighoff et al. (2023), the authors' released fit (``huggingface/datablations``
#: README, "Parametric Fit"): log A = 6.255414, log B = 7.3049974, log E = 0.6254804,
#: α = β = 0.3526596, R*_D = 15.387756, R*_N = 5.309743; the same digits as the paper's
#: Appendix A (R*) and Appendix B (C4 refit) text.
MUENNIGHOFF_2023 = DataConstrainedLaw(
    E=float(np.exp(0.6254804)), A=float(np.exp(6.255414)), B=float(np.exp(7.3049974)),
    alpha=0.3526596, beta=0.3526596, rd_star=15.387756, rn_star=5.309743,
    name="Muennighoff et al. 2023 (released fit)",
    source="muennighoff2023scaling, App. A-B; github.com/huggingface/datablations README")

#: Muennighoff et al. (2023), eq. 17 as printed: 521, 1488, 1.87, exponent 0.35, R*_N = 5.3,
#: R*_D = 15.4.
MUENNIGHOFF_2023_EQ17 = DataConstrainedLaw(
    E=1.87, A=521.0, B=1488.0, alpha=0.35, beta=0.35, rd_star=15.4, rn_star=5.3,
    name="Muennighoff et al. 2023 (eq. 17, as printed)",
    source="muennighoff2023scaling, App. A, eq. 17")

#: Their refit of the Chinchilla form on C4 (App. B, eq. 20: E = 1.87, A = 521, B = 1488,
#: α = β = 0.353), at the released precision. Not Hoffmann et al.'s constants: a different
#: dataset (C4) and tokenizer (GPT-2).
MUENNIGHOFF_2023_C4 = LossLaw(
    E=MUENNIGHOFF_2023.E, A=MUENNIGHOFF_2023.A, B=MUENNIGHOFF_2023.B,
    alpha=MUENNIGHOFF_2023.alpha, beta=MUENNIGHOFF_2023.beta,
    name="Muennighoff et al. 2023 C4 refit (App. B)",
    source="muennighoff2023scaling, App. B, eq. 20")

#: The data-constrained laws, by a short key (for the calculators' drop-downs).
DATA_LAWS = {"muennighoff2023": MUENNIGHOFF_2023, "muennighoff2023_eq17": MUENNIGHOFF_2023_EQ17}


def get_data_law(law) -> DataConstrainedLaw:
    """``law`` itself if it is a :class:`DataConstrainedLaw`, else the preset of that key.

    >>> get_data_law("muennighoff2023") is MUENNIGHOFF_2023
    True
    """
    if isinstance(law, DataConstrainedLaw):
        return law
    if isinstance(law, str) and law in DATA_LAWS:
        return DATA_LAWS[law]
    raise ValueError(f"law must be a DataConstrainedLaw or one of {sorted(DATA_LAWS)}; "
                     f"got {law!r}")


#: The ranges the calculators' functions accept, (low, high) by function and argument; the
#: static page's calculators check the same ranges (exported by :mod:`scalinglaws.web.export`).
#: Low ends are inclusive except ``growth_per_year`` and ``multiplier`` (> low); the data
#: exponent of :func:`quality_shift` must stay above its low end.
RANGES = {
    "data_constrained_optimum": {"compute_flops": (1e10, 1e35), "unique_tokens": (1e3, 1e17)},
    "quality_shift": {"compute_flops": (1e10, 1e35), "quality": (0.01, 1000.0),
                      "data_exponent_change": (-0.5, 0.5), "data_exponent": (0.01, None)},
    "runway": {"stock_tokens": (1e9, 1e18), "largest_tokens": (1e6, 1e18),
               "start_year": (1950, 2100), "growth_per_year": (1.0, 1000.0),
               "multiplier": (0.0, 1e6), "epochs": (1.0, 1000.0),
               "synthetic_multiplier": (1.0, 1e6)},
}


def _in_range(function: str, name: str, value, **inclusive) -> float:
    """:func:`number_in_range` with the range of ``RANGES[function][name]``."""
    low, high = RANGES[function][name]
    return number_in_range(name, value, low, high, **inclusive)


# --- Input checks -----------------------------------------------------------------------------


def _checked(name: str, value, low: float = 0.0, low_inclusive: bool = False,
             meaning: str = ""):
    """A finite number (or 1-D array) above ``low``; scalars stay Python floats."""
    if np.ndim(value) == 0:
        if isinstance(value, np.ndarray):
            value = value.item()
        number = number_in_range(name, value, low, None, low_inclusive=low_inclusive)
        return number
    array = finite_array(name, np.ravel(value)).reshape(np.shape(value))
    bad = np.flatnonzero(array < low if low_inclusive else array <= low)
    if bad.size:
        relation = "at least" if low_inclusive else "greater than"
        raise ValueError(f"{name} must be {relation} {low:g}{meaning} everywhere; got "
                         f"{array.ravel()[bad[0]]:.6g} at index {bad[0]}")
    return array


def _epochs(value):
    return _checked("epochs", value, 1.0, low_inclusive=True, meaning=" (one pass over the data)")


def _out(value):
    return float(value) if np.ndim(value) == 0 else value


def _broadcast(**arrays) -> None:
    try:
        np.broadcast_shapes(*(np.shape(value) for value in arrays.values()))
    except ValueError:
        raise ValueError(f"{' and '.join(arrays)} must have the same length (or one be a "
                         "single number)") from None


# --- Effective data and parameters (eqs. 5, 6) ------------------------------------------------


def effective_tokens(unique_tokens, epochs, law=MUENNIGHOFF_2023):
    """Effective unique tokens of ``epochs`` passes over ``unique_tokens``.

    D′ = U_D + U_D·R*_D·(1 − e^(−R_D/R*_D)) with R_D = epochs − 1 (Muennighoff et al. 2023,
    §3.1, eq. 5), with their fitted R*_D = 15.387756 (the released fit; eq. 17 rounds it to
    15.4). Four epochs are worth 3.73 epochs of fresh data; no number of epochs is worth more
    than 1 + R*_D = 16.39.

    Parameters
    ----------
    unique_tokens : float or array of float
        U_D, unique tokens available, > 0.
    epochs : float or array of float
        Passes over them, ≥ 1 (need not be whole).
    law : DataConstrainedLaw or str
        Whose R*_D to use; default the released fit (a key of :data:`DATA_LAWS` also works).

    Returns
    -------
    float or ndarray
        D′, in tokens.

    Raises
    ------
    ValueError
        Naming ``unique_tokens`` or ``epochs`` when one is not finite, not positive, or
        fewer than one epoch.

    Examples
    --------
    >>> round(effective_tokens(1e9, 4) / 1e9, 4)
    3.7257
    >>> round(effective_tokens(1e9, 16) / 1e9, 3)
    10.582
    >>> effective_tokens(1e9, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: epochs must be at least 1; got 0.5
    """
    unique = _checked("unique_tokens", unique_tokens)
    passes = _epochs(epochs)
    _broadcast(unique_tokens=unique, epochs=passes)
    return _out(formulas.effective_data(unique, passes, get_data_law(law).rd_star))


def epochs_for_effective_tokens(unique_tokens, target_tokens, law=MUENNIGHOFF_2023) -> float:
    """Epochs over ``unique_tokens`` that are worth ``target_tokens`` fresh tokens (eq. 5).

    E = 1 − R*_D·ln(1 − (D′/U_D − 1)/R*_D). The target must be at least the unique tokens
    and below the ceiling (1 + R*_D)·U_D, which no number of epochs reaches.

    >>> round(epochs_for_effective_tokens(1e12, 10e12), 2)
    14.52
    >>> epochs_for_effective_tokens(1e12, 17e12)
    Traceback (most recent call last):
    ...
    ValueError: target_tokens must be below 16.39 × unique_tokens (the ceiling); got 17 ×
    """
    unique = number_in_range("unique_tokens", unique_tokens, 0, None, low_inclusive=False)
    target = number_in_range("target_tokens", target_tokens, 0, None, low_inclusive=False)
    law = get_data_law(law)
    ratio = target / unique
    if ratio < 1:
        raise ValueError(f"target_tokens must be at least unique_tokens (one epoch); got "
                         f"{ratio:.4g} × unique_tokens")
    if ratio >= law.ceiling:
        raise ValueError(f"target_tokens must be below {law.ceiling:.4g} × unique_tokens (the "
                         f"ceiling); got {ratio:.4g} ×")
    return float(formulas.epochs_for_effective_data(ratio, law.rd_star))


def effective_params(params, unique_tokens, law=MUENNIGHOFF_2023):
    """Effective parameters N′ of a model of ``params`` for ``unique_tokens`` of data.

    N′ = U_N + U_N·R*_N·(1 − e^(−R_N/R*_N)), R_N = N/U_N − 1 (Muennighoff et al. 2023, eq. 6),
    where U_N = min(N, G·(U_D·G)^(β/α)) is the compute-optimal size for the unique data
    seen once (App. A, eq. 15; about 0.051·U_D with their fit) and R*_N = 5.309743.

    >>> round(effective_params(1e9, 25e9) / 1e9, 3)  # below U_N = 1.27e9: counts in full
    1.0
    >>> round(effective_params(6.34e9, 25e9) / 1e9, 2)
    4.84
    """
    n = _checked("params", params)
    unique = _checked("unique_tokens", unique_tokens)
    _broadcast(params=n, unique_tokens=unique)
    law = get_data_law(law)
    return _out(formulas.effective_params(n, formulas.unique_params_for_data(unique, law),
                                          law.rn_star))


def data_constrained_loss(params, tokens, unique_tokens, law=MUENNIGHOFF_2023):
    """Loss of ``params`` trained on ``tokens`` drawn from ``unique_tokens`` (eq. 14).

    L = E + A/N′^α + B/D′^β (Muennighoff et al. 2023, App. A, eqs. 14 and 17) with their C4
    constants. The authors' README warns that "the actual loss value is unlikely to be
    useful, but rather the trend": compare losses, do not read them as C4 losses.

    Examples
    --------
    >>> round(data_constrained_loss(6.34e9, 242e9, 25e9), 6)  # README: 2.2256440889984477
    2.225644
    >>> round(data_constrained_loss(8.67e9, 178e9, 25e9), 6)  # README: 2.2269634075087867
    2.226963
    """
    n = _checked("params", params)
    d = _checked("tokens", tokens)
    unique = _checked("unique_tokens", unique_tokens)
    _broadcast(params=n, tokens=d, unique_tokens=unique)
    return _out(formulas.data_constrained_loss(n, d, unique, get_data_law(law)))


@dataclass(frozen=True)
class Repetition:
    """What ``epochs`` over ``unique_tokens`` are worth, and cost, for a model of ``params``."""

    unique_tokens: float
    epochs: float
    params: float
    tokens_seen: float
    effective_tokens: float
    value_per_token_seen: float
    value_of_last_epoch: float
    loss_repeated: float
    loss_fresh: float
    law: DataConstrainedLaw

    @property
    def loss_penalty(self) -> float:
        """Loss with repeated data minus loss with as many fresh tokens (nats per token)."""
        return self.loss_repeated - self.loss_fresh

    @property
    def relative_penalty(self) -> float:
        """The penalty as a fraction of the loss with fresh data."""
        return self.loss_penalty / self.loss_fresh


def repetition(unique_tokens: float, epochs: float, params: float,
               law=MUENNIGHOFF_2023) -> Repetition:
    """Effective tokens of ``epochs`` over ``unique_tokens`` and the loss penalty for ``params``.

    The penalty compares :func:`data_constrained_loss` on the repeated data with the same
    number of tokens all unique (Muennighoff et al. 2023, eqs. 5 and 14).

    >>> r = repetition(25e9, 4, 6.34e9)
    >>> round(r.effective_tokens / 1e9, 1), round(r.value_per_token_seen, 3)
    (93.1, 0.931)
    >>> round(100 * r.relative_penalty, 2)  # per cent above fresh data
    1.02
    """
    law = get_data_law(law)
    unique = number_in_range("unique_tokens", unique_tokens, 0, None, low_inclusive=False)
    passes = number_in_range("epochs", epochs, 1, None)
    n = number_in_range("params", params, 0, None, low_inclusive=False)
    seen = unique * passes
    d_eff = float(formulas.effective_data(unique, passes, law.rd_star))
    return Repetition(
        unique_tokens=unique, epochs=passes, params=n, tokens_seen=seen, effective_tokens=d_eff,
        value_per_token_seen=d_eff / seen,
        value_of_last_epoch=float(formulas.value_of_last_repetition(passes, law.rd_star)),
        loss_repeated=float(formulas.data_constrained_loss(n, seen, unique, law)),
        loss_fresh=float(formulas.data_constrained_loss(n, seen, seen, law)), law=law)


def repetition_table(epochs=(1, 2, 4, 8, 16, 40, 100), law=MUENNIGHOFF_2023) -> pd.DataFrame:
    """Eq. 5 worked out: D′/U_D, the value per token seen, and the value of the last epoch.

    >>> repetition_table([4, 16]).round(3).to_numpy().tolist()
    [[4.0, 3.726, 0.931, 0.823], [16.0, 10.582, 0.661, 0.377]]
    """
    law = get_data_law(law)
    passes = _epochs(np.asarray(epochs, dtype=float))
    ratio = formulas.effective_data(1.0, passes, law.rd_star)
    return pd.DataFrame({
        "epochs": np.asarray(epochs),
        "D'/U_D": ratio,
        "value per token seen": ratio / passes,
        "value of the last epoch": formulas.value_of_last_repetition(passes, law.rd_star),
    })


# --- Allocation under a cap on unique data ----------------------------------------------------


@dataclass(frozen=True)
class DataConstrainedOptimum:
    """The best model size for a budget when unique data is capped, and Chinchilla's choice.

    ``params``, ``tokens``, ``epochs`` and ``loss`` are the data-constrained optimum
    (6·params·tokens = compute); ``chinchilla`` is the allocation of the same law ignoring
    the cap, and ``chinchilla_loss`` its loss when it, too, must repeat the capped data.
    """

    compute_flops: float
    unique_tokens: float
    params: float
    tokens: float
    epochs: float
    loss: float
    chinchilla: ComputeOptimal
    chinchilla_epochs: float
    chinchilla_loss: float
    law: DataConstrainedLaw


def data_constrained_optimum(compute_flops: float, unique_tokens: float,
                             law=MUENNIGHOFF_2023) -> DataConstrainedOptimum:
    """Split a budget between model size and epochs when only ``unique_tokens`` exist.

    Minimises :func:`data_constrained_loss` (N, C/(6N), U_D) over N: a grid over six
    decades around Chinchilla's N_opt, refined with :func:`scipy.optimize.minimize_scalar`.
    Muennighoff et al. (2023, §5) find that "allocation is optimized by scaling epochs faster
    than additional parameters"; their README's grid search gives 6.8B parameters, 227B
    tokens and 9.1 epochs for the budget of Figure 1 (right) with 25B unique tokens.

    Examples
    --------
    >>> opt = data_constrained_optimum(6 * 8.67e9 * 178e9, 25e9)
    >>> round(opt.params / 1e9, 1), round(opt.tokens / 1e9), round(opt.epochs, 1)
    (6.8, 227, 9.1)
    """
    law = get_data_law(law)
    c = _in_range("data_constrained_optimum", "compute_flops", compute_flops)
    unique = _in_range("data_constrained_optimum", "unique_tokens", unique_tokens)
    chinchilla = compute_optimal(c, law.chinchilla_law())

    def loss_at(log_params):
        n = np.exp(log_params)
        d = c / (FLOPS_PER_PARAM_TOKEN * n)
        return formulas.data_constrained_loss(n, d, np.minimum(unique, d), law)

    centre = np.log(chinchilla.params)
    grid = centre + np.linspace(-3, 3, 121) * np.log(10)
    best = int(np.argmin(loss_at(grid)))
    low, high = grid[max(best - 1, 0)], grid[min(best + 1, grid.size - 1)]
    result = optimize.minimize_scalar(loss_at, bounds=(low, high), method="bounded",
                                      options={"xatol": 1e-9})
    params = float(np.exp(result.x))
    tokens = c / (FLOPS_PER_PARAM_TOKEN * params)
    chin_unique = min(unique, chinchilla.tokens)
    return DataConstrainedOptimum(
        compute_flops=c, unique_tokens=unique, params=params, tokens=tokens,
        epochs=tokens / min(unique, tokens), loss=float(result.fun), chinchilla=chinchilla,
        chinchilla_epochs=chinchilla.tokens / chin_unique,
        chinchilla_loss=float(formulas.data_constrained_loss(
            chinchilla.params, chinchilla.tokens, chin_unique, law)),
        law=law)


# --- Data quality as a shift of the law -------------------------------------------------------


@dataclass(frozen=True)
class QualityShift:
    """A budget's compute-optimal point under a law and under its quality-shifted version.

    ``shifted.tokens`` are raw tokens of the cleaner data. ``compute_for_same_loss`` is the
    budget at which the shifted law reaches ``base.loss``; ``compute_saving`` is the ratio
    ``compute_flops / compute_for_same_loss``.
    """

    compute_flops: float
    quality: float
    data_exponent: float
    law: LossLaw
    shifted_law: LossLaw
    base: ComputeOptimal
    shifted: ComputeOptimal
    compute_for_same_loss: float

    @property
    def compute_saving(self) -> float:
        return self.compute_flops / self.compute_for_same_loss


#: Tokens at which a changed data exponent pivots: the shifted law's data term equals the
#: original's there (before the quality multiplier). A modelling choice of the course.
ANCHOR_TOKENS = 1e9


def quality_shift(compute_flops: float, law="besiroglu2024", quality: float = 2.0,
                  data_exponent_change: float = 0.0) -> QualityShift:
    """How a cleaner dataset moves the compute-optimal point and what compute it saves.

    The course's model (not a fitted result): each token of the cleaner data is worth
    ``quality`` tokens of the data the law was fitted on, and its data exponent may differ,
    L = E + A/N^α + B′/(q·D)^β′ with β′ = β + ``data_exponent_change`` and B′ chosen so the
    data term is unchanged at :data:`ANCHOR_TOKENS` (10⁹) before the multiplier. The
    allocation is Hoffmann et al.'s eq. 4 for the shifted law. With β′ = β the same loss
    costs exactly 1/q of the compute at every scale (q·D tokens of the old data at budget C
    is the old law at budget q·C); a larger β′ saves more the larger the budget, the idea
    behind data pruning that beats power-law scaling (Sorscher et al. 2022).

    Examples
    --------
    >>> shift = quality_shift(5.76e23, "besiroglu2024", quality=2.0)
    >>> round(shift.compute_saving, 6)
    2.0
    >>> round(shift.shifted.params / shift.base.params, 3)  # 2^a, a = 0.513
    1.427
    """
    c = _in_range("quality_shift", "compute_flops", compute_flops)
    q = _in_range("quality_shift", "quality", quality)
    base_law = _loss_law(law)
    change = _in_range("quality_shift", "data_exponent_change", data_exponent_change)
    new_beta = base_law.beta + change
    lowest = RANGES["quality_shift"]["data_exponent"][0]
    if new_beta <= lowest:
        raise ValueError(f"data_exponent_change must leave the data exponent above {lowest:g}; "
                         f"{base_law.beta:.3g} + {change:.3g} = {new_beta:.3g}")
    shifted_law = LossLaw(E=base_law.E, A=base_law.A,
                          B=float(formulas.quality_scaled_b(base_law, q, new_beta, ANCHOR_TOKENS)),
                          alpha=base_law.alpha, beta=new_beta,
                          name=f"{base_law.name}, quality ×{q:g}"
                               + (f", β {change:+.3g}" if change else ""),
                          source=base_law.source)
    base = compute_optimal(c, base_law)
    return QualityShift(
        compute_flops=c, quality=q, data_exponent=new_beta, law=base_law,
        shifted_law=shifted_law, base=base, shifted=compute_optimal(c, shifted_law),
        compute_for_same_loss=float(formulas.compute_for_loss(base.loss, shifted_law)))


def _loss_law(law) -> LossLaw:
    """A chapter 3 law (a :class:`LossLaw` or a key of its ``LAWS``) or the C4 refit."""
    if law == "muennighoff2023_c4":
        return MUENNIGHOFF_2023_C4
    if isinstance(law, LossLaw) or (isinstance(law, str) and law in LAWS):
        return get_law(law)
    raise ValueError(f"law must be a LossLaw or one of {sorted([*LAWS, 'muennighoff2023_c4'])}; "
                     f"got {law!r}")


def exponent_change_savings(budgets=(1e20, 1e23, 1e26), changes=(0.02, 0.05),
                            law="besiroglu2024") -> pd.DataFrame:
    """Compute saved by a steeper data exponent β + change, by budget (rows) and change.

    :func:`quality_shift` with q = 1: the saving grows with the budget.

    >>> exponent_change_savings([1e20, 1e26], [0.05]).round(2).to_numpy().ravel().tolist()
    [1.44, 3.25]
    """
    return pd.DataFrame(
        {f"β {change:+g}": [quality_shift(c, law, 1.0, change).compute_saving for c in budgets]
         for change in changes},
        index=pd.Index([f"{c:.0e}" for c in budgets], name="budget (FLOPs)"))


# --- Training-set growth and the data runway --------------------------------------------------

#: Rows of ``training_runs.csv`` whose token count is a corpus size, not the tokens the
#: model saw (Qwen2.5 and Qwen3 report their pre-training datasets; OPT-175B's 180B is its
#: corpus): left out of the growth fit.
CORPUS_SIZE_ROWS = ("OPT-175B", "Qwen2.5-72B", "Qwen3-32B")

#: Villalobos et al. (2024), the effective stock of human-generated public text: about
#: 300 trillion tokens, 90 % confidence interval 100T to 1000T (the authors' Epoch AI post of
#: June 2024). "Effective": only text good enough to train on, and allowing for several
#: epochs (they cap repetition's gain at 5×, §2.3).
VILLALOBOS_2024_STOCK = {"tokens": 300e12, "low": 100e12, "high": 1000e12, "confidence": 0.90,
                         "source": "villalobos2024position"}

#: Villalobos et al. (2024, §2.4): training datasets grew 0.38 orders of magnitude a year
#: (about 2.4× a year), bootstrapped 95 % interval 0.27 to 0.48, over about 80 LLMs.
VILLALOBOS_2024_GROWTH = {"oom_per_year": 0.38, "low": 0.27, "high": 0.48, "confidence": 0.95,
                          "source": "villalobos2024position, §2.4"}

#: Gunasekar et al. (2023), Table 1, as printed (self-reported scores where available):
#: (model, parameters, dataset size in tokens, HumanEval pass@1 %, MBPP pass@1 %). phi-1's
#: "7B" is its unique data; it saw about 51B tokens (§2.3). NaN where the table has no entry.
GUNASEKAR_2023_TABLE_1 = (
    ("Codex-12B", 12e9, 100e9, 28.8, np.nan),
    ("CodeGen-Mono-16.1B", 16.1e9, 577e9, 29.3, 35.3),
    ("PaLM-Coder", 540e9, 780e9, 35.9, 47.0),
    ("StarCoder", 15.5e9, 1e12, 33.6, 52.7),
    ("WizardCoder", 16e9, 1e12, 57.3, 51.8),
    ("GPT-3.5", 175e9, np.nan, 47.0, np.nan),
    ("GPT-4", np.nan, np.nan, 67.0, np.nan),
    ("phi-1", 1.3e9, 7e9, 50.6, 55.5),
)


@dataclass(frozen=True)
class TrainingSetGrowth:
    """Exponential growth of training-set sizes fitted to the course's model table."""

    trend: ExponentialTrend
    growth_per_year: float
    growth_ci: tuple[float, float]
    oom_per_year: float
    oom_ci: tuple[float, float]
    n_runs: int
    excluded: tuple[str, ...]


def training_set_growth(runs: pd.DataFrame | None = None, exclude=CORPUS_SIZE_ROWS,
                        confidence: float = 0.95) -> TrainingSetGrowth:
    """Fit tokens = c·g^year to the training runs (``training_runs.csv`` by default).

    Least squares of ln(tokens) on the year, with a t-interval on the slope
    (:func:`scalinglaws.trends.fit_exponential_trend`). Rows named in ``exclude`` are left
    out (by default the corpus sizes, :data:`CORPUS_SIZE_ROWS`).

    >>> growth = training_set_growth()
    >>> growth.n_runs, round(growth.oom_per_year, 2), round(growth.growth_per_year, 2)
    (25, 0.43, 2.67)
    """
    table = load_training_runs() if runs is None else runs
    excluded = tuple(exclude)
    unknown = sorted(set(excluded) - set(table["name"]))
    if unknown:
        raise ValueError(f"exclude names rows that are not in the table: {unknown}")
    kept = table[~table["name"].isin(excluded)]
    trend = fit_exponential_trend(kept["year"].to_numpy(float), kept["tokens"].to_numpy(float),
                                  confidence)
    low, high = trend.rate_ci
    ln10 = np.log(10)
    return TrainingSetGrowth(trend=trend, growth_per_year=trend.growth_per_year,
                             growth_ci=(float(np.exp(low)), float(np.exp(high))),
                             oom_per_year=float(trend.rate_per_year / ln10),
                             oom_ci=(float(low / ln10), float(high / ln10)), n_runs=trend.n_points,
                             excluded=excluded)


def runway_year(stock_tokens: float, largest_tokens: float, start_year: float,
                growth_per_year: float, multiplier: float = 1.0) -> float:
    """Year the largest training set reaches the stock: t₀ + log(m·S/D₀)/log(g).

    >>> round(runway_year(300e12, 15.6e12, 2024, 10 ** 0.38), 2)
    2027.38
    """
    stock = _in_range("runway", "stock_tokens", stock_tokens)
    largest = _in_range("runway", "largest_tokens", largest_tokens)
    year = _in_range("runway", "start_year", start_year)
    growth = _in_range("runway", "growth_per_year", growth_per_year, low_inclusive=False)
    factor = _in_range("runway", "multiplier", multiplier, low_inclusive=False)
    return float(formulas.runway_year(stock, largest, year, growth, factor))


@dataclass(frozen=True)
class Runway:
    """Years when the largest training set reaches the stock, without and with more data.

    ``year`` uses the central stock, ``year_low`` and ``year_high`` the ends of its interval;
    the ``*_stretched`` years multiply the stock by ``multiplier`` (repetition × synthetic).
    """

    stock_tokens: float
    stock_low: float
    stock_high: float
    largest_tokens: float
    start_year: float
    growth_per_year: float
    epochs: float
    repetition_factor: float
    synthetic_multiplier: float
    year: float
    year_low: float
    year_high: float
    year_stretched: float
    year_low_stretched: float
    year_high_stretched: float

    @property
    def multiplier(self) -> float:
        return self.repetition_factor * self.synthetic_multiplier

    @property
    def years_gained(self) -> float:
        return self.year_stretched - self.year


def runway(stock_tokens: float, stock_low: float, stock_high: float, largest_tokens: float,
           start_year: float, growth_per_year: float, epochs: float = 1.0,
           synthetic_multiplier: float = 1.0, law=MUENNIGHOFF_2023) -> Runway:
    """When training sets growing ×g a year outgrow a stock of text, and what more data buys.

    Repetition multiplies the stock by D′/U_D of eq. 5 (Muennighoff et al. 2023) for
    ``epochs`` passes, and ``synthetic_multiplier`` stands for synthetic data or other
    sources; each factor k moves the date by log(k)/log(g) years. The projection is the
    course's one-line model, not Villalobos et al.'s (who mix a historical and a
    compute-based projection).

    >>> r = runway(300e12, 100e12, 1000e12, 15.6e12, 2024, 10 ** 0.38)
    >>> round(r.year, 1), round(r.year_low, 1), round(r.year_high, 1)
    (2027.4, 2026.1, 2028.8)
    >>> round(runway(300e12, 100e12, 1000e12, 15.6e12, 2024, 10 ** 0.38,
    ...              synthetic_multiplier=10).years_gained, 2)
    2.63
    """
    lowest, highest = RANGES["runway"]["stock_tokens"]
    stock = _in_range("runway", "stock_tokens", stock_tokens)
    low = number_in_range("stock_low", stock_low, lowest, stock)
    high = number_in_range("stock_high", stock_high, stock, highest)
    passes = _in_range("runway", "epochs", epochs)
    synthetic = _in_range("runway", "synthetic_multiplier", synthetic_multiplier)
    repetition_factor = float(formulas.effective_data(1.0, passes, get_data_law(law).rd_star))
    years = {}
    for label, factor in (("", 1.0), ("_stretched", repetition_factor * synthetic)):
        for which, value in (("year", stock), ("year_low", low), ("year_high", high)):
            years[which + label] = runway_year(value, largest_tokens, start_year,
                                               growth_per_year, factor)
    return Runway(stock_tokens=stock, stock_low=low, stock_high=high,
                  largest_tokens=float(largest_tokens), start_year=float(start_year),
                  growth_per_year=float(growth_per_year), epochs=passes,
                  repetition_factor=repetition_factor, synthetic_multiplier=synthetic, **years)
