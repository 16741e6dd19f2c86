"""The JupyterLab citations extension (tools/lab_citations.py) is current and knows every key.

Its behaviour in JupyterLab is checked by tests/test_jupyterlab.py (no bare key visible).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import lab_citations  # noqa: E402

CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")


def test_the_extension_is_current_with_the_bibliography():
    assert lab_citations.main(["--check"]) == 0, "run make lab-citations"


def test_every_key_a_chapter_cites_has_a_label_as_on_the_website():
    known = lab_citations.citations()
    keys = set()
    for path in (REPO / "notebooks").glob("*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            for group in CITE.findall("".join(cell["source"])):
                keys |= {re.sub(r"^ch[0-9]+-", "", key.strip()) for key in group.split(",")}
    assert keys and keys <= set(known), sorted(keys - set(known))
    names, year, full = known["hoffmann2022training"]
    assert (names, year) == ("Hoffmann et al.", "2022")
    assert "Training Compute-Optimal Large Language Models" in full


def test_requirements_install_the_extension_where_jupyterlab_finds_it():
    assert "./labextension" in (REPO / "requirements.txt").read_text().splitlines()
    package = json.loads((lab_citations.FOLDER / "package.json").read_text())
    assert package["name"] == lab_citations.NAME
    assert (lab_citations.FOLDER / package["jupyterlab"]["_build"]["load"]).exists()
    setup = (REPO / "labextension" / "pyproject.toml").read_text()
    assert f'"share/jupyter/labextensions/{lab_citations.NAME}/static"' in setup


def test_reference_lists_are_sorted_and_formatted_as_the_website_prints_them():
    """The list under a chapter's "References" heading: the website's order (author, year,
    title) and its pybtex style, links kept as links."""
    references = lab_citations.references()
    assert set(references) == set(lab_citations.citations())
    assert sorted(rank for rank, _ in references.values()) == list(range(len(references)))
    chapter_two = ["kaplan2020scaling", "hoffmann2022training", "clauset2009power",
                   "hestness2017deep"]
    assert sorted(chapter_two, key=lambda key: references[key][0]) == [
        "clauset2009power", "hestness2017deep", "hoffmann2022training", "kaplan2020scaling"]
    _, parts = references["hoffmann2022training"]
    text = "".join(part[0] for part in parts)
    assert text.startswith("Jordan Hoffmann, Sebastian Borgeaud,")
    assert "Training compute-optimal large language models. 2022." in text
    assert ["arXiv:2203.15556", "", "https://arxiv.org/abs/2203.15556"] in parts
    _, parts = references["clauset2009power"]
    assert ["SIAM Review", "em", ""] in parts  # the journal in italics, as on the website
