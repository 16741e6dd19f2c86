"""The project's own machinery: the GitHub workflow's permissions, the pinned requirements."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "book.yml"
WRITE_SCOPES = {"pages", "id-token"}


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _writes(permissions) -> set[str]:
    if permissions == "write-all":
        return {"everything"}
    return {scope for scope, level in (permissions or {}).items() if level == "write"}


def test_workflow_runs_on_pushes_to_main_and_pull_requests(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    assert set(workflow["jobs"]) == {"test-and-build", "deploy"}


def test_only_the_deploy_job_may_write(workflow):
    """pages and id-token write go to the deploy job alone, never to the job running PR code."""
    assert _writes(workflow["permissions"]) == set()
    jobs = workflow["jobs"]
    assert _writes(jobs["test-and-build"]["permissions"]) == set()
    assert _writes(jobs["deploy"]["permissions"]) == WRITE_SCOPES
    assert "steps" in jobs["deploy"] and all(
        step["uses"].startswith("actions/deploy-pages@") for step in jobs["deploy"]["steps"])
    assert jobs["deploy"]["if"] == ("github.event_name == 'push' && "
                                    "github.ref == 'refs/heads/main'")
    assert jobs["deploy"]["needs"] == "test-and-build"


def test_pull_requests_do_not_queue_behind_the_deployment(workflow):
    """No workflow-wide concurrency group: pull-request runs are grouped by their own ref."""
    assert "concurrency" not in workflow
    jobs = workflow["jobs"]
    assert "github.ref" in jobs["test-and-build"]["concurrency"]["group"]
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_workflow_runs_the_readmes_test_command(workflow):
    runs = [step.get("run", "") for step in workflow["jobs"]["test-and-build"]["steps"]]
    assert any(run.startswith("make test") for run in runs)
    # `make release` builds the book (`make book`) and its downloads
    assert any(run.startswith(("make book", "make release")) for run in runs)


# --- Pinned requirements ----------------------------------------------------------------------

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def _lines(name: str) -> list[str]:
    text = (REPO / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in _lines(name):
        match = PIN.match(line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


@pytest.mark.parametrize("name, includes", [("requirements.txt", ("-e .", "./labextension")),
                                            ("requirements-dev.txt", ("-r requirements.txt",))])
def test_every_requirement_is_pinned(name, includes):
    """Each line pins one exact version, apart from the includes (`make pins` writes them)."""
    lines = _lines(name)
    assert set(includes) <= set(lines)
    assert [line for line in lines if line not in includes and not PIN.match(line)] == []
    assert len(_pins(name)) == len(lines) - len(includes)  # no package pinned twice


def test_the_pins_are_the_complete_set_and_follow_their_inputs():
    reader, dev = _pins("requirements.txt"), _pins("requirements-dev.txt")
    # the whole set, not only the direct dependencies (it was 7 of ~120)
    assert {"traitlets", "jupyter-client", "tornado", "pyzmq"} <= set(reader)
    # what executes the book (nbclient and nbformat come with JupyterLab in the reader's set)
    assert {"nbclient", "nbformat", "sphinx", "myst-nb"} <= set(reader) | set(dev)
    assert len(reader) > 30 and len(reader) + len(dev) > 100
    assert set(reader).isdisjoint(dev)  # the tools add packages; they never re-pin the reader's
    for source, pins in (("requirements.in", reader), ("requirements-dev.in", reader | dev)):
        for direct, version in _pins(source).items():
            assert pins.get(direct) == version, (source, direct)
    assert "-e ." in _lines("requirements.in") and "-r requirements.in" in _lines(
        "requirements-dev.in")


# --- The Makefile -----------------------------------------------------------------------------


def _make(*args: str) -> subprocess.CompletedProcess:
    # not the variables of the `make test` running this suite (e.g. CHROMIUM=...)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "-s", "-C", str(REPO), *args],
                          capture_output=True, text=True, timeout=60, env=env)


def _script(path: Path, text: str) -> Path:
    path.write_text("#!/bin/sh\n" + text + "\n")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("version", ["Python 3.10.12", "Python 3.9.18", "Python 2.7.18"])
def test_make_names_a_python_older_than_3_11(tmp_path, version):
    python = _script(tmp_path / "python3", f"echo '{version}' >&2")
    result = _make("python-check", f"PYTHON={python}")
    assert result.returncode != 0
    assert "Python 3.11 or newer is needed" in result.stderr
    assert f"found: {python} ({version})" in result.stderr
    assert "make PYTHON=/path/to/python3.11" in result.stderr


def test_make_accepts_python_3_11_and_newer(tmp_path):
    assert _make("python-check", f"PYTHON={sys.executable}").returncode == 0
    newer = _script(tmp_path / "python3", "echo 'Python 3.13.1'")
    assert _make("python-check", f"PYTHON={newer}").returncode == 0


def test_make_goes_on_when_apt_cannot_install_chromium(tmp_path):
    """No browser and apt fails (or no root): a message, and make test carries on."""
    apt_get = _script(tmp_path / "apt-get", "echo 'E: Unable to locate package chromium' >&2; "
                                            "exit 100")
    result = _make("browser", f"CHROMIUM={tmp_path / 'no-chromium'}", f"APT_GET={apt_get}")
    assert result.returncode == 0, result.stderr
    assert "the browser tests will be skipped (under CI=true they fail)" in result.stderr


def test_the_test_environment_is_exactly_the_pinned_set():
    """make test runs in the venv made from requirements-dev.txt: nothing in it is unpinned."""
    from importlib.metadata import distributions

    installed = {re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower(): dist.version
                 for dist in distributions()}
    # pip freeze leaves the first three out; the course's two packages are installed from here
    for tool in ("pip", "setuptools", "wheel", "scalinglaws", "scalinglaws-citations"):
        installed.pop(tool, None)
    pinned = _pins("requirements.txt") | _pins("requirements-dev.txt")
    assert installed == pinned, ("the environment differs from the pins: `make venv` rebuilds "
                                 ".venv from requirements-dev.txt")
