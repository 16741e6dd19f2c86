// The page's numerics in one import: `import * as numerics from ".../numerics/index.js"`.
// Names are the package's, in camelCase (fit_power_law → fitPowerLaw); NAMES maps the
// package's name of each function to the export, so the calculators can follow renames.

export { formatG, pyRepr } from "./validate.js";
export { logBeta, logGamma, normalQuantileApprox, regularizedIncompleteBeta, tCdf, tCritical,
  tPdf, tQuantile, tSurvival } from "./special.js";
export { confidenceBand, fitExponentialTrend, fitPowerLaw, lineFit, predictInterval, predictPowerLaw, simulateAndFit,
  simulatePowerLaw } from "./powerlaw.js";
export { PortableRandom, portableLog } from "./random.js";
export { minimizeLbfgs } from "./lbfgs.js";
export { percentileInterval, sampleStd } from "./stats.js";
export { checkRuns, computeOptimal, fitParametric, huberObjectiveAndGradient, initialisationGrid,
  lawFromTheta, optimalInterval } from "./parametric.js";
export { closestMatch, csvRow, parseRunsCsv, pyStrip, splitLines } from "./runs-csv.js";
export { geomspace, getLaw, linspace, logspace, simulateTrainingRuns } from "./simulate.js";
export { allocationOptimum, compareApproaches, comparisonRows, fitEnvelope, fitIsoflop } from "./approaches.js";
export { chinchillaOptimum, dataConstrainedOptimum, minimizeScalarBounded } from "./datalimits.js";
export * as packageData from "./package-data.js";

/** The package's function (module.name) each export reproduces. */
export const NAMES = Object.freeze({
  "scipy.stats.t.ppf": "tQuantile",
  "scipy.stats.t.cdf": "tCdf",
  "scalinglaws.powerlaw.fit_power_law": "fitPowerLaw",
  "scalinglaws.powerlaw.PowerLawFit.predict": "predictPowerLaw",
  "scalinglaws.powerlaw.PowerLawFit.predict_interval": "predictInterval",
  "scalinglaws.powerlaw.percentile_interval": "percentileInterval",
  "scalinglaws.powerlaw.fit_exponential_trend": "fitExponentialTrend",
  "scalinglaws.portable_random.PortableRandom": "PortableRandom",
  "scipy.optimize.minimize_scalar(method='bounded')": "minimizeScalarBounded",
  "scalinglaws.datalimits.data_constrained_optimum": "dataConstrainedOptimum",
  "scalinglaws.portable_random.simulate_power_law_portable": "simulatePowerLaw",
  "scalinglaws.portable_random.simulate_and_fit_portable": "simulateAndFit",
  "scalinglaws.portable_random.simulate_training_runs_portable": "simulateTrainingRuns",
  "scalinglaws.chinchilla.fit_parametric": "fitParametric",
  "scalinglaws.chinchilla.optimal_interval": "optimalInterval",
  "scalinglaws.chinchilla.compute_optimal": "computeOptimal",
  "scalinglaws.chinchilla.initialisation_grid": "initialisationGrid",
  "scalinglaws.chinchilla.fit_envelope": "fitEnvelope",
  "scalinglaws.chinchilla.fit_isoflop": "fitIsoflop",
  "scalinglaws.chinchilla.compare_approaches": "compareApproaches",
  "scalinglaws.portable_random.compare_approaches_portable": "compareApproaches",
  "scalinglaws.chinchilla.ApproachComparison.rows": "comparisonRows",
  "scalinglaws.runs_csv.parse_runs_csv": "parseRunsCsv",
});
