"""Chapter 6's closed-form formulas, written once for Python and for the static website.

:mod:`scalinglaws.inference` checks the inputs (naming the argument and its range) and calls
these functions; the web translator (``scalinglaws.web.translate``) turns this module into
JavaScript (``make js``), so the calculators on the published page compute with the same
expressions. To stay translatable the module keeps to a small subset of Python: functions of
numbers and of a law with attributes ``law.E``, ``law.A``, ``law.B``, ``law.alpha``,
``law.beta``; arithmetic; ``np.exp``, ``np.log``, ``np.ceil``, ``max``; a ``for`` loop over
``range``; no input checks. The FLOP counts per parameter and token (6 for training, 2 for
a forward pass) are the package's, from :mod:`scalinglaws.units`.

Sources: Kaplan et al. (2020), Table 1 and §2.1 (2·N per token forward, 6·N per token
trained); Hoffmann et al. (2022), eqs. 2 and 4 (the loss law and its compute-optimal
allocation); Sardana, Portes, Doubov & Frankle (2024), "Beyond Chinchilla-Optimal", and the
authors' code (``nikhilsardana/beyond-chinchilla``, ``compute_optimal.py``), for the
inference-aware optimum; Pope et al. (2022) for the key-value cache and decoding being
limited by memory bandwidth.
"""

from __future__ import annotations

import numpy as np

from scalinglaws.units import (
    FLOPS_PER_PARAM_TOKEN,
    INFERENCE_FLOPS_PER_PARAM_TOKEN,
    SECONDS_PER_DAY,
)

#: Steps of the bisection in log D: each halves the bracket; 200 is far beyond the ~60
#: needed to reach the precision of a double, so the answer does not depend on the bracket.
BISECTION_STEPS = 200
#: Bits in a byte.
BITS_PER_BYTE = 8.0


# --- Lifetime compute: 6·N·D_train + 2·N·D_inference -----------------------------------------


def inference_flops(params, inference_tokens):
    """Forward-pass FLOPs of serving ``inference_tokens`` tokens: 2·N·D_inference.

    Kaplan et al. (2020), Table 1: C_forward ≈ 2N per token (the context term left out).

    >>> float(inference_flops(8e9, 1e12))
    1.6e+22
    """
    return INFERENCE_FLOPS_PER_PARAM_TOKEN * params * inference_tokens


def lifetime_flops(params, train_tokens, inference_tokens):
    """Training plus inference FLOPs: 6·N·D_train + 2·N·D_inference.

    The objective of Sardana et al. (2024) (the authors' code: FLOPMode 6 and 2).

    >>> float(lifetime_flops(1e9, 2e10, 3e10))
    1.8e+20
    """
    return (FLOPS_PER_PARAM_TOKEN * params * train_tokens
            + INFERENCE_FLOPS_PER_PARAM_TOKEN * params * inference_tokens)


def breakeven_inference_tokens(train_tokens):
    """Tokens served at which inference FLOPs equal training FLOPs: (6/2)·D_train = 3·D_train.

    Independent of N, as long as the model served is the model trained.

    >>> float(breakeven_inference_tokens(15e12))
    45000000000000.0
    """
    return FLOPS_PER_PARAM_TOKEN / INFERENCE_FLOPS_PER_PARAM_TOKEN * train_tokens


def crossover_day(train_tokens, tokens_per_day):
    """Day of service on which cumulative inference FLOPs overtake training: 3·D_train / rate.

    >>> float(crossover_day(15e12, 1e11))
    450.0
    """
    return breakeven_inference_tokens(train_tokens) / tokens_per_day


# --- Inference-aware sizing (Sardana et al. 2024) --------------------------------------------


def law_g(law):
    """G = (αA/(βB))^(1/(α+β)) of Hoffmann et al. (2022), eq. 4."""
    return (law.alpha * law.A / (law.beta * law.B)) ** (1.0 / (law.alpha + law.beta))


def chinchilla_style_tokens(params, law):
    """Training tokens of a compute-optimal model of ``params`` parameters under ``law``.

    Inverting eq. 4 of Hoffmann et al. (2022): C/6 = (N/G)^((α+β)/β), so
    D = G⁻¹·(N/G)^(α/β). Sardana et al. call this the "Chinchilla-style" model of size N
    (the authors' ``chinchilla_tokens_from_params``): with their coefficients about 40–60
    tokens per parameter for 7B–70B, not the rule of thumb of 20.
    """
    g = law_g(law)
    return (params / g) ** (law.alpha / law.beta) / g


def loss_of(params, tokens, law):
    """The Chinchilla loss E + A/N^α + B/D^β (Hoffmann et al. 2022, eq. 2)."""
    return law.E + law.A / params**law.alpha + law.B / tokens**law.beta


