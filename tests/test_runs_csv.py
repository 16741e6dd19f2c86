"""Reading a practitioner's CSV of training runs: accepted names, limits, clear messages."""

from __future__ import annotations

import csv
import io
import re
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalinglaws import runs_csv as rc
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

GOOD = ("params,tokens,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n4e8,8e9,2.7\n8e8,2e10,2.5\n"
        "1.6e9,4e10,2.4\n")


def test_good_file():
    table = rc.parse_runs_csv(GOOD)
    assert table.n_runs == 5
    assert table.columns == {"params": "params", "tokens": "tokens", "loss": "loss"}
    assert table.lines.tolist() == [2, 3, 4, 5, 6]
    assert table.params[0] == 1e8 and table.loss[-1] == 2.4


def test_alternative_names_flops_and_extra_columns():
    text = ("name,Model Size,Training FLOP,Final-Loss\n" + "\n".join(
        f"run{i},{n:g},{FLOPS_PER_PARAM_TOKEN * n * 20 * n:g},{3 - 0.1 * i}"
        for i, n in enumerate([1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9])) + "\n")
    table = rc.parse_runs_csv(text)
    assert table.columns == {"params": "Model Size", "flops": "Training FLOP",
                             "loss": "Final-Loss"}
    assert np.allclose(table.tokens, 20 * table.params)


def test_semicolons_comments_and_blank_lines_keep_line_numbers():
    text = "# my runs\nparams;tokens;loss\n\n1e8;2e9;3.1\n2e8;4e9;x\n"
    with pytest.raises(ValueError, match=r"line 5, column 'loss': 'x' is not a number"):
        rc.parse_runs_csv(text, "mine.csv")


@pytest.mark.parametrize("text, message", [
    ("params,tokns,loss\n1,2,3\n", r"line 1 \(header\): missing column\(s\) for tokens.*"
                                   r"'tokns' looks like 'tokens'.*Accepted names"),
    ("size,tokens,loss\n1,2,3\n", r"missing column\(s\) for params"),
    ("params,tokens\n1,2\n", r"missing column\(s\) for loss"),
    ("params,parameters,tokens,loss\n1,1,2,3\n", "both name the params"),
    (GOOD.replace("2.9", "-2.9"), r"line 3, column 'loss': -2.9 must be > 0"),
    (GOOD.replace("4e9", "0"), r"line 3, column 'tokens': 0 must be > 0"),
    (GOOD.replace("2e8", "nan"), r"line 3, column 'params': 'nan' is not a finite number"),
    (GOOD.replace("2e8", "inf"), r"line 3, column 'params': 'inf' is not a finite number"),
    (GOOD.replace("4e8,8e9", "4e8,"), r"line 4, column 'tokens': is empty"),
    (GOOD.replace("8e8,2e10,2.5", "8e8,2e10,2.5,7"), r"line 5: has 4 cells, the header has 3"),
    ("params,tokens,loss\n1e8,2e9,3\n2e8,4e9,2.9\n", r"has 2 run\(s\).*at least 5"),
    ("", "is empty"),
    ("\n\n# only a comment\n", "is empty"),
])
def test_bad_files_name_the_problem_and_line(text, message):
    with pytest.raises(ValueError, match=message):
        rc.parse_runs_csv(text)


def test_size_and_row_limits():
    too_many = "params,tokens,loss\n" + "1e8,2e9,3\n" * (rc.MAX_ROWS + 1)
    with pytest.raises(ValueError, match="rows; the limit is 10,000 runs"):
        rc.parse_runs_csv(too_many)
    too_big = "params,tokens,loss\n" + "#" * (rc.MAX_BYTES + 1) + "\n"
    with pytest.raises(ValueError, match=r"bytes; the limit is 1,000,000 bytes \(1 MB\)"):
        rc.parse_runs_csv(too_big)
    with pytest.raises(ValueError, match="not UTF-8"):
        rc.parse_runs_csv(b"params,tokens,loss\n\xff\xfe\n")
    with pytest.raises(ValueError, match="text must be"):
        rc.parse_runs_csv(12)


def test_read_from_disk(tmp_path):
    good = tmp_path / "runs.csv"
    good.write_text(GOOD)
    assert rc.read_runs_csv(good).source == "runs.csv"
    with pytest.raises(ValueError, match="no such file"):
        rc.read_runs_csv(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="is not a file"):
        rc.read_runs_csv(tmp_path)
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(rc.MAX_BYTES + 1)  # sparse: the size is checked before reading
    with pytest.raises(ValueError, match="big.csv: is 1,000,001 bytes"):
        rc.read_runs_csv(big)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("params,tokenslo\n0123456789.-e#; x")),
               max_size=200))
def test_arbitrary_text_gives_a_table_or_a_value_error(text):
    try:
        table = rc.parse_runs_csv(text)
    except ValueError as error:
        assert str(error)
    else:
        assert table.n_runs >= rc.MIN_ROWS
        assert np.all(table.params > 0) and np.all(table.loss > 0)


