// Data quality (chapter 4): a view over scalinglaws.datalimits.quality_shift, with the figure
// of scalinglaws.figures.datalimits.draw_quality_frontier.
import * as D from "../generated/datalimits_formulas.js";
import * as F from "../generated/formulas.js";
import { chinchillaOptimum as computeOptimal } from "../numerics/datalimits.js";
import { COLORS, format } from "./common.js";
import { DL, billions, inRange, tokens } from "./datalimits-common.js";

function lossLaw(key) {
  const law = DL.quality_laws[key];
  if (!law) {
    throw new Error(`unknown law ${key}`);
  }
  return law;
}

export function compute({ compute_flops, law: key, quality, data_exponent_change }) {
  const c = inRange("quality_shift", "compute_flops", compute_flops);
  const q = inRange("quality_shift", "quality", quality);
  const law = lossLaw(key);
  const change = inRange("quality_shift", "data_exponent_change", data_exponent_change);
  const newBeta = law.beta + change;
  const [lowest] = DL.ranges.quality_shift.data_exponent;
  if (newBeta <= lowest) {
    throw new Error(`data_exponent_change must leave the data exponent above `
      + `${format(lowest, "g")}; ${format(law.beta, ".3g")} + ${format(change, ".3g")} = `
      + `${format(newBeta, ".3g")}`);
  }
  const shiftedLaw = {
    E: law.E, A: law.A, B: D.quality_scaled_b(law, q, newBeta, DL.anchor_tokens),
    alpha: law.alpha, beta: newBeta,
    name: `${law.name}, quality ×${format(q, "g")}`
      + (change ? `, β ${format(change, "+.3g")}` : ""),
  };
  const base = computeOptimal(c, law);
  const shifted = computeOptimal(c, shiftedLaw);
  const computeForSameLoss = D.compute_for_loss(base.loss, shiftedLaw);
  return { compute_flops: c, quality: q, data_exponent: newBeta, law, shifted_law: shiftedLaw,
    base, shifted, compute_for_same_loss: computeForSameLoss,
    compute_saving: c / computeForSameLoss };
}

export function describe(s) {
  const { base, shifted } = s;
  return [
    ["Law", s.law.name],
    ["Optimum, the law's data", `${billions(base.params)} parameters, `
      + `${tokens(base.tokens)} tokens, loss ${format(base.loss, ".4f")}`],
    ["Optimum, cleaner data", `${billions(shifted.params)} parameters, `
      + `${tokens(shifted.tokens)} tokens, loss ${format(shifted.loss, ".4f")}`],
    ["Loss at this budget", `${format(shifted.loss - base.loss, "+.4f")} nats/token`],
    ["Compute for the old loss", `${format(s.compute_for_same_loss, ".3g")} FLOPs`],
    ["Compute saved", `${format(s.compute_saving, ".3g")}× less`],
  ];
}

export function figure(s) {
  const budgets = F.logspace(18, 27, 100);
  const floor = s.law.E;
  const loss = s.base.loss - floor;
  return {
    xscale: "log", yscale: "log",
    xlabel: "training compute C (FLOPs)",
    ylabel: `reducible loss L − E (E = ${format(floor, ".3g")})`,
    series: [
      { kind: "line", x: budgets, y: budgets.map((c) => D.optimal_loss(c, s.law) - floor),
        color: "#777777", label: "the law's data" },
      { kind: "line", x: budgets, y: budgets.map((c) => D.optimal_loss(c, s.shifted_law) - floor),
        color: COLORS.blue, label: "cleaner data" },
      { kind: "points", x: [s.compute_flops], y: [loss], color: COLORS.black, z: 3,
        label: `budget ${format(s.compute_flops, ".3g")} FLOPs` },
      { kind: "points", x: [s.compute_for_same_loss], y: [loss], marker: "*", size: 12,
        color: COLORS.orange, z: 4,
        label: `same loss with ${format(s.compute_saving, ".3g")}× less compute` },
    ],
    arrows: [{ from: [s.compute_flops, loss], to: [s.compute_for_same_loss, loss],
      color: COLORS.vermillion, width: 1.5 }],
    alt: "Log-log plot of the compute-optimal reducible loss against compute for the "
      + `law and for data ${format(s.quality, "g")} times as valuable per token; an arrow `
      + `shows the same loss reached with ${format(s.compute_saving, ".3g")} times less compute.`,
  };
}
