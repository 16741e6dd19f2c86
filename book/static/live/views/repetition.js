// Repetition (chapter 4): a view over scalinglaws.datalimits.repetition and, on its button,
// data_constrained_optimum (numerics/datalimits.js), with the figures of
// scalinglaws.figures.datalimits (draw_effective_data, draw_budget_split).
import * as D from "../generated/datalimits_formulas.js";
import * as F from "../generated/formulas.js";
import { dataConstrainedOptimum } from "../numerics/datalimits.js";
import { numberInRange } from "../validate.js";
import { COLORS, countInWords, format } from "./common.js";
import { DL, billions, dataLaw, inRange, positive, tokens } from "./datalimits-common.js";

const GREY = "#999999";

/** figures.datalimits._short_count: "44.5B" below a trillion, else countInWords. */
function shortCount(value) {
  return value < 999.5e9 ? `${format(value / 1e9, ",.3g")}B` : countInWords(value);
}

export function compute({ unique_tokens, epochs, params, law: key, compute_flops }) {
  inRange("data_constrained_optimum", "compute_flops", compute_flops);
  const law = dataLaw(key);
  const unique = positive("unique_tokens", unique_tokens);
  const passes = numberInRange("epochs", epochs, 1, null);
  const n = positive("params", params);
  const seen = unique * passes;
  const dEff = D.effective_data(unique, passes, law.rd_star);
  const lossRepeated = D.data_constrained_loss(n, seen, unique, law);
  const lossFresh = D.data_constrained_loss(n, seen, seen, law);
  return {
    unique_tokens: unique, epochs: passes, params: n, tokens_seen: seen, effective_tokens: dEff,
    value_per_token_seen: dEff / seen,
    value_of_last_epoch: D.value_of_last_repetition(passes, law.rd_star),
    loss_repeated: lossRepeated, loss_fresh: lossFresh, law,
    loss_penalty: lossRepeated - lossFresh,
    relative_penalty: (lossRepeated - lossFresh) / lossFresh,
  };
}

export function describe(r) {
  return [
    ["Tokens seen", `${tokens(r.tokens_seen)} (${format(r.epochs, "g")} epochs)`],
    ["Effective tokens D′ (eq. 5)", `${tokens(r.effective_tokens)} = `
      + `${format(r.effective_tokens / r.unique_tokens, ".3f")} × the unique data`],
    ["Value of a token seen", `${format(r.value_per_token_seen, ".3f")} of a fresh token`],
    ["Value of the last epoch", `${format(r.value_of_last_epoch, ".3f")} of a fresh one`],
    ["Predicted loss, repeated data", format(r.loss_repeated, ".4f")],
    ["Predicted loss, all fresh", format(r.loss_fresh, ".4f")],
    ["Penalty for repeating", `${format(r.loss_penalty, "+.4f")} `
      + `(${format(100 * r.relative_penalty, "+.2f")} %)`],
  ];
}

export function figure(r) {
  const { law } = r;
  const passes = F.logspace(0, 3, 200);
  const ratio = passes.map((e) => D.effective_data(1.0, e, law.rd_star));
  const marks = DL.epoch_marks.map(([value, text]) =>
    ({ x: value, y: D.effective_data(1.0, value, law.rd_star), text }));
  const y = D.effective_data(1.0, r.epochs, law.rd_star);
  return {
    xscale: "log", yscale: "linear", xlim: [1, 1000], ylim: [0, 20],
    xlabel: "epochs over the unique data", ylabel: "effective data D′ / unique data U_D",
    series: [
      { kind: "line", x: passes, y: passes, color: GREY, dash: "dashed",
        label: "all fresh data (D′ = D)" },
      { kind: "line", x: passes, y: ratio, color: COLORS.blue, label: "repeated data, eq. 5" },
      { kind: "line", x: [1, 1000], y: [law.ceiling, law.ceiling], color: COLORS.vermillion,
        dash: "dotted", label: `ceiling 1 + R*_D = ${format(law.ceiling, ".2f")}` },
      { kind: "points", x: marks.map((m) => m.x), y: marks.map((m) => m.y),
        color: COLORS.black, z: 3 },
      { kind: "points", x: [r.epochs], y: [y], marker: "*", size: 13, color: COLORS.orange,
        z: 4, label: `${format(r.epochs, "g")} epochs: ${format(y, ".2f")}× the unique data` },
    ],
    annotations: marks.map((m) => ({ x: m.x, y: m.y, text: m.text, dx: 6, dy: 14 })),
    alt: "Effective data as a multiple of the unique data against epochs on a log axis: it "
      + "follows the fresh-data diagonal for a few epochs, bends away, and flattens "
      + `below the ceiling of ${format(law.ceiling, ".2f")}.`,
  };
}

