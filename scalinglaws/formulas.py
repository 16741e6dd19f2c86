"""The course's closed-form formulas, written once for Python and for the static website.

The package's modules call these functions, so Python computes with them; and
:mod:`scalinglaws.web.translate` turns this module into a JavaScript module
(``book/static/live/generated/formulas.js``), so the calculators on the published page
compute with the same expressions. ``make js`` regenerates it and a test checks that
regenerating changes nothing.

To stay translatable the module is written in a small subset of Python: functions of
numbers, booleans, lists and objects with attributes (a :class:`~scalinglaws.chinchilla.LossLaw`
here, a plain object on the page); arithmetic; ``np.``/``math.`` functions of one number
(``exp``, ``exp2``, ``log``, ``log10``, ``sqrt``, ``minimum``, ``maximum``); ``if``/``else``;
``for`` loops over ``range``; lists built with ``append``; dicts with string keys. Input
checks stay in the calling modules, which name the argument and its range; the page exports
those ranges with each calculator.

Arithmetic on numpy arrays works too (``compute_optimal`` of an array of budgets): the
functions only use operators and numpy's element-wise functions.
"""

from __future__ import annotations

import math

import numpy as np

from scalinglaws.units import FLOPS_PER_PARAM_TOKEN, FLOPS_PER_TFLOP, PF_DAY_FLOPS, SECONDS_PER_DAY

# --- Dennard scaling (dennard1974design, Table I) ----------------------------------------


def dennard_rules(kappa, voltage_scales, frequency_scales):
    """Factors of one generation that shrinks every length by κ (Dennard et al. 1974, Table I).

    Capacitance C = εA/t falls as 1/κ (area 1/κ², oxide 1/κ); the voltage falls by κ or is
    held; the gate delay falls as 1/κ; current I = V·C/delay; the clock rises by κ or is held;
    power per circuit C·V²·f; κ² circuits per area.

    >>> rules = dennard_rules(2.0, True, True)
    >>> rules["power_per_circuit"], rules["circuits_per_area"], rules["power_density"]
    (0.25, 4.0, 1.0)
    """
    capacitance = 1 / kappa
    voltage = 1 / kappa if voltage_scales else 1.0
    delay = 1 / kappa
    current = voltage * capacitance / delay
    frequency = 1 / delay if frequency_scales else 1.0
    energy = capacitance * voltage**2
    power = energy * frequency
    density = kappa**2
    return {"dimension": 1 / kappa, "voltage": voltage, "capacitance": capacitance,
            "current": current, "delay": delay, "frequency": frequency,
            "energy_per_switch": energy, "power_per_circuit": power,
            "circuits_per_area": density, "power_density": power * density}


def compound(factor, generations):
    """A factor compounded over generations 0, 1, …, n: [1, f, f², …, fⁿ].

    >>> compound(2.0, 3)
    [1.0, 2.0, 4.0, 8.0]
    """
    values = []
    for n in range(generations + 1):
        values.append(factor**n)
    return values


def usable_fraction(chip_power):
    """Share of a chip that can switch within generation 0's power: min(1, 1 / chip power).

    >>> float(usable_fraction(32.0))
    0.03125
    """
    return np.minimum(1.0, 1.0 / chip_power)


# --- Grids for figures ---------------------------------------------------------------------


