"""Compute growth: the frontier trend of the course's table beside published estimates.

Physical training compute grows because chips get cheaper per FLOP and because spending
rises; algorithmic progress lowers the compute needed for a given result. Effective compute
multiplies the two; hardware price-performance is already inside the physical trend and
must not be multiplied in again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scalinglaws import outlook_formulas as f
from scalinglaws._validate import number_in_range
from scalinglaws.datalimits import CORPUS_SIZE_ROWS
from scalinglaws.datasets import load_training_runs
from scalinglaws.trends import ExponentialTrend, fit_exponential_trend
from scalinglaws.units import FLOPS_PER_PARAM_TOKEN

__all__ = ["ALGORITHMIC_HALVING", "COMPUTE_GROWTH_ESTIMATES", "FrontierGrowth",
           "algorithmic_growth", "effective_growth", "frontier_compute_growth",
           "training_compute", "years_for_factor"]

#: Epoch AI's data insight "The training compute of notable AI models has been doubling roughly
#: every six months" (published 19 June 2024; later revised in place).
EPOCH_INSIGHT = "https://epoch.ai/data-insights/compute-trend-post-2010"

#: Published growth of training compute, ×/year, with the date of each version. Epoch's
#: data insight at the same URL first said 4.7× (90 % CI 4.3–5.2, published 19 June 2024)
#: and was later revised to 4.6× ("doubling roughly every five months").
COMPUTE_GROWTH_ESTIMATES = (
    {"estimate": "Sevilla et al., deep-learning era (doubling ≈ 6 months)", "growth": 4.0,
     "date": "Feb 2022", "source": "sevilla2022compute"},
    {"estimate": "Sevilla & Roldán, frontier models since 2018", "growth": 4.0,
     "date": "2024 (data to May 2024)", "source": "sevilla2024frontiercompute"},
    {"estimate": "Sevilla & Roldán, notable models overall ('4-5x')", "growth": 4.5,
     "date": "2024 (data to May 2024)", "source": "sevilla2024frontiercompute"},
    {"estimate": "Epoch data insight, notable models (first version)", "growth": 4.7,
     "date": "19 Jun 2024", "source": EPOCH_INSIGHT},
    {"estimate": "Epoch data insight, same page (revised)", "growth": 4.6,
     "date": "later revision", "source": EPOCH_INSIGHT},
)

#: Ho et al. (2024): compute to reach a fixed language-model performance halves about every
#: 8 months; the interval differs between versions (arXiv v1: 95 % CI about 5–14 months;
#: NeurIPS 2024: 90 % CI about 2–22 months).
ALGORITHMIC_HALVING = {"months": 8.0, "v1_95": (5.0, 14.0), "neurips_90": (2.0, 22.0),
                       "source": "ho2024algorithmic"}


def training_compute(runs: pd.DataFrame | None = None) -> pd.Series:
    """Training FLOPs of each run: the stated figure where the source gives one, else 6ND.

    >>> c = training_compute().set_axis(load_training_runs()["name"])
    >>> f"{c['Llama 3.1 405B']:.2g}", f"{c['Chinchilla 70B']:.3g}"
    ('3.8e+25', '5.88e+23')
    """
    table = load_training_runs() if runs is None else runs
    estimate = FLOPS_PER_PARAM_TOKEN * table["params"] * table["tokens"]
    return pd.Series(np.where(table["train_flops"].notna(), table["train_flops"], estimate),
                     index=table.index)


@dataclass(frozen=True)
class FrontierGrowth:
    """The exponential fit to the largest run of each year, and the runs it used."""

    trend: ExponentialTrend
    growth_per_year: float
    growth_ci: tuple[float, float]
    doubling_months: float
    runs: pd.DataFrame


def frontier_compute_growth(runs: pd.DataFrame | None = None, first_year: int = 2020,
                            last_year: int = 2024, exclude=CORPUS_SIZE_ROWS,
                            confidence: float = 0.95) -> FrontierGrowth:
    """Fit compute = c·g^year to the largest run of each year of the course's table.

    The table is a course sample, not a census: its 2025 rows are mid-sized open models,
    so the default window ends in 2024. Rows in ``exclude`` (corpus sizes, not tokens read)
    are left out. The interval is the t-interval on the slope of ln C against the year.

    >>> g = frontier_compute_growth()
    >>> len(g.runs), round(g.growth_per_year, 2)
    (5, 3.19)
    """
    table = load_training_runs() if runs is None else runs
    first = number_in_range("first_year", first_year, 2000, 2100)
    last = number_in_range("last_year", last_year, first + 2, 2100)
    kept = table[~table["name"].isin(tuple(exclude))].copy()
    kept["compute_flops"] = training_compute(kept)
    kept = kept[(kept["year"] >= first) & (kept["year"] <= last)]
    largest = kept.loc[kept.groupby("year")["compute_flops"].idxmax()]
    largest = largest[["name", "year", "compute_flops"]].reset_index(drop=True)
    trend = fit_exponential_trend(largest["year"].to_numpy(float),
                                  largest["compute_flops"].to_numpy(float), confidence)
    low, high = trend.rate_ci
    return FrontierGrowth(trend=trend, growth_per_year=trend.growth_per_year,
                          growth_ci=(float(np.exp(low)), float(np.exp(high))),
                          doubling_months=float(f.doubling_months(trend.growth_per_year)),
                          runs=largest)


def effective_growth(physical_per_year: float, algorithmic_halving_months: float) -> float:
    """Effective compute growth a year: physical growth × 2^(12/h) from algorithms.

    >>> round(effective_growth(4.6, 8), 1)
    13.0
    """
    g = number_in_range("physical_per_year", physical_per_year, 1, 1000, low_inclusive=False)
    h = number_in_range("algorithmic_halving_months", algorithmic_halving_months, 0.1, 1000)
    return g * algorithmic_growth(h)


def algorithmic_growth(halving_months: float) -> float:
    """Yearly factor of effective compute from algorithms that halve the compute needed every
    ``halving_months``: 2^(12/h).

    >>> round(algorithmic_growth(8), 2)
    2.83
    """
    h = number_in_range("halving_months", halving_months, 0.1, 1000)
    return float(f.growth_from_halving_months(h))


def years_for_factor(factor: float, growth_per_year: float) -> float:
    """Years for a quantity growing ×g a year to grow ``factor``-fold: ln(factor) / ln g.

    >>> round(years_for_factor(1e6, 4.6), 1)
    9.1
    """
    k = number_in_range("factor", factor, 1, 1e30)
    g = number_in_range("growth_per_year", growth_per_year, 1, 1000, low_inclusive=False)
    return float(f.years_for_factor(k, g))