// --- The button: the best split of the budget (datalimits.data_constrained_optimum) -------

export function action(values) {
  const law = dataLaw(values.law);
  const c = inRange("data_constrained_optimum", "compute_flops", values.compute_flops);
  const unique = inRange("data_constrained_optimum", "unique_tokens", values.unique_tokens);
  return dataConstrainedOptimum(c, unique, law);
}

export function describeAction(o) {
  const chin = o.chinchilla;
  return [
    ["Budget", `${format(o.compute_flops, ".3g")} FLOPs, ${tokens(o.unique_tokens)} unique tokens`],
    ["Best with the cap", `${billions(o.params)} parameters, ${tokens(o.tokens)} tokens, `
      + `${format(o.epochs, ".3g")} epochs`],
    ["Its predicted loss", format(o.loss, ".4f")],
    ["Chinchilla's split (no cap)", `${billions(chin.params)} parameters, `
      + `${tokens(chin.tokens)} tokens, ${format(o.chinchilla_epochs, ".3g")} epochs`],
    ["Its loss with the cap", format(o.chinchilla_loss, ".4f")],
  ];
}

export function actionFigure(o) {
  const { law } = o;
  const c = o.compute_flops;
  const centre = Math.log10(o.chinchilla.params);
  const params = F.logspace(centre - 1.2, centre + 1.2, 160);
  const seen = params.map((n) => c / (D.FLOPS_PER_PARAM_TOKEN * n));
  const capped = params.map((n, i) =>
    D.data_constrained_loss(n, seen[i], Math.min(o.unique_tokens, seen[i]), law));
  const fresh = params.map((n, i) => D.data_constrained_loss(n, seen[i], seen[i], law));
  const chin = o.chinchilla;
  return {
    xscale: "log", yscale: "linear",
    xlabel: "parameters N (tokens D = C/6N)", ylabel: "predicted loss (eq. 17 scale)",
    series: [
      { kind: "line", x: params, y: fresh, color: GREY, dash: "dashed",
        label: "unlimited unique data" },
      { kind: "line", x: params, y: capped, color: COLORS.blue,
        label: `${shortCount(o.unique_tokens)} unique tokens` },
      { kind: "points", x: [chin.params], y: [o.chinchilla_loss], marker: "s",
        color: COLORS.vermillion, z: 3,
        label: `Chinchilla's choice: ${format(chin.params / 1e9, ".3g")}B, `
          + `${format(o.chinchilla_epochs, ".2g")} epochs` },
      { kind: "points", x: [o.params], y: [o.loss], marker: "*", size: 13,
        color: COLORS.orange, z: 4,
        label: `best with the cap: ${format(o.params / 1e9, ".3g")}B, `
          + `${format(o.epochs, ".2g")} epochs` },
    ],
    alt: `Predicted loss against model size for ${format(c, ".3g")} FLOPs: with unlimited `
      + `unique data and with ${format(o.unique_tokens, ".3g")} unique tokens. The best capped `
      + `model has ${format(o.params, ".3g")} parameters and ${format(o.epochs, ".2g")} `
      + `epochs; Chinchilla's has ${format(chin.params, ".3g")}.`,
  };
}
