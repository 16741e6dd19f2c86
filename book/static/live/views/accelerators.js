// Accelerator explorer (chapter 1): a view over scalinglaws.hardware.compare_chips.
import * as F from "../generated/formulas.js";
import { DATA } from "../generated/data.js";
import { InputError } from "../validate.js";
import { COLORS, format, times } from "./common.js";

const LABELS = DATA.precision_labels;

function chip(arg, name) {
  const row = DATA.accelerators.find((candidate) => candidate.name === name);
  if (!row) {
    throw new InputError(`${arg} must be the name of a chip in the table `
      + `(e.g. '${DATA.accelerators[0].name}'); got '${name}'`);
  }
  return row;
}

// hardware.peak_tflops and hardware._metrics, with the package's message for a missing figure.
function metrics(arg, name, precision, utilisation) {
  const row = chip(arg, name);
  const peak = row.tflops[precision];
  if (peak === null || peak === undefined) {
    const available = DATA.precisions.filter((key) => row.tflops[key] !== null);
    throw new InputError(`precision '${precision}' has no dense figure for ${name} in the `
      + `table; it has ${available.join(", ") || "none"}`);
  }
  const delivered = peak * utilisation;
  return {
    name, year: row.year, precision, peak_tflops: peak, utilisation, tflops: delivered,
    flops_per_watt: row.power_w === null ? NaN : F.flops_per_unit(delivered, row.power_w),
    flops_per_dollar: row.price_usd === null ? NaN : F.flops_per_unit(delivered, row.price_usd),
  };
}

export function compute({ a, b, precision, utilisation }) {
  const first = metrics("a", a, precision, utilisation);
  const second = metrics("b", b, precision, utilisation);
  const ratio = first.peak_tflops / second.peak_tflops;
  const years = first.year - second.year;
  return {
    first, second, ratio,
    ratio_per_watt: first.flops_per_watt / second.flops_per_watt,
    ratio_per_dollar: first.flops_per_dollar / second.flops_per_dollar,
    years_apart: years,
    implied_doubling_time: F.newer_over_older_doubling_time(ratio, years),
  };
}

function perWatt(m) {
  return Number.isNaN(m.flops_per_watt) ? "no power figure"
    : `${format(m.flops_per_watt / 1e9, ",.0f")} GFLOP/s per W`;
}

function perDollar(m) {
  return Number.isNaN(m.flops_per_dollar) ? "no public price"
    : `${format(m.flops_per_dollar / 1e9, ".3g")} GFLOP/s per $`;
}

function ratio(value, missing) {
  return Number.isNaN(value) ? missing : times(value);
}

export function describe(result) {
  const rows = [result.first, result.second].map((m) => [`${m.name} (${m.year})`,
    `${format(m.tflops, ",.4g")} TFLOP/s ${LABELS[m.precision]} (dense); ${perWatt(m)}; `
    + `${perDollar(m)}`]);
  const doubling = result.implied_doubling_time;
  return [
    ...rows,
    ["A / B: FLOP/s", times(result.ratio)],
    ["A / B: FLOP/s per watt", ratio(result.ratio_per_watt, "needs power for both")],
    ["A / B: FLOP/s per dollar", ratio(result.ratio_per_dollar, "needs a price for both")],
    ["Years apart", `${result.years_apart}`],
    ["Doubling time this implies",
      Number.isNaN(doubling) ? "n/a" : `${format(doubling, ".2f")} years`],
  ];
}

export function figure(result) {
  const { precision, utilisation } = result.first;
  const rows = DATA.accelerators.filter((row) => row.tflops[precision] !== null);
  return {
    xscale: "linear", yscale: "log", xinteger: true, ymargin: 0.1,
    xlabel: "year", ylabel: "dense TFLOP/s",
    series: [
      { kind: "points", x: rows.map((row) => row.year),
        y: rows.map((row) => row.tflops[precision] * utilisation), color: COLORS.sky,
        label: `all chips with ${LABELS[precision]}` },
      { kind: "points", x: [result.first.year], y: [result.first.tflops], size: 13,
        color: COLORS.vermillion, label: result.first.name },
      { kind: "points", x: [result.second.year], y: [result.second.tflops], size: 13,
        color: COLORS.blue, label: result.second.name },
    ],
    alt: `Log plot of dense ${LABELS[precision]} TFLOP/s against year for ${rows.length} `
      + `accelerators, with ${result.first.name} at ${format(result.first.tflops, ".4g")} and `
      + `${result.second.name} at ${format(result.second.tflops, ".4g")} TFLOP/s highlighted: `
      + `a ratio of ${format(result.ratio, ".3g")}.`,
  };
}
