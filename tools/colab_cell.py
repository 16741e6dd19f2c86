"""The Colab set-up cell at the top of every chapter, generated so it cannot drift (make colab).

Colab has its own Python packages and no ``scalinglaws``. The cell this tool writes installs,
in Colab only, what the chapter needs and Colab lacks: each dependency of the package
(pyproject.toml) that is missing or that Colab's version does not satisfy, at the reader's pin
(requirements.txt), then the package itself: first the wheel the website publishes beside
its pages (``downloads/scalinglaws-<version>-py3-none-any.whl``, built from the same commit as
the website and the notebooks Colab opens; ``make wheel``), else from this repository's release
tag ``v<version>``; and turns on Colab's widget manager for the ipywidgets 8 calculators. It
says what it installs and from where, and which source failed, if one did. It installs nothing
when all is there, so it can be run again. Outside Colab (JupyterLab, Binder, the website's
build, nbval) it does nothing and prints nothing. The cell is tagged ``remove-cell`` (the
website does not show it) and ``colab-setup`` (how this tool finds it again).

    python tools/colab_cell.py notebooks/*.ipynb           # insert or update the cell
    python tools/colab_cell.py --check notebooks/*.ipynb   # exit 1 if a notebook's is stale
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TAG = "colab-setup"
TAGS = ["remove-cell", TAG]
#: Colab shows a cell with a ``#@title`` as a form: this line, its code folded.
TITLE = ("#@title In Colab, run this cell first: it installs the course's package, about a "
         'minute (elsewhere it does nothing) { display-mode: "form" }')


def repository_url(config: Path = REPO / "_config.yml") -> str:
    """The repository's URL as the book's configuration names it (its launch buttons use it)."""
    match = re.search(r"^repository:\s*\n(?:[ \t]+.*\n)*?[ \t]+url:\s*(\S+)", config.read_text(),
                      flags=re.M)
    if not match:
        raise ValueError(f"no repository url in {config}")
    return match[1].rstrip("/")


def site_url(config: Path = REPO / "_config.yml") -> str:
    """Where the website is published: ``html.baseurl`` in _config.yml if set, else the GitHub
    Pages address of the repository (what .github/workflows/book.yml deploys to).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "_config.yml"
    ...     _ = path.write_text("repository:\\n  url: https://github.com/Owner/book\\n")
    ...     site_url(path)
    'https://owner.github.io/book'
    """
    import yaml

    settings = yaml.safe_load(config.read_text()) or {}
    base = (settings.get("html") or {}).get("baseurl")
    if base:
        return str(base).rstrip("/")
    match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)(?:\.git)?",
                         repository_url(config))
    if not match:
        raise ValueError(f"set html.baseurl in {config}: the repository is not on GitHub, so "
                         "the website's address cannot be derived from it")
    return f"https://{match[1].lower()}.github.io/{match[2]}"


def wheel_name(version: str) -> str:
    """The package's wheel (pure Python), as ``make wheel`` names it.

    >>> wheel_name("0.1.0")
    'scalinglaws-0.1.0-py3-none-any.whl'
    """
    return f"scalinglaws-{version}-py3-none-any.whl"


def package_sources(version: str | None = None) -> list[str]:
    """Where the cell installs the package from, in order: the website's wheel, the tag."""
    version = version or package_version()
    return [f"{site_url()}/downloads/{wheel_name(version)}",
            f"scalinglaws @ git+{repository_url()}@v{version}"]


def package_version(pyproject: Path = REPO / "pyproject.toml") -> str:
    """The package's version: the release tag the cell installs is ``v<version>``."""
    return tomllib.loads(pyproject.read_text())["project"]["version"]


