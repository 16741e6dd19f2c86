"""deploy/ and postBuild: the multi-user configurations parse, use the same pinned
environment as Binder and the local recipe, and give learners the student copies."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
TLJH = REPO / "deploy" / "tljh"
Z2JH = REPO / "deploy" / "z2jh"


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_repo2docker_builds_from_requirements_txt():
    # repo2docker (Binder, and the Z2JH image) reads a binder/ folder or an environment.yml,
    # Pipfile or Dockerfile before requirements.txt; none may exist, so requirements.txt is
    # the environment everywhere. runtime.txt picks the Python the pins need.
    for other in ("binder", ".binder", "environment.yml", "Pipfile", "Dockerfile"):
        assert not (REPO / other).exists(), other
    assert (REPO / "requirements.txt").is_file()
    assert re.fullmatch(r"python-3\.(1[1-9])\s*", (REPO / "runtime.txt").read_text())
    assert os.access(REPO / "postBuild", os.X_OK)


def test_tljh_settings_are_valid_tljh_config():
    # the types and choices of TLJH's config schema (tljh/config-schema.json upstream)
    config = _yaml(TLJH / "config.yaml")
    assert set(config) <= {"user_environment", "users", "limits", "https", "http"}
    assert config["user_environment"]["default_app"] in ("jupyterlab", "classic")
    assert re.fullmatch(r"\d+(\.\d+)?[KMGT]", config["limits"]["memory"])
    assert isinstance(config["limits"]["cpu"], int) and config["limits"]["cpu"] >= 1


def test_z2jh_values_use_the_repo2docker_image_and_its_student_copies():
    text = (Z2JH / "config.yaml").read_text(encoding="utf-8")
    values = yaml.safe_load(text)
    # top-level keys of the jupyterhub chart's values schema
    assert set(values) <= {"hub", "proxy", "singleuser", "scheduling", "cull", "prePuller",
                           "ingress", "custom", "debug", "rbac", "global", "imagePullSecret",
                           "imagePullSecrets"}
    target = re.search(r"--target-repo-dir (\S+)", text).group(1)
    assert "jupyter-repo2docker" in text
    hook = " ".join(values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert f"{target}/student" in hook  # where postBuild writes the copies in the image
    assert "test -e" in hook  # never over a learner's own work
    assert values["singleuser"]["defaultUrl"].endswith("/01-moore-dennard.ipynb")
    guarantee, limit = (values["singleuser"]["memory"][k] for k in ("guarantee", "limit"))
    assert guarantee.endswith("M") and limit.endswith("G")


def _copy_repo_parts(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "notebooks", repo / "notebooks")
    shutil.copytree(REPO / "deploy", repo / "deploy")
    shutil.copy2(REPO / "postBuild", repo / "postBuild")
    return repo


def _student_copies_without_solutions(folder: Path):
    copies = sorted(folder.glob("*.ipynb"))
    chapters = sorted((REPO / "notebooks").glob("*.ipynb"))
    assert [p.name for p in copies] == [p.name for p in chapters]
    for copy in copies:
        text = copy.read_text(encoding="utf-8")
        assert "{solution}" not in text and "Solution removed" in text


def test_postbuild_writes_the_student_copies(tmp_path):
    repo = _copy_repo_parts(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    subprocess.run(["bash", "postBuild"], cwd=repo, env=env, check=True, timeout=120)
    _student_copies_without_solutions(repo / "student")


def test_tljh_install_script_puts_copies_in_skel_and_applies_the_settings(tmp_path):
    repo = _copy_repo_parts(tmp_path)
    calls = tmp_path / "calls.txt"
    fake = tmp_path / "tljh-config"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    fake.chmod(0o755)
    env = {**os.environ, "TLJH_USER_PYTHON": sys.executable, "SKEL_DIR": str(tmp_path / "skel"),
           "TLJH_CONFIG": str(fake), "SKIP_PIP_INSTALL": "1"}
    subprocess.run(["bash", str(repo / "deploy" / "tljh" / "install.sh")], env=env, check=True,
                   timeout=120)
    _student_copies_without_solutions(tmp_path / "skel" / "scaling-laws")
    config = _yaml(TLJH / "config.yaml")
    assert calls.read_text().splitlines() == [
        f"set user_environment.default_app {config['user_environment']['default_app']}",
        f"set limits.memory {config['limits']['memory']}",
        f"set limits.cpu {config['limits']['cpu']}",
        "reload"]
    # and it installs the same requirements file as Binder and the local recipe
    assert "pip install -r requirements.txt" in (TLJH / "install.sh").read_text()


def test_tljh_install_script_stops_on_an_old_python(tmp_path):
    old_python = tmp_path / "python"
    old_python.write_text("#!/bin/sh\n[ \"$1\" = -V ] && echo 'Python 3.8.10'\nexit 1\n")
    old_python.chmod(0o755)
    env = {**os.environ, "TLJH_USER_PYTHON": str(old_python), "SKIP_PIP_INSTALL": "1",
           "SKEL_DIR": str(tmp_path / "skel"), "TLJH_CONFIG": "false"}
    result = subprocess.run(["bash", str(TLJH / "install.sh")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "3.11 or newer" in result.stderr and "3.8.10" in result.stderr
    assert not (tmp_path / "skel").exists()
