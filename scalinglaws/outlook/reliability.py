"""Reliability at scale: interruptions from device counts, checkpoint intervals, goodput.

A job on n devices stops when any of them fails: with independent exponential lifetimes of
mean M_device, the job's mean time between interruptions is M = M_device / n. Checkpointing
every τ of work, at a cost δ per checkpoint and R per restart, keeps a share of the wall clock
for useful work (Daly 2006); Young (1974) and Daly (2006) give the best τ.
"""

from __future__ import annotations

from dataclasses import dataclass

from scalinglaws import outlook_formulas as f
from scalinglaws._validate import integer_in_range, number_in_range

__all__ = ["LLAMA3_SNAPSHOT", "CheckpointPlan", "checkpoint_plan", "daly_interval",
           "device_mtbf_from_interruptions", "goodput", "llama3_checkpoint_minutes",
           "young_interval"]

#: Llama 3 405B's 54-day pre-training snapshot (Dubey et al. 2024, §3.3.4 and Table 5): 466
#: interruptions, 47 planned and 419 unexpected, on up to 16,384 H100 GPUs; checkpoints of
#: "1 MB to 4 GB per GPU" to storage with a sustainable 2 TB/s (§3.3.1).
LLAMA3_SNAPSHOT = {"days": 54, "interruptions": 466, "planned": 47, "unexpected": 419,
                   "gpus": 16_384, "checkpoint_gb_per_gpu_max": 4.0,
                   "storage_tb_per_s": 2.0, "source": "dubey2024llama3, §3.3.4, Table 5"}

#: Table 5 of Dubey et al. (2024) as printed: category → (count, printed %). The counts sum to
#: 419; every printed share is count / 419 except "Faulty GPU" (148 / 419 = 35.3 %, printed
#: 30.1 %), and the paper's "58.7 %" for GPU issues is the sum of the printed GPU rows.
LLAMA3_TABLE_5 = {
    "Faulty GPU": (148, 30.1), "GPU HBM3 Memory": (72, 17.2), "Software Bug": (54, 12.9),
    "Network Switch/Cable": (35, 8.4), "Host Maintenance": (32, 7.6),
    "GPU SRAM Memory": (19, 4.5), "GPU System Processor": (17, 4.1), "NIC": (7, 1.7),
    "NCCL Watchdog Timeouts": (7, 1.7), "Silent Data Corruption": (6, 1.4),
    "GPU Thermal Interface + Sensor": (6, 1.4), "SSD": (3, 0.7), "Power Supply": (3, 0.7),
    "Server Chassis": (2, 0.5), "IO Expansion Board": (2, 0.5), "Dependency": (2, 0.5),
    "CPU": (2, 0.5), "System Memory": (2, 0.5),
}
#: The GPU rows of Table 5 (the paper's "GPU issues").
GPU_ROWS = ("Faulty GPU", "GPU HBM3 Memory", "GPU SRAM Memory", "GPU System Processor",
            "GPU Thermal Interface + Sensor", "Silent Data Corruption")


def device_mtbf_from_interruptions(n_devices: float, days: float, interruptions: float) -> float:
    """Per-device mean time between interruptions, in hours: n × 24 × days ÷ interruptions.

    >>> round(device_mtbf_from_interruptions(16_384, 54, 419))
    50677
    """
    n = number_in_range("n_devices", n_devices, 1, 1e8)
    d = number_in_range("days", days, 0, 1e5, low_inclusive=False)
    k = number_in_range("interruptions", interruptions, 0, 1e9, low_inclusive=False)
    return n * f.HOURS_PER_DAY * d / k


def llama3_checkpoint_minutes() -> float:
    """Time to write the largest Llama 3 checkpoint at the storage's sustainable rate, minutes.

    16,384 GPUs × 4 GB at 2 TB/s (Dubey et al. 2024, §3.3.1): an upper end, since the paper
    gives 1 MB to 4 GB per GPU.

    >>> round(llama3_checkpoint_minutes(), 2)
    0.55
    """
    s = LLAMA3_SNAPSHOT
    return s["gpus"] * s["checkpoint_gb_per_gpu_max"] / (s["storage_tb_per_s"] * 1e3) / 60


def _times(checkpoint_time, mtbf):
    delta = number_in_range("checkpoint_time", checkpoint_time, 0, 1e6, low_inclusive=False)
    m = number_in_range("mtbf", mtbf, 0, 1e9, low_inclusive=False)
    return delta, m


