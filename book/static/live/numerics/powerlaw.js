// y = a·x^b by ordinary least squares on (log x, log y), with t intervals, exactly as
// scalinglaws.powerlaw.fit_power_law (estimates, standard errors, covariance, intervals,
// residual standard deviation, R², and PowerLawFit.predict / predict_interval).

import { tCritical } from "./special.js";
import { PortableRandom } from "./random.js";
import { finiteArray, formatG, integerInRange, numberInRange, ptp, sameLength } from "./validate.js";

function checkConfidence(confidence) {
  return numberInRange("confidence", confidence, 0, 1, { lowInclusive: false, highInclusive: false });
}

function checkXY(x, y, minPoints) {
  const xs = finiteArray("x", x, { positive: true, minSize: minPoints });
  const ys = finiteArray("y", y, { positive: true, minSize: minPoints });
  sameLength({ x: xs, y: ys });
  if (ptp(xs) === 0) throw new Error("x must contain at least two different values; got all equal");
  return [xs, ys];
}

/**
 * Ordinary least squares w = c + b·u, reported as the power law y = e^c·x^b (u = ln x),
 * as scalinglaws.powerlaw._line_fit.
 */
export function lineFit(u, w, confidence = 0.95) {
  const level = checkConfidence(confidence);
  const n = u.length;
  let uMean = 0;
  let wMean = 0;
  for (let i = 0; i < n; i += 1) {
    uMean += u[i];
    wMean += w[i];
  }
  uMean /= n;
  wMean /= n;
  let suu = 0;
  let suw = 0;
  let sww = 0;
  for (let i = 0; i < n; i += 1) {
    const du = u[i] - uMean;
    const dw = w[i] - wMean;
    suu += du * du;
    suw += du * dw;
    sww += dw * dw;
  }
  const b = suw / suu;
  const logA = wMean - b * uMean;
  let rss = 0;
  for (let i = 0; i < n; i += 1) {
    const r = w[i] - (logA + b * u[i]);
    rss += r * r;
  }
  const dof = n - 2;
  const variance = rss / dof;
  // s²·(XᵀX)⁻¹ written with the centred sums.
  const vAA = variance * (1 / n + (uMean * uMean) / suu);
  const vAB = (-variance * uMean) / suu;
  const vBB = variance / suu;
  const seLogA = Math.sqrt(vAA);
  const seB = Math.sqrt(vBB);
  const t = tCritical(level, dof);
  return {
    coefficient: Math.exp(logA),
    exponent: b,
    coefficientCi: [Math.exp(logA - t * seLogA), Math.exp(logA + t * seLogA)],
    exponentCi: [b - t * seB, b + t * seB],
    exponentSe: seB,
    logCoefficientSe: seLogA,
    covariance: [[vAA, vAB], [vAB, vBB]],
    residualStd: Math.sqrt(variance),
    rSquared: sww > 0 ? 1 - rss / sww : 1,
    nPoints: n,
    confidence: level,
  };
}

/**
 * Fit y = a·x^b by ordinary least squares on (log x, log y) (fit_power_law).
 *
 * @param {number[]} x positive, finite, at least 3 points, not all equal
 * @param {number[]} y positive, finite, same length as x
 * @param {number} [confidence=0.95] level of the two-sided t intervals, in (0, 1)
 * @returns {{coefficient:number, exponent:number, coefficientCi:number[], exponentCi:number[],
 *   exponentSe:number, logCoefficientSe:number, covariance:number[][], residualStd:number,
 *   rSquared:number, nPoints:number, confidence:number}}
 */
export function fitPowerLaw(x, y, confidence = 0.95) {
  const [xs, ys] = checkXY(x, y, 3);
  const level = checkConfidence(confidence);
  return lineFit(Array.from(xs, Math.log), Array.from(ys, Math.log), level);
}

/** PowerLawFit.predict: coefficient·x^exponent, for a number or an array of x > 0. */
export function predictPowerLaw(fit, x) {
  if (typeof x === "number") return fit.coefficient * finiteArray("x", [x], { positive: true })[0] ** fit.exponent;
  return Array.from(finiteArray("x", x, { positive: true }), (v) => fit.coefficient * v ** fit.exponent);
}

/**
 * PowerLawFit.predict_interval: the confidence band (low, high) of the fitted line at x,
 * exp(log a + b·log x ± t·√(v_aa + 2·log x·v_ab + log²x·v_bb)).
 * Returns [low, high] for a number, [lows, highs] for an array.
 */
