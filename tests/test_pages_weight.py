"""Page weight: every page of the site stays light when served gzipped, and loads nothing from
another origin.

The book is built once with the notebooks' stored outputs (``execute_notebooks: off``, the
outputs nbval keeps equal to a fresh run), served by ``tools/serve_gzip.py`` (gzip on the fly,
as a web host does), and each page is opened in Debian's Chromium; the bytes counted are the
encoded (gzipped) bodies and headers of every response. ``make lighthouse`` measures the same
pages with Lighthouse's full audit (scores, timings); this is the fast guard.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
from serve_gzip import make_server  # noqa: E402

CHAPTERS = sorted(path.stem for path in (REPO / "notebooks").glob("*.ipynb"))
PAGES = ["book/intro.html", "book/how-to-use.html", "book/instructor-guide.html",
         "book/glossary.html", "book/bibliography.html", "search.html", "genindex.html",
         *(f"notebooks/{chapter}.html" for chapter in CHAPTERS)]
#: Issue 9's budget: every page at most 1 MB transferred, gzipped.
BUDGET_BYTES = 1024 * 1024
#: Nothing is left out of the budget: the frozen-widget manager is gone (live calculators).
NOT_COUNTED: tuple[str, ...] = ()
#: Pages allowed over the 1 MB budget, with the most they may weigh: none. (Chapter 3 weighed
#: 1.33 MB with RGBA PNGs; palette PNGs, plotting.png_bytes, bring it to 0.86 MB.)
OVER_BUDGET: dict[str, int] = {}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Build the book from the stored outputs; serve it gzipped; yield its base URL."""
    out = tmp_path_factory.mktemp("weight")
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"
    local = config["sphinx"].get("local_extensions") or {}
    config["sphinx"]["local_extensions"] = {name: str(REPO / path) for name, path in local.items()}
    config_path = out / "_config.yml"
    config_path.write_text(yaml.safe_dump(config))
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", "-W", "-n", "--keep-going", "--config", str(config_path),
         "--path-output", str(out), str(REPO)],
        capture_output=True, text=True, cwd=REPO, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    httpd, url = make_server(str(out / "_build" / "html"))
    yield url
    httpd.shutdown()


def load(browser, url):
    """Open ``url``; return the page and (url, encoded bytes) of every response it received."""
    page = browser.new_page()
    requests = []
    page.route("**/*", lambda route: (
        route.abort() if urlparse(route.request.url).hostname not in ("127.0.0.1", None)
        and not route.request.url.startswith("data:") else route.continue_()))
    page.on("request", lambda request: requests.append(request))
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_load_state("networkidle")
    sizes = []
    for request in requests:
        if request.url.startswith("data:"):
            continue
        measured = request.sizes()
        sizes.append((request.url, measured["responseBodySize"] + measured["responseHeadersSize"]))
    return page, sizes


@pytest.mark.parametrize("path", PAGES)
def test_page_is_light_and_loads_nothing_from_another_origin(browser, site, path):
    page, sizes = load(browser, f"{site}/{path}")
    origin = urlparse(site).netloc
    assert [url for url, _ in sizes if urlparse(url).netloc != origin] == []
    # the theme's 1.5 MB icon script and its webfonts are replaced by inline SVG icons
    assert not [url for url, _ in sizes if "fontawesome" in url or "webfonts/fa-" in url]
    assert page.locator("svg.svg-inline--fa").count() >= 5
    counted = sum(size for url, size in sizes if not any(part in url for part in NOT_COUNTED))
    assert counted <= OVER_BUDGET.get(path, BUDGET_BYTES), sorted(sizes, key=lambda i: -i[1])[:5]
    # the search index loads on the search page only (no search-as-you-type elsewhere)
    loads_search_index = any(urlparse(url).path.endswith("/searchindex.js") for url, _ in sizes)
    assert loads_search_index == (path == "search.html"), path
    # no page runs MathJax: every formula was typeset at build time (book/ext/static_math.py)
    assert not [url for url, _ in sizes if "mathjax" in url.lower()]
    assert page.evaluate("() => typeof window.MathJax") == "undefined"
    formulas = page.locator(".math").count()
    assert page.locator(".math > mjx-container[jax='SVG']").count() == formulas
    page.close()


#: What ``course.css`` sets on inline formulas; the test takes it away to compare.
DRAW_EVERY_FORMULA = ("mjx-container[jax='SVG']:not([display='true']) > svg "
                      "{content-visibility: visible !important}")
FORMULA_BOXES = """() => [document.documentElement.scrollHeight,
    ...[...document.querySelectorAll('mjx-container > svg')].map(svg => {
        const box = svg.getBoundingClientRect();
        return [box.left, box.top + scrollY, box.width, box.height].map(Math.round); })]"""


@pytest.mark.parametrize("width", [1280, 390])
def test_formulas_drawn_only_near_the_screen_keep_their_place(browser, site, width):
    """Inline formulas off the screen are not laid out at load (``content-visibility``); when
    they are, nothing moves: every formula's box and the page's height are those of the page
    with every formula drawn."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{site}/notebooks/03-chinchilla.html", wait_until="load")
    # the calculators near the screen have computed (they change their own height)
    page.wait_for_function("document.documentElement.dataset.calculatorsReady === 'true'",
                           timeout=20_000)
    skipped = page.evaluate("""() => [...document.querySelectorAll('mjx-container > svg')]
        .filter(svg => getComputedStyle(svg).contentVisibility === 'auto').length""")
    assert skipped >= 150
    drawn_late = page.evaluate(FORMULA_BOXES)
    page.add_style_tag(content=DRAW_EVERY_FORMULA)
    drawn_at_once = page.evaluate(FORMULA_BOXES)
    assert len(drawn_late) > 150
    moved = [(late, once) for late, once in zip(drawn_late, drawn_at_once, strict=True)
             if late != once]
    assert moved == [], moved[:5]
    page.close()
