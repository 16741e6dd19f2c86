"""Chapter 4's calculators: repetition, data quality and the data runway.

Thin views over :mod:`scalinglaws.datalimits`; the figures are drawn by
:mod:`scalinglaws.figures.datalimits`. Every number shown comes from a package function.
"""

from __future__ import annotations

import functools

from scalinglaws import chinchilla as ch
from scalinglaws import datalimits as dl
from scalinglaws._validate import number_in_range
from scalinglaws.figures import datalimits as figures
from scalinglaws.plotting import count_in_words
from scalinglaws.widgets.base import Action, Calculator, Choice, Number, Slider

__all__ = ["DEFAULT_REPETITION", "DEFAULT_RUNWAY", "quality_calculator",
           "repetition_calculator", "runway_calculator"]

#: The repetition calculator's defaults: Muennighoff et al.'s (2023, §6) 8.7B-parameter model
#: trained for four epochs over 44.5B unique tokens (178B tokens seen, their "D_C = 44
#: billion"), and that run's 6ND budget for the best split.
DEFAULT_REPETITION = {"unique_tokens": 178e9 / 4, "epochs": 4.0, "params": 8.7e9,
                      "compute_flops": ch.training_flops(8.7e9, 178e9)}

#: The runway calculator's defaults: Villalobos et al.'s (2024) stock and its 90 % interval,
#: the largest training set of the course's table (Llama 3.1 405B, 15.6T tokens, 2024).
DEFAULT_RUNWAY = {"stock_tokens": dl.VILLALOBOS_2024_STOCK["tokens"],
                  "stock_low": dl.VILLALOBOS_2024_STOCK["low"],
                  "stock_high": dl.VILLALOBOS_2024_STOCK["high"],
                  "largest_tokens": 15.6e12, "start_year": 2024}

DATA_LAW_OPTIONS = [(dl.MUENNIGHOFF_2023.name, "muennighoff2023"),
                    (dl.MUENNIGHOFF_2023_EQ17.name, "muennighoff2023_eq17")]

QUALITY_LAW_OPTIONS = [(ch.BESIROGLU_2024.name, "besiroglu2024"),
                       (ch.HOFFMANN_2022.name, "hoffmann2022"),
                       (dl.MUENNIGHOFF_2023_C4.name, "muennighoff2023_c4")]


def _billions(value: float) -> str:
    """'44.5 billion' below a trillion, else in words ('10.4 trillion')."""
    return f"{value / 1e9:,.3g} billion" if value < 999.5e9 else count_in_words(value)


def _tokens(value: float) -> str:
    """'15.63 trillion' from a trillion to a thousand trillion, else as _billions or '10¹⁵'."""
    if 1e12 <= value < 999.95e12:
        return f"{value / 1e12:,.4g} trillion"
    return _billions(value)


# --- 1. Repetition ----------------------------------------------------------------------------


def _repeat(unique_tokens, epochs, params, law, compute_flops):
    low, high = dl.RANGES["data_constrained_optimum"]["compute_flops"]
    number_in_range("compute_flops", compute_flops, low, high)
    return dl.repetition(unique_tokens, epochs, params, law)


def _describe_repetition(r: dl.Repetition) -> list[tuple[str, str]]:
    return [
        ("Tokens seen", f"{_tokens(r.tokens_seen)} ({r.epochs:g} epochs)"),
        ("Effective tokens D′ (eq. 5)", f"{_tokens(r.effective_tokens)} = "
         f"{r.effective_tokens / r.unique_tokens:.3f} × the unique data"),
        ("Value of a token seen", f"{r.value_per_token_seen:.3f} of a fresh token"),
        ("Value of the last epoch", f"{r.value_of_last_epoch:.3f} of a fresh one"),
        ("Predicted loss, repeated data", f"{r.loss_repeated:.4f}"),
        ("Predicted loss, all fresh", f"{r.loss_fresh:.4f}"),
        ("Penalty for repeating", f"{r.loss_penalty:+.4f} ({100 * r.relative_penalty:+.2f} %)"),
    ]


def _draw_repetition(r: dl.Repetition, fig, ax) -> str:
    return figures.draw_effective_data(ax, r.law, epochs=r.epochs)


