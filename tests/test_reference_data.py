"""The third-party reference data: .ci/run requires it, a reader's clone skips without it."""

from __future__ import annotations

from pathlib import Path

import conftest
import pytest

REPO = Path(__file__).resolve().parents[1]


def test_present_folder_is_returned(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "REFERENCE_DATA", tmp_path)
    monkeypatch.setenv(conftest.REQUIRE_REFERENCE_DATA, "1")
    assert conftest.reference_data_folder() == tmp_path


def test_missing_folder_fails_when_required(monkeypatch, tmp_path):
    missing = tmp_path / "no-such-folder"
    monkeypatch.setattr(conftest, "REFERENCE_DATA", missing)
    monkeypatch.setenv(conftest.REQUIRE_REFERENCE_DATA, "1")
    with pytest.raises(pytest.fail.Exception) as failure:
        conftest.reference_data_folder()
    assert "SCALINGLAWS_REQUIRE_REFERENCE_DATA is set" in str(failure.value)
    assert str(missing) in str(failure.value)


@pytest.mark.parametrize("value", [None, "", "0"])
def test_missing_folder_skips_otherwise(monkeypatch, tmp_path, value):
    missing = tmp_path / "no-such-folder"
    monkeypatch.setattr(conftest, "REFERENCE_DATA", missing)
    if value is None:
        monkeypatch.delenv(conftest.REQUIRE_REFERENCE_DATA, raising=False)
    else:
        monkeypatch.setenv(conftest.REQUIRE_REFERENCE_DATA, value)
    with pytest.raises(pytest.skip.Exception) as skip:
        conftest.reference_data_folder()
    assert str(missing) in str(skip.value) and "skipped" in str(skip.value)


def test_ci_run_requires_the_reference_data_and_runs_only_make_test():
    """.ci/run is the README's test command plus the variable that makes the data required."""
    commands = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == f"{conftest.REQUIRE_REFERENCE_DATA}=1 make test"
    assert all(c.startswith(("set ", "cd ")) for c in commands[:-1]), commands
    assert f"{conftest.REQUIRE_REFERENCE_DATA}=1" in (REPO / "README.md").read_text()


def test_no_test_builds_its_own_reference_data_path():
    """One fixture gives the path: no test file spells out shared/reference-data itself."""
    offenders = [path.name for path in (REPO / "tests").glob("test_*.py")
                 if path.name != Path(__file__).name
                 and "reference-data" in path.read_text(encoding="utf-8")]
    assert offenders == []
