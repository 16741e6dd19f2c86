"""A random generator that gives the same draws in Python and in the book's web pages.

The calculators compute on the published page in JavaScript, and a simulation must show the
same runs there as in the notebook for the same seed. numpy's generators cannot be reproduced
in a browser, so this module defines a small one that can, bit for bit:
xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators") seeded
through splitmix32, 53-bit uniform doubles, and standard normals by Marsaglia's polar method
(Marsaglia & Bray 1964) with a logarithm that uses only IEEE +, −, ×, ÷ (fdlibm's ``e_log.c``),
so that no platform's ``libm`` can make the draws differ. Its twin is
``book/static/live/numerics/random.js``; ``tests/test_live_numerics.py`` checks the two agree.

The package's own simulations and bootstraps keep numpy's generator (the chapters print
their numbers); the ``*_portable`` functions here are the same computations with these draws,
which is what the page computes.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from scalinglaws._validate import integer_in_range

__all__ = ["PortableRandom", "compare_approaches_portable", "fit_parametric_portable",
           "portable_log",
           "simulate_and_fit_portable",
           "simulate_power_law_portable", "simulate_training_runs_portable"]

_MASK = 0xFFFFFFFF
_SQRT_HALF = 0.7071067811865476
_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_LG = (6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
       2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01,
       1.479819860511658591e-01)


def _splitmix32(state: int) -> tuple[int, int]:
    state = (state + 0x9E3779B9) & _MASK
    z = state
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & _MASK
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & _MASK
    return state, z ^ (z >> 16)


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (32 - k))) & _MASK


def portable_log(s: float) -> float:
    """ln s for 0 < s ≤ 1 with only +, −, ×, ÷: fdlibm's reduction s = m·2^k and polynomial.

    >>> import math
    >>> abs(portable_log(0.3) - math.log(0.3)) <= 1e-16
    True
    """
    m, k = float(s), 0
    while m < _SQRT_HALF:
        m *= 2.0
        k -= 1
    f = m - 1.0
    r = f / (2.0 + f)
    z = r * r
    w = z * z
    t1 = w * (_LG[1] + w * (_LG[3] + w * _LG[5]))
    t2 = z * (_LG[0] + w * (_LG[2] + w * (_LG[4] + w * _LG[6])))
    hfsq = 0.5 * f * f
    return k * _LN2_HI - ((hfsq - (r * (hfsq + (t1 + t2)) + k * _LN2_LO)) - f)


class PortableRandom:
    """xoshiro128** seeded by splitmix32: the same draws as ``PortableRandom`` in random.js.

    Parameters
    ----------
    seed : int
        Whole number in [0, 2³² − 1].

    Examples
    --------
    >>> rng = PortableRandom(0)
    >>> rng.next_uint32(), rng.next_uint32()
    (3809008728, 1133695204)
    """

    def __init__(self, seed: int = 0) -> None:
        state = integer_in_range("seed", seed, 0, 2**32 - 1)
        self._s = []
        for _ in range(4):
            state, value = _splitmix32(state)
            self._s.append(value)
        self._spare: float | None = None

    def next_uint32(self) -> int:
        """The next 32-bit output."""
        s = self._s
        result = (_rotl((s[1] * 5) & _MASK, 7) * 9) & _MASK
        t = (s[1] << 9) & _MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 11)
        return result

    def random(self) -> float:
        """A uniform double in [0, 1) with 53 random bits."""
        high = self.next_uint32() >> 5
        low = self.next_uint32() >> 6
        return (high * 67108864 + low) / 9007199254740992

    def integers(self, low: int, high: int) -> int:
        """A whole number in [low, high): floor(low + random()·(high − low))."""
        return low + int(np.floor(self.random() * (high - low)))

    def standard_normal(self, size: int | None = None):
        """Standard normal draws (Marsaglia's polar method): a float, or an array of ``size``."""
        if size is not None:
            count = integer_in_range("size", size, 0, 10**8)
            return np.array([self.standard_normal() for _ in range(count)])
        if self._spare is not None:
            value, self._spare = self._spare, None
            return value
        while True:
            u = 2.0 * self.random() - 1.0
            v = 2.0 * self.random() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                factor = math.sqrt(-2.0 * portable_log(s) / s)
                self._spare = v * factor
                return u * factor


def simulate_training_runs_portable(*args, **kwargs):
    """:func:`scalinglaws.chinchilla.simulate_training_runs` with :class:`PortableRandom` noise.

    The same arguments, checks and design (budgets, model sizes, token counts); only the
    standard-normal draws differ: ε comes from ``PortableRandom(seed)``, first one per IsoFLOP
    run, then one per training-curve point, so the web page's simulation (random.js and
    simulate.js) shows the same runs for the same seed.

    Examples
    --------
    >>> runs = simulate_training_runs_portable(noise=0.01, seed=3)
    >>> eps = PortableRandom(3).standard_normal(len(runs.isoflop_loss))
    >>> clean = runs.truth.loss(runs.isoflop_params, runs.isoflop_tokens)
    >>> bool(np.allclose(runs.isoflop_loss, clean * np.exp(0.01 * eps), rtol=1e-14))
    True
    """
    from scalinglaws.chinchilla import simulate_training_runs

    runs = simulate_training_runs(*args, **kwargs)
    rng = PortableRandom(runs.seed)
    iso_clean = runs.truth.loss(runs.isoflop_params, runs.isoflop_tokens)
    curve_clean = runs.truth.loss(runs.curve_params, runs.curve_tokens)
    iso_loss = iso_clean * np.exp(runs.noise * rng.standard_normal(iso_clean.size))
    curve_loss = curve_clean * np.exp(runs.noise * rng.standard_normal(curve_clean.size))
    return dataclasses.replace(runs, isoflop_loss=iso_loss, curve_loss=curve_loss)


def simulate_power_law_portable(exponent: float, noise: float, x_min: float, x_max: float,
                                n_points: int, seed: int = 0, coefficient: float = 1.0,
                                offset: float = 0.0):
    """:func:`scalinglaws.powerlaw.simulate_power_law` with :class:`PortableRandom` noise.

    The same arguments, checks and x; y = (offset + coefficient·x^exponent)·e^(noise·ε) with
    ε from ``PortableRandom(seed)`` (the page's ``simulatePowerLaw`` draws the same).

    >>> x, y = simulate_power_law_portable(-0.5, 0.1, 1.0, 100.0, 3, seed=1)
    >>> bool(np.allclose(y, x**-0.5 * np.exp(0.1 * PortableRandom(1).standard_normal(3))))
    True
    """
    from scalinglaws.powerlaw import simulate_power_law

    x, _ = simulate_power_law(exponent, noise, x_min, x_max, n_points, seed, coefficient,
                              offset)
    clean = offset + coefficient * x**exponent
    return x, clean * np.exp(noise * PortableRandom(seed).standard_normal(x.size))


def simulate_and_fit_portable(exponent: float = -0.076, noise: float = 0.05,
                              decades: float = 3.0, n_points: int = 12, seed: int = 0,
                              offset: float = 0.0, confidence: float = 0.95):
    """:func:`scalinglaws.powerlaw.simulate_and_fit` on :func:`simulate_power_law_portable` data.

    >>> result = simulate_and_fit_portable(noise=0.0)
    >>> round(result.fit.exponent, 6), result.covers_truth
    (-0.076, True)
    """
    from scalinglaws.powerlaw import SimulatedFit, fit_power_law, simulate_and_fit

    # The package's function makes the checks (in its order) and the x; only y is redrawn.
    x = simulate_and_fit(exponent, noise, decades, n_points, seed, offset, confidence).x
    y = (offset + x**exponent) * np.exp(noise * PortableRandom(seed).standard_normal(x.size))
    return SimulatedFit(true_exponent=float(exponent), x=x, y=y,
                        fit=fit_power_law(x, y, confidence))


def fit_parametric_portable(params, tokens, loss, n_bootstrap: int = 0, seed: int = 0,
                            confidence: float = 0.95, delta: float | None = None,
                            n_starts: int = 10):
    """:func:`scalinglaws.chinchilla.fit_parametric` with its bootstrap resamples drawn by
    :class:`PortableRandom`: the page's ``fitParametric`` makes the same resamples.

    The point estimate is ``fit_parametric``'s; each of the ``n_bootstrap`` resamples takes
    ``integers(0, n)`` n times from ``PortableRandom(seed)`` as multiplicity weights and is
    refitted from the estimate, as ``fit_parametric`` does with numpy's generator.

    >>> from scalinglaws.chinchilla import HOFFMANN_2022
    >>> n, d = np.repeat([1e8, 3e8, 1e9], 3), np.tile([2e9, 6e9, 2e10], 3)
    >>> fit = fit_parametric_portable(n, d, HOFFMANN_2022.loss(n, d), n_bootstrap=3)
    >>> fit.bootstrap_thetas.shape
    (3, 5)
    """
    from scalinglaws.chinchilla import parametric as ch

    delta = ch.HUBER_DELTA if delta is None else delta
    log_n, log_d, log_l, n_bootstrap, seed, confidence, delta = ch._fit_inputs(
        params, tokens, loss, n_bootstrap, seed, confidence, delta)
    fit = ch.fit_parametric(params, tokens, loss, 0, seed, confidence, delta, n_starts)
    if not n_bootstrap:
        return fit
    theta = ch._theta(fit.law)
    rng = PortableRandom(seed)
    size = log_n.size
    thetas = np.full((n_bootstrap, 5), np.nan)
    with ch._one_blas_thread():
        for i in range(n_bootstrap):
            picks = [rng.integers(0, size) for _ in range(size)]
            weights = np.bincount(picks, minlength=size).astype(float)
            result = ch._minimise(theta, log_n, log_d, log_l, weights, delta,
                                  ch._BOOTSTRAP_OPTIONS)
            if np.all(np.isfinite(result.x)) and result.x[3] > 0 and result.x[4] > 0:
                thetas[i] = result.x
    intervals, errors = ch._summarise(thetas, confidence)
    return dataclasses.replace(fit, n_bootstrap=n_bootstrap, intervals=intervals,
                               standard_errors=errors, bootstrap_thetas=thetas)


def compare_approaches_portable(truth="hoffmann2022", noise: float = 0.005,
                                window_offset: float = 0.0, window_decades: float = 1.5,
                                window_exponent: float | None = None,
                                models_per_budget: int = 9, seed: int = 0,
                                n_bootstrap: int = 50, confidence: float = 0.95):
    """:func:`scalinglaws.chinchilla.compare_approaches` on :func:`simulate_training_runs_portable`
    runs, with :func:`fit_parametric_portable`'s bootstrap: what the fit lab computes, on the
    page (``compareApproaches`` in ``numerics/approaches.js``) and on the kernel alike.

    The same arguments and checks; Approaches 1 and 2 are ``fit_envelope`` and
    ``fit_isoflop``, Approach 3's point estimate is ``fit_parametric``'s.

    >>> comp = compare_approaches_portable(noise=0.0, n_bootstrap=0)
    >>> [round(row["a"], 2) for row in comp.rows()]
    [0.45, 0.45, 0.45, 0.45]
    """
    from scalinglaws.chinchilla import compare_approaches, get_law

    return compare_approaches(get_law(truth), noise=noise, window_offset=window_offset,
                              window_decades=window_decades, window_exponent=window_exponent,
                              models_per_budget=models_per_budget, seed=seed,
                              n_bootstrap=n_bootstrap, confidence=confidence,
                              simulate=simulate_training_runs_portable,
                              fit_final=fit_parametric_portable)
