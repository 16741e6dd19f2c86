"""Dennard scaling (Dennard et al. 1974, Table I) and what changes when the voltage is held.

With a linear scale factor κ per generation, dimensions, voltage, current and capacitance
scale as 1/κ, so delay falls as 1/κ, power per circuit as 1/κ² and power density stays
constant. It ended in the mid-2000s when supply voltage stopped scaling (Hennessy &
Patterson 2019, §1.1: "around 2004"). Citation keys refer to ``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scalinglaws import formulas
from scalinglaws._validate import flag, integer_in_range, number_in_range

__all__ = ["KAPPA_RANGE", "GenerationScaling", "ScalingRules", "dennard_scaling",
           "post_dennard_scaling", "scaling_over_generations"]

#: Range of the scale factor κ per generation accepted by the Dennard functions.
KAPPA_RANGE = (1.0, 10.0)


@dataclass(frozen=True)
class ScalingRules:
    """Factor by which each quantity changes in **one** generation that shrinks lengths by κ.

    A factor of 0.5 means "halves", 1 means "unchanged". ``power_per_circuit`` is the dynamic
    power C·V²·f of one switching circuit; ``power_density`` is that power times the number
    of circuits per unit area (κ²).
    """

    kappa: float
    voltage_scales: bool
    frequency_scales: bool
    dimension: float
    voltage: float
    capacitance: float
    current: float
    delay: float
    frequency: float
    energy_per_switch: float
    power_per_circuit: float
    circuits_per_area: float
    power_density: float
    source: str


def _kappa(kappa: object) -> float:
    return number_in_range("kappa", kappa, *KAPPA_RANGE)


def _scaling_rules(kappa: float, voltage_scales: bool, frequency_scales: bool,
                   source: str) -> ScalingRules:
    # Capacitance C = εA/t falls as 1/κ; the intrinsic gate delay keeps falling as 1/κ
    # (assumed also when V is fixed); current from delay = V·C/I (Table I).
    factors = formulas.dennard_rules(kappa, voltage_scales, frequency_scales)
    return ScalingRules(kappa=kappa, voltage_scales=voltage_scales,
                        frequency_scales=frequency_scales, source=source, **factors)


def dennard_scaling(kappa: float) -> ScalingRules:
    """Dennard et al. (1974), Table I: the factors of one generation of constant-field scaling.

    Shrink every length by κ and lower the voltage by κ (doping rises by κ to keep the field
    constant). Then, per generation:

    =====================================  ==================  =============
    quantity                               expression          factor
    =====================================  ==================  =============
    dimensions t_ox, L, W                                      1/κ
    voltage V, current I                                       1/κ
    capacitance                            C = εA/t            1/κ
    delay per circuit                      τ = V·C/I           1/κ
    clock frequency                        f = 1/τ             κ
    power per circuit                      P = V·I = C·V²·f    1/κ²
    circuits per unit area                 1/A                 κ²
    power density                          P/A                 1
    =====================================  ==================  =============

    Parameters
    ----------
    kappa : float
        Linear scale factor per generation, between 1 and 10. κ = √2 halves the area of a
        transistor, doubling the count per chip each generation.

    Returns
    -------
    ScalingRules

    References
    ----------
    ``dennard1974design``, Table I ("Scaling results for circuit performance").

    Examples
    --------
    >>> rules = dennard_scaling(2.0)
    >>> rules.voltage, rules.current, rules.capacitance, rules.delay, rules.frequency
    (0.5, 0.5, 0.5, 0.5, 2.0)
    >>> rules.power_per_circuit, rules.circuits_per_area, rules.power_density
    (0.25, 4.0, 1.0)
    """
    return _scaling_rules(_kappa(kappa), True, True, "dennard1974design, Table I")


def post_dennard_scaling(kappa: float, frequency_scales: bool = True) -> ScalingRules:
    """One generation of shrinking by κ when the supply voltage no longer scales.

    Below about 1 V, lowering the threshold voltage with V raises sub-threshold leakage
    exponentially, so V stayed roughly fixed from the mid-2000s (hennessy2019ca6, §1.1).
    Keep Table I of Dennard et al. (1974) for everything but the voltage:

    * capacitance C = εA/t still falls as 1/κ (area 1/κ², oxide thickness 1/κ);
    * V is fixed (factor 1);
    * assumption: the gate delay still falls as 1/κ, so with ``frequency_scales=True``
      the clock rises by κ as before ("full frequency scaling");
    * current I = V·C/τ is then constant.

    The dynamic power of one circuit is P = C·V²·f:

    * clock rising by κ: P → (1/κ)·1²·κ = 1, unchanged per transistor. With κ² more
      transistors per area the power density rises by **κ² per generation** (it was 1 under
      Dennard scaling);
    * clock held (``frequency_scales=False``), what industry did after about 2004:
      P → 1/κ and power density rises by **κ per generation**.

    Either way a chip of fixed area and fixed power budget can no longer switch all its
    transistors at once: the idea of "dark silicon" (esmaeilzadeh2011dark). Leakage power,
    which grows as well, is left out, so these factors are a lower bound.

    Parameters
    ----------
    kappa : float
        Linear scale factor per generation, between 1 and 10.
    frequency_scales : bool
        Whether the clock rises by κ each generation (True) or is held (False).

    Returns
    -------
    ScalingRules

    Examples
    --------
    >>> rules = post_dennard_scaling(2.0)
    >>> rules.voltage, rules.frequency, rules.power_per_circuit, rules.power_density
    (1.0, 2.0, 1.0, 4.0)
    >>> post_dennard_scaling(2.0, frequency_scales=False).power_density
    2.0
    """
    return _scaling_rules(_kappa(kappa), False, flag("frequency_scales", frequency_scales),
                          "dennard1974design, Table I, with the voltage held")


@dataclass(frozen=True)
class GenerationScaling:
    """Quantities after 0, 1, …, n generations, relative to generation 0 (arrays of n + 1).

    ``chip_power`` is the power of a chip of constant area with every transistor switching at
    the generation's clock: power density × area, so with the area held it equals
    ``power_density``. ``usable_fraction`` is the share of that chip's transistors that can
    switch at once within generation 0's power: min(1, 1 / chip_power).
    """

    kappa: float
    voltage_scales: bool
    frequency_scales: bool
    rules: ScalingRules
    generation: np.ndarray
    feature_size: np.ndarray
    voltage: np.ndarray
    frequency: np.ndarray
    power_per_transistor: np.ndarray
    transistor_density: np.ndarray
    power_density: np.ndarray
    chip_power: np.ndarray
    usable_fraction: np.ndarray

    @property
    def generations(self) -> int:
        """Number of generations after generation 0."""
        return int(self.generation[-1])


def scaling_over_generations(kappa: float, generations: int, voltage_scales: bool,
                             frequency_scales: bool = True) -> GenerationScaling:
    """Compound the one-generation factors over ``generations`` shrinks: x_n = x_1^n.

    With ``voltage_scales=True`` this is Dennard scaling (:func:`dennard_scaling`): frequency
    κⁿ, power per transistor κ⁻²ⁿ, power density 1. With ``voltage_scales=False`` the
    voltage is held (:func:`post_dennard_scaling`): power per transistor 1 and power density
    κ²ⁿ at a clock rising by κⁿ, or κ⁻ⁿ and κⁿ at a held clock.

    Parameters
    ----------
    kappa : float
        Linear scale factor per generation, between 1 and 10.
    generations : int
        Number of generations after generation 0, from 0 to 100.
    voltage_scales : bool
        Whether the supply voltage falls by κ each generation.
    frequency_scales : bool
        Whether the clock rises by κ each generation.

    Returns
    -------
    GenerationScaling

    References
    ----------
    ``dennard1974design``, Table I; ``esmaeilzadeh2011dark`` for the usable fraction.

    Examples
    --------
    >>> dennard = scaling_over_generations(2 ** 0.5, 4, voltage_scales=True)
    >>> dennard.frequency.round(3).tolist(), dennard.power_density.round(3).tolist()
    ([1.0, 1.414, 2.0, 2.828, 4.0], [1.0, 1.0, 1.0, 1.0, 1.0])
    >>> stuck = scaling_over_generations(2 ** 0.5, 4, voltage_scales=False)
    >>> stuck.power_density.round(3).tolist(), stuck.usable_fraction.round(4).tolist()
    ([1.0, 2.0, 4.0, 8.0, 16.0], [1.0, 0.5, 0.25, 0.125, 0.0625])
    """
    kappa = _kappa(kappa)
    count = integer_in_range("generations", generations, 0, 100)
    voltage_flag = flag("voltage_scales", voltage_scales)
    frequency_flag = flag("frequency_scales", frequency_scales)
    rules = _scaling_rules(kappa, voltage_flag, frequency_flag,
                           "dennard1974design, Table I"
                           + ("" if voltage_flag else ", with the voltage held"))
    def over(factor):
        return np.array(formulas.compound(factor, count))

    power_density = over(rules.power_density)
    return GenerationScaling(
        kappa=kappa, voltage_scales=voltage_flag, frequency_scales=frequency_flag, rules=rules,
        generation=np.arange(count + 1), feature_size=over(rules.dimension),
        voltage=over(rules.voltage), frequency=over(rules.frequency),
        power_per_transistor=over(rules.power_per_circuit),
        transistor_density=over(rules.circuits_per_area), power_density=power_density,
        chip_power=power_density.copy(),
        usable_fraction=formulas.usable_fraction(power_density))
