"""The course on one map: each chapter's key formulas, read from the package's docstrings.

The text of each formula is the docstring paragraph of the function that computes it, so the
map cannot say something the code does not compute. The book's formula sheet
(``book/formula-sheet.md``, written by ``tools/formula_sheet.py``) lists every formula.
"""

from __future__ import annotations

import importlib
import inspect

import pandas as pd

__all__ = ["CHAPTERS", "COURSE_MAP", "course_map", "formula_of"]

#: The chapters of the course with a formula on the map: number → (title, notebook file).
CHAPTERS = {
    1: ("Moore's law versus Dennard scaling", "01-moore-dennard.ipynb"),
    2: ("Power laws", "02-power-laws.ipynb"),
    3: ("Chinchilla", "03-chinchilla.ipynb"),
    4: ("Data quality and data limits", "04-data-limits.ipynb"),
    5: ("Emergent abilities", "05-emergence.ipynb"),
    6: ("From training to inference", "06-inference.ipynb"),
    7: ("Outlook", "07-outlook.ipynb"),
}

#: (chapter, idea, dotted path below ``scalinglaws``, docstring paragraph that states it).
COURSE_MAP = (
    (1, "Moore's law", "hardware.project_transistors", 0),
    (1, "Energy efficiency", "hardware.flops_per_watt", 0),
    (2, "A power law, fitted", "powerlaw.fit_power_law", 0),
    (2, "Scale invariance", "powerlaw.ScalingLaw.loss_ratio", 0),
    (3, "Training compute", "chinchilla.training_flops", 0),
    (3, "The loss law", "chinchilla.LossLaw", 0),
    (3, "Compute-optimal allocation", "chinchilla.compute_optimal", 1),
    (4, "Repeated data", "datalimits_formulas.effective_data", 0),
    (4, "The data runway", "datalimits.runway_year", 0),
    (5, "Per-token accuracy", "emergence.token_accuracy", 0),
    (5, "Exact match", "emergence.exact_match_accuracy", 0),
    (6, "Lifetime compute", "inference.lifetime_flops", 0),
    (6, "Decode roofline", "inference_formulas.decode_step_seconds", 0),
    (6, "Serving cost", "inference_formulas.cost_per_million_tokens", 0),
    (7, "Energy of a run", "outlook_formulas.training_energy_joules", 0),
    (7, "Emissions", "outlook_formulas.emissions_tonnes", 0),
    (7, "Mixture of experts", "outlook_formulas.moe_training_flops", 0),
    (7, "Checkpoint interval", "outlook_formulas.daly_interval", 0),
    (7, "Goodput", "outlook_formulas.goodput", 0),
    (7, "Returns per order of magnitude", "outlook_formulas.reducible_loss_factor", 0),
)


def _resolve(target: str):
    module_name, *attributes = target.split(".")
    obj = importlib.import_module(f"scalinglaws.{module_name}")
    for attribute in attributes:
        obj = getattr(obj, attribute)
    return obj


def formula_of(target: str, paragraph: int = 0) -> str:
    """The docstring paragraph of the package object at ``target`` that states its formula.

    >>> formula_of("chinchilla.training_flops")
    'Training compute C ≈ 6·N·D in FLOPs (Kaplan et al. 2020, §2.1).'
    """
    doc = inspect.getdoc(_resolve(target)) or ""
    paragraphs = [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]
    if len(paragraphs) <= paragraph:
        raise ValueError(f"paragraph: {target} has no docstring paragraph {paragraph}")
    return paragraphs[paragraph].replace("``", "")


def course_map() -> pd.DataFrame:
    """Each chapter's key formulas, as the package states them (functions of ``scalinglaws``).

    >>> table = course_map()
    >>> sorted(set(table["chapter"])) == sorted(CHAPTERS), len(table)
    (True, 20)
    """
    rows = [{"chapter": chapter, "idea": idea, "formula": formula_of(target, paragraph),
             "function": target}
            for chapter, idea, target, paragraph in COURSE_MAP]
    return pd.DataFrame(rows)
