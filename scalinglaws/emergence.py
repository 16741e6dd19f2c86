"""Emergent abilities and the metric mirage: per-token accuracy against scale, metrics built on
it, the apparent emergence scale, and whether a benchmark curve can tell a smooth rise from a jump.

Schaeffer, Miranda & Koyejo (2023), §2, model the per-token cross-entropy of a task as a power
law in scale, L_CE = (x/c)^α with α < 0, so one token is right with probability
p = exp(−(x/c)^α). A metric that needs all L tokens right scores p^L; one that counts wrong
tokens (token edit distance) scores L(1 − p). The closed forms live in
:mod:`scalinglaws.emergence_formulas` (translated for the website); this module checks the
inputs, names the defaults, and loads two tables compiled for chapter 5:

* ``emergent_abilities.csv``: rows of Wei et al. (2022), Table 1 (the scale at which each
  ability emerged, in training FLOPs and parameters);
* ``benchmark_scores.csv``: published MMLU and GPQA scores, one source per row.

The defaults of the per-token law (``c = 10²¹`` FLOPs, ``α = −0.3``) are the course's
illustration: Schaeffer et al. give no values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from scalinglaws import emergence_formulas as formulas
from scalinglaws._validate import integer_in_range, number_in_range, numbers, positive
from scalinglaws.datasets import SOURCE, Column, load_table

__all__ = [
    "BENCHMARK_COMPUTE_RANGE",
    "DEFAULT_EXPONENT",
    "DEFAULT_SCALE_CONSTANT",
    "EXPONENT_RANGE",
    "MAX_SIZES",
    "METRICS",
    "MIRAGE_COMPUTE_RANGE",
    "MULTIPLE_CHOICE_OPTIONS",
    "BenchmarkReading",
    "Mirage",
    "benchmark_reading",
    "brier_score",
    "emergence_scale",
    "exact_match_accuracy",
    "exact_match_table",
    "load_benchmark_scores",
    "load_emergent_abilities",
    "mirage",
    "metrics_table",
    "misread_probability",
    "multiple_choice_accuracy",
    "normalized_score",
    "required_token_accuracy",
    "rise_decades",
    "score_standard_error",
    "sizes_needed",
    "token_accuracy",
    "token_edit_distance",
]

#: The course's illustrative per-token law: c (FLOPs of training compute) and α.
DEFAULT_SCALE_CONSTANT = 1e21
DEFAULT_EXPONENT = -0.3
#: The exponents the package accepts (α < 0: the loss falls with scale).
EXPONENT_RANGE = (-2.0, -0.01)
#: The mirage explorer's compute axis, FLOPs (one model size per decade is marked on it).
MIRAGE_COMPUTE_RANGE = (1e16, 1e28)
#: The benchmark reader's model sizes are spread evenly in log compute over this range.
BENCHMARK_COMPUTE_RANGE = (1e20, 1e24)
#: Options of an MMLU or GPQA question: chance is 1/4.
MULTIPLE_CHOICE_OPTIONS = formulas.MULTIPLE_CHOICE_OPTIONS
#: The metrics, by key: what they are called on the page and in the figures.
METRICS = {
    "exact_match": "exact match",
    "multiple_choice": "multiple choice (4 options)",
    "edit_distance": "token edit distance",
    "brier": "Brier score",
}
#: Largest number of model sizes the benchmark reader considers.
MAX_SIZES = 50


# --- Checks --------------------------------------------------------------------------------


def _accuracy(value, name: str = "token_accuracy"):
    """A per-token accuracy (a number or an array) in [0, 1]."""
    return numbers(name, value, 0, 1)


def _chance_and_ceiling(chance, ceiling, low=0, high=1):
    """A benchmark's chance and ceiling scores, each in [low, high], the ceiling above chance."""
    chance = number_in_range("chance", chance, low, high, high_inclusive=False)
    ceiling = number_in_range("ceiling", ceiling, low, high)
    if ceiling <= chance:
        raise ValueError(f"ceiling must be greater than chance ({chance:g}); got {ceiling:g}")
    return chance, ceiling


def _out(value):
    """A float for a scalar result, the array otherwise."""
    return float(value) if np.ndim(value) == 0 else value


def _length(value) -> int:
    return integer_in_range("length", value, 1, 10_000)


