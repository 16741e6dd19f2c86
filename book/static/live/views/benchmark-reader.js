// Benchmark reader (chapter 5): a view over scalinglaws.emergence.benchmark_reading, computed
// with the formulas generated from scalinglaws/emergence_formulas.py (closed form, no sampling).
import * as F from "../generated/emergence_formulas.js";
import { InputError } from "../validate.js";
import { COLORS, format, powerOfTenLabel } from "./common.js";

/** emergence.BENCHMARK_COMPUTE_RANGE (decades) and emergence.MAX_SIZES. */
const RANGE = [20, 24];
const MAX_SIZES = 50;

/** widgets.emergence.percent: "2.86 %", or "below 0.1 %". */
function percent(probability) {
  return probability < 0.001 ? "below 0.1 %" : `${format(100 * probability, ".3g")} %`;
}

export function compute({ chance, ceiling, noise, n_sizes: n }) {
  // emergence._benchmark_inputs: the sliders keep each value in range; the ceiling must
  // also be above chance.
  if (ceiling <= chance) {
    throw new InputError(`ceiling must be greater than chance (${format(chance, "g")}); `
      + `got ${format(ceiling, "g")}`);
  }
  const computeAt = Array.from({ length: n }, (_, i) =>
    Math.pow(10, RANGE[0] + (RANGE[1] - RANGE[0]) * i / (n - 1)));
  return {
    chance, ceiling, noise, n_sizes: n, compute: computeAt,
    smooth: computeAt.map((_, i) => F.ramp_score(F.size_position(i, n), chance, ceiling)),
    jump_gap: Math.floor((n - 2) / 2),
    misread: F.misread_probability(chance, ceiling, noise, n),
    worst_misread: F.worst_misread_probability(chance, ceiling, noise, n),
    sizes_for_5_percent: F.sizes_needed(chance, ceiling, noise, 0.05, MAX_SIZES),
  };
}

export function describe(r) {
  const rise = r.ceiling - r.chance;
  const needed = r.sizes_for_5_percent > MAX_SIZES ? `more than ${MAX_SIZES}`
    : String(r.sizes_for_5_percent);
  const verdict = r.misread <= 0.05 ? "a smooth rise can be told from a jump (error below 5 %)"
    : "too few sizes or too much noise to tell them apart reliably";
  return [
    ["Model sizes", `${r.n_sizes}, evenly spread in log compute over `
      + `${powerOfTenLabel(Math.pow(10, RANGE[0]))}–${powerOfTenLabel(Math.pow(10, RANGE[1]))}`
      + " FLOPs"],
    ["Rise from chance to the ceiling", `${format(rise, ".3g")} (${format(r.chance, ".3g")} to `
      + `${format(r.ceiling, ".3g")}), ${format(rise / r.noise, ".3g")} times the noise`],
    ["Probability of calling it wrong (jump anywhere)", percent(r.misread)],
    ["… with the jump where it is hardest to see", percent(r.worst_misread)],
    ["Model sizes needed for an error below 5 %", needed],
    ["Verdict", verdict],
  ];
}

export function figure(r) {
  const gap = r.jump_gap;
  const middle = Math.sqrt(r.compute[gap] * r.compute[gap + 1]);
  const first = r.compute[0];
  const last = r.compute[r.compute.length - 1];
  return {
    xscale: "log", yscale: "linear",
    xlabel: "training compute of the model sizes (FLOPs)", ylabel: "benchmark score",
    series: [
      { kind: "band", x: r.compute, low: r.smooth.map((s) => s - 2 * r.noise),
        high: r.smooth.map((s) => s + 2 * r.noise), color: COLORS.blue, opacity: 0.2,
        label: "smooth rise ± 2σ of noise" },
      { kind: "line", x: r.compute, y: r.smooth, color: COLORS.blue, marker: "o",
        label: "smooth rise" },
      { kind: "line", x: [first, middle, middle, last], y: [r.chance, r.chance, r.ceiling,
        r.ceiling], color: COLORS.vermillion, dash: "dashed",
      label: "jump between the middle sizes" },
      { kind: "line", x: [first, last], y: [r.chance, r.chance], color: "#999999",
        dash: "dotted", width: 1 },
      { kind: "line", x: [first, last], y: [r.ceiling, r.ceiling], color: "#999999",
        dash: "dotted", width: 1 },
    ],
    alt: `Benchmark score against compute at ${r.n_sizes} model sizes on a log axis: a smooth `
      + `rise and a jump from chance ${format(r.chance, ".3g")} to ceiling `
      + `${format(r.ceiling, ".3g")}, noise ${format(r.noise, ".3g")}; the probability of `
      + `calling it wrong is ${format(100 * r.misread, ".3g")} %.`,
  };
}
