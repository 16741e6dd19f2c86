"""Write the website's generated JavaScript: the formulas and the package's data (``make js``).

* ``book/static/live/generated/formulas.js``: :mod:`scalinglaws.formulas`, translated by
  :mod:`scalinglaws.web.translate`, and one module per chapter's formulas (``FORMULA_MODULES``:
  ``datalimits_formulas.py`` → ``generated/datalimits_formulas.js``, …);
* ``book/static/live/generated/data.js``: the constants and tables the calculators use
  (loss-law presets, Kaplan's allocation, the accelerator, CPU and training-run tables, the
  fitted transistor trend), exported from the package as it computes them.

Both are committed; ``python -m scalinglaws.web.export --check`` (a test runs it) fails when
regenerating them would change anything.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from scalinglaws import (
    datalimits_formulas,
    emergence_formulas,
    formulas,
    inference_formulas,
    outlook_formulas,
)
from scalinglaws.web.translate import HEADER, translate_file

__all__ = ["GENERATED", "generated_files", "main", "site_data"]

REPO = Path(__file__).resolve().parents[2]
#: Where the generated modules go.
GENERATED = REPO / "book" / "static" / "live" / "generated"
#: The restricted-Python formula modules translated for the page, by generated file name.
#: A chapter whose calculators compute on the page adds its ``<chapter>_formulas`` module here.
FORMULA_MODULES = {
    "formulas.js": formulas,
    "datalimits_formulas.js": datalimits_formulas,
    "emergence_formulas.js": emergence_formulas,
    "inference_formulas.js": inference_formulas,
    "outlook_formulas.js": outlook_formulas,
}


def _number(value):
    """A finite float, or None for NaN (JSON has no NaN)."""
    value = float(value)
    return value if math.isfinite(value) else None


def site_data() -> dict:
    """Everything the calculators read from the package's data, as plain JSON values."""
    from scalinglaws import chinchilla as ch
    from scalinglaws.datasets import load_accelerators, load_cpus, load_training_runs
    from scalinglaws.hardware import PRECISIONS, transistor_trend
    from scalinglaws.widgets.hardware import PRECISION_LABELS

    chips = load_accelerators()
    accelerators = [{
        "name": str(row["name"]), "year": int(row["year"]),
        "power_w": _number(row["power_w"]), "price_usd": _number(row["price_usd"]),
        "tflops": {key: _number(row[column]) for key, column in PRECISIONS.items()},
        "memory_gb": _number(row["memory_gb"]), "bandwidth_tbps": _number(row["bandwidth_tbps"]),
    } for _, row in chips.iterrows()]
    cpus = load_cpus()
    counted = cpus[cpus["transistors"].notna()]
    trends = {per_die: transistor_trend(cpus, per_die=per_die) for per_die in (True, False)}
    runs = load_training_runs()
    return {
        "GOPHER_FLOPS": ch.GOPHER_FLOPS,
        "laws": {key: {"E": law.E, "A": law.A, "B": law.B, "alpha": law.alpha,
                       "beta": law.beta, "name": law.name} for key, law in ch.LAWS.items()},
        "kaplan": {key: value for key, value in ch.KAPLAN_2020_ALLOCATION.items()
                   if key != "source"},
        "precisions": list(PRECISIONS),
        "precision_labels": PRECISION_LABELS,
        "accelerators": accelerators,
        "cpus": {"names": [str(name) for name in counted["name"]],
                 "years": [float(year) for year in counted["year"]],
                 "counts": [float(count) for count in counted["transistors"]],
                 "dies": [int(dies) for dies in counted["dies"]]},
        # the least-squares trend over single dies ("per_die") and over packages counted whole
        "transistor_trend": {("per_die" if per_die else "per_package"): {
            "doubling_time": trend.doubling_time,
            "doubling_time_ci": list(trend.doubling_time_ci),
            "rate_per_year": trend.rate_per_year,
            "reference_year": trend.reference_year,
            "value_at_reference": trend.value_at_reference,
            "confidence": trend.confidence,
        } for per_die, trend in trends.items()},
        "training_runs": {"names": [str(name) for name in runs["name"]],
                          "params": [float(value) for value in runs["params"]],
                          "tokens": [float(value) for value in runs["tokens"]]},
        "datalimits": _datalimits_data(runs),
        "inference": _inference_data(),
        **_outlook_data(),
    }


