"""From training to inference: lifetime compute, inference-aware sizing, serving cost, precision.

A model is trained once, on D_train tokens at about 6·N FLOPs each, and then serves tokens at
about 2·N FLOPs each (Kaplan et al. 2020, Table 1 and §2.1; the constants live in
:mod:`scalinglaws.units`). Its lifetime compute is 6·N·D_train + 2·N·D_inference
(:func:`lifetime_flops`). Sardana, Portes, Doubov & Frankle (2024), "Beyond
Chinchilla-Optimal", minimise that sum at a fixed loss: with enough demand a smaller model
trained on more tokens is cheaper over its life (:func:`inference_optimal`,
:func:`inference_aware_sizing`). Serving cost follows from memory (weights and key-value
cache at a number format's bits), a roofline of decoding (:func:`serving_estimate`), and a
rental price. The closed forms are in :mod:`scalinglaws.inference_formulas`, shared with the
website; this module checks inputs and solves the optimum with scipy.

Citation keys refer to ``book/references.bib``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from scipy.optimize import brentq

from scalinglaws import inference_formulas as f
from scalinglaws._validate import integer_in_range, number_in_range, numbers
from scalinglaws.chinchilla.laws import LossLaw, get_law
from scalinglaws.datasets import SOURCE, Column, load_table
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN, INFERENCE_FLOPS_PER_PARAM_TOKEN

__all__ = [
    "BATCH_SIZES", "CONTEXT_LENGTHS", "INFERENCE_LAWS", "PRECISION_BITS", "PRECISION_LABELS",
    "PRECISION_PEAK_COLUMN", "SARDANA_2024", "InferenceAwareSizing", "InferenceOptimum",
    "LifetimeCompute", "ServingEstimate", "architecture", "breakeven_inference_tokens",
    "chinchilla_style_tokens", "compound_success", "inference_aware_sizing",
    "inference_optimal", "kv_cache_bytes", "lifetime_compute", "lifetime_flops",
    "lifetime_flops_at_loss", "load_model_architectures", "model_params",
    "serving_estimate", "steps_at_success", "weight_bytes", "implied_inference_tokens",
    "memory_table", "peak_table", "step_success_for", "usd_per_flop", "CostAssumptions",
    "cost_equivalent_inference_tokens", "lifetime_cost", "cost_optimal", "CostOptimum",
    "SARDANA_README_COSTS", "SAME_CHIP_LOW_DECODE_MFU", "cost_table", "SERVING_HARDWARE",
    "chips_to_hold", "serving_hardware_table", "transfer_seconds", "COST_OBJECTIVES",
    "OBJECTIVE_LABELS", "INPUT_SHARE", "priced_inference_tokens",
]

#: The Chinchilla law as Sardana et al.'s code uses it: Hoffmann et al.'s Approach 3 with
#: α = 0.336 and β = 0.283 (``sardana2024code``, ``utils.py``: "Defaults to constants from
#: Chinchilla paper (law 3)"), not the rounded 0.34 and 0.28 of eq. 10. With them the
#: authors' stated examples are reproduced exactly (research/inference-facts.md §2).
SARDANA_2024 = LossLaw(E=1.69, A=406.4, B=410.7, alpha=0.336, beta=0.283,
                       name="Sardana et al. 2024 (their code's Chinchilla law)",
                       source="sardana2024code, utils.py")

#: Laws for the inference-aware calculator, by key: Sardana's coefficients first.
INFERENCE_LAWS = {"sardana2024": SARDANA_2024, "hoffmann2022": get_law("hoffmann2022"),
                  "besiroglu2024": get_law("besiroglu2024")}

#: Bits per stored value of each number format. Block-scaled FP4 adds its shared scale:
#: MXFP4 one 8-bit E8M0 scale per 32 values (OCP MX v1.0, ``ocp2023mx``): 4 + 8/32 = 4.25;
#: NVFP4 one FP8 scale per 16 values (``nvidia2025nvfp4``): 4 + 8/16 = 4.5 (its one FP32
#: scale per tensor is negligible).
PRECISION_BITS = {"fp32": 32.0, "bf16": 16.0, "fp8": 8.0, "mxfp4": 4.0 + 8.0 / 32.0,
                  "nvfp4": 4.0 + 8.0 / 16.0}
#: Labels of the formats for tables and drop-downs.
PRECISION_LABELS = {"fp32": "FP32", "bf16": "BF16", "fp8": "FP8",
                    "mxfp4": "MXFP4 (4 bits + 8-bit scale per 32)",
                    "nvfp4": "NVFP4 (4 bits + FP8 scale per 16)"}
#: The accelerator table's dense-throughput key each format computes at.
PRECISION_PEAK_COLUMN = {"fp32": "fp32", "bf16": "bf16", "fp8": "fp8", "mxfp4": "fp4",
                         "nvfp4": "fp4"}
#: Batch sizes (concurrent sequences) and context lengths the serving calculator offers.
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
CONTEXT_LENGTHS = (1024, 2048, 4096, 8192, 32768, 131072)

ARCHITECTURE_COLUMNS = [
    Column("name", "text"),
    Column("layers", "int", low=1, high=1_000),
    Column("d_model", "int", low=64, high=1_000_000),
    Column("ffn_dim", "int", low=64, high=10_000_000),
    Column("heads", "int", low=1, high=10_000),
    Column("kv_heads", "int", low=1, high=10_000),
    Column("head_dim", "int", low=8, high=10_000),
    Column("vocab_size", "int", low=2, high=10_000_000),
    Column("train_tokens", "float", low=1e9, high=1e15),
    SOURCE,
    Column("vocab_source", "text"),
    Column("train_tokens_source", "text"),
]
#: Which source column each value of ``model_architectures.csv`` comes from: every value is
#: traceable to exactly one document (the paper's Table 3 gives the vocabulary as 128,000;
#: the released configuration, with 256 reserved special tokens, 128,256).
ARCHITECTURE_SOURCES = {
    "source": ("layers", "d_model", "ffn_dim", "heads", "kv_heads", "head_dim"),
    "vocab_source": ("vocab_size",),
    "train_tokens_source": ("train_tokens",),
}


@cache
def load_model_architectures(folder=None) -> pd.DataFrame:
    """Published architectures of dense decoder models (``model_architectures.csv``).

    Layers, model width, feed-forward width, attention and key-value heads and head dimension
    (``source``: ``dubey2024llama3`` Table 3; the head dimension is its model dimension over
    its heads); the vocabulary of the released configuration, which counts 256 reserved
    special tokens on top of the paper's 128,000 (``vocab_source``); and the training tokens
    (``train_tokens_source``: the Llama 3 model card's "over 15 trillion" for 8B and 70B, the
    paper's 15.6T for 405B). :data:`ARCHITECTURE_SOURCES` maps each source column to the
    values it covers.

    >>> load_model_architectures().set_index("name").loc["Llama 3 8B", "kv_heads"]
    np.int64(8)
    """
    return load_table("model_architectures.csv", ARCHITECTURE_COLUMNS, folder)


def architecture(name: str) -> dict:
    """One row of :func:`load_model_architectures` as a dict; a clear error for an unknown name.

    >>> architecture("Llama 3 70B")["layers"]
    80
    """
    table = load_model_architectures()
    rows = table[table["name"] == name]
    if rows.empty:
        raise ValueError(f"model must be one of {', '.join(table['name'])}; got {name!r}")
    row = rows.iloc[0]
    return {key: (row[key].item() if hasattr(row[key], "item") else row[key])
            for key in table.columns}


def model_params(name: str) -> float:
    """Parameters of a Llama-style decoder from its architecture (untied embeddings, SwiGLU).

    N = 2·V·d (input and output embeddings) + L·(2·d² + 2·d·n_kv·d_head + 3·d·d_ffn + 2·d)
    + d: query and output projections, key and value projections (grouped-query attention),
    the three SwiGLU matrices and two RMSNorm gains per layer, and the final norm.

    >>> round(model_params("Llama 3 8B") / 1e9, 3)
    8.03
    """
    a = architecture(name)
    d, kv = a["d_model"], a["kv_heads"] * a["head_dim"]
    per_layer = 2 * d * d + 2 * d * kv + 3 * d * a["ffn_dim"] + 2 * d
    return float(2 * a["vocab_size"] * d + a["layers"] * per_layer + d)


# --- Lifetime compute --------------------------------------------------------------------------


def lifetime_flops(params, train_tokens, inference_tokens):
    """Lifetime FLOPs C = 6·N·D_train + 2·N·D_inference: training plus inference.

    Parameters
    ----------
    params : float or array
        Parameters N, ≥ 0.
    train_tokens : float or array
        Training tokens D_train, ≥ 0.
    inference_tokens : float or array
        Tokens processed in service over the model's life (prompt and generated), ≥ 0; zero
        means training only.

    Returns
    -------
    float or numpy.ndarray

    Raises
    ------
    ValueError
        Naming the argument, for a negative or non-finite value.

    References
    ----------
    Kaplan et al. (2020), Table 1 and §2.1 (``kaplan2020scaling``): 2N FLOPs per token
    forward, 6N trained; Sardana et al. (2024) (``sardana2024beyond``) minimise this sum.
    The attention term 2·n_layer·n_ctx·d_attn per token is left out.

    Examples
    --------
    >>> f"{lifetime_flops(8.03e9, 15e12, 0):.3g}"
    '7.23e+23'
    >>> f"{lifetime_flops(8.03e9, 15e12, 45e12) / lifetime_flops(8.03e9, 15e12, 0):.3g}"
    '2'
    """
    n = numbers("params", params, 0, None)
    d = numbers("train_tokens", train_tokens, 0, None)
    t = numbers("inference_tokens", inference_tokens, 0, None)
    result = f.lifetime_flops(n, d, t)
    return float(result) if np.ndim(result) == 0 else result


def breakeven_inference_tokens(train_tokens):
    """Tokens served when inference has cost as much as training: D_inference = 3·D_train.

    >>> f"{breakeven_inference_tokens(15e12):.3g}"
    '4.5e+13'
    """
    return float(f.breakeven_inference_tokens(number_in_range("train_tokens", train_tokens, 0,
                                                              None)))


@dataclass(frozen=True)
class LifetimeCompute:
    """Training and inference FLOPs over a period of service (see :func:`lifetime_compute`)."""

    params: float
    train_tokens: float
    tokens_per_day: float
    days: int
    training_flops: float
    inference_flops: float
    total_flops: float
    inference_share: float
    breakeven_tokens: float
    crossover_day: float
    day: np.ndarray
    cumulative_inference: np.ndarray

    @property
    def crossover_within_service(self) -> bool:
        """Whether inference overtakes training before the service ends."""
        return self.crossover_day <= self.days


def lifetime_compute(params, train_tokens, tokens_per_day, days) -> LifetimeCompute:
    """Lifetime FLOPs of a model serving ``tokens_per_day`` for ``days`` days.

    Cumulative inference FLOPs grow as 2·N·rate·t and pass training's 6·N·D_train on day
    3·D_train / rate (:func:`scalinglaws.inference_formulas.crossover_day`), whatever N.

    Examples
    --------
    >>> r = lifetime_compute(8.03e9, 15e12, 1e11, 720)
    >>> r.crossover_day, round(r.inference_share, 3)
    (450.0, 0.615)
    """
    n = number_in_range("params", params, 0, None, low_inclusive=False)
    d = number_in_range("train_tokens", train_tokens, 0, None, low_inclusive=False)
    rate = number_in_range("tokens_per_day", tokens_per_day, 0, None, low_inclusive=False)
    days = integer_in_range("days", days, 1, 36_500)
    day = np.linspace(0.0, days, 61)
    training = float(f.lifetime_flops(n, d, 0.0))
    inference = float(f.inference_flops(n, rate * days))
    total = lifetime_flops(n, d, rate * days)
    return LifetimeCompute(n, d, rate, days, training, inference, total, inference / total,
                           float(f.breakeven_inference_tokens(d)),
                           float(f.crossover_day(d, rate)), day,
                           f.inference_flops(n, rate * day))


# --- Inference-aware sizing (Sardana et al. 2024) -------------------------------------------


def chinchilla_style_tokens(params, law=SARDANA_2024) -> float:
    """Training tokens of the compute-optimal model of ``params`` parameters under ``law``.

    D = G⁻¹·(N/G)^(α/β) (Hoffmann et al. 2022, eq. 4 inverted): Sardana et al.'s reference
    ("Chinchilla-style") model. With their coefficients a 13B model gets 576 billion tokens,
    44 per parameter, not the 20 of the rule of thumb.

    >>> round(chinchilla_style_tokens(13e9) / 1e9, 1)
    576.5
    """
    n = number_in_range("params", params, 0, None, low_inclusive=False)
    return float(f.chinchilla_style_tokens(n, get_law(law)))


def _target_loss(loss, law: LossLaw) -> float:
    return number_in_range("loss", loss, law.E, None, low_inclusive=False)


@dataclass(frozen=True)
class InferenceOptimum:
    """The model of lowest lifetime FLOPs at a loss (see :func:`inference_optimal`)."""

    loss: float
    inference_tokens: float
    params: float
    tokens: float
    lifetime_flops: float

    @property
    def tokens_per_param(self) -> float:
        """D/N of the optimum."""
        return self.tokens / self.params


def inference_optimal(loss, inference_tokens, law=SARDANA_2024) -> InferenceOptimum:
    """The N and D_train that reach ``loss`` with the fewest lifetime FLOPs.

    Minimises 6·N·D + 2·N·T subject to L(N, D) = ℓ (Sardana et al. 2024). The first-order
    condition is one equation in D
    (:func:`scalinglaws.inference_formulas.optimality_residual`), monotone in D, solved
    here with scipy's Brent method on the bracket of
    :func:`scalinglaws.inference_formulas.inference_optimal_tokens` (which the website
    solves by bisection); N follows from the loss.

    Parameters
    ----------
    loss : float
        Target loss ℓ (nats per token), above the law's E.
    inference_tokens : float
        Lifetime inference tokens T, ≥ 0 (0 gives the compute-optimal model).
    law : LossLaw or str
        The loss law; default Sardana et al.'s coefficients (:data:`SARDANA_2024`).

    Examples
    --------
    The authors' README example (loss 1.947, 2 trillion inference tokens):

    >>> opt = inference_optimal(1.947, 2e12)
    >>> f"{opt.params:.4g}", f"{opt.tokens:.4g}"
    ('2.418e+10', '2.657e+12')
    """
    law = get_law(law)
    ell = _target_loss(loss, law)
    t = number_in_range("inference_tokens", inference_tokens, 0, None)
    low = (law.B * (law.beta / law.alpha + 1.0) / (ell - law.E)) ** (1.0 / law.beta)
    if t == 0:
        tokens = low
    else:
        high = max(2.0 ** (1.0 / law.beta) * low,
                   (2.0 * t * law.beta * law.B * INFERENCE_FLOPS_PER_PARAM_TOKEN
                    / (FLOPS_PER_PARAM_TOKEN * law.alpha * (ell - law.E)))
                   ** (1.0 / (law.beta + 1.0)))
        root = brentq(lambda log_d: f.optimality_residual(math.exp(log_d), ell, t, law),
                      math.log(low), math.log(high), xtol=1e-14, rtol=1e-15, maxiter=500)
        tokens = math.exp(root)
    params = float(f.iso_loss_params(tokens, ell, law))
    return InferenceOptimum(ell, t, params, tokens, float(f.lifetime_flops(params, tokens, t)))


def lifetime_flops_at_loss(params, loss, inference_tokens, law=SARDANA_2024) -> float:
    """Lifetime FLOPs of a model of ``params`` trained just long enough to reach ``loss``.

    D from the law (:func:`scalinglaws.inference_formulas.iso_loss_tokens`); infinite
    when N is too small ever to reach the loss.

    >>> f"{lifetime_flops_at_loss(1e8, 2.0, 0):.3g}"
    'inf'
    """
    law = get_law(law)
    n = number_in_range("params", params, 0, None, low_inclusive=False)
    ell = _target_loss(loss, law)
    t = number_in_range("inference_tokens", inference_tokens, 0, None)
    if ell - law.E - law.A / n**law.alpha <= 0:
        return math.inf
    return float(f.lifetime_flops(n, f.iso_loss_tokens(n, ell, law), t))


@dataclass(frozen=True)
class InferenceAwareSizing:
    """A Chinchilla-style reference model against the inference-aware optimum of its loss."""

    law: LossLaw
    reference_params: float
    reference_tokens: float
    loss: float
    inference_tokens: float
    reference_flops: float
    optimum: InferenceOptimum
    grid_params: np.ndarray
    grid_flops: np.ndarray
    grid_training_flops: np.ndarray
    objective: str = "flops"
    priced_tokens: float = 0.0

    @property
    def flops_ratio(self) -> float:
        """Lifetime FLOPs of the optimum over the reference's (≤ 1); with a cost objective,
        lifetime cost over the reference's."""
        return self.optimum.lifetime_flops / self.reference_flops

    @property
    def flops_saved(self) -> float:
        """Lifetime FLOPs saved by the optimum."""
        return self.reference_flops - self.optimum.lifetime_flops


def priced_inference_tokens(inference_tokens, objective="flops") -> float:
    """Demand in the units an objective minimises: the tokens themselves for ``"flops"``; for
    a cost objective of :data:`COST_OBJECTIVES`, :func:`cost_equivalent_inference_tokens` with
    :data:`INPUT_SHARE` of them read as prompts.

    >>> round(priced_inference_tokens(1e12, "same-chip") / 1e12, 6)
    10.8
    """
    t = number_in_range("inference_tokens", inference_tokens, 0, None)
    if objective not in OBJECTIVE_LABELS:
        raise ValueError(f"objective must be one of {', '.join(OBJECTIVE_LABELS)}; "
                         f"got {objective!r}")
    if objective == "flops":
        return t
    costs = COST_OBJECTIVES[objective]
    return float(f.cost_equivalent_tokens(
        t, INPUT_SHARE, costs.prefill_usd_per_flop / costs.train_usd_per_flop,
        costs.decode_usd_per_flop / costs.train_usd_per_flop))


def inference_aware_sizing(reference_params, inference_tokens,
                           law="sardana2024", objective="flops") -> InferenceAwareSizing:
    """Compare a compute-optimal model of ``reference_params`` with the optimum for demand.

    The reference is Sardana et al.'s "Chinchilla-style" model (compute-optimal under the
    same law, :func:`chinchilla_style_tokens`); the target loss is its loss; the optimum is
    :func:`inference_optimal` for ``inference_tokens``. The grid traces lifetime FLOPs at that
    loss against model size, for the figure. With a cost ``objective`` (a key of
    :data:`COST_OBJECTIVES`) the demand is priced first (:func:`priced_inference_tokens`), and
    the FLOPs are lifetime cost in training-FLOP equivalents: the optimum is then
    :func:`cost_optimal`'s.

    Examples
    --------
    >>> s = inference_aware_sizing(13e9, 2e12)
    >>> round(s.optimum.params / 1e9, 2), round(s.optimum.tokens / 1e9), round(s.flops_ratio, 3)
    (6.97, 1248, 0.826)
    """
    law = INFERENCE_LAWS[law] if isinstance(law, str) and law in INFERENCE_LAWS else \
        get_law(law)
    n = number_in_range("reference_params", reference_params, 0, None, low_inclusive=False)
    t_real = number_in_range("inference_tokens", inference_tokens, 0, None)
    t = priced_inference_tokens(t_real, objective)
    d = float(f.chinchilla_style_tokens(n, law))
    ell = float(f.loss_of(n, d, law))
    optimum = inference_optimal(ell, t, law)
    reference_flops = float(f.lifetime_flops(n, d, t))
    grid = _grid(n, optimum.params, ell, law)
    tokens = f.iso_loss_tokens(grid, ell, law)
    return InferenceAwareSizing(law, n, d, ell, t_real, reference_flops, optimum, grid,
                                f.lifetime_flops(grid, tokens, t),
                                f.lifetime_flops(grid, tokens, 0.0), objective, t)


def _grid(reference_params: float, optimum_params: float, loss: float, law) -> np.ndarray:
    """Model sizes for the figure: from just above the smallest that can reach the loss (or a
    tenth of the optimum) to three times the reference, 41 points evenly in log."""
    smallest = (law.A / (loss - law.E)) ** (1.0 / law.alpha)
    low = max(1.25 * smallest, optimum_params / 10.0)
    return np.logspace(np.log10(low), np.log10(3.0 * reference_params), 41)


# --- Cost-optimal sizing (Sardana et al. 2024, real-world cost) -------------------------------


def usd_per_flop(usd_per_hour, peak_flops) -> float:
    """Dollars per FLOP at full use of a chip: price per hour over FLOPs per hour at peak.

    The authors' ``cost_calculator.py`` (``sardana2024code``): cost_per_flop = $/h ÷
    (3600 · peak FLOP/s). Dividing by the share of the peak reached (MFU) gives the cost
    of a FLOP actually done.

    Parameters
    ----------
    usd_per_hour : float
        Rental price of one accelerator, dollars per hour, > 0.
    peak_flops : float
        Its peak in the number format used, FLOP/s, > 0.

    Examples
    --------
    An A100 at $1.40 an hour and 312 dense BF16 TFLOP/s:

    >>> f"{usd_per_flop(1.40, 312e12):.3g}"
    '1.25e-18'
    """
    price = number_in_range("usd_per_hour", usd_per_hour, 0, None, low_inclusive=False)
    peak = number_in_range("peak_flops", peak_flops, 0, None, low_inclusive=False)
    return price / (3600.0 * peak)


@dataclass(frozen=True)
class CostAssumptions:
    """Prices, peaks and utilisations for training and serving (Sardana et al.'s cost inputs).

    ``train_mfu``, ``prefill_mfu`` and ``decode_mfu`` are the shares of the peak reached in
    training, in reading prompts (prefill) and in generating (decode), each in (0, 1].
    """

    train_usd_per_hour: float
    train_peak_flops: float
    train_mfu: float
    inference_usd_per_hour: float
    inference_peak_flops: float
    prefill_mfu: float
    decode_mfu: float
    name: str = ""

    def __post_init__(self):
        for key in ("train_usd_per_hour", "train_peak_flops", "inference_usd_per_hour",
                    "inference_peak_flops"):
            number_in_range(key, getattr(self, key), 0, None, low_inclusive=False)
        for key in ("train_mfu", "prefill_mfu", "decode_mfu"):
            number_in_range(key, getattr(self, key), 0, 1, low_inclusive=False)

    @property
    def train_usd_per_flop(self) -> float:
        """Dollars per training FLOP done: :func:`usd_per_flop` over the training MFU."""
        return usd_per_flop(self.train_usd_per_hour, self.train_peak_flops) / self.train_mfu

    @property
    def prefill_usd_per_flop(self) -> float:
        """Dollars per prefill FLOP done."""
        return usd_per_flop(self.inference_usd_per_hour,
                            self.inference_peak_flops) / self.prefill_mfu

    @property
    def decode_usd_per_flop(self) -> float:
        """Dollars per decode FLOP done."""
        return usd_per_flop(self.inference_usd_per_hour,
                            self.inference_peak_flops) / self.decode_mfu


#: The README example of the authors' ``cost_optimal.py`` (``sardana2024code``): training on
#: A100-80GB at $1.40/h, BF16 peak 3.12e14, 50 % MFU; inference on A100-40GB at $0.60/h in
#: INT8, peak 6.24e14, prefill 40 %, decode 20 %.
SARDANA_README_COSTS = CostAssumptions(1.40, 3.12e14, 0.5, 0.60, 6.24e14, 0.4, 0.2,
                                       name="README: A100s, INT8 serving")
#: One H100 for both at AWS's late-2024 $4.916/h (``aws2024capacityblocks``), BF16 dense peak
#: 9.895e14, with the utilisations the authors' code assumes by default: training 50 %,
#: prefill 50 %, decode ("generation") 1 %.
SAME_CHIP_LOW_DECODE_MFU = CostAssumptions(4.916, 9.895e14, 0.5, 4.916, 9.895e14, 0.5, 0.01,
                                           name="one H100 price, 1 % decode MFU")
#: What the inference-aware calculator can minimise: lifetime FLOPs, or lifetime dollars under
#: one of two sets of :class:`CostAssumptions`.
COST_OBJECTIVES = {"same-chip": SAME_CHIP_LOW_DECODE_MFU, "readme": SARDANA_README_COSTS}
OBJECTIVE_LABELS = {"flops": "lifetime FLOPs",
                    "same-chip": "dollars: one H100 price, decode at 1 % MFU",
                    "readme": "dollars: README hardware (INT8 serving on cheaper A100s)"}
#: Share of served tokens that are prompts when only a total is given: the README example's
#: 1,000 input and 250 output tokens per request (``sardana2024code``).
INPUT_SHARE = 1000 / 1250


def cost_equivalent_inference_tokens(input_tokens, output_tokens,
                                     costs: CostAssumptions = SARDANA_README_COSTS) -> float:
    """Inference tokens that would cost, at the training price per FLOP, what serving costs.

    Lifetime cost is 6·N·D·c_tr + 2·N·T_in·c_pre + 2·N·T_out·c_dec, with c the dollars per
    FLOP done (price per peak FLOP over MFU). Factoring out c_tr leaves the lifetime FLOPs
    of :func:`lifetime_flops` with T_eq = (T_in·c_pre + T_out·c_dec) / c_tr tokens served,
    so the cost optimum is the FLOP optimum for T_eq. This is the ratio the authors'
    ``CostModel.cost_optimal_train_tokens`` puts in place of T (``sardana2024code``,
    ``cost_optimal.py``; the paper's cost section, whose equation numbers the course did
    not read).

    Parameters
    ----------
    input_tokens, output_tokens : float
        Lifetime prompt (prefill) and generated (decode) tokens, ≥ 0.
    costs : CostAssumptions
        Prices, peaks and utilisations.

    Examples
    --------
    The README example's 10¹⁰ requests of 1,000 input and 250 output tokens (12.5 trillion
    tokens) cost as much as 4.0 trillion tokens would at the training price per FLOP:

    >>> f"{cost_equivalent_inference_tokens(1e13, 2.5e12):.3g}"
    '4.02e+12'
    """
    t_in = number_in_range("input_tokens", input_tokens, 0, None)
    t_out = number_in_range("output_tokens", output_tokens, 0, None)
    return ((t_in * costs.prefill_usd_per_flop + t_out * costs.decode_usd_per_flop)
            / costs.train_usd_per_flop)


def lifetime_cost(params, train_tokens, input_tokens, output_tokens,
                  costs: CostAssumptions = SARDANA_README_COSTS) -> float:
    """Dollars to train on ``train_tokens`` and serve the prompt and generated tokens.

    6·N·D·c_tr + 2·N·T_in·c_pre + 2·N·T_out·c_dec (see :func:`cost_equivalent_inference_tokens`).

    Examples
    --------
    The README of the authors' ``cost_calculator.py`` prints "Total (Train + Inference) Cost
    ($): 6.378e+05" for a 30B Chinchilla-style model (1.556e12 tokens) serving 10⁹ requests
    of 500 input and 100 output tokens. The script ignores the prices given on its command
    line and uses its defaults (research/inference-facts.md §2): training on H100s at $2.00/h
    (BF16 peak 9.89e14, 50 %), serving on A100-40GB at $1.10/h (INT8 peak 6.24e14, prefill
    50 %, decode 1 %):

    >>> defaults = CostAssumptions(2.00, 9.89e14, 0.5, 1.10, 6.24e14, 0.5, 0.01)
    >>> f"{lifetime_cost(30e9, 1.556e12, 5e11, 1e11, defaults):.4g}"
    '6.378e+05'
    """
    n = number_in_range("params", params, 0, None)
    d = number_in_range("train_tokens", train_tokens, 0, None)
    t_eq = cost_equivalent_inference_tokens(input_tokens, output_tokens, costs)
    return float(f.lifetime_flops(n, d, t_eq)) * costs.train_usd_per_flop


@dataclass(frozen=True)
class CostOptimum:
    """The cost optimum at a loss, against the FLOP optimum and the Chinchilla-style model."""

    loss: float
    input_tokens: float
    output_tokens: float
    costs: CostAssumptions
    equivalent_tokens: float
    optimum: InferenceOptimum
    flop_optimum: InferenceOptimum
    reference: InferenceOptimum
    cost: float
    reference_cost: float
    flop_optimum_cost: float

    @property
    def cost_ratio(self) -> float:
        """Lifetime cost of the cost optimum over the Chinchilla-style model's (≤ 1)."""
        return self.cost / self.reference_cost


def cost_optimal(loss, input_tokens, output_tokens, costs: CostAssumptions = SARDANA_README_COSTS,
                 law=SARDANA_2024) -> CostOptimum:
    """The N and D_train that reach ``loss`` at the lowest lifetime cost in dollars.

    Sardana et al.'s real-world-cost variant: minimise 6·N·D·c_tr + 2·N·T_in·c_pre +
    2·N·T_out·c_dec subject to L(N, D) = ℓ. It is :func:`inference_optimal` with T replaced by
    :func:`cost_equivalent_inference_tokens`. Also returns the FLOP optimum for the same
    tokens (T_in + T_out) and the Chinchilla-style model of the loss (T = 0), with their costs.

    Examples
    --------
    The authors' README example (``sardana2024code``, ``cost_optimal.py``): N = 2.053e10,
    D = 3.302e12, "60.23% of the parameters", "182.41% of the tokens", "88.76%" of the cost:

    >>> c = cost_optimal(1.947, 1e13, 2.5e12)
    >>> f"{c.optimum.params:.4g}", f"{c.optimum.tokens:.4g}", f"{100 * c.cost_ratio:.2f}"
    ('2.053e+10', '3.302e+12', '88.76')
    """
    law = get_law(law)
    ell = _target_loss(loss, law)
    t_eq = cost_equivalent_inference_tokens(input_tokens, output_tokens, costs)
    t_in, t_out = float(input_tokens), float(output_tokens)
    optimum = inference_optimal(ell, t_eq, law)
    flop_optimum = inference_optimal(ell, t_in + t_out, law)
    reference = inference_optimal(ell, 0.0, law)

    def dollars(model: InferenceOptimum) -> float:
        return lifetime_cost(model.params, model.tokens, t_in, t_out, costs)

    return CostOptimum(ell, t_in, t_out, costs, t_eq, optimum, flop_optimum, reference,
                       dollars(optimum), dollars(reference), dollars(flop_optimum))


def cost_table(loss=1.947, input_tokens=1e13, output_tokens=2.5e12,
               assumptions=(SARDANA_README_COSTS, SAME_CHIP_LOW_DECODE_MFU),
               law=SARDANA_2024) -> pd.DataFrame:
    """The Chinchilla-style model, the FLOP optimum and cost optima under several assumptions.

    One row each: the tokens the optimum is solved for (T_eq for the cost rows, T_in + T_out
    for the FLOP row, 0 for the reference), its parameters, training tokens and tokens per
    parameter. Defaults: the authors' README demand (10¹⁰ requests of 1,000 input and 250
    output tokens at loss 1.947).

    >>> t = cost_table()
    >>> float(t.loc["FLOP optimum", "N (billion)"])
    15.2
    """
    c = [cost_optimal(loss, input_tokens, output_tokens, costs, law) for costs in assumptions]
    rows = {"Chinchilla-style (no demand)": (0.0, c[0].reference),
            "FLOP optimum": (c[0].input_tokens + c[0].output_tokens, c[0].flop_optimum)}
    for costs, result in zip(assumptions, c, strict=True):
        rows[f"cost, {costs.name}"] = (result.equivalent_tokens, result.optimum)
    return pd.DataFrame({
        "tokens solved for (trillion)": [t / 1e12 for t, _ in rows.values()],
        "N (billion)": [m.params / 1e9 for _, m in rows.values()],
        "D (trillion)": [m.tokens / 1e12 for _, m in rows.values()],
        "tokens per parameter": [m.tokens_per_param for _, m in rows.values()],
    }, index=list(rows)).round(1)


# --- Serving: memory and the roofline of decoding ---------------------------------------------


def _precision_key(precision) -> str:
    if precision not in PRECISION_BITS:
        raise ValueError(f"precision must be one of {', '.join(PRECISION_BITS)}; "
                         f"got {precision!r}")
    return precision


def weight_bytes(params, precision) -> float:
    """Bytes of ``params`` weights stored in ``precision`` (a key of :data:`PRECISION_BITS`).

    >>> round(weight_bytes(8.03e9, "bf16") / 1e9, 2), round(weight_bytes(8.03e9, "nvfp4") / 1e9, 2)
    (16.06, 4.52)
    """
    n = number_in_range("params", params, 0, None)
    return float(f.weight_bytes(n, PRECISION_BITS[_precision_key(precision)]))


def kv_cache_bytes(model: str, precision, context_tokens, batch=1) -> float:
    """Key-value cache bytes of ``batch`` sequences of ``context_tokens`` for ``model``.

    2 (K and V) · layers · KV heads · head dim · bytes per value per token (Pope et al.
    2022 discuss it; grouped-query attention keeps 8 KV heads in Llama 3).

    >>> round(kv_cache_bytes("Llama 3 8B", "bf16", 8192) / 2**30, 3)
    1.0
    """
    a = architecture(model)
    bits = PRECISION_BITS[_precision_key(precision)]
    context = number_in_range("context_tokens", context_tokens, 0, None)
    batch = integer_in_range("batch", batch, 1, None)
    return float(f.kv_bytes_per_token(a["layers"], a["kv_heads"], a["head_dim"], bits)
                 * context * batch)


@dataclass(frozen=True)
class ServingEstimate:
    """Memory, decode-throughput bound and cost of serving (see :func:`serving_estimate`)."""

    model: str
    params: float
    precision: str
    accelerator: str
    batch: int
    context: int
    usd_per_hour: float
    utilisation: float
    peak_flops: float
    bandwidth: float
    memory_per_accelerator: float
    weight_bytes: float
    kv_bytes: float
    n_accelerators: int
    compute_seconds: float
    memory_seconds: float
    tokens_per_second: float
    usd_per_million_tokens: float
    curve_batch: np.ndarray
    curve_compute_bound: np.ndarray
    curve_memory_bound: np.ndarray

    @property
    def total_bytes(self) -> float:
        """Weights plus key-value cache."""
        return self.weight_bytes + self.kv_bytes

    @property
    def bandwidth_bound(self) -> bool:
        """Whether reading memory, not arithmetic, sets the step time."""
        return self.memory_seconds >= self.compute_seconds

    @property
    def intensity(self) -> float:
        """FLOPs per byte read in one decode step."""
        return INFERENCE_FLOPS_PER_PARAM_TOKEN * self.params * self.batch / self.total_bytes

    @property
    def ridge_point(self) -> float:
        """FLOPs per byte at which the chip's compute and bandwidth limits meet."""
        return self.peak_flops / self.bandwidth

    @property
    def decode_mfu(self) -> float:
        """Share of the accelerators' full peak that the decode bound uses: 2·N·tokens/s over
        the peak (before the ``utilisation`` discount), the MFU of decoding at this batch.

        >>> round(100 * serving_estimate().decode_mfu, 1)
        2.6
        """
        return (INFERENCE_FLOPS_PER_PARAM_TOKEN * self.params * self.tokens_per_second
                / (self.peak_flops / self.utilisation))


def _chip(chips: pd.DataFrame, name) -> pd.Series:
    rows = chips[chips["name"] == name]
    if rows.empty:
        raise ValueError(f"accelerator must be the name of a chip in the table "
                         f"(e.g. {chips['name'].iloc[0]!r}); got {name!r}")
    return rows.iloc[0]


def serving_estimate(model="Llama 3 8B", precision="bf16", accelerator="NVIDIA H100 (SXM5 80GB)",
                     batch=16, context=8192, usd_per_hour=4.916, utilisation=1.0,
                     chips: pd.DataFrame | None = None) -> ServingEstimate:
    """Memory, the decode-throughput bound and $ per million tokens of serving ``model``.

    Weights and the key-value cache (``batch`` sequences of ``context`` tokens, stored in the
    same format) must fit in the accelerators' memory: the count is the smallest that holds
    them (activations and fragmentation ignored; ideal tensor parallelism). One decode step
    makes one token per sequence: 2·N·batch FLOPs and one read of the weights and the cache.
    Its time is the roofline's slower side, at ``utilisation`` of the peak FLOP/s (dense,
    from the accelerator table at the format's width) and of the memory bandwidth. Cost is
    the accelerators' hourly price over tokens per hour. Prefill and attention FLOPs are
    left out.

    Examples
    --------
    >>> s = serving_estimate(batch=1)
    >>> s.n_accelerators, s.bandwidth_bound, round(s.tokens_per_second)
    (1, True, 196)
    """
    from scalinglaws.datasets import load_accelerators

    chips = load_accelerators() if chips is None else chips
    usd = number_in_range("usd_per_hour", usd_per_hour, 0, 1000, low_inclusive=False)
    share = number_in_range("utilisation", utilisation, 0, 1, low_inclusive=False)
    a = architecture(model)
    key = _precision_key(precision)
    row = _chip(chips, accelerator)
    column = f"{PRECISION_PEAK_COLUMN[key]}_tflops_dense"
    peak_tflops = float(row[column])
    if not math.isfinite(peak_tflops):
        have = [k for k in ("fp32", "tf32", "bf16", "fp16", "fp8", "fp4")
                if math.isfinite(float(row[f"{k}_tflops_dense"]))]
        raise ValueError(f"precision {precision!r} needs a dense {PRECISION_PEAK_COLUMN[key]} "
                         f"figure, which the table lacks for {accelerator}; it has "
                         f"{', '.join(have)}")
    batch = int(batch)
    if batch not in BATCH_SIZES:
        raise ValueError(f"batch must be one of {', '.join(map(str, BATCH_SIZES))}; "
                         f"got {batch!r}")
    context = int(context)
    if context not in CONTEXT_LENGTHS:
        raise ValueError(f"context must be one of {', '.join(map(str, CONTEXT_LENGTHS))}; "
                         f"got {context!r}")
    params = model_params(model)
    bits = PRECISION_BITS[key]
    weights = float(f.weight_bytes(params, bits))
    per_sequence = float(f.kv_bytes_per_token(a["layers"], a["kv_heads"], a["head_dim"], bits)
                         * context)
    memory = float(row["memory_gb"]) * 1e9
    n_chips = int(math.ceil((weights + per_sequence * batch) / memory))
    peak = peak_tflops * 1e12 * n_chips * share
    bandwidth = float(row["bandwidth_tbps"]) * 1e12 * n_chips * share
    curve = np.array(BATCH_SIZES, dtype=float)
    flops = INFERENCE_FLOPS_PER_PARAM_TOKEN * params * batch
    compute_s, memory_s = flops / peak, (weights + per_sequence * batch) / bandwidth
    rate = batch / f.decode_step_seconds(flops, weights + per_sequence * batch, peak, bandwidth)
    return ServingEstimate(
        model, params, key, str(accelerator), batch, context, usd, share, peak, bandwidth,
        memory, weights, per_sequence * batch, n_chips, compute_s, memory_s, rate,
        float(f.cost_per_million_tokens(n_chips, usd, rate)), curve,
        peak / (INFERENCE_FLOPS_PER_PARAM_TOKEN * params) * np.ones_like(curve),
        curve * bandwidth / (weights + per_sequence * curve))


# --- Reliability over many steps -------------------------------------------------------------


def compound_success(step_success, steps):
    """Task success = p^k for k independent steps that each succeed with probability p.

    >>> round(compound_success(0.99, 100), 3), round(compound_success(0.999, 100), 3)
    (0.366, 0.905)
    """
    p = numbers("step_success", step_success, 0, 1)
    k = numbers("steps", steps, 0, None)
    result = p**k
    return float(result) if np.ndim(result) == 0 else result


def steps_at_success(step_success, task_success=0.5) -> float:
    """Steps a task can have and still succeed with ``task_success``: k = ln s / ln p.

    >>> round(steps_at_success(0.99), 1), round(steps_at_success(0.999), 1)
    (69.0, 692.8)
    """
    p = number_in_range("step_success", step_success, 0, 1, low_inclusive=False,
                        high_inclusive=False)
    s = number_in_range("task_success", task_success, 0, 1, low_inclusive=False,
                        high_inclusive=False)
    return math.log(s) / math.log(p)



def step_success_for(task_success, steps) -> float:
    """Per-step success needed for a task of ``steps`` steps to succeed with ``task_success``.

    p = s^(1/k): 99 % over 100 steps needs 99.99 % per step.

    >>> round(step_success_for(0.99, 100), 6)
    0.9999
    """
    s = number_in_range("task_success", task_success, 0, 1, low_inclusive=False)
    k = number_in_range("steps", steps, 0, None, low_inclusive=False)
    return s ** (1.0 / k)


# --- What demand justifies a published run -------------------------------------------------


def implied_inference_tokens(params, train_tokens, law=SARDANA_2024) -> float:
    """The lifetime demand for which a model of N parameters on D tokens is inference-optimal.

    Sardana et al.'s condition is linear in T: with ℓ = L(N, D),
    T = (ℓ − E − (βB/α + B)·D^(−β)) · (6/2)·α·D^(β+1) / (βB). Zero or negative means the run
    is at or short of the compute-optimal length for its loss (no demand needed).

    Llama 3 8B on 15 trillion tokens, under Sardana et al.'s law:

    >>> f"{implied_inference_tokens(8.03e9, 15e12):.2g}"
    '8.8e+13'
    """
    law = get_law(law)
    n = number_in_range("params", params, 0, None, low_inclusive=False)
    d = number_in_range("train_tokens", train_tokens, 0, None, low_inclusive=False)
    ell = float(f.loss_of(n, d, law))
    gap = -float(f.optimality_residual(d, ell, 0.0, law))
    return gap * FLOPS_PER_PARAM_TOKEN / INFERENCE_FLOPS_PER_PARAM_TOKEN * law.alpha \
        * d ** (law.beta + 1.0) / (law.beta * law.B)


def memory_table(models=None, precisions=("bf16", "fp8", "mxfp4", "nvfp4"),
                 context=8192) -> pd.DataFrame:
    """Weights (GB) in each format, and the key-value cache of one sequence of ``context`` tokens.

    >>> memory_table().loc["Llama 3 8B", "bf16"]
    np.float64(16.06)
    """
    names = list(load_model_architectures()["name"]) if models is None else list(models)
    rows = {}
    for name in names:
        n = model_params(name)
        row = {"params (billions)": round(n / 1e9, 2)}
        row.update({p: round(weight_bytes(n, p) / 1e9, 2) for p in precisions})
        row[f"KV cache, {context:,} tokens, bf16 (GiB)"] = round(
            kv_cache_bytes(name, "bf16", context) / 2**30, 2)
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def peak_table(chips: pd.DataFrame | None = None, names=None) -> pd.DataFrame:
    """Dense peak TFLOP/s by format, memory, bandwidth and the BF16 ridge point (FLOP/byte).

    >>> round(peak_table().loc["NVIDIA H100 (SXM5 80GB)", "ridge (FLOP/byte, BF16)"])
    295
    """
    from scalinglaws.datasets import load_accelerators

    chips = load_accelerators() if chips is None else chips
    if names is not None:
        chips = chips[chips["name"].isin(names)]
    table = pd.DataFrame({
        "BF16": chips["bf16_tflops_dense"].to_numpy(),
        "FP8": chips["fp8_tflops_dense"].to_numpy(),
        "FP4": chips["fp4_tflops_dense"].to_numpy(),
        "memory (GB)": chips["memory_gb"].to_numpy(),
        "bandwidth (TB/s)": chips["bandwidth_tbps"].to_numpy(),
    }, index=chips["name"].to_numpy())
    table["ridge (FLOP/byte, BF16)"] = (table["BF16"] / table["bandwidth (TB/s)"]).round(0)
    return table


# --- Hardware for serving and for training ----------------------------------------------------

#: Rows of the accelerator table the hardware section compares: two GPUs sold for both jobs
#: and two TPUs Google presents for serving (``googlecloud2023v5e``, ``google2025ironwood``).
SERVING_HARDWARE = ("NVIDIA H100 (SXM5 80GB)", "NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)",
                    "Google TPU v5e", "Google TPU7x (Ironwood)")


def chips_to_hold(total_bytes, memory_bytes_per_chip) -> int:
    """Fewest chips whose memory holds ``total_bytes``: ⌈total / per chip⌉.

    >>> chips_to_hold(70.6e9, 80e9), chips_to_hold(70.6e9, 16e9)
    (1, 5)
    """
    total = number_in_range("total_bytes", total_bytes, 0, None)
    per_chip = number_in_range("memory_bytes_per_chip", memory_bytes_per_chip, 0, None,
                               low_inclusive=False)
    return max(1, math.ceil(total / per_chip))


def serving_hardware_table(names=SERVING_HARDWARE, model="Llama 3 70B", precision="fp8",
                           chips: pd.DataFrame | None = None) -> pd.DataFrame:
    """Memory, bandwidth, BF16 ridge point and the chips needed to hold ``model``'s weights.

    From the course's accelerator table (:func:`peak_table`); the last column is
    :func:`chips_to_hold` of :func:`weight_bytes` (weights only, no key-value cache).

    >>> t = serving_hardware_table()
    >>> int(t.loc["Google TPU v5e", "chips for Llama 3 70B weights (FP8)"])
    5
    """
    table = peak_table(chips, names)[["BF16", "memory (GB)", "bandwidth (TB/s)",
                                       "ridge (FLOP/byte, BF16)"]].copy()
    weights = weight_bytes(model_params(model), precision)
    column = f"chips for {model} weights ({PRECISION_LABELS[_precision_key(precision)]})"
    table[column] = [chips_to_hold(weights, gb * 1e9) for gb in table["memory (GB)"]]
    return table


def transfer_seconds(total_bytes, link_gbit_per_s) -> float:
    """Seconds to move ``total_bytes`` over a link of ``link_gbit_per_s`` gigabits a second.

    Moving a prompt's key-value cache from a prefill machine to a decode machine, as
    disaggregated serving does (``patel2024splitwise``), costs this much at least.

    >>> round(transfer_seconds(2**30, 400) * 1e3, 1)
    21.5
    """
    size = number_in_range("total_bytes", total_bytes, 0, None)
    link = number_in_range("link_gbit_per_s", link_gbit_per_s, 0, None, low_inclusive=False)
    return size * 8 / (link * 1e9)
