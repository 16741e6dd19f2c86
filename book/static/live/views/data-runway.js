// Data runway (chapter 4): a view over scalinglaws.datalimits.runway, with the figure of
// scalinglaws.figures.datalimits.draw_runway (the runs of the course's table and the growth
// fitted to them, exported from the package).
import * as D from "../generated/datalimits_formulas.js";
import * as F from "../generated/formulas.js";
import { numberInRange } from "../validate.js";
import { COLORS, format } from "./common.js";
import { DL, dataLaw, inRange, tokens } from "./datalimits-common.js";

const END_YEAR = 2034;

// datalimits.runway_year: the package's checks, then the closed form.
function runwayYear(stock, largest, startYear, growth, multiplier) {
  const s = inRange("runway", "stock_tokens", stock);
  const l = inRange("runway", "largest_tokens", largest);
  const year = inRange("runway", "start_year", startYear);
  const g = inRange("runway", "growth_per_year", growth, { lowInclusive: false });
  const m = inRange("runway", "multiplier", multiplier, { lowInclusive: false });
  return D.runway_year(s, l, year, g, m);
}

export function compute(values) {
  const [lowest, highest] = DL.ranges.runway.stock_tokens;
  const stock = inRange("runway", "stock_tokens", values.stock_tokens);
  const low = numberInRange("stock_low", values.stock_low, lowest, stock);
  const high = numberInRange("stock_high", values.stock_high, stock, highest);
  const passes = inRange("runway", "epochs", values.epochs);
  const synthetic = inRange("runway", "synthetic_multiplier", values.synthetic_multiplier);
  const repetitionFactor = D.effective_data(1.0, passes, dataLaw("muennighoff2023").rd_star);
  const result = { stock_tokens: stock, stock_low: low, stock_high: high,
    largest_tokens: values.largest_tokens, start_year: values.start_year,
    growth_per_year: values.growth_per_year, epochs: passes,
    repetition_factor: repetitionFactor, synthetic_multiplier: synthetic };
  for (const [label, factor] of [["", 1.0], ["_stretched", repetitionFactor * synthetic]]) {
    for (const [which, value] of [["year", stock], ["year_low", low], ["year_high", high]]) {
      result[which + label] = runwayYear(value, values.largest_tokens, values.start_year,
        values.growth_per_year, factor);
    }
  }
  result.multiplier = repetitionFactor * synthetic;
  result.years_gained = result.year_stretched - result.year;
  return result;
}

export function describe(r) {
  const rows = [
    ["Stock (interval)", `${tokens(r.stock_tokens)} (${tokens(r.stock_low)} to `
      + `${tokens(r.stock_high)}) tokens`],
    ["Largest training set reaches it", `${format(r.year, ".1f")} (interval `
      + `${format(r.year_low, ".1f")} to ${format(r.year_high, ".1f")})`],
  ];
  if (r.multiplier !== 1) {
    rows.push(
      ["Stock stretched by", `×${format(r.repetition_factor, ".3g")} repetition `
        + `(${format(r.epochs, "g")} epochs) × ${format(r.synthetic_multiplier, ".3g")} `
        + `synthetic = ×${format(r.multiplier, ".3g")}`],
      ["Reached instead in", `${format(r.year_stretched, ".1f")} (interval `
        + `${format(r.year_low_stretched, ".1f")} to ${format(r.year_high_stretched, ".1f")})`],
      ["Years gained", format(r.years_gained, ".2f")],
    );
  }
  return rows;
}

export function figure(r) {
  const runs = DL.runs;
  const pick = (values, corpus) => values.filter((_, i) => runs.corpus_size[i] === corpus);
  const years = F.linspace(r.start_year, END_YEAR, 50);
  const fitYears = F.linspace(2020, r.start_year, 20);
  const trend = DL.growth_trend;
  const xlim = [2019.5, END_YEAR];
  const flat = (value) => [value, value];
  const series = [
    { kind: "points", x: pick(runs.years, false), y: pick(runs.tokens, false), size: 5,
      color: COLORS.black, z: 3, label: "tokens seen (course table)" },
    { kind: "points", x: pick(runs.years, true), y: pick(runs.tokens, true), marker: "x",
      size: 6, color: "#777777", z: 3, label: "corpus sizes (not fitted)" },
    { kind: "line", x: years,
      y: years.map((year) => r.largest_tokens * r.growth_per_year ** (year - r.start_year)),
      color: COLORS.blue, label: `largest set ×${format(r.growth_per_year, ".3g")} a year` },
    { kind: "line", x: fitYears, width: 1.2, color: COLORS.sky,
      y: fitYears.map((year) => F.exponential_trend(trend.value_at_reference,
        trend.rate_per_year, trend.reference_year, year)),
      label: "fitted trend (tokens seen)" },
    { kind: "band", x: xlim, low: flat(r.stock_low), high: flat(r.stock_high),
      color: COLORS.orange, opacity: 0.18, label: "stock, interval" },
    { kind: "line", x: xlim, y: flat(r.stock_tokens), color: COLORS.orange, label: "stock" },
  ];
  if (r.multiplier !== 1) {
    series.push({ kind: "line", x: xlim, y: flat(r.multiplier * r.stock_tokens),
      color: COLORS.green, dash: "dashed", label: `stock ×${format(r.multiplier, ".3g")}` });
  }
  return {
    xscale: "linear", yscale: "log", xlim, ylim: [1e11, 1e16], xinteger: true,
    xlabel: "year", ylabel: "training tokens", series,
    vlines: [{ x: r.year, color: COLORS.vermillion, dash: "dotted" }],
    alt: "Training-set sizes by year on a log axis with a line growing "
      + `${format(r.growth_per_year, ".3g")} times a year from `
      + `${format(r.largest_tokens, ".3g")} tokens in ${format(r.start_year, "g")}; it `
      + `crosses the stock of ${format(r.stock_tokens, ".3g")} tokens in `
      + `${format(r.year, ".1f")}.`,
  };
}
