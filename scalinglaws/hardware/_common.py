"""What the hardware modules share: the range of years and reading rows of the CPU table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scalinglaws._validate import table_columns

#: Range of years accepted by the projection and series functions.
YEAR_RANGE = (1900.0, 2100.0)


def cpu_rows(cpus: pd.DataFrame | None, column: str, per_die: bool = False):
    """Names, years and ``column`` of the CPU rows where ``column`` is present.

    With ``per_die`` only the rows of one die (column ``dies`` equal to 1) are kept.
    """
    if cpus is None:
        from scalinglaws.datasets import load_cpus
        cpus = load_cpus()
    table_columns(cpus, "cpus", ["name", "year", column] + (["dies"] if per_die else []))
    values = cpus[column].to_numpy(dtype=float)
    keep = np.isfinite(values)
    if per_die:
        keep &= cpus["dies"].to_numpy(dtype=float) == 1
    return (cpus["name"].to_numpy()[keep], cpus["year"].to_numpy(dtype=float)[keep],
            values[keep])
