"""The Chinchilla loss law L(N, D) = E + A/N^α + B/D^β and its published fits.

Hoffmann et al. (2022) model the final loss of a language model with N parameters trained on
D tokens as L(N, D) = E + A/N^α + B/D^β (their eq. 2). Citation keys refer to
``book/references.bib``; equation numbers are those of the arXiv paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scalinglaws import formulas
from scalinglaws._validate import number_in_range, positive

__all__ = ["BESIROGLU_2024", "GOPHER_FLOPS", "HOFFMANN_2022", "HOFFMANN_2022_TEX", "LAWS",
           "LossLaw", "get_law"]

#: Training compute of Gopher, and of Chinchilla at the same budget: 5.76e23 FLOPs
#: (Hoffmann et al. 2022, Figure 2 caption; Table 3 row "67 Billion").
GOPHER_FLOPS = 5.76e23


@dataclass(frozen=True)
class LossLaw:
    """The parametric loss L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, eq. 2).

    Attributes
    ----------
    E : float
        Irreducible loss (nats per token), ≥ 0.
    A, B : float
        Scales of the parameter and data terms, > 0.
    alpha, beta : float
        Exponents α (parameters) and β (tokens), > 0.
    name : str
        Short label for tables and plots.
    source : str
        Citation key in ``book/references.bib`` and where the numbers are printed.

    Examples
    --------
    >>> law = LossLaw(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28)
    >>> round(law.loss(70e9, 1.4e12), 4)
    1.9367
    >>> round(law.a, 4), round(law.b, 4)
    (0.4516, 0.5484)
    """

    E: float
    A: float
    B: float
    alpha: float
    beta: float
    name: str = "custom law"
    source: str = ""

    def __post_init__(self) -> None:
        number_in_range("E", self.E, 0, None)
        number_in_range("A", self.A, 0, None, low_inclusive=False)
        number_in_range("B", self.B, 0, None, low_inclusive=False)
        number_in_range("alpha", self.alpha, 0, None, low_inclusive=False)
        number_in_range("beta", self.beta, 0, None, low_inclusive=False)

    def loss(self, params, tokens):
        """Predicted loss E + A/N^α + B/D^β for ``params`` N and ``tokens`` D (both > 0).

        Arrays broadcast; scalars give a float.
        """
        n = positive("params", params)
        d = positive("tokens", tokens)
        _broadcastable(params=n, tokens=d)
        result = formulas.law_loss(self, n, d)
        return float(result) if np.ndim(result) == 0 else result

    def loss_with_unlimited_data(self, params):
        """E + A/N^α: the loss of a model of ``params`` trained on unlimited data (D → ∞).

        >>> round(HOFFMANN_2022.loss_with_unlimited_data(1e10), 4)
        1.8518
        """
        n = positive("params", params)
        result = self.E + self.A / n**self.alpha
        return float(result) if np.ndim(result) == 0 else result

    @property
    def a(self) -> float:
        """Exponent of N_opt ∝ C^a: a = β/(α+β) (Hoffmann et al. 2022, eq. 4)."""
        return formulas.law_a(self)

    @property
    def b(self) -> float:
        """Exponent of D_opt ∝ C^b: b = α/(α+β) (Hoffmann et al. 2022, eq. 4)."""
        return formulas.law_b(self)

    @property
    def G(self) -> float:  # noqa: N802 - the paper's symbol
        """G = (αA/(βB))^(1/(α+β)) of Hoffmann et al. (2022), eq. 4."""
        return formulas.law_g(self)

    def as_row(self) -> dict:
        """The five numbers and the implied a, b, as a dict (for tables)."""
        return {"E": self.E, "A": self.A, "B": self.B, "alpha": self.alpha,
                "beta": self.beta, "a": self.a, "b": self.b}


#: Hoffmann et al. (2022), Approach 3 as printed: Appendix D.2, eq. 10, E = 1.69, A = 406.4,
#: B = 410.7, α = 0.34, β = 0.28. These rounded exponents give a = 0.4516, not Table 2's 0.46.
HOFFMANN_2022 = LossLaw(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28,
                        name="Hoffmann et al. 2022 (eq. 10, as printed)",
                        source="hoffmann2022training, Appendix D.2, eq. 10")

#: Hoffmann et al. (2022), the unrounded Approach 3 estimates of the arXiv TeX source, as used
#: by the replication's code: log A = 6.0073404, log B = 6.0179186, log E = 0.5267228,
#: α = 0.33917084, β = 0.2849083 (they reproduce Table 2's a = 0.46).
HOFFMANN_2022_TEX = LossLaw(E=float(np.exp(0.5267228)), A=float(np.exp(6.0073404)),
                            B=float(np.exp(6.0179186)), alpha=0.33917084, beta=0.2849083,
                            name="Hoffmann et al. 2022 (unrounded, TeX source)",
                            source="hoffmann2022training, arXiv TeX source via "
                                   "besiroglu2024chinchilla's code")

#: Besiroglu et al. (2024), the refit of Hoffmann's Figure 4 data (five highest losses dropped):
#: E = 1.82, A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658; full precision from the
#: replication's code: log A = 6.17795598, log B = 7.64273236, log E = 0.59711196,
#: α = 0.34781303, β = 0.36585412 (E = 1.8169).
BESIROGLU_2024 = LossLaw(E=float(np.exp(0.59711196)), A=float(np.exp(6.17795598)),
                         B=float(np.exp(7.64273236)), alpha=0.34781303, beta=0.36585412,
                         name="Besiroglu et al. 2024 (replication)",
                         source="besiroglu2024chinchilla")

#: The named laws, by a short key (for the calculators' drop-downs).
LAWS = {"besiroglu2024": BESIROGLU_2024, "hoffmann2022": HOFFMANN_2022,
        "hoffmann2022_tex": HOFFMANN_2022_TEX}


def _broadcastable(**arrays) -> None:
    """Raise a ValueError naming the arguments when their shapes cannot be combined."""
    try:
        np.broadcast_shapes(*(np.shape(value) for value in arrays.values()))
    except ValueError:
        shapes = " and ".join(f"{name} {np.shape(value)}" for name, value in arrays.items())
        raise ValueError(f"{' and '.join(arrays)} must have the same length (or one be a "
                         f"single number); got shapes {shapes}") from None


def get_law(law) -> LossLaw:
    """``law`` itself if it is a :class:`LossLaw`, else the preset of that key in :data:`LAWS`.

    >>> get_law("hoffmann2022") is HOFFMANN_2022
    True
    """
    return _as_law(law)


def _as_law(law) -> LossLaw:
    if isinstance(law, LossLaw):
        return law
    if isinstance(law, str) and law in LAWS:
        return LAWS[law]
    raise ValueError(f"law must be a LossLaw or one of {sorted(LAWS)}; got {law!r}")
