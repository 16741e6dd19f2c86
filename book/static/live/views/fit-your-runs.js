// Fit your own runs (chapter 3): a view over the package's fit_your_runs (parse_runs_csv,
// fit_parametric with its bootstrap, compute_optimal, optimal_interval), with the page's
// numerics (numerics/). The fit is cached by its input, so moving the budget does not refit.
import { computeOptimal, fitParametric, geomspace, optimalInterval, parseRunsCsv }
  from "../numerics/index.js";
import * as F from "../generated/formulas.js";
import { integerInRange } from "../validate.js";
import { COLORS, format, formatInterval } from "./common.js";

let cached = { key: null, table: null, fit: null };

function fitOf(input, source, nBootstrap) {
  const key = [typeof input === "string" ? input : Array.from(input).join(","), source,
    nBootstrap].join("\u0000");
  if (cached.key !== key) {
    const table = parseRunsCsv(input, source);
    const fit = fitParametric(table.params, table.tokens, table.loss, { nBootstrap });
    cached = { key, table, fit };
  }
  return cached;
}

export function compute({ csv_text, upload, budget, n_bootstrap }) {
  // An uploaded file wins over pasted text; parse_runs_csv checks its size and encoding.
  const [input, source] = upload && upload.length ? [upload[0].content, upload[0].name]
    : [csv_text, "pasted text"];
  integerInRange("n_bootstrap", n_bootstrap, 0, 10000);
  const { table, fit } = fitOf(input, source, n_bootstrap);
  return { table, fit, budget, optimum: computeOptimal(budget, fit.law),
    spread: n_bootstrap ? optimalInterval(fit, budget) : null };
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
  const level = hasCi ? `${format(100 * fit.confidence, "g")} % bootstrap interval`
    : "no intervals";
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
    const bands = budgets.map((c) => optimalInterval(fit, c).params);
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