def _law_data(law) -> dict:
    """A loss law's constants and name (and R*_D, R*_N for a data-constrained law)."""
    data = {"E": law.E, "A": law.A, "B": law.B, "alpha": law.alpha, "beta": law.beta,
            "name": law.name}
    for key in ("rd_star", "rn_star"):
        if hasattr(law, key):
            data[key] = getattr(law, key)
    return data


def _datalimits_data(runs) -> dict:
    """What chapter 4's calculators read: laws, ranges, the runs by year and their trend."""
    from scalinglaws import chinchilla as ch
    from scalinglaws import datalimits as dl
    from scalinglaws.figures.datalimits import EPOCH_MARKS

    growth = dl.training_set_growth(runs)
    trend = growth.trend
    return {
        "data_laws": {key: _law_data(law) for key, law in dl.DATA_LAWS.items()},
        "quality_laws": {key: _law_data(law) for key, law in
                         {**ch.LAWS, "muennighoff2023_c4": dl.MUENNIGHOFF_2023_C4}.items()},
        "anchor_tokens": dl.ANCHOR_TOKENS,
        "ranges": dl.RANGES,
        "epoch_marks": [[value, text] for value, text in EPOCH_MARKS],
        "runs": {"names": [str(name) for name in runs["name"]],
                 "years": [float(year) for year in runs["year"]],
                 "tokens": [float(value) for value in runs["tokens"]],
                 "corpus_size": [bool(name in dl.CORPUS_SIZE_ROWS) for name in runs["name"]]},
        "growth_trend": {"rate_per_year": trend.rate_per_year,
                         "reference_year": trend.reference_year,
                         "value_at_reference": trend.value_at_reference},
    }


def _inference_data() -> dict:
    """Chapter 6's laws, number formats and model architectures (scalinglaws.inference)."""
    from scalinglaws import inference as inf

    models = inf.load_model_architectures()
    return {
        "laws": {key: {"E": law.E, "A": law.A, "B": law.B, "alpha": law.alpha,
                       "beta": law.beta, "name": law.name}
                 for key, law in inf.INFERENCE_LAWS.items()},
        "precision_bits": inf.PRECISION_BITS,
        "precision_labels": inf.PRECISION_LABELS,
        "precision_peak": inf.PRECISION_PEAK_COLUMN,
        "batch_sizes": list(inf.BATCH_SIZES),
        "context_lengths": list(inf.CONTEXT_LENGTHS),
        "models": [{"name": str(row["name"]), "params": inf.model_params(str(row["name"])),
                    "layers": int(row["layers"]), "kv_heads": int(row["kv_heads"]),
                    "head_dim": int(row["head_dim"])} for _, row in models.iterrows()],
        "objective_labels": inf.OBJECTIVE_LABELS,
        "input_share": inf.INPUT_SHARE,
        "objectives": {key: {"prefill_ratio": c.prefill_usd_per_flop / c.train_usd_per_flop,
                             "decode_ratio": c.decode_usd_per_flop / c.train_usd_per_flop}
                       for key, c in inf.COST_OBJECTIVES.items()},
    }
def _outlook_data() -> dict:
    """Chapter 7's constants: repetition's R*_D and ceiling, data centres' use, the grids."""
    from scalinglaws.datalimits import MUENNIGHOFF_2023
    from scalinglaws.outlook import DATA_CENTRES_2024_TWH, GRID_INTENSITY

    return {"outlook": {"rd_star": MUENNIGHOFF_2023.rd_star,
                        "repetition_ceiling": MUENNIGHOFF_2023.ceiling,
                        "data_centres_2024_twh": DATA_CENTRES_2024_TWH,
                        "grid_intensity": GRID_INTENSITY}}


def generated_files() -> dict[Path, str]:
    """The generated modules, by path, as the build would write them."""
    data = json.dumps(site_data(), ensure_ascii=False, allow_nan=False, indent=1)
    files = {GENERATED / name: translate_file(module.__file__)
             for name, module in FORMULA_MODULES.items()}
    return {
        **files,
        GENERATED / "data.js": (f"{HEADER.replace('restricted Python', 'the package data')}\n"
                                "// Written by python -m scalinglaws.web.export.\n\n"
                                f"export const DATA = {data};\n"),
    }


def main(argv: list[str] | None = None) -> int:
    """Write the generated modules; with ``--check`` only report the ones that would change."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for path, text in generated_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)}")
    if check and stale:
        names = ", ".join(str(path.relative_to(REPO)) for path in stale)
        print(f"out of date (run make js): {names}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
