// Mirage explorer (chapter 5): a view over scalinglaws.emergence.mirage, computed with the
// formulas generated from scalinglaws/emergence_formulas.py.
import * as F from "../generated/emergence_formulas.js";
import { COLORS, format, powerOfTenLabel } from "./common.js";

/** emergence.METRICS: the metrics' names. */
const METRICS = {
  exact_match: "exact match",
  multiple_choice: "multiple choice (4 options)",
  edit_distance: "token edit distance",
  brier: "Brier score",
};
/** widgets.emergence.METRIC_UNITS. */
const UNITS = { exact_match: "accuracy", multiple_choice: "grade",
  edit_distance: "tokens wrong", brier: "Brier score" };
/** figures.emergence.MIRAGE_STYLE: colour, dash and label of each metric's curve. */
const STYLE = {
  edit_distance: [COLORS.black, "dashed", "per-token accuracy = 1 − edit distance / L"],
  brier: [COLORS.green, "solid", "1 − Brier score"],
  multiple_choice: [COLORS.purple, "solid", "multiple-choice grade"],
  exact_match: [COLORS.blue, "solid", "exact match"],
};
/** emergence.MIRAGE_COMPUTE_RANGE and the defaults of the per-token law. */
const RANGE = [16, 28];
const SCALE_CONSTANT = 1e21;
const OPTIONS = F.MULTIPLE_CHOICE_OPTIONS;

function logspace(low, high, count) {
  return Array.from({ length: count }, (_, i) =>
    Math.pow(10, low + (high - low) * i / (count - 1)));
}

function legend(key, length) {
  const label = STYLE[key][2];
  return key === "exact_match" || key === "multiple_choice" ? `${label} (L = ${length})` : label;
}

export function compute({ length, metric, exponent, threshold }) {
  const c = SCALE_CONSTANT;
  const computeGrid = logspace(RANGE[0], RANGE[1], 73);
  const p = computeGrid.map((x) => F.token_accuracy(x, c, exponent));
  const scores = {};
  for (const key of Object.keys(METRICS)) {
    scores[key] = p.map((value) => F.score(value, length, key, OPTIONS));
  }
  const sizes = logspace(RANGE[0], RANGE[1], RANGE[1] - RANGE[0] + 1);
  const sizeScores = sizes.map((x) =>
    F.score(F.token_accuracy(x, c, exponent), length, metric, OPTIONS));
  const floor = F.floor(metric, OPTIONS);
  const at = F.emergence_scale(threshold, length, metric, c, exponent);
  const perToken = F.emergence_scale(threshold, length, "edit_distance", c, exponent);
  const before = F.token_accuracy(at / 10, c, exponent);
  return {
    length, metric, exponent, threshold, compute: computeGrid, scores, sizes, sizeScores,
    emergence_compute: at, emergence_score: floor + (1 - floor) * threshold,
    accuracy_at_emergence: F.accuracy_for_progress(threshold, length, metric),
    value_decade_before: F.metric_value(before, length, metric, OPTIONS),
    accuracy_decade_before: before,
    rise_decades: F.rise_decades(length, metric, exponent),
    delay_decades: Math.log10(at / perToken),
  };
}

export function describe(m) {
  const delay = m.delay_decades;
  const later = Math.abs(delay) < 0.005 ? "the same scale"
    : delay > 0 ? `${format(delay, ".2f")} decades later`
      : `${format(-delay, ".2f")} decades earlier`;
  return [
    ["Metric", `${METRICS[m.metric]}, answers of ${m.length} tokens`],
    [`Apparent emergence (${format(m.threshold, ".3g")} of the way from floor to ceiling)`,
      `${powerOfTenLabel(m.emergence_compute)} FLOPs`],
    ["Per-token accuracy there", format(m.accuracy_at_emergence, ".3g")],
    ["One decade of compute earlier", `${format(m.value_decade_before, ".3g")} `
      + `(${UNITS[m.metric]}), per-token accuracy ${format(m.accuracy_decade_before, ".3g")}`],
    ["Rise from 10 % to 90 % of the way", `${format(m.rise_decades, ".3g")} decades of compute`],
    ["Against per-token accuracy", later],
  ];
}

export function figure(m) {
  const series = Object.keys(STYLE).map((key) => ({
    kind: "line", x: m.compute, y: m.scores[key], color: STYLE[key][0], dash: STYLE[key][1],
    width: key === m.metric ? 2.4 : 1.3, label: legend(key, m.length),
  }));
  series.push({ kind: "points", x: m.sizes, y: m.sizeScores, color: STYLE[m.metric][0],
    size: 6, z: 3, label: "model sizes, one per decade" });
  series.push({ kind: "points", x: [m.emergence_compute], y: [m.emergence_score], marker: "*",
    size: 15, color: COLORS.vermillion, z: 4, label: "apparent emergence" });
  return {
    xscale: "log", yscale: "linear", xlim: [Math.pow(10, RANGE[0]), Math.pow(10, RANGE[1])],
    ylim: [-0.03, 1.03], xlabel: "training compute (FLOPs)",
    ylabel: "score (higher is better)",
    series,
    vlines: [{ x: m.emergence_compute, color: COLORS.vermillion, dash: "dotted" }],
    alt: `Scores of four metrics against training compute on a log axis, per-token law `
      + `exponent ${format(m.exponent, ".3g")}, answers of ${m.length} tokens: `
      + `${METRICS[m.metric]} reaches ${format(m.threshold, ".3g")} of the way at `
      + `${powerOfTenLabel(m.emergence_compute)} FLOPs, where per-token accuracy is `
      + `${format(m.accuracy_at_emergence, ".3g")}.`,
  };
}
