"""Loading and validating the course's data tables in ``scalinglaws/data/``.

Every table is compiled by this project from public facts, one source per row: a ``source``
column holds a citation key of ``book/references.bib`` or a URL. Units are in column names
(``clock_mhz``, ``power_w``). A loader checks the header, every value's type and range, and
that each row has a source; a problem raises ``ValueError`` naming the file, the row (as the
line number in the file) and the column.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["DATA_DIR", "Column", "load_accelerators", "load_cpus", "load_single_thread_eras",
           "load_table", "load_training_runs", "validate_rows"]

#: Folder of the package's CSV tables.
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Column:
    """One column of a table: its type (``"text"``, ``"int"`` or ``"float"``), range, need.

    ``low`` and ``high`` bound numbers (inclusive); ``required=False`` allows an empty cell,
    which loads as missing (NaN, or None for text).
    """

    name: str
    kind: str = "float"
    required: bool = True
    low: float | None = None
    high: float | None = None

    def parse(self, text: str):
        """Parse one cell; raise ``ValueError`` with a reason (without file or row)."""
        text = text.strip()
        if text == "":
            if self.required:
                raise ValueError("is empty but required")
            return None if self.kind == "text" else math.nan
        if self.kind == "text":
            return text
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
        if not math.isfinite(number):
            raise ValueError(f"{text!r} is not a finite number")
        if self.kind == "int":
            if number != int(number):
                raise ValueError(f"{text!r} is not a whole number")
            number = int(number)
        if self.low is not None and number < self.low:
            raise ValueError(f"{text} is below the allowed minimum {self.low:g}")
        if self.high is not None and number > self.high:
            raise ValueError(f"{text} is above the allowed maximum {self.high:g}")
        return number


SOURCE = Column("source", kind="text")


def validate_rows(filename: str, header: list[str], rows: list[list[str]],
                  columns: list[Column]) -> list[dict]:
    """Check a table's header and cells against ``columns``; return the parsed records.

    Line numbers in messages count the header as line 1.

    >>> cols = [Column("name", "text"), Column("year", "int", low=1900), SOURCE]
    >>> validate_rows("t.csv", ["name", "year", "source"], [["a", "1999", "x"]], cols)
    [{'name': 'a', 'year': 1999, 'source': 'x'}]
    >>> validate_rows("t.csv", ["name", "year", "source"], [["a", "19x", "x"]], cols)
    Traceback (most recent call last):
    ...
    ValueError: t.csv, line 2, column 'year': '19x' is not a number
    """
    expected = [column.name for column in columns]
    missing = [name for name in expected if name not in header]
    extra = [name for name in header if name not in expected]
    if missing or extra:
        problems = []
        if missing:
            problems.append(f"missing column(s) {missing}")
        if extra:
            problems.append(f"unexpected column(s) {extra}")
        raise ValueError(f"{filename}, line 1 (header): {'; '.join(problems)}; "
                         f"expected columns {expected}")
    records = []
    for line_number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise ValueError(f"{filename}, line {line_number}: has {len(row)} cells, "
                             f"the header has {len(header)}")
        cells = dict(zip(header, row, strict=True))
        record = {}
        for column in columns:
            try:
                record[column.name] = column.parse(cells[column.name])
            except ValueError as error:
                raise ValueError(f"{filename}, line {line_number}, column "
                                 f"'{column.name}': {error}") from None
        records.append(record)
    if not records:
        raise ValueError(f"{filename}: has a header but no rows")
    return records


def load_table(filename: str, columns: list[Column], folder: Path | str | None = None
               ) -> pd.DataFrame:
    """Read ``folder/filename`` (default: the package's data folder) and validate it.

    Returns a DataFrame with the columns in the order of ``columns``. Numbers load as floats
    (ints where every value is present and whole), text as strings.
    """
    path = Path(folder or DATA_DIR) / filename
    if not path.is_file():
        raise ValueError(f"{filename}: no such table in {path.parent}")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            raise ValueError(f"{filename}: the file is empty") from None
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    records = validate_rows(filename, header, rows, columns)
    frame = pd.DataFrame.from_records(records, columns=[column.name for column in columns])
    for column in columns:
        if column.kind == "int" and not frame[column.name].isna().any():
            frame[column.name] = frame[column.name].astype("int64")
    return frame


# --- The course's tables ---------------------------------------------------------------------

CPU_COLUMNS = [
    Column("name", "text"),
    Column("vendor", "text"),
    Column("year", "int", low=1971, high=2030),
    Column("transistors", "float", required=False, low=1e3, high=1e13),
    Column("dies", "int", low=1, high=64),
    Column("clock_mhz", "float", required=False, low=0.05, high=10_000),
    Column("power_w", "float", required=False, low=0.01, high=2_000),
    Column("cores", "int", required=False, low=1, high=1_024),
    Column("process_nm", "float", required=False, low=1, high=20_000),
    SOURCE,
]

ACCELERATOR_COLUMNS = [
    Column("name", "text"),
    Column("vendor", "text"),
    Column("year", "int", low=2010, high=2030),
    Column("form_factor", "text", required=False),
    Column("fp32_tflops_dense", "float", required=False, low=0.1, high=1e4),
    Column("tf32_tflops_dense", "float", required=False, low=0.1, high=1e5),
    Column("bf16_tflops_dense", "float", required=False, low=0.1, high=1e5),
    Column("fp16_tflops_dense", "float", required=False, low=0.1, high=1e5),
    Column("fp8_tflops_dense", "float", required=False, low=0.1, high=1e5),
    Column("fp4_tflops_dense", "float", required=False, low=0.1, high=1e5),
    Column("memory_gb", "float", low=1, high=10_000),
    Column("bandwidth_tbps", "float", low=0.01, high=1_000),
    Column("power_w", "float", required=False, low=10, high=10_000),
    Column("power_basis", "text", required=False),
    Column("price_usd", "float", required=False, low=100, high=1e7),
    SOURCE,
    Column("price_source", "text", required=False),
]

TRAINING_RUN_COLUMNS = [
    Column("name", "text"),
    Column("organization", "text"),
    Column("year", "int", low=2017, high=2030),
    Column("params", "float", low=1e6, high=1e14),
    Column("tokens", "float", low=1e8, high=1e15),
    Column("train_flops", "float", required=False, low=1e15, high=1e30),
    SOURCE,
]

SINGLE_THREAD_ERA_COLUMNS = [
    Column("start_year", "int", low=1970, high=2030),
    Column("end_year", "int", low=1971, high=2030),
    Column("growth_percent_per_year", "float", low=0.1, high=200),
    Column("label", "text"),
    SOURCE,
]


def load_cpus(folder: Path | str | None = None) -> pd.DataFrame:
    """Microprocessors from 1971 on (``cpus.csv``): transistors, dies, clock, power, cores, node.

    Columns: name, vendor, year, transistors (count, summed over the package's dies), dies
    (the silicon dies that count covers: 1 for a monolithic chip, 2 for Apple's "Ultra" parts, 9 for
    AMD's EPYC Rome), clock_mhz (maximum rated clock of the named model), power_w (TDP or
    typical power), cores, process_nm, source. Moore's observation is per integrated circuit,
    so trends are fitted per die (``dies == 1``) by default.

    >>> cpus = load_cpus()
    >>> int(cpus.year.min()), bool(cpus.source.str.len().gt(0).all())
    (1971, True)
    """
    return load_table("cpus.csv", CPU_COLUMNS, folder)


def load_accelerators(folder: Path | str | None = None) -> pd.DataFrame:
    """ML accelerators (``accelerators.csv``): dense peak TFLOP/s per precision, memory, power.

    Every TFLOP/s figure is dense (without structured sparsity); empty where the chip lacks
    the precision natively (a format accepted only at a wider format's rate is left empty).
    Memory, bandwidth and power describe the ``form_factor`` named (for the B200, one GPU of
    an HGX B200 board). ``power_basis`` says what ``power_w`` is: "max TDP", "TDP", "peak
    board power" or "measured maximum" (Google's TPU v4 figure, not a TDP). ``price_usd`` is
    filled only where a public figure exists, with its own
    ``price_source``.

    >>> chips = load_accelerators()
    >>> float(chips.set_index("name").loc["NVIDIA A100 (SXM4 80GB)", "bf16_tflops_dense"])
    312.0
    """
    return load_table("accelerators.csv", ACCELERATOR_COLUMNS, folder)


def load_training_runs(folder: Path | str | None = None) -> pd.DataFrame:
    """Published training runs of dense language models (``training_runs.csv``).

    Columns: name, organization, year, params, tokens, train_flops (only where the source
    states it), source.

    >>> runs = load_training_runs().set_index("name")
    >>> float(runs.loc["Chinchilla 70B", "tokens"])
    1400000000000.0
    """
    return load_table("training_runs.csv", TRAINING_RUN_COLUMNS, folder)


def load_single_thread_eras(folder: Path | str | None = None) -> pd.DataFrame:
    """Eras of single-processor integer performance growth (``single_thread_eras.csv``).

    Columns: start_year, end_year, growth_percent_per_year (compound growth of SPEC integer
    performance per year in the era), label (the cause the source gives), source. The rates
    are Hennessy & Patterson's, from the caption of Figure 1.1 of *Computer Architecture*,
    6th ed. (``hennessy2019ca6``); see ``research/hardware-facts.md`` for the quotes and the
    year the last era ends. :func:`scalinglaws.hardware.single_thread_series` turns the eras
    into a series by year.

    >>> eras = load_single_thread_eras()
    >>> eras[["start_year", "end_year", "growth_percent_per_year"]].values.tolist()[:2]
    [[1978.0, 1986.0, 22.0], [1986.0, 2003.0, 52.0]]
    >>> eras.source.unique().tolist()
    ['hennessy2019ca6']
    """
    return load_table("single_thread_eras.csv", SINGLE_THREAD_ERA_COLUMNS, folder)
