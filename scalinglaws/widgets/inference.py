"""Chapter 6's calculators: lifetime compute, the inference-aware optimum, serving cost.

Thin views over :mod:`scalinglaws.inference`: every number shown is computed there. Each has
a live twin on the static page (``book/static/live/views/<name>.js``).
"""

from __future__ import annotations

from functools import partial

from scalinglaws import plotting
from scalinglaws.datasets import load_accelerators
from scalinglaws.inference import (
    BATCH_SIZES,
    CONTEXT_LENGTHS,
    INFERENCE_LAWS,
    OBJECTIVE_LABELS,
    PRECISION_LABELS,
    inference_aware_sizing,
    lifetime_compute,
    load_model_architectures,
    model_params,
    serving_estimate,
)
from scalinglaws.plotting import COLORS, power_of_ten_label
from scalinglaws.widgets.base import Calculator, Choice, Number, Slider

__all__ = ["inference_optimum_calculator", "lifetime_calculator", "serving_calculator"]

#: Default model of the lifetime calculator: Llama 3 8B (8.03 billion parameters, 15T tokens).
DEFAULT_MODEL = "Llama 3 8B"


def _flops(value: float) -> str:
    """FLOPs as '7.23×10²³ FLOPs'."""
    return f"{power_of_ten_label(value)} FLOPs"


def _tokens(value: float) -> str:
    return f"{power_of_ten_label(value)} tokens"


def _billions(value: float) -> str:
    return f"{value / 1e9:,.2f} billion"


# --- Lifetime compute --------------------------------------------------------------------------


def _describe_lifetime(r) -> list[tuple[str, str]]:
    crossover = (f"day {r.crossover_day:,.0f}" if r.crossover_within_service
                 else f"day {r.crossover_day:,.0f}, after the {r.days:,}-day service")
    return [
        ("Training (6·N·D)", _flops(r.training_flops)),
        (f"Inference over {r.days:,} days (2·N per token)", _flops(r.inference_flops)),
        ("Lifetime total", _flops(r.total_flops)),
        ("Inference share of the total", f"{100 * r.inference_share:.1f} %"),
        ("Tokens served when inference equals training (3·D)",
         _tokens(r.breakeven_tokens)),
        ("Inference overtakes training on", crossover),
    ]


def _draw_lifetime(r, fig, ax) -> str:
    inference = r.cumulative_inference / r.training_flops
    ax.plot(r.day, 1 + 0 * r.day, color=COLORS["blue"], linestyle="--",
            label="training (once)")
    ax.plot(r.day, inference, color=COLORS["vermillion"], label="inference so far")
    ax.plot(r.day, 1 + inference, color=COLORS["black"], label="lifetime total")
    if r.crossover_within_service:
        ax.axvline(r.crossover_day, color=COLORS["green"], linestyle=":", linewidth=1)
    ax.set_xlabel("days in service")
    ax.set_ylabel("cumulative FLOPs / training FLOPs")
    ax.legend(loc="upper left")
    return (f"Cumulative FLOPs over {r.days:,} days of service: training "
            f"{power_of_ten_label(r.training_flops)}, inference reaching "
            f"{power_of_ten_label(r.inference_flops)}; inference overtakes training on day "
            f"{r.crossover_day:,.0f}.")


def lifetime_calculator() -> Calculator:
    """Lifetime compute over :func:`scalinglaws.inference.lifetime_compute`.

    Defaults: Llama 3 8B (8.03 billion parameters, 15T training tokens) serving a hypothetical
    10¹¹ tokens a day for 720 days: inference overtakes training on day 450 and is 61.5 % of
    the lifetime compute.

    >>> calc = lifetime_calculator()
    >>> calc.result.crossover_day, round(calc.result.inference_share, 3)
    (450.0, 0.615)
    """
    controls = [
        Slider("params", "Parameters N", model_params(DEFAULT_MODEL), 1e8, 1e12, step=0.05,
               scale="log", help="Default: Llama 3 8B, 8.03 billion parameters."),
        Slider("train_tokens", "Training tokens", 15e12, 1e10, 1e14, step=0.05, scale="log",
               help="Default: Llama 3's 15 trillion."),
        Slider("tokens_per_day", "Tokens served per day", 1e11, 1e8, 1e14, step=0.05,
               scale="log", help="Prompt and generated tokens; 10¹¹ is a hypothetical."),
        Slider("days", "Days in service", 720, 30, 1800, step=30, integer=True),
    ]
    return Calculator("Lifetime compute: when does serving overtake training?", controls,
                      lifetime_compute, _describe_lifetime, _draw_lifetime, name="lifetime")


# --- The inference-aware optimum ---------------------------------------------------------------


