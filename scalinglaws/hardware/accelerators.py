"""Accelerators: dense peak FLOP/s by number format, per watt and per dollar, chip against chip.

Accelerators gained from parallelism, matrix units and narrower number formats. The
functions read :func:`scalinglaws.datasets.load_accelerators`, where every figure is a dense
peak. Citation keys refer to ``book/references.bib``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from scalinglaws import formulas
from scalinglaws._validate import fraction_of_peak, numbers, same_length, table_columns

__all__ = ["PRECISIONS", "ChipComparison", "ChipMetrics", "chip_metrics", "compare_chips",
           "flops_per_dollar", "flops_per_watt", "generation_ratio", "peak_tflops"]


#: Number formats of ``accelerators.csv``, narrowest last, and their dense TFLOP/s columns.
PRECISIONS = {
    "fp32": "fp32_tflops_dense",
    "tf32": "tf32_tflops_dense",
    "bf16": "bf16_tflops_dense",
    "fp16": "fp16_tflops_dense",
    "fp8": "fp8_tflops_dense",
    "fp4": "fp4_tflops_dense",
}


def flops_per_watt(tflops, power_w):
    """Energy efficiency: FLOP/s per watt (= FLOP per joule) = 10¹² · TFLOP/s / W.

    Parameters
    ----------
    tflops : float or sequence of float
        Throughput in TFLOP/s (10¹² FLOP/s), > 0.
    power_w : float or sequence of float
        Power in watts, > 0.

    Returns
    -------
    float or numpy.ndarray

    References
    ----------
    ``hobbhahn2023mlhardware`` tracks this metric across ML hardware.

    Examples
    --------
    A100 (SXM4 80GB), dense BF16, at its 400 W maximum (values of ``accelerators.csv``):

    >>> f"{flops_per_watt(312, 400):.3g}"
    '7.8e+11'
    """
    return _ratio_metric("tflops", tflops, "power_w", power_w)


def flops_per_dollar(tflops, price_usd):
    """Price-performance: FLOP/s per US dollar = 10¹² · TFLOP/s / price.

    The metric of Hobbhahn & Besiroglu (2022), who find it doubling every ~2.46 years for
    all GPUs (95 % CI 2.24–2.72) and ~2.07 years for GPUs used in ML (1.54–3.13).

    Parameters
    ----------
    tflops : float or sequence of float
        Throughput in TFLOP/s, > 0.
    price_usd : float or sequence of float
        Price in US dollars, > 0.

    Returns
    -------
    float or numpy.ndarray

    References
    ----------
    ``hobbhahn2022gpu``.

    Examples
    --------
    H100 (SXM5) dense BF16 at the analyst-reported $25,000 of ``accelerators.csv``:

    >>> f"{flops_per_dollar(989.5, 25_000):.3g}"
    '3.96e+10'
    """
    return _ratio_metric("tflops", tflops, "price_usd", price_usd)


def _ratio_metric(top_name, top, bottom_name, bottom):
    numerator = numbers(top_name, top, 0, None, low_inclusive=False)
    denominator = numbers(bottom_name, bottom, 0, None, low_inclusive=False)
    if np.ndim(numerator) and np.ndim(denominator):
        same_length(**{top_name: numerator, bottom_name: denominator})
    result = formulas.flops_per_unit(np.asarray(numerator), np.asarray(denominator))
    return float(result) if np.ndim(result) == 0 else result


def _chips(chips: pd.DataFrame | None) -> pd.DataFrame:
    if chips is None:
        from scalinglaws.datasets import load_accelerators
        chips = load_accelerators()
    table_columns(chips, "chips", ["name", "year", "power_w", "price_usd"])
    return chips


def _chip_position(chips: pd.DataFrame, arg: str, name: object) -> int:
    names = chips["name"].to_numpy()
    hits = np.flatnonzero(names == name)
    if hits.size == 0:
        example = names[0] if names.size else ""
        raise ValueError(f"{arg} must be the name of a chip in the table (e.g. {example!r}); "
                         f"got {name!r}")
    return int(hits[0])


def _precision(arg: str, precision: object, chips: pd.DataFrame) -> str:
    if precision not in PRECISIONS:
        raise ValueError(f"{arg} must be one of {', '.join(PRECISIONS)}; got {precision!r}")
    column = PRECISIONS[precision]
    table_columns(chips, "chips", [column])
    return column


def peak_tflops(chips: pd.DataFrame | None, name: str, precision: str,
                arg: str = "name", precision_arg: str = "precision") -> float:
    """Dense peak TFLOP/s of chip ``name`` at ``precision`` (a key of :data:`PRECISIONS`).

    Every figure in ``accelerators.csv`` is dense: a sparse headline ("with sparsity") is
    halved, as its datasheet footnote says. "fp32" is non-tensor FP32; the others are
    tensor/matrix-unit rates. V100 has no BF16: compare it with later chips at "fp16".

    Parameters
    ----------
    chips : pandas.DataFrame or None
        The accelerator table; None loads :func:`scalinglaws.datasets.load_accelerators`.
    name : str
        A value of the table's ``name`` column.
    precision : str
        One of "fp32", "tf32", "bf16", "fp16", "fp8", "fp4".
    arg, precision_arg : str
        Argument names used in error messages (for callers with several chips).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the chip is unknown, the precision is unknown, or the table has no dense figure
        for that chip at that precision.

    References
    ----------
    Each row's ``source`` (a vendor datasheet or page); ``nvidia2020tf32`` for TF32.

    Examples
    --------
    >>> peak_tflops(None, "NVIDIA V100 (SXM2 16GB)", "fp16")
    125.0
    >>> peak_tflops(None, "NVIDIA V100 (SXM2 16GB)", "bf16")
    Traceback (most recent call last):
    ...
    ValueError: precision 'bf16' has no dense figure for NVIDIA V100 (SXM2 16GB) in the table;
    it has fp32, fp16
    """
    table = _chips(chips)
    column = _precision(precision_arg, precision, table)
    row = _chip_position(table, arg, name)
    value = float(table[column].iat[row])
    if not math.isfinite(value):
        available = [key for key, col in PRECISIONS.items()
                     if col in table.columns and math.isfinite(float(table[col].iat[row]))]
        raise ValueError(f"{precision_arg} {precision!r} has no dense figure for {name} in the "
                         f"table; it has {', '.join(available) or 'none'}")
    return value


def generation_ratio(chips: pd.DataFrame | None, a: str, b: str, precision: str,
                     precision_b: str | None = None) -> float:
    """Dense peak TFLOP/s of chip ``a`` over chip ``b``, like for like unless told otherwise.

    ``precision_b`` (default: ``precision``) lets a comparison mix formats on purpose, to
    see how headline claims are built. NVIDIA's "up to 20x" for A100 over V100 compares A100
    TF32 *with sparsity* (312) with V100 non-tensor FP32 (15.7) (nvidia2020tf32); the dense
    like-for-like 16-bit ratio is 312 / 125 ≈ 2.5.

    Parameters
    ----------
    chips : pandas.DataFrame or None
        The accelerator table; None loads it.
    a, b : str
        Names of the chips.
    precision : str
        Precision of ``a`` (and of ``b`` unless ``precision_b`` is given).
    precision_b : str, optional
        Precision of ``b``.

    Returns
    -------
    float

    Examples
    --------
    >>> a100, v100 = "NVIDIA A100 (SXM4 80GB)", "NVIDIA V100 (SXM2 16GB)"
    >>> round(generation_ratio(None, a100, v100, "fp16"), 3)
    2.496
    >>> round(generation_ratio(None, a100, v100, "tf32", precision_b="fp32"), 2)
    9.94
    """
    table = _chips(chips)
    top = peak_tflops(table, a, precision, arg="a")
    bottom = peak_tflops(table, b, precision if precision_b is None else precision_b, arg="b",
                         precision_arg="precision" if precision_b is None else "precision_b")
    return top / bottom


@dataclass(frozen=True)
class ChipMetrics:
    """One chip at one precision: peak and delivered FLOP/s, per watt and per dollar.

    ``flops_per_watt`` is NaN without a power figure, ``flops_per_dollar`` without a price.
    Both use the delivered rate ``tflops × utilisation``.
    """

    name: str
    year: int
    precision: str
    peak_tflops: float
    utilisation: float
    power_w: float
    price_usd: float
    flops_per_watt: float
    flops_per_dollar: float

    @property
    def tflops(self) -> float:
        """Delivered TFLOP/s: peak × utilisation."""
        return self.peak_tflops * self.utilisation

    @property
    def has_price(self) -> bool:
        """Whether the table has a public price for the chip."""
        return math.isfinite(self.price_usd)


def _metrics(table, arg, name, precision, utilisation, precision_arg="precision"):
    peak = peak_tflops(table, name, precision, arg=arg, precision_arg=precision_arg)
    row = _chip_position(table, arg, name)
    power = float(table["power_w"].iat[row])
    price = float(table["price_usd"].iat[row])
    delivered = peak * utilisation
    return ChipMetrics(
        name=str(name), year=int(table["year"].iat[row]), precision=str(precision),
        peak_tflops=peak, utilisation=utilisation, power_w=power, price_usd=price,
        flops_per_watt=flops_per_watt(delivered, power) if math.isfinite(power) else math.nan,
        flops_per_dollar=(flops_per_dollar(delivered, price) if math.isfinite(price)
                          else math.nan))


def chip_metrics(chips: pd.DataFrame | None, name: str, precision: str,
                 utilisation: float = 1.0) -> ChipMetrics:
    """FLOP/s, FLOP/s per watt and FLOP/s per dollar of one chip at one precision.

    Peak figures are upper bounds: ``utilisation`` (in (0, 1]) is the fraction of the peak a
    workload reaches, and scales all three: FLOP/s = peak · utilisation, per watt
    (:func:`flops_per_watt`) and per dollar (:func:`flops_per_dollar`).

    Parameters
    ----------
    chips : pandas.DataFrame or None
        The accelerator table; None loads :func:`scalinglaws.datasets.load_accelerators`.
    name : str
        A value of the table's ``name`` column.
    precision : str
        One of "fp32", "tf32", "bf16", "fp16", "fp8", "fp4".
    utilisation : float
        Fraction of the peak reached, in (0, 1].

    Returns
    -------
    ChipMetrics

    References
    ----------
    ``hobbhahn2022gpu`` (FLOP/s per $), ``hobbhahn2023mlhardware`` (FLOP/s per W).

    Examples
    --------
    >>> m = chip_metrics(None, "NVIDIA H100 (SXM5 80GB)", "bf16")
    >>> m.peak_tflops, f"{m.flops_per_watt:.3g}", f"{m.flops_per_dollar:.3g}"
    (989.5, '1.41e+12', '3.96e+10')
    >>> chip_metrics(None, "NVIDIA A100 (SXM4 80GB)", "bf16").has_price
    False
    """
    table = _chips(chips)
    return _metrics(table, "name", name, precision, fraction_of_peak(utilisation))


@dataclass(frozen=True)
class ChipComparison:
    """Chip ``first`` against chip ``second``: ratios of FLOP/s, per watt, per dollar.

    ``ratio_per_dollar`` is NaN unless both chips have a price; ``implied_doubling_time`` is
    NaN when the chips are from the same year or the ratio is 1.
    """

    first: ChipMetrics
    second: ChipMetrics
    ratio: float
    ratio_per_watt: float
    ratio_per_dollar: float
    years_apart: int
    implied_doubling_time: float


def compare_chips(chips: pd.DataFrame | None, a: str, b: str, precision: str,
                  utilisation: float = 1.0, precision_b: str | None = None) -> ChipComparison:
    """Compare chip ``a`` with chip ``b``: the gain in FLOP/s, per watt and per dollar.

    The gain is turned into a doubling time with :func:`implied_doubling_time` over the
    years between their launches, to compare with Moore's two years (moore1975progress) and
    with GPU price-performance doubling every ~2.46 years (hobbhahn2022gpu).

    Parameters
    ----------
    chips : pandas.DataFrame or None
        The accelerator table; None loads it.
    a, b : str
        Names of the chips (``a`` is usually the newer).
    precision : str
        One of "fp32", "tf32", "bf16", "fp16", "fp8", "fp4".
    utilisation : float
        Fraction of the peak reached, in (0, 1], for both chips.
    precision_b : str, optional
        Precision of ``b`` if different (a mixed-format comparison).

    Returns
    -------
    ChipComparison

    Examples
    --------
    >>> a100, v100 = "NVIDIA A100 (SXM4 80GB)", "NVIDIA V100 (SXM2 16GB)"
    >>> c = compare_chips(None, a100, v100, "fp16")
    >>> round(c.ratio, 3), round(c.ratio_per_watt, 3), c.years_apart
    (2.496, 1.872, 3)
    >>> round(c.implied_doubling_time, 2)
    2.27
    >>> b200, h100 = "NVIDIA B200 (HGX B200 SXM6 180GB)", "NVIDIA H100 (SXM5 80GB)"
    >>> c = compare_chips(None, b200, h100, "bf16")
    >>> round(c.ratio, 3), round(c.ratio_per_dollar, 3)
    (2.274, 1.895)
    """
    table = _chips(chips)
    level = fraction_of_peak(utilisation)
    first = _metrics(table, "a", a, precision, level)
    second = _metrics(table, "b", b, precision if precision_b is None else precision_b, level,
                      precision_arg="precision" if precision_b is None else "precision_b")
    ratio = first.peak_tflops / second.peak_tflops
    years = first.year - second.year
    # Newer over older either way round; a newer chip that is slower has no doubling time.
    doubling = formulas.newer_over_older_doubling_time(ratio, years)
    return ChipComparison(
        first=first, second=second, ratio=ratio,
        ratio_per_watt=first.flops_per_watt / second.flops_per_watt,
        ratio_per_dollar=first.flops_per_dollar / second.flops_per_dollar,
        years_apart=years, implied_doubling_time=doubling)
