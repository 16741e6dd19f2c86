"""The 1,000,000× explorer: what multiplying today's compute by 10^k buys under chapter 3's
laws, where chapter 4's data limits bind, how long the trend takes, and the energy it needs.

Also what 6ND and 2N become for a mixture of experts (active against total parameters).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scalinglaws import chinchilla as ch
from scalinglaws import datalimits_formulas as dlf
from scalinglaws import outlook_formulas as f
from scalinglaws._validate import fraction_of_peak, integer_in_range, number_in_range
from scalinglaws.datalimits import MUENNIGHOFF_2023, VILLALOBOS_2024_STOCK
from scalinglaws.outlook.energy import DATA_CENTRES_2024_TWH, chip_flops_per_joule

__all__ = ["LLAMA31_405B_FLOPS", "MOE_MODELS", "Leap", "compute_where_data_binds", "leap",
           "moe_table", "returns_per_decade"]

#: Llama 3.1 405B's training compute, 3.8 × 10²⁵ FLOPs (Dubey et al. 2024, §1): the largest
#: run in the course's table, the explorer's "today".
LLAMA31_405B_FLOPS = 3.8e25

#: Mixtures of experts: (name, total parameters, active parameters per token, training
#: tokens or None, source). Mixtral's paper rounds to 47B/13B; Mistral's post says
#: 46.7B/12.9B. DeepSeek-V3: 671B total, 37B active, 14.8T tokens.
MOE_MODELS = (
    ("Mixtral 8x7B", 46.7e9, 12.9e9, None, "https://mistral.ai/news/mixtral-of-experts"),
    ("DeepSeek-V3", 671e9, 37e9, 14.8e12, "deepseekai2024deepseekv3"),
)


def moe_table() -> pd.DataFrame:
    """Active against total parameters and what 6ND and 2N become (use N_active).

    Weights in memory scale with the total (``bf16_weights_gb``, 2 bytes a parameter);
    compute per token with the active parameters.

    >>> t = moe_table().set_index("model")
    >>> share = float(t.loc["Mixtral 8x7B", "active_share"])
    >>> f"{t.loc['DeepSeek-V3', 'training_flops']:.3g}", round(share, 3)
    ('3.29e+24', 0.276)
    """
    rows = []
    for name, total, active, tokens, source in MOE_MODELS:
        rows.append({
            "model": name, "total_params": total, "active_params": active,
            "active_share": active / total,
            "gflops_per_token": float(f.moe_inference_flops_per_token(active)) / 1e9,
            "dense_gflops_per_token": float(f.moe_inference_flops_per_token(total)) / 1e9,
            "bf16_weights_gb": 2.0 * total / 1e9,
            "training_flops": (float(f.moe_training_flops(active, tokens)) if tokens
                               else float("nan")),
            "source": source})
    return pd.DataFrame(rows)


def returns_per_decade(law="besiroglu2024", decades=(1, 2, 3, 6)) -> pd.DataFrame:
    """Reducible loss left after 10^k more compute at the optimum: 10^(−kγ), γ = αβ/(α+β).

    >>> left = returns_per_decade("besiroglu2024").set_index("decades")["reducible_left"]
    >>> round(float(left[1]), 3), round(float(left[6]), 3)
    (0.663, 0.085)
    """
    chosen = ch.get_law(law)
    gamma = float(f.chinchilla_gamma(chosen.alpha, chosen.beta))
    return pd.DataFrame({"decades": list(decades),
                         "reducible_left": [float(f.reducible_loss_factor(10.0 ** k, gamma))
                                            for k in decades]})


@dataclass(frozen=True)
class Leap:
    """Today's compute and 10^k times it: the optimum, the data it needs, time and energy."""

    base_flops: float
    decades: int
    compute_flops: float
    law: ch.LossLaw
    params: float
    tokens: float
    loss: float
    base_params: float
    base_tokens: float
    base_loss: float
    reducible_left: float
    stock_tokens: float
    epochs_over_stock: float
    repeated_worth: float
    growth_per_year: float
    years: float
    energy_twh: float
    share_of_data_centres_2024: float
    peak_flops_per_joule: float

    @property
    def data_binds(self) -> bool:
        """True when the compute-optimal run needs more tokens than the stock."""
        return self.epochs_over_stock > 1


