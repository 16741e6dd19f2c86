"""How to cite: CITATION.cff is valid and agrees with the package; the citation, BibTeX entry
and footer line are written from it and from the build's commit."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "ext"))

from build_info import build_info, footer_text  # noqa: E402
from citation import authors, bibtex_entry, citation_text, load_cff  # noqa: E402

INFO = {"version": "9.8.7", "commit": "abc1234def", "commit_date": "2031-02-03",
        "build_date": "2031-02-05"}


def test_citation_file_is_complete_and_matches_the_package():
    cff = load_cff()
    for key in ("cff-version", "message", "title", "authors", "version", "repository-code"):
        assert cff.get(key), key
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert cff["version"] == project["version"]
    assert cff["license"] == project["license"]["text"]
    config = (REPO / "_config.yml").read_text()
    assert f'title: "{cff["title"]}"' in config
    assert cff["repository-code"] in config


def test_bibtex_entry_carries_the_cited_version():
    cff = load_cff()
    entry = bibtex_entry(cff, INFO)
    assert entry.startswith("@software{scaling_laws_course,")
    assert f"title = {{{cff['title']}}}" in entry
    assert "year = {2031}" in entry and f"version = {{{cff['version']}}}" in entry
    assert "note = {Commit abc1234def of 2031-02-03}" in entry
    assert "author = {{The Scaling Laws course authors}}" in entry  # kept whole by BibTeX
    assert entry.count("{") == entry.count("}")


def test_people_are_cited_family_name_first():
    cff = {"title": "T", "version": "1", "repository-code": "https://example.org/r",
           "authors": [{"given-names": "Ada", "family-names": "Lovelace"},
                       {"name": "A Lab"}]}
    assert authors(cff) == ["Lovelace, Ada", "A Lab"]
    assert "author = {Lovelace, Ada and {A Lab}}" in bibtex_entry(cff, INFO)
    assert citation_text(cff, INFO) == ("Lovelace, Ada; A Lab (2031). T (version 1, commit "
                                        "abc1234def). https://example.org/r")


def test_without_a_commit_the_year_is_the_build_year():
    info = {**INFO, "commit": "", "commit_date": ""}
    entry = bibtex_entry(load_cff(), info)
    assert "year = {2031}" in entry and "note" not in entry
    assert footer_text(info) == "Version 9.8.7 · built 2031-02-05"


def test_footer_names_version_commit_and_dates():
    assert footer_text(INFO) == "Version 9.8.7 · commit abc1234def of 2031-02-03 · built 2031-02-05"


def test_build_info_reads_git_and_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 UTC
    info = build_info()
    assert info["build_date"] == "2023-11-14"
    assert info["version"] == tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "version"]
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True,
                          text=True)
    if head.returncode != 0:
        pytest.skip("not a git checkout")
    assert head.stdout.startswith(info["commit"]) and len(info["commit"]) == 10


def test_build_info_without_git_uses_the_environment(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1.2.3"\n')
    monkeypatch.setenv("BOOK_COMMIT", "feedbeef")
    monkeypatch.setenv("BOOK_COMMIT_DATE", "2030-01-01")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "no-such-git"))
    info = build_info(tmp_path)
    assert (info["version"], info["commit"], info["commit_date"]) == ("1.2.3", "feedbeef",
                                                                      "2030-01-01")
