"""Write the example runs CSV for "fit your own runs" into the built website.

The file is generated at build time from the package (``example_runs_csv``, the same runs
the chapter 3 calculator starts with), so it cannot drift from the code; pages link to
``downloads/example-runs.csv`` at the site's root.
"""

from __future__ import annotations

from pathlib import Path

FILENAME = "example-runs.csv"


def _write(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from scalinglaws.widgets.chinchilla import example_runs_csv

    folder = Path(app.outdir) / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FILENAME).write_text(example_runs_csv(), encoding="utf-8")


def setup(app):
    app.connect("build-finished", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