def _describe_sizing(s) -> list[tuple[str, str]]:
    o = s.optimum
    if s.objective != "flops":
        return _describe_cost_sizing(s)
    return [
        ("Reference (compute-optimal) model",
         f"{_billions(s.reference_params)} parameters on {_billions(s.reference_tokens)} "
         f"tokens ({s.reference_tokens / s.reference_params:,.1f} per parameter)"),
        ("Target loss (the reference's)", f"{s.loss:.4f}"),
        ("Inference-aware optimum",
         f"{_billions(o.params)} parameters on {_billions(o.tokens)} tokens "
         f"({o.tokens_per_param:,.1f} per parameter)"),
        ("Optimum / reference", f"parameters {100 * o.params / s.reference_params:.1f} %, "
                                f"tokens {100 * o.tokens / s.reference_tokens:.1f} %"),
        ("Lifetime FLOPs: reference → optimum",
         f"{power_of_ten_label(s.reference_flops)} → {power_of_ten_label(o.lifetime_flops)}"),
        ("Lifetime compute saved", f"{100 * (1 - s.flops_ratio):.1f} % "
                                   f"({power_of_ten_label(s.flops_saved)} FLOPs)"),
    ]


def _describe_cost_sizing(s) -> list[tuple[str, str]]:
    o = s.optimum
    return [
        ("Reference (compute-optimal) model",
         f"{_billions(s.reference_params)} parameters on {_billions(s.reference_tokens)} "
         f"tokens ({s.reference_tokens / s.reference_params:,.1f} per parameter)"),
        ("Target loss (the reference's)", f"{s.loss:.4f}"),
        ("Demand priced in training FLOPs",
         f"{power_of_ten_label(s.inference_tokens)} tokens cost as much as "
         f"{power_of_ten_label(s.priced_tokens)} ({OBJECTIVE_LABELS[s.objective]})"),
        ("Cost-optimal model",
         f"{_billions(o.params)} parameters on {_billions(o.tokens)} tokens "
         f"({o.tokens_per_param:,.1f} per parameter)"),
        ("Optimum / reference", f"parameters {100 * o.params / s.reference_params:.1f} %, "
                                f"tokens {100 * o.tokens / s.reference_tokens:.1f} %"),
        ("Lifetime cost saved", f"{100 * (1 - s.flops_ratio):.1f} %"),
    ]


def _draw_sizing(s, fig, ax) -> str:
    plotting.log_axes(ax, minor_ticks=False)
    cost = s.objective != "flops"
    quantity = "lifetime cost (training-FLOP equivalents)" if cost else "lifetime FLOPs"
    ax.plot(s.grid_params, s.grid_flops, color=COLORS["black"],
            label=f"{quantity.split(' (')[0]} at the target loss")
    ax.plot(s.grid_params, s.grid_training_flops, color=COLORS["blue"], linestyle="--",
            label="of which training")
    ax.plot([s.reference_params], [s.reference_flops], "s", markersize=8,
            color=COLORS["orange"], label="compute-optimal reference")
    ax.plot([s.optimum.params], [s.optimum.lifetime_flops], "o", markersize=8,
            color=COLORS["vermillion"],
            label="cost-optimal model" if cost else "inference-aware optimum")
    ax.set_xlabel("parameters N")
    ax.set_ylabel(quantity)
    ax.legend(loc="upper right")
    return (f"Log plot of {quantity} against model size at loss {s.loss:.4f} with "
            f"{power_of_ten_label(s.inference_tokens)} inference tokens: the optimum at "
            f"{s.optimum.params / 1e9:.2f} billion parameters uses "
            f"{100 * s.flops_ratio:.1f} % of the {'cost' if cost else 'FLOPs'} of the "
            f"{s.reference_params / 1e9:.2f} billion reference.")


def inference_optimum_calculator() -> Calculator:
    """The inference-aware optimum over :func:`scalinglaws.inference.inference_aware_sizing`.

    Defaults: Sardana et al.'s Figure 1 setting, a 13B compute-optimal model and 2 trillion
    inference tokens: the optimum is 6.97 billion parameters on 1,248 billion tokens, 82.6 %
    of the reference's lifetime FLOPs.

    >>> calc = inference_optimum_calculator()
    >>> round(calc.result.optimum.params / 1e9, 2), round(100 * calc.result.flops_ratio, 1)
    (6.97, 82.6)
    """
    laws = [(law.name, key) for key, law in INFERENCE_LAWS.items()]
    controls = [
        Slider("reference_params", "Compute-optimal model (parameters)", 13e9, 1e9, 1e12,
               step=0.05, scale="log",
               help="Its loss is the target; default 13 billion (Sardana et al.'s Figure 1)."),
        Slider("inference_tokens", "Lifetime inference tokens", 2e12, 1e9, 1e15, step=0.05,
               scale="log", help="Expected demand over the model's life; default 2 trillion."),
        Choice("law", "Loss law", laws, value="sardana2024"),
        Choice("objective", "Minimise", [(label, key) for key, label in OBJECTIVE_LABELS.items()],
               value="flops"),
    ]
    return Calculator("Inference-aware optimum: the cheapest model for a loss and a demand",
                      controls, inference_aware_sizing, _describe_sizing, _draw_sizing,
                      name="inference-optimum")


