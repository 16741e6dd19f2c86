"""Make every page of the book light: no icon font, deferred scripts, sized images.

Measured on the default Jupyter Book 1.x pages (see ``make lighthouse``), the theme alone cost
more than the course: pydata-sphinx-theme loads a 1.5 MB Font Awesome script (and its webfonts,
which block the icons' text for up to 3 s) to draw about a dozen icons, and every page loads
the synchronous search index in its head. This extension rewrites each rendered page:

- every Font Awesome icon (an empty ``<i class="fa-…">`` or ``<span class="fa-…">``) becomes
  the same inline ``<svg>`` Font Awesome's script would have made (same classes and
  attributes), from the SVGs in ``book/ext/icons``
  (vendored from npm by ``tools/vendor-icons.sh``, with their licence), and the script goes;
  ``book/static/svg-icons.css`` carries the few rules those SVGs need. An icon with no SVG
  there is a build warning (so an error under ``-W``), never a silently blank button;
- the theme's stylesheets still draw a few icons with Font Awesome's fonts (admonition titles,
  breadcrumbs, external links; the GitHub mark before links to github.com): the 156 KB solid
  and 118 KB brands fonts are replaced by subsets of the glyphs those stylesheets name, made
  at build time from the theme's own TrueType files with fontTools (a dependency of
  matplotlib), and declared after the theme's ``@font-face`` rules so they win;
- the theme's stylesheet loses Font Awesome's 1,881 icon classes (86 KB) but those of the
  vendored icons, which a theme script may still create at run time;
- the scripts of the head (Sphinx's, the themes') load with ``defer``, so they no longer
  block the first paint; the search index (122 KB) and Sphinx's search code load only on the
  search page (the theme loads them everywhere for a search-as-you-type the book leaves off);
- sphinx-exercise wraps every exercise's and solution's body in a ``<section>`` with the same
  ``id`` (``exercise-content``, ``solution-content``), which nothing links to: a page with
  two exercises repeated an id, which HTML forbids. The wrappers get a class of that name
  instead;
- bibliography entries get the ARIA role ``listitem`` inside docutils' ``role="list"``
  instead of ``doc-biblioentry``, which ARIA deprecated and axe (Lighthouse) rejects there;
- images in the page get their intrinsic ``width`` and ``height``, so the layout does not
  shift when they arrive (CSS keeps them fluid);
- the book's figures (``_images/``) load lazily, when they come near the screen: a chapter's
  first screen is text, and its figures (67-255 KB a chapter) no longer compete with the
  stylesheets and scripts on a phone's connection. Lighthouse's simulated largest paint of
  chapter 3 fell from 4.1-4.3 s to 3.0-3.4 s (3 runs each), and on a phone a reader who stops
  at the first screen never downloads the figures.
"""

from __future__ import annotations

import html
import re
import struct
from pathlib import Path

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
ICONS = Path(__file__).resolve().parent / "icons"
#: Font Awesome's style classes (dropped from the SVG, as Font Awesome's own script does)
#: and the folder of ``ICONS`` each one names.
STYLES = {"fa": "solid", "fas": "solid", "fa-solid": "solid", "fab": "brands",
          "fa-brands": "brands", "far": "regular", "fa-regular": "regular"}
PREFIX = {"solid": "fas", "brands": "fab", "regular": "far"}
#: Font Awesome 5 names the themes still use, and their Font Awesome 6 names.
ALIASES = {"home": "house", "pencil-alt": "pencil", "search": "magnifying-glass",
           "times": "xmark", "external-link-alt": "up-right-from-square"}
#: Font Awesome's modifier classes: not icon names.
MODIFIERS = {"fa-fw", "fa-lg", "fa-sm", "fa-xs", "fa-xl", "fa-2xs", "fa-2xl", "fa-spin",
             "fa-pulse", "fa-border", "fa-li", "fa-pull-left", "fa-pull-right", "fa-inverse"}

