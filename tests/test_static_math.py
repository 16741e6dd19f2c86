"""The book's formulas are typeset at build time (book/ext/static_math.py, tools/static_math.cjs).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "ext"))

from sphinx.errors import ExtensionError  # noqa: E402
from static_math import MATHJAX_FULL, find_math, typeset_page  # noqa: E402

PAGE = ('<html><head><title>t</title></head><body class="x">'
        '<p>Loss <span class="math notranslate nohighlight">\\(L &lt; E + A/N^{\\alpha}\\)</span>'
        ' and <span class="math notranslate nohighlight">\\(x\\)</span>.</p>'
        '<div class="math notranslate nohighlight">\n\\[C \\approx 6\\,N\\,D .\\]</div>'
        '</body></html>')


@pytest.fixture
def mathjax():
    if shutil.which("node") is None or not MATHJAX_FULL.is_dir():
        if os.environ.get("CI"):
            pytest.fail("node or node_modules/mathjax-full missing: `npm ci` installs it")
        pytest.skip("node or node_modules/mathjax-full missing (npm ci)")


def test_find_math_keeps_page_order_and_kind():
    found = find_math(PAGE)
    assert [(match.group(2), display) for match, display in found] == [
        ("L &lt; E + A/N^{\\alpha}", False), ("x", False), ("C \\approx 6\\,N\\,D .", True)]


def test_every_formula_becomes_svg_with_mathml_for_screen_readers(mathjax):
    page = typeset_page(PAGE)
    assert "\\(" not in page and "\\[" not in page
    assert page.count('<mjx-container class="MathJax" jax="SVG"') == 3
    assert page.count('display="true"') >= 1
    # the escaped "<" reached MathJax as "<": the MathML says so
    assert "<mo>&lt;</mo>" in page
    # one glyph cache right after <body>, MathJax's stylesheet in the head
    assert page.index('id="MJX-SVG-global-cache"') < page.index("<p>")
    assert page.count('id="MJX-SVG-global-cache"') == 1
    assert '<style id="MJX-SVG-styles">' in page.split("</head>")[0]
    # glyphs drawn in the text colour, so the formulas follow the light and dark themes
    assert 'fill="currentColor"' in page and 'aria-hidden="true"' in page


def test_a_page_without_math_is_unchanged():
    assert typeset_page("<html><body><p>No math</p></body></html>", run=None) == (
        "<html><body><p>No math</p></body></html>")


def test_bad_tex_stops_the_build_naming_the_formula(mathjax):
    with pytest.raises(ExtensionError, match=r"Missing close brace.*\\frac\{a"):
        typeset_page('<body><span class="math notranslate nohighlight">\\(\\frac{a\\)</span>'
                     '</body>')

