"""book/ext/one_stylesheet.py: a page's stylesheets served as one file, with the same cascade
and every font and image still found."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "ext"))
from one_stylesheet import bundle_site, concatenate  # noqa: E402

HEAD = ('<html><head><meta charset="utf-8" />\n'
        '<link href="{up}_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
        '<link rel="stylesheet" type="text/css" href="{up}_static/pygments.css?v=2" />\n'
        '<link rel="stylesheet" type="text/css" href="{up}_static/course.css?v=3" />\n'
        '<link rel="preload" as="script" href="{up}_static/scripts/bootstrap.js" />\n'
        '<link rel="icon" href="{up}_static/favicon.svg"/>\n'
        '</head><body><link rel="stylesheet" href="late.css" /></body></html>')


@pytest.fixture
def site(tmp_path):
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "styles" / "theme.css").write_text('@import url("../basic.css");\n'
                                                 '.a{background:url(icon.svg)}\n')
    (static / "basic.css").write_text(".b{background:url(file.png)}\n")
    (static / "pygments.css").write_text('.c{src:url("data:font/woff;base64,AA")}\n')
    (static / "course.css").write_text(".a{color:red}\n")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "index.html").write_text(HEAD.format(up=""))
    (tmp_path / "notebooks" / "chapter.html").write_text(HEAD.format(up="../"))
    return tmp_path


def test_stylesheets_are_concatenated_in_order_with_imports_inlined_and_urls_rebased(site):
    css = concatenate(site, ["_static/styles/theme.css", "_static/pygments.css",
                             "_static/course.css"], "_static")
    # the import comes first, where it was; the later rule still wins the cascade
    assert css.index(".b{") < css.index(".a{background") < css.index(".c{") < css.index(
        ".a{color:red}")
    assert '@import' not in css
    assert 'url("file.png")' in css and 'url("styles/icon.svg")' in css
    assert 'url("data:font/woff;base64,AA")' in css


def test_every_page_links_one_bundle_at_its_depth(site):
    written = bundle_site(site)
    assert len(written) == 1 and written[0].startswith("_static/book-")
    bundle = (site / written[0]).read_text()
    assert ".a{color:red}" in bundle
    for page, up in [("index.html", ""), ("notebooks/chapter.html", "../")]:
        text = (site / page).read_text()
        assert text.count('rel="stylesheet"') == 2, text  # the bundle, and the body's own
        assert f'href="{up}{written[0]}?v=' in text
        # other links stay, in place
        assert f'<link rel="preload" as="script" href="{up}_static/scripts/bootstrap.js" />' in text
        assert text.index(written[0]) < text.index("bootstrap.js")
        assert '<link rel="stylesheet" href="late.css" />' in text


def test_a_page_an_earlier_build_wrote_gets_todays_stylesheets(site):
    """An incremental build rewrites only changed pages: the bundle an unchanged page links
    (named by its list of files) is rewritten from today's files."""
    first = bundle_site(site)
    pages = {path: path.read_text() for path in site.rglob("*.html")}
    (site / "_static" / "course.css").write_text(".a{color:blue}\n")
    assert bundle_site(site) == first
    assert {path: path.read_text() for path in site.rglob("*.html")} == pages
    bundle = (site / first[0]).read_text()
    assert ".a{color:blue}" in bundle and "red" not in bundle
