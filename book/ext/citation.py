"""The "How to cite" page, written from CITATION.cff so the two cannot disagree.

``:::{cite-this-book}`` renders a citation in words and a BibTeX entry from the repository's
CITATION.cff, with the version, commit and year of the build (see :mod:`build_info`).
"""

from __future__ import annotations

from pathlib import Path

from build_info import REPO, build_info
from docutils import nodes
from sphinx.util.docutils import SphinxDirective


def load_cff(path: Path = REPO / "CITATION.cff") -> dict:
    """CITATION.cff as a dict (its version always a string)."""
    import yaml

    cff = yaml.safe_load(path.read_text(encoding="utf-8"))
    cff["version"] = str(cff.get("version", ""))
    return cff


def _author(author: dict) -> str:
    if "name" in author:  # an entity (an organisation, a group)
        return author["name"]
    given, family = author.get("given-names", ""), author.get("family-names", "")
    return f"{family}, {given}".strip(", ")


def authors(cff: dict) -> list[str]:
    """The authors as 'Family, Given' (people) or their name (entities)."""
    return [_author(author) for author in cff["authors"]]


def year(info: dict[str, str]) -> str:
    """The year of the cited version: of its commit, else of the build."""
    return (info.get("commit_date") or info["build_date"])[:4]


def citation_text(cff: dict, info: dict[str, str]) -> str:
    """A citation in words, e.g. 'Authors (2026). Title (version 0.1.0). URL'."""
    version = f"version {cff['version']}"
    if info.get("commit"):
        version += f", commit {info['commit']}"
    return (f"{'; '.join(authors(cff))} ({year(info)}). {cff['title']} ({version}). "
            f"{cff['repository-code']}")


def bibtex_entry(cff: dict, info: dict[str, str], key: str = "scaling_laws_course") -> str:
    """A BibTeX ``@software`` entry; entity authors are braced so BibTeX keeps them whole."""
    names = " and ".join(f"{{{a['name']}}}" if "name" in a else _author(a)
                         for a in cff["authors"])
    fields = [("author", names), ("title", cff["title"]), ("year", year(info)),
              ("version", cff["version"]), ("url", cff["repository-code"])]
    if cff.get("license"):
        fields.append(("license", cff["license"]))
    if info.get("commit"):
        fields.append(("note", f"Commit {info['commit']}"
                       + (f" of {info['commit_date']}" if info.get("commit_date") else "")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@software{{{key},\n{body}\n}}"


class CiteThisBook(SphinxDirective):
    """Render the citation and the BibTeX entry from CITATION.cff."""

    has_content = False

    def run(self):
        cff_path = REPO / "CITATION.cff"
        self.env.note_dependency(str(cff_path))
        cff, info = load_cff(cff_path), build_info()
        text = nodes.paragraph(text=citation_text(cff, info))
        code = nodes.literal_block(text=bibtex_entry(cff, info), language="bibtex")
        return [text, code]


def setup(app):
    app.add_directive("cite-this-book", CiteThisBook)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