def _metric(value) -> str:
    if value not in METRICS:
        raise ValueError(f"metric must be one of {sorted(METRICS)}; got {value!r}")
    return value


def _exponent(value) -> float:
    return number_in_range("exponent", value, *EXPONENT_RANGE)


def _threshold(value) -> float:
    return number_in_range("threshold", value, 0, 1, low_inclusive=False,
                           high_inclusive=False)


def _scale_constant(value) -> float:
    return number_in_range("scale_constant", value, 1.0, 1e40)


# --- Per-token accuracy and the metrics built on it -------------------------------------------


def token_accuracy(scale, scale_constant: float = DEFAULT_SCALE_CONSTANT,
                   exponent: float = DEFAULT_EXPONENT):
    """Probability that one token is right at ``scale``: p = exp(−(x/c)^α).

    Schaeffer et al. (2023), §2 (the per-token cross-entropy (x/c)^α, α < 0, and
    p = exp(−L_CE)). ``scale`` is training compute in FLOPs with the defaults, which are the
    course's illustration (the paper gives no values).

    >>> round(token_accuracy(1e21), 4), round(token_accuracy(1e24), 3)
    (0.3679, 0.882)
    """
    values = positive("scale", scale)
    return _out(formulas.token_accuracy(values, _scale_constant(scale_constant),
                                        _exponent(exponent)))


def exact_match_accuracy(token_accuracy, length):
    """Probability that all ``length`` tokens are right, tokens independent: P = p^L.

    Schaeffer et al. (2023), §2: "Accuracy(N) ≈ p_N(single token correct)^num. of tokens";
    Appendix A, eq. 17, (1 − ε)^L. They note the independence assumption "is not true" but
    gives "results qualitatively matching the observed emergence claims" (footnote 1).

    Parameters
    ----------
    token_accuracy : float or array
        Per-token accuracy p, in [0, 1].
    length : int
        Tokens in the answer, L ≥ 1.

    >>> round(exact_match_accuracy(0.9, 5), 5)
    0.59049
    >>> exact_match_accuracy(1.2, 5)
    Traceback (most recent call last):
    ...
    ValueError: token_accuracy must be between 0 and 1 (inclusive); got 1.2
    """
    return _out(formulas.exact_match(_accuracy(token_accuracy), _length(length)))


def multiple_choice_accuracy(token_accuracy, length, options: int = MULTIPLE_CHOICE_OPTIONS):
    """Expected multiple-choice grade if the model knows (q = p^L) or else guesses: q + (1 − q)/k.

    The course's "know or guess" model: q + (1 − q)/k, q = p^L. Chance 1/k is its floor.

    >>> round(multiple_choice_accuracy(0.9, 5), 4)
    0.6929
    """
    options = integer_in_range("options", options, 2, 100)
    return _out(formulas.multiple_choice(_accuracy(token_accuracy), _length(length), options))


def token_edit_distance(token_accuracy, length):
    """Expected token edit distance TED = L(1 − p), in tokens (Schaeffer et al. 2023, §2).

    >>> round(token_edit_distance(0.9, 5), 4)
    0.5
    """
    return _out(formulas.edit_distance(_accuracy(token_accuracy), _length(length)))


def brier_score(token_accuracy):
    """Brier score of the per-token predictions, B = (1 − p)² (binary form; lower is better).

    >>> round(brier_score(0.9), 4)
    0.01
    """
    return _out(formulas.brier(_accuracy(token_accuracy)))


def exact_match_table(accuracies=(0.5, 0.8, 0.9, 0.95, 0.99), lengths=(1, 2, 5, 10, 20)
                      ) -> pd.DataFrame:
    """Exact match p^L for per-token accuracies (rows) and answer lengths (columns).

    >>> float(exact_match_table([0.9], [5]).iloc[0, 0])
    0.59049
    """
    rows = {f"{p:g}": {f"L = {n}": exact_match_accuracy(p, n) for n in lengths}
            for p in accuracies}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "per-token accuracy"
    return table


