"""The local and Binder path: the chapters in a real JupyterLab, as a reader runs them.

JupyterLab (from requirements.txt, with jupyterlab-myst) is started on 127.0.0.1 on copies
of the chapters; Chromium opens each one, runs every cell, and the test checks that nothing
failed, that the MyST markup rendered (no raw ``:::{`` fences, solutions folded) and that a
calculator answers a slider on the kernel. It reuses the environment the tests run in;
``make test-local-recipe`` runs it in a fresh virtual environment made from requirements.txt,
as the README's recipe does.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(path.name for path in (REPO / "notebooks").glob("*.ipynb"))
#: The chapter whose calculator is moved on the kernel (its table must answer a slider).
SLIDER_CHAPTER = "02-power-laws.ipynb"
JUPYTER = Path(os.environ.get("JUPYTER_BIN_DIR") or Path(sys.executable).parent) / "jupyter"

#: Slow (a minute or more a chapter): `make test-jupyterlab`, not `make test`.
pytestmark = [pytest.mark.browser, pytest.mark.jupyterlab]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on copies of the chapters; yields its base URL."""
    if not (JUPYTER.parent / "jupyter-lab").exists():
        pytest.fail(f"JupyterLab is not installed beside {JUPYTER}: requirements.txt installs it")
    root = tmp_path_factory.mktemp("lab")
    work = root / "notebooks"
    shutil.copytree(REPO / "notebooks", work)
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell rendered (no virtual scrolling), so the whole chapter can be read
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port = _free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
           "JUPYTER_RUNTIME_DIR": str(root / "runtime"), "OPENBLAS_NUM_THREADS": "1"}
    command = [str(JUPYTER), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={work}",
               "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield url
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


def _open_and_run(browser, lab: str, chapter: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def route(request_route):
        host = urlparse(request_route.request.url).hostname
        if host not in ("127.0.0.1", None) and not request_route.request.url.startswith("data:"):
            problems.append(f"request off this machine: {request_route.request.url}")
            return request_route.abort()
        return request_route.continue_()

    page.route("**/*", route)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(f"{lab}/lab/tree/{chapter}", wait_until="load")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=90_000)
    page.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    code_cells = page.locator(".jp-CodeCell").count()
    page.wait_for_function(
        "n => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".filter(p => /\\[\\d+\\]/.test(p.textContent)).length >= n", arg=code_cells,
        timeout=300_000)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=120_000)
    return page, problems


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_and_reads_in_jupyterlab(browser, lab, chapter):
    page, problems = _open_and_run(browser, lab, chapter)
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    assert errors.count() == 0, errors.first.inner_text()
    rendered = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown")
    text = "\n".join(rendered.all_inner_texts())
    assert ":::{" not in text and "{footcite}" not in text and "{exercise}" not in text
    # exercises render as exercises, their solutions folded until opened
    assert page.locator(".jp-MarkdownCell details, .jp-MarkdownCell .myst-admonition,"
                        " .jp-MarkdownCell aside").count() >= 1
    calculators = page.locator(".jp-OutputArea .widget-vbox")
    stored = json.loads((REPO / "notebooks" / chapter).read_text())
    views = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                for c in stored["cells"] for o in c.get("outputs", []))
    assert calculators.count() >= views
    if chapter == SLIDER_CHAPTER:
        _calculator_answers_a_slider(page)
    assert problems == []
    page.close()


def _calculator_answers_a_slider(page):
    """Move the power-law calculator's first slider one step: its table must change."""
    handle = page.locator('.jp-OutputArea [role="slider"]').first
    table = page.locator(".jp-OutputArea .widget-vbox table").first
    before = table.inner_text()
    handle.focus()
    handle.press("ArrowRight")
    page.wait_for_function("([el, old]) => el.innerText !== old",
                           arg=[table.element_handle(), before], timeout=60_000)
    assert table.inner_text() != before
