"""The chapters' figures, one function per figure, so a page shows the idea, not the plotting.

Each function returns a :class:`scalinglaws.plotting.BookFigure`; the chapters call them from
cells whose input is hidden, and the tests check each figure's plotted data and labels
(nbval compares text outputs only, not images).
"""

from scalinglaws.figures import chinchilla, hardware, powerlaw

__all__ = ["chinchilla", "hardware", "powerlaw"]
