"""Reading a practitioner's own training runs from CSV, for the parametric fit.

The file needs one row per finished training run and a header naming three columns: the
model size, the training tokens (or the training FLOPs, from which tokens = FLOPs/(6·N)) and
the final loss. Names are matched without regard to case, spaces, hyphens or underscores:

- parameters: ``params``, ``parameters``, ``n_params``, ``num_params``, ``model_size``, ``N``
- tokens: ``tokens``, ``training_tokens``, ``n_tokens``, ``num_tokens``, ``D``
- or FLOPs instead of tokens: ``flops``, ``training_flops``, ``training_flop``, ``compute``,
  ``C``
- loss: ``loss``, ``final_loss``, ``eval_loss``, ``val_loss``, ``L``

Other columns (a run name, say) are ignored. Commas separate cells (semicolons or tabs are
detected too) and a cell may be quoted (``"…"``, holding commas or line breaks); blank
lines and records starting with ``#`` are skipped. Every value must be a
finite number > 0. A file may hold at most :data:`MAX_BYTES` bytes (1 MB) and
:data:`MAX_ROWS` rows (10,000), and must hold at least :data:`MIN_ROWS` runs (5, one per
fitted parameter E, A, B, α, β). A problem raises ``ValueError`` whose message (at most
:data:`MAX_MESSAGE` characters, 300) names the file, the line and the column.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scalinglaws.chinchilla import MIN_RUNS
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["ACCEPTED_NAMES", "MAX_BYTES", "MAX_ROWS", "MIN_ROWS", "RunsTable",
           "parse_runs_csv", "read_runs_csv"]

#: Largest file accepted, in bytes (1 MB).
MAX_BYTES = 1_000_000
#: Most data rows accepted.
MAX_ROWS = 10_000
#: Fewest data rows accepted: one per parameter of L(N, D) = E + A/N^α + B/D^β.
MIN_ROWS = MIN_RUNS

#: Accepted header names per role, in normalised form (lower case, no spaces, "-" or "_").
ACCEPTED_NAMES = {
    "params": ("params", "parameters", "n_params", "num_params", "model_size", "n"),
    "tokens": ("tokens", "training_tokens", "n_tokens", "num_tokens", "d"),
    "flops": ("flops", "training_flops", "training_flop", "compute", "c"),
    "loss": ("loss", "final_loss", "eval_loss", "val_loss", "l"),
}


def _key(name: str) -> str:
    return "".join(ch for ch in name.strip().lower() if ch not in " -_")


_LOOKUP = {_key(name): role for role, names in ACCEPTED_NAMES.items() for name in names}


@dataclass(frozen=True)
class RunsTable:
    """Training runs read from a CSV file: one entry per run.

    ``columns`` maps each role (``params``, ``tokens`` or ``flops``, ``loss``) to the header
    name found in the file; ``lines`` holds each run's line number in the file.
    """

    params: np.ndarray
    tokens: np.ndarray
    loss: np.ndarray
    columns: dict
    lines: np.ndarray
    source: str

    @property
    def n_runs(self) -> int:
        """Number of runs read."""
        return int(self.params.size)


#: Most columns accepted in the header (a file of runs has a handful).
MAX_COLUMNS = 1_000
#: Longest error message, in characters: whatever the file holds, the message stays readable.
MAX_MESSAGE = 300


def _shown(text: str, limit: int = 30) -> str:
    """``repr`` of a cell or name from the file, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


def _error(message: str) -> ValueError:
    """A ValueError whose message is at most :data:`MAX_MESSAGE` characters."""
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE - 1] + "…"
    return ValueError(message)


