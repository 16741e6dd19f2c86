"""Drop sphinx-thebe's scripts from every page, and give notebook figures their size.

Jupyter Book 1.x always loads sphinx-thebe, whose set-up runs twice and so declares
``const THEBE_JS_URL`` twice on each page: a JavaScript error on every page. The course does
not offer Thebe (it would need a remote kernel, and the book must work offline), so its
scripts are removed from the pages.
"""

from __future__ import annotations

import re


def _is_thebe(script) -> bool:
    body = getattr(script, "attributes", {}).get("body", "") or ""
    return "sphinx-thebe" in str(script) or "THEBE_JS_URL" in body


def _drop_thebe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [script for script in scripts if not _is_thebe(script)]


_SIZED_IMG = re.compile(r'(<img\b[^>]*?) style="width: (\d+)px; height: (\d+)px;"')


def _size_attributes(html: str) -> str:
    """Turn an image's fixed CSS size into width and height attributes.

    Notebook figures carry their display size; docutils writes it as an inline style, which
    would fix the height on a narrow screen. As attributes, the browser reserves the right
    space before the image loads (no layout shift), and the stylesheet scales it down.

    >>> _size_attributes('<img src="a.png" style="width: 640px; height: 400px;" />')
    '<img src="a.png" width="640" height="400" />'
    """
    return _SIZED_IMG.sub(r'\1 width="\2" height="\3"', html)


def _size_images(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = _size_attributes(context["body"])


def setup(app):
    app.connect("html-page-context", _drop_thebe_scripts)
    app.connect("html-page-context", _size_images)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
