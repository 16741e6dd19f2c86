"""``python -m scalinglaws fit``: output on good files, one-line errors and status 2 on bad."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scalinglaws import __main__ as cli
from scalinglaws.widgets.chinchilla import example_runs_csv

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"OPENBLAS_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-m", "scalinglaws", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_fit_prints_law_intervals_and_allocation(tmp_path):
    path = tmp_path / "runs.csv"
    path.write_text(example_runs_csv())
    result = _run("fit", str(path), "--budget", "5.76e23", "--bootstrap", "20")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "43 runs" in out and "20 resamples" in out
    for label in ("E     =", "alpha =", "beta  =", "a = beta/(alpha+beta)",
                  "Compute-optimal allocation at 5.76e+23 FLOPs", "tokens per parameter"):
        assert label in out
    assert out.count("[") >= 9  # an interval on every estimate and prediction


@pytest.mark.parametrize("content, args, message", [
    ("params,tokns,loss\n1,2,3\n", (), "missing column(s) for tokens"),
    ("params,tokens,loss\n1e8,2e9,abc\n", (), "line 2, column 'loss': 'abc' is not a number"),
    ("params,tokens,loss\n1e8,2e9,3\n", (), "needs at least 5"),
    ("params,tokens,loss\n1e8,2e9," + "9" * 200_000 + "\n", (),  # over csv's field limit
     "line 2, column 'loss': a cell of 200,000 characters is not a number"),
    (None, (), "no such file"),
    ("params,tokens,loss\n", ("--bootstrap", "-3"), "at least 5"),
    ("x", ("--budget", "lots"), "argument --budget: invalid float value"),
])
def test_bad_input_one_line_status_2(tmp_path, content, args, message):
    path = tmp_path / "runs.csv"
    if content is not None:
        path.write_text(content)
    result = _run("fit", str(path), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert message in result.stderr
    assert result.stdout == ""


def test_main_in_process(tmp_path, capsys):
    path = tmp_path / "runs.csv"
    path.write_text(example_runs_csv())
    assert cli.main(["fit", str(path), "--bootstrap", "0"]) == 0
    out = capsys.readouterr().out
    assert "intervals: none" in out and "10 times" not in out
    assert cli.main(["fit", str(path), "--bootstrap", "20000"]) == 2
    assert "n_bootstrap must be between 0 and 10000" in capsys.readouterr().err
    assert cli.main([]) == 2
    assert cli.main(["fit", str(path), "--budget", "-1", "--bootstrap", "0"]) == 2
    assert "--budget must be greater than 0" in capsys.readouterr().err
