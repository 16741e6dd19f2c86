// Lifetime compute (chapter 6): a view over scalinglaws.inference.lifetime_compute.
import * as F from "../generated/formulas.js";
import * as I from "../generated/inference_formulas.js";
import { COLORS, format, powerOfTenLabel } from "./common.js";

export function compute({ params, train_tokens, tokens_per_day, days }) {
  const day = F.linspace(0, days, 61);
  const training = I.lifetime_flops(params, train_tokens, 0);
  const inference = I.inference_flops(params, tokens_per_day * days);
  const total = I.lifetime_flops(params, train_tokens, tokens_per_day * days);
  const crossover = I.crossover_day(train_tokens, tokens_per_day);
  return {
    params, train_tokens, tokens_per_day, days, day,
    training_flops: training, inference_flops: inference, total_flops: total,
    inference_share: inference / total,
    breakeven_tokens: I.breakeven_inference_tokens(train_tokens),
    crossover_day: crossover, crossover_within_service: crossover <= days,
    cumulative_inference: day.map((t) => I.inference_flops(params, tokens_per_day * t)),
  };
}

const flops = (value) => `${powerOfTenLabel(value)} FLOPs`;

export function describe(r) {
  const crossover = r.crossover_within_service ? `day ${format(r.crossover_day, ",.0f")}`
    : `day ${format(r.crossover_day, ",.0f")}, after the ${format(r.days, ",.0f")}-day service`;
  return [
    ["Training (6·N·D)", flops(r.training_flops)],
    [`Inference over ${format(r.days, ",.0f")} days (2·N per token)`, flops(r.inference_flops)],
    ["Lifetime total", flops(r.total_flops)],
    ["Inference share of the total", `${format(100 * r.inference_share, ".1f")} %`],
    ["Tokens served when inference equals training (3·D)",
      `${powerOfTenLabel(r.breakeven_tokens)} tokens`],
    ["Inference overtakes training on", crossover],
  ];
}

export function figure(r) {
  const inference = r.cumulative_inference.map((v) => v / r.training_flops);
  return {
    xscale: "linear", yscale: "linear", xlabel: "days in service",
    ylabel: "cumulative FLOPs / training FLOPs",
    series: [
      { kind: "line", x: r.day, y: r.day.map(() => 1), color: COLORS.blue,
        dash: "dashed", label: "training (once)" },
      { kind: "line", x: r.day, y: inference, color: COLORS.vermillion,
        label: "inference so far" },
      { kind: "line", x: r.day, y: inference.map((v) => 1 + v), color: COLORS.black,
        label: "lifetime total" },
    ],
    vlines: r.crossover_within_service ? [{ x: r.crossover_day, color: COLORS.green }] : [],
    alt: `Cumulative FLOPs over ${format(r.days, ",.0f")} days of service: training `
      + `${powerOfTenLabel(r.training_flops)}, inference reaching `
      + `${powerOfTenLabel(r.inference_flops)}; inference overtakes training on day `
      + `${format(r.crossover_day, ",.0f")}.`,
  };
}
