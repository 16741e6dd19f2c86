// Inference-aware optimum (chapter 6): a view over scalinglaws.inference.inference_aware_sizing.
// The package solves Sardana et al.'s optimality condition with scipy's brentq; the page
// bisects the same one-dimensional condition (generated from inference_formulas.py).
import * as F from "../generated/formulas.js";
import * as I from "../generated/inference_formulas.js";
import { DATA } from "../generated/data.js";
import { COLORS, format, powerOfTenLabel } from "./common.js";

function optimum(loss, inferenceTokens, law) {
  const tokens = I.inference_optimal_tokens(loss, inferenceTokens, law);
  const params = I.iso_loss_params(tokens, loss, law);
  return { loss, inference_tokens: inferenceTokens, params, tokens,
    tokens_per_param: tokens / params,
    lifetime_flops: I.lifetime_flops(params, tokens, inferenceTokens) };
}

// Demand in the units the objective minimises: tokens for FLOPs; for a dollar objective, the
// tokens priced in training FLOPs (scalinglaws.inference.priced_inference_tokens).
function priced(tokens, objective) {
  if (objective === "flops") return tokens;
  const o = DATA.inference.objectives[objective];
  return I.cost_equivalent_tokens(tokens, DATA.inference.input_share, o.prefill_ratio,
    o.decode_ratio);
}

export function compute({ reference_params: n, inference_tokens: real, law: key,
  objective = "flops" }) {
  const law = DATA.inference.laws[key];
  const t = priced(real, objective);
  const d = I.chinchilla_style_tokens(n, law);
  const loss = I.loss_of(n, d, law);
  const opt = optimum(loss, t, law);
  const referenceFlops = I.lifetime_flops(n, d, t);
  const smallest = Math.pow(law.A / (loss - law.E), 1 / law.alpha);
  const low = Math.max(1.25 * smallest, opt.params / 10);
  const grid = F.logspace(Math.log10(low), Math.log10(3 * n), 41);
  const gridTokens = grid.map((p) => I.iso_loss_tokens(p, loss, law));
  return {
    law, reference_params: n, reference_tokens: d, loss, inference_tokens: real,
    objective, priced_tokens: t,
    reference_flops: referenceFlops, optimum: opt, grid_params: grid,
    grid_flops: grid.map((p, i) => I.lifetime_flops(p, gridTokens[i], t)),
    grid_training_flops: grid.map((p, i) => I.lifetime_flops(p, gridTokens[i], 0)),
    flops_ratio: opt.lifetime_flops / referenceFlops,
    flops_saved: referenceFlops - opt.lifetime_flops,
  };
}

const billions = (value) => `${format(value / 1e9, ",.2f")} billion`;

function describeCost(s) {
  const o = s.optimum;
  return [
    ["Reference (compute-optimal) model", `${billions(s.reference_params)} parameters on `
      + `${billions(s.reference_tokens)} tokens `
      + `(${format(s.reference_tokens / s.reference_params, ",.1f")} per parameter)`],
    ["Target loss (the reference's)", format(s.loss, ".4f")],
    ["Demand priced in training FLOPs", `${powerOfTenLabel(s.inference_tokens)} tokens cost `
      + `as much as ${powerOfTenLabel(s.priced_tokens)} `
      + `(${DATA.inference.objective_labels[s.objective]})`],
    ["Cost-optimal model", `${billions(o.params)} parameters on ${billions(o.tokens)} `
      + `tokens (${format(o.tokens_per_param, ",.1f")} per parameter)`],
    ["Optimum / reference", `parameters ${format(100 * o.params / s.reference_params, ".1f")} %, `
      + `tokens ${format(100 * o.tokens / s.reference_tokens, ".1f")} %`],
    ["Lifetime cost saved", `${format(100 * (1 - s.flops_ratio), ".1f")} %`],
  ];
}

export function describe(s) {
  const o = s.optimum;
  if (s.objective !== "flops") return describeCost(s);
  return [
    ["Reference (compute-optimal) model", `${billions(s.reference_params)} parameters on `
      + `${billions(s.reference_tokens)} tokens `
      + `(${format(s.reference_tokens / s.reference_params, ",.1f")} per parameter)`],
    ["Target loss (the reference's)", format(s.loss, ".4f")],
    ["Inference-aware optimum", `${billions(o.params)} parameters on ${billions(o.tokens)} `
      + `tokens (${format(o.tokens_per_param, ",.1f")} per parameter)`],
    ["Optimum / reference", `parameters ${format(100 * o.params / s.reference_params, ".1f")} %, `
      + `tokens ${format(100 * o.tokens / s.reference_tokens, ".1f")} %`],
    ["Lifetime FLOPs: reference → optimum",
      `${powerOfTenLabel(s.reference_flops)} → ${powerOfTenLabel(o.lifetime_flops)}`],
    ["Lifetime compute saved", `${format(100 * (1 - s.flops_ratio), ".1f")} % `
      + `(${powerOfTenLabel(s.flops_saved)} FLOPs)`],
  ];
}

export function figure(s) {
  const cost = s.objective !== "flops";
  const quantity = cost ? "lifetime cost (training-FLOP equivalents)" : "lifetime FLOPs";
  return {
    xscale: "log", yscale: "log", xlabel: "parameters N", ylabel: quantity,
    series: [
      { kind: "line", x: s.grid_params, y: s.grid_flops, color: COLORS.black,
        label: `${quantity.split(" (")[0]} at the target loss` },
      { kind: "line", x: s.grid_params, y: s.grid_training_flops, color: COLORS.blue,
        dash: "dashed", label: "of which training" },
      { kind: "points", x: [s.reference_params], y: [s.reference_flops], marker: "s", size: 10,
        color: COLORS.orange, label: "compute-optimal reference" },
      { kind: "points", x: [s.optimum.params], y: [s.optimum.lifetime_flops], size: 10,
        color: COLORS.vermillion, label: cost ? "cost-optimal model" : "inference-aware optimum" },
    ],
    alt: `Log plot of ${quantity} against model size at loss ${format(s.loss, ".4f")} with `
      + `${powerOfTenLabel(s.inference_tokens)} inference tokens: the optimum at `
      + `${format(s.optimum.params / 1e9, ".2f")} billion parameters uses `
      + `${format(100 * s.flops_ratio, ".1f")} % of the ${cost ? "cost" : "FLOPs"} of the `
      + `${format(s.reference_params / 1e9, ".2f")} billion reference.`,
  };
}