# --- The whole text is parsed once by the csv module: long cells, quotes, odd line ends ------

def _line_of(text: str, position: int) -> int:
    """1 + the CR LF, CR and LF line ends before ``position`` (what a CSV reader counts)."""
    return 1 + len(re.findall(r"\r\n|\r|\n", text[:position]))


def _runs(loss_cells, names=None, ends=None) -> str:
    """CSV text of len(loss_cells) runs, a ``name`` column first; every cell is quoted (so a
    name may hold commas, quotes or line breaks); row i ends with ends[i] (default LF)."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerow(["name", "params", "tokens", "loss"])
    for i, loss in enumerate(loss_cells):
        writer = csv.writer(out, lineterminator=ends[i] if ends else "\n",
                            quoting=csv.QUOTE_ALL)
        writer.writerow([names[i] if names else f"run{i}", f"{1e8 * 2**i:g}",
                         f"{2e9 * 2**i:g}", loss])
    return out.getvalue()


def test_a_cell_longer_than_the_csv_field_limit_gives_a_short_value_error():
    text = "params,tokens,loss\n1e8,2e9," + "3" * 200_000 + "\n"
    with pytest.raises(ValueError, match=r"line 2, column 'loss': a cell of 200,000 "
                                         r"characters is not a number") as caught:
        rc.parse_runs_csv(text)
    assert len(str(caught.value)) <= rc.MAX_MESSAGE


def test_a_long_cell_in_an_ignored_column_is_read():
    text = _runs(["3.1", "2.9", "2.7", "2.5", "2.4"], names=["x" * 200_000] + ["r"] * 4)
    assert rc.parse_runs_csv(text).n_runs == 5


@pytest.mark.parametrize("header", ["a," * 490_000, "x" * 980_000])
def test_a_megabyte_header_line_is_fast_with_a_short_message(header):
    text = header + "\n1,2,3\n"
    start = time.process_time()  # CPU time of this process: other work on the machine
    with pytest.raises(ValueError, match=r"line 1 \(header\)") as caught:  # does not count
        rc.parse_runs_csv(text)
    assert time.process_time() - start < 1.0  # measured 0.07-0.24 s; was 6.3 s
    assert len(str(caught.value)) <= rc.MAX_MESSAGE


def test_quoted_line_breaks_are_counted_at_the_right_line():
    text = 'name,params,tokens,loss\n"two\nlines",1e8,2e9,abc\n'
    with pytest.raises(ValueError, match=r"line 3, column 'loss': 'abc' is not a number"):
        rc.parse_runs_csv(text)
    text = 'name,params,tokens,loss\n"a, b",1e8,2e9,3\n' + "\n".join(
        f"r{i},{1e8 * 2**i:g},{2e9 * 2**i:g},{3 - 0.1 * i}" for i in range(1, 5)) + "\n"
    assert rc.parse_runs_csv(text).lines.tolist() == [2, 3, 4, 5, 6]


def test_a_byte_order_mark_in_pasted_text_is_ignored():
    table = rc.parse_runs_csv("\ufeff" + GOOD)
    assert table.n_runs == 5 and table.columns["params"] == "params"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(
           ["a", " ", ",", '"', "\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c", "\x0b", "\x85",
            "é"]), max_size=12).map("".join), min_size=5, max_size=9),
       st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=9, max_size=9),
       st.integers(min_value=0, max_value=8))
def test_line_numbers_count_only_csv_line_ends(names, ends, bad):
    """Quoted line breaks, CR LF, CR, U+2028, form feeds and the like in a cell: the message
    names the line where the bad cell starts in the text."""
    bad %= len(names)
    losses = ["3"] * len(names)
    losses[bad] = "bad!"
    text = _runs(losses, names=names, ends=ends)
    with pytest.raises(ValueError) as caught:
        rc.parse_runs_csv(text)
    line = _line_of(text, text.index("bad!"))
    assert str(caught.value) == f"runs.csv, line {line}, column 'loss': 'bad!' is not a number"


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.text(alphabet=st.sampled_from(list('params,tokenslo\n\r0123456789.-e#; x"\t')
                                     + ["\ufeff", "\u2028", "\x0c", "\x00", "é"]),
            max_size=300),
    st.binary(max_size=300),
    st.builds(lambda name, size: f"params,tokens,{name * size}\n1,2,3\n",
              st.text(min_size=1, max_size=3), st.integers(min_value=1, max_value=50_000))))
def test_any_input_gives_a_table_or_a_short_value_error(text):
    try:
        table = rc.parse_runs_csv(text)
    except ValueError as error:
        assert 0 < len(str(error)) <= rc.MAX_MESSAGE
    else:
        assert table.n_runs >= rc.MIN_ROWS


def test_not_utf8_names_the_line_and_character():
    with pytest.raises(ValueError, match=r"line 2, character 4: is not UTF-8 text \(byte 0xff\)"):
        rc.parse_runs_csv(b"params,tokens,loss\n1e8\xff,2e9,3\n")