def linspace(start, stop, num):
    """``num`` evenly spaced values from ``start`` to ``stop`` (both included), as numpy's.

    >>> linspace(0.0, 1.0, 5)
    [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    step = (stop - start) / (num - 1)
    values = []
    for i in range(num):
        values.append(start + i * step)
    values[num - 1] = stop
    return values


def logspace(start, stop, num):
    """``num`` values from 10^start to 10^stop, evenly spaced in log, as numpy's.

    >>> logspace(0.0, 2.0, 3)
    [1.0, 10.0, 100.0]
    """
    values = []
    for exponent in linspace(start, stop, num):
        values.append(10.0**exponent)
    return values


# --- Moore's law (moore1965cramming, moore1975progress) --------------------------------------


def exponential_trend(value_at_reference, rate_per_year, reference_year, year):
    """value(t) = v_ref · e^(rate · (t − t_ref)): a fitted exponential trend at year t.

    >>> round(float(exponential_trend(2.0, math.log(2), 2000.0, 2003.0)), 9)
    16.0
    """
    return value_at_reference * np.exp(rate_per_year * (year - reference_year))



def doubling_projection(start_count, start_year, doubling_time_years, year):
    """N(t) = N₀ · 2^((t − t₀) / T): a count doubling every T years from N₀ at t₀.

    >>> float(doubling_projection(2300, 1971, 2.0, 1981))
    73600.0
    """
    return start_count * np.exp2((year - start_year) / doubling_time_years)


def first_year_from(years, start):
    """The earliest of ``years`` on or after ``start`` (``start`` ≤ the largest year).

    >>> first_year_from([1971, 1974, 1972], 1973)
    1974
    """
    best = None
    for i in range(len(years)):
        if years[i] >= start and (best is None or years[i] < best):
            best = years[i]
    return best


def largest_up_to_year(years, counts, year):
    """Index of the largest count among the rows up to ``year`` (the first one on a tie).

    >>> largest_up_to_year([1971, 1972, 1974], [2300, 3500, 9000], 1973)
    1
    """
    best = -1
    for i in range(len(years)):
        if years[i] <= year and (best < 0 or counts[i] > counts[best]):
            best = i
    return best


def largest_in_year(years, counts, year):
    """Index of the largest count among the rows of ``year`` (the first one on a tie).

    >>> largest_in_year([1971, 1972, 1972], [2300, 3500, 2500], 1972)
    1
    """
    best = -1
    for i in range(len(years)):
        if years[i] == year and (best < 0 or counts[i] > counts[best]):
            best = i
    return best


# --- Accelerators (hobbhahn2022gpu, hobbhahn2023mlhardware) ---------------------------------


def flops_per_unit(tflops, amount):
    """FLOP/s per watt or per dollar: 10¹² · TFLOP/s / amount.

    >>> flops_per_unit(312, 400)
    780000000000.0
    """
    return FLOPS_PER_TFLOP * tflops / amount


def doubling_time(ratio, years):
    """T = years · ln 2 / ln(ratio): the doubling time of a gain of ``ratio`` over ``years``.

    >>> doubling_time(4.0, 4.0)
    2.0
    """
    return years * math.log(2) / math.log(ratio)


def newer_over_older_doubling_time(ratio, years):
    """Doubling time of chip A over chip B, ``years`` apart, or NaN when there is none.

    Newer over older either way round; chips of the same year, equal chips, or a newer chip
    that is slower have no doubling time.

    >>> newer_over_older_doubling_time(0.25, -4)
    2.0
    >>> math.isnan(newer_over_older_doubling_time(2.0, -1))
    True
    """
    if years != 0 and ratio != 1 and (years > 0) == (ratio > 1):
        return doubling_time(max(ratio, 1 / ratio), abs(years))
    return math.nan


# --- Compute and the loss law (hoffmann2022training) ----------------------------------------


def training_flops(params, tokens):
    """Training compute C ≈ 6·N·D in FLOPs (Kaplan et al. 2020, §2.1).

    >>> training_flops(175e9, 300e9)
    3.15e+23
    """
    return FLOPS_PER_PARAM_TOKEN * params * tokens


def tokens_for_budget(compute_flops, params):
    """Tokens D = C/(6·N) that a budget buys for a model of ``params``.

    >>> tokens_for_budget(6e20, 1e9)
    100000000000.0
    """
    return compute_flops / (FLOPS_PER_PARAM_TOKEN * params)


def cluster_flops(n_accelerators, days, utilisation, peak_flops_per_second):
    """Training compute of a cluster: n × days × 86,400 s × utilisation × peak FLOP/s.

    >>> cluster_flops(1, 1, 0.5, 2e12)
    8.64e+16
    """
    return n_accelerators * days * SECONDS_PER_DAY * utilisation * peak_flops_per_second


def law_loss(law, params, tokens):
    """L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, eq. 2).

    ``law`` has attributes ``E``, ``A``, ``B``, ``alpha``, ``beta``.
    """
    return law.E + law.A / params**law.alpha + law.B / tokens**law.beta


def law_a(law):
    """Exponent of N_opt ∝ C^a: a = β/(α+β) (Hoffmann et al. 2022, eq. 4)."""
    return law.beta / (law.alpha + law.beta)


def law_b(law):
    """Exponent of D_opt ∝ C^b: b = α/(α+β) (Hoffmann et al. 2022, eq. 4)."""
    return law.alpha / (law.alpha + law.beta)


def law_g(law):
    """G = (αA/(βB))^(1/(α+β)) of Hoffmann et al. (2022), eq. 4."""
    return (law.alpha * law.A / (law.beta * law.B)) ** (1.0 / (law.alpha + law.beta))


def optimal_params(law, compute_flops):
    """N_opt = G·(C/6)^a (Hoffmann et al. 2022, eq. 4)."""
    return law_g(law) * (compute_flops / FLOPS_PER_PARAM_TOKEN) ** law_a(law)


def optimal_tokens(law, compute_flops):
    """D_opt = G⁻¹·(C/6)^b (Hoffmann et al. 2022, eq. 4)."""
    return (compute_flops / FLOPS_PER_PARAM_TOKEN) ** law_b(law) / law_g(law)


def kaplan_params(compute_flops, n_e, p_n, c_over_c_min):
    """Kaplan et al. (2020), Table 6: N = N_e·C_min^p_N with C_min = C/(C/C_min) in PF-days."""
    return n_e * (compute_flops / c_over_c_min / PF_DAY_FLOPS) ** p_n


def isoflop_sizes(optimum_params, decades, n_points):
    """Model sizes spread evenly in log N over ``decades`` on each side of the optimum.

    >>> [round(n) for n in isoflop_sizes(100.0, 1.0, 3)]
    [10, 100, 1000]
    """
    sizes = []
    for i in range(n_points):
        sizes.append(optimum_params * 10.0 ** (-decades + 2 * decades * i / (n_points - 1)))
    return sizes