def iso_loss_tokens(params, loss, law):
    """Tokens D that bring N parameters to ``loss``: D = (B/(ℓ − E − A/N^α))^(1/β).

    Finite only when N is larger than the size whose loss with unlimited data is ℓ.
    """
    return (law.B / (loss - law.E - law.A / params**law.alpha)) ** (1.0 / law.beta)


def iso_loss_params(tokens, loss, law):
    """Parameters N that reach ``loss`` on D tokens: N = (A/(ℓ − E − B/D^β))^(1/α)."""
    return (law.A / (loss - law.E - law.B / tokens**law.beta)) ** (1.0 / law.alpha)


def optimality_residual(tokens, loss, inference_tokens, law):
    """Sardana et al.'s first-order condition for min 6ND + 2NT subject to L(N, D) = ℓ.

    (βB/α + B)·D^(−β) + (T·βB/(3α))·D^(−β−1) = ℓ − E at the inference-aware optimum, with
    T the inference tokens (the 3 is 6/2).

    Returns the left side minus the right: zero at the optimum; it falls steadily with D,
    so the root is unique (the authors' ``Model.compute_optimal_train_tokens`` solves it by
    Newton's method).
    """
    ratio = INFERENCE_FLOPS_PER_PARAM_TOKEN / FLOPS_PER_PARAM_TOKEN
    data_term = (law.beta * law.B / law.alpha + law.B) * tokens ** (-law.beta)
    demand_term = (inference_tokens * ratio * law.beta * law.B / law.alpha
                   * tokens ** (-law.beta - 1.0))
    return data_term + demand_term + law.E - loss


def inference_optimal_tokens(loss, inference_tokens, law):
    """Training tokens of the inference-aware optimum, by bisection in log D.

    The residual's first term alone gives a lower end, D_low = (k₁/(ℓ − E))^(1/β) with
    k₁ = βB/α + B; each term at most half of ℓ − E gives an upper end. Bisection on that
    bracket always converges (the residual falls monotonically); with no inference demand
    the answer is D_low, the compute-optimal ("Chinchilla-style") model of that loss.
    """
    excess = loss - law.E
    k_data = law.beta * law.B / law.alpha + law.B
    k_demand = (inference_tokens * INFERENCE_FLOPS_PER_PARAM_TOKEN / FLOPS_PER_PARAM_TOKEN
                * law.beta * law.B / law.alpha)
    low = np.log((k_data / excess) ** (1.0 / law.beta))
    high = np.log(max((2.0 * k_data / excess) ** (1.0 / law.beta),
                      (2.0 * k_demand / excess) ** (1.0 / (law.beta + 1.0))))
    for _step in range(BISECTION_STEPS):
        middle = 0.5 * (low + high)
        if optimality_residual(np.exp(middle), loss, inference_tokens, law) > 0:
            low = middle
        else:
            high = middle
    return np.exp(0.5 * (low + high))


def cost_equivalent_tokens(inference_tokens, input_share, prefill_cost_ratio, decode_cost_ratio):
    """Demand priced in training FLOPs: T · (s · c_pre/c_tr + (1 − s) · c_dec/c_tr).

    With a share s of the served tokens read as prompts (prefill) and the rest generated
    (decode), and c the dollars per FLOP done in each phase, the dollar-optimal model is the
    FLOP-optimal one for this many tokens (Sardana et al.'s cost variant, as their
    ``cost_optimal.py`` computes it).
    """
    return inference_tokens * (input_share * prefill_cost_ratio
                               + (1.0 - input_share) * decode_cost_ratio)


# --- Serving: memory, the roofline of decoding, dollars per token ----------------------------


def weight_bytes(params, bits_per_param):
    """Bytes of the weights: N · bits / 8 (4.5 bits for NVFP4 with its block scales)."""
    return params * bits_per_param / BITS_PER_BYTE


def kv_bytes_per_token(layers, kv_heads, head_dim, bits):
    """Key-value cache bytes per token = 2 (K and V) · layers · KV heads · head dim · bits / 8."""
    return 2.0 * layers * kv_heads * head_dim * bits / BITS_PER_BYTE


def decode_step_seconds(flops, bytes_read, peak_flops, bandwidth):
    """Step time t = max(FLOPs / peak FLOP/s, bytes read / bandwidth): the roofline."""
    return max(flops / peak_flops, bytes_read / bandwidth)


def cost_per_million_tokens(n_accelerators, usd_per_accelerator_hour, tokens_per_second):
    """Dollars per million tokens = accelerators · hourly price / (3,600 · tokens/s) · 10⁶."""
    return n_accelerators * usd_per_accelerator_hour / (tokens_per_second * 3600.0) * 1e6


def tokens_per_day(tokens_per_second):
    """Tokens a day at a steady rate (86,400 s a day)."""
    return tokens_per_second * SECONDS_PER_DAY
