"""The local and Binder path: the chapters in a real JupyterLab, as a reader runs them.

JupyterLab (from requirements.txt, with jupyterlab-myst and the course's citations
extension) is started on 127.0.0.1 on copies of the chapters; Chromium opens each chapter in
notebooks/ (found by glob) in a workspace of its own, runs every cell, and the test checks
that nothing failed, that the chapter reads as on the website (no raw ``:::{`` fences or
roles, citations author-year with no bare key, under "References" the list of the works the
chapter cites, exercises titled and numbered as on the site, every solution folded until
opened) and that a calculator answers a slider on the kernel.
``make test-jupyterlab`` runs it with JupyterLab from a virtual environment made from
requirements.txt alone (the README's recipe; ``JUPYTER_BIN_DIR``); without that variable it
uses the environment the tests run in.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import live_harness as harness  # noqa: E402  (a test helper, outside the package)

#: Every chapter, found by glob (new chapters are picked up).
CHAPTERS = sorted(path.name for path in (REPO / "notebooks").glob("*.ipynb"))
BIB_KEYS = re.findall(r"^@\w+\{([^,\s]+),", (REPO / "book" / "references.bib").read_text(),
                      flags=re.M)
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
    # no "get notified about Jupyter news?" toast over the notebook, and no request for it
    notices = root / "settings" / "@jupyterlab" / "apputils-extension"
    notices.mkdir(parents=True)
    (notices / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port = _free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
           "JUPYTER_RUNTIME_DIR": str(root / "runtime"), "OPENBLAS_NUM_THREADS": "1"}
    command = [str(JUPYTER), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={work}",
               # the test ends each chapter's kernel over the REST API, without a browser
               "--ServerApp.disable_check_xsrf=True",
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
    """Open the chapter in a workspace of its own and run every cell; return the page.

    A workspace per chapter (``?reset``): in JupyterLab's shared default workspace the next
    chapter opened beside the restored previous one, and the test clicked and ran that one.
    """
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = harness.watch_page(page, console=False, failed=False,
                                  http_errors=False)
    page.goto(f"{lab}/lab/workspaces/{Path(chapter).stem}/tree/{chapter}?reset",
              wait_until="load")
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=90_000)
    idle = '.jp-Notebook-ExecutionIndicator[data-status="idle"]'
    page.wait_for_selector(idle, timeout=90_000)
    assert panel.count() == 1 and page.locator(".jp-NotebookPanel").count() == 1
    panel.locator(".jp-Cell").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    code_cells = panel.locator(".jp-CodeCell").count()
    page.wait_for_function(
        "n => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
        ".jp-CodeCell .jp-InputPrompt')].filter(p => /\\[\\d+\\]/.test(p.textContent))"
        ".length >= n", arg=code_cells, timeout=300_000)
    page.wait_for_selector(idle, timeout=120_000)
    # jupyterlab-myst renders a markdown cell when it is shown: pass over every cell once
    markdown = panel.locator(".jp-MarkdownCell")
    for index in range(markdown.count()):
        markdown.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-MarkdownCell')]"
        ".every(c => c.innerText.trim().length > 0)", timeout=60_000)
    page.wait_for_timeout(500)  # the citations extension runs on the next animation frame
    return page, panel, problems


def _source_cells(chapter: str) -> list[dict]:
    return json.loads((REPO / "notebooks" / chapter).read_text())["cells"]


def _expected_exercise_titles(chapter: str) -> list[str]:
    """The exercises' headers as the website prints them (sphinx-exercise)."""
    titles, number = [], 0
    for cell in _source_cells(chapter):
        text = "".join(cell["source"]) if cell["cell_type"] == "markdown" else ""
        for block in re.findall(r"^:::+\{exercise\}(.*?)\n(.*?)^:::+\s*$", text, flags=re.M | re.S):
            title, options = block[0].strip(), block[1]
            if ":nonumber:" in options:
                titles.append(f"Exercise ({title})" if title else "Exercise")
            else:
                number += 1
                titles.append(f"Exercise {number} ({title})" if title else f"Exercise {number}")
    return titles


def _plain_quotes(text: str) -> str:
    """jupyterlab-myst prints typographic quotes (’ “ ”) where the source has ' and "."""
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def _cited_works(chapter: str) -> list[set[str]]:
    """For each bibliography directive in the chapter, the keys of the works it lists there.

    As sphinxcontrib-bibtex filters them on the website: the works the chapter cites with the
    directive's ``:keyprefix:`` (``{footbibliography}``: its ``{footcite}`` roles).
    """
    source = "\n".join("".join(c["source"]) for c in _source_cells(chapter)
                       if c["cell_type"] == "markdown")
    lists = []
    for foot, options in re.findall(r"^(?:`{3,}|:{3,})\{(foot)?bibliography\}.*\n((?::\S+:.*\n?)*)",
                                    source, flags=re.M):
        prefix = (re.findall(r":keyprefix:\s*(\S+)", options) or [""])[0]
        keys = {key.strip()[len(prefix):]
                for kind, group in re.findall(r"\{(foot)?cite(?::[a-z]+)*\}`([^`]*)`", source)
                if kind == foot for key in group.split(",") if key.strip().startswith(prefix)}
        lists.append(keys)
    return lists


def _title(key: str) -> str:
    """The work's title from book/references.bib with its LaTeX read (quotes, accents),
    casefolded."""
    from pybtex.database import parse_file
    from pybtex.richtext import Text

    title = parse_file(str(REPO / "book" / "references.bib")).entries[key].fields["title"]
    return " ".join(Text.from_latex(title).render_as("text").split()).casefold()


