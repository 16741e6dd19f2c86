"""Chapter 2's calculator: fit a power law to simulated noisy data."""

from __future__ import annotations

from scalinglaws import plotting
from scalinglaws.portable_random import simulate_and_fit_portable
from scalinglaws.widgets.base import Calculator, Number, Slider, format_interval

__all__ = ["power_law_calculator"]


def _describe_power_law_fit(result) -> list[tuple[str, str]]:
    fit = result.fit
    level = round(100 * fit.confidence)
    return [
        ("True exponent", f"{result.true_exponent:.4g}"),
        ("Fitted exponent", f"{fit.exponent:.4g}"),
        (f"{level} % confidence interval", format_interval(*fit.exponent_ci)),
        ("Interval contains the truth", "yes" if result.covers_truth else "no"),
        ("Error of the fitted exponent", f"{result.exponent_error:+.3g}"),
    ]


def _draw_power_law_fit(result, fig, ax) -> str:
    plotting.draw_power_law_fit(ax, result.x, result.y, result.fit,
                                x_max=10 * float(result.x.max()), minor_ticks=False,
                                data_label="simulated measurements")
    ax.set_xlabel("x (e.g. parameters)")
    ax.set_ylabel("y (e.g. loss)")
    return (f"Log-log plot of {len(result.x)} simulated points with the fitted line, exponent "
            f"{result.fit.exponent:.3g} against a true {result.true_exponent:.3g}, extended one "
            "decade past the data with its confidence band.")


def power_law_calculator() -> Calculator:
    """The chapter's fit-a-power-law calculator over
    :func:`scalinglaws.portable_random.simulate_and_fit_portable` (the page draws the same noise).

    Its defaults are the chapter's sweep (Kaplan's α_N = 0.076, 5 % noise, 3 decades,
    12 points, seed 0) with the portable generator's noise.

    >>> calc = power_law_calculator()
    >>> calc.error is None and round(calc.result.true_exponent, 3)
    -0.076
    """
    controls = [
        Number("exponent", "True exponent b", -0.076,
               help="The exponent of the true law y = a·x^b, between -5 and 5.",
               low=-5, high=5),
        Slider("noise", "Noise (std of ln y)", 0.05, 0.0, 0.5, step=0.01, readout_format=".2f"),
        Slider("decades", "Range of x (decades)", 3.0, 0.5, 8.0, step=0.5, readout_format=".1f"),
        Slider("n_points", "Number of points", 12, 3, 100, integer=True),
        Number("seed", "Random seed", 0, integer=True,
               help="Same seed, same simulated data: a whole number from 0.",
               low=0, high=2**32 - 1),
    ]
    return Calculator("Fit a power law to noisy data", controls, simulate_and_fit_portable,
                      _describe_power_law_fit, _draw_power_law_fit, name="power-law-fit")
