"""Chapter 7's closed-form formulas, written once for Python and for the static website.

:mod:`scalinglaws.outlook` checks the inputs (naming the argument and its range) and calls
these functions; ``scalinglaws.web.translate`` turns this module into JavaScript
(``book/static/live/generated/outlook_formulas.js``), so the calculators on the published
page compute with the same expressions. The module keeps to the translatable subset: functions
of numbers, arithmetic, ``np.exp``, ``np.log``, ``np.sqrt``, ``if``/``else``; no input checks.

Sources: Young (1974) and Daly (2006) for the checkpoint interval; Daly (2006) for the
expected time of a compute segment under Poisson failures; Patterson et al. (2021) for the
energy accounting (accelerator energy × PUE, times the grid's carbon intensity).
"""

from __future__ import annotations

import numpy as np

from scalinglaws.units import (
    FLOPS_PER_PARAM_TOKEN,
    FLOPS_PER_TFLOP,
    INFERENCE_FLOPS_PER_PARAM_TOKEN,
)

#: Joules in one kilowatt-hour.
JOULES_PER_KWH = 3.6e6
#: Seconds in one hour.
SECONDS_PER_HOUR = 3600.0
#: Hours in one day.
HOURS_PER_DAY = 24.0


# --- Energy and carbon ----------------------------------------------------------------------


def flops_per_joule(tflops, power_w):
    """Peak FLOP per joule of a chip: peak FLOP/s ÷ power (W = J/s).

    >>> round(float(flops_per_joule(989.5, 700.0) / 1e12), 2)
    1.41
    """
    return tflops * FLOPS_PER_TFLOP / power_w


def accelerator_hours(compute_flops, tflops, utilisation):
    """Accelerator-hours to do ``compute_flops`` at a fraction ``utilisation`` of peak.

    >>> round(float(accelerator_hours(3.8e25, 989.5, 0.4) / 1e6), 2)
    26.67
    """
    return compute_flops / (tflops * FLOPS_PER_TFLOP * utilisation) / SECONDS_PER_HOUR


def training_energy_joules(compute_flops, peak_flops_per_joule, utilisation, pue):
    """Facility energy E = C / (FLOP/J at peak × utilisation) × PUE, in joules.

    The chips draw their rated power while doing a fraction ``utilisation`` of their peak
    work; the data centre adds ``pue`` − 1 on top (cooling, power conversion). Patterson et
    al. (2021) account a run's energy the same way: accelerator energy × PUE.

    >>> round(float(training_energy_joules(3.8e25, 989.5e12 / 700, 0.4, 1.1) / 3.6e12), 1)
    20.5
    """
    return compute_flops / (peak_flops_per_joule * utilisation) * pue


def energy_kwh(energy_joules):
    """Joules to kilowatt-hours."""
    return energy_joules / JOULES_PER_KWH


def emissions_tonnes(energy_joules, grid_g_per_kwh):
    """Operational emissions (t CO2e) = energy (kWh) × grid intensity (g/kWh) ÷ 10⁶.

    >>> round(float(emissions_tonnes(20.5e9 * 3.6e6 / 1e3, 445.0)))
    9122
    """
    return energy_kwh(energy_joules) * grid_g_per_kwh / 1e6


# --- Reliability and checkpointing ----------------------------------------------------------


def cluster_mtbf(device_mtbf, n_devices):
    """Mean time between interruptions of a job on ``n_devices``: M = M_device / n.

    Independent devices with exponential lifetimes, any of which stops the job.
    """
    return device_mtbf / n_devices


def interruptions_per_day(n_devices, device_mtbf_hours):
    """Expected interruptions a day = 24 h × n / M_device (hours)."""
    return HOURS_PER_DAY * n_devices / device_mtbf_hours


def young_interval(checkpoint_time, mtbf):
    """Young's (1974) first-order optimum compute time between checkpoints: τ = √(2δM).

    δ is the time to write a checkpoint, M the mean time between failures (same units).

    >>> round(float(young_interval(5.0, 24 * 60.0)), 1)
    120.0
    """
    return np.sqrt(2.0 * checkpoint_time * mtbf)


