"""Chapter 5's closed-form formulas, written once for Python and for the static website.

:mod:`scalinglaws.emergence` checks the inputs (naming the argument and its range) and calls
these functions; the web translator (``scalinglaws.web.translate``) turns this module into
JavaScript (``book/static/live/generated/emergence_formulas.js``), so the calculators on the
published page compute with the same expressions. To stay translatable the module keeps to
a small subset of Python: functions of numbers and strings, arithmetic, ``np.exp``,
``np.log``, ``np.log10``, ``np.sqrt``, loops over ``range``; no input checks, no array
methods. The element-wise numpy functions make the same code work on arrays (for figures).

Sources: Schaeffer, Miranda & Koyejo (2023), "Are Emergent Abilities of Large Language
Models a Mirage?", §2 (the per-token model and the metrics built on it; its equations there
are unnumbered); Abramowitz & Stegun (1964), §7.1, for ``erfc``.
"""

from __future__ import annotations

import numpy as np

#: Options of a multiple-choice question in MMLU and GPQA: chance is one in four.
MULTIPLE_CHOICE_OPTIONS = 4


# --- Per-token accuracy against scale (Schaeffer et al. 2023, §2) ------------------------


def token_loss(scale, scale_constant, exponent):
    """Per-token cross-entropy L_CE = (x/c)^α, α < 0, in nats.

    Schaeffer et al. (2023), §2: a power law in the number of parameters "for illustrative
    purposes"; here ``scale`` may be parameters or training compute.

    >>> round(float(token_loss(1e22, 1e21, -0.3)), 4)
    0.5012
    """
    return (scale / scale_constant) ** exponent


def token_accuracy(scale, scale_constant, exponent):
    """Probability that one token is right: p = exp(−L_CE) = exp(−(x/c)^α).

    Schaeffer et al. (2023), §2: with a one-hot target the cross-entropy is −log p̂(v*).

    >>> round(float(token_accuracy(1e21, 1e21, -0.3)), 4)
    0.3679
    """
    return np.exp(-token_loss(scale, scale_constant, exponent))


# --- Metrics built on per-token accuracy -----------------------------------------------------


def exact_match(token_accuracy, length):
    """All ``length`` tokens right, tokens independent: p^L (Schaeffer et al. 2023, §2).

    >>> round(float(exact_match(0.9, 5)), 5)
    0.59049
    """
    return token_accuracy**length


def multiple_choice(token_accuracy, length, options):
    """A "know or guess" model of a multiple-choice grade: q + (1 − q)/k with q = p^L.

    The model gets the answer (L tokens of reasoning or answer) right with probability
    q = p^L, and otherwise guesses among the k options: chance 1/k is the floor. The
    course's model, not Schaeffer et al.'s (who define the grade only per question).

    >>> round(float(multiple_choice(0.0, 5, 4)), 4)
    0.25
    """
    known = token_accuracy**length
    return known + (1.0 - known) / options


def edit_distance(token_accuracy, length):
    """Expected token edit distance L·(1 − p) (Schaeffer et al. 2023, §2), in tokens.

    The main text's form; their Appendix A.2, eq. 9, prints L(1 − ε) with ε the per-token
    *error* probability, which would be L·p: a misprint.

    >>> round(float(edit_distance(0.9, 5)), 4)
    0.5
    """
    return length * (1.0 - token_accuracy)


def brier(token_accuracy):
    """Brier score of the per-token predictions, binary form: (1 − p)².

    Schaeffer et al. (2023), §4: "for a binary outcome, the Brier Score simplifies to the
    mean squared error between the outcome and its predicted probability mass". Each token is
    an outcome (right or not) predicted with probability p; the mean over tokens is the
    same (1 − p)² for every token. Lower is better.

    >>> round(float(brier(0.9)), 4)
    0.01
    """
    return (1.0 - token_accuracy) ** 2


def metric_value(token_accuracy, length, metric, options):
    """The metric in its own units: accuracy, grade, tokens of edit distance or Brier score."""
    if metric == "exact_match":
        return exact_match(token_accuracy, length)
    if metric == "multiple_choice":
        return multiple_choice(token_accuracy, length, options)
    if metric == "edit_distance":
        return edit_distance(token_accuracy, length)
    return brier(token_accuracy)


def progress(token_accuracy, length, metric):
    """How far the metric has gone from its floor (0) to its ceiling (1), higher is better.

    Exact match p^L; the multiple-choice grade above chance, (grade − 1/k)/(1 − 1/k), which
    is also p^L in the know-or-guess model; edit distance 1 − TED/L = p; Brier 1 − (1 − p)².
    """
    if metric == "exact_match" or metric == "multiple_choice":
        return token_accuracy**length
    if metric == "edit_distance":
        return token_accuracy
    return 1.0 - (1.0 - token_accuracy) ** 2


def score(token_accuracy, length, metric, options):
    """The metric as a score from 0 to 1, higher is better: p^L, the multiple-choice grade,
    1 − TED/L = p, or 1 − Brier."""
    if metric == "multiple_choice":
        return multiple_choice(token_accuracy, length, options)
    return progress(token_accuracy, length, metric)


def floor(metric, options):
    """The lowest score of a metric: chance, 1/k, for the multiple-choice grade, else 0."""
    return 1.0 / options if metric == "multiple_choice" else 0.0


def accuracy_for_progress(threshold, length, metric):
    """The per-token accuracy at which the metric's progress reaches ``threshold``.

    Inverts :func:`progress`: t^(1/L) for exact match and multiple choice, t for edit
    distance, 1 − √(1 − t) for Brier.

    >>> round(float(accuracy_for_progress(0.5, 5, "exact_match")), 4)
    0.8706
    """
    if metric == "exact_match" or metric == "multiple_choice":
        return threshold ** (1.0 / length)
    if metric == "edit_distance":
        return threshold
    return 1.0 - np.sqrt(1.0 - threshold)


