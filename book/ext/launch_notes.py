"""The launch menu says what to expect: the chapter's Binder and Colab entries carry a note.

sphinx-book-theme's launch menu (the rocket icon) lists "Binder" and "Colab" with the
tooltips "Launch on Binder" and "Launch on Colab". A reader who picks Colab must first run
the chapter's set-up cell (tools/colab_cell.py), and Binder's first start takes minutes; the
menu entries say so, and the "How to use this book" page says more.
"""

from __future__ import annotations

#: Each launch entry's text and tooltip, by the theme's text for it.
NOTES = {
    "Binder": ("Binder",
               "Launch on Binder: the course's own environment; the first start takes a few "
               "minutes. Then Run > Run All Cells."),
    "Colab": ("Colab (run its first cell first)",
              "Launch on Colab (a Google account is needed): run the chapter's first cell, "
              "which installs the course's package in about a minute, then the others."),
}


def annotate_launch_buttons(header_buttons: list[dict]) -> int:
    """Give the launch menu's Binder and Colab entries their notes; return how many changed.

    >>> menu = [{"label": "launch-buttons", "buttons": [
    ...     {"text": "Binder", "tooltip": "Launch on Binder"},
    ...     {"text": "Colab", "tooltip": "Launch on Colab"}]}]
    >>> annotate_launch_buttons(menu)
    2
    >>> menu[0]["buttons"][1]["text"]
    'Colab (run its first cell first)'
    >>> annotate_launch_buttons(menu)  # already annotated: nothing changes
    0
    """
    changed = 0
    for group in header_buttons:
        if group.get("label") != "launch-buttons":
            continue
        for button in group.get("buttons", []):
            note = NOTES.get(button.get("text"))
            if note and (button["text"], button.get("tooltip")) != note:
                button["text"], button["tooltip"] = note
                changed += 1
    return changed


def _annotate(app, pagename, templatename, context, doctree) -> None:
    annotate_launch_buttons(context.get("header_buttons") or [])


def setup(app):
    # after sphinx-book-theme adds the launch buttons (priority 501)
    app.connect("html-page-context", _annotate, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
