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