def pinned_dependencies(pyproject: Path = REPO / "pyproject.toml",
                        requirements: Path = REPO / "requirements.txt") -> dict[str, str]:
    """Each dependency of the package (its requirement) and the reader's pinned version of it."""
    pins = {}
    for line in requirements.read_text().splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            pins[_normal(name)] = version.strip()
    result = {}
    for requirement in tomllib.loads(pyproject.read_text())["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9._-]+", requirement)[0]
        if _normal(name) not in pins:
            raise ValueError(f"{name} is a dependency of the package but not pinned in "
                             f"{requirements.name}: run make pins")
        result[requirement] = pins[_normal(name)]
    return result


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def cell_source() -> str:
    """The set-up cell's code, from the package's version, dependencies, pins and URLs."""
    version = package_version()
    wheel, tag = package_sources(version)
    pins = pinned_dependencies()
    pin_lines = "".join(f"        {json.dumps(need)}: {json.dumps(pin)},\n"
                        for need, pin in pins.items())
    return TITLE + f'''
# In Google Colab this cell installs what the chapter needs and Colab lacks, at the versions
# the course is tested with: the course's package, scalinglaws {version}, and those of its
# dependencies that Colab lacks or has too old. The package comes from the course website's
# wheel, built with the website from the same sources as these notebooks:
# {wheel}
# or, if that cannot be reached, from the repository's release tag v{version}:
# {tag.split(" @ ")[1]}
# It then turns on the widget manager that the calculators (ipywidgets 8) need in Colab. The
# first run takes about a minute; run again, it installs nothing. If it asks you to, restart
# the session (Runtime > Restart session) and run it once more. Colab keeps its own numpy,
# scipy and pandas where they suffice, so a printed number may differ from the website's in
# its last digits. Generated by tools/colab_cell.py (make colab): edit the tool, not this cell.
import sys


def _colab_setup():
    import importlib.metadata
    import subprocess

    from packaging.requirements import Requirement

    def lacks(requirement):
        requirement = Requirement(requirement)
        try:
            return importlib.metadata.version(requirement.name) not in requirement.specifier
        except importlib.metadata.PackageNotFoundError:
            return True

    def pip_install(*arguments):
        command = [sys.executable, "-m", "pip", "install", "--quiet", *arguments]
        result = subprocess.run(command, capture_output=True, text=True)
        return result.returncode == 0, (result.stderr or "").strip()[-600:]

    pins = {{
{pin_lines}    }}
    install = {{Requirement(need).name: pin for need, pin in pins.items() if lacks(need)}}
    if install:
        print("Installing what Colab lacks:", ", ".join(install), "(about a minute)")
        done, error = pip_install(*(f"{{name}}=={{pin}}" for name, pin in install.items()))
        if not done:
            raise RuntimeError("pip could not install " + ", ".join(install) + ":\\n" + error)
    if lacks("scalinglaws=={version}"):
        sources = {{
            "the course website":
                {json.dumps(wheel)},
            "the repository's tag v{version}":
                {json.dumps(tag)},
        }}
        for where, source in sources.items():
            print("Installing the course's package, scalinglaws {version}, from", where)
            done, error = pip_install("--no-deps", source)
            if done:
                break
            print("  not available there:", error.splitlines()[-1] if error else "pip failed")
        else:
            raise RuntimeError("scalinglaws {version} could not be installed from the course "
                               "website or the repository; see the book's How to use page")
    from google.colab import output

    output.enable_custom_widget_manager()
    if any(name.replace("-", "_") in sys.modules for name in install):
        print("Installed", ", ".join(install), "over versions already loaded: restart the "
              "session (Runtime > Restart session), then run this cell again.")
    else:
        print("Ready: scalinglaws {version} is installed and the calculators' widget manager "
              "is on.")


if "google.colab" in sys.modules:
    _colab_setup()'''


def setup_cell() -> dict:
    """The set-up cell as a notebook cell (no outputs: outside Colab it prints nothing)."""
    return {"cell_type": "code", "execution_count": None, "id": TAG,
            "metadata": {"cellView": "form", "tags": list(TAGS)}, "outputs": [],
            "source": cell_source().splitlines(keepends=True)}


def is_setup_cell(cell: dict) -> bool:
    return TAG in cell.get("metadata", {}).get("tags", [])


def is_current(notebook: dict) -> bool:
    """True if the notebook's first cell is the current set-up cell (and no other one is)."""
    cells = notebook["cells"]
    return (bool(cells) and is_setup_cell(cells[0])
            and "".join(cells[0]["source"]) == cell_source()
            and cells[0]["metadata"].get("tags") == TAGS
            and sum(map(is_setup_cell, cells)) == 1)


def update(notebook: dict) -> bool:
    """Make the current set-up cell the notebook's first; return True if anything changed.

    A current cell is left as it is (with its execution data); an old one is replaced.
    """
    if is_current(notebook):
        return False
    notebook["cells"] = [setup_cell()] + [c for c in notebook["cells"] if not is_setup_cell(c)]
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    import nbformat

    stale = []
    for path in args.notebooks:
        notebook = nbformat.read(path, as_version=4)
        if args.check:
            if not is_current(notebook):
                stale.append(path)
            continue
        if update(notebook):
            nbformat.write(nbformat.from_dict(notebook), path)
            print(f"{path}: Colab set-up cell written (run make notebooks)")
    for path in stale:
        print(f"{path}: the Colab set-up cell is missing or stale: run make colab",
              file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
