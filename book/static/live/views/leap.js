// The 1,000,000× explorer (chapter 7): a view over scalinglaws.outlook.leap: chapter 3's
// compute-optimal law, chapter 4's stock of text and repetition, growth and energy.
import * as O from "../generated/outlook_formulas.js";
import * as D from "../generated/datalimits_formulas.js";
import * as F from "../generated/formulas.js";
import { DATA } from "../generated/data.js";
import { COLORS, format } from "./common.js";

export function compute(values) {
  const { base_flops: base, decades: k, stock_tokens: stock, utilisation, pue } = values;
  const growth = Number(values.growth_per_year);
  const law = DATA.laws[values.law];
  const [name, precision] = values.chip;
  const row = DATA.accelerators.find((candidate) => candidate.name === name);
  const perJoule = O.flops_per_joule(row.tflops[precision], row.power_w);
  const compute = base * Math.pow(10.0, k);
  const tokens = D.optimal_tokens(compute, law);
  const epochs = tokens / stock;
  const energyTwh = O.training_energy_joules(compute, perJoule, utilisation, pue)
    / O.JOULES_PER_KWH / 1e9;
  return {
    base_flops: base, decades: k, compute_flops: compute, law,
    params: D.optimal_params(compute, law), tokens, loss: D.optimal_loss(compute, law),
    base_params: D.optimal_params(base, law), base_tokens: D.optimal_tokens(base, law),
    base_loss: D.optimal_loss(base, law),
    reducible_left: O.reducible_loss_factor(Math.pow(10.0, k),
      O.chinchilla_gamma(law.alpha, law.beta)),
    stock_tokens: stock, epochs_over_stock: epochs,
    repeated_worth: D.effective_data(1.0, Math.max(epochs, 1.0), DATA.outlook.rd_star),
    growth_per_year: growth, years: O.years_for_factor(Math.pow(10.0, k), growth),
    energy_twh: energyTwh, share: energyTwh / DATA.outlook.data_centres_2024_twh,
  };
}

/** widgets.outlook._twh: '20,535' from 100 TWh up, else three significant digits. */
function twh(value) {
  return value >= 100 ? format(value, ",.0f") : format(value, ".3g");
}

export function describe(leap) {
  const k = leap.decades;
  const data = leap.epochs_over_stock > 1
    ? `${format(leap.epochs_over_stock, ",.3g")} epochs over the stock, worth `
      + `${format(leap.repeated_worth, ".3g")} fresh passes (at most `
      + `${format(DATA.outlook.repetition_ceiling, ".3g")})`
    : `${format(100 * leap.epochs_over_stock, ".3g")} % of the stock: no repetition needed`;
  return [
    ["Compute", `${format(leap.base_flops, ".3g")} → ${format(leap.compute_flops, ".3g")} `
      + `FLOPs (×10^${k})`],
    ["Compute-optimal parameters", `${format(leap.base_params, ".3g")} → `
      + format(leap.params, ".3g")],
    ["Compute-optimal tokens", `${format(leap.base_tokens, ".3g")} → `
      + format(leap.tokens, ".3g")],
    ["Predicted loss", `${format(leap.base_loss, ".4f")} → ${format(leap.loss, ".4f")} `
      + `(reducible part ×${format(leap.reducible_left, ".3g")})`],
    ["Tokens against the stock of text", data],
    [`Years at ×${format(leap.growth_per_year, "g")} a year`, format(leap.years, ".3g")],
    ["Energy at today's efficiency", `${twh(leap.energy_twh)} TWh = `
      + `${format(leap.share, ",.3g")} × all data centres in 2024`],
  ];
}

export function figure(leap) {
  const low = Math.log10(leap.base_flops) - 1.0;
  const high = Math.log10(leap.compute_flops) + 1.0;
  const budgets = F.logspace(low, high, 41);
  const ends = [budgets[0], budgets[budgets.length - 1]];
  return {
    xscale: "log", yscale: "log",
    xlabel: "training compute (FLOPs)", ylabel: "training tokens",
    series: [
      { kind: "line", x: budgets, y: budgets.map((c) => D.optimal_tokens(c, leap.law)),
        color: COLORS.blue,
        label: `compute-optimal tokens (${leap.law.name.split(" (")[0]})` },
      { kind: "line", x: ends, y: [leap.stock_tokens, leap.stock_tokens],
        color: COLORS.vermillion, dash: "dashed", label: "stock of text" },
      { kind: "points", x: [leap.base_flops], y: [leap.base_tokens], size: 6,
        color: COLORS.black, z: 3, label: "today" },
      { kind: "points", x: [leap.compute_flops], y: [leap.tokens], marker: "*", size: 13,
        color: COLORS.orange, z: 4, label: `×10^${leap.decades}` },
    ],
    alt: "Log-log plot of compute-optimal training tokens against compute, with the stock "
      + `of text at ${format(leap.stock_tokens, ".3g")} tokens as a dashed line: `
      + `${format(leap.base_tokens, ".3g")} tokens today and ${format(leap.tokens, ".3g")} `
      + `after ×10^${leap.decades}.`,
  };
}