ICON_TAG = re.compile(r"<(i|span)\s+([^>]*?\bclass=\"[^\"]*\bfa-[^\"]*\"[^>]*)>\s*</\1>")
ATTRIBUTE = re.compile(r"([\w:-]+)=\"([^\"]*)\"")
FONTAWESOME_SCRIPT = re.compile(r"\s*<script[^>]*src=\"[^\"]*scripts/fontawesome\.js[^\"]*\"[^>]*>"
                                r"</script>")
BLOCKING_SCRIPT = re.compile(r"<script(?![^>]*\s(?:defer|async|type)[\s=>])([^>]*\ssrc=[^>]*)>")
IMAGE_TAG = re.compile(r"<img\s[^>]*>")


def _svg_paths(svg_text: str) -> tuple[str, str]:
    """The viewBox and the path elements of a Font Awesome SVG file."""
    view_box = re.search(r"viewBox=\"([^\"]+)\"", svg_text).group(1)
    paths = "".join(f'<path fill="currentColor" d="{d}"></path>'
                    for d in re.findall(r"<path d=\"([^\"]+)\"", svg_text))
    return view_box, paths


def _icon_svg(attributes: str, missing: set[str]) -> str | None:
    """The inline SVG for one ``<i>`` icon's attributes, or None when it has no SVG here."""
    attrs = dict(ATTRIBUTE.findall(attributes))
    classes = attrs.pop("class").split()
    if not any(c in STYLES or c.startswith("fa-") for c in classes):
        return None  # "fa-" inside another class name (say "sd-fa-x"): not an icon
    style = next((STYLES[c] for c in classes if c in STYLES), "solid")
    names = [c[3:] for c in classes
             if c.startswith("fa-") and c not in STYLES and c not in MODIFIERS]
    if len(names) != 1:
        missing.add(" ".join(classes))
        return None
    name = ALIASES.get(names[0], names[0])
    path = ICONS / style / f"{name}.svg"
    if not path.is_file():
        missing.add(f"{style}/{name}")
        return None
    view_box, paths = _svg_paths(path.read_text(encoding="utf-8"))
    kept = [c for c in classes if c not in STYLES]
    title = attrs.pop("title", None)
    extra = "".join(f' {key}="{value}"' for key, value in attrs.items()
                    if key not in ("aria-hidden", "role"))
    label = f"<title>{title}</title>" if title else ""
    hidden = "" if title else ' aria-hidden="true"'
    return (f'<svg class="svg-inline--fa {" ".join(kept)}"{hidden} focusable="false" '
            f'data-prefix="{PREFIX[style]}" data-icon="{name}" role="img"{extra} '
            f'xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">{label}{paths}</svg>')


def inline_icons(page: str, missing: set[str]) -> str:
    """Replace Font Awesome ``<i>`` icons by inline SVG and drop Font Awesome's script."""
    def replace(match):
        return _icon_svg(match.group(2), missing) or match.group(0)

    return FONTAWESOME_SCRIPT.sub("", ICON_TAG.sub(replace, page))


def defer_head_scripts(page: str) -> str:
    """Load every script of the page's head with ``defer``: deferred scripts still run in
    document order, before ``DOMContentLoaded``, but no longer block the first paint. (The
    head's inline scripts only set variables that these scripts read when they run.)"""
    head, separator, rest = page.partition("</head>")
    if not separator:
        return page
    return BLOCKING_SCRIPT.sub(r"<script defer\1>", head) + separator + rest


SEARCH_SCRIPTS = re.compile(r"\s*<script[^>]*\ssrc=\"[^\"]*(?:_static/searchtools\.js|"
                            r"_static/language_data\.js|searchindex\.js)[^\"]*\"[^>]*></script>")


def drop_search_scripts(page: str) -> str:
    """Remove the search index and Sphinx's search code from a page other than the search
    page: pydata-sphinx-theme loads them everywhere for its search-as-you-type, which this book
    leaves off (the search box opens the search page, which loads them itself).

    >>> drop_search_scripts('<head><script defer src="../searchindex.js"></script>'
    ...                     '<script defer src="../_static/doctools.js"></script></head>')
    '<head><script defer src="../_static/doctools.js"></script></head>'
    """
    return SEARCH_SCRIPTS.sub("", page)


