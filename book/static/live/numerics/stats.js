// Summaries of bootstrap draws as the package computes them (numpy's linear percentiles).

import { numberInRange } from "./validate.js";

/** numpy.percentile(values, q) with the default linear method, values already sorted. */
function sortedPercentile(sorted, q) {
  const m = sorted.length;
  if (m === 0) return NaN;
  const position = (q / 100) * (m - 1);
  const lowIndex = Math.floor(position);
  const highIndex = Math.min(lowIndex + 1, m - 1);
  const t = position - lowIndex;
  const a = sorted[lowIndex];
  const b = sorted[highIndex];
  const diff = b - a;
  // numpy's _lerp: a + (b − a)·t, or b − (b − a)·(1 − t) when t ≥ ½.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * percentile_interval(samples, confidence) for one column of draws: the (1 − c)/2 and
 * (1 + c)/2 quantiles of the finite draws; [NaN, NaN] when none is finite.
 */
export function percentileInterval(samples, confidence) {
  const level = numberInRange("confidence", confidence, 0, 1,
    { lowInclusive: false, highInclusive: false });
  const finite = Array.from(samples).filter(Number.isFinite).sort((u, v) => u - v);
  const tail = (100 * (1 - level)) / 2;
  return [sortedPercentile(finite, tail), sortedPercentile(finite, 100 - tail)];
}

/** numpy.std(finite values, ddof=1); NaN with fewer than two finite values. */
export function sampleStd(samples) {
  const finite = Array.from(samples).filter(Number.isFinite);
  const n = finite.length;
  if (n < 2) return NaN;
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  const squares = finite.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  return Math.sqrt(squares / (n - 1));
}
