"""The chapters' figures, one function per figure, so a page shows the idea, not the plotting.

Each function returns a :class:`scalinglaws.plotting.BookFigure` (or draws on given axes, for
a calculator); the chapters call them from cells whose input is hidden, and the tests check
each figure's plotted data and labels (nbval compares text outputs only, not images).
"""

from scalinglaws.figures import chinchilla, datalimits, hardware, inference, powerlaw

__all__ = ["chinchilla", "datalimits", "hardware", "inference", "powerlaw"]