def _line_breaks(text: str) -> int:
    """Line breaks in ``text``, counting CR LF, CR and LF as the csv module does (U+2028,
    form feeds and the other breaks of :meth:`str.splitlines` are not line ends)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _accepted_text(roles) -> str:
    detailed = "; ".join(f"{role}: {', '.join(ACCEPTED_NAMES[role])}" for role in roles)
    return f"Accepted names: {detailed}"


def _found_text(header: list[str]) -> str:
    shown = ", ".join(_shown(name, 20) for name in header[:6])
    more = f" and {len(header) - 6:,} more" if len(header) > 6 else ""
    return f"[{shown}{more}]"


def _columns(header: list[str], where: str) -> dict[str, int]:
    found: dict[str, int] = {}
    keys = [_key(name) if len(name) <= 64 else "" for name in header]
    for index, key in enumerate(keys):
        role = _LOOKUP.get(key)
        if role is None:
            continue
        if role in found:
            raise _error(f"{where}: columns {_shown(header[found[role]], 40)} and "
                         f"{_shown(header[index], 40)} both name the {role}; keep one")
        found[role] = index
    if "tokens" in found and "flops" in found:
        del found["flops"]  # tokens given directly win; FLOPs are then ignored
    missing = [role for role in ("params", "loss") if role not in found]
    if "tokens" not in found and "flops" not in found:
        missing.insert(1, "tokens")
    if missing:
        hints = []
        for name, key in zip(header[:50], keys[:50], strict=False):
            close = difflib.get_close_matches(key, list(_LOOKUP), n=1, cutoff=0.6)
            if close and key and len(name) <= 40 and key not in _LOOKUP:
                hints.append(f"{_shown(name, 20)} looks like {close[0]!r}")
        hint = f" ({'; '.join(hints[:3])})" if hints else ""
        head = (f"{where}: missing column(s) for {' and '.join(missing)}; found "
                f"{_found_text(header)}{hint}. ")
        roles = [*missing, "flops"] if "tokens" in missing else missing
        accepted = _accepted_text(roles)
        if len(head) + len(accepted) > MAX_MESSAGE:
            accepted = "Accepted names: params, tokens (or flops), loss, and their aliases"
        raise _error(head + accepted)
    return found


def _number(text: str, source: str, line: int, column: str) -> float:
    cell = text.strip()
    where = f"{source}, line {line}, column {_shown(column, 40)}"
    if cell == "":
        raise _error(f"{where}: is empty; every run needs a value")
    if len(cell) > 100:
        raise _error(f"{where}: a cell of {len(cell):,} characters is not a number")
    try:
        value = float(cell.replace("_", ""))
    except ValueError:
        raise _error(f"{where}: {_shown(cell)} is not a number") from None
    if not math.isfinite(value):
        raise _error(f"{where}: {_shown(cell)} is not a finite number")
    if value <= 0:
        raise _error(f"{where}: {cell} must be > 0")
    return value


def _as_text(text: str | bytes, source: str) -> str:
    """The file's text: bytes decoded as UTF-8; size, encoding, NUL and BOM handled."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_BYTES:
            raise _error(f"{source}: is {len(text):,} bytes; the limit is {MAX_BYTES:,} "
                         "bytes (1 MB)")
        data = bytes(text)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            before = data[:error.start].decode("utf-8-sig", errors="replace")
            line = 1 + _line_breaks(before)
            column = len(before) - max(before.rfind("\n"), before.rfind("\r"))
            raise _error(f"{source}, line {line}, character {column}: is not UTF-8 text "
                         f"(byte 0x{data[error.start]:02x}); save it as CSV text in UTF-8"
                         ) from None
    if not isinstance(text, str):
        raise _error(f"text must be the CSV file's contents as str or bytes; "
                     f"got {type(text).__name__}")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        raise _error(f"{source}: is {size:,} bytes; the limit is {MAX_BYTES:,} bytes (1 MB)")
    nul = text.find("\x00")
    if nul >= 0:
        line = 1 + _line_breaks(text[:nul])
        raise _error(f"{source}, line {line}: contains NUL bytes; it is not a CSV text file")
    return text.removeprefix("\ufeff")  # a byte-order mark pasted with the text


def _delimiter(text: str) -> str:
    """Commas, unless the first line that is not blank or a comment has none and has
    semicolons (or tabs) instead."""
    for line in io.StringIO(text, newline=""):
        if line.strip() and not line.lstrip().startswith("#"):
            if "," in line:
                return ","
            return ";" if ";" in line else ("\t" if "\t" in line else ",")
    return ","


@contextlib.contextmanager
def _field_limit(limit: int):
    """Let the csv module read cells up to ``limit`` characters (its default is 131,072),
    so a long cell gets this module's message instead of ``_csv.Error``."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, limit))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _records(text: str, delimiter: str, source: str, most: int) -> list[tuple[int, list[str]]]:
    """(first line, cells) of each record that is not blank or a comment, at most ``most``.

    The whole text is read by one ``csv.reader``, so a quoted cell may hold line breaks;
    line numbers count CR LF, CR and LF line ends, as the reader does.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    with _field_limit(MAX_BYTES + 1):
        while len(records) < most:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:  # not expected with these settings; still a message
                raise _error(f"{source}, line {line}: cannot be read as CSV ({error})") from None
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if cells[0].lstrip().startswith("#"):
                continue
            records.append((line, cells))
    return records


