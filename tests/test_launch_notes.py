"""The launch menu's notes (book/ext/launch_notes.py): Colab's entry says to run the first cell.

The built page carries them: tests/test_book.py checks a chapter's launch menu.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "ext"))
import launch_notes  # noqa: E402


def _menu() -> list[dict]:
    """The header buttons as sphinx-book-theme builds them for a chapter."""
    return [{"label": "download-buttons", "buttons": [{"text": ".ipynb", "tooltip": "x"}]},
            {"label": "launch-buttons", "buttons": [
                {"text": "Binder", "tooltip": "Launch on Binder", "url": "https://b"},
                {"text": "Colab", "tooltip": "Launch on Colab", "url": "https://c"}]}]


def test_colab_and_binder_entries_say_what_to_expect_and_keep_their_links():
    menu = _menu()
    assert launch_notes.annotate_launch_buttons(menu) == 2
    binder, colab = menu[1]["buttons"]
    assert "first cell" in colab["text"] and "installs the course's package" in colab["tooltip"]
    assert "few minutes" in binder["tooltip"]
    assert (binder["url"], colab["url"]) == ("https://b", "https://c")
    assert menu[0] == _menu()[0]  # other menus untouched
    assert launch_notes.annotate_launch_buttons(menu) == 0


def test_the_book_loads_the_extension():
    import yaml

    config = yaml.safe_load((REPO / "_config.yml").read_text())
    assert config["sphinx"]["local_extensions"]["launch_notes"] == "book/ext"
