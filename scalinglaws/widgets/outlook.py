"""Chapter 7's calculators: energy and carbon of a run, cluster reliability, the 1,000,000× leap.

Thin views over :mod:`scalinglaws.outlook`; the figures are drawn by
:mod:`scalinglaws.figures.outlook`. Every number shown comes from a package function; the
website's views (``book/static/live/views/energy.js``, ``reliability.js``, ``leap.js``)
compute the same rows from the generated formulas.
"""

from __future__ import annotations

from scalinglaws import chinchilla as ch
from scalinglaws import outlook as ol
from scalinglaws.datalimits import MUENNIGHOFF_2023, VILLALOBOS_2024_STOCK
from scalinglaws.figures import outlook as figures
from scalinglaws.plotting import count_in_words
from scalinglaws.widgets.base import Calculator, Choice, Number, Slider

__all__ = ["CHIP_OPTIONS", "DEFAULT_ENERGY", "DEFAULT_RELIABILITY", "energy_calculator",
           "leap_calculator", "reliability_calculator"]

#: Chips and dense number formats offered (chip name in ``accelerators.csv``, format).
CHIPS = (("NVIDIA H100 (SXM5 80GB)", "bf16"), ("NVIDIA H100 (SXM5 80GB)", "fp8"),
         ("NVIDIA A100 (SXM4 80GB)", "bf16"), ("NVIDIA V100 (SXM2 16GB)", "fp16"),
         ("NVIDIA B200 (HGX B200 SXM6 180GB)", "bf16"),
         ("NVIDIA B200 (HGX B200 SXM6 180GB)", "fp4"), ("AMD Instinct MI300X", "bf16"),
         ("Google TPU v4", "bf16"))
#: The drop-down's options: (label, [chip, format]).
CHIP_OPTIONS = [(f"{name}, {precision.upper()} dense", [name, precision])
                for name, precision in CHIPS]

#: The energy calculator's defaults: Llama 3.1 405B's 3.8e25 FLOPs (Dubey et al. 2024) on
#: H100s at 40 % of the dense BF16 peak (Table 4 reports 38–43 %), a PUE of 1.1 and the
#: world's average grid of 2024, 445 g/kWh (IEA).
DEFAULT_ENERGY = {"compute_flops": 3.8e25, "utilisation": 0.40, "pue": 1.10,
                  "grid_g_per_kwh": ol.GRID_INTENSITY["world_2024"]}

#: The reliability calculator's defaults: Llama 3 405B's snapshot (16,384 GPUs, 419
#: unexpected interruptions in 54 days), its largest checkpoint at 2 TB/s, and a restart of
#: 10 minutes (an assumption: the paper gives none; Daly's examples use 10).
DEFAULT_RELIABILITY = {
    "n_devices": ol.LLAMA3_SNAPSHOT["gpus"],
    "device_mtbf_hours": round(ol.device_mtbf_from_interruptions(
        ol.LLAMA3_SNAPSHOT["gpus"], ol.LLAMA3_SNAPSHOT["days"],
        ol.LLAMA3_SNAPSHOT["unexpected"])),
    "checkpoint_minutes": round(ol.llama3_checkpoint_minutes(), 2),
    "restart_minutes": 10.0,
}

LAW_OPTIONS = [(law.name, key) for key, law in ch.LAWS.items()]


# --- 1. Energy and carbon ---------------------------------------------------------------------


def _energy(compute_flops, chip, utilisation, pue, grid_g_per_kwh):
    name, precision = chip
    return ol.training_energy(compute_flops, name, precision, utilisation, pue, grid_g_per_kwh)


def _describe_energy(run: ol.TrainingEnergy) -> list[tuple[str, str]]:
    return [
        ("Chip at peak", f"{run.peak_tflops:,.4g} TFLOP/s dense at {run.power_w:,.0f} W: "
                         f"{run.peak_flops_per_joule / 1e12:.3g} TFLOP per joule"),
        ("Accelerator-hours", count_in_words(run.accelerator_hours)),
        ("Energy, with the PUE", f"{run.energy_gwh:,.3g} GWh"),
        ("Share of all data centres' electricity in 2024 (415 TWh)",
         f"{100 * run.share_of_data_centres_2024:.3g} %"),
        (f"Emissions at {run.grid_g_per_kwh:g} g/kWh", f"{run.emissions_tonnes:,.0f} t CO2e"),
    ]