def _cell_line(first_line: int, cells: list[str], index: int) -> int:
    """The line on which cell ``index`` of a record starting at ``first_line`` starts."""
    return first_line + sum(_line_breaks(cell) for cell in cells[:index])


def parse_runs_csv(text: str | bytes, source: str = "runs.csv") -> RunsTable:
    """Parse CSV text of training runs (see the module's description of the format).

    The whole text is read once by the :mod:`csv` module: a quoted cell may hold commas or
    line breaks. Line numbers count CR LF, CR and LF line ends (the header is
    line 1 unless blank or comment lines precede it); a byte-order mark is ignored.

    Parameters
    ----------
    text : str or bytes
        The file's contents (bytes are decoded as UTF-8).
    source : str
        The file's name, used in error messages.

    Returns
    -------
    RunsTable

    Raises
    ------
    ValueError
        With a message of at most 300 characters naming the file, line and column: too
        large, not text, missing or duplicated columns, an empty, non-numeric, non-finite
        or non-positive value, a row with the wrong number of cells, fewer than 5 or more
        than 10,000 runs.

    Examples
    --------
    >>> table = parse_runs_csv("params,tokens,loss\\n1e8,2e9,3.1\\n2e8,4e9,2.9\\n"
    ...                        "4e8,8e9,2.7\\n8e8,2e10,2.5\\n1.6e9,4e10,2.4\\n")
    >>> table.n_runs, table.columns
    (5, {'params': 'params', 'tokens': 'tokens', 'loss': 'loss'})
    >>> parse_runs_csv("params,tokens,loss\\n1e8,2e9,abc\\n")
    Traceback (most recent call last):
    ...
    ValueError: runs.csv, line 2, column 'loss': 'abc' is not a number
    """
    source = str(source)
    if len(source) > 60:
        source = source[:59] + "…"
    text = _as_text(text, source)
    records = _records(text, _delimiter(text), source, most=MAX_ROWS + 2)
    if not records:
        raise _error(f"{source}: is empty; expected a header line and at least "
                     f"{MIN_ROWS} runs")
    (header_line, header_cells), rows = records[0], records[1:]
    where = f"{source}, line {header_line} (header)"
    if len(header_cells) > MAX_COLUMNS:
        raise _error(f"{where}: has {len(header_cells):,} columns; at most {MAX_COLUMNS:,} are "
                     "accepted (params, tokens or flops, loss, and a few others)")
    header = [cell.strip() for cell in header_cells]
    found = _columns(header, where)
    if len(rows) > MAX_ROWS:
        raise _error(f"{source}, line {rows[MAX_ROWS][0]}: more than {MAX_ROWS:,} rows; the "
                     f"limit is {MAX_ROWS:,} runs")
    values = {role: [] for role in found}
    numbers = []
    for line, cells in rows:
        if len(cells) != len(header):
            if len(cells) > len(header):
                detail = f"an extra cell after column {_shown(header[-1], 40)}"
            else:
                detail = f"no cell for column {_shown(header[len(cells)], 40)}"
            raise _error(f"{source}, line {line}: has {len(cells)} cells, the header has "
                         f"{len(header)} ({detail})")
        for role, index in found.items():
            values[role].append(_number(cells[index], source, _cell_line(line, cells, index),
                                        header[index]))
        numbers.append(line)
    if len(numbers) < MIN_ROWS:
        raise _error(f"{source}: has {len(numbers)} run(s); fitting E, A, B, α and β "
                     f"needs at least {MIN_ROWS}")
    params = np.array(values["params"])
    loss = np.array(values["loss"])
    if "tokens" in found:
        tokens = np.array(values["tokens"])
    else:
        tokens = np.array(values["flops"]) / (FLOPS_PER_PARAM_TOKEN * params)
    columns = {role: header[index] for role, index in found.items()}
    return RunsTable(params=params, tokens=tokens, loss=loss, columns=columns,
                     lines=np.array(numbers), source=source)


def read_runs_csv(path: str | Path) -> RunsTable:
    """Read and parse a CSV file of training runs; the size is checked before reading.

    Raises
    ------
    ValueError
        If the file is missing, not a file, over 1 MB, or fails :func:`parse_runs_csv`.
    """
    path = Path(path)
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    if not path.is_file():
        raise ValueError(f"{path}: is not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"{path.name}: is {size:,} bytes; the limit is {MAX_BYTES:,} bytes "
                         "(1 MB)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValueError(f"{path}: cannot be read ({error.strerror})") from None
    return parse_runs_csv(data, source=path.name)
