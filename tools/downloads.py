"""The downloads published with the website, built with no network.

    python tools/downloads.py pdf       _build/downloads/scaling-laws.pdf: the whole book
    python tools/downloads.py student   _build/downloads/scaling-laws-student-notebooks.zip
    python tools/downloads.py wheel     _build/downloads/scalinglaws-<version>-py3-none-any.whl
    python tools/downloads.py publish   copy _build/downloads/* into _build/html/downloads/
    python tools/downloads.py offline   _build/scaling-laws-site.zip: the website, to read offline

The PDF is the book as one page (Jupyter Book's ``singlehtml`` builder, from the notebooks'
stored outputs, which the nbval tests keep equal to a fresh run), printed by Chromium once
every calculator has drawn from its stored state (the formulas are typeset at build time). It is
the reader's and instructor's copy: every solution is printed open. The Makefile targets
``pdf``, ``student``, ``offline`` and ``release`` call this script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from live_harness import serve, watch_page  # the same tools/ folder

REPO = Path(__file__).resolve().parents[1]
BUILD = REPO / "_build"
DOWNLOADS = BUILD / "downloads"
PDF_NAME = "scaling-laws.pdf"
STUDENT_ZIP = "scaling-laws-student-notebooks.zip"
SITE_ZIP = "scaling-laws-site.zip"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

# Printed pages: solutions open, no navigation, each chapter on a new page.
PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
@media print {
  .bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header-article,
  .prev-next-area, .bd-footer, .bd-footer-content, .bd-footer-article, #pst-skip-link,
  button.toggle-button, .headerlink, .copybtn { display: none !important; }
  .bd-main .bd-content .bd-article-container { max-width: 100%; }
  span[id^="document-"] + section { break-before: page; }
  img, figure, table, .admonition, .jupyter-widgets, div.cell_output { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a[href^="http"] { text-decoration: none; }
}
"""

# Run in the page before printing: every solution open (this is the instructor's copy).
OPEN_SOLUTIONS_JS = """() => {
  document.querySelectorAll('.admonition.toggle-hidden')
    .forEach(e => e.classList.remove('toggle-hidden'));
  document.querySelectorAll('details')
    .forEach(e => { if (!e.classList.contains('hide')) e.open = true; });
  return document.querySelectorAll('div.solution').length;
}"""


def _sanitize_script(text: str) -> str:
    """JSON that cannot close its <script> element early."""
    return text.replace("</", "<\\/")


def singlehtml_config(repo: Path, out: Path) -> Path:
    """A copy of the book's _config.yml for the single-page build: the notebooks' stored
    outputs are used (no execution) and local extensions are found from ``out``."""
    import yaml

    config = yaml.safe_load((repo / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    sphinx = config.setdefault("sphinx", {})
    local = sphinx.get("local_extensions") or {}
    sphinx["local_extensions"] = {name: str((repo / path).resolve())
                                  for name, path in {**local, "single_page": "book/ext"}.items()}
    out.mkdir(parents=True, exist_ok=True)
    path = out / "_config.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_single_page(repo: Path, out: Path) -> Path:
    """Build the book as one HTML page with Jupyter Book; return the output folder."""
    config = singlehtml_config(repo, out)
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", "-W", "-n", "--keep-going", "--builder", "singlehtml",
         "--config", str(config), "--path-output", str(out), str(repo)],
        capture_output=True, text=True, cwd=repo, timeout=900)
    if result.returncode != 0:
        raise RuntimeError("single-page build failed:\n" + (result.stdout + result.stderr)[-4000:])
    return out / "_build" / "singlehtml"


def widget_state_scripts(notebooks: list[Path]) -> str:
    """One widget-state <script> per notebook: the html-manager renders each view from the
    state of the notebook it came from."""
    scripts = []
    for path in notebooks:
        metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        state = metadata.get("widgets", {}).get(WIDGET_STATE)
        if state and state.get("state"):
            scripts.append(f'<script type="{WIDGET_STATE}">'
                           f"{_sanitize_script(json.dumps(state))}</script>")
    return "\n".join(scripts)


def print_note(repo: Path = REPO) -> str:
    """The line under the title of the PDF: what it is and which build it comes from."""
    sys.path.insert(0, str(repo / "book" / "ext"))
    from build_info import build_info, footer_text

    return ('<p class="print-note"><em>The whole book in one file, printed from the website. '
            "Every solution is printed open: this is the reader's and instructor's copy "
            "(the student notebooks, without solutions, are a separate download). "
            f"{footer_text(build_info(repo))}.</em></p>")