def _draw_energy(run: ol.TrainingEnergy, fig, ax) -> str:
    return figures.draw_emissions(ax, run)


def energy_calculator() -> Calculator:
    """Energy and operational carbon of a training run, over
    :func:`scalinglaws.outlook.training_energy`.

    Defaults (:data:`DEFAULT_ENERGY`): Llama 3.1 405B's compute on H100s at 40 % of peak,
    PUE 1.1, 445 g/kWh: 20.5 GWh and about 9,100 t CO2e.

    >>> calc = energy_calculator()
    >>> round(calc.result.energy_gwh, 1), round(calc.result.emissions_tonnes, -2)
    (20.5, 9100.0)
    """
    d = DEFAULT_ENERGY
    controls = [
        Slider("compute_flops", "Training compute (FLOPs)", d["compute_flops"], 1e20, 1e30,
               step=0.05, scale="log", help="The run's FLOPs, e.g. 6 × parameters × tokens."),
        Choice("chip", "Accelerator and number format", CHIP_OPTIONS,
               help="Dense peak FLOP/s and rated power from the course's accelerator table."),
        Slider("utilisation", "Utilisation (MFU)", d["utilisation"], 0.05, 1.0, step=0.01,
               readout_format=".2f", help="Share of the dense peak the run achieves."),
        Slider("pue", "PUE", d["pue"], 1.0, 2.0, step=0.01, readout_format=".2f",
               help="Facility energy ÷ IT energy: cooling and power conversion."),
        Slider("grid_g_per_kwh", "Grid intensity (gCO2e/kWh)", d["grid_g_per_kwh"], 0, 1000,
               step=5, readout_format=".0f",
               help="445 is the world average of 2024 (IEA); France's about 57."),
    ]
    return Calculator("Energy and carbon of a training run", controls, _energy,
                      _describe_energy, _draw_energy, name="energy")


# --- 2. Reliability ---------------------------------------------------------------------------


def _describe_plan(plan: ol.CheckpointPlan) -> list[tuple[str, str]]:
    return [
        ("Mean time between interruptions", f"{plan.mtbf_minutes:,.4g} min "
                                            f"({plan.mtbf_minutes / 60:.3g} h)"),
        ("Interruptions per day", f"{plan.interruptions_per_day:,.3g}"),
        ("Young's interval √(2δM)", f"{plan.young_minutes:,.3g} min"),
        ("Daly's interval", f"{plan.daly_minutes:,.3g} min"),
        ("Goodput at Daly's interval", f"{100 * plan.goodput:.3g} % of the wall clock"),
        ("Hours lost per day", f"{plan.lost_hours_per_day:.3g}"),
    ]


def _draw_plan(plan: ol.CheckpointPlan, fig, ax) -> str:
    return figures.draw_goodput(ax, plan)


def reliability_calculator() -> Calculator:
    """Interruptions, the best checkpoint interval and the goodput of a large job, over
    :func:`scalinglaws.outlook.checkpoint_plan`.

    Defaults (:data:`DEFAULT_RELIABILITY`): Llama 3 405B's 54-day snapshot, a 0.55-minute
    checkpoint, 10-minute restarts: 7.76 interruptions a day, Daly's interval 13.9 minutes.

    >>> calc = reliability_calculator()
    >>> round(calc.result.interruptions_per_day, 2), round(calc.result.daly_minutes, 1)
    (7.76, 13.9)
    """
    d = DEFAULT_RELIABILITY
    controls = [
        Number("n_devices", "Accelerators in the job", d["n_devices"], integer=True,
               low=1, high=10_000_000, help="A whole number from 1 to 10,000,000."),
        Slider("device_mtbf_hours", "MTBF per accelerator (hours)", d["device_mtbf_hours"],
               1e3, 1e7, step=0.05, scale="log", readout_format=",.0f",
               help="Hours between job-stopping failures, per device (Llama 3: about 50,700)."),
        Slider("checkpoint_minutes", "Checkpoint write δ (minutes)", d["checkpoint_minutes"],
               0.01, 100, step=0.05, scale="log"),
        Slider("restart_minutes", "Restart R (minutes)", d["restart_minutes"], 0, 60,
               step=0.5, readout_format=".1f"),
    ]
    return Calculator("Cluster reliability and checkpointing", controls, ol.checkpoint_plan,
                      _describe_plan, _draw_plan, name="reliability")