def _split(unique_tokens, epochs, params, law, compute_flops):
    return dl.data_constrained_optimum(compute_flops, unique_tokens, law)


def _describe_split(o: dl.DataConstrainedOptimum) -> list[tuple[str, str]]:
    chin = o.chinchilla
    return [
        ("Budget", f"{o.compute_flops:.3g} FLOPs, {_tokens(o.unique_tokens)} unique tokens"),
        ("Best with the cap", f"{_billions(o.params)} parameters, {_tokens(o.tokens)} tokens, "
                              f"{o.epochs:.3g} epochs"),
        ("Its predicted loss", f"{o.loss:.4f}"),
        ("Chinchilla's split (no cap)", f"{_billions(chin.params)} parameters, "
                                        f"{_tokens(chin.tokens)} tokens, "
                                        f"{o.chinchilla_epochs:.3g} epochs"),
        ("Its loss with the cap", f"{o.chinchilla_loss:.4f}"),
    ]


def _draw_split(o: dl.DataConstrainedOptimum, fig, ax) -> str:
    return figures.draw_budget_split(ax, o)


def repetition_calculator() -> Calculator:
    """Effective tokens and the loss penalty of repeated data; the best split of a budget.

    Over :func:`scalinglaws.datalimits.repetition` and, on its button,
    :func:`scalinglaws.datalimits.data_constrained_optimum`. The defaults are Muennighoff et
    al.'s four-epoch 8.7B run (:data:`DEFAULT_REPETITION`).

    >>> calc = repetition_calculator()
    >>> round(calc.result.effective_tokens / 1e9, 1), round(100 * calc.result.relative_penalty, 2)
    (165.8, 0.68)
    """
    d = DEFAULT_REPETITION
    controls = [
        Slider("unique_tokens", "Unique tokens U_D", d["unique_tokens"], 1e8, 1e14, step=0.05,
               scale="log", help="Tokens of distinct text available, from 1e8 to 1e14."),
        Slider("epochs", "Epochs", d["epochs"], 1, 100, step=0.5, readout_format=".1f",
               help="Passes over the unique data, at least 1."),
        Slider("params", "Parameters N", d["params"], 1e7, 1e12, step=0.05, scale="log"),
        Choice("law", "Law (constants)", DATA_LAW_OPTIONS),
        Slider("compute_flops", "Budget for the split (FLOPs)", d["compute_flops"], 1e18, 1e26,
               step=0.05, scale="log",
               help="Compute to split between model size and epochs (button below)."),
    ]
    action = Action("Find the best split of the budget", _split, _describe_split, _draw_split)
    return Calculator("Repeated data: what epochs are worth", controls, _repeat,
                      _describe_repetition, _draw_repetition, action=action, name="repetition")


# --- 2. Data quality --------------------------------------------------------------------------


def _describe_quality(s: dl.QualityShift) -> list[tuple[str, str]]:
    base, new = s.base, s.shifted
    return [
        ("Law", s.law.name),
        ("Optimum, the law's data", f"{_billions(base.params)} parameters, "
                                    f"{_tokens(base.tokens)} tokens, loss {base.loss:.4f}"),
        ("Optimum, cleaner data", f"{_billions(new.params)} parameters, "
                                  f"{_tokens(new.tokens)} tokens, loss {new.loss:.4f}"),
        ("Loss at this budget", f"{new.loss - base.loss:+.4f} nats/token"),
        ("Compute for the old loss", f"{s.compute_for_same_loss:.3g} FLOPs"),
        ("Compute saved", f"{s.compute_saving:.3g}× less"),
    ]


def _draw_quality(s: dl.QualityShift, fig, ax) -> str:
    return figures.draw_quality_frontier(ax, s)


