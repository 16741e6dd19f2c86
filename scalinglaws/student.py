"""Student copies of the chapters (``make student``): solutions removed, outputs cleared.

For workshops where learners should not see the solutions in the page. Every ``{solution}``
directive of a markdown cell is replaced by a one-line note, wherever it sits: at the top
level, inside an exercise, a dropdown or an admonition, fenced with three or more colons or
backticks. sphinx-exercise's gated form (``{solution-start}`` … ``{solution-end}``) is removed
with every cell between its two markers, code cells included. Exercises, prose and code stay.

MyST's fence rules decide where a block ends: a fence opened with *n* colons (or backticks,
or tildes) closes at the first later line holding only *n* or more of the same character.
Fences are matched at any indentation (inside lists too), so an indented solution cannot slip
through; a literal code block is kept as it is.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["main", "strip_solutions", "student_notebook", "write_student_copies"]

NOTE = "*(Solution removed in the student copy.)*"

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\s*\{(?P<name>[A-Za-z][\w:.+-]*)\}")
_SOLUTION = "solution"
_GATE_START, _GATE_END = "solution-start", "solution-end"


@dataclass(frozen=True)
class _Fence:
    indent: str
    char: str
    length: int
    name: str | None  # the directive name, or None for a literal code block

    def closes(self, line: str) -> bool:
        stripped = line.strip()
        return (len(stripped) >= self.length and set(stripped) == {self.char})


def _opening(line: str) -> _Fence | None:
    match = _OPEN.match(line)
    if not match:
        return None
    fence, info = match["fence"], match["info"]
    if fence[0] == "`" and "`" in info:  # CommonMark: a backtick fence's info has no backtick
        return None
    directive = _DIRECTIVE.match(info)
    if directive:
        name = directive["name"].lower()
    elif fence[0] == ":":  # a colon fence is a container in MyST, never literal code
        name = info.strip().lower()
    else:
        name = None
    return _Fence(match["indent"], fence[0], len(fence), name)


def _block_end(lines: list[str], start: int, fence: _Fence) -> int:
    """Index of the line closing the fence opened at ``start`` (len(lines) if unclosed)."""
    for index in range(start + 1, len(lines)):
        if fence.closes(lines[index]):
            return index
    return len(lines)


def _strip_lines(lines: list[str], skipping: bool) -> tuple[list[str], bool]:
    """Remove the solutions from ``lines``; ``skipping`` is True inside a gated solution."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _opening(line)
        if fence is None:
            if not skipping:
                kept.append(line)
            index += 1
            continue
        end = _block_end(lines, index, fence)
        block_end = min(end + 1, len(lines))
        if fence.name == _GATE_START:
            if not skipping:
                kept.append(f"{fence.indent}{NOTE}")
            skipping = True
        elif fence.name == _GATE_END:
            skipping = False
        elif skipping:
            pass
        elif fence.name == _SOLUTION:
            kept.append(f"{fence.indent}{NOTE}")
        elif fence.name is None:
            kept.extend(lines[index:block_end])
        else:  # another directive: keep its fences, strip what it contains
            inner, _ = _strip_lines(lines[index + 1:end], skipping=False)
            kept.append(line)
            kept.extend(inner)
            if end < len(lines):
                kept.append(lines[end])
        index = block_end
    return kept, skipping


def _strip(markdown: str, skipping: bool = False) -> tuple[str, bool]:
    trailing_newline = markdown.endswith("\n")
    kept, skipping = _strip_lines(markdown.splitlines(), skipping)
    text = "\n".join(kept)
    return (text + "\n" if trailing_newline and text else text), skipping


def strip_solutions(markdown: str) -> str:
    """Replace every ``{solution}`` block of MyST markdown with a short note.

    >>> text = ":::{exercise}\\nQ?\\n:::\\n\\n:::{solution} q\\n:class: dropdown\\n\\nA.\\n:::\\n"
    >>> print(strip_solutions(text))
    :::{exercise}
    Q?
    :::
    <BLANKLINE>
    *(Solution removed in the student copy.)*
    <BLANKLINE>

    A solution nested in another directive goes too, and the directive stays:

    >>> print(strip_solutions("::::{note}\\nHint.\\n:::{solution}\\nA.\\n:::\\n::::"))
    ::::{note}
    Hint.
    *(Solution removed in the student copy.)*
    ::::
    """
    return _strip(markdown)[0]


def _text(source) -> str:
    """A cell's source as one string (notebook files may store it as a list of lines)."""
    return "".join(source) if isinstance(source, list) else source


def student_notebook(notebook: dict) -> dict:
    """A copy of a notebook (a dict as in the .ipynb file, or an nbformat node) without
    solutions, outputs or widget state.

    Cells between a gated ``{solution-start}`` and its ``{solution-end}`` are dropped,
    code cells included.
    """
    copy_ = copy.deepcopy(notebook)
    copy_["metadata"].pop("widgets", None)
    cells, skipping = [], False
    for cell in copy_["cells"]:
        if cell["cell_type"] in ("markdown", "raw"):
            was_skipping = skipping
            cell["source"], skipping = _strip(_text(cell["source"]), skipping)
            if was_skipping and not cell["source"].strip():
                continue
            cell.pop("attachments", None)
        elif skipping:
            continue
        elif cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cells.append(cell)
    copy_["cells"] = cells
    return copy_


def write_student_copies(out: Path, notebooks: list[Path]) -> list[Path]:
    """Write the student copy of each notebook into ``out``; return the paths written.

    Plain JSON (no nbformat), so it also runs in a bare environment such as a Binder or
    repo2docker ``postBuild`` step.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        target = out / path.name
        text = json.dumps(student_notebook(notebook), indent=1, ensure_ascii=False)
        target.write_text(text + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m scalinglaws.student OUT_DIR NOTEBOOK.ipynb ...``"""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: python -m scalinglaws.student OUT_DIR NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for target in write_student_copies(Path(args[0]), [Path(arg) for arg in args[1:]]):
        print(f"{target}: solutions removed, outputs cleared")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