def scale_for_accuracy(accuracy, scale_constant, exponent):
    """The scale at which per-token accuracy reaches ``accuracy``: c·(−ln p)^(1/α)."""
    return scale_constant * (-np.log(accuracy)) ** (1.0 / exponent)


def emergence_scale(threshold, length, metric, scale_constant, exponent):
    """The apparent emergence scale: where the metric's progress first reaches ``threshold``.

    >>> f"{emergence_scale(0.5, 5, 'exact_match', 1e21, -0.3):.3g}"
    '7.25e+23'
    """
    needed = accuracy_for_progress(threshold, length, metric)
    return scale_for_accuracy(needed, scale_constant, exponent)


def rise_decades(length, metric, exponent):
    """Decades of scale over which the metric's progress goes from 10 % to 90 %.

    For exact match it is log10(ln 0.1 / ln 0.9)/|α| ≈ 1.34/|α| whatever the length: a
    longer answer moves the curve along a log axis without making it steeper.

    >>> round(float(rise_decades(5, "exact_match", -0.3)), 3)
    4.465
    """
    low = accuracy_for_progress(0.1, length, metric)
    high = accuracy_for_progress(0.9, length, metric)
    return np.log10(np.log(low) / np.log(high)) / -exponent


# --- Reading a benchmark curve: a smooth rise or a jump? -------------------------------------


def erfc(x):
    """The complementary error function, relative error below 1e-12 (tested against scipy).

    Below 2, one minus the Maclaurin series of erf; from 2 on, the continued fraction of
    erfc evaluated backwards over 80 terms (Abramowitz & Stegun 1964, §7.1).

    >>> round(float(erfc(1.0)), 12)
    0.157299207050
    """
    z = abs(x)
    if z < 2.0:
        term = z
        total = z
        for n in range(1, 40):
            term = -term * z * z / n
            total += term / (2.0 * n + 1.0)
        tail = 1.0 - 2.0 / np.sqrt(np.pi) * total
    else:
        fraction = z
        for i in range(80):
            fraction = z + 0.5 * (80 - i) / fraction
        tail = np.exp(-z * z) / (np.sqrt(np.pi) * fraction)
    return tail if x >= 0 else 2.0 - tail


def normal_tail(z):
    """P(Z > z) for a standard normal Z: erfc(z/√2)/2.

    >>> round(float(normal_tail(1.6448536)), 5)
    0.05
    """
    return 0.5 * erfc(z / np.sqrt(2.0))


def size_position(index, n_sizes):
    """Where model size ``index`` (0 … n−1) sits in the range, 0 to 1, evenly in log scale."""
    return index / (n_sizes - 1.0)


def ramp_score(position, chance, ceiling):
    """The smooth shape: the score rises evenly with log scale from chance to the ceiling."""
    return chance + (ceiling - chance) * position


def step_score(position, jump, chance, ceiling):
    """The jump: the score stays at chance below ``jump`` and is at the ceiling from it on."""
    return chance if position < jump else ceiling


def shape_distance(n_sizes, gap):
    """Distance between the two shapes (in units of the rise) for a jump after size ``gap``.

    The jump falls between sizes ``gap`` and ``gap + 1`` (0-based): sizes up to ``gap``
    sit at chance, the rest at the ceiling. Returns √Σᵢ(rampᵢ − stepᵢ)² with chance 0 and
    ceiling 1.
    """
    total = 0.0
    for i in range(n_sizes):
        x = size_position(i, n_sizes)
        diff = x if i <= gap else 1.0 - x
        total += diff * diff
    return np.sqrt(total)


def misread_probability_at(chance, ceiling, noise, n_sizes, gap):
    """P(calling it wrong) for a jump between sizes ``gap`` and ``gap + 1``: Φ(−d/(2σ)).

    Two known shapes observed with independent Gaussian noise σ at each size; the reader
    picks the shape nearer the measured scores (the rule with the fewest errors when both
    are equally likely), which is wrong with probability Φ(−d/2σ), d the distance between
    the shapes.
    """
    distance = (ceiling - chance) * shape_distance(n_sizes, gap)
    return normal_tail(distance / (2.0 * noise))


def misread_probability(chance, ceiling, noise, n_sizes):
    """P(calling it wrong), averaged over where the jump falls (uniformly over the range).

    A lower bound for a reader who does not know where the jump would be: knowing it can
    only help.

    >>> round(float(misread_probability(0.25, 0.39, 0.022, 4)), 4)
    0.0282
    """
    total = 0.0
    for gap in range(n_sizes - 1):
        total += misread_probability_at(chance, ceiling, noise, n_sizes, gap)
    return total / (n_sizes - 1.0)


def worst_misread_probability(chance, ceiling, noise, n_sizes):
    """P(calling it wrong) where the jump is hardest to see: the largest over the gaps."""
    worst = 0.0
    for gap in range(n_sizes - 1):
        worst = max(worst, misread_probability_at(chance, ceiling, noise, n_sizes, gap))
    return worst


def sizes_needed(chance, ceiling, noise, error, most):
    """The fewest model sizes (2 … ``most``) with an average misread probability ≤ ``error``;
    ``most + 1`` when even ``most`` sizes are not enough."""
    for n in range(2, most + 1):
        if misread_probability(chance, ceiling, noise, n) <= error:
            return n
    return most + 1


def score_standard_error(score, questions):
    """Sampling noise of a benchmark score: √(s(1 − s)/n) for n independent questions.

    >>> round(float(score_standard_error(0.39, 448)), 4)
    0.023
    """
    return np.sqrt(score * (1.0 - score) / questions)
