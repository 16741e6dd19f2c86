"""The Colab set-up cell (tools/colab_cell.py): current in every chapter, inert outside Colab.

Colab itself cannot be reached from the tests; the cell's behaviour there is checked with a
stand-in ``google.colab`` module and a recorded ``pip``: it installs exactly what is missing
or too old, at the reader's pins, then the package from the website's wheel (or, when that
fails, from its release tag), turns on the widget manager, says what it did, and installs
nothing the second time.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import colab_cell  # noqa: E402

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_chapter_starts_with_the_current_setup_cell(path):
    notebook = json.loads(path.read_text())
    first = notebook["cells"][0]
    assert colab_cell.is_current(notebook), (
        f"{path.name}: first cell is not the current Colab set-up cell; run `make colab`")
    assert first["cell_type"] == "code" and "remove-cell" in first["metadata"]["tags"]
    assert first["outputs"] == []  # outside Colab it prints nothing (nbval compares this)


def test_the_cell_pins_every_dependency_of_the_package_to_the_readers_pin():
    requirements = (REPO / "requirements.txt").read_text().splitlines()
    pins = colab_cell.pinned_dependencies()
    assert len(pins) >= 5
    for requirement, pin in pins.items():
        name = requirement.split(">")[0].split("=")[0].split("<")[0]
        assert any(line.lower().replace("_", "-") == f"{name}=={pin}".lower()
                   for line in requirements), requirement
    source = colab_cell.cell_source()
    version = colab_cell.package_version()
    assert f"git+{colab_cell.repository_url()}@v{version}" in source
    assert f'lacks("scalinglaws=={version}")' in source
    wheel, tag = colab_cell.package_sources(version)
    assert source.index(json.dumps(wheel)) < source.index(json.dumps(tag))
    assert wheel == (f"https://scaling-laws-course.github.io/scaling-laws/downloads/"
                     f"scalinglaws-{version}-py3-none-any.whl")


def test_the_how_to_page_names_the_sources_the_cell_installs_from():
    """The reader's page says where the package comes from, at the current version."""
    page = (REPO / "book" / "how-to-use.md").read_text()
    wheel, tag = colab_cell.package_sources()
    assert f'href="../downloads/{wheel.rsplit("/", 1)[1]}"' in page
    assert f'pip install "{tag}"' in page


def test_the_website_address_is_the_configured_base_or_the_repositorys_pages(tmp_path):
    config = tmp_path / "_config.yml"
    config.write_text("repository:\n  url: https://github.com/Some-Org/course.git\n")
    assert colab_cell.site_url(config) == "https://some-org.github.io/course"
    config.write_text("repository:\n  url: https://gitlab.com/a/b\n"
                      "html:\n  baseurl: https://course.example.org/\n")
    assert colab_cell.site_url(config) == "https://course.example.org"
    config.write_text("repository:\n  url: https://gitlab.com/a/b\n")
    with pytest.raises(ValueError, match="html.baseurl"):
        colab_cell.site_url(config)


def _run_cell(monkeypatch, installed: dict[str, str], colab: bool, unreachable=()):
    """Execute the cell's code; return (pip commands, widget manager calls, printed text).

    ``pip install`` fails for a command naming a source in ``unreachable``.
    """
    commands, enabled = [], []

    def run(command, **kw):
        commands.append(command)
        failed = any(source in command for source in unreachable)
        return subprocess.CompletedProcess(command, 1 if failed else 0, "",
                                           "ERROR: 404 Not Found" if failed else "")

    monkeypatch.setattr(subprocess, "run", run)

    def version(name):
        if name.lower() not in installed:
            raise importlib.metadata.PackageNotFoundError(name)
        return installed[name.lower()]

    monkeypatch.setattr(importlib.metadata, "version", version)
    if colab:
        output = types.SimpleNamespace(enable_custom_widget_manager=lambda: enabled.append(1))
        google = types.ModuleType("google")
        colab_module = types.ModuleType("google.colab")
        colab_module.output = output
        google.colab = colab_module
        monkeypatch.setitem(sys.modules, "google", google)
        monkeypatch.setitem(sys.modules, "google.colab", colab_module)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(colab_cell.cell_source(), "<colab-cell>", "exec"), {"__name__": "cell"})
    return commands, enabled, printed.getvalue()


