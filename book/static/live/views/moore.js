// Moore's-law projector (chapter 1): a view over scalinglaws.hardware.moore_projection.
import * as F from "../generated/formulas.js";
import { DATA } from "../generated/data.js";
import { numberInRange } from "../validate.js";
import { COLORS, count, format, formatInterval, last, roundHalfEven, times } from "./common.js";

const N_GRID = 60;

// The table's rows with a transistor count: single dies only (Moore counted components per
// integrated circuit), or every package counted whole; as scalinglaws.hardware.cpu_rows.
function rows(perDie) {
  const keep = DATA.cpus.dies.map((dies) => !perDie || dies === 1);
  const pick = (values) => values.filter((_, i) => keep[i]);
  return { names: pick(DATA.cpus.names), years: pick(DATA.cpus.years),
           counts: pick(DATA.cpus.counts) };
}

const trendOf = (perDie) => DATA.transistor_trend[perDie ? "per_die" : "per_package"];

export function compute({ doubling_time_years, start_year, per_die }) {
  const { names, years, counts } = rows(per_die);
  const lastYear = Math.max(...DATA.cpus.years);
  // the package's range: from the first year to the year before the last one counted
  numberInRange("start_year", start_year, Math.min(...years), Math.max(...years) - 1,
    { isFloat: false });
  const anchorYear = F.first_year_from(years, start_year);
  const anchor = F.largest_in_year(years, counts, anchorYear);
  const end = F.largest_up_to_year(years, counts, lastYear);
  const grid = F.linspace(anchorYear, lastYear, N_GRID);
  const projected = grid.map((year) =>
    F.doubling_projection(counts[anchor], anchorYear, doubling_time_years, year));
  return {
    doubling_time_years, anchor_name: names[anchor], anchor_year: anchorYear,
    anchor_count: counts[anchor], end_year: lastYear, grid_years: grid, grid_counts: projected,
    projected_at_end: last(projected), actual_at_end: counts[end],
    actual_name_at_end: names[end], ratio_at_end: last(projected) / counts[end],
    per_die, data_years: years, data_counts: counts,
  };
}

export function describe(result) {
  const TREND = trendOf(result.per_die);
  const counted = result.per_die ? "one die" : "packages counted whole";
  const level = roundHalfEven(100 * TREND.confidence);
  const end = format(result.end_year, ".0f");
  return [
    ["Starts from", `${result.anchor_name} (${format(result.anchor_year, ".0f")}), `
      + `${count(result.anchor_count)} transistors`],
    [`Projected for ${end}`, count(result.projected_at_end)],
    [`Largest chip in the table by ${end} (${counted})`,
      `${result.actual_name_at_end}, ${count(result.actual_at_end)}`],
    ["Projection / actual", times(result.ratio_at_end)],
    ["Doubling time fitted to the table", `${format(TREND.doubling_time, ".2f")} years, `
      + `${level} % CI ${formatInterval(...TREND.doubling_time_ci)}`],
  ];
}

export function figure(result) {
  const TREND = trendOf(result.per_die);
  const years = result.data_years;
  const trend = result.grid_years.map((year) => F.exponential_trend(TREND.value_at_reference,
    TREND.rate_per_year, TREND.reference_year, year));
  return {
    xscale: "linear", yscale: "log", xinteger: true,
    xlabel: "year", ylabel: "transistors per chip",
    series: [
      { kind: "points", x: years, y: result.data_counts, color: COLORS.blue, label: "chips in cpus.csv" },
      { kind: "line", x: result.grid_years, y: trend, color: COLORS.green, dash: "dotted",
        label: `least-squares fit, doubling every ${format(TREND.doubling_time, ".2f")} years` },
      { kind: "line", x: result.grid_years, y: result.grid_counts, color: COLORS.orange,
        label: `projection, doubling every ${format(result.doubling_time_years, ".3g")} years` },
      { kind: "points", x: [result.anchor_year], y: [result.anchor_count], marker: "D",
        color: COLORS.vermillion, label: `start: ${result.anchor_name}` },
    ],
    alt: `Log plot of transistors per chip against year: ${years.length} chips from cpus.csv, `
      + `and a projection doubling every ${format(result.doubling_time_years, ".3g")} years `
      + `from the ${result.anchor_name} (${format(result.anchor_year, ".0f")}), which reaches `
      + `${format(result.projected_at_end, ".3g")} in ${format(result.end_year, ".0f")} against `
      + `${format(result.actual_at_end, ".3g")} for the ${result.actual_name_at_end}.`,
  };
}
