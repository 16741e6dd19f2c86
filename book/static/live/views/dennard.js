// Dennard vs post-Dennard (chapter 1): a view over scalinglaws.hardware.scaling_over_generations.
import * as F from "../generated/formulas.js";
import { COLORS, format, last, times } from "./common.js";

export function compute({ kappa, generations, voltage_scales, frequency_scales }) {
  const rules = F.dennard_rules(kappa, voltage_scales, frequency_scales);
  const over = (factor) => F.compound(factor, generations);
  const powerDensity = over(rules.power_density);
  return {
    kappa, generations, voltage_scales, frequency_scales, rules,
    generation: over(1).map((_, n) => n),
    transistor_density: over(rules.circuits_per_area),
    frequency: over(rules.frequency),
    power_per_transistor: over(rules.power_per_circuit),
    power_density: powerDensity,
    chip_power: powerDensity.slice(),
    usable_fraction: powerDensity.map(F.usable_fraction),
  };
}

export function describe(result) {
  const { rules } = result;
  const regime = result.voltage_scales ? "Dennard scaling: the voltage falls by κ"
    : "after Dennard scaling: the voltage is held";
  return [
    ["Regime", regime],
    ["Per generation", `clock ${times(rules.frequency)}, power per transistor `
      + `${times(rules.power_per_circuit)}, power density ${times(rules.power_density)}`],
    [`After ${result.generations} generations: transistors per area`,
      times(last(result.transistor_density))],
    ["Clock frequency", times(last(result.frequency))],
    ["Power per transistor", times(last(result.power_per_transistor))],
    ["Power density", times(last(result.power_density))],
    ["Chip power at constant area", times(last(result.chip_power))],
    ["Share of the chip that can switch within generation 0's power",
      `${format(100 * last(result.usable_fraction), ".3g")} %`],
  ];
}

export function figure(result) {
  const n = result.generation;
  const regime = result.voltage_scales ? "voltage scaling" : "the voltage held";
  return {
    xscale: "linear", yscale: "log", xticks: n, xinteger: true,
    xlabel: "generation", ylabel: "relative to generation 0",
    series: [
      { kind: "line", x: n, y: result.transistor_density, color: COLORS.black, dash: "dashed",
        width: 1.2, z: 3, label: "transistors per area" },
      { kind: "line", x: n, y: result.frequency, color: COLORS.blue, marker: "o",
        label: "clock frequency" },
      { kind: "line", x: n, y: result.power_per_transistor, color: COLORS.green, marker: "s",
        label: "power per transistor" },
      { kind: "line", x: n, y: result.power_density, color: COLORS.vermillion, marker: "^",
        label: "power density = chip power (constant area)" },
    ],
    alt: `Log plot over ${result.generations} generations at kappa ${format(result.kappa, ".3g")}`
      + ` with ${regime}: clock ${times(last(result.frequency))}, power per transistor `
      + `${times(last(result.power_per_transistor))}, power density and chip power `
      + `${times(last(result.power_density))} after the last generation.`,
  };
}
