"""Words and reading time of each chapter's prose, as the instructor guide states them.

Counts the words of the markdown cells, with LaTeX math (an inline formula counts as one
word, display math as none), citation roles, code spans and blocks, MyST directive lines and
table rules removed; "Going deeper" boxes and the exercises (from "## Exercises" to
"## Summary") are counted apart. Reading time at 200 to 230 words a minute.

    python tools/reading_time.py notebooks/*.ipynb
"""

from __future__ import annotations

import json
import re
import sys

ASIDE = re.compile(r":::\{admonition\} Going deeper.*?\n:::", flags=re.S)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")


def count_words(markdown: str) -> int:
    """Words of prose in a markdown cell.

    >>> count_words("A power law $y = a x^b$ is a line {cite:p}`ch2-kaplan2020scaling`.")
    7
    """
    text = re.sub(r"\$\$.*?\$\$", " ", markdown, flags=re.S)
    text = re.sub(r"\$[^$]+\$", " X ", text)
    text = re.sub(r"\{cite:[pt]\}`[^`]*`", " ", text)
    text = re.sub(r"\{[a-z:]+\}`([^`<]*)(<[^>]*>)?`", r"\1", text)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " X ", text)
    text = re.sub(r"^:::.*$|^:[a-z]+:.*$", " ", text, flags=re.M)
    text = re.sub(r"\|[- |]+\|", " ", text)
    return len(WORD.findall(text))


def chapter_words(path: str) -> dict[str, int]:
    """Words on the main path, in "Going deeper" boxes and in the exercises of a notebook."""
    words = {"main": 0, "deeper": 0, "exercises": 0}
    in_exercises = False
    for cell in json.load(open(path, encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        in_exercises = (in_exercises or text.startswith("## Exercises")) and not text.startswith(
            "## Summary")
        words["deeper"] += sum(count_words(box) for box in ASIDE.findall(text))
        words["exercises" if in_exercises else "main"] += count_words(ASIDE.sub(" ", text))
    return words


def main(paths: list[str]) -> None:
    for path in paths:
        w = chapter_words(path)
        total = sum(w.values())
        print(f"{path}: main path {w['main']:,} words, going deeper {w['deeper']:,}, "
              f"exercises {w['exercises']:,}; reading time {w['main'] / 230:.0f}-"
              f"{w['main'] / 200:.0f} min (all {total / 230:.0f}-{total / 200:.0f} min)")


if __name__ == "__main__":
    main(sys.argv[1:])
