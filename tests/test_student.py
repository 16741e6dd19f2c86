"""Student copies: every solution is gone, every exercise stays, nothing is executed."""

from pathlib import Path

import nbformat
import pytest

from scalinglaws.student import main, student_notebook

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_copy_keeps_exercises_and_drops_solutions(path):
    original = nbformat.read(path, as_version=4)
    student = student_notebook(original)
    text = "\n".join(cell.source for cell in student.cells if cell.cell_type == "markdown")
    original_text = "\n".join(c.source for c in original.cells if c.cell_type == "markdown")
    assert original_text.count(":::{solution}") >= 4
    assert ":::{solution}" not in text
    assert text.count(":::{exercise}") == original_text.count(":::{exercise}")
    assert text.count("Solution removed") == original_text.count(":::{solution}")
    assert all(not cell.outputs for cell in student.cells if cell.cell_type == "code")
    assert "widgets" not in student.metadata
    assert original == nbformat.read(path, as_version=4)  # the original is untouched
    nbformat.validate(student)


def test_command_writes_copies(tmp_path, capsys):
    assert main([str(tmp_path), str(NOTEBOOKS[0])]) == 0
    assert (tmp_path / NOTEBOOKS[0].name).is_file()
    assert main([]) == 2
