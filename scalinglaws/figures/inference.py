"""Figures of chapter 6 (from training to inference).

Each ``*_figure`` function makes one of the chapter's figures with its default inputs; every
number plotted is computed by :mod:`scalinglaws.inference` or read from the package's tables.
"""

from __future__ import annotations

import numpy as np

from scalinglaws import inference as inf
from scalinglaws import plotting
from scalinglaws.datasets import load_training_runs
from scalinglaws.plotting import COLORS

__all__ = ["LABELLED_RUNS", "REFERENCE_SIZES", "compound_success_figure", "savings_figure",
           "tokens_per_param_figure"]

#: Compute-optimal reference sizes of the savings figure (Sardana et al.'s 7B–70B).
REFERENCE_SIZES = (7e9, 13e9, 30e9, 70e9)
#: Runs named on the tokens-per-parameter figure.
LABELLED_RUNS = ("Chinchilla 70B", "Llama 2 7B", "Llama 3 8B", "Llama 3 70B", "Llama 3.1 405B",
                 "Gemma 2 9B", "Qwen3-32B")


def tokens_per_param_figure(demands=(1e12, 1e13)):
    """Tokens per parameter of published runs against the compute-optimal and
    inference-aware curves of Sardana et al.'s law.

    >>> fig = tokens_per_param_figure()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['published runs (training_runs.csv)', 'Chinchilla rule of thumb: 20']
    """
    fig, ax = plotting.new_figure(6.4, 4.2)
    plotting.log_axes(ax, minor_ticks=False)
    runs = load_training_runs()
    ratio = runs["tokens"] / runs["params"]
    ax.plot(runs["params"], ratio, "o", color=COLORS["sky"],
            label="published runs (training_runs.csv)")
    for name in LABELLED_RUNS:
        row = runs[runs["name"] == name].iloc[0]
        ax.annotate(name, (row["params"], row["tokens"] / row["params"]), xytext=(5, 3),
                    textcoords="offset points", fontsize=7)
    sizes = np.logspace(9, 12, 31)
    ax.plot(sizes, 20 + 0 * sizes, color="#999999", linestyle=":",
            label="Chinchilla rule of thumb: 20")
    reference = np.array([inf.chinchilla_style_tokens(n) for n in sizes])
    ax.plot(sizes, reference / sizes, color=COLORS["black"],
            label="compute-optimal under Sardana et al.'s law")
    for demand, color in zip(demands, (COLORS["orange"], COLORS["vermillion"]), strict=False):
        optima = [inf.inference_aware_sizing(n, demand).optimum for n in sizes]
        ax.plot([o.params for o in optima], [o.tokens_per_param for o in optima], color=color,
                linestyle="--",
                label=f"inference-aware, {plotting.power_of_ten_label(demand)} tokens served")
    ax.set(xlim=(5e8, 1.5e12), xlabel="parameters N", ylabel="training tokens per parameter")
    ax.legend(loc="lower left", fontsize=7)
    return fig


def savings_figure(demands=None):
    """Lifetime FLOPs of the inference-aware optimum as a share of the compute-optimal model's,
    against lifetime demand, for 7B, 13B, 30B and 70B references (Sardana et al.'s law).

    >>> fig = savings_figure()
    >>> len(fig.axes[0].get_lines())
    4
    """
    demands = np.logspace(9, 14, 41) if demands is None else np.asarray(demands)
    fig, ax = plotting.new_figure(6.4, 3.8)
    ax.set_xscale("log")
    colors = (COLORS["blue"], COLORS["green"], COLORS["orange"], COLORS["vermillion"])
    for n, color in zip(REFERENCE_SIZES, colors, strict=True):
        share = [100 * inf.inference_aware_sizing(n, t).flops_ratio for t in demands]
        ax.plot(demands, share, color=color, label=f"{n / 1e9:.0f}B reference")
    ax.set(xlabel="lifetime inference tokens", ylabel="lifetime FLOPs, % of the reference")
    ax.legend(loc="lower left")
    return fig


def compound_success_figure(step_success=(0.9, 0.99, 0.999)):
    """Task success p^k against the number of steps k, for per-step success p.

    >>> fig = compound_success_figure()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:3]
    ['p = 0.9', 'p = 0.99', 'p = 0.999']
    """
    fig, ax = plotting.new_figure(6.4, 3.6)
    ax.set_xscale("log")
    steps = np.logspace(0, 4, 81)
    for p, color in zip(step_success, (COLORS["vermillion"], COLORS["orange"],
                                       COLORS["blue"]), strict=False):
        ax.plot(steps, inf.compound_success(p, steps), color=color, label=f"p = {p:g}")
    ax.axhline(0.5, color="#999999", linestyle=":", linewidth=1)
    ax.set(xlabel="steps k", ylabel="task success p^k", ylim=(0, 1.02))
    ax.legend(loc="lower left")
    return fig