export function predictInterval(fit, x, confidence = null) {
  const level = confidence == null ? fit.confidence : checkConfidence(confidence);
  const scalar = typeof x === "number";
  const values = finiteArray("x", scalar ? [x] : x, { positive: true });
  const [[vAA, vAB], [, vBB]] = fit.covariance;
  const t = tCritical(level, fit.nPoints - 2);
  const lows = [];
  const highs = [];
  for (const v of values) {
    const logX = Math.log(v);
    const spread = Math.sqrt(vAA + 2 * logX * vAB + logX * logX * vBB);
    const centre = Math.log(fit.coefficient) + fit.exponent * logX;
    lows.push(Math.exp(centre - t * spread));
    highs.push(Math.exp(centre + t * spread));
  }
  return scalar ? [lows[0], highs[0]] : [lows, highs];
}

/** The power-law fit's band under the name the package gives it (see NAMES in index.js). */
export const confidenceBand = predictInterval;

/** numpy.logspace(start, stop, num) (as simulate.js's, kept here to avoid an import cycle). */
function logspace(start, stop, num) {
  const out = new Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i += 1) out[i] = 10 ** (i * step + start);
  out[num - 1] = 10 ** stop;
  return out;
}

/**
 * simulate_power_law_portable(exponent, noise, x_min, x_max, n_points, seed, coefficient,
 * offset): x log-spaced, y = (offset + coefficient·x^exponent)·e^(noise·ε), ε from
 * PortableRandom(seed). Returns [x, y].
 */
export function simulatePowerLaw(exponent, noise, xMin, xMax, nPoints,
                                 { seed = 0, coefficient = 1.0, offset = 0.0 } = {}) {
  numberInRange("exponent", exponent, -5, 5);
  numberInRange("noise", noise, 0, 2);
  numberInRange("x_min", xMin, 0, null, { lowInclusive: false });
  numberInRange("x_max", xMax, xMin, null, { lowInclusive: false });
  integerInRange("n_points", nPoints, 3, 10000);
  integerInRange("seed", seed, 0, 2 ** 32 - 1);
  numberInRange("coefficient", coefficient, 0, null, { lowInclusive: false });
  numberInRange("offset", offset, 0, null);
  const x = logspace(Math.log10(xMin), Math.log10(xMax), nPoints);
  const rng = new PortableRandom(seed);
  const y = x.map((v) => (offset + coefficient * v ** exponent) * Math.exp(noise * rng.standardNormal()));
  return [x, y];
}

/**
 * simulate_and_fit_portable: a sweep over `decades` orders of magnitude from x = 1e6 and
 * its fit. Returns {trueExponent, x, y, fit, coversTruth, exponentError}.
 */
export function simulateAndFit({ exponent = -0.076, noise = 0.05, decades = 3.0, nPoints = 12,
                                 seed = 0, offset = 0.0, confidence = 0.95 } = {}) {
  numberInRange("decades", decades, 0.1, 12);
  const [x, y] = simulatePowerLaw(exponent, noise, 1e6, 1e6 * 10 ** decades, nPoints, { seed, offset });
  const fit = fitPowerLaw(x, y, confidence);
  const [low, high] = fit.exponentCi;
  return { trueExponent: exponent, x, y, fit, coversTruth: low <= exponent && exponent <= high,
    exponentError: fit.exponent - exponent };
}

/**
 * fit_exponential_trend(years, values, confidence): ln(values) = c + k·(year − mean year) by
 * least squares; doubling time T = ln 2 / k with the t interval on k mapped through it.
 * Returns {doublingTime, doublingTimeCi, ratePerYear, rateCi, growthPerYear, referenceYear,
 * valueAtReference, nPoints, confidence}.
 */
export function fitExponentialTrend(years, values, confidence = 0.95) {
  const yearValues = finiteArray("years", years, { minSize: 3 });
  const valueArray = finiteArray("values", values, { positive: true, minSize: 3 });
  sameLength({ years: yearValues, values: valueArray });
  if (ptp(yearValues) === 0) throw new Error("years must contain at least two different values; got all equal");
  const level = checkConfidence(confidence);
  const reference = yearValues.reduce((s, v) => s + v, 0) / yearValues.length;
  const fit = lineFit(Array.from(yearValues, (v) => v - reference), Array.from(valueArray, Math.log), level);
  const rate = fit.exponent;
  if (rate <= 0) {
    throw new Error(`values must grow over the years to have a doubling time; the fitted growth rate is ${formatG(rate, 3)} per year`);
  }
  const [lowRate, highRate] = fit.exponentCi;
  return {
    doublingTime: Math.LN2 / rate,
    doublingTimeCi: [Math.LN2 / highRate, lowRate > 0 ? Math.LN2 / lowRate : Infinity],
    ratePerYear: rate,
    rateCi: [lowRate, highRate],
    growthPerYear: Math.exp(rate),
    referenceYear: reference,
    valueAtReference: fit.coefficient,
    nPoints: fit.nPoints,
    confidence: level,
  };
}