def test_outside_colab_the_cell_installs_and_prints_nothing(monkeypatch):
    assert "google.colab" not in sys.modules
    commands, enabled, printed = _run_cell(monkeypatch, installed={}, colab=False)
    assert commands == [] and enabled == [] and printed == ""


def test_in_colab_it_installs_only_what_is_missing_or_too_old_then_nothing(monkeypatch):
    pins = {requirement.split(">")[0].split("=")[0].lower(): pin
            for requirement, pin in colab_cell.pinned_dependencies().items()}
    # Colab as it might be: numpy and pandas new enough, ipywidgets 7, no threadpoolctl
    colab = {"numpy": "2.0.2", "scipy": "1.14.1", "pandas": "2.2.2", "matplotlib": "3.10.0",
             "pillow": "11.1.0", "ipywidgets": "7.7.1"}
    for loaded in ("ipywidgets", "threadpoolctl"):  # other tests may have imported them
        monkeypatch.delitem(sys.modules, loaded, raising=False)
    commands, enabled, printed = _run_cell(monkeypatch, installed=colab, colab=True)
    assert len(commands) == 2 and enabled == [1]
    installs = commands[0][commands[0].index("--quiet") + 1:]
    assert sorted(installs) == sorted([f"ipywidgets=={pins['ipywidgets']}",
                                       f"threadpoolctl=={pins['threadpoolctl']}"])
    wheel, _ = colab_cell.package_sources()
    assert commands[1][-1] == wheel and "--no-deps" in commands[1]
    # it says what it installs and from where; nothing it replaced was loaded: no restart
    assert "ipywidgets" in printed and "from the course website" in printed
    assert "Restart" not in printed and printed.rstrip().splitlines()[-1].startswith("Ready")

    everything = {**colab, "ipywidgets": pins["ipywidgets"],
                  "threadpoolctl": pins["threadpoolctl"],
                  "scalinglaws": colab_cell.package_version()}
    commands, enabled, printed = _run_cell(monkeypatch, installed=everything, colab=True)
    assert commands == [] and enabled == [1] and printed.startswith("Ready")
    assert len(printed.splitlines()) == 1


def test_in_colab_the_release_tag_is_the_fallback_when_the_wheel_is_unreachable(monkeypatch):
    wheel, tag = colab_cell.package_sources()
    everything_but_the_package = {
        requirement.split(">")[0].split("=")[0].lower(): pin
        for requirement, pin in colab_cell.pinned_dependencies().items()}
    commands, enabled, printed = _run_cell(monkeypatch, installed=everything_but_the_package,
                                           colab=True, unreachable=[wheel])
    assert [c[-1] for c in commands] == [wheel, tag] and enabled == [1]
    assert "not available there: ERROR: 404 Not Found" in printed and "Ready" in printed
    with pytest.raises(RuntimeError, match="could not be installed"):
        _run_cell(monkeypatch, installed=everything_but_the_package, colab=True,
                  unreachable=[wheel, tag])


def test_in_colab_replacing_a_loaded_package_asks_for_a_restart(monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", types.ModuleType("ipywidgets"))
    commands, _, printed = _run_cell(monkeypatch, installed={"ipywidgets": "7.7.1"}, colab=True)
    assert "ipywidgets" in printed and "Restart session" in printed


def test_update_is_idempotent_and_replaces_an_old_cell():
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title"]}]}
    assert colab_cell.update(notebook) and colab_cell.is_current(notebook)
    assert not colab_cell.update(notebook)
    notebook["cells"][0]["source"] = ["# an older version of the cell\n"]
    notebook["cells"].append(notebook["cells"].pop(0))  # and misplaced
    assert colab_cell.update(notebook) and colab_cell.is_current(notebook)
    assert [c["cell_type"] for c in notebook["cells"]] == ["code", "markdown"]
