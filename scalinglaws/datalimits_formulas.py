"""Chapter 4's closed-form formulas, written once for Python and for the static website.

:mod:`scalinglaws.datalimits` checks the inputs (naming the argument and its range) and
calls these functions; the web translator (``scalinglaws.web.translate``) can turn this
module into JavaScript, so the calculators on the published page compute with the same
expressions. To stay translatable the module keeps to a small subset of Python: functions of
numbers and of objects with attributes (a law: ``law.E``, ``law.A``, ``law.B``,
``law.alpha``, ``law.beta`` and, for the data-constrained law, ``law.rd_star`` and
``law.rn_star``); arithmetic; ``np.exp``, ``np.log``, ``np.log10``, ``np.minimum``,
``np.maximum``; no input checks, no array methods. The element-wise numpy functions make the
same code work on arrays of inputs (for the figures).

Sources: Muennighoff et al. (2023), "Scaling Data-Constrained Language Models", equation
numbers of arXiv v4; Hoffmann et al. (2022), eq. 4, for the compute-optimal allocation.
"""

from __future__ import annotations

import numpy as np

from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

# --- Repeated data and excess parameters (Muennighoff et al. 2023, §3.1) ------------------


def effective_repetitions(repetitions, half_life):
    """R*·(1 − e^(−R/R*)): what R repetitions are worth in fresh passes over the data.

    The saturating part of Muennighoff et al. (2023), eqs. 5 and 6: it grows like R for
    small R and never exceeds R* (``half_life``).

    >>> round(float(effective_repetitions(3.0, 15.387756)), 4)
    2.7257
    """
    return half_life * (1.0 - np.exp(-repetitions / half_life))


def effective_data(unique_tokens, epochs, rd_star):
    """Effective data D′ = U_D + U_D·R*_D·(1 − e^(−R_D/R*_D)), R_D = epochs − 1.

    Muennighoff et al. (2023), eq. 5: ``epochs`` passes over ``unique_tokens`` U_D are worth
    D′ fresh tokens; ``rd_star`` is their fitted R*_D.

    >>> round(float(effective_data(1.0, 4.0, 15.387756)), 4)
    3.7257
    """
    return unique_tokens + unique_tokens * effective_repetitions(epochs - 1.0, rd_star)


def epochs_for_effective_data(ratio, rd_star):
    """Epochs E whose effective data is ``ratio`` times the unique data: eq. 5 inverted.

    E = 1 − R*_D·ln(1 − (ratio − 1)/R*_D); finite only below the ceiling ratio 1 + R*_D.

    >>> round(float(epochs_for_effective_data(3.7257, 15.387756)), 3)
    4.0
    """
    return 1.0 - rd_star * np.log(1.0 - (ratio - 1.0) / rd_star)


def value_of_last_repetition(epochs, rd_star):
    """Worth of one more pass, in fresh tokens per token: e^(−R_D/R*_D), the slope of eq. 5.

    >>> round(float(value_of_last_repetition(16.0, 15.387756)), 3)
    0.377
    """
    return np.exp(-(epochs - 1.0) / rd_star)


def unique_params_for_data(unique_tokens, law):
    """U_N: the compute-optimal model size for ``unique_tokens`` seen once.

    Muennighoff et al. (2023), Appendix A, eq. 15: U_N = G·(U_D·G)^(β/α), with
    G = (αA/(βB))^(1/(α+β)) of Hoffmann et al.'s eq. 4 (with their C4 fit, U_N ≈ 0.051·U_D).
    """
    g = (law.alpha * law.A / (law.beta * law.B)) ** (1.0 / (law.alpha + law.beta))
    return g * (unique_tokens * g) ** (law.beta / law.alpha)


def effective_params(params, unique_params, rn_star):
    """Effective parameters N′ = U_N + U_N·R*_N·(1 − e^(−R_N/R*_N)), R_N = N/U_N − 1.

    Muennighoff et al. (2023), eq. 6: parameters beyond U_N (the compute-optimal size for
    the unique data) are worth less and less; ``rn_star`` is their fitted R*_N. ``params``
    below ``unique_params`` count in full.
    """
    base = np.minimum(params, unique_params)
    excess = np.maximum(params / base - 1.0, 0.0)
    return base + base * effective_repetitions(excess, rn_star)


