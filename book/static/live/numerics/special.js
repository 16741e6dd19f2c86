// Special functions for Student's t intervals: log-gamma, log-beta, the regularized
// incomplete beta function, the t distribution's CDF, survival function and quantile.
// Accuracy target: scipy.stats.t.ppf to ~1e-10 relative for df 1..10,000 (tests/test_live_numerics.py).

import { numberInRange } from "./validate.js";

const LN_SQRT_2PI = 0.9189385332046727; // log(sqrt(2π))
const TINY = 1e-300;

/** Stirling-series remainder: lgamma(x) - ((x - 0.5)·log x - x + log √(2π)), for x ≥ 10. */
function lgammaCorrection(x) {
  const r = 1 / (x * x);
  // Bernoulli terms B_2k / (2k(2k-1) x^(2k-1)), k = 1..8.
  return (1 / x) * (1 / 12 + r * (-1 / 360 + r * (1 / 1260 + r * (-1 / 1680 + r * (1 / 1188
    + r * (-691 / 360360 + r * (1 / 156 + r * (-3617 / 122400))))))));
}

/** log Γ(x) for x > 0. */
export function logGamma(x) {
  if (!(x > 0)) throw new Error(`x must be greater than 0; got ${x}`);
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + lgammaCorrection(x);
  let product = 1;
  let shifted = x;
  while (shifted < 10) {
    product *= shifted;
    shifted += 1;
  }
  return logGamma(shifted) - Math.log(product);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), without cancellation for large a or b. */
export function logBeta(a, b) {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = lgammaCorrection(p) + lgammaCorrection(q) - lgammaCorrection(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q))
      + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = lgammaCorrection(q) - lgammaCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** Continued fraction of I_x(a, b) (modified Lentz), converging for x < (a+1)/(a+b+2). */
function betaContinuedFraction(a, b, x) {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) return h;
  }
  throw new Error(`the incomplete beta function did not converge (a = ${a}, b = ${b}, x = ${x})`);
}

/**
 * I_x(a, b) with x and y = 1 − x given separately (and their logarithms), so that callers
 * that know 1 − x more accurately than by subtraction keep that accuracy.
 */
function incompleteBetaParts(a, b, x, y, logX, logY) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  if (x < (a + 1) / (a + b + 2)) {
    const front = Math.exp(a * logX + b * logY - logBeta(a, b)) / a;
    return front * betaContinuedFraction(a, b, x);
  }
  const front = Math.exp(b * logY + a * logX - logBeta(a, b)) / b;
  return 1 - front * betaContinuedFraction(b, a, y);
}

/** The regularized incomplete beta function I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function regularizedIncompleteBeta(x, a, b) {
  numberInRange("a", a, 0, null, { lowInclusive: false });
  numberInRange("b", b, 0, null, { lowInclusive: false });
  numberInRange("x", x, 0, 1);
  return incompleteBetaParts(a, b, x, 1 - x, Math.log(x), Math.log1p(-x));
}

function checkDf(df) {
  return numberInRange("df", df, 0, null, { lowInclusive: false });
}

/** P(T > t) for t ≥ 0: ½·I_{df/(df+t²)}(df/2, ½), with both arguments formed without loss. */
function upperTail(t, df) {
  const s = (t * t) / df;
  const x = 1 / (1 + s); // df/(df + t²)
  const y = s / (1 + s); // t²/(df + t²)
  const logX = -Math.log1p(s);
  const logY = Math.log(s) + logX;
  return 0.5 * incompleteBetaParts(df / 2, 0.5, x, y, logX, logY);
}

/** Survival function P(T > t) of Student's t with df degrees of freedom. */
export function tSurvival(t, df) {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (t === 0) return 0.5;
  return t > 0 ? upperTail(t, df) : 1 - upperTail(-t, df);
}

/** CDF P(T ≤ t) of Student's t with df degrees of freedom. */
export function tCdf(t, df) {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (t === 0) return 0.5;
  return t < 0 ? upperTail(-t, df) : 1 - upperTail(t, df);
}

/** Density of Student's t. */
export function tPdf(t, df) {
  checkDf(df);
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Acklam's rational approximation of the standard normal quantile (|rel. error| < 1.2e-9). */
export function normalQuantileApprox(p) {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2,
    1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2,
    6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838,
    -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
      / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -normalQuantileApprox(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** P(|T| < t) for t ≥ 0: I_{t²/(df+t²)}(½, df/2), accurate relative to itself for small t. */
function central(t, df) {
  const s = (t * t) / df;
  const logX = -Math.log1p(s);
  return incompleteBetaParts(0.5, df / 2, s / (1 + s), 1 / (1 + s), Math.log(s) + logX, logX);
}

/**
 * The t ≥ 0 with P(T > t) = q, given q and c = 1 − 2q (both exact for p = 1 − q ≥ ½):
 * Newton's method on the convex, falling tail, with the tail written as (c − P(|T| < t))/2
 * while that is the accurate form (small t) and as P(T > t) − q beyond.
 */
function upperQuantile(q, c, df) {
  if (c === 0) return 0;
  if (df === 1) return Math.tan(Math.PI * (c / 2));
  if (df === 2) return c * Math.sqrt(2 / (1 - c * c));
  const z = -normalQuantileApprox(q);
  // Cornish-Fisher start (Abramowitz & Stegun 26.7.5); Newton converges from either side.
  let t = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  if (!(t > 0)) t = z > 0 ? z : 1e-3;
  const logNorm = -logBeta(df / 2, 0.5) - 0.5 * Math.log(df);
  let low = 0;
  let high = Infinity;
  let previous = Infinity;
  for (let iteration = 0; iteration < 500; iteration += 1) {
    const inside = central(t, df);
    const excess = inside < 0.5 ? (c - inside) / 2 : upperTail(t, df) - q;
    if (excess > 0) low = Math.max(low, t);
    else high = Math.min(high, t);
    if (excess === 0) return t;
    const step = excess / Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
    let next = t + step;
    if (!(next > low && next < high)) next = Number.isFinite(high) ? 0.5 * (low + high) : 2 * t;
    const change = Math.abs(next - t);
    t = next;
    if (change <= 2e-16 * t || (change <= 1e-13 * t && change >= previous)) return t;
    previous = change;
  }
  return t;
}

/**
 * Quantile (inverse CDF) of Student's t: the t with P(T ≤ t) = p, as scipy.stats.t.ppf.
 *
 * @param {number} p probability in (0, 1)
 * @param {number} df degrees of freedom, > 0
 * @returns {number}
 */
export function tQuantile(p, df) {
  numberInRange("p", p, 0, 1, { lowInclusive: false, highInclusive: false });
  checkDf(df);
  return p >= 0.5 ? upperQuantile(1 - p, 2 * p - 1, df) : -upperQuantile(p, 1 - 2 * p, df);
}

/** The t multiplier of a two-sided interval at `confidence`: t.ppf(0.5 + confidence/2, df). */
export function tCritical(confidence, df) {
  numberInRange("confidence", confidence, 0, 1, { lowInclusive: false, highInclusive: false });
  return tQuantile(0.5 + confidence / 2, df);
}
