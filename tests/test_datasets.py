"""The data tables: schema checks with file, line and column in every message; one source a row."""

import re
from pathlib import Path

import pytest

from scalinglaws import datasets
from scalinglaws.datasets import Column, load_table

REPO = Path(__file__).resolve().parents[1]

COLUMNS = [Column("name", "text"), Column("year", "int", low=1971, high=2030),
           Column("power_w", "float", required=False, low=0), datasets.SOURCE]


def write(tmp_path, text, name="t.csv"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_valid_table_loads_with_types(tmp_path):
    folder = write(tmp_path, "name,year,power_w,source\na,1999,10.5,x\nb,2001,,y\n")
    frame = load_table("t.csv", COLUMNS, folder)
    assert frame.year.dtype == "int64"
    assert frame.power_w.isna().tolist() == [False, True]
    assert frame.columns.tolist() == ["name", "year", "power_w", "source"]


HEADER = "name,year,power_w,source\n"


@pytest.mark.parametrize(("text", "message"), [
    ("name,year,source\na,1999,x\n",
     r"t.csv, line 1 \(header\): missing column\(s\) \['power_w'\]"),
    ("name,year,power_w,source,extra\na,1999,1,x,2\n", r"unexpected column\(s\) \['extra'\]"),
    (HEADER + "a,19x9,1,x\n", r"t.csv, line 2, column 'year': '19x9' is not a number"),
    (HEADER + "a,1999,1,x\nb,1999.5,1,x\n",
     r"t.csv, line 3, column 'year': '1999.5' is not a whole number"),
    (HEADER + "a,1960,1,x\n", r"line 2, column 'year': 1960 is below the allowed minimum 1971"),
    (HEADER + "a,1999,-1,x\n", r"column 'power_w': -1 is below the allowed minimum 0"),
    (HEADER + "a,1999,nan,x\n", r"column 'power_w': 'nan' is not a finite number"),
    (HEADER + "a,1999,1,\n", r"line 2, column 'source': is empty but required"),
    (HEADER + "a,1999,1\n", r"t.csv, line 2: has 3 cells, the header has 4"),
    (HEADER, r"t.csv: has a header but no rows"),
    ("", r"t.csv: the file is empty"),
])
def test_bad_tables_are_rejected_with_file_line_and_column(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        load_table("t.csv", COLUMNS, write(tmp_path, text))


def test_missing_table(tmp_path):
    with pytest.raises(ValueError, match="nope.csv: no such table"):
        load_table("nope.csv", COLUMNS, tmp_path)


BIB_KEYS = set(re.findall(r"^@\w+\{([^,]+),", (REPO / "book" / "references.bib").read_text(),
                          flags=re.MULTILINE))


@pytest.mark.parametrize("loader", [datasets.load_cpus, datasets.load_accelerators,
                                    datasets.load_training_runs])
def test_every_row_cites_a_url_or_a_bibliography_key(loader):
    for source in loader().source:
        assert source.startswith(("https://", "http://")) or source in BIB_KEYS, source


@pytest.mark.parametrize("loader", [datasets.load_cpus, datasets.load_accelerators,
                                    datasets.load_training_runs])
def test_names_are_unique(loader):
    names = loader().name
    assert names.is_unique, names[names.duplicated()].tolist()


def test_accelerator_dense_precisions_never_decrease_as_precision_drops():
    # On every chip, halving the precision never lowers the dense peak (where both exist).
    chips = datasets.load_accelerators()
    order = ["fp32_tflops_dense", "bf16_tflops_dense", "fp8_tflops_dense", "fp4_tflops_dense"]
    for _, chip in chips.iterrows():
        values = [chip[c] for c in order if chip[c] == chip[c]]
        assert values == sorted(values), chip["name"]


def test_fp8_cells_record_native_support_only():
    """Issue 8: an FP8 rate equal to the BF16 rate means FP8 is accepted at the BF16 rate,
    not run natively (TPU v5p): such a cell reads as native support and must stay empty."""
    chips = datasets.load_accelerators()
    both = chips.dropna(subset=["fp8_tflops_dense", "bf16_tflops_dense"])
    assert len(both) >= 8
    assert (both.fp8_tflops_dense >= 1.9 * both.bf16_tflops_dense).all(), both.name.tolist()
    assert chips.set_index("name").fp8_tflops_dense.isna()["Google TPU v5p"]


def test_power_figures_say_what_they_are():
    """Issue 8: every power figure says whether it is a TDP or a measured maximum."""
    chips = datasets.load_accelerators().set_index("name")
    with_power = chips.dropna(subset=["power_w"])
    assert with_power.power_basis.notna().all()
    assert set(with_power.power_basis) <= {"TDP", "max TDP", "peak board power",
                                           "measured maximum"}
    assert chips.loc["Google TPU v4", "power_basis"] == "measured maximum"
    assert chips.power_basis[chips.power_w.isna()].isna().all()


def test_v100_row_is_one_sku_of_its_year():
    """Issue 8: the 32 GB V100 came in 2018; the 2017 row is the 16 GB launch SKU."""
    v100 = datasets.load_accelerators().set_index("name").loc["NVIDIA V100 (SXM2 16GB)"]
    assert (v100.year, v100.memory_gb) == (2017, 16)


def test_cpu_dies_are_recorded_for_every_row():
    cpus = datasets.load_cpus()
    assert cpus.dies.notna().all() and (cpus.dies >= 1).all()
    multi = set(cpus.name[cpus.dies > 1])
    assert multi == {"Intel Pentium Extreme Edition 955 (Presler)",
                     "AMD EPYC 7002 Rome 64-core package (e.g. EPYC 7742)", "AWS Graviton3",
                     "AMD EPYC 9004 Genoa 96-core (e.g. EPYC 9654)", "Apple M2 Ultra",
                     "Apple M3 Ultra"}


def test_training_runs_published_figures():
    # Hoffmann et al. 2022: Chinchilla 70B on 1.4T tokens; Brown et al. 2020: GPT-3 3.14e23 FLOPs.
    runs = datasets.load_training_runs().set_index("name")
    assert runs.loc["Chinchilla 70B", ["params", "tokens"]].tolist() == [7e10, 1.4e12]
    assert runs.loc["GPT-3 175B", "train_flops"] == 3.14e23


def test_single_thread_eras_load_contiguous_with_one_source():
    # Hennessy & Patterson, CA6 Figure 1.1 (hennessy2019ca6): 22, 52, 23, 12 and 3.5 %/yr.
    eras = datasets.load_single_thread_eras()
    assert eras.columns.tolist() == ["start_year", "end_year", "growth_percent_per_year",
                                     "label", "source"]
    assert eras.growth_percent_per_year.tolist() == [22, 52, 23, 12, 3.5]
    assert eras.start_year.tolist()[1:] == eras.end_year.tolist()[:-1]
    assert (eras.start_year.iloc[0], eras.end_year.iloc[-1]) == (1978, 2017)
    assert set(eras.source) == {"hennessy2019ca6"} and "hennessy2019ca6" in BIB_KEYS


def test_single_thread_eras_reject_out_of_range_growth(tmp_path):
    text = ("start_year,end_year,growth_percent_per_year,label,source\n"
            "1978,1986,0,x,hennessy2019ca6\n")
    with pytest.raises(ValueError, match=r"single_thread_eras.csv, line 2, column "
                                         r"'growth_percent_per_year': 0 is below"):
        datasets.load_single_thread_eras(write(tmp_path, text, "single_thread_eras.csv"))
