// Cluster reliability and checkpointing (chapter 7): a view over
// scalinglaws.outlook.checkpoint_plan (Young 1974, Daly 2006).
import * as O from "../generated/outlook_formulas.js";
import * as F from "../generated/formulas.js";
import { COLORS, format } from "./common.js";

export function compute({ n_devices, device_mtbf_hours, checkpoint_minutes, restart_minutes }) {
  const n = Number(n_devices);
  const m = O.cluster_mtbf(device_mtbf_hours * 60.0, n);
  const young = O.young_interval(checkpoint_minutes, m);
  const daly = O.daly_interval(checkpoint_minutes, m);
  const goodput = O.goodput(daly, checkpoint_minutes, restart_minutes, m);
  return {
    n_devices: n, checkpoint_minutes, restart_minutes, mtbf_minutes: m,
    interruptions_per_day: O.interruptions_per_day(n, device_mtbf_hours),
    young_minutes: young, daly_minutes: daly, goodput,
    goodput_young: O.goodput(young, checkpoint_minutes, restart_minutes, m),
    lost_hours_per_day: 24.0 * (1.0 - goodput),
  };
}

export function describe(plan) {
  return [
    ["Mean time between interruptions", `${format(plan.mtbf_minutes, ",.4g")} min `
      + `(${format(plan.mtbf_minutes / 60, ".3g")} h)`],
    ["Interruptions per day", format(plan.interruptions_per_day, ",.3g")],
    ["Young's interval √(2δM)", `${format(plan.young_minutes, ",.3g")} min`],
    ["Daly's interval", `${format(plan.daly_minutes, ",.3g")} min`],
    ["Goodput at Daly's interval", `${format(100 * plan.goodput, ".3g")} % of the wall clock`],
    ["Hours lost per day", format(plan.lost_hours_per_day, ".3g")],
  ];
}

export function figure(plan) {
  const m = plan.mtbf_minutes;
  const centre = Math.log10(m);
  const intervals = F.logspace(centre - 3.0, centre + 1.0, 81);
  const shares = intervals.map((t) => O.goodput(t, plan.checkpoint_minutes,
    plan.restart_minutes, m));
  return {
    xscale: "log", yscale: "linear",
    xlabel: "minutes of work between checkpoints", ylabel: "share of time doing useful work",
    series: [
      { kind: "line", x: intervals, y: shares, color: COLORS.blue, label: "goodput" },
      { kind: "points", x: [plan.young_minutes], y: [plan.goodput_young], marker: "s",
        size: 7, color: COLORS.green, label: "Young √(2δM)" },
      { kind: "points", x: [plan.daly_minutes], y: [plan.goodput], marker: "*", size: 13,
        color: COLORS.orange, z: 4, label: "Daly" },
    ],
    alt: "Goodput against the checkpoint interval on a log axis for a job interrupted every "
      + `${format(m, ".3g")} minutes on average: best near ${format(plan.daly_minutes, ".3g")} `
      + `minutes (Daly), where ${format(100 * plan.goodput, ".3g")} % of the time is useful work.`,
  };
}
