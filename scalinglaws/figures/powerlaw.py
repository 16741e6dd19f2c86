"""Figures of chapter 2 (power laws)."""

from __future__ import annotations

import numpy as np

from scalinglaws import plotting, powerlaw

__all__ = ["fit_and_band", "linear_and_loglog"]


def linear_and_loglog(law=powerlaw.KAPLAN_2020_PARAMS, low: float = 1e6, high: float = 1e11):
    """One scaling law on linear axes and on log-log axes, side by side.

    >>> fig = linear_and_loglog()
    >>> [ax.get_title() for ax in fig.axes]
    ['linear axes', 'log-log axes']
    """
    n = np.logspace(np.log10(low), np.log10(high), 200)
    fig, (linear, loglog) = plotting.new_figure(9, 3.4, ncols=2)
    linear.plot(n, law.loss(n))
    loglog.plot(n, law.loss(n))
    plotting.log_axes(loglog)
    for ax, title in ((linear, "linear axes"), (loglog, "log-log axes")):
        ax.set(title=title, xlabel="non-embedding parameters N", ylabel="loss (nats/token)")
    return fig


def fit_and_band(x, y, fit, x_max: float | None = None):
    """Simulated points, the fitted power law and its 95 % confidence band.

    See :func:`scalinglaws.plotting.draw_power_law_fit`; ``x_max`` extends the line.

    >>> x, y = powerlaw.simulate_power_law(-0.076, 0.05, 1e6, 1e9, 12, seed=0)
    >>> fig = fit_and_band(x, y, powerlaw.fit_power_law(x, y))
    >>> fig.axes[0].get_ylabel()
    'loss (nats/token)'
    """
    fig, ax = plotting.new_figure()
    plotting.draw_power_law_fit(ax, x, y, fit, x_max=x_max)
    ax.set(xlabel="parameters", ylabel="loss (nats/token)")
    return fig