# --- Serving cost ------------------------------------------------------------------------------


def _describe_serving(s) -> list[tuple[str, str]]:
    bound = "memory bandwidth" if s.bandwidth_bound else "compute"
    return [
        ("Weights", f"{s.weight_bytes / 1e9:,.1f} GB ({s.params / 1e9:.2f} billion parameters "
                    f"in {PRECISION_LABELS[s.precision].split(' ')[0]})"),
        ("Key-value cache", f"{s.kv_bytes / 1e9:,.1f} GB ({s.batch:,} × {s.context:,} tokens)"),
        ("Accelerators needed to hold them",
         f"{s.n_accelerators:,} × {s.memory_per_accelerator / 1e9:,.0f} GB"),
        ("One decode step: compute / memory time",
         f"{1e3 * s.compute_seconds:.3g} ms / {1e3 * s.memory_seconds:.3g} ms"),
        ("FLOPs per byte read vs the ridge point",
         f"{s.intensity:.3g} vs {s.ridge_point:.3g}: limited by {bound}"),
        ("Generated tokens per second (bound)", f"{s.tokens_per_second:,.0f}"),
        ("Cost per million generated tokens", f"${s.usd_per_million_tokens:.3g}"),
    ]


def _draw_serving(s, fig, ax) -> str:
    plotting.log_axes(ax, minor_ticks=False)
    ax.plot(s.curve_batch, s.curve_compute_bound, color=COLORS["blue"], linestyle="--",
            label="compute bound")
    ax.plot(s.curve_batch, s.curve_memory_bound, color=COLORS["orange"], linestyle="--",
            label="memory-bandwidth bound")
    ax.plot([s.batch], [s.tokens_per_second], "o", markersize=8, color=COLORS["vermillion"],
            label=f"batch {s.batch:,}: {s.tokens_per_second:,.0f} tokens/s")
    ax.set_xlabel("batch size (sequences decoded together)")
    ax.set_ylabel("generated tokens per second")
    ax.legend(loc="lower right")
    return (f"Log plot of the decode roofline of {s.model} in {s.precision} on "
            f"{s.n_accelerators} × {s.accelerator}: tokens per second against batch size; at "
            f"batch {s.batch} the bound is {s.tokens_per_second:,.0f} tokens per second, set by "
            f"{'memory bandwidth' if s.bandwidth_bound else 'compute'}.")


def serving_calculator() -> Calculator:
    """Serving cost over :func:`scalinglaws.inference.serving_estimate`.

    Defaults: Llama 3 8B in BF16 on one H100 SXM, 16 sequences of 8,192 tokens, at
    $4.916 an hour (AWS Capacity Blocks, late 2024): 33.2 GB, bandwidth-bound, about 1,612
    tokens a second, $0.847 per million generated tokens.

    >>> calc = serving_calculator()
    >>> calc.result.n_accelerators, round(calc.result.tokens_per_second)
    (1, 1612)
    """
    chips = load_accelerators()
    models = [str(name) for name in load_model_architectures()["name"]]
    controls = [
        Choice("model", "Model", [(name, name) for name in models], value=DEFAULT_MODEL),
        Choice("precision", "Number format (weights and cache)",
               [(label, key) for key, label in PRECISION_LABELS.items()], value="bf16"),
        Choice("accelerator", "Accelerator",
               [(str(name), str(name)) for name in chips["name"]],
               value="NVIDIA H100 (SXM5 80GB)"),
        Choice("batch", "Batch size", [(f"{b:,}", b) for b in BATCH_SIZES], value=16),
        Choice("context", "Context length (tokens)", [(f"{c:,}", c) for c in CONTEXT_LENGTHS],
               value=8192, help="Tokens held per sequence. Llama 3 8B and 70B were released "
                                "with 8,192; longer contexts show how the cache grows."),
        Number("usd_per_hour", "Price per accelerator-hour ($)", 4.916,
               help="AWS Capacity Blocks H100, late 2024: $4.916; about $2.7–12.3 by provider.",
               low=0, high=1000, low_inclusive=False),
        Slider("utilisation", "Share of peak reached", 1.0, 0.05, 1.0, step=0.05,
               readout_format=".2f", help="Of both peak FLOP/s and memory bandwidth."),
    ]
    return Calculator("Serving cost: memory, the decode roofline and $ per token", controls,
                      partial(serving_estimate, chips=chips), _describe_serving,
                      _draw_serving, name="serving")
