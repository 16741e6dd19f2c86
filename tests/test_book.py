"""The book: it builds with warnings as errors, and its pages work in a real browser, offline.

One module-scoped build (executing every chapter) into a temporary folder; the browser tests
serve it from 127.0.0.1 and drive Debian's Chromium with Playwright. Any request that leaves
this machine is blocked and fails the test.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import live_harness as harness  # noqa: E402  (a test helper, outside the package)

CHAPTERS = sorted(path.stem for path in (REPO / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PAGES = ["book/intro.html", "book/how-to-use.html", "book/instructor-guide.html",
         "book/teaching-at-scale.html", "book/formula-sheet.html", "book/glossary.html",
         "book/bibliography.html", "book/how-to-cite.html",
         *(f"notebooks/{chapter}.html" for chapter in CHAPTERS)]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Build the book as `make book` does, into a temporary folder; return (rc, log, html)."""
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", "-W", "-n", "--keep-going", "--path-output", str(out),
         str(REPO)], capture_output=True, text=True, cwd=REPO, timeout=600)
    return result.returncode, result.stdout + result.stderr, out / "_build" / "html"


def test_book_builds_with_warnings_as_errors(build):
    returncode, log, html = build
    warnings = [line for line in log.splitlines()
                if "WARNING" in line and "IPKernelApp" not in line]
    assert returncode == 0, log[-3000:]
    assert warnings == []
    assert (html / "index.html").is_file()
    for chapter in CHAPTERS:
        assert (html / "notebooks" / f"{chapter}.html").is_file(), chapter


def test_every_chapter_is_in_the_table_of_contents():
    toc = (REPO / "_toc.yml").read_text()
    for chapter in CHAPTERS:
        assert f"notebooks/{chapter}" in toc


def test_pages_load_no_asset_from_a_cdn(build):
    _, _, html = build
    for page in html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for cdn in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "unpkg.com"):
            assert f'src="https://{cdn}' not in text, (page, cdn)


@pytest.fixture(scope="module")
def server(build):
    _, _, html = build
    handler = functools.partial(_QuietHandler, directory=str(html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


def open_page(browser, url):
    """Open ``url``; return the page and the problems seen (console errors, failed or
    off-machine requests, HTTP errors)."""
    page = browser.new_page()
    problems = harness.watch_page(page)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page, problems


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors(browser, server, path):
    page, problems = open_page(browser, f"{server}/{path}")
    assert page.locator("h1").count() >= 1
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.request.get(urljoin(page.url, icon)).status == 200  # no favicon 404
    assert problems == []
    page.close()


def test_math_is_typeset(browser, server):
    page, problems = open_page(browser, f"{server}/notebooks/02-power-laws.html")
    page.wait_for_selector("mjx-container", timeout=15_000)
    assert page.locator("mjx-container").count() >= 20
    raw = page.evaluate("() => [...document.querySelectorAll('.math')]"
                        ".filter(e => !e.querySelector('mjx-container')).length")
    assert raw == 0
    assert problems == []
    page.close()


def test_calculators_are_live_without_a_kernel(browser, server):
    """Chapter 1's calculators compute in the page: moving a control changes the numbers and
    the figure at once; every control is a labelled native form element."""
    page, problems = open_page(browser, f"{server}/notebooks/01-moore-dennard.html")
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=15_000)
    root = page.locator('[data-calculator="moore"]')
    results = root.locator('[data-output="results"]')
    assert "3.09×10¹¹" in results.inner_text()  # Moore's two years from the Intel 4004
    slider = root.get_by_label("Doubling time (years)")
    assert slider.get_attribute("aria-valuetext") == "2.0"
    slider.focus()
    page.keyboard.press("ArrowLeft")  # 1.9 years
    assert slider.get_attribute("aria-valuetext") == "1.9"
    assert "3.09×10¹¹" not in results.inner_text()
    assert root.locator('[data-output="figure"] svg[role="img"]').count() == 1
    assert "doubling every 1.9 years" in root.locator("svg").get_attribute("aria-label")
    for control in page.locator("[data-calculator] input, [data-calculator] select").all():
        control_id = control.get_attribute("id")
        assert page.locator(f'label[for="{control_id}"]').count() == 1, control_id
    assert problems == []
    page.close()


def test_search_page_finds_a_term(browser, server):
    """The search page still loads the index the chapter pages no longer load."""
    page, problems = open_page(browser, f"{server}/search.html?q=Chinchilla")
    page.locator("#search-results li").first.wait_for(timeout=15_000)
    assert page.locator("#search-results li").count() >= 1
    assert problems == []
    page.close()


def test_calculators_compute_when_they_come_near_the_screen(browser, server):
    """Loading a chapter computes only the calculators near the screen; the others show the
    kernel's rendering of the same defaults (a lazy image file, not base64 in the HTML) until
    the reader scrolls to them, then compute and draw."""
    page, problems = open_page(browser, f"{server}/notebooks/03-chinchilla.html")
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=15_000)
    last = page.locator("[data-calculator].sl-live").last
    figure = last.locator('[data-output="figure"]')
    assert figure.locator("svg").count() == 0
    image = figure.locator("img")
    assert image.get_attribute("loading") == "lazy"
    assert "/_images/calculator-" in image.get_attribute("src")
    last.scroll_into_view_if_needed()
    figure.locator('svg[role="img"]').wait_for(timeout=15_000)
    assert figure.locator("img").count() == 0
    assert problems == []
    # a slider's readout, as a screen reader hears it, writes powers of ten as results do
    slider = page.locator('[data-calculator="allocation"] input[type="range"]').first
    slider.focus()
    page.keyboard.press("End")
    assert re.fullmatch(r"[\d.]+(×10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?|10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+",
                        slider.get_attribute("aria-valuetext"))
    page.close()