def fix_citation_roles(page: str) -> str:
    """Replace docutils' deprecated ``doc-biblioentry`` role by ``listitem`` (the entries sit
    in a ``role="list"`` container)."""
    return page.replace('role="doc-biblioentry"', 'role="listitem"')


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF or SVG file, from its header; None if unknown."""
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", head[6:10])
    if path.suffix == ".svg":
        text = head.decode("utf-8", "replace")
        width = re.search(r"<svg[^>]*\swidth=\"([\d.]+)(?:pt|px)?\"", text)
        height = re.search(r"<svg[^>]*\sheight=\"([\d.]+)(?:pt|px)?\"", text)
        if width and height:
            return round(float(width.group(1))), round(float(height.group(1)))
    return None


def size_images(page: str, find_image) -> str:
    """Give every ``<img>`` without a size its intrinsic ``width`` and ``height``."""
    def replace(match):
        tag = match.group(0)
        if re.search(r"\s(width|height)=", tag) or "style=\"width" in tag:
            return tag
        source = re.search(r"\ssrc=\"([^\"]+)\"", tag)
        path = find_image(html.unescape(source.group(1))) if source else None
        size = image_size(path) if path else None
        if not size:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return f'{tag[: -len(end)].rstrip()} width="{size[0]}" height="{size[1]}" {end}'

    return IMAGE_TAG.sub(replace, page)


EXERCISE_WRAPPER = re.compile(r'<section id="(exercise-content|solution-content)">')


def exercise_wrappers_without_ids(page: str) -> str:
    """sphinx-exercise's body wrappers, which repeat one ``id`` per page, with a class instead.

    >>> exercise_wrappers_without_ids('<section id="exercise-content"><p>Why?</p></section>')
    '<section class="exercise-content"><p>Why?</p></section>'
    """
    return EXERCISE_WRAPPER.sub(r'<section class="\1">', page)


CONTENT_IMAGE = re.compile(r"<img\s(?![^>]*\bloading=)([^>]*?\ssrc=\"[^\"]*_images/[^>]*?)\s*(/?)>")


def load_figures_lazily(page: str) -> str:
    """Make every figure of the book (an ``<img>`` from ``_images/``) load near the screen only.

    >>> load_figures_lazily('<img alt="A plot" src="../_images/a.png" width="8" />')
    '<img alt="A plot" src="../_images/a.png" width="8" loading="lazy" decoding="async" />'

    The theme's own images and those that already say how to load stay as they are:

    >>> load_figures_lazily('<img src="../_static/a.png"><img loading="eager" src="_images/b.png">')
    '<img src="../_static/a.png"><img loading="eager" src="_images/b.png">'
    """
    def replace(match):
        end = " />" if match.group(2) else ">"
        return f'<img {match.group(1)} loading="lazy" decoding="async"{end}'

    return CONTENT_IMAGE.sub(replace, page)


def _image_finder(app):
    """A function from an ``<img src>`` to the source file Sphinx copies to ``_images``."""
    def find(src: str) -> Path | None:
        name = src.rsplit("/", 1)[-1].split("?")[0]
        if "/_images/" in f"/{src}":
            for source, dest in app.builder.images.items():
                if dest == name:
                    return Path(app.srcdir) / source
        if src.startswith(("data:", "http:", "https:")):
            return None
        return None

    return find


def _lighten_rendered_pages(app) -> None:
    """Wrap the HTML builder's template rendering so each page is rewritten once, in memory."""
    if getattr(app.builder, "format", None) != "html":
        return
    templates = app.builder.templates
    render = templates.render
    find_image = _image_finder(app)
    missing: set[str] = set()

    def render_lean(template: str, context: dict) -> str:
        page = render(template, context)
        if not template.endswith(".html"):
            return page
        page = defer_head_scripts(inline_icons(page, missing))
        if context.get("pagename") != "search" and not app.config.html_theme_options.get(
                "search_as_you_type"):
            page = drop_search_scripts(page)
        page = load_figures_lazily(size_images(fix_citation_roles(page), find_image))
        page = exercise_wrappers_without_ids(page)
        for icon in sorted(missing):
            LOGGER.warning("lean_pages: no SVG for Font Awesome icon %r on %s: add it to "
                           "tools/vendor-icons.sh and re-run it", icon,
                           context.get("pagename"))
        missing.clear()
        return page

    templates.render = render_lean


