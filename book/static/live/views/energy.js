// Energy and carbon of a training run (chapter 7): a view over
// scalinglaws.outlook.training_energy, with the accelerator table of the package's data.
import * as O from "../generated/outlook_formulas.js";
import * as F from "../generated/formulas.js";
import { DATA } from "../generated/data.js";
import { COLORS, countInWords, format } from "./common.js";

/** The grids marked on the figure (scalinglaws.figures.outlook.GRID_LABELS). */
const GRID_LABELS = [["france_bloom", "France (BLOOM)"], ["world_2024", "world 2024"]];

export function compute({ compute_flops, chip, utilisation, pue, grid_g_per_kwh }) {
  const [name, precision] = chip;
  const row = DATA.accelerators.find((candidate) => candidate.name === name);
  const tflops = row.tflops[precision];
  const perJoule = O.flops_per_joule(tflops, row.power_w);
  const energy = O.training_energy_joules(compute_flops, perJoule, utilisation, pue);
  const gwh = energy / O.JOULES_PER_KWH / 1e6;
  return {
    compute_flops, peak_tflops: tflops, power_w: row.power_w, peak_flops_per_joule: perJoule,
    grid_g_per_kwh, energy_joules: energy, energy_gwh: gwh,
    accelerator_hours: O.accelerator_hours(compute_flops, tflops, utilisation),
    share: gwh / 1e3 / DATA.outlook.data_centres_2024_twh,
    emissions_tonnes: O.emissions_tonnes(energy, grid_g_per_kwh),
  };
}

export function describe(run) {
  return [
    ["Chip at peak", `${format(run.peak_tflops, ",.4g")} TFLOP/s dense at `
      + `${format(run.power_w, ",.0f")} W: ${format(run.peak_flops_per_joule / 1e12, ".3g")} `
      + "TFLOP per joule"],
    ["Accelerator-hours", countInWords(run.accelerator_hours)],
    ["Energy, with the PUE", `${format(run.energy_gwh, ",.3g")} GWh`],
    ["Share of all data centres' electricity in 2024 (415 TWh)",
      `${format(100 * run.share, ".3g")} %`],
    [`Emissions at ${format(run.grid_g_per_kwh, "g")} g/kWh`,
      `${format(run.emissions_tonnes, ",.0f")} t CO2e`],
  ];
}

export function figure(run) {
  const grids = F.linspace(0.0, 1000.0, 21);
  const tonnes = (g) => O.emissions_tonnes(run.energy_joules, g);
  const marked = GRID_LABELS.map(([key]) => DATA.outlook.grid_intensity[key]);
  return {
    xscale: "linear", yscale: "linear",
    xlabel: "grid carbon intensity (gCO2e/kWh)", ylabel: "emissions (t CO2e)",
    series: [
      { kind: "line", x: grids, y: grids.map(tonnes), color: COLORS.blue,
        label: "this run's energy" },
      { kind: "points", x: marked, y: marked.map(tonnes), size: 5, color: COLORS.black,
        label: "published grids" },
      { kind: "points", x: [run.grid_g_per_kwh], y: [run.emissions_tonnes], marker: "*",
        size: 13, color: COLORS.orange, z: 4, label: "your grid" },
    ],
    annotations: GRID_LABELS.map(([key, text]) => {
      const g = DATA.outlook.grid_intensity[key];
      return { x: g, y: tonnes(g), text, dx: 5, dy: 13 };
    }),
    alt: `Line of emissions against grid carbon intensity for ${format(run.energy_gwh, ".3g")} `
      + `GWh: ${format(run.emissions_tonnes, ",.0f")} t CO2e at `
      + `${format(run.grid_g_per_kwh, "g")} g/kWh.`,
  };
}
