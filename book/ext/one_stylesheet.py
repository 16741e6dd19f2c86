"""Serve each page's stylesheets as one file.

The theme and its extensions give every page 13 stylesheets, each a separate request that
blocks the first paint. On a phone's connection the browser opens a handful of connections to a
server at once, so the 13 requests queue in waves; Lighthouse's mobile run on chapter 3 counted
them as its render-blocking cost. After the build this extension concatenates the run of local
stylesheet links at the top of each page's head, in their order, into one file
``_static/book-<hash of its content>.css`` (the hash is its cache-buster) and links that
instead. ``@import`` of a local file is inlined and relative ``url(...)`` references are
rewritten for the bundle's folder, so the cascade and every font and image stay the same.

A bundle is named by the list of files it joins (``book-<hash of the list>.css``, its content's
hash as the cache-buster) and the lists are kept in ``_static/book-bundles.json``: an
incremental build rewrites only the pages that changed, so every build rewrites every bundle
from its files, and a page written by an earlier build still gets today's stylesheets.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

#: One ``<link rel="stylesheet">`` with a relative ``href`` (query string apart).
STYLESHEET_LINK = re.compile(r"<link(?=[^>]*\brel=\"stylesheet\")[^>]*\bhref=\"(?![a-z]+:|/)"
                             r"([^\"?#]+)[^\"]*\"[^>]*>")
#: A run of them, separated by white space only.
STYLESHEET_RUN = re.compile(rf"{STYLESHEET_LINK.pattern}(?:\s*{STYLESHEET_LINK.pattern})*")
IMPORT = re.compile(r"@import\s+(?:url\()?\"([^\"]+)\"\)?\s*;")
URL = re.compile(r"url\(\s*([\"']?)(?![a-z]+:|/|#)([^\"')]+)\1\s*\)")


def stylesheet_run(page: str) -> tuple[re.Match | None, list[str]]:
    """The first run of local stylesheet links in ``page``'s head and their ``href`` paths.

    >>> run, hrefs = stylesheet_run('<head><link href="../_static/a.css?v=1" rel="stylesheet" />'
    ...     '\\n<link rel="stylesheet" href="../_static/b.css" /><link rel="icon" href="i.svg"/>'
    ...     '</head>')
    >>> hrefs
    ['../_static/a.css', '../_static/b.css']
    """
    head = page.partition("</head>")[0]
    run = STYLESHEET_RUN.search(head)
    if run is None:
        return None, []
    return run, [link.group(1) for link in STYLESHEET_LINK.finditer(run.group(0))]


def rebase_urls(css: str, source_folder: str, bundle_folder: str) -> str:
    """``css`` written in ``source_folder`` with its relative ``url(...)`` references made
    relative to ``bundle_folder`` (both relative to the site's root).

    >>> rebase_urls('a{background:url(x.png)} b{src:url("data:font/woff;base64,AA")}',
    ...             "_static/styles", "_static")
    'a{background:url("styles/x.png")} b{src:url("data:font/woff;base64,AA")}'
    """
    def rebase(match):
        target = posixpath.normpath(posixpath.join(source_folder, match.group(2)))
        return f'url("{posixpath.relpath(target, bundle_folder)}")'

    return URL.sub(rebase, css)


def concatenate(root: Path, paths: list[str], bundle_folder: str) -> str:
    """The stylesheets at ``paths`` (relative to ``root``) as one, in order, with local
    ``@import``\\ s inlined and ``url(...)`` rebased to ``bundle_folder``."""
    def read(path: str, seen: tuple[str, ...]) -> str:
        if path in seen:
            raise ValueError(f"one_stylesheet: {path} imports itself through {seen}")
        folder = posixpath.dirname(path)
        css = (root / path).read_text(encoding="utf-8")
        pieces, position = [], 0
        for match in IMPORT.finditer(css):
            target = posixpath.normpath(posixpath.join(folder, match.group(1)))
            pieces += [rebase_urls(css[position:match.start()], folder, bundle_folder),
                       read(target, (*seen, path))]
            position = match.end()
        pieces.append(rebase_urls(css[position:], folder, bundle_folder))
        return f"/* {path} */\n" + "".join(pieces)

    return "\n".join(read(path, ()) for path in paths)


def bundle_page(page: str, page_folder: str, bundle_for) -> str:
    """``page`` (in ``page_folder`` of the site) with its first run of local stylesheet links
    replaced by one link to ``bundle_for(site paths)`` (a site path, with its query)."""
    run, hrefs = stylesheet_run(page)
    if len(hrefs) < 2:
        return page
    paths = [posixpath.normpath(posixpath.join(page_folder, href)) for href in hrefs]
    bundle = posixpath.relpath(bundle_for(tuple(paths)), page_folder or ".")
    link = f'<link rel="stylesheet" type="text/css" href="{bundle}" />'
    return page[:run.start()] + link + page[run.end():]


def bundle_name(paths: tuple[str, ...], folder: str = "_static") -> str:
    """The bundle of ``paths``: named by the list, so it stays the same when a file changes.

    >>> bundle_name(("_static/a.css", "_static/b.css"))
    '_static/book-107f1204854a.css'
    """
    digest = hashlib.sha256("\n".join(paths).encode("utf-8")).hexdigest()[:12]
    return f"{folder}/book-{digest}.css"


def bundle_site(root: Path, folder: str = "_static") -> list[str]:
    """Rewrite every HTML page under ``root`` that links several stylesheets to load them as
    one bundle; (re)write every bundle the site's pages use; return their site paths."""
    manifest_path = root / folder / "book-bundles.json"
    manifest = (json.loads(manifest_path.read_text(encoding="utf-8"))
                if manifest_path.is_file() else {})
    contents: dict[str, str] = {}

    def bundle_for(paths: tuple[str, ...]) -> str:
        name = bundle_name(paths, folder)
        manifest[name] = list(paths)
        if name not in contents:
            contents[name] = concatenate(root, list(paths), folder)
        digest = hashlib.sha256(contents[name].encode("utf-8")).hexdigest()[:8]
        return f"{name}?v={digest}"

    for page_path in sorted(root.rglob("*.html")):
        site_path = page_path.relative_to(root).as_posix()
        if site_path.startswith(("_static/", "_sources/", "_images/")):
            continue
        page = page_path.read_text(encoding="utf-8")
        bundled = bundle_page(page, posixpath.dirname(site_path), bundle_for)
        if bundled != page:
            page_path.write_text(bundled, encoding="utf-8")
    # bundles of pages this build did not rewrite, from today's files
    for name, paths in manifest.items():
        if name not in contents and all((root / path).is_file() for path in paths):
            contents[name] = concatenate(root, paths, folder)
    for name, css in contents.items():
        (root / name).write_text(css, encoding="utf-8")
    manifest_path.write_text(json.dumps({name: manifest[name] for name in sorted(contents)},
                                        indent=1), encoding="utf-8")
    return sorted(contents)


def _bundle_stylesheets(app, exception) -> None:
    if exception or getattr(app.builder, "format", None) != "html":
        return
    written = bundle_site(Path(app.outdir))
    LOGGER.info("one_stylesheet: %s", ", ".join(written) or "no page had two stylesheets")


def setup(app):
    # after lean_pages has rewritten the theme's stylesheet (priority 600)
    app.connect("build-finished", _bundle_stylesheets, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