def root_document(repo: Path = REPO) -> str:
    """The book's root document (``root:`` in _toc.yml), e.g. ``book/intro``."""
    import yaml

    return yaml.safe_load((repo / "_toc.yml").read_text(encoding="utf-8"))["root"]


def prepare_print_page(single: Path, notebooks: list[Path], name: str = "print.html") -> Path:
    """The page to print, beside ``_static``: Jupyter Book writes the single page under the
    root document's folder (``book/intro.html``) with links relative to the output root, so
    it is moved up, and the print styles are added. The calculators print as their HTML
    version shows them (their default results: a table and a figure)."""
    html = (single / f"{root_document()}.html").read_text(encoding="utf-8")
    head = f"<style>{PRINT_CSS}</style>\n</head>"
    html = html.replace("</head>", head, 1)
    article = '<article class="bd-article">'
    html = html.replace(article, article + print_note(), 1)
    # links to the other downloads are relative to the website: name the file instead
    html = re.sub(r'<a href="\.\./downloads/([^"]+)">(.*?)</a>',
                  r"\2 (<code>\1</code> on the website)", html, flags=re.DOTALL)
    # the single-page builder writes no search index; the page needs none
    html = re.sub(r'<script[^>]*src="searchindex\.js"[^>]*></script>', "", html)
    target = single / name
    target.write_text(html, encoding="utf-8")
    return target


def render_for_print(page, url: str, timeout_ms: int = 120_000) -> dict:
    """Open ``url`` and wait until it is ready to print: every calculator
    drawn, every image loaded, every solution open. Returns what was found."""
    started = time.perf_counter()

    def step(name):
        if os.environ.get("DOWNLOADS_VERBOSE"):
            print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)

    page.goto(url, wait_until="load", timeout=timeout_ms)
    step("loaded")
    views = page.locator("[data-calculator]").count()
    page.wait_for_function(
        "n => document.querySelectorAll('[data-calculator] [data-output=\"figure\"] img,"
        " [data-calculator] [data-output=\"figure\"] svg').length >= n",
        arg=views, timeout=timeout_ms)
    step("calculators drawn")
    # the calculators' default figures load lazily on screen; the printed book needs them all
    page.evaluate("() => document.querySelectorAll('img[loading=\"lazy\"]')"
                  ".forEach(image => { image.loading = 'eager'; })")
    page.wait_for_function(
        "() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)",
        timeout=timeout_ms)
    solutions = page.evaluate(OPEN_SOLUTIONS_JS)
    raw_math = page.evaluate("() => [...document.querySelectorAll('.math')]"
                             ".filter(e => !e.querySelector('mjx-container')).length")
    return {"calculators": views, "solutions": solutions, "untypeset_math": raw_math,
            "formulas": page.locator("mjx-container").count(),
            "images": page.evaluate("() => document.images.length")}


FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
          '<span class="title"></span> · <span class="pageNumber"></span> / '
          '<span class="totalPages"></span></div>')


def print_pdf(directory: Path, page_name: str, pdf: Path, chromium: str) -> dict:
    """Print ``directory/page_name`` to ``pdf`` with Chromium; return figures about it."""
    from playwright.sync_api import sync_playwright

    pdf.parent.mkdir(parents=True, exist_ok=True)
    with serve(directory) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        problems = watch_page(page, failed=False)
        found = render_for_print(page, f"{url}/{page_name}")
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format="A4", print_background=True, outline=True, tagged=True,
                 display_header_footer=True, header_template="<div></div>",
                 footer_template=FOOTER,
                 margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
        browser.close()
    if problems:
        raise RuntimeError("printing the book met problems:\n" + "\n".join(problems))
    if found["untypeset_math"]:
        raise RuntimeError(f"{found['untypeset_math']} formulas were not typeset")
    return found