def _solutions(chapter: str) -> int:
    return sum(len(re.findall(r"^:::+\{solution\}", "".join(c["source"]), flags=re.M))
               for c in _source_cells(chapter) if c["cell_type"] == "markdown")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_and_reads_in_jupyterlab(browser, lab, chapter):
    page, panel, problems = _open_and_run(browser, lab, chapter)
    errors = panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    assert errors.count() == 0, errors.first.inner_text()
    text = "\n".join(panel.locator(".jp-MarkdownCell").all_inner_texts())
    # the MyST markup rendered: no raw fences or roles
    for raw in (":::{", "{footcite}", "{cite", "{exercise}", "{solution}", "{term}", "```{"):
        assert raw not in text, f"raw {raw!r} in the rendered chapter"
    # citations author-year, as on the website: no bare key (chapter keys carry "chN-")
    assert re.findall(r"\bch\d+-[a-z]+\d{4}\w*", text) == []
    assert [key for key in BIB_KEYS if re.search(rf"\b{re.escape(key)}\b", text)] == []
    if re.search(r"\{cite(:[a-z]+)?\}", "".join("".join(c["source"]) for c in
                                                 _source_cells(chapter))):
        assert panel.locator(".scalinglaws-citation").count() >= 1
        assert re.search(r"[A-Z][\w-]+( et al\.| and [A-Z][\w-]+)?,? \(?\d{4}", text)
    # under "References", the list the website prints: every work the chapter cites, by title
    lists = _cited_works(chapter)
    assert lists and all(lists), "every chapter ends with the list of the works it cites"
    assert "References" in text
    references = " ".join(text.rsplit("References", 1)[1].split()).casefold()
    missing = [key for keys in lists for key in sorted(keys) if _title(key) not in references]
    assert missing == [], f"cited but not listed under References: {missing}"
    entries = panel.locator(".scalinglaws-bibliography [role='listitem']")
    assert entries.count() == sum(map(len, lists))
    # exercises titled and numbered as on the website, in order
    titles = [_plain_quotes(t.strip()) for t in panel.locator(
        "aside.myst-exercise .myst-exercise-title").all_inner_texts()]
    assert titles == _expected_exercise_titles(chapter)
    # every solution folded until opened, then shown
    solutions = panel.locator("details.myst-exercise")
    assert solutions.count() == _solutions(chapter) >= 1
    assert all(not s.evaluate("d => d.open") for s in solutions.all())
    first = solutions.first
    first.locator("summary").scroll_into_view_if_needed()
    body = first.locator(":scope > :not(summary)").first
    assert not body.is_visible()
    first.locator("summary").click()
    expect_open = first.evaluate("d => d.open")
    assert expect_open and body.is_visible()
    # every calculator drawn on the kernel, and one answers a slider
    calculators = panel.locator(".jp-OutputArea .widget-vbox")
    views = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                for c in _source_cells(chapter) for o in c.get("outputs", []))
    assert calculators.count() >= views
    if views:  # every chapter has calculators, each with sliders
        assert panel.locator('.jp-OutputArea [role="slider"]').count() >= 1
        _calculator_answers_a_slider(page, panel)
    assert problems == []
    page.close()
    _shut_down_kernels(lab)


#: sphinx-book-theme's launch links: Binder opens ``?urlpath=<prefix>/<notebook>``.
_LAUNCH_PREFIXES = {"classic": "tree", "jupyterlab": "lab/tree"}


def test_the_books_binder_link_opens_a_chapter_in_the_recipes_server(lab):
    """The launch menu's Binder link, on the server requirements.txt installs (as Binder's)."""
    import yaml

    config = yaml.safe_load((REPO / "_config.yml").read_text())
    prefix = _LAUNCH_PREFIXES[config["launch_buttons"].get("notebook_interface", "classic")]
    chapter = CHAPTERS[0]
    with urllib.request.urlopen(f"{lab}/{prefix}/{chapter}", timeout=30) as response:
        assert response.status == 200 and "JupyterLab" in response.read().decode()


def _shut_down_kernels(lab: str) -> None:
    """End the chapter's kernel (two cores: one kernel at a time)."""
    sessions = json.load(urllib.request.urlopen(f"{lab}/api/sessions", timeout=10))
    for session in sessions:
        request = urllib.request.Request(f"{lab}/api/sessions/{session['id']}", method="DELETE")
        urllib.request.urlopen(request, timeout=30)


#: What a calculator's kernel redraws: its outputs, tables and figures (not the slider's own
#: readout, which the browser updates by itself).
_DRAWN = ("root => [...root.querySelectorAll('.widget-output, .widget-html-content, img')]"
          ".map(e => e.tagName === 'IMG' ? e.src : e.innerHTML).join('|')")


def _calculator_answers_a_slider(page, panel):
    """Move the first calculator's first slider one step: what the kernel draws must change."""
    handle = panel.locator('.jp-OutputArea [role="slider"]').first
    handle.scroll_into_view_if_needed()
    root = handle.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][last()]")
    before = root.evaluate(_DRAWN)
    assert before, "the calculator draws nothing"
    handle.focus()
    handle.press("ArrowRight")
    page.wait_for_function(f"([root, old]) => ({_DRAWN})(root) !== old",
                           arg=[root.element_handle(), before], timeout=60_000)