def leap(base_flops: float = LLAMA31_405B_FLOPS, decades: int = 6, law="besiroglu2024",
         stock_tokens: float = VILLALOBOS_2024_STOCK["tokens"], growth_per_year: float = 4.6,
         accelerator=("NVIDIA H100 (SXM5 80GB)", "bf16"), utilisation: float = 0.4,
         pue: float = 1.1) -> Leap:
    """Multiply compute by 10^``decades`` and follow chapter 3's law and chapter 4's stock.

    The compute-optimal N and D (Hoffmann et al. 2022, eq. 4) and loss; the reducible loss
    left, (10^k)^(−γ); the tokens needed over the stock of text as epochs, and what those
    epochs are worth in fresh passes by Muennighoff et al.'s eq. 5 (at most 16.4); the years
    the trend takes at ×``growth_per_year``; the energy at today's efficiency (an
    ``accelerator`` = (chip, number format) of the table, ``utilisation``, ``pue``).

    Examples
    --------
    >>> big = leap()
    >>> f"{big.compute_flops:.2g}", round(big.params / 1e12, 1), round(big.tokens / 1e15, 2)
    ('3.8e+31', 737.9, 8.58)
    >>> round(big.epochs_over_stock, 1), round(big.years, 1), round(big.energy_twh / 1e3, 1)
    (28.6, 9.1, 20.5)
    """
    base = number_in_range("base_flops", base_flops, 1e18, 1e30)
    k = integer_in_range("decades", decades, 0, 9)
    chosen = ch.get_law(law)
    stock = number_in_range("stock_tokens", stock_tokens, 1e12, 1e17)
    growth = number_in_range("growth_per_year", growth_per_year, 1, 100, low_inclusive=False)
    u = fraction_of_peak(utilisation)
    p = number_in_range("pue", pue, 1, 3)
    chip, precision = accelerator
    per_joule = chip_flops_per_joule(chip, precision)
    compute = base * 10.0 ** k
    params = float(dlf.optimal_params(compute, chosen))
    tokens = float(dlf.optimal_tokens(compute, chosen))
    base_params = float(dlf.optimal_params(base, chosen))
    base_tokens = float(dlf.optimal_tokens(base, chosen))
    epochs = tokens / stock
    energy = float(f.training_energy_joules(compute, per_joule, u, p))
    energy_twh = energy / f.JOULES_PER_KWH / 1e9
    return Leap(
        base_flops=base, decades=k, compute_flops=compute, law=chosen, params=params,
        tokens=tokens, loss=float(dlf.optimal_loss(compute, chosen)),
        base_params=base_params, base_tokens=base_tokens,
        base_loss=float(dlf.optimal_loss(base, chosen)),
        reducible_left=float(f.reducible_loss_factor(10.0 ** k, float(
            f.chinchilla_gamma(chosen.alpha, chosen.beta)))),
        stock_tokens=stock, epochs_over_stock=epochs,
        repeated_worth=float(dlf.effective_data(1.0, max(epochs, 1.0),
                                                MUENNIGHOFF_2023.rd_star)),
        growth_per_year=growth, years=float(f.years_for_factor(10.0 ** k, growth)),
        energy_twh=energy_twh, share_of_data_centres_2024=energy_twh / DATA_CENTRES_2024_TWH,
        peak_flops_per_joule=per_joule)


def compute_where_data_binds(stock_tokens: float = VILLALOBOS_2024_STOCK["tokens"],
                             law="besiroglu2024") -> float:
    """The budget whose compute-optimal run reads the whole stock once: C = 6·(S·G)^(1/b).

    Inverts D_opt = G⁻¹·(C/6)^b (Hoffmann et al. 2022, eq. 4) at D_opt = S.

    >>> f"{compute_where_data_binds():.2g}"
    '3.9e+28'
    """
    stock = number_in_range("stock_tokens", stock_tokens, 1e9, 1e18)
    chosen = ch.get_law(law)
    return f.FLOPS_PER_PARAM_TOKEN * (stock * chosen.G) ** (1.0 / chosen.b)