def metrics_table(compute=(1e20, 1e21, 1e22, 1e23, 1e24, 1e25), length: int = 5,
                  scale_constant: float = DEFAULT_SCALE_CONSTANT,
                  exponent: float = DEFAULT_EXPONENT) -> pd.DataFrame:
    """Per-token accuracy and every metric in its own units at several training computes.

    >>> round(float(metrics_table([1e21]).iloc[0]["exact match"]), 4)
    0.0067
    """
    p = token_accuracy(np.asarray(compute, dtype=float), scale_constant, exponent)
    length = _length(length)
    table = pd.DataFrame({
        "per-token accuracy": p,
        "exact match": formulas.exact_match(p, length),
        "multiple choice": formulas.multiple_choice(p, length, MULTIPLE_CHOICE_OPTIONS),
        "token edit distance": formulas.edit_distance(p, length),
        "Brier score": formulas.brier(p),
    }, index=pd.Index([f"{c:.0e}" for c in compute], name="training FLOPs"))
    return table


def required_token_accuracy(threshold: float, length: int, metric: str = "exact_match"
                            ) -> float:
    """Per-token accuracy at which ``metric`` gets ``threshold`` of the way up.

    >>> round(required_token_accuracy(0.5, 10), 3)
    0.933
    """
    return float(formulas.accuracy_for_progress(_threshold(threshold), _length(length),
                                                _metric(metric)))


# --- The apparent emergence scale --------------------------------------------------------------


def emergence_scale(threshold: float = 0.5, length: int = 5, metric: str = "exact_match",
                    scale_constant: float = DEFAULT_SCALE_CONSTANT,
                    exponent: float = DEFAULT_EXPONENT) -> float:
    """The scale at which ``metric`` first gets ``threshold`` of the way from floor to ceiling.

    Progress is p^L for exact match (and for the multiple-choice grade above chance), p for
    token edit distance (1 − TED/L), 1 − (1 − p)² for the Brier score; the per-token law
    then gives the scale in closed form, x = c·(−ln p_t)^(1/α).

    >>> f"{emergence_scale(0.5, 5):.3g}", f"{emergence_scale(0.5, 1):.3g}"
    ('7.25e+23', '3.39e+21')
    """
    return float(formulas.emergence_scale(_threshold(threshold), _length(length),
                                          _metric(metric), _scale_constant(scale_constant),
                                          _exponent(exponent)))


def rise_decades(length: int = 5, metric: str = "exact_match",
                 exponent: float = DEFAULT_EXPONENT) -> float:
    """Decades of scale for the metric's progress to go from 10 % to 90 % of the way.

    >>> round(rise_decades(1), 3) == round(rise_decades(20), 3)
    True
    """
    return float(formulas.rise_decades(_length(length), _metric(metric), _exponent(exponent)))


@dataclass(frozen=True)
class Mirage:
    """The mirage explorer's result: every metric's progress on a log compute axis."""

    length: int
    metric: str
    exponent: float
    threshold: float
    scale_constant: float
    compute: np.ndarray = field(repr=False)
    token_accuracy: np.ndarray = field(repr=False)
    scores: dict = field(repr=False)
    sizes: np.ndarray = field(repr=False)
    size_scores: np.ndarray = field(repr=False)
    emergence_compute: float
    emergence_score: float
    accuracy_at_emergence: float
    value_decade_before: float
    accuracy_decade_before: float
    rise_decades: float
    delay_decades: float

    @property
    def metric_name(self) -> str:
        return METRICS[self.metric]