def pdf_page_count(pdf: Path) -> int:
    """Pages in a PDF that Chromium wrote (it does not compress its page tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def expected_content(notebooks: list[Path]) -> dict[str, int]:
    """What the printed chapters must show: one open solution per ``{solution}`` block and
    one drawn calculator per stored widget view."""
    counts = {"solutions": 0, "calculators": 0}
    for path in notebooks:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                counts["solutions"] += len(re.findall(r"^\s*(`{3,}|:{3,})\{solution\}", source,
                                                      flags=re.MULTILINE))
            for output in cell.get("outputs", []):
                counts["calculators"] += "application/vnd.jupyter.widget-view+json" in output.get(
                    "data", {})
    return counts


def build_pdf(repo: Path = REPO, target: Path = DOWNLOADS / PDF_NAME,
              chromium: str | None = None) -> dict:
    """Build the single page and print it; return figures (pages, bytes, seconds...)."""
    chromium = chromium or os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="book-pdf-") as tmp:
        single = build_single_page(repo, Path(tmp))
        built = time.perf_counter()
        notebooks = sorted((repo / "notebooks").glob("*.ipynb"))
        page = prepare_print_page(single, notebooks)
        found = print_pdf(single, page.name, target, chromium)
    expected = expected_content(notebooks)
    for key, count in expected.items():
        if found[key] != count:
            raise RuntimeError(f"the PDF has {found[key]} {key}, the notebooks {count}")
    return {**found, "pages": pdf_page_count(target), "bytes": target.stat().st_size,
            "build_seconds": round(built - started, 1),
            "print_seconds": round(time.perf_counter() - built, 1), "path": str(target)}


def zip_folder(folder: Path, target: Path, prefix: str, exclude: tuple[str, ...] = (),
               rewrite=None) -> Path:
    """Zip every file under ``folder`` into ``target``, under the top folder ``prefix``.

    ``rewrite(relative, path)`` may return the bytes to store for a file instead of its own.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and not any(relative.startswith(x) for x in exclude):
                data = rewrite(relative, path) if rewrite else None
                if data is None:
                    archive.write(path, f"{prefix}/{relative}")
                else:
                    archive.writestr(f"{prefix}/{relative}", data)
    return target


STUDENT_README = """Scaling Laws, an interactive course: the chapters for learners.

Solutions are removed and outputs cleared: run each notebook from the top. Open them in
JupyterLab with the course's environment (see "How to use this book" on the website):

    pip install -r requirements.txt     # in a clone of the course repository
    jupyter lab
"""


def build_student_zip(repo: Path = REPO, target: Path = DOWNLOADS / STUDENT_ZIP) -> Path:
    """The student copies (``make student``) with a short README, as one zip."""
    sys.path.insert(0, str(repo))
    from scalinglaws.student import write_student_copies

    with tempfile.TemporaryDirectory(prefix="student-") as tmp:
        folder = Path(tmp) / "scaling-laws-student"
        write_student_copies(folder, sorted((repo / "notebooks").glob("*.ipynb")))
        (folder / "README.txt").write_text(STUDENT_README, encoding="utf-8")
        return zip_folder(folder, target, "scaling-laws-student")


#: What the package's wheel is built from (a copy, so no build/ or egg-info lands in the tree).
WHEEL_SOURCES = ("pyproject.toml", "README.md", "scalinglaws")


def build_wheel(repo: Path = REPO, downloads: Path = DOWNLOADS) -> Path:
    """The package as a wheel, built with no network (pip and setuptools from this
    environment, no index): what the Colab set-up cell installs from the website.
    """
    import tomllib

    version = tomllib.loads((repo / "pyproject.toml").read_text())["project"]["version"]
    name = f"scalinglaws-{version}-py3-none-any.whl"
    with tempfile.TemporaryDirectory(prefix="wheel-") as tmp:
        source = Path(tmp) / "source"
        for entry in WHEEL_SOURCES:
            if (repo / entry).is_dir():
                shutil.copytree(repo / entry, source / entry,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                source.mkdir(exist_ok=True)
                shutil.copy2(repo / entry, source / entry)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--no-build-isolation", "--no-index", "--wheel-dir", tmp, str(source)],
                       check=True, capture_output=True, text=True)
        built = Path(tmp) / name
        if not built.is_file():
            raise RuntimeError(f"pip built no {name} in {tmp}")
        downloads.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(built, downloads / name))


def publish(html: Path = BUILD / "html", downloads: Path = DOWNLOADS) -> list[Path]:
    """Copy the downloads into the built website, where its pages link to them."""
    if not html.is_dir():
        raise RuntimeError(f"no website at {html}: run 'make book' first")
    out = html / "downloads"
    out.mkdir(exist_ok=True)
    return [Path(shutil.copy2(path, out / path.name)) for path in sorted(downloads.glob("*"))
            if path.is_file()]


OFFLINE_README = """Scaling Laws, an interactive course: the website, to read with no network.

Open index.html in a browser. Everything the pages need is in this folder, and the calculators
compute from the disk too (one bundled script, _static/live/offline.js); the fit lab's fits
then run on the page's own thread, which pauses for a fraction of a second while they do.
Search works best served from a local web server:

    python -m http.server --directory scaling-laws-site 8000    # then http://127.0.0.1:8000
"""

