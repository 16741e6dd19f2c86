"""Execute the chapters' notebooks in place, keeping their outputs (``make notebooks``).

The stored outputs are what nbval compares on every test run. No widget state is stored: the
website shows each calculator's HTML version, which computes in the page
(``scalinglaws.widgets.Calculator.to_html``), and Jupyter rebuilds widgets from the kernel.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

__all__ = ["execute_notebook", "main"]


def execute_notebook(path: Path | str, save: bool = True, timeout: int = 300) -> float:
    """Run every cell of the notebook at ``path`` in a fresh kernel; return the seconds taken.

    The kernel starts in the notebook's folder, as Jupyter and Jupyter Book start it.
    With ``save=True`` the notebook is written back with its outputs.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata.pop("widgets", None)  # state of an earlier run, which no page uses
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            store_widget_state=False)
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    if save:
        nbformat.write(notebook, path)
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Execute each notebook named on the command line, saving it in place."""
    paths = argv if argv is not None else sys.argv[1:]
    if not paths:
        print("usage: python -m scalinglaws.notebook_runner NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for path in paths:
        seconds = execute_notebook(path)
        print(f"{path}: executed in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
