"""Figures of chapter 5 (emergent abilities, in-context learning and the metric mirage).

``draw_*`` functions draw on given axes (the calculators use them, and the page's views
draw the same series, labels and legend); the ``*_figure`` functions make the chapter's
figures with their default inputs.
"""

from __future__ import annotations

import numpy as np

from scalinglaws import emergence as em
from scalinglaws import emergence_formulas as formulas
from scalinglaws import plotting
from scalinglaws.plotting import COLORS, power_of_ten_label

__all__ = ["benchmark_saturation_figure", "draw_benchmark", "draw_mirage",
           "emergent_abilities_figure", "exact_match_figure", "mirage_figure"]

#: Each metric's curve in the mirage explorer: colour, dash and legend label.
MIRAGE_STYLE = {
    "edit_distance": (COLORS["black"], "--", "per-token accuracy = 1 − edit distance / L"),
    "brier": (COLORS["green"], "-", "1 − Brier score"),
    "multiple_choice": (COLORS["purple"], "-", "multiple-choice grade"),
    "exact_match": (COLORS["blue"], "-", "exact match"),
}


def mirage_legend(key: str, length: int) -> str:
    """The legend label of a metric's curve (with L where the metric depends on it)."""
    label = MIRAGE_STYLE[key][2]
    return f"{label} (L = {length})" if key in ("exact_match", "multiple_choice") else label


def draw_mirage(ax, m: em.Mirage) -> str:
    """Every metric as a score against compute; the chosen metric's model sizes (one per
    decade) and its apparent emergence point."""
    plotting.log_axes(ax, y=False, minor_ticks=False)
    for key, (color, dash, _label) in MIRAGE_STYLE.items():
        chosen = key == m.metric
        ax.plot(m.compute, m.scores[key], color=color, linestyle=dash,
                linewidth=2.4 if chosen else 1.3, label=mirage_legend(key, m.length))
    color = MIRAGE_STYLE[m.metric][0]
    ax.plot(m.sizes, m.size_scores, "o", color=color, zorder=3,
            label="model sizes, one per decade")
    ax.axvline(m.emergence_compute, color=COLORS["vermillion"], linestyle=":", linewidth=1)
    ax.plot([m.emergence_compute], [m.emergence_score], "*", markersize=13,
            color=COLORS["vermillion"], zorder=4, label="apparent emergence")
    ax.set(xlim=em.MIRAGE_COMPUTE_RANGE, ylim=(-0.03, 1.03),
           xlabel="training compute (FLOPs)", ylabel="score (higher is better)")
    ax.legend(loc="upper left")
    return (f"Scores of four metrics against training compute on a log axis, per-token law "
            f"exponent {m.exponent:.3g}, answers of {m.length} tokens: {m.metric_name} "
            f"reaches {m.threshold:.3g} of the way at {power_of_ten_label(m.emergence_compute)}"
            f" FLOPs, where per-token accuracy is {m.accuracy_at_emergence:.3g}.")


def mirage_figure(**kwargs):
    """The mirage explorer's figure at its defaults (or at ``kwargs``).

    >>> fig = mirage_figure()
    >>> fig.axes[0].get_legend().get_texts()[-1].get_text()
    'apparent emergence'
    """
    fig, ax = plotting.new_figure(6.4, 4.2)
    draw_mirage(ax, em.mirage(**kwargs))
    return fig


def _jump_shape(r: em.BenchmarkReading):
    """The jump drawn between the two middle sizes: x and y of a step line."""
    gap = r.jump_gap
    middle = float(np.sqrt(r.compute[gap] * r.compute[gap + 1]))
    x = [r.compute[0], middle, middle, r.compute[-1]]
    return x, [r.chance, r.chance, r.ceiling, r.ceiling]


def draw_benchmark(ax, r: em.BenchmarkReading) -> str:
    """The two shapes at the model sizes, the noise around the smooth one, chance and ceiling."""
    plotting.log_axes(ax, y=False, minor_ticks=False)
    ax.fill_between(r.compute, r.smooth - 2 * r.noise, r.smooth + 2 * r.noise,
                    color=COLORS["blue"], alpha=0.2, linewidth=0,
                    label="smooth rise ± 2σ of noise")
    ax.plot(r.compute, r.smooth, "o-", color=COLORS["blue"], label="smooth rise")
    x, y = _jump_shape(r)
    ax.plot(x, y, "--", color=COLORS["vermillion"], label="jump between the middle sizes")
    ends = [r.compute[0], r.compute[-1]]
    ax.plot(ends, [r.chance, r.chance], ":", color="#999999", linewidth=1)
    ax.plot(ends, [r.ceiling, r.ceiling], ":", color="#999999", linewidth=1)
    ax.set(xlabel="training compute of the model sizes (FLOPs)", ylabel="benchmark score")
    ax.legend(loc="upper left")
    return (f"Benchmark score against compute at {r.n_sizes} model sizes on a log axis: a smooth "
            f"rise and a jump from chance {r.chance:.3g} to ceiling {r.ceiling:.3g}, noise "
            f"{r.noise:.3g}; the probability of calling it wrong is {100 * r.misread:.3g} %.")


