"""Energy and carbon of a training run, from its FLOPs and the accelerator table.

E = C / (peak FLOP/J × utilisation) × PUE
(:func:`scalinglaws.outlook_formulas.training_energy_joules`), emissions = E × grid
intensity. Peak FLOP/J is a chip's dense peak FLOP/s divided by its
rated power (``accelerators.csv``); published estimates are in ``training_energy.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scalinglaws import outlook_formulas as f
from scalinglaws._validate import fraction_of_peak, number_in_range
from scalinglaws.datasets import SOURCE, Column, load_accelerators, load_table
from scalinglaws.hardware import PRECISIONS

__all__ = ["DATA_CENTRES_2024_TWH", "DATA_CENTRES_2030_TWH", "GRID_INTENSITY", "PUE",
           "TrainingEnergy", "chip_flops_per_joule", "load_training_energy", "training_energy",
           "training_energy_table"]

#: Electricity carbon intensity, gCO2/kWh: the world average of 2024 (IEA, *Electricity
#: 2025*, direct combustion CO2) and France's as implied by the BLOOM estimate (Luccioni et
#: al. 2023: 24.7 t for about 433 MWh).
GRID_INTENSITY = {"world_2024": 445.0, "france_bloom": 57.0}

#: Power usage effectiveness (facility energy ÷ IT energy): Uptime Institute's survey average
#: for 2023 (self-reported, each respondent's largest site) and Google's fleet average for
#: 2021 Q2 as Patterson et al. (2021) and CNBC report it (1.10; 1.09–1.12 in Patterson's Table 4).
PUE = {"uptime_2023": 1.58, "google_2021": 1.10}

#: Data centres' electricity use in 2024 and the base-case projection for 2030, TWh
#: (IEA, *Energy and AI*, April 2025).
DATA_CENTRES_2024_TWH = 415.0
DATA_CENTRES_2030_TWH = 945.0

TRAINING_ENERGY_COLUMNS = [
    Column("name", "text"),
    Column("mixture_of_experts", "int", low=0, high=1),
    Column("accelerator", "text"),
    Column("accelerator_hours", "float", required=False, low=1, high=1e10),
    Column("power_w", "float", required=False, low=10, high=10_000),
    Column("pue", "float", required=False, low=1, high=3),
    Column("energy_mwh", "float", required=False, low=0.001, high=1e9),
    Column("emissions_tco2e", "float", low=0, high=1e9),
    Column("emissions_basis", "text"),
    SOURCE,
]


def load_training_energy(folder=None) -> pd.DataFrame:
    """Published energy and emissions of training runs (``training_energy.csv``).

    ``energy_mwh`` only where the source states it (Patterson et al. 2021, Table 4);
    ``accelerator_hours`` and ``power_w`` where a model card gives them (its "power
    consumption" per device, which Meta describes as peak power "adjusted for power usage
    efficiency"). Emissions as published, with their basis: location- or market-based, net of
    carbon-free energy, or dynamic power only.

    >>> table = load_training_energy().set_index("name")
    >>> gpt3 = table.loc["GPT-3 175B"]
    >>> float(gpt3["energy_mwh"]), float(gpt3["emissions_tco2e"])
    (1287.0, 552.1)
    """
    return load_table("training_energy.csv", TRAINING_ENERGY_COLUMNS, folder)


def training_energy_table(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The published runs with their energy: stated, or accelerator-hours × power where not.

    Adds ``energy_gwh`` (and ``energy_basis``: "stated" or "hours × power") and the implied
    grid intensity ``implied_g_per_kwh`` = emissions ÷ energy.

    >>> t = training_energy_table().set_index("name")
    >>> round(float(t.loc["Llama 3.1 405B", "energy_gwh"]), 1)
    21.6
    """
    runs = load_training_energy() if table is None else table.copy()
    derived = runs["accelerator_hours"] * runs["power_w"] / 1e6  # MWh
    stated = runs["energy_mwh"].notna()
    runs["energy_gwh"] = np.where(stated, runs["energy_mwh"], derived) / 1e3
    runs["energy_basis"] = np.where(stated, "stated",
                                    np.where(derived.notna(), "hours × power", ""))
    runs["implied_g_per_kwh"] = runs["emissions_tco2e"] / runs["energy_gwh"]  # t/GWh = g/kWh
    return runs[["name", "mixture_of_experts", "accelerator", "accelerator_hours", "energy_gwh",
                 "energy_basis", "emissions_tco2e", "emissions_basis", "implied_g_per_kwh",
                 "source"]]


def _chip_row(chips: pd.DataFrame, name: str):
    names = list(chips["name"])
    if name not in names:
        raise ValueError(f"accelerator must be one of the table's chips {names}; got {name!r}")
    return chips.iloc[names.index(name)]


def chip_flops_per_joule(name: str, precision: str = "bf16",
                         chips: pd.DataFrame | None = None) -> float:
    """Dense peak FLOP per joule of a chip of ``accelerators.csv`` at a number format.

    Peak dense FLOP/s ÷ rated power; a real run draws less than its rating on average but
    also does less than its peak (the utilisation of :func:`training_energy`).

    >>> round(chip_flops_per_joule("NVIDIA H100 (SXM5 80GB)") / 1e12, 2)
    1.41
    """
    table = load_accelerators() if chips is None else chips
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {list(PRECISIONS)}; got {precision!r}")
    row = _chip_row(table, name)
    tflops, power = row[PRECISIONS[precision]], row["power_w"]
    if not (np.isfinite(tflops) and np.isfinite(power)):
        raise ValueError(f"precision: the table has no dense {precision} figure or no power "
                         f"for {name}")
    return float(f.flops_per_joule(float(tflops), float(power)))


@dataclass(frozen=True)
class TrainingEnergy:
    """A training run's accelerator time, energy and operational emissions."""

    compute_flops: float
    accelerator: str
    precision: str
    peak_tflops: float
    power_w: float
    peak_flops_per_joule: float
    utilisation: float
    pue: float
    grid_g_per_kwh: float
    accelerator_hours: float
    energy_joules: float
    emissions_tonnes: float

    @property
    def energy_gwh(self) -> float:
        return self.energy_joules / f.JOULES_PER_KWH / 1e6

    @property
    def share_of_data_centres_2024(self) -> float:
        """The energy as a share of all data centres' electricity in 2024 (IEA)."""
        return self.energy_gwh / 1e3 / DATA_CENTRES_2024_TWH


def training_energy(compute_flops: float, accelerator: str = "NVIDIA H100 (SXM5 80GB)",
                    precision: str = "bf16", utilisation: float = 0.4, pue: float = 1.1,
                    grid_g_per_kwh: float = 445.0,
                    chips: pd.DataFrame | None = None) -> TrainingEnergy:
    """Energy and carbon of a run of ``compute_flops`` on one accelerator of the table.

    Energy E = C / (peak FLOP/J × u) × PUE; emissions = E (kWh) × grid intensity (g/kWh).
    The chips are assumed to draw their rated power throughout; host CPUs and networking
    are left out unless folded into the PUE.

    Parameters
    ----------
    compute_flops : float
        Training compute C, 1e15 to 1e35 FLOPs.
    accelerator, precision : str
        A chip of ``accelerators.csv`` and a dense number format it has.
    utilisation : float
        Model FLOPs utilisation u, in (0, 1].
    pue : float
        Power usage effectiveness, 1 to 3.
    grid_g_per_kwh : float
        Carbon intensity of the electricity, 0 to 2,000 gCO2e/kWh.

    Examples
    --------
    Llama 3.1 405B's 3.8e25 FLOPs at 40 % of the H100's dense BF16 peak and a PUE of 1.1:

    >>> run = training_energy(3.8e25)
    >>> round(run.energy_gwh, 1), round(run.accelerator_hours / 1e6, 1), round(run.emissions_tonnes)
    (20.5, 26.7, 9138)
    """
    c = number_in_range("compute_flops", compute_flops, 1e15, 1e35)
    u = fraction_of_peak(utilisation)
    p = number_in_range("pue", pue, 1, 3)
    grid = number_in_range("grid_g_per_kwh", grid_g_per_kwh, 0, 2000)
    table = load_accelerators() if chips is None else chips
    per_joule = chip_flops_per_joule(accelerator, precision, table)
    row = _chip_row(table, accelerator)
    tflops, power = float(row[PRECISIONS[precision]]), float(row["power_w"])
    energy = float(f.training_energy_joules(c, per_joule, u, p))
    return TrainingEnergy(
        compute_flops=c, accelerator=accelerator, precision=precision, peak_tflops=tflops,
        power_w=power, peak_flops_per_joule=per_joule, utilisation=u, pue=p,
        grid_g_per_kwh=grid, accelerator_hours=float(f.accelerator_hours(c, tflops, u)),
        energy_joules=energy, emissions_tonnes=float(f.emissions_tonnes(energy, grid)))
