// Fit your own runs (chapter 3): a view over the package's fit_your_runs (parse_runs_csv,
// fit_parametric with its bootstrap, compute_optimal, optimal_interval), with the page's
// numerics (numerics/). A change shows the point fit at once; the bootstrap refits (up to
// 10,000 of them) run in a worker, and their intervals follow (runtime.js: a view's `refine`).
// Fits are cached by their input, so moving the budget refits nothing.
import { computeOptimal, fitParametric, geomspace, optimalInterval, parseRunsCsv }
  from "../numerics/index.js";
import * as F from "../generated/formulas.js";
import { integerInRange } from "../validate.js";
import { COLORS, format, formatInterval, inWorker } from "./common.js";

let parsed = { key: null, table: null, point: null };
const bootstrapped = new Map(); // fit key -> the fit with its bootstrap refits
const refitting = new Map(); // fit key -> the worker's refits under way (a Promise of the fit)

function inputOf({ csv_text, upload }) {
  // An uploaded file wins over pasted text; parse_runs_csv checks its size and encoding.
  return upload && upload.length ? [upload[0].content, upload[0].name]
    : [csv_text, "pasted text"];
}

function pointFit(input, source) {
  const key = [typeof input === "string" ? input : Array.from(input).join(","), source]
    .join("\u0000");
  if (parsed.key !== key) {
    const table = parseRunsCsv(input, source);
    parsed = { key, table, point: fitParametric(table.params, table.tokens, table.loss,
      { nBootstrap: 0 }) };
  }
  return parsed;
}

function assemble(key, table, fit, budget, nBootstrap, pending) {
  return { key, table, fit, budget, nBootstrap, pending, optimum: computeOptimal(budget, fit.law),
    spread: nBootstrap && !pending ? optimalInterval(fit, budget) : null };
}

/** fit_your_runs' result: the bootstrapped fit if it is ready, else the point fit (the same
 * estimates, no intervals yet) marked `pending`. */
export function compute(values) {
  const { budget, n_bootstrap: nBootstrap } = values;
  integerInRange("n_bootstrap", nBootstrap, 0, 10000);
  const [input, source] = inputOf(values);
  const { key, table, point } = pointFit(input, source);
  const fitKey = `${key}\u0000${nBootstrap}`;
  const ready = nBootstrap ? bootstrapped.get(fitKey) : point;
  return ready ? assemble(fitKey, table, ready, budget, nBootstrap, false)
    : assemble(fitKey, table, point, budget, nBootstrap, true);
}

/** The same runs' refits, asked of the worker once: moving the budget while they run waits
 * for them instead of queueing another set. */
function refits(key, table, nBootstrap) {
  if (!refitting.has(key)) {
    refitting.set(key, inWorker("fitParametric", [table.params, table.tokens, table.loss,
      { nBootstrap }]).then((fit) => {
      if (bootstrapped.size > 8) {
        bootstrapped.clear();
      }
      bootstrapped.set(key, fit);
      return fit;
    }).finally(() => refitting.delete(key)));
  }
  return refitting.get(key);
}

/** The pending result with its bootstrap intervals, refitted in the worker (a Promise). */
export async function refine(result) {
  const { key, table, budget, nBootstrap } = result;
  const fit = await refits(key, table, nBootstrap);
  return assemble(key, table, fit, budget, nBootstrap, false);
}

function withCi(value, spread, key, spec = ".3g") {
  let text = format(value, spec);
  if (spread && key in spread) {
    text += ` ${formatInterval(...spread[key])}`;
  }
  return text;
}

export function describe(result) {
  const { fit, table, optimum, spread } = result;
  const ci = fit.intervals || {};
  const hasCi = Object.keys(ci).length > 0;
  const level = result.pending ? `computing ${format(result.nBootstrap, ",.0f")} bootstrap refits…`
    : hasCi ? `${format(100 * fit.confidence, "g")} % bootstrap interval` : "no intervals";
  const show = (name, value, spec = ".4g") => format(value, spec)
    + (name in ci ? ` ${formatInterval(...ci[name], 4)}` : "");
  const law = fit.law;
  return [
    ["Runs fitted", `${table.nRuns} from ${table.source} (${level})`],
    ["E (irreducible loss)", show("E", law.E)],
    ["A, α", `${show("A", law.A)}; ${show("alpha", law.alpha)}`],
    ["B, β", `${show("B", law.B)}; ${show("beta", law.beta)}`],
    ["a, b (N_opt ∝ C^a, D_opt ∝ C^b)", `${show("a", law.a, ".3f")}; ${show("b", law.b, ".3f")}`],
    ["Budget", `${format(result.budget, ".3g")} FLOPs`],
    ["Optimal parameters N", withCi(optimum.params, spread, "params")],
    ["Optimal tokens D", withCi(optimum.tokens, spread, "tokens")],
    ["Tokens per parameter", withCi(optimum.tokensPerParam, spread, "tokens_per_param")],
    ["Predicted loss", withCi(optimum.loss, spread, "loss", ".4f")],
  ];
}

export function figure(result) {
  const { table, fit, budget, optimum } = result;
  const compute = table.params.map((n, i) => F.training_flops(n, table.tokens[i]));
  const low = Math.min(...compute) / 3;
  const high = Math.max(Math.max(...compute), budget) * 3;
  const budgets = Array.from(geomspace(low, high, 25));
  const frontier = budgets.map((c) => computeOptimal(c, fit.law).params);
  const series = [];
  if (fit.bootstrapThetas) {
    const bands = budgets.map((c) => optimalInterval(fit, c, ["params"]).params);
    series.push({ kind: "band", x: budgets, low: bands.map((b) => b[0]),
      high: bands.map((b) => b[1]), color: COLORS.blue, opacity: 0.2,
      label: "bootstrap interval" });
  }
  series.push(
    { kind: "line", x: budgets, y: frontier, color: COLORS.blue,
      label: "fitted frontier N_opt(C)" },
    { kind: "points", x: compute, y: table.params, size: 5, color: COLORS.black, z: 3,
      label: "your runs (C = 6ND)" },
    { kind: "points", x: [budget], y: [optimum.params], marker: "*", size: 17,
      color: COLORS.orange, z: 4, label: "optimum at your budget" },
  );
  return {
    xscale: "log", yscale: "log", xlabel: "compute C (FLOPs)", ylabel: "parameters N", series,
    alt: "Log-log plot of the fitted compute-optimal model size against compute, with "
      + `${table.nRuns} runs as dots and a star at ${format(optimum.params, ".3g")} parameters `
      + `for ${format(budget, ".3g")} FLOPs.`,
  };
}
