"""Compute-optimal training: the Chinchilla loss law, its allocation rule and its three fits.

Hoffmann et al. (2022) model the final loss of a language model with N parameters trained on
D tokens as L(N, D) = E + A/N^α + B/D^β (their eq. 2). Training costs C ≈ 6·N·D FLOPs
(Kaplan et al. 2020, §2.1), so for a budget C the loss is lowest at N_opt = G·(C/6)^a,
D_opt = G⁻¹·(C/6)^b with G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β) (eq. 4).

The paper estimates the allocation three ways, and this package implements each on the same
inputs: (1) the minimum over training curves (:func:`fit_envelope`), (2) parabolas fitted to
IsoFLOP profiles (:func:`fit_isoflop`) and (3) a parametric fit of eq. 2 with a Huber loss on
log-loss (:func:`fit_parametric`, and the paper's own multi-start procedure
:func:`fit_parametric_grid` as the reference). :func:`simulate_training_runs` makes training
runs from a stated ground-truth law, so the three can be compared against a known answer.

One module per idea: :mod:`~scalinglaws.chinchilla.laws` (the loss law and the published
fits), :mod:`~scalinglaws.chinchilla.allocation` (C ≈ 6ND and the compute-optimal split),
:mod:`~scalinglaws.chinchilla.parametric` (Approach 3), :mod:`~scalinglaws.chinchilla.simulate`
(runs from a known law) and :mod:`~scalinglaws.chinchilla.approaches` (Approaches 1 and 2,
and all three compared). Every public name is importable from ``scalinglaws.chinchilla``
itself, as the chapters do.

Citation keys refer to ``book/references.bib``; equation numbers are those of the arXiv paper.
"""

from __future__ import annotations

from scalinglaws.chinchilla.allocation import (
    HOFFMANN_2022_SECTION_3_4,
    HOFFMANN_2022_TABLE_3,
    HOFFMANN_2022_TABLE_A3_APPROACH_2,
    HOFFMANN_2022_TABLE_A4,
    KAPLAN_2020_ALLOCATION,
    ComputeOptimal,
    IsoFlopProfile,
    compute_from_hardware,
    compute_optimal,
    isoflop_profile,
    kaplan_allocation,
    table3_projection,
    tokens_for_budget,
    training_flops,
)
from scalinglaws.chinchilla.approaches import (
    HOFFMANN_2022_TABLE_2,
    AllocationFit,
    ApproachComparison,
    compare_approaches,
    fit_envelope,
    fit_isoflop,
)
from scalinglaws.chinchilla.laws import (
    BESIROGLU_2024,
    GOPHER_FLOPS,
    HOFFMANN_2022,
    HOFFMANN_2022_TEX,
    LAWS,
    LossLaw,
    get_law,
)
from scalinglaws.chinchilla.parametric import (
    HUBER_DELTA,
    MIN_RUNS,
    ParametricFit,
    fit_parametric,
    fit_parametric_grid,
    huber_objective,
    initialisation_grid,
    optimal_interval,
    read_digitised_runs,
)
from scalinglaws.chinchilla.simulate import SimulatedRuns, simulate_training_runs
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = [
    "BESIROGLU_2024",
    "FLOPS_PER_PARAM_TOKEN",
    "GOPHER_FLOPS",
    "HOFFMANN_2022",
    "HOFFMANN_2022_TABLE_2",
    "HOFFMANN_2022_SECTION_3_4",
    "HOFFMANN_2022_TABLE_3",
    "HOFFMANN_2022_TABLE_A3_APPROACH_2",
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
