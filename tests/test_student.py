"""Student copies: every solution is gone, every exercise stays, nothing is executed."""

from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalinglaws.student import NOTE, main, strip_solutions, student_notebook

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
SECRET = "SECRET-ANSWER"


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


NESTED = {
    "inside a dropdown": (f"::::{{dropdown}} Stuck?\nkeep-hint\n:::{{solution}} ex\n{SECRET}\n"
                          ":::\n::::"),
    "inside an admonition": (f"::::{{admonition}} Try it\n:class: tip\nkeep-hint\n\n"
                             f":::{{solution}}\n{SECRET}\n:::\n\nkeep-after\n::::"),
    "inside an exercise": f"::::{{exercise}}\nkeep-hint\n:::{{solution}}\n{SECRET}\n:::\n::::",
    "longer colon fence around a note": (f"::::{{solution}} ex\n:::{{note}}\nA note\n:::\n"
                                         f"{SECRET}\n::::\nkeep-after"),
    "backtick fence": f"```{{solution}} ex\n:class: dropdown\n{SECRET}\n```\nkeep-after",
    "backticks around a code block": (f"````{{solution}} ex\n```python\nx = 1\n```\n{SECRET}\n"
                                      "````\nkeep-after"),
    "tilde fence": f"~~~{{solution}}\n{SECRET}\n~~~\nkeep-after",
    "indented in a list": (f"1. keep-hint\n\n   :::{{solution}}\n   {SECRET}\n   :::\n\n"
                           "2. keep-after"),
    "two levels deep": (f":::::{{admonition}} A\n::::{{dropdown}} B\nkeep-hint\n:::{{solution}}\n"
                        f"{SECRET}\n:::\n::::\nkeep-after\n:::::"),
    "unclosed at the end of the cell": f"keep-hint\n:::{{solution}}\n{SECRET}\n",
}


@pytest.mark.parametrize("markdown", NESTED.values(), ids=NESTED.keys())
def test_a_nested_solution_does_not_leak(markdown):
    text = strip_solutions(markdown)
    assert SECRET not in text
    assert text.count(NOTE) == 1
    for word in ("keep-hint", "keep-after"):
        assert (word in text) == (word in markdown), word


def test_containers_keep_their_fences_and_options():
    text = strip_solutions(NESTED["inside an admonition"])
    assert text.splitlines()[:2] == ["::::{admonition} Try it", ":class: tip"]
    assert text.rstrip().endswith("::::")


def test_a_literal_code_block_is_kept_as_written():
    markdown = "Write it like this:\n\n```markdown\n:::{solution} ex\nThe answer.\n:::\n```\n"
    assert strip_solutions(markdown) == markdown


def test_gated_solution_drops_every_cell_between_its_markers():
    cells = [nbformat.v4.new_markdown_cell(":::{exercise}\n:label: ex\nQ?\n:::"),
             nbformat.v4.new_markdown_cell("keep-before\n\n```{solution-start} ex\n```\n"
                                           f"{SECRET} in markdown"),
             nbformat.v4.new_code_cell(f"print('{SECRET} in code')"),
             nbformat.v4.new_markdown_cell(f"{SECRET} again\n```{{solution-end}}\n```\nkeep-end"),
             nbformat.v4.new_code_cell("keep = 1")]
    student = student_notebook(nbformat.v4.new_notebook(cells=cells))
    sources = [cell.source for cell in student.cells]
    assert not any(SECRET in source for source in sources)
    assert [cell.cell_type for cell in student.cells] == ["markdown", "markdown", "markdown",
                                                          "code"]
    assert sources[1].startswith("keep-before") and NOTE in sources[1]
    assert sources[2].strip() == "keep-end"
    assert sources[3] == "keep = 1"


# Property: any nesting of containers and solutions, fenced with colons or backticks.
_WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(lambda s: f"keep {s}")
_CONTAINERS = st.sampled_from(["note", "dropdown", "admonition", "exercise", "tip"])


def _render(node) -> tuple[list[str], int]:
    """Lines of a node and its height (how many fences deep it goes)."""
    kind = node[0]
    if kind == "text":
        return [node[1]], 0
    children = [_render(child) for child in node[2]]
    height = 1 + max((h for _, h in children), default=0)
    fence = node[3] * (2 + height)
    name = "solution" if kind == "solution" else node[1]
    lines = [f"{fence}{{{name}}}"]
    for child_lines, _ in children:
        lines += [*child_lines, ""]
    if kind == "solution":
        lines.append(SECRET)
    return [*lines, fence], height


def _trees():
    leaves = st.tuples(st.just("text"), _WORDS)
    return st.recursive(
        leaves,
        lambda inner: st.tuples(st.sampled_from(["container", "solution"]), _CONTAINERS,
                                st.lists(inner, max_size=3), st.sampled_from([":", "`"])),
        max_leaves=12)


def _visible(node) -> tuple[list[str], int]:
    """The words outside every solution, and how many outermost solutions there are."""
    if node[0] == "text":
        return [node[1]], 0
    if node[0] == "solution":
        return [], 1
    words, solutions = [], 0
    for child in node[2]:
        child_words, child_solutions = _visible(child)
        words += child_words
        solutions += child_solutions
    return words, solutions


@settings(max_examples=200, deadline=None)
@given(st.lists(_trees(), min_size=1, max_size=4))
def test_no_nesting_of_fences_leaks_a_solution(trees):
    markdown = "\n\n".join("\n".join(_render(tree)[0]) for tree in trees)
    text = strip_solutions(markdown)
    assert SECRET not in text
    visible = [_visible(tree) for tree in trees]
    assert text.count(NOTE) == sum(solutions for _, solutions in visible)
    for words, _ in visible:
        for word in words:
            assert word in text


def test_command_writes_copies(tmp_path, capsys):
    assert main([str(tmp_path), str(NOTEBOOKS[0])]) == 0
    assert (tmp_path / NOTEBOOKS[0].name).is_file()
    assert main([]) == 2
