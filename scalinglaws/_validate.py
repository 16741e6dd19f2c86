"""Input checks shared by every module.

Each check raises :class:`ValueError` with a message that names the argument, says what is
allowed, and shows what was given, so a widget can show the message as it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

__all__ = [
    "MAX_BOOTSTRAP",
    "MAX_SEED",
    "bootstrap_count",
    "confidence_level",
    "finite_array",
    "finite_number",
    "flag",
    "fraction_of_peak",
    "integer_in_range",
    "number_in_range",
    "numbers",
    "positive",
    "random_seed",
    "same_length",
    "table_columns",
]


def _show(value: object) -> str:
    """Short, readable form of a rejected value for an error message."""
    if isinstance(value, float):
        return f"{value:.6g}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def finite_number(name: str, value: object) -> float:
    """Return ``value`` as a float, or raise if it is not a finite real number.

    >>> finite_number("noise", 0.25)
    0.25
    >>> finite_number("noise", float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: noise must be a finite number; got nan
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a finite number; got {_show(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number; got {_show(number)}")
    return number


def number_in_range(
    name: str,
    value: object,
    low: float | None = None,
    high: float | None = None,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Return ``value`` as a float if it lies in the given range, else raise.

    >>> number_in_range("confidence", 0.95, 0, 1, low_inclusive=False, high_inclusive=False)
    0.95
    >>> number_in_range("noise", -1, 0, 2)
    Traceback (most recent call last):
    ...
    ValueError: noise must be between 0 and 2 (inclusive); got -1
    """
    number = finite_number(name, value)
    too_low = low is not None and (number < low if low_inclusive else number <= low)
    too_high = high is not None and (number > high if high_inclusive else number >= high)
    if too_low or too_high:
        allowed = _describe_range(low, high, low_inclusive, high_inclusive)
        raise ValueError(f"{name} must be {allowed}; got {_show(value)}")
    return number


def _describe_range(low, high, low_inclusive, high_inclusive) -> str:
    if low is not None and high is not None:
        if low_inclusive and high_inclusive:
            return f"between {low:g} and {high:g} (inclusive)"
        left = "[" if low_inclusive else "("
        right = "]" if high_inclusive else ")"
        return f"in the range {left}{low:g}, {high:g}{right}"
    if low is not None:
        return f"{'at least' if low_inclusive else 'greater than'} {low:g}"
    return f"{'at most' if high_inclusive else 'less than'} {high:g}"


def integer_in_range(name: str, value: object, low: int | None = None,
                     high: int | None = None) -> int:
    """Return ``value`` as an int if it is a whole number in ``[low, high]``, else raise.

    >>> integer_in_range("n_points", 20, 3, 10_000)
    20
    >>> integer_in_range("n_points", 2, 3, 10_000)
    Traceback (most recent call last):
    ...
    ValueError: n_points must be between 3 and 10000 (inclusive); got 2
    """
    number = finite_number(name, value)
    if number != int(number):
        raise ValueError(f"{name} must be a whole number; got {_show(value)}")
    number_in_range(name, int(number), low, high)
    return int(number)


def finite_array(name: str, values: Iterable[float] | np.ndarray, *, positive: bool = False,
                 min_size: int = 1) -> np.ndarray:
    """Return ``values`` as a 1-D float array, checking it is finite (and positive if asked).

    >>> finite_array("x", [1, 2, 3], positive=True)
    array([1., 2., 3.])
    >>> finite_array("x", [1, 0, 3], positive=True)
    Traceback (most recent call last):
    ...
    ValueError: x must be > 0 everywhere (a logarithm is taken); got 0 at index 1
    """
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a sequence of numbers; got {_show(values)}") from None
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional; got an array of shape {array.shape}")
    if array.size < min_size:
        raise ValueError(f"{name} must have at least {min_size} values; got {array.size}")
    bad = np.flatnonzero(~np.isfinite(array))
    if bad.size:
        raise ValueError(f"{name} must be finite; got {_show(array[bad[0]])} at index {bad[0]}")
    if positive:
        bad = np.flatnonzero(array <= 0)
        if bad.size:
            raise ValueError(f"{name} must be > 0 everywhere (a logarithm is taken); "
                             f"got {_show(array[bad[0]])} at index {bad[0]}")
    return array


def same_length(**arrays: np.ndarray) -> int:
    """Return the common length of the given arrays, or raise naming the ones that differ.

    >>> same_length(x=np.ones(3), y=np.ones(3))
    3
    >>> same_length(x=np.ones(3), y=np.ones(4))
    Traceback (most recent call last):
    ...
    ValueError: x and y must have the same length; got 3 and 4
    """
    names = list(arrays)
    lengths = [len(arrays[name]) for name in names]
    if len(set(lengths)) > 1:
        raise ValueError(f"{' and '.join(names)} must have the same length; "
                         f"got {' and '.join(str(n) for n in lengths)}")
    return lengths[0]


#: Most bootstrap resamples any function accepts.
MAX_BOOTSTRAP = 10_000
#: Largest seed of numpy's random generator that every function accepts.
MAX_SEED = 2**32 - 1


def confidence_level(value: object, name: str = "confidence") -> float:
    """Return the level of a two-sided interval, strictly between 0 and 1, else raise.

    >>> confidence_level(0.95)
    0.95
    >>> confidence_level(1.0)
    Traceback (most recent call last):
    ...
    ValueError: confidence must be in the range (0, 1); got 1
    """
    return number_in_range(name, value, 0, 1, low_inclusive=False, high_inclusive=False)


def random_seed(value: object, name: str = "seed") -> int:
    """Return the seed of a random generator, a whole number from 0 to 2³² − 1, else raise.

    >>> random_seed(7)
    7
    """
    return integer_in_range(name, value, 0, MAX_SEED)


def bootstrap_count(value: object, name: str = "n_bootstrap") -> int:
    """Return a number of bootstrap resamples, 0 (none) to 10,000, else raise.

    >>> bootstrap_count(-1)
    Traceback (most recent call last):
    ...
    ValueError: n_bootstrap must be between 0 and 10000 (inclusive); got -1
    """
    return integer_in_range(name, value, 0, MAX_BOOTSTRAP)


def fraction_of_peak(value: object, name: str = "utilisation") -> float:
    """Return the share of a peak rate reached, in (0, 1], else raise.

    >>> fraction_of_peak(0.4)
    0.4
    """
    return number_in_range(name, value, 0, 1, low_inclusive=False)


def flag(name: str, value: object) -> bool:
    """Return ``value`` as a bool if it is True or False, else raise naming ``name``.

    >>> flag("voltage_scales", "yes")
    Traceback (most recent call last):
    ...
    ValueError: voltage_scales must be True or False; got 'yes'
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise ValueError(f"{name} must be True or False; got {value!r}")


def numbers(name: str, value: object, low: float | None = None, high: float | None = None, *,
            low_inclusive: bool = True, high_inclusive: bool = True):
    """A number (returned as float) or an array (same shape, as floats), every value finite and
    in the given range; an error names the first value out of range and its index.

    >>> numbers("tflops", 312, 0, None, low_inclusive=False)
    312.0
    >>> numbers("tflops", [312, 0], 0, None, low_inclusive=False)
    Traceback (most recent call last):
    ...
    ValueError: tflops must be greater than 0 everywhere; got 0 at index 1
    """
    if np.ndim(value) == 0 and not isinstance(value, (list, tuple)):
        if isinstance(value, np.ndarray):
            value = value.item()
        return number_in_range(name, value, low, high, low_inclusive=low_inclusive,
                               high_inclusive=high_inclusive)
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or a sequence of numbers; "
                         f"got {_show(value)}") from None
    flat = finite_array(name, array.ravel(), min_size=0)
    too_low = np.zeros(flat.shape, bool) if low is None else (
        flat < low if low_inclusive else flat <= low)
    too_high = np.zeros(flat.shape, bool) if high is None else (
        flat > high if high_inclusive else flat >= high)
    bad = np.flatnonzero(too_low | too_high)
    if bad.size:
        allowed = _describe_range(low, high, low_inclusive, high_inclusive)
        raise ValueError(f"{name} must be {allowed} everywhere; got {_show(flat[bad[0]])} "
                         f"at index {bad[0]}")
    return flat.reshape(array.shape)


def table_columns(table: object, name: str, columns: Iterable[str]) -> None:
    """Raise unless ``table`` is a pandas DataFrame with every one of ``columns``."""
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame such as the loader returns; "
                         f"got {type(table).__name__}")
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ValueError(f"{name} must have the column(s) {missing}")


def positive(name: str, value: object):
    """:func:`numbers` greater than 0: a positive float, or an array of them (same shape).

    >>> positive("params", [1e9, 7e10]).tolist()
    [1000000000.0, 70000000000.0]
    """
    return numbers(name, value, 0, None, low_inclusive=False)
