// Serving cost (chapter 6): a view over scalinglaws.inference.serving_estimate.
import * as I from "../generated/inference_formulas.js";
import { DATA } from "../generated/data.js";
import { InputError } from "../validate.js";
import { COLORS, format } from "./common.js";

const INF = DATA.inference;

export function compute({ model, precision, accelerator, batch, context, usd_per_hour: usd,
  utilisation }) {
  const arch = INF.models.find((row) => row.name === model);
  const chip = DATA.accelerators.find((row) => row.name === accelerator);
  const column = INF.precision_peak[precision];
  const peakTflops = chip.tflops[column];
  if (peakTflops === null || peakTflops === undefined) {
    const have = DATA.precisions.filter((key) => chip.tflops[key] !== null);
    throw new InputError(`precision '${precision}' needs a dense ${column} figure, which the `
      + `table lacks for ${accelerator}; it has ${have.join(", ")}`);
  }
  const params = arch.params;
  const bits = INF.precision_bits[precision];
  const weights = I.weight_bytes(params, bits);
  const perSequence = I.kv_bytes_per_token(arch.layers, arch.kv_heads, arch.head_dim, bits)
    * context;
  const memory = chip.memory_gb * 1e9;
  const n = Math.ceil((weights + perSequence * batch) / memory);
  const peak = peakTflops * 1e12 * n * utilisation;
  const bandwidth = chip.bandwidth_tbps * 1e12 * n * utilisation;
  const computeSeconds = 2 * params * batch / peak;
  const memorySeconds = (weights + perSequence * batch) / bandwidth;
  const rate = batch / I.decode_step_seconds(2 * params * batch, weights + perSequence * batch,
    peak, bandwidth);
  const curve = INF.batch_sizes.slice();
  return {
    model, params, precision, accelerator, batch, context, usd_per_hour: usd, utilisation,
    peak_flops: peak, bandwidth, memory_per_accelerator: memory, weight_bytes: weights,
    kv_bytes: perSequence * batch, n_accelerators: n, compute_seconds: computeSeconds,
    memory_seconds: memorySeconds, tokens_per_second: rate,
    usd_per_million_tokens: I.cost_per_million_tokens(n, usd, rate),
    bandwidth_bound: memorySeconds >= computeSeconds,
    intensity: 2 * params * batch / (weights + perSequence * batch),
    ridge_point: peak / bandwidth,
    curve_batch: curve,
    curve_compute_bound: curve.map(() => peak / (2 * params)),
    curve_memory_bound: curve.map((b) => b * bandwidth / (weights + perSequence * b)),
  };
}

export function describe(s) {
  const bound = s.bandwidth_bound ? "memory bandwidth" : "compute";
  return [
    ["Weights", `${format(s.weight_bytes / 1e9, ",.1f")} GB (${format(s.params / 1e9, ".2f")} `
      + `billion parameters in ${INF.precision_labels[s.precision].split(" ")[0]})`],
    ["Key-value cache", `${format(s.kv_bytes / 1e9, ",.1f")} GB (${format(s.batch, ",.0f")} × `
      + `${format(s.context, ",.0f")} tokens)`],
    ["Accelerators needed to hold them",
      `${format(s.n_accelerators, ",.0f")} × ${format(s.memory_per_accelerator / 1e9, ",.0f")} GB`],
    ["One decode step: compute / memory time",
      `${format(1e3 * s.compute_seconds, ".3g")} ms / ${format(1e3 * s.memory_seconds, ".3g")} ms`],
    ["FLOPs per byte read vs the ridge point",
      `${format(s.intensity, ".3g")} vs ${format(s.ridge_point, ".3g")}: limited by ${bound}`],
    ["Generated tokens per second (bound)", format(s.tokens_per_second, ",.0f")],
    ["Cost per million generated tokens", `$${format(s.usd_per_million_tokens, ".3g")}`],
  ];
}

export function figure(s) {
  return {
    xscale: "log", yscale: "log", xlabel: "batch size (sequences decoded together)",
    ylabel: "generated tokens per second",
    series: [
      { kind: "line", x: s.curve_batch, y: s.curve_compute_bound, color: COLORS.blue,
        dash: "dashed", label: "compute bound" },
      { kind: "line", x: s.curve_batch, y: s.curve_memory_bound, color: COLORS.orange,
        dash: "dashed", label: "memory-bandwidth bound" },
      { kind: "points", x: [s.batch], y: [s.tokens_per_second], size: 10,
        color: COLORS.vermillion,
        label: `batch ${format(s.batch, ",.0f")}: ${format(s.tokens_per_second, ",.0f")} tokens/s` },
    ],
    alt: `Log plot of the decode roofline of ${s.model} in ${s.precision} on `
      + `${s.n_accelerators} × ${s.accelerator}: tokens per second against batch size; at `
      + `batch ${s.batch} the bound is ${format(s.tokens_per_second, ",.0f")} tokens per second, `
      + `set by ${s.bandwidth_bound ? "memory bandwidth" : "compute"}.`,
  };
}