def mirage(length: int = 5, metric: str = "exact_match", exponent: float = DEFAULT_EXPONENT,
           threshold: float = 0.5, scale_constant: float = DEFAULT_SCALE_CONSTANT) -> Mirage:
    """Every metric's score against compute under one per-token law, and where the chosen
    metric appears to emerge (gets ``threshold`` of the way from its floor to 1).

    ``scores`` holds each metric as a score from 0 to 1, higher is better: exact match, the
    multiple-choice grade (floor 1/4), 1 − TED/L and 1 − Brier.

    ``delay_decades`` is how much later (in decades of compute) the metric reaches the
    threshold than per-token accuracy does; ``value_decade_before`` is the metric, in its own
    units, one decade of compute before its apparent emergence.

    >>> m = mirage()
    >>> f"{m.emergence_compute:.3g}", round(m.accuracy_at_emergence, 3)
    ('7.25e+23', 0.871)
    """
    length, metric = _length(length), _metric(metric)
    exponent, threshold = _exponent(exponent), _threshold(threshold)
    scale_constant = _scale_constant(scale_constant)
    low, high = (np.log10(bound) for bound in MIRAGE_COMPUTE_RANGE)
    compute = np.logspace(low, high, 73)
    p = formulas.token_accuracy(compute, scale_constant, exponent)
    k = MULTIPLE_CHOICE_OPTIONS
    scores = {key: formulas.score(p, length, key, k) for key in METRICS}
    sizes = np.logspace(low, high, round(high - low) + 1)
    size_scores = formulas.score(formulas.token_accuracy(sizes, scale_constant, exponent),
                                 length, metric, k)
    floor = formulas.floor(metric, k)
    at = formulas.emergence_scale(threshold, length, metric, scale_constant, exponent)
    per_token = formulas.emergence_scale(threshold, length, "edit_distance", scale_constant,
                                         exponent)
    before = formulas.token_accuracy(at / 10, scale_constant, exponent)
    return Mirage(
        length=length, metric=metric, exponent=exponent, threshold=threshold,
        scale_constant=scale_constant, compute=compute, token_accuracy=p, scores=scores,
        sizes=sizes, size_scores=size_scores, emergence_compute=float(at),
        emergence_score=floor + (1.0 - floor) * threshold,
        accuracy_at_emergence=float(formulas.accuracy_for_progress(threshold, length, metric)),
        value_decade_before=float(formulas.metric_value(before, length, metric,
                                                        MULTIPLE_CHOICE_OPTIONS)),
        accuracy_decade_before=float(before),
        rise_decades=float(formulas.rise_decades(length, metric, exponent)),
        delay_decades=float(np.log10(at / per_token)))


# --- Reading a benchmark curve -----------------------------------------------------------------


def _benchmark_inputs(chance, ceiling, noise, n_sizes):
    chance, ceiling = _chance_and_ceiling(chance, ceiling)
    noise = number_in_range("noise", noise, 0, 0.5, low_inclusive=False)
    n_sizes = integer_in_range("n_sizes", n_sizes, 2, MAX_SIZES)
    return chance, ceiling, noise, n_sizes


def misread_probability(chance: float, ceiling: float, noise: float, n_sizes: int) -> float:
    """Probability of calling a smooth rise a jump, or a jump a smooth rise: P = Φ(−d/2σ).

    ``n_sizes`` models, evenly spread in log scale, score either along a straight rise from
    ``chance`` to ``ceiling`` or at chance until a jump to the ceiling; each score carries
    Gaussian noise of standard deviation ``noise``. A reader who knows both shapes and where
    the jump would be picks the nearer one; that is wrong with probability Φ(−d/2σ), d the
    distance between the shapes. The jump falls anywhere in the range with equal chance (the
    result averages over the gaps between sizes). Not knowing where the jump is can only
    make it worse, so this is a lower bound on a real reader's error.

    >>> round(misread_probability(0.25, 0.39, 0.022, 4), 4)
    0.0282
    >>> misread_probability(0.25, 0.9, 0.05, 2)
    0.5
    """
    chance, ceiling, noise, n_sizes = _benchmark_inputs(chance, ceiling, noise, n_sizes)
    return float(formulas.misread_probability(chance, ceiling, noise, n_sizes))


def sizes_needed(chance: float, ceiling: float, noise: float, error: float = 0.05) -> int:
    """Fewest model sizes whose misread probability is at most ``error`` (``MAX_SIZES + 1``
    when even ``MAX_SIZES`` are not enough).

    >>> sizes_needed(0.25, 0.39, 0.022)
    4
    """
    chance, ceiling, noise, _ = _benchmark_inputs(chance, ceiling, noise, 2)
    error = number_in_range("error", error, 0, 0.5, low_inclusive=False, high_inclusive=False)
    return int(formulas.sizes_needed(chance, ceiling, noise, error, MAX_SIZES))


def score_standard_error(score, questions: int):
    """Sampling noise of a score on ``questions`` independent questions: σ = √(s(1 − s)/n).

    >>> round(score_standard_error(0.39, 448), 4)
    0.023
    """
    questions = integer_in_range("questions", questions, 1, 10**9)
    return _out(formulas.score_standard_error(_accuracy(score, "score"), questions))


@dataclass(frozen=True)
class BenchmarkReading:
    """The benchmark reader's result: the two shapes at the model sizes, and the error."""

    chance: float
    ceiling: float
    noise: float
    n_sizes: int
    compute: np.ndarray = field(repr=False)
    smooth: np.ndarray = field(repr=False)
    jump_gap: int
    misread: float
    worst_misread: float
    sizes_for_5_percent: int

    @property
    def rise(self) -> float:
        """Ceiling minus chance."""
        return self.ceiling - self.chance


