"""Chapter 7, the outlook: energy and carbon, compute growth, sparsity, reliability at scale,
and what a 1,000,000× compute leap buys.

One module per idea; the closed forms the website also computes are in
:mod:`scalinglaws.outlook_formulas`.
"""

from scalinglaws.outlook.coursemap import CHAPTERS, COURSE_MAP, course_map
from scalinglaws.outlook.energy import (
    DATA_CENTRES_2024_TWH,
    DATA_CENTRES_2030_TWH,
    GRID_INTENSITY,
    PUE,
    TrainingEnergy,
    chip_flops_per_joule,
    load_training_energy,
    training_energy,
    training_energy_table,
)
from scalinglaws.outlook.explorer import (
    LLAMA31_405B_FLOPS,
    MOE_MODELS,
    Leap,
    compute_where_data_binds,
    leap,
    moe_table,
    returns_per_decade,
)
from scalinglaws.outlook.growth import (
    ALGORITHMIC_HALVING,
    COMPUTE_GROWTH_ESTIMATES,
    FrontierGrowth,
    algorithmic_growth,
    effective_growth,
    frontier_compute_growth,
    training_compute,
    years_for_factor,
)
from scalinglaws.outlook.reliability import (
    GPU_ROWS,
    LLAMA3_SNAPSHOT,
    LLAMA3_TABLE_5,
    CheckpointPlan,
    checkpoint_plan,
    daly_interval,
    device_mtbf_from_interruptions,
    goodput,
    llama3_checkpoint_minutes,
    young_interval,
)

__all__ = [
    "ALGORITHMIC_HALVING", "CHAPTERS", "COMPUTE_GROWTH_ESTIMATES", "COURSE_MAP",
    "DATA_CENTRES_2024_TWH", "DATA_CENTRES_2030_TWH", "GPU_ROWS", "GRID_INTENSITY",
    "LLAMA31_405B_FLOPS", "LLAMA3_SNAPSHOT", "LLAMA3_TABLE_5", "MOE_MODELS", "PUE",
    "CheckpointPlan", "FrontierGrowth", "Leap", "TrainingEnergy", "algorithmic_growth",
    "checkpoint_plan", "chip_flops_per_joule", "compute_where_data_binds", "course_map",
    "daly_interval", "device_mtbf_from_interruptions", "effective_growth",
    "frontier_compute_growth", "goodput", "leap", "llama3_checkpoint_minutes",
    "load_training_energy", "moe_table", "returns_per_decade", "training_compute",
    "training_energy", "training_energy_table", "years_for_factor", "young_interval",
]