def young_interval(checkpoint_time: float, mtbf: float) -> float:
    """Young's (1974) optimum compute time between checkpoints: τ = √(2δM).

    >>> round(young_interval(5, 24 * 60), 1)
    120.0
    """
    return float(f.young_interval(*_times(checkpoint_time, mtbf)))


def daly_interval(checkpoint_time: float, mtbf: float) -> float:
    """Daly's (2006) higher-order optimum τ (same units as δ and M).

    τ = √(2δM)·[1 + ⅓√(δ/2M) + (δ/2M)/9] − δ for δ < 2M, else M. The captions of Daly's
    Figs. 3, 4 and 5 (δ = 5 min; M = 24 h, 6 h, 15 min) give 117, 57 and 9.1 min.

    >>> [round(daly_interval(5, m), 1) for m in (24 * 60, 6 * 60, 15)]
    [116.7, 56.7, 9.1]
    """
    return float(f.daly_interval(*_times(checkpoint_time, mtbf)))


def goodput(interval: float, checkpoint_time: float, restart_time: float, mtbf: float) -> float:
    """Useful share of the wall clock, τ / (M·e^(R/M)·(e^((τ+δ)/M) − 1)) (Daly 2006).

    >>> round(goodput(116.7, 5, 10, 24 * 60), 3)
    0.913
    """
    delta, m = _times(checkpoint_time, mtbf)
    tau = number_in_range("interval", interval, 0, 1e9, low_inclusive=False)
    r = number_in_range("restart_time", restart_time, 0, 1e6)
    return float(f.goodput(tau, delta, r, m))


@dataclass(frozen=True)
class CheckpointPlan:
    """Interruptions and the best checkpoint interval of a job on ``n_devices``.

    Times in minutes except ``device_mtbf_hours``; ``goodput`` at Daly's interval,
    ``goodput_young`` at Young's.
    """

    n_devices: int
    device_mtbf_hours: float
    checkpoint_minutes: float
    restart_minutes: float
    mtbf_minutes: float
    interruptions_per_day: float
    young_minutes: float
    daly_minutes: float
    goodput: float
    goodput_young: float

    @property
    def lost_hours_per_day(self) -> float:
        """Wall-clock hours a day not spent on useful work."""
        return 24.0 * (1.0 - self.goodput)


def checkpoint_plan(n_devices: int, device_mtbf_hours: float, checkpoint_minutes: float,
                    restart_minutes: float) -> CheckpointPlan:
    """Interruptions a day, Young's and Daly's checkpoint intervals and the goodput.

    Parameters
    ----------
    n_devices : int
        Accelerators in the job, 1 to 10,000,000.
    device_mtbf_hours : float
        Mean time between job-stopping failures per device, 10 to 10,000,000 hours.
    checkpoint_minutes : float
        Time δ to write a checkpoint, 0.01 to 600 minutes.
    restart_minutes : float
        Time R to restart from a checkpoint, 0 to 600 minutes.

    Examples
    --------
    Llama 3 405B's snapshot: 16,384 GPUs, one unexpected interruption per 50,677 GPU-hours,
    half a minute per checkpoint and (an assumption) ten minutes per restart:

    >>> plan = checkpoint_plan(16_384, 50_677, 0.55, 10)
    >>> round(plan.interruptions_per_day, 2), round(plan.mtbf_minutes), round(plan.daly_minutes, 1)
    (7.76, 186, 13.9)
    >>> round(plan.goodput, 3)
    0.876
    """
    n = integer_in_range("n_devices", n_devices, 1, 10_000_000)
    device = number_in_range("device_mtbf_hours", device_mtbf_hours, 10, 1e7)
    delta = number_in_range("checkpoint_minutes", checkpoint_minutes, 0.01, 600)
    restart = number_in_range("restart_minutes", restart_minutes, 0, 600)
    m = float(f.cluster_mtbf(device * 60.0, n))
    young = float(f.young_interval(delta, m))
    daly = float(f.daly_interval(delta, m))
    return CheckpointPlan(
        n_devices=n, device_mtbf_hours=device, checkpoint_minutes=delta,
        restart_minutes=restart, mtbf_minutes=m,
        interruptions_per_day=float(f.interruptions_per_day(n, device)),
        young_minutes=young, daly_minutes=daly,
        goodput=float(f.goodput(daly, delta, restart, m)),
        goodput_young=float(f.goodput(young, delta, restart, m)))
