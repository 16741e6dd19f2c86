"""Calculators: thin ipywidgets views over the package's functions, with no formulas here.

:mod:`scalinglaws.widgets.base` holds the parts every calculator shares (labelled controls,
a result panel, an error panel, a figure); one submodule per chapter holds its calculators.
"""

from __future__ import annotations

from collections.abc import Callable

from scalinglaws.widgets.base import Action, Calculator, Choice, Number, Slider, format_interval
from scalinglaws.widgets.chinchilla import (
    allocation_calculator,
    fit_lab_calculator,
    fit_your_runs_calculator,
    isoflop_calculator,
)
from scalinglaws.widgets.datalimits import (
    quality_calculator,
    repetition_calculator,
    runway_calculator,
)
from scalinglaws.widgets.emergence import benchmark_calculator, mirage_calculator
from scalinglaws.widgets.hardware import (
    accelerator_calculator,
    dennard_calculator,
    moore_calculator,
)
from scalinglaws.widgets.inference import (
    inference_optimum_calculator,
    lifetime_calculator,
    serving_calculator,
)
from scalinglaws.widgets.outlook import (
    energy_calculator,
    leap_calculator,
    reliability_calculator,
)
from scalinglaws.widgets.powerlaw import power_law_calculator

__all__ = ["CALCULATORS", "Action", "Calculator", "Choice", "Number", "Slider",
           "accelerator_calculator", "allocation_calculator", "benchmark_calculator",
           "dennard_calculator", "energy_calculator", "fit_lab_calculator",
           "fit_your_runs_calculator", "format_interval",
           "inference_optimum_calculator", "isoflop_calculator", "leap_calculator",
           "lifetime_calculator", "mirage_calculator", "moore_calculator",
           "power_law_calculator", "quality_calculator", "reliability_calculator",
           "repetition_calculator", "runway_calculator", "serving_calculator"]

#: Every calculator of the book, by name: the benchmark times each, the tests drive each.
CALCULATORS: dict[str, Callable[[], Calculator]] = {
    "Dennard vs post-Dennard (chapter 1)": dennard_calculator,
    "Moore projector (chapter 1)": moore_calculator,
    "accelerator explorer (chapter 1)": accelerator_calculator,
    "power law fit (chapter 2)": power_law_calculator,
    "compute-optimal allocator (chapter 3)": allocation_calculator,
    "IsoFLOP explorer (chapter 3)": isoflop_calculator,
    "fit lab (chapter 3)": fit_lab_calculator,
    "fit your own runs (chapter 3)": fit_your_runs_calculator,
    "repetition (chapter 4)": repetition_calculator,
    "data quality (chapter 4)": quality_calculator,
    "data runway (chapter 4)": runway_calculator,
    "mirage explorer (chapter 5)": mirage_calculator,
    "benchmark reader (chapter 5)": benchmark_calculator,
    "lifetime compute (chapter 6)": lifetime_calculator,
    "inference-aware optimum (chapter 6)": inference_optimum_calculator,
    "serving cost (chapter 6)": serving_calculator,
    "energy and carbon (chapter 7)": energy_calculator,
    "cluster reliability (chapter 7)": reliability_calculator,
    "1,000,000x explorer (chapter 7)": leap_calculator,
}
