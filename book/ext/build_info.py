"""The version and date of the build in every page's footer, with no network.

The version is the package's (pyproject.toml); the commit and its date come from the local
git repository when there is one (``git`` is asked, nothing is fetched), else from the
environment (``BOOK_COMMIT``, ``BOOK_COMMIT_DATE``); the build date is today in UTC, or
``SOURCE_DATE_EPOCH`` for a reproducible build.
"""

from __future__ import annotations

import html
import os
import subprocess
import tomllib
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _git(*args: str, repo: Path = REPO) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                                timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip()


def build_info(repo: Path = REPO) -> dict[str, str]:
    """Version, commit, commit date and build date of this build of the book."""
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    commit = _git("rev-parse", "--short=10", "HEAD", repo=repo) or os.environ.get(
        "BOOK_COMMIT", "")
    commit_date = _git("log", "-1", "--format=%cs", repo=repo) or os.environ.get(
        "BOOK_COMMIT_DATE", "")
    return {"version": project["version"], "commit": commit, "commit_date": commit_date,
            "build_date": built.strftime("%Y-%m-%d")}


def footer_text(info: dict[str, str]) -> str:
    """One line, e.g. 'Version 0.1.0 · commit 1a2b3c4d5e of 2026-11-28 · built 2026-11-29'."""
    parts = [f"Version {info['version']}"]
    if info["commit"]:
        parts.append(f"commit {info['commit']}"
                     + (f" of {info['commit_date']}" if info["commit_date"] else ""))
    parts.append(f"built {info['build_date']}")
    return " · ".join(parts)


def _add_footer(app, config) -> None:
    info = build_info()
    text = html.escape(footer_text(info))
    options = dict(config.html_theme_options or {})
    extra = options.get("extra_footer") or ""
    options["extra_footer"] = f'{extra}<p class="build-info">{text}</p>'
    config.html_theme_options = options
    config.html_context = {**(config.html_context or {}), "build_info": info}


def setup(app):
    app.connect("config-inited", _add_footer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