# --- 3. The 1,000,000× explorer ---------------------------------------------------------------


def _leap(base_flops, decades, law, stock_tokens, growth_per_year, chip, utilisation, pue):
    return ol.leap(base_flops, decades, law, stock_tokens, growth_per_year, tuple(chip),
                   utilisation, pue)


def _twh(value: float) -> str:
    """'20,535' from 100 TWh up, else three significant digits ('0.0205')."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def _describe_leap(leap: ol.Leap) -> list[tuple[str, str]]:
    k = leap.decades
    if leap.epochs_over_stock > 1:
        data = (f"{leap.epochs_over_stock:,.3g} epochs over the stock, worth "
                f"{leap.repeated_worth:.3g} fresh passes (at most {MUENNIGHOFF_2023.ceiling:.3g})")
    else:
        data = f"{100 * leap.epochs_over_stock:.3g} % of the stock: no repetition needed"
    return [
        ("Compute", f"{leap.base_flops:.3g} → {leap.compute_flops:.3g} FLOPs (×10^{k})"),
        ("Compute-optimal parameters", f"{leap.base_params:.3g} → {leap.params:.3g}"),
        ("Compute-optimal tokens", f"{leap.base_tokens:.3g} → {leap.tokens:.3g}"),
        ("Predicted loss", f"{leap.base_loss:.4f} → {leap.loss:.4f} (reducible part "
                           f"×{leap.reducible_left:.3g})"),
        ("Tokens against the stock of text", data),
        (f"Years at ×{leap.growth_per_year:g} a year", f"{leap.years:.3g}"),
        ("Energy at today's efficiency", f"{_twh(leap.energy_twh)} TWh = "
                                         f"{leap.share_of_data_centres_2024:,.3g} × all data "
                                         "centres in 2024"),
    ]


def _draw_leap(leap: ol.Leap, fig, ax) -> str:
    return figures.draw_leap(ax, leap)


def leap_calculator() -> Calculator:
    """Compute × 10^k: optimal N and D, loss, data needed against data available, years and
    energy, over :func:`scalinglaws.outlook.leap`.

    Defaults: Llama 3.1 405B's 3.8e25 FLOPs × 10⁶ under Besiroglu et al.'s law, Villalobos
    et al.'s 300T-token stock, Epoch's 4.6× a year, H100s at 40 % of BF16 peak, PUE 1.1.

    >>> calc = leap_calculator()
    >>> round(calc.result.epochs_over_stock, 1), round(calc.result.years, 1)
    (28.6, 9.1)
    """
    controls = [
        Slider("base_flops", "Today's compute (FLOPs)", ol.LLAMA31_405B_FLOPS, 1e20, 1e28,
               step=0.05, scale="log", help="Llama 3.1 405B: 3.8e25."),
        Slider("decades", "Orders of magnitude more, k", 6, 0, 9, integer=True,
               help="Compute × 10^k; 6 is the 1,000,000× leap."),
        Choice("law", "Loss law (chapter 3)", LAW_OPTIONS),
        Slider("stock_tokens", "Stock of text (tokens)", VILLALOBOS_2024_STOCK["tokens"], 1e13,
               1e17, step=0.05, scale="log", help="Villalobos et al. 2024: 3e14 (chapter 4)."),
        Number("growth_per_year", "Compute growth per year (×)", 4.6, low=1, high=100,
               low_inclusive=False, help="Epoch AI: 4.6; above 1, at most 100."),
        Choice("chip", "Accelerator and number format", CHIP_OPTIONS),
        Slider("utilisation", "Utilisation (MFU)", 0.40, 0.05, 1.0, step=0.01,
               readout_format=".2f"),
        Slider("pue", "PUE", 1.10, 1.0, 2.0, step=0.01, readout_format=".2f"),
    ]
    return Calculator("The 1,000,000× explorer", controls, _leap, _describe_leap, _draw_leap,
                      name="leap", figure_size=(6.4, 4.0))