#: The live calculators' modules (book/static/live) and the bundler (npm, package-lock.json).
LIVE = REPO / "book" / "static" / "live"
ESBUILD = REPO / "node_modules" / ".bin" / "esbuild"
OFFLINE_SCRIPT = "offline.js"
#: The tag book/ext/live_calculators.py puts on a calculator's page.
_RUNTIME_TAG = re.compile(
    r'<script type="module" src="([^"]*?_static/live/)runtime\.js(?:\?[^"]*)?"></script>')


def offline_entry(live: Path = LIVE) -> str:
    """The bundle's entry: every view under ``live/views`` (by calculator name), published as
    ``SL_BUNDLED_VIEWS`` before the runtime starts (runtime.js then imports none)."""
    names = sorted(path.stem for path in (live / "views").glob("*.js") if path.stem != "common")
    lines = [f'import * as view{i} from "./views/{name}.js";' for i, name in enumerate(names)]
    views = ", ".join(f'"{name}": view{i}' for i, name in enumerate(names))
    lines += [f"globalThis.SL_BUNDLED_VIEWS = {{ {views} }};", 'import("./runtime.js");']
    return "\n".join(lines) + "\n"


def bundle_live_script(target: Path, live: Path = LIVE, esbuild: Path = ESBUILD) -> Path:
    """The runtime, every view and the numerics as one classic script (esbuild, IIFE): browsers
    run no ES modules from file:// addresses, but they run this."""
    if not esbuild.is_file():
        raise RuntimeError(f"no esbuild at {esbuild}: run `npm ci` (make offline does)")
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(esbuild), "--bundle", "--format=iife", "--target=es2020",
                    "--log-level=error", "--sourcefile=offline-entry.js", f"--outfile={target}"],
                   input=offline_entry(live), text=True, cwd=live, check=True,
                   capture_output=True)
    return target


def offline_page(text: str) -> str:
    """A page of the offline copy: the runtime module's tag becomes the bundle's classic one."""
    return _RUNTIME_TAG.sub(lambda m: f'<script defer src="{m.group(1)}{OFFLINE_SCRIPT}">'
                            '</script>', text)


def build_offline_zip(html: Path = BUILD / "html", target: Path = BUILD / SITE_ZIP) -> Path:
    """The built website as one zip, with a README saying how to open it; a copy goes into
    the website's downloads (the zip holds the other downloads, not itself).

    Pages with calculators load the bundled script (:func:`bundle_live_script`) instead of
    the runtime module, so the calculators compute when the copy is opened from the disk.
    """
    if not (html / "index.html").is_file():
        raise RuntimeError(f"no website at {html}: run 'make book' first")

    def rewrite(relative: str, path: Path) -> bytes | None:
        if not relative.endswith(".html"):
            return None
        text = path.read_text(encoding="utf-8")
        changed = offline_page(text)
        return None if changed == text else changed.encode("utf-8")

    pages = [path for path in html.rglob("*.html")
             if _RUNTIME_TAG.search(path.read_text(encoding="utf-8"))]
    zip_folder(html, target, "scaling-laws-site",
               exclude=(".buildinfo", ".doctrees", f"downloads/{SITE_ZIP}"), rewrite=rewrite)
    with zipfile.ZipFile(target, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("scaling-laws-site/README.txt", OFFLINE_README)
        if pages:
            with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
                script = bundle_live_script(Path(tmp) / OFFLINE_SCRIPT)
                archive.write(script, f"scaling-laws-site/_static/live/{OFFLINE_SCRIPT}")
    (html / "downloads").mkdir(exist_ok=True)
    shutil.copy2(target, html / "downloads" / SITE_ZIP)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["pdf", "student", "wheel", "publish", "offline"])
    args = parser.parse_args(argv)
    if args.what == "pdf":
        figures = build_pdf()
        print(f"{figures['path']}: {figures['pages']} pages, {figures['bytes'] / 1e6:.1f} MB, "
              f"{figures['calculators']} calculators, {figures['formulas']} formulas, "
              f"{figures['solutions']} solutions open; built in {figures['build_seconds']} s, "
              f"printed in {figures['print_seconds']} s")
    elif args.what == "student":
        target = build_student_zip()
        print(f"{target}: {target.stat().st_size / 1e3:.0f} kB")
    elif args.what == "wheel":
        target = build_wheel()
        print(f"{target}: {target.stat().st_size / 1e3:.0f} kB")
    elif args.what == "publish":
        for path in publish():
            print(f"{path}")
    else:
        target = build_offline_zip()
        print(f"{target}: {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