def emergent_abilities_figure():
    """Wei et al.'s (2022) Table 1 rows: the training compute at which each ability emerged.

    >>> fig = emergent_abilities_figure()
    >>> fig.axes[0].get_xlabel()
    'training FLOPs at emergence (Wei et al. 2022, Table 1)'
    """
    table = em.load_emergent_abilities().sort_values("train_flops")
    fig, ax = plotting.new_figure(6.4, 3.9)
    plotting.log_axes(ax, y=False, minor_ticks=False)
    few = table["kind"] == "few-shot prompting"
    y = np.arange(len(table))
    ax.plot(table["train_flops"][few], y[few.to_numpy()], "o", color=COLORS["blue"],
            label="few-shot prompting")
    ax.plot(table["train_flops"][~few], y[~few.to_numpy()], "s", color=COLORS["orange"],
            label="augmented prompting")
    ax.set_yticks(y, [f"{a} ({m})" for a, m in zip(table["ability"], table["model"],
                                                     strict=True)], fontsize=8)
    # right-aligned: centred under the axes (pushed right by the long row labels) it ran off
    # the figure
    ax.set_xlabel("training FLOPs at emergence (Wei et al. 2022, Table 1)", loc="right")
    ax.legend(loc="upper left")
    return fig


def exact_match_figure(lengths=(1, 5, 20)):
    """Exact match p^L against per-token accuracy p (linear axes) and against compute.

    >>> fig = exact_match_figure()
    >>> [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    ['L = 1', 'L = 5', 'L = 20']
    """
    fig, (left, right) = plotting.new_figure(8.0, 3.4, ncols=2)
    p = np.linspace(0, 1, 201)
    compute = np.logspace(16, 28, 121)
    per_token = formulas.token_accuracy(compute, em.DEFAULT_SCALE_CONSTANT, em.DEFAULT_EXPONENT)
    plotting.log_axes(right, y=False, minor_ticks=False)
    colors = [COLORS["black"], COLORS["blue"], COLORS["vermillion"]]
    for length, color in zip(lengths, colors, strict=False):
        left.plot(p, formulas.exact_match(p, length), color=color, label=f"L = {length}")
        right.plot(compute, formulas.exact_match(per_token, length), color=color,
                   label=f"L = {length}")
    left.set(xlabel="per-token accuracy p", ylabel="exact match p^L", xlim=(0, 1))
    right.set(xlabel="training compute (FLOPs)", ylabel="exact match p^L")
    left.legend(loc="upper left")
    right.legend(loc="upper left")
    return fig


def benchmark_saturation_figure():
    """MMLU scores over time (the course's table), with chance and the expert estimate.

    >>> fig = benchmark_saturation_figure()
    >>> fig.axes[0].get_ylabel()
    'MMLU score (%)'
    """
    scores = em.load_benchmark_scores()
    mmlu = scores[scores["benchmark"] == "MMLU"]
    models = mmlu[mmlu["kind"] == "model"]
    year = [int(text[:4]) + (int(text[5:7]) - 0.5) / 12 for text in models["reported"]]
    fig, ax = plotting.new_figure(6.4, 3.6)
    ax.plot(year, models["score_percent"], "o", color=COLORS["blue"], label="models")
    for x, score, name in zip(year, models["score_percent"], models["entry"], strict=True):
        ax.annotate(name, (x, score), xytext=(5, -10), textcoords="offset points", fontsize=8)
    chance = float(mmlu["chance_percent"].iloc[0])
    expert = mmlu.set_index("entry").loc["Expert-level accuracy (estimate)", "score_percent"]
    ax.axhline(chance, color="#999999", linestyle=":", label=f"chance, {chance:g} %")
    ax.axhline(expert, color=COLORS["vermillion"], linestyle="--",
               label=f"expert-level estimate, {expert:g} %")
    ax.set(xlabel="date of the source", ylabel="MMLU score (%)", ylim=(0, 100),
           xlim=(2020, 2024), xticks=[2020, 2021, 2022, 2023, 2024])
    ax.legend(loc="lower right")
    return fig