def daly_interval(checkpoint_time, mtbf):
    """Daly's (2006) higher-order optimum: τ = √(2δM)·[1 + ⅓√(δ/2M) + (δ/2M)/9] − δ, or τ = M.

    For δ ≥ 2M the optimum is M itself. Reproduces the captions of Daly's Figs. 3–5
    (δ = 5 min; M = 24 h, 6 h, 15 min → 117, 57, 9.1 min).

    >>> round(float(daly_interval(5.0, 24 * 60.0)), 1), round(float(daly_interval(5.0, 15.0)), 2)
    (116.7, 9.14)
    """
    if checkpoint_time >= 2.0 * mtbf:
        return mtbf
    x = checkpoint_time / (2.0 * mtbf)
    return np.sqrt(2.0 * checkpoint_time * mtbf) * (1.0 + np.sqrt(x) / 3.0 + x / 9.0) \
        - checkpoint_time


def goodput(interval, checkpoint_time, restart_time, mtbf):
    """Goodput, the useful share of the wall clock: G = τ / (M·e^(R/M)·(e^((τ+δ)/M) − 1)).

    Daly's (2006) complete model under Poisson failures: a segment of τ of work and δ of
    checkpoint, lost whole if a failure strikes, with a restart of R (which can fail too), takes
    M·e^(R/M)·(e^((τ+δ)/M) − 1) on average. Written with decaying exponentials only, so it
    never overflows.

    >>> round(float(goodput(116.7, 5.0, 10.0, 24 * 60.0)), 4)
    0.9126
    """
    period = (interval + checkpoint_time) / mtbf
    return interval / mtbf * np.exp(-restart_time / mtbf - period) / (1.0 - np.exp(-period))


# --- Growth and the 1,000,000× leap ---------------------------------------------------------


def doubling_months(growth_per_year):
    """Doubling time in months = 12·ln 2 / ln g, for growth ×g (``growth_per_year``) a year.

    >>> round(float(doubling_months(4.6)), 2)
    5.45
    """
    return 12.0 * np.log(2.0) / np.log(growth_per_year)


def growth_from_halving_months(halving_months):
    """Yearly factor of a quantity that halves (a cost) every ``halving_months``: 2^(12/h).

    >>> round(float(growth_from_halving_months(8.0)), 2)
    2.83
    """
    return 2.0 ** (12.0 / halving_months)


def years_for_factor(factor, growth_per_year):
    """Years for a quantity growing ×g a year to grow by ``factor``: ln(factor) / ln g.

    >>> round(float(years_for_factor(1e6, 4.6)), 1)
    9.1
    """
    return np.log(factor) / np.log(growth_per_year)


def reducible_loss_factor(compute_factor, gamma):
    """Reducible loss left when compute grows ``compute_factor``-fold: ratio = factor^(−γ).

    For L(C) = E + K·C^(−γ) every tenfold of compute cuts the reducible loss by the same
    10^(−γ): constant returns per order of magnitude, diminishing returns per FLOP.

    >>> round(float(reducible_loss_factor(10.0, 0.050)), 3)
    0.891
    """
    return compute_factor ** (-gamma)


def chinchilla_gamma(alpha, beta):
    """Exponent of the compute-optimal loss, L_opt − E ∝ C^(−γ): γ = αβ/(α+β)."""
    return alpha * beta / (alpha + beta)


# --- Sparsity (mixture of experts) -----------------------------------------------------------


def moe_training_flops(active_params, tokens):
    """Training compute of a mixture of experts: 6 · N_active · D (dense: N_active = N).

    >>> round(float(moe_training_flops(37e9, 14.8e12) / 1e24), 2)
    3.29
    """
    return FLOPS_PER_PARAM_TOKEN * active_params * tokens


def moe_inference_flops_per_token(active_params):
    """Forward-pass compute per token: 2 · N_active."""
    return INFERENCE_FLOPS_PER_PARAM_TOKEN * active_params
