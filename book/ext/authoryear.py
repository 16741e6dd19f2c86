"""Author–year labels for the book's reference lists (a pybtex style).

The chapters, the glossary and the bibliography page all cite author–year: in the text
sphinxcontrib-bibtex's ``author_year`` reference style, in the lists these labels, so no
number on one page can be mistaken for another page's number. Two works with the same
authors and year get "a", "b" suffixes.
"""

from __future__ import annotations

import re
from collections import Counter

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle


def _plain(text: str) -> str:
    """A BibTeX name or field without braces, accents commands or extra spaces.

    >>> _plain("{Epoch AI}")
    'Epoch AI'
    """
    return re.sub(r"\s+", " ", re.sub(r"[{}\\]", "", text)).strip()


def _names(entry) -> str:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    lasts = [_plain(" ".join(person.prelast_names + person.last_names)) for person in persons]
    if not lasts:
        return _plain(entry.fields.get("organization") or entry.fields.get("publisher")
                      or entry.key)
    if len(lasts) == 1:
        return lasts[0]
    if len(lasts) == 2:
        return f"{lasts[0]} and {lasts[1]}"
    return f"{lasts[0]} et al."


def base_label(entry) -> str:
    """``"Hoffmann et al., 2022"``: first author's last name (et al. beyond two), year."""
    return f"{_names(entry)}, {_plain(entry.fields.get('year', 'n.d.'))}"


class AuthorYearLabels(BaseLabelStyle):
    """Labels ``Author et al., Year``, with a/b suffixes where two works would share one."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        bases = [base_label(entry) for entry in entries]
        counts, seen = Counter(bases), Counter()
        for base in bases:
            if counts[base] == 1:
                yield base
            else:
                yield f"{base}{'abcdefghijklmnopqrstuvwxyz'[seen[base]]}"
                seen[base] += 1


class AuthorYearStyle(PlainStyle):
    """pybtex's plain style (sorted by author, year, title) with author–year labels."""

    default_label_style = "authoryear"
    default_sorting_style = "author_year_title"


def setup(app):
    register_plugin("pybtex.style.labels", "authoryear", AuthorYearLabels)
    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