#: Glyphs the theme's scripts draw with an ``<i class="fa-solid …">`` they create (the search
#: dialog's close button), besides those its stylesheets name.
SCRIPT_GLYPHS = {0xF00D}
#: The theme's icon fonts its stylesheets use (solid: admonitions, breadcrumbs, external
#: links; brands: the GitHub mark before links to github.com), and their subsets' names.
FONTS = {"vendor/fontawesome/webfonts/fa-solid-900.ttf": "fa-solid-900-subset.woff",
         "vendor/fontawesome/webfonts/fa-brands-400.ttf": "fa-brands-400-subset.woff"}


def stylesheet_glyphs(css: str) -> set[int]:
    """Font Awesome code points a stylesheet draws with ``content``, apart from the icon classes
    (``.fa-…:before``, which the inline SVGs replace)."""
    glyphs = {ord(char) for char in re.findall(r"--[\w-]+:\s*\"([\ue000-\uf8ff])\"", css)}
    for selector, code in re.findall(r"([^{}]*)\{[^}]*?content:\s*\"\\(f[0-9a-f]{3})\"", css):
        if not selector.strip().startswith(".fa"):
            glyphs.add(int(code, 16))
    for selector, char in re.findall(r"([^{}]*)\{[^}]*?content:\s*\"([\ue000-\uf8ff])\"", css):
        if not selector.strip().startswith(".fa"):
            glyphs.add(ord(char))
    return glyphs


THEME_CSS = "styles/pydata-sphinx-theme.css"
ICON_RULE = re.compile(r"((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:\"[^\"]*\"\}")


def drop_unused_icon_rules(css: str, keep: set[str]) -> str:
    """Remove Font Awesome's ``.fa-NAME:before{content:…}`` rules (1,881 of them, 86 KB) except
    for the icons in ``keep``, which a theme script may still create as ``<i>`` at run time."""
    def replace(match):
        names = re.findall(r"\.fa-([a-z0-9-]+):", match.group(1))
        return match.group(0) if keep.intersection(names) else ""

    return ICON_RULE.sub(replace, css)


def _drop_unused_icon_rules(app, exception) -> None:
    """Rewrite the theme's stylesheet in the output without the icon classes nobody uses."""
    if exception or getattr(app.builder, "format", None) != "html":
        return
    path = Path(app.outdir) / "_static" / THEME_CSS
    if not path.is_file():
        LOGGER.warning("lean_pages: %s not found (did the theme change?)", path)
        return
    keep = {svg.stem for svg in ICONS.rglob("*.svg")} | set(ALIASES)
    css = path.read_text(encoding="utf-8")
    path.write_text(drop_unused_icon_rules(css, keep), encoding="utf-8")


def _subset_icon_fonts(app, exception) -> None:
    """Write the subsets of the theme's icon fonts that its stylesheets use."""
    if exception or getattr(app.builder, "format", None) != "html":
        return
    from fontTools import subset

    static = Path(app.outdir) / "_static"
    glyphs = set(SCRIPT_GLYPHS)
    for css in static.rglob("*.css"):
        glyphs |= stylesheet_glyphs(css.read_text(encoding="utf-8", errors="replace"))
    for source, target in FONTS.items():
        if not (static / source).is_file():
            LOGGER.warning("lean_pages: %s not found (did the theme change?): no subset font",
                           static / source)
            continue
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = []
        options.name_IDs = []
        options.notdef_outline = True
        font = subset.load_font(str(static / source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(glyphs))
        subsetter.subset(font)
        subset.save_font(font, str(static / target), options)


def setup(app):
    app.connect("builder-inited", _lighten_rendered_pages)
    # the subsets read the glyphs the stylesheets use before their icon classes go
    app.connect("build-finished", _subset_icon_fonts, priority=400)
    app.connect("build-finished", _drop_unused_icon_rules, priority=600)
    app.add_css_file("svg-icons.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