def data_constrained_loss(params, tokens, unique_tokens, law):
    """Loss of N parameters trained on D tokens drawn from U_D unique ones.

    Muennighoff et al. (2023), Appendix A, eq. 14 (eq. 17 with numbers):
    L = E + A/N′^α + B/D′^β with D′ from eq. 5 (epochs = D/U_D, at least 1) and N′ from
    eq. 6 with U_N from eq. 15. With ``unique_tokens`` ≥ ``tokens`` it is the Chinchilla
    form E + A/N^α + B/D^β for models up to U_N.
    """
    unique = np.minimum(unique_tokens, tokens)
    d_eff = effective_data(unique, tokens / unique, law.rd_star)
    n_eff = effective_params(params, unique_params_for_data(unique, law), law.rn_star)
    return law.E + law.A / n_eff**law.alpha + law.B / d_eff**law.beta


# --- Compute-optimal loss of a Chinchilla-form law (Hoffmann et al. 2022, eq. 4) --------


def optimal_params(compute, law):
    """N_opt = G·(C/6)^a, a = β/(α+β) (Hoffmann et al. 2022, eq. 4)."""
    g = (law.alpha * law.A / (law.beta * law.B)) ** (1.0 / (law.alpha + law.beta))
    return g * (compute / FLOPS_PER_PARAM_TOKEN) ** (law.beta / (law.alpha + law.beta))


def optimal_tokens(compute, law):
    """D_opt = G⁻¹·(C/6)^b, b = α/(α+β) (Hoffmann et al. 2022, eq. 4)."""
    g = (law.alpha * law.A / (law.beta * law.B)) ** (1.0 / (law.alpha + law.beta))
    return (compute / FLOPS_PER_PARAM_TOKEN) ** (law.alpha / (law.alpha + law.beta)) / g


def optimal_loss_scale(law):
    """K of L_opt(C) = E + K·(C/6)^(−γ): K = A·G^(−α) + B·G^β, γ = αβ/(α+β).

    At the optimum of eq. 4 both terms of the law fall as (C/6)^(−αβ/(α+β)).
    """
    g = (law.alpha * law.A / (law.beta * law.B)) ** (1.0 / (law.alpha + law.beta))
    return law.A * g ** (-law.alpha) + law.B * g**law.beta


def optimal_loss(compute, law):
    """Loss at the compute-optimal allocation: E + K·(C/6)^(−γ), γ = αβ/(α+β)."""
    gamma = law.alpha * law.beta / (law.alpha + law.beta)
    return law.E + optimal_loss_scale(law) * (compute / FLOPS_PER_PARAM_TOKEN) ** (-gamma)


def compute_for_loss(loss, law):
    """The smallest compute that reaches ``loss`` (> E): C = 6·(K/(L − E))^(1/γ)."""
    gamma = law.alpha * law.beta / (law.alpha + law.beta)
    return FLOPS_PER_PARAM_TOKEN * (optimal_loss_scale(law) / (loss - law.E)) ** (1.0 / gamma)


def quality_scaled_b(law, quality, data_exponent, anchor_tokens):
    """B′ of a law whose tokens are each worth ``quality`` tokens, with data exponent β′.

    L = E + A/N^α + B·D₀^(β′−β)/(q·D)^β′: each token of the cleaner data is worth q tokens
    of the law's data, and the data term's slope changes from β to β′ while its value at
    ``anchor_tokens`` D₀ (before the multiplier) stays the same. So
    B′ = B·D₀^(β′−β)·q^(−β′). The course's reading of "quality as a shift of the law", not a
    fitted result.
    """
    return law.B * anchor_tokens ** (data_exponent - law.beta) * quality ** (-data_exponent)


# --- The data runway -----------------------------------------------------------------------


def years_to_reach(target, current, growth_per_year):
    """Years for a quantity growing ×``growth_per_year`` a year to go from current to target."""
    return np.log(target / current) / np.log(growth_per_year)


def runway_year(stock_tokens, largest_tokens, start_year, growth_per_year, multiplier):
    """Year the largest training set reaches the stock: t₀ + log(m·S/D₀)/log(g).

    Training sets grow ×g a year from D₀ tokens in year t₀; the stock S of usable text is
    stretched by a multiplier m (repetition, synthetic data, other sources).
    """
    return start_year + years_to_reach(multiplier * stock_tokens, largest_tokens,
                                       growth_per_year)