def quality_calculator() -> Calculator:
    """Data quality as a multiplier on effective tokens, or a change of the data exponent.

    Over :func:`scalinglaws.datalimits.quality_shift`. Defaults: Gopher's budget, Besiroglu et
    al.'s law, tokens worth twice as much, the same exponent.

    >>> calc = quality_calculator()
    >>> round(calc.result.compute_saving, 3), round(calc.result.shifted.params / 1e9, 1)
    (2.0, 103.3)
    """
    controls = [
        Slider("compute_flops", "Compute budget (FLOPs)", ch.GOPHER_FLOPS, 1e18, 1e27,
               step=0.05, scale="log"),
        Choice("law", "Loss law", QUALITY_LAW_OPTIONS),
        Slider("quality", "Quality multiplier q", 2.0, 0.25, 100, step=0.05, scale="log",
               help="Each token of the cleaner data is worth q tokens of the law's data."),
        Slider("data_exponent_change", "Data exponent change", 0.0, -0.1, 0.1,
               step=0.005, readout_format="+.3f",
               help="Cleaner data may also change the slope; 0 keeps the law's β."),
    ]
    return Calculator("Data quality as a shift of the law", controls, dl.quality_shift,
                      _describe_quality, _draw_quality, name="data-quality")


# --- 3. Data runway ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _growth() -> dl.TrainingSetGrowth:
    return dl.training_set_growth()


def _describe_runway(r: dl.Runway) -> list[tuple[str, str]]:
    rows = [
        ("Stock (interval)", f"{_tokens(r.stock_tokens)} ({_tokens(r.stock_low)} to "
                             f"{_tokens(r.stock_high)}) tokens"),
        ("Largest training set reaches it", f"{r.year:.1f} (interval {r.year_low:.1f} "
                                            f"to {r.year_high:.1f})"),
    ]
    if r.multiplier != 1:
        rows += [
            ("Stock stretched by", f"×{r.repetition_factor:.3g} repetition "
                                   f"({r.epochs:g} epochs) × {r.synthetic_multiplier:.3g} "
                                   f"synthetic = ×{r.multiplier:.3g}"),
            ("Reached instead in", f"{r.year_stretched:.1f} (interval "
                                   f"{r.year_low_stretched:.1f} to "
                                   f"{r.year_high_stretched:.1f})"),
            ("Years gained", f"{r.years_gained:.2f}"),
        ]
    return rows


def _draw_runway(r: dl.Runway, fig, ax) -> str:
    return figures.draw_runway(ax, r, _growth())


def runway_calculator() -> Calculator:
    """When the largest training set reaches the stock of text, with and without more data.

    Over :func:`scalinglaws.datalimits.runway`. Defaults: Villalobos et al.'s 300T-token
    stock (90 % interval 100T to 1000T), Llama 3.1 405B's 15.6T tokens in 2024, and the
    growth fitted to the course's table.

    >>> calc = runway_calculator()
    >>> round(calc.result.year, 1), round(calc.result.year_low, 1), round(calc.result.year_high, 1)
    (2027.0, 2025.9, 2028.2)
    """
    d = DEFAULT_RUNWAY
    ranges = dl.RANGES["runway"]
    controls = [
        Slider("stock_tokens", "Stock of text (tokens)", d["stock_tokens"], 1e12, 1e17,
               step=0.05, scale="log", help="Usable tokens of text; Villalobos et al. 2024: 3e14."),
        Slider("stock_low", "Stock, low end", d["stock_low"], 1e12, 1e17, step=0.05,
               scale="log"),
        Slider("stock_high", "Stock, high end", d["stock_high"], 1e12, 1e17, step=0.05,
               scale="log"),
        Slider("largest_tokens", "Largest training set", d["largest_tokens"], 1e10, 1e16,
               step=0.05, scale="log",
               help="Tokens seen by the largest training run in the start year."),
        Number("start_year", "Start year", d["start_year"], integer=True,
               low=ranges["start_year"][0], high=ranges["start_year"][1]),
        Number("growth_per_year", "Growth per year (×)", round(_growth().growth_per_year, 2),
               help="Factor by which the largest training set grows each year.",
               low=ranges["growth_per_year"][0], high=ranges["growth_per_year"][1],
               low_inclusive=False),
        Slider("epochs", "Epochs over the stock", 1, 1, 100, step=0.5, readout_format=".1f",
               help="Repetition stretches the stock by eq. 5 of Muennighoff et al."),
        Slider("synthetic_multiplier", "Synthetic data (× stock)", 1, 1, 1000, step=0.05,
               scale="log", help="Synthetic or other data as a multiple of the stock."),
    ]
    return Calculator("Data runway: when does the text run out?", controls, dl.runway,
                      _describe_runway, _draw_runway, figure_size=(6.4, 4.0),
                      name="data-runway")
