"""Typeset the book's math at build time, so no page runs MathJax.

Measured with Lighthouse on a chapter page at mobile settings (4x CPU slowdown), MathJax was
the largest single cost of the course's pages: about 3 s of main-thread work to typeset a
chapter's 30-110 formulas, and the page's largest paint waited for it. The formulas never
change after the build, so this extension typesets them once, with the same MathJax (npm
``mathjax-full``, pinned in ``package-lock.json``, run by ``tools/static_math.cjs`` under node):

- each ``\\(...\\)`` and ``\\[...\\]`` that Sphinx writes inside a ``math`` span or div becomes
  MathJax's SVG (drawn in ``currentColor``, so it follows the light and dark themes), with the
  formula as MathML beside it for screen readers;
- glyphs are shared: one hidden ``<svg>`` per page holds each glyph's path once;
- MathJax's stylesheet for that output goes in the page's head, and MathJax's script (and its
  configuration) leave every page;
- an inline formula's SVG is laid out and drawn only near the screen (``course.css``);
- a formula MathJax cannot parse stops the build with the formula, instead of showing raw TeX.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from sphinx.errors import ExtensionError

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "tools" / "static_math.cjs"
MATHJAX_FULL = REPO / "node_modules" / "mathjax-full"
#: Sphinx's math markup: the TeX sits between ``\\(``/``\\)`` (inline, in a span) or
#: ``\\[``/``\\]`` (display, in a div), HTML-escaped.
INLINE = re.compile(r"(<span class=\"math notranslate nohighlight\">)\\\((.*?)\\\)(</span>)", re.S)
DISPLAY = re.compile(r"(<div class=\"math notranslate nohighlight\"[^>]*>\s*)"
                     r"\\\[(.*?)\\\](\s*</div>)", re.S)
#: Scripts that only serve MathJax at page load.
MATHJAX_HELPERS = ("mathjax-hub-shim.js",)


def find_math(page: str) -> list[tuple[re.Match, bool]]:
    """Every formula Sphinx wrote in ``page``, in page order, with whether it is displayed.

    >>> found = find_math('<span class="math notranslate nohighlight">\\\\(x &lt; 1\\\\)</span>')
    >>> [(match.group(2), display) for match, display in found]
    [('x &lt; 1', False)]
    """
    found = [(match, False) for match in INLINE.finditer(page)]
    found += [(match, True) for match in DISPLAY.finditer(page)]
    return sorted(found, key=lambda item: item[0].start())


def typeset(items: list[dict]) -> dict:
    """Run ``tools/static_math.cjs`` on ``[{"tex": ..., "display": ...}]``; return its JSON
    (``items``: one SVG container per formula, ``cache``: the page's glyphs, ``css``)."""
    node = shutil.which("node")
    if node is None or not MATHJAX_FULL.is_dir():
        raise ExtensionError("static_math: needs node and node_modules/mathjax-full "
                             "(run `make node_modules/.installed`, which runs `npm ci`)")
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps({"items": items}),
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    if result.returncode != 0:
        raise ExtensionError(result.stderr.strip() or "static_math: node failed")
    return json.loads(result.stdout)


def typeset_page(page: str, run=typeset) -> str:
    """``page`` with every formula replaced by its SVG, the glyph cache at the start of the body
    and MathJax's stylesheet at the end of the head (``page`` unchanged if it has no math)."""
    found = find_math(page)
    if not found:
        return page
    output = run([{"tex": html.unescape(match.group(2)), "display": display}
                  for match, display in found])
    pieces, position = [], 0
    for (match, _), svg in zip(found, output["items"], strict=True):
        pieces += [page[position:match.start()], match.group(1), svg, match.group(3)]
        position = match.end()
    page = "".join(pieces) + page[position:]
    page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + output["cache"], page, count=1)
    style = f'<style id="MJX-SVG-styles">{output["css"]}</style>'
    return page.replace("</head>", style + "</head>", 1)


def _drop_mathjax(app, pagename, templatename, context, doctree) -> None:
    """Remove MathJax's script, its configuration and its helpers from the page."""
    mathjax = (app.config.mathjax_path or "").rsplit("/", 1)[-1]

    def serves_math(script) -> bool:
        filename = str(getattr(script, "filename", script) or "")
        body = str(getattr(script, "attributes", {}).get("body", "") or "")
        return ((mathjax and filename.endswith(mathjax))
                or filename.endswith(MATHJAX_HELPERS) or "window.MathJax" in body)

    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [script for script in scripts if not serves_math(script)]


def _typeset_rendered_pages(app) -> None:
    """Wrap the HTML builder's template rendering so each page's math is typeset once."""
    if getattr(app.builder, "format", None) != "html":
        return
    templates = app.builder.templates
    render = templates.render

    def render_typeset(template: str, context: dict) -> str:
        page = render(template, context)
        return typeset_page(page) if template.endswith(".html") else page

    templates.render = render_typeset


def setup(app):
    app.connect("builder-inited", _typeset_rendered_pages)
    # after sphinx.ext.mathjax (priority 500) has added its scripts
    app.connect("html-page-context", _drop_mathjax, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
