// The fit lab (chapter 3): a view over the package's fit lab (scalinglaws.widgets.chinchilla),
// which simulates runs from a stated truth (simulate_training_runs_portable) and, on the
// button, estimates the allocation with the three approaches (compare_approaches_portable).
// Moving a control redraws the simulated design at once; the fits (Approach 3 with its
// bootstrap takes a few tenths of a second) run in a worker, off the page's main thread.
import { comparisonRows, computeOptimal, logspace, predictPowerLaw,
  simulateTrainingRuns } from "../numerics/index.js";
import { integerInRange } from "../validate.js";
import { COLORS, billions, format, formatInterval, inWorker } from "./common.js";

// The package draws the truth in #555555 at half opacity on white; the page in its ink (so it
// shows on the dark theme too) at 0.4, the same grey on white.
const GREY = "#000000";
const GREY_OPACITY = 0.4;

function options({ truth, noise, sampling, window_offset, window_decades, models_per_budget,
  seed }) {
  return { truth, noise, windowOffset: window_offset, windowDecades: window_decades,
    windowExponent: sampling < 0 ? null : sampling, modelsPerBudget: models_per_budget, seed };
}

/** _fit_lab_design: the runs the fits will use (n_bootstrap checked first, as there). */
export function compute(values) {
  integerInRange("n_bootstrap", values.n_bootstrap, 0, 10000);
  return simulateTrainingRuns(options(values));
}

function unique(values) {
  return [...new Set(values)].sort((a, b) => a - b);
}

export function describe(runs) {
  const budgets = unique(runs.isoflopBudget);
  return [
    ["Ground truth", `${runs.truth.name}: a = ${format(runs.truth.a, ".3f")}`],
    ["IsoFLOP runs", `${runs.isoflopLoss.length} runs at ${budgets.length} budgets from `
      + `${format(budgets[0], ".3g")} to ${format(budgets[budgets.length - 1], ".3g")} FLOPs`],
    ["Training curves", `${unique(runs.curveRun).length} model sizes for Approach 1`],
    ["Noise", `${format(runs.noise, ".3f")} (std of ln loss)`],
  ];
}

export function figure(runs) {
  const budgets = Array.from(logspace(17.5, 21.5, 20));
  return {
    xscale: "log", yscale: "log", xlabel: "compute C (FLOPs)", ylabel: "model size N",
    series: [
      { kind: "line", x: budgets, y: budgets.map((c) => computeOptimal(c, runs.truth).params),
        color: GREY, width: 3, opacity: GREY_OPACITY, label: "true optimum N_opt" },
      { kind: "points", x: Array.from(runs.isoflopBudget), y: Array.from(runs.isoflopParams),
        size: 4, color: COLORS.orange, label: "simulated IsoFLOP runs" },
    ],
    alt: `Log-log plot of the ${runs.isoflopLoss.length} simulated IsoFLOP runs (model size `
      + "against compute) around the true compute-optimal line: where the sampled sizes "
      + "sit relative to the optimum.",
  };
}

// --- The button: the three approaches, in a worker -----------------------------------------

/** _fit_lab: compare_approaches_portable on the controls' values (a Promise). */
export async function action(values) {
  const comparison = await inWorker("compareApproaches",
    [{ ...options(values), nBootstrap: values.n_bootstrap }]);
  return { comparison, rows: comparisonRows(comparison) };
}

export const actionPending = "Computing the three approaches…";

function interval(ci) {
  return ci === null ? "no interval" : formatInterval(...ci);
}

export function describeAction({ rows }) {
  return rows.map((row) => {
    let text = `a = ${format(row.a, ".3f")} ${interval(row.aCi)}, `
      + `b = ${format(row.b, ".3f")} ${interval(row.bCi)}`;
    text += `; N_opt at 5.76×10²³ FLOPs: ${billions(row.paramsAt)}`;
    if (row.method !== "truth") {
      text += ` (× ${format(row.paramsRatio, ".2f")} the truth)`;
    }
    return [row.method, text];
  });
}

export function actionFigure({ comparison }) {
  const budgets = Array.from(logspace(17.5, 24, 20));
  const { runs, envelope, isoflop, parametric } = comparison;
  const series = [
    { kind: "line", x: budgets, y: budgets.map((c) => computeOptimal(c, runs.truth).params),
      color: GREY, width: 3, opacity: GREY_OPACITY, label: "truth" },
  ];
  for (const [fit, color, marker] of [[envelope, COLORS.blue, "s"],
    [isoflop, COLORS.orange, "o"]]) {
    series.push(
      { kind: "points", x: fit.compute, y: fit.params, marker, size: 4, color },
      { kind: "line", x: budgets, y: budgets.map((c) => predictPowerLaw(fit.paramsFit, c)),
        color, label: `${fit.method.split(":")[0]}: a = ${format(fit.a, ".3f")}` },
    );
  }
  series.push({ kind: "line", x: budgets,
    y: budgets.map((c) => computeOptimal(c, parametric.law).params), color: COLORS.green,
    dash: "dashed", label: `Approach 3: a = ${format(parametric.law.a, ".3f")}` });
  return {
    xscale: "log", yscale: "log", xlabel: "compute C (FLOPs)",
    ylabel: "optimal parameters N_opt", series,
    alt: "Log-log plot of the optimal model size against compute: the true frontier and the "
      + "estimates of the three approaches, extrapolated past the simulated budgets.",
  };
}
