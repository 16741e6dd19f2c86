// The fit lab's simulated experiment: scalinglaws.chinchilla.simulate_training_runs with
// the standard-normal draws of PortableRandom(seed), i.e. exactly
// scalinglaws.portable_random.simulate_training_runs_portable, so the page and the package
// show the same runs for the same seed.

import { law_a, law_b, law_g, law_loss as lawLoss, optimal_params as optimalParams }
  from "../generated/formulas.js";
import { FLOPS_PER_PARAM_TOKEN, LAWS } from "./package-data.js";
import { PortableRandom } from "./random.js";
import { integerInRange, numberInRange, pyRepr } from "./validate.js";

/** numpy.linspace(start, stop, num) (endpoint included). */
export function linspace(start, stop, num) {
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i += 1) {
    out[i] = div > 0 ? (step === 0 ? (i / div) * delta : i * step) + start : start;
  }
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** numpy.logspace(start, stop, num): 10 ** linspace. */
export function logspace(start, stop, num) {
  return linspace(start, stop, num).map((v) => 10 ** v);
}

/** numpy.geomspace(start, stop, num) for positive start and stop (ends set exactly). */
export function geomspace(start, stop, num) {
  const out = logspace(Math.log10(start), Math.log10(stop), num);
  if (num > 0) out[0] = start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** A law given by its key in the package's LAWS, or an object with E, A, B, alpha, beta. */
export function getLaw(law) {
  if (typeof law === "string" && Object.hasOwn(LAWS, law)) return withExponents(LAWS[law]);
  if (law && typeof law === "object" && ["E", "A", "B", "alpha", "beta"].every((k) => typeof law[k] === "number")) {
    numberInRange("E", law.E, 0, null);
    numberInRange("A", law.A, 0, null, { lowInclusive: false });
    numberInRange("B", law.B, 0, null, { lowInclusive: false });
    numberInRange("alpha", law.alpha, 0, null, { lowInclusive: false });
    numberInRange("beta", law.beta, 0, null, { lowInclusive: false });
    return withExponents(law);
  }
  throw new Error(`law must be a LossLaw or one of ${pyRepr(Object.keys(LAWS).sort())}; got ${typeof law === "string" ? pyRepr(law) : String(law)}`);
}

/** The law with a, b and G of eq. 4, from the package's formulas (generated/formulas.js). */
function withExponents(law) {
  return { ...law, a: law_a(law), b: law_b(law), G: law_g(law) };
}

/**
 * simulate_training_runs_portable(truth, noise, min_flops, max_flops, n_budgets,
 * models_per_budget, window_decades, window_offset, window_exponent, n_curves,
 * points_per_curve, seed), with the package's defaults and checks.
 * Returns {truth, noise, seed, isoflopBudget, isoflopParams, isoflopTokens, isoflopLoss,
 * curveRun, curveParams, curveTokens, curveLoss} (arrays) and finalRuns().
 */
export function simulateTrainingRuns(options = {}) {
  const {
    truth = "hoffmann2022", noise = 0.005, minFlops = 1e18, maxFlops = 1e21, nBudgets = 7,
    modelsPerBudget = 9, windowDecades = 1.5, windowOffset = 0.0, windowExponent = null,
    nCurves = 16, pointsPerCurve = 40, seed = 0,
  } = options;
  const law = getLaw(truth);
  numberInRange("noise", noise, 0, 0.5);
  numberInRange("min_flops", minFlops, 1e12, 1e30);
  numberInRange("max_flops", maxFlops, minFlops, 1e32, { lowInclusive: false });
  integerInRange("n_budgets", nBudgets, 3, 100);
  integerInRange("models_per_budget", modelsPerBudget, 3, 100);
  numberInRange("window_decades", windowDecades, 0.2, 4);
  numberInRange("window_offset", windowOffset, -2, 2);
  integerInRange("n_curves", nCurves, 3, 200);
  integerInRange("points_per_curve", pointsPerCurve, 3, 1000);
  integerInRange("seed", seed, 0, 2 ** 32 - 1);
  const rng = new PortableRandom(seed);
  const budgets = geomspace(minFlops, maxFlops, nBudgets);
  const slope = windowExponent == null ? law.a
    : numberInRange("window_exponent", windowExponent, 0.05, 0.95);
  const middle = Math.sqrt(minFlops * maxFlops);
  const middleParams = optimalParams(law, middle);
  const spread = logspace(-windowDecades / 2, windowDecades / 2, modelsPerBudget);
  const size = nBudgets * modelsPerBudget;
  const isoflopBudget = new Float64Array(size);
  const isoflopParams = new Float64Array(size);
  const isoflopTokens = new Float64Array(size);
  const isoflopLoss = new Float64Array(size);
  for (let i = 0; i < nBudgets; i += 1) {
    const centre = middleParams * 10 ** windowOffset * (budgets[i] / middle) ** slope;
    for (let j = 0; j < modelsPerBudget; j += 1) {
      const k = i * modelsPerBudget + j;
      isoflopBudget[k] = budgets[i];
      isoflopParams[k] = centre * spread[j];
      isoflopTokens[k] = budgets[i] / (FLOPS_PER_PARAM_TOKEN * isoflopParams[k]);
    }
  }
  for (let k = 0; k < size; k += 1) {
    isoflopLoss[k] = lawLoss(law, isoflopParams[k], isoflopTokens[k]) * Math.exp(noise * rng.standardNormal());
  }
  const sizes = geomspace(Math.min(...isoflopParams), Math.max(...isoflopParams), nCurves);
  const fractions = linspace(0, 1, pointsPerCurve);
  const total = nCurves * pointsPerCurve;
  const curveRun = new Float64Array(total);
  const curveParams = new Float64Array(total);
  const curveTokens = new Float64Array(total);
  const curveLoss = new Float64Array(total);
  for (let i = 0; i < nCurves; i += 1) {
    const dEnd = maxFlops / (FLOPS_PER_PARAM_TOKEN * sizes[i]);
    const dStart = minFlops / (FLOPS_PER_PARAM_TOKEN * sizes[i]) / 10;
    for (let j = 0; j < pointsPerCurve; j += 1) {
      const k = i * pointsPerCurve + j;
      curveRun[k] = i;
      curveParams[k] = sizes[i];
      curveTokens[k] = dStart * (dEnd / dStart) ** fractions[j];
    }
  }
  for (let k = 0; k < total; k += 1) {
    curveLoss[k] = lawLoss(law, curveParams[k], curveTokens[k]) * Math.exp(noise * rng.standardNormal());
  }
  return {
    truth: law, noise, seed, isoflopBudget, isoflopParams, isoflopTokens, isoflopLoss,
    curveRun, curveParams, curveTokens, curveLoss,
    /** (params, tokens, loss) of every finished run: IsoFLOP runs, then the curves' ends. */
    finalRuns() {
      const ends = [];
      for (let k = 0; k < total; k += 1) if (k === total - 1 || curveRun[k + 1] !== curveRun[k]) ends.push(k);
      return [
        [...isoflopParams, ...ends.map((k) => curveParams[k])],
        [...isoflopTokens, ...ends.map((k) => curveTokens[k])],
        [...isoflopLoss, ...ends.map((k) => curveLoss[k])],
      ];
    },
  };
}
