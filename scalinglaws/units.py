"""Units and conversion constants: one place for each, with where it comes from.

The chapters and every module use these names rather than writing the numbers again, so a
PF-day or the 6 of C ≈ 6·N·D means the same thing everywhere. Citation keys refer to
``book/references.bib``.
"""

from __future__ import annotations

__all__ = [
    "FLOPS_PER_PARAM_TOKEN",
    "FLOPS_PER_PETAFLOP",
    "FLOPS_PER_TFLOP",
    "INFERENCE_FLOPS_PER_PARAM_TOKEN",
    "PF_DAY_FLOPS",
    "SECONDS_PER_DAY",
]

#: Seconds in a day: 24 h × 3,600 s = 86,400 s (SI day of 86,400 SI seconds).
SECONDS_PER_DAY = 86_400.0

#: FLOP/s in one TFLOP/s (10¹²): datasheets quote throughput in TFLOP/s (SI prefix tera).
FLOPS_PER_TFLOP = 1e12

#: FLOP/s in one PFLOP/s (10¹⁵, SI prefix peta).
FLOPS_PER_PETAFLOP = 1e15

#: One petaflop/s-day in floating-point operations: 10¹⁵ FLOP/s for 86,400 s = 8.64e19
#: ("one PF-day = 10^15 × 24 × 3600 = 8.64 × 10^19 floating point operations", Kaplan et al.
#: 2020, §1.3 Notation, ``kaplan2020scaling``).
PF_DAY_FLOPS = FLOPS_PER_PETAFLOP * SECONDS_PER_DAY

#: Training FLOPs per parameter per token: 2 for the forward pass and about twice that for
#: the backward pass, so C ≈ 6·N·D ("C ≈ 6N floating point operators per training token",
#: Kaplan et al. 2020, §2.1 prose, ``kaplan2020scaling``; Hoffmann et al. 2022 compare it
#: with a full count in Table A4, ``hoffmann2022training``).
FLOPS_PER_PARAM_TOKEN = 6.0

#: Inference (forward-pass) FLOPs per parameter per token: C_forward ≈ 2·N, one multiply and
#: one add per parameter (Kaplan et al. 2020, Table 1 and §2.1, ``kaplan2020scaling``, which
#: also has a context term 2·n_layer·n_ctx·d_attn, small when d_model ≫ n_ctx/12).
INFERENCE_FLOPS_PER_PARAM_TOKEN = 2.0
