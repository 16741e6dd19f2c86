"""The formula sheet is written from the package: it is current, and it follows the code."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import formula_sheet  # noqa: E402

from scalinglaws import chinchilla  # noqa: E402


def test_the_committed_page_is_what_the_package_gives():
    assert formula_sheet.main(["--check"]) == 0, "run: python tools/formula_sheet.py"


def test_every_formula_names_an_object_of_the_package_and_states_an_equation():
    for formulas in formula_sheet.SECTIONS.values():
        for formula in formulas:
            assert formula_sheet.resolve(formula.target) is not None
            text = formula_sheet.formula_text(formula)
            assert any(sign in text for sign in "=≈∝"), formula.target


def test_a_changed_docstring_or_constant_changes_the_page(monkeypatch):
    before = formula_sheet.render()
    monkeypatch.setattr(chinchilla.training_flops, "__doc__", "Training compute C ≈ 8·N·D.")
    assert "C ≈ 8·N·D" in formula_sheet.render()
    monkeypatch.setattr(chinchilla, "FLOPS_PER_PARAM_TOKEN", 8.0)
    after = formula_sheet.render()
    assert after != before and "| `FLOPS_PER_PARAM_TOKEN` | 8 |" in after


def test_check_fails_when_the_page_is_stale(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "formula-sheet.md"
    stale.write_text("# Formula sheet\n\nC = 7ND\n")
    monkeypatch.setattr(formula_sheet, "PAGE", stale)
    assert formula_sheet.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_markdown_cells_cannot_break_the_table_or_turn_italic():
    assert formula_sheet._markdown("N_opt | D_opt * 2") == "N\\_opt \\| D\\_opt \\* 2"
    assert formula_sheet._markdown("over ``generations`` :func:`f`") == (
        "over `generations` `f`")


@pytest.mark.parametrize("value, text", [(3.1e8, "3.1e8"), (5.76e23, "5.76e23"),
                                         (6.0, "6"), (1e-3, "0.001"), (2.5e-7, "2.5e-7")])
def test_numbers_are_printed_short(value, text):
    assert formula_sheet._number(value) == text


@pytest.mark.parametrize("value, text", [(0.25, "1/κ²"), (2.0, "κ"), (1.0, "1"), (0.5, "1/κ"),
                                         (0.125, "1/κ³"), (4.0, "κ²")])
def test_factors_are_written_as_powers_of_kappa(value, text):
    assert formula_sheet.kappa_power(value, 2.0) == text


def test_a_factor_that_is_no_power_of_kappa_is_refused():
    with pytest.raises(ValueError, match="not a whole power"):
        formula_sheet.kappa_power(3.0, 2.0)


def test_dennard_table_keeps_power_density_constant_only_under_dennard():
    table = formula_sheet.dennard_table()
    density = next(line for line in table if line.startswith("| power density"))
    assert density == "| power density | 1 | κ² | κ |"
