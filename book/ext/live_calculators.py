"""Live calculators on the static pages: load their script only where one is, and no widget state.

A calculator's notebook output carries both the ipywidgets view and an HTML version
(``scalinglaws.widgets.Calculator.to_html``); ``nb_mime_priority_overrides`` in
``_config.yml`` makes the HTML builder pick the HTML. This extension then

* adds ``live/runtime.js`` (an ES module, ``book/static/live``) to the pages whose body holds
  a ``data-calculator`` element, and only to them;
* drops the widget state myst-nb embeds from the executed notebooks (a kernel's state that no
  page uses any more, up to hundreds of KB a chapter).
"""

from __future__ import annotations

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
RUNTIME = "live/runtime.js"


def _is_widget_state(script) -> bool:
    return getattr(script, "attributes", {}).get("type") == WIDGET_STATE


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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
