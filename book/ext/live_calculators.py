"""Live calculators on the static pages: load their script only where one is, and no widget state.

A calculator's notebook output carries both the ipywidgets view and an HTML version
(``scalinglaws.widgets.Calculator.to_html``); ``nb_mime_priority_overrides`` in
``_config.yml`` makes the HTML builder pick the HTML. This extension then

* adds ``live/runtime.js`` (an ES module, ``book/static/live``) to the pages whose body holds
  a ``data-calculator`` element, and only to them;
* drops the widget state myst-nb embeds from the executed notebooks (a kernel's state that no
  page uses any more, up to hundreds of KB a chapter);
* writes each calculator's default figure, which the kernel embeds as a base64 ``data:`` image,
  to a file in ``_images`` (which ``lean_pages`` loads lazily, as every figure): the page's
  HTML halves (40-65 KB of a chapter's 80-120 KB gzipped were these images), and the figure,
  which the live calculator redraws when it comes near the screen, no longer delays the first
  paint. With JavaScript off the page still shows it.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from pathlib import Path

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
RUNTIME = "live/runtime.js"


def _is_widget_state(script) -> bool:
    return getattr(script, "attributes", {}).get("type") == WIDGET_STATE


DATA_IMAGE = re.compile(r"<img\b([^>]*?)\ssrc=\"data:image/(png|jpeg);base64,([A-Za-z0-9+/=]+)\""
                        r"([^>]*?)\s*/?>")
EXTENSIONS = {"png": "png", "jpeg": "jpg"}


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG from its header, or None if ``data`` is not a PNG.

    >>> header = b"\\x89PNG\\r\\n\\x1a\\n\\0\\0\\0\\rIHDR"
    >>> png_size(header + bytes([0, 0, 2, 102, 0, 0, 1, 108]))
    (614, 364)
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    return None


def externalise_images(body: str, write, relative) -> str:
    """``body`` with each base64 ``data:`` image written to a file (``write(name, bytes)``,
    named by its content's hash) and loaded from ``relative(name)``, with its size.

    >>> files = {}
    >>> header = b"\\x89PNG\\r\\n\\x1a\\n\\0\\0\\0\\rIHDR"
    >>> png = base64.b64encode(header + bytes([0, 0, 0, 8, 0, 0, 0, 4])).decode()
    >>> page = externalise_images(f'<img alt="A plot" src="data:image/png;base64,{png}">',
    ...                           files.__setitem__, lambda name: f"../_images/{name}")
    >>> print(page.replace(" width", "\\n width"))
    <img alt="A plot" src="../_images/calculator-17ca48099e7ef5b7.png"
     width="8" height="4">
    >>> list(files)
    ['calculator-17ca48099e7ef5b7.png']
    """
    def replace(match):
        data = base64.b64decode(match.group(3))
        name = (f"calculator-{hashlib.sha256(data).hexdigest()[:16]}."
                f"{EXTENSIONS[match.group(2)]}")
        write(name, data)
        before, after = match.group(1), match.group(4)
        size = png_size(data)
        if size and not re.search(r"\s(width|height)=", before + after):
            after += f' width="{size[0]}" height="{size[1]}"'
        return f'<img{before} src="{relative(name)}"{after}>'

    return DATA_IMAGE.sub(replace, body)


def _externalise_calculator_images(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body") or ""
    if "data:image/" not in body:
        return
    folder = Path(app.outdir) / "_images"

    def write(name: str, data: bytes) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)

    context["body"] = externalise_images(body, write,
                                         lambda name: context["pathto"](f"_images/{name}", 1))


def _live_calculators(app, pagename, templatename, context, doctree) -> None:
    # Appended to this page's list (another extension may have replaced the builder's list).
    from sphinx.builders.html._assets import _JavaScript

    scripts = [script for script in context.get("script_files") or []
               if not _is_widget_state(script)]
    if "data-calculator=" in (context.get("body") or ""):
        scripts.append(_JavaScript(f"_static/{RUNTIME}", type="module"))
    context["script_files"] = scripts


def setup(app):
    app.connect("html-page-context", _live_calculators)
    app.connect("html-page-context", _externalise_calculator_images)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
