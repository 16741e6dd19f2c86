"""Scaling Laws, an interactive course: the tested formulas, fits, data and calculators.

One module per idea: :mod:`scalinglaws.units` (unit constants) and
:mod:`scalinglaws._validate` (the shared input checks); :mod:`scalinglaws.regression` (least
squares lines, percentile intervals); :mod:`scalinglaws.powerlaw` (fitting power laws);
:mod:`scalinglaws.trends` (exponential trends, doubling times, breakpoints);
:mod:`scalinglaws.hardware` (Dennard, Moore, the clock plateau, accelerators) and
:mod:`scalinglaws.chinchilla` (loss laws, allocation, the three approaches), each a
subpackage; :mod:`scalinglaws.runs_csv` (reading your own runs); :mod:`scalinglaws.datasets`
(the course's validated data tables); :mod:`scalinglaws.plotting` (one figure style) and
:mod:`scalinglaws.widgets` (calculators over those functions).
"""

__version__ = "0.1.0"
