// IsoFLOP explorer (chapter 3): a view over scalinglaws.chinchilla.isoflop_profile, two laws.
import * as F from "../generated/formulas.js";
import { DATA } from "../generated/data.js";
import { COLORS, billions, format } from "./common.js";

const N_POINTS = 41;
const DECADES = 1.5;

function profile(c, law) {
  const params = F.optimal_params(law, c);
  const tokens = F.optimal_tokens(law, c);
  const optimum = { params, tokens, loss: F.law_loss(law, params, tokens),
    tokens_per_param: tokens / params };
  const sizes = F.isoflop_sizes(params, DECADES, N_POINTS);
  const loss = sizes.map((n) => F.law_loss(law, n, F.tokens_for_budget(c, n)));
  return { law, params: sizes, loss, optimum };
}

export function compute({ compute_flops, law_1, law_2 }) {
  return { compute_flops, first: profile(compute_flops, DATA.laws[law_1]),
    second: profile(compute_flops, DATA.laws[law_2]) };
}

export function describe(result) {
  const rows = [["Compute budget", `${format(result.compute_flops, ".3g")} FLOPs`]];
  for (const p of [result.first, result.second]) {
    const opt = p.optimum;
    rows.push([p.law.name, `N = ${billions(opt.params)}, D = ${billions(opt.tokens)}, `
      + `${format(opt.tokens_per_param, ".1f")} tokens/param, loss ${format(opt.loss, ".3f")}`]);
  }
  return rows;
}

export function figure(result) {
  const series = [];
  for (const [p, color] of [[result.first, COLORS.blue], [result.second, COLORS.orange]]) {
    const name = p.law.name;
    series.push({ kind: "line", x: p.params, y: p.loss, color,
      label: name.split(" (")[0] + (name.includes("printed") ? " (printed)" : "") });
    series.push({ kind: "points", x: [p.optimum.params], y: [p.optimum.loss], color, size: 11 });
  }
  return {
    xscale: "log", yscale: "linear", xlabel: "parameters N (tokens D = C / 6N)",
    ylabel: "predicted loss (nats/token)", series,
    alt: `Loss against model size at ${format(result.compute_flops, ".3g")} FLOPs for two laws; `
      + `the minima are at ${billions(result.first.optimum.params)} and `
      + `${billions(result.second.optimum.params)} parameters.`,
  };
}