SECTION_TOP = "(id) => Math.round(document.getElementById(id).getBoundingClientRect().top)"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_link_to_a_section_lands_on_it_and_it_stays_there(browser, server, width):
    """A link into a long chapter lands on its section, and the section stays there while the
    page settles around it: the calculators near it compute (their live view replaces the
    kernel's rendering) and the formulas near it are drawn (``content-visibility``)."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    for section in ("the-replication", "fit-your-own-runs", "exercises", "summary"):
        page.goto("about:blank")
        page.goto(f"{server}/notebooks/03-chinchilla.html#{section}", wait_until="load")
        page.wait_for_timeout(300)
        landed = page.evaluate(SECTION_TOP, section)
        page.wait_for_timeout(1500)
        later = page.evaluate(SECTION_TOP, section)
        assert 0 <= later <= 200 and abs(later - landed) <= 2, (section, landed, later)
    page.close()


def test_calculators_show_their_defaults_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/notebooks/03-chinchilla.html")
    root = page.locator('[data-calculator="allocation"]')
    assert "72.4 billion" in root.locator('[data-output="results"]').inner_text()
    image = root.locator('[data-output="figure"] img[alt^="Log-log plot"]')
    image.scroll_into_view_if_needed()
    assert image.evaluate("i => i.complete && i.naturalWidth") > 0
    context.close()


def test_exercises_have_hidden_solutions(browser, server):
    page, _ = open_page(browser, f"{server}/notebooks/02-power-laws.html")
    assert page.locator("div.exercise").count() >= 4
    solutions = page.locator("div.solution.dropdown")
    assert solutions.count() == page.locator("div.exercise").count()
    first_body = solutions.first.locator("p").nth(1)
    assert not first_body.is_visible()
    solutions.first.locator(".admonition-title").click()
    first_body.wait_for(state="visible", timeout=5_000)
    page.close()


def test_solution_bar_opens_on_a_click_anywhere_on_it(browser, server):
    """Issue 8: the bar's link back to the exercise must not take the click (on a phone a
    tap in the middle of the bar landed on it and jumped away)."""
    page, _ = open_page(browser, f"{server}/notebooks/02-power-laws.html")
    solution = page.locator("div.solution.dropdown").first
    body = solution.locator("p").nth(1)
    assert not body.is_visible()
    before = page.url
    link = solution.locator(".admonition-title a").first
    link.scroll_into_view_if_needed()
    box = link.bounding_box()  # a real click (or tap) where the link text is drawn
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    body.wait_for(state="visible", timeout=5_000)
    assert page.url == before
    page.close()


AUTHOR_YEAR = re.compile(r"^[A-Z][\w'’ -]*( et al\.| and [A-Z][\w'’ -]*)?, "
                         r"((1[89]|20)\d\d[a-z]?|n\.d\.)$")  # n.d.: a source with no date


def _citations(page_html: str) -> list[tuple[str, str]]:
    """(target id, label) of every citation link in a page."""
    links = re.findall(r'<a class="reference internal" href="#(id\d+)" title="[^"]*">(.*?)</a>',
                       page_html)
    return [(target, re.sub(r"<[^>]+>", "", label)) for target, label in links]


def test_one_citation_style_author_year_everywhere(build):
    """Issue 8: chapters, glossary and bibliography cite author-year; a chapter's citations
    lead to its own reference list, so no number on one page points at another page's list."""
    _, _, html = build
    for chapter in CHAPTERS:
        text = (html / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
        citations = _citations(text)
        assert len(citations) >= 4, chapter
        listed = set(re.findall(r'<div class="citation" id="(id\d+)"', text))
        for target, label in citations:
            assert AUTHOR_YEAR.match(label), (chapter, label)
            assert target in listed, (chapter, label)
        assert "footnote-reference" not in text, chapter
    bibliography = (html / "book" / "bibliography.html").read_text(encoding="utf-8")
    labels = re.findall(r'<span class="label"><span class="fn-bracket">\[</span>(.*?)'
                        r'<span class="fn-bracket">\]</span>', bibliography)
    assert len(labels) >= 30
    assert all(AUTHOR_YEAR.match(re.sub(r"<[^>]+>", "", label)) for label in labels), labels[:5]
    glossary = (html / "book" / "glossary.html").read_text(encoding="utf-8")
    assert _citations(glossary) == [] or all(AUTHOR_YEAR.match(label)
                                             for _, label in _citations(glossary))
    assert "Kaplan <em>et al.</em>, 2020" in glossary


def test_figures_have_their_size_so_the_page_does_not_shift(build):
    """Issue 8: output images carry width and height attributes (and no fixed CSS size)."""
    _, _, html = build
    for chapter in CHAPTERS:
        text = (html / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
        figures = re.findall(r'<img alt="[^"]*" src="../_images/[^"]*"[^>]*>', text)
        assert figures, chapter
        for tag in figures:
            assert re.search(r'width="\d+" height="\d+"', tag), tag[-120:]
            assert "style=" not in tag, tag[-120:]


def test_figures_load_only_near_the_screen(build):
    """Issue 9: a chapter's figures (``_images/``) load lazily, so a phone's first screen, which
    is text, does not wait for them (Lighthouse's largest paint of chapter 3: 4.1-4.3 s eager,
    3.0-3.4 s lazy)."""
    _, _, html = build
    for page in [*(f"notebooks/{chapter}.html" for chapter in CHAPTERS), "book/intro.html"]:
        text = (html / page).read_text(encoding="utf-8")
        figures = re.findall(r'<img\s[^>]*src="[^"]*_images/[^"]*"[^>]*>', text)
        if page.startswith("notebooks/"):
            assert len(figures) >= 2, page
        eager = [tag[:120] for tag in figures if 'loading="lazy"' not in tag]
        assert eager == [], (page, eager)


def test_no_page_repeats_an_id(build):
    """HTML allows each ``id`` once a page (sphinx-exercise repeated two on every chapter)."""
    _, _, html = build
    pages = [path for path in html.rglob("*.html") if "_static" not in path.parts]
    assert len(pages) >= 15
    for path in pages:
        ids = Counter(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
        repeated = sorted(name for name, count in ids.items() if count > 1)
        assert repeated == [], (path.relative_to(html).as_posix(), repeated)


def test_chapters_have_binder_and_colab_buttons_and_described_figures(build):
    _, _, html = build
    for chapter in CHAPTERS:
        text = (html / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
        assert "mybinder.org/v2/gh/" in text and f"notebooks/{chapter}.ipynb" in text
        assert "colab.research.google.com/github/" in text
        # every output figure has alt text written for it, not its file name
        assert 'alt="../_images/' not in text, chapter


def _stored_widget_views(chapter: str) -> int:
    """How many widget views the chapter's stored outputs display."""
    notebook = json.loads((REPO / "notebooks" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    return sum(WIDGET_VIEW in output.get("data", {})
               for cell in notebook["cells"] if cell["cell_type"] == "code"
               for output in cell.get("outputs", []))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_calculator_of_a_chapter_renders_offline(browser, server, chapter):
    page, problems = open_page(browser, f"{server}/notebooks/{chapter}.html")
    roots = page.locator("[data-calculator]")
    # as many calculators as the stored notebook displays (none lost from the page)
    assert roots.count() == _stored_widget_views(chapter)
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=20_000)
    for root in roots.all():
        assert root.locator('[data-output="results"] table').count() == 1
        assert root.locator('[data-output="figure"] svg, [data-output="figure"] img').count() == 1
    text = page.locator("body").inner_text()
    assert "Traceback" not in text
    for root in roots.all():
        root.scroll_into_view_if_needed()  # it computes when it comes near the screen
        root.locator('[data-output="figure"] svg').wait_for(timeout=15_000)
        shown = root.inner_text()
        assert "NaN" not in shown and "Infinity" not in shown and "undefined" not in shown
    assert problems == []
    # no widget manager and no widget state: the page computes, it does not replay a kernel
    html = page.content()
    assert "html-manager" not in html and "widget-state+json" not in html
    page.close()


def test_footer_shows_version_commit_and_build_date(build):
    _, _, html = build
    sys.path.insert(0, str(REPO / "book" / "ext"))
    from build_info import build_info, footer_text

    line = footer_text(build_info())
    for page in ("index.html", "book/intro.html", "notebooks/02-power-laws.html"):
        path = html / page
        if page == "index.html" and "Refresh" in path.read_text(encoding="utf-8"):
            continue  # the redirect to the root page
        assert f'<p class="build-info">{line}</p>' in path.read_text(encoding="utf-8"), page


def test_how_to_cite_page_renders_citation_file(build):
    _, _, html = build
    text = (html / "book" / "how-to-cite.html").read_text(encoding="utf-8")
    assert "scaling_laws_course" in text and "Scaling Laws, an interactive course" in text
    assert "highlight-bibtex" in text


def _version() -> str:
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def test_download_links_point_where_make_release_puts_the_files(build):
    _, _, html = build
    text = (html / "book" / "how-to-use.html").read_text(encoding="utf-8")
    for name in ("scaling-laws.pdf", "scaling-laws-student-notebooks.zip",
                 "scaling-laws-site.zip", f"scalinglaws-{_version()}-py3-none-any.whl"):
        assert f'href="../downloads/{name}"' in text


def test_a_chapters_launch_menu_opens_jupyterlab_and_says_to_run_colabs_first_cell(build):
    _, _, html = build
    text = (html / "notebooks" / "02-power-laws.html").read_text(encoding="utf-8")
    binder = re.search(r'href="(https://mybinder\.org/[^"]+)"', text)
    assert binder and binder[1].endswith("?urlpath=lab/tree/notebooks/02-power-laws.ipynb")
    assert ">Colab (run its first cell first)</span>" in text
    assert "run the chapter&#39;s first cell" in text or "run the chapter's first cell" in text


def test_offline_copy_reads_from_file_urls(build, browser, tmp_path):
    """The zipped site, unzipped anywhere, shows math and computes its calculators with no
    server (one bundled classic script: browsers run no code modules from file://)."""
    import zipfile

    sys.path.insert(0, str(REPO / "tools"))
    from downloads import build_offline_zip

    _, _, html = build
    site = build_offline_zip(html, tmp_path / "site.zip")
    zipfile.ZipFile(site).extractall(tmp_path)
    page = browser.new_page()
    problems = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    chapter = tmp_path / "scaling-laws-site" / "notebooks" / "02-power-laws.html"
    page.goto(chapter.as_uri(), wait_until="load")
    page.wait_for_selector("mjx-container", timeout=20_000)
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=20_000)
    calculators = page.locator("[data-calculator].sl-live")
    assert calculators.count() == 1
    calculators.scroll_into_view_if_needed()  # it computes when it comes near the screen
    calculators.locator('[data-output="figure"] svg').wait_for(timeout=20_000)
    assert calculators.locator('[data-output="results"] table').count() == 1
    assert problems == []
    page.close()


def test_example_runs_csv_is_written_from_the_package(build):
    from scalinglaws.runs_csv import parse_runs_csv
    from scalinglaws.widgets.chinchilla import example_runs_csv

    _, _, html = build
    text = (html / "downloads" / "example-runs.csv").read_text(encoding="utf-8")
    assert text == example_runs_csv()
    assert len(parse_runs_csv(text).loss) >= 5  # the fit-your-own command accepts it