def benchmark_reading(chance: float = 0.25, ceiling: float = 0.39, noise: float = 0.023,
                      n_sizes: int = 4) -> BenchmarkReading:
    """Whether a smooth rise can be told from a jump at ``n_sizes`` model sizes.

    Defaults: GPQA's chance (4 options) and its best GPT-4 baseline, 39 % (Rein et al. 2023,
    abstract), with the sampling noise of 448 questions at that score (0.023), and four sizes
    (as in Schaeffer et al.'s GPT-3 family).

    >>> r = benchmark_reading()
    >>> round(r.misread, 4), round(r.worst_misread, 4), r.sizes_for_5_percent
    (0.033, 0.0757, 4)
    """
    chance, ceiling, noise, n_sizes = _benchmark_inputs(chance, ceiling, noise, n_sizes)
    low, high = (np.log10(bound) for bound in BENCHMARK_COMPUTE_RANGE)
    compute = np.logspace(low, high, n_sizes)
    positions = np.arange(n_sizes) / (n_sizes - 1.0)
    return BenchmarkReading(
        chance=chance, ceiling=ceiling, noise=noise, n_sizes=n_sizes, compute=compute,
        smooth=formulas.ramp_score(positions, chance, ceiling), jump_gap=(n_sizes - 2) // 2,
        misread=float(formulas.misread_probability(chance, ceiling, noise, n_sizes)),
        worst_misread=float(formulas.worst_misread_probability(chance, ceiling, noise,
                                                               n_sizes)),
        sizes_for_5_percent=int(formulas.sizes_needed(chance, ceiling, noise, 0.05,
                                                      MAX_SIZES)))


def normalized_score(score, chance, ceiling):
    """Where a score sits between chance (0) and a ceiling (1): (s − chance)/(ceiling − chance).

    >>> round(normalized_score(86.4, 25, 89.8), 3)
    0.948
    """
    chance, ceiling = _chance_and_ceiling(chance, ceiling, None, None)
    return _out((numbers("score", score) - chance) / (ceiling - chance))


# --- Tables ------------------------------------------------------------------------------------

EMERGENT_ABILITY_COLUMNS = [
    Column("ability", "text"),
    Column("kind", "text"),
    Column("train_flops", "float", low=1e15, high=1e30),
    Column("params", "float", low=1e6, high=1e14),
    Column("model", "text"),
    Column("reference", "text"),
    SOURCE,
]

BENCHMARK_SCORE_COLUMNS = [
    Column("benchmark", "text"),
    Column("entry", "text"),
    Column("kind", "text"),
    Column("reported", "text"),
    Column("score_percent", "float", low=0, high=100),
    Column("chance_percent", "float", low=0, high=100),
    Column("setting", "text", required=False),
    SOURCE,
]


def load_emergent_abilities(folder: Path | str | None = None) -> pd.DataFrame:
    """Rows of Wei et al. (2022), Table 1: the scale at which each ability emerged.

    Columns: ability, kind ("few-shot prompting" or "augmented prompting"), train_flops,
    params, model, reference (the work Wei et al. cite for it), source.

    >>> table = load_emergent_abilities().set_index("ability")
    >>> float(table.loc["Addition/subtraction (3 digit)", "train_flops"])
    2.3e+22
    """
    return load_table("emergent_abilities.csv", EMERGENT_ABILITY_COLUMNS, folder)


def load_benchmark_scores(folder: Path | str | None = None) -> pd.DataFrame:
    """Published MMLU and GPQA scores (models and human baselines), one source per row.

    ``reported`` is the year and month of the cited source (its arXiv number), not of the
    model's release.

    >>> scores = load_benchmark_scores()
    >>> float(scores.set_index("entry").loc["GPT-4", "score_percent"])
    86.4
    """
    table = load_table("benchmark_scores.csv", BENCHMARK_SCORE_COLUMNS, folder)
    kinds = set(table["kind"])
    if not kinds <= {"model", "human"}:
        raise ValueError(f"benchmark_scores.csv, column 'kind': expected 'model' or 'human'; "
                         f"got {sorted(kinds - {'model', 'human'})}")
    return table
