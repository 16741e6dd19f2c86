"""The downloads (tools/downloads.py): the page printed to PDF carries every calculator's
state and the open solutions, Chromium prints typeset math, and the zips hold what they say.

The whole-book PDF is built by `make pdf` / `make release` (and CI), which checks its own
result: every formula typeset, every calculator drawn and every solution open, with no
request off the machine. These tests check the parts on small inputs, fast.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import downloads  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_single_page_config_uses_stored_outputs_and_finds_the_extensions(tmp_path):
    config = yaml.safe_load(downloads.singlehtml_config(REPO, tmp_path).read_text())
    assert config["execute"]["execute_notebooks"] == "off"
    for path in config["sphinx"]["local_extensions"].values():
        assert Path(path).is_absolute() and Path(path).is_dir()
    original = yaml.safe_load((REPO / "_config.yml").read_text())
    assert config["sphinx"]["config"] == original["sphinx"]["config"]


def _fake_single_page(tmp_path: Path) -> Path:
    single = tmp_path / "singlehtml"
    page = single / f"{downloads.root_document()}.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        "<html><head><title>t</title><script src=\"searchindex.js\"></script></head><body>"
        '<article class="bd-article"><h1>Book</h1>'
        '<a href="../downloads/scaling-laws.pdf">the PDF</a></article></body></html>')
    return single


def test_print_page_carries_the_print_note_and_no_widget_manager(tmp_path):
    single = _fake_single_page(tmp_path)
    page = downloads.prepare_print_page(single, NOTEBOOKS)
    assert page.parent == single  # beside _static, where its relative links point
    html = page.read_text()
    # the calculators print as their HTML version: no frozen widget state, no widget manager
    assert downloads.WIDGET_STATE not in html and "html-manager" not in html
    assert "searchindex.js" not in html
    assert "solution is printed open" in html and "Version " in html
    assert '<a href="../downloads' not in html and "<code>scaling-laws.pdf</code>" in html
    assert "@page" in html


def test_widget_state_cannot_close_its_script_early(tmp_path):
    notebook = tmp_path / "n.ipynb"
    state = {"state": {"m": {"model_name": "HTMLModel", "state": {"value": "</script><b>"}}},
             "version_major": 2, "version_minor": 0}
    notebook.write_text(json.dumps({"metadata": {"widgets": {downloads.WIDGET_STATE: state}}}))
    script = downloads.widget_state_scripts([notebook])
    assert script.count("</script>") == 1 and "<\\/script><b>" in script


def test_expected_content_counts_solutions_and_calculators(tmp_path):
    cells = [{"cell_type": "markdown", "source": ":::{exercise}\nQ\n:::\n:::{solution}\nA\n:::"},
             {"cell_type": "markdown", "source": ["````{solution} x\n", "A\n````"]},
             {"cell_type": "code", "source": "w", "outputs": [
                 {"data": {"application/vnd.jupyter.widget-view+json": {}}},
                 {"data": {"text/plain": "1"}}]}]
    notebook = tmp_path / "n.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}}))
    assert downloads.expected_content([notebook]) == {"solutions": 2, "calculators": 1}


def test_offline_zip_holds_the_site_and_a_readme_but_not_itself(tmp_path):
    html = tmp_path / "html"
    (html / "downloads").mkdir(parents=True)
    (html / "index.html").write_text("<html></html>")
    (html / ".doctrees").mkdir()
    (html / ".doctrees" / "x").write_text("cache")
    (html / "downloads" / "scaling-laws.pdf").write_bytes(b"%PDF")
    (html / "downloads" / downloads.SITE_ZIP).write_bytes(b"an older copy")
    target = downloads.build_offline_zip(html, tmp_path / downloads.SITE_ZIP)
    names = zipfile.ZipFile(target).namelist()
    assert sorted(names) == ["scaling-laws-site/README.txt",
                             "scaling-laws-site/downloads/scaling-laws.pdf",
                             "scaling-laws-site/index.html"]
    assert (html / "downloads" / downloads.SITE_ZIP).read_bytes() == target.read_bytes()


def test_offline_zip_needs_a_built_site(tmp_path):
    with pytest.raises(RuntimeError, match="make book"):
        downloads.build_offline_zip(tmp_path / "html", tmp_path / "site.zip")


def test_student_zip_has_every_chapter_without_solutions(tmp_path):
    target = downloads.build_student_zip(REPO, tmp_path / downloads.STUDENT_ZIP)
    archive = zipfile.ZipFile(target)
    chapters = [n for n in archive.namelist() if n.endswith(".ipynb")]
    assert sorted(Path(n).name for n in chapters) == [p.name for p in NOTEBOOKS]
    assert "scaling-laws-student/README.txt" in archive.namelist()
    for name in chapters:
        notebook = json.loads(archive.read(name))
        assert "{solution}" not in json.dumps(notebook)
        assert all(not c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code")


def test_the_wheel_installs_a_working_package_under_the_name_colab_fetches(tmp_path):
    """``make wheel``: built offline, named as the Colab cell's first source, importable with
    its data tables from an install of the wheel alone (not this checkout)."""
    import colab_cell

    wheel = downloads.build_wheel(REPO, tmp_path / "dl")
    version = colab_cell.package_version()
    assert wheel.name == colab_cell.wheel_name(version)
    assert colab_cell.package_sources(version)[0].endswith(f"/downloads/{wheel.name}")
    names = zipfile.ZipFile(wheel).namelist()
    tables = sorted(Path(n).name for n in names if n.startswith("scalinglaws/data/"))
    assert tables == sorted(p.name for p in (REPO / "scalinglaws" / "data").glob("*.csv"))
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-index", "--target", str(target), str(wheel)], check=True)
    probe = ("import importlib.metadata, scalinglaws, scalinglaws.datasets as d; "
             "print(scalinglaws.__file__); print(importlib.metadata.version('scalinglaws'));"
             "print(len(d.DATA_DIR.glob('*.csv').__next__().read_text()) > 0)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(target)}, cwd=tmp_path,
                            check=True)
    where, installed, has_data = result.stdout.split()
    assert Path(where).is_relative_to(target) and installed == version and has_data == "True"


def test_publish_copies_the_downloads_into_the_site(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "a.pdf").write_bytes(b"%PDF")
    copied = downloads.publish(tmp_path / "html", tmp_path / "dl")
    assert copied == [tmp_path / "html" / "downloads" / "a.pdf"]
    with pytest.raises(RuntimeError, match="make book"):
        downloads.publish(tmp_path / "missing", tmp_path / "dl")


@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    return CHROMIUM


def test_chromium_prints_typeset_math_and_open_solutions(tmp_path, chromium):
    sys.path.insert(0, str(REPO / "book" / "ext"))
    from static_math import typeset_page

    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text(typeset_page(
        '<html><head></head><body>'
        '<p><span class="math notranslate nohighlight">\\(E + A/N^{\\alpha}\\)</span></p>'
        '<div class="solution admonition toggle toggle-hidden">'
        '<p class="admonition-title">Solution</p><p>Answer.</p></div></body></html>'))
    pdf = tmp_path / "out.pdf"
    found = downloads.print_pdf(site, "page.html", pdf, chromium)
    assert found["formulas"] == 1 and found["untypeset_math"] == 0
    assert found["solutions"] == 1 and found["calculators"] == 0
    assert pdf.read_bytes().startswith(b"%PDF") and downloads.pdf_page_count(pdf) == 1


@pytest.fixture
def esbuild():
    if not downloads.ESBUILD.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"esbuild not found at {downloads.ESBUILD}: `npm ci` installs it")
        pytest.skip(f"esbuild not found at {downloads.ESBUILD} (npm ci)")
    return downloads.ESBUILD


def test_the_offline_copy_computes_when_opened_from_the_disk(tmp_path, browser, esbuild):
    """Browsers run no ES modules from file://: the offline zip's pages load one bundled
    classic script instead, and its calculators compute (the fit lab's fits included)."""
    from scalinglaws import chinchilla as ch
    from scalinglaws.widgets import allocation_calculator, fit_lab_calculator

    html = tmp_path / "html"
    shutil.copytree(downloads.LIVE, html / "_static" / "live")
    allocation, lab = allocation_calculator(), fit_lab_calculator()
    (html / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>offline</title>'
        '<script type="module" src="_static/live/runtime.js?v=1"></script></head><body>'
        f"{allocation.to_html()}{lab.to_html()}</body></html>", encoding="utf-8")
    target = downloads.build_offline_zip(html, tmp_path / downloads.SITE_ZIP)
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path / "unzipped")
    page_file = tmp_path / "unzipped" / "scaling-laws-site" / "index.html"
    assert 'type="module"' not in page_file.read_text(encoding="utf-8")
    problems = []
    page = browser.new_page()
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.goto(page_file.as_uri())
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=20_000)
    root = page.locator('[data-calculator="allocation"]')
    root.locator('input[type="range"]').first.focus()
    for _ in range(20):  # twenty steps of 0.05 decades
        page.keyboard.press("ArrowRight")
    position = float(root.locator('input[type="range"]').first.input_value())
    shown = root.locator('[data-output="results"] td').first.text_content()
    lab_root = page.locator('[data-calculator="fit-lab"]')
    lab_root.locator("button.sl-action").click()
    lab_root.locator('[data-output="action"] table').wait_for(timeout=60_000)
    rows = [td.text_content() for td in lab_root.locator('[data-output="action"] td').all()]
    page.close()
    assert position > math.log10(ch.GOPHER_FLOPS) + 0.9
    assert shown == allocation.describe(allocation.compute(**{
        **allocation.values(), "compute_flops": 10**position}))[0][1]
    expected = lab.action.describe(lab.run_action())
    assert rows[2] == expected[2][1]  # Approach 2 (no bootstrap): the same text
    assert len(rows) == 4 and problems == []
