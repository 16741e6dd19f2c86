// Compute-optimal allocator (chapter 3): a view over scalinglaws.chinchilla.compute_optimal,
// kaplan_allocation and compute_from_hardware.
import * as F from "../generated/formulas.js";
import { DATA } from "../generated/data.js";
import { COLORS, billions, format } from "./common.js";

const ANNOTATED = ["GPT-3 175B", "Gopher 280B", "Chinchilla 70B", "Llama 3 70B"];

/** The typed numbers the package checks: the hardware's only when the budget comes from it. */
export function checked({ budget_source }) {
  return budget_source === "hardware" ? ["n_accelerators"] : [];
}

function optimum(law, budget) {
  const params = F.optimal_params(law, budget);
  const tokens = F.optimal_tokens(law, budget);
  return { params, tokens, loss: F.law_loss(law, params, tokens), tokens_per_param: tokens / params };
}

function kaplan(law, budget) {
  const { N_e: ne, p_N: pn, C_over_C_min: ratio } = DATA.kaplan;
  const params = F.kaplan_params(budget, ne, pn, ratio);
  const tokens = F.tokens_for_budget(budget, params);
  return { params, tokens, loss: law ? F.law_loss(law, params, tokens) : NaN,
    tokens_per_param: tokens / params };
}

export function compute(values) {
  const fromHardware = values.budget_source === "hardware";
  const budget = fromHardware ? F.cluster_flops(values.n_accelerators, values.days,
    values.utilisation, values.accelerator) : values.compute_flops;
  const law = DATA.laws[values.law];
  return { budget, law, optimum: optimum(law, budget), kaplan: kaplan(law, budget),
    from_hardware: fromHardware };
}

export function describe(result) {
  const opt = result.optimum;
  const kap = result.kaplan;
  return [
    ["Compute budget", `${format(result.budget, ".3g")} FLOPs`
      + (result.from_hardware ? " (from the hardware)" : "")],
    ["Loss law", result.law.name],
    ["Compute-optimal parameters N", billions(opt.params)],
    ["Compute-optimal tokens D", billions(opt.tokens)],
    ["Tokens per parameter", format(opt.tokens_per_param, ".1f")],
    ["Predicted loss (nats/token)", format(opt.loss, ".3f")],
    ["Kaplan et al. 2020 rule instead", `${billions(kap.params)}, `
      + `${format(kap.tokens_per_param, ".2f")} tokens/param, loss ${format(kap.loss, ".3f")}`],
  ];
}

export function figure(result) {
  const budgets = F.logspace(18, 28, 41);
  const frontier = budgets.map((c) => optimum(result.law, c));
  const rule = budgets.map((c) => kaplan(null, c));
  const runs = DATA.training_runs;
  return {
    xscale: "log", yscale: "log", xlim: [1e8, 1e13], ylim: [1e9, 1e15],
    xlabel: "parameters N", ylabel: "training tokens D",
    series: [
      { kind: "line", x: frontier.map((o) => o.params), y: frontier.map((o) => o.tokens),
        color: COLORS.blue, label: `compute-optimal (${result.law.name.split(" (")[0]})` },
      { kind: "line", x: rule.map((o) => o.params), y: rule.map((o) => o.tokens),
        color: COLORS.vermillion, dash: "dashed", label: "Kaplan et al. 2020 rule" },
      { kind: "points", x: runs.params, y: runs.tokens, size: 5, color: COLORS.black, z: 3,
        label: "published models" },
      { kind: "points", x: [result.optimum.params], y: [result.optimum.tokens], marker: "*",
        size: 17, color: COLORS.orange, z: 4, label: "your budget's optimum" },
    ],
    annotations: ANNOTATED.map((name) => {
      const i = runs.names.indexOf(name);
      return { x: runs.params[i], y: runs.tokens[i], text: name, dx: 5, dy: 13 };
    }),
    alt: `Log-log plot of training tokens against parameters: the compute-optimal line of `
      + `${result.law.name}, Kaplan's rule as a dashed line, published models as dots, and `
      + `a star at ${billions(result.optimum.params)} parameters and `
      + `${billions(result.optimum.tokens)} tokens for ${format(result.budget, ".3g")} FLOPs.`,
  };
}
