"""For the single-page build behind the PDF (tools/downloads.py adds this extension): myst-nb
registers how to write its hidden-code-cell node for the ``html`` builder only, so the
``singlehtml`` builder gets the same handlers."""

from __future__ import annotations


def setup(app):
    app.setup_extension("myst_nb")
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput

    app.registry.add_translation_handlers(
        HideCodeCellNode, singlehtml=(visit_HideCellInput, depart_HideCellInput))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
