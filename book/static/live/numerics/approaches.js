// Approaches 1 and 2 of Hoffmann et al. (2022) and the fit lab's comparison, as
// scalinglaws.chinchilla.fit_envelope, fit_isoflop and compare_approaches compute them
// (compare_approaches on the portable simulation, see simulate.js).

import { FLOPS_PER_PARAM_TOKEN, GOPHER_FLOPS, LAWS, MIN_RUNS } from "./package-data.js";
import { computeOptimal, fitParametric } from "./parametric.js";
import { fitPowerLaw, predictPowerLaw } from "./powerlaw.js";
import { getLaw, linspace, simulateTrainingRuns } from "./simulate.js";
import { finiteArray, formatG, integerInRange, numberInRange, ptp, sameLength } from "./validate.js";

function checkConfidence(confidence) {
  return numberInRange("confidence", confidence, 0, 1, { lowInclusive: false, highInclusive: false });
}

function allocationFit(method, compute, params, confidence) {
  const tokens = compute.map((c, i) => c / (FLOPS_PER_PARAM_TOKEN * params[i]));
  const paramsFit = fitPowerLaw(compute, params, confidence);
  const tokensFit = fitPowerLaw(compute, tokens, confidence);
  return { method, a: paramsFit.exponent, b: tokensFit.exponent, aCi: paramsFit.exponentCi,
    bCi: tokensFit.exponentCi, paramsFit, tokensFit, compute, params, tokens };
}

/** AllocationFit.optimum: (N_opt, D_opt) of the fitted power laws at computeFlops. */
export function allocationOptimum(fit, computeFlops) {
  const c = numberInRange("compute_flops", computeFlops, 0, null, { lowInclusive: false });
  return [predictPowerLaw(fit.paramsFit, c), predictPowerLaw(fit.tokensFit, c)];
}

/** numpy.interp at x inside [xp[0], xp[last]] (xp increasing). */
function interp(x, xp, fp) {
  const last = xp.length - 1;
  if (x >= xp[last]) return fp[last];
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (xp[mid] <= x) low = mid;
    else high = mid;
  }
  const slope = (fp[low + 1] - fp[low]) / (xp[low + 1] - xp[low]);
  return slope * (x - xp[low]) + fp[low];
}

/**
 * fit_envelope(run, params, tokens, loss, n_flops=40, confidence=0.95): Approach 1, the
 * minimum over training curves, then N_opt ∝ C^a and D_opt ∝ C^b by fitPowerLaw.
 */
export function fitEnvelope(run, params, tokens, loss, { nFlops = 40, confidence = 0.95 } = {}) {
  const runIds = finiteArray("run", run, { minSize: MIN_RUNS });
  const n = finiteArray("params", params, { positive: true, minSize: MIN_RUNS });
  const d = finiteArray("tokens", tokens, { positive: true, minSize: MIN_RUNS });
  const lo = finiteArray("loss", loss, { positive: true, minSize: MIN_RUNS });
  sameLength({ run: runIds, params: n, tokens: d, loss: lo });
  integerInRange("n_flops", nFlops, 5, 10000);
  checkConfidence(confidence);
  const labels = [...new Set(runIds)].sort((u, v) => u - v);
  if (labels.length < 3) throw new Error(`run must name at least 3 different training runs; got ${labels.length}`);
  const sizes = [];
  const curves = [];
  for (const label of labels) {
    const pick = [];
    for (let i = 0; i < runIds.length; i += 1) if (runIds[i] === label) pick.push(i);
    const sizesHere = pick.map((i) => n[i]);
    if (ptp(sizesHere) > 1e-9 * sizesHere[0]) {
      throw new Error(`params must be constant within a run; run ${formatG(label)} has several sizes`);
    }
    const points = pick.map((i) => [Math.log(FLOPS_PER_PARAM_TOKEN * n[i] * d[i]), Math.log(lo[i])]);
    points.sort((p, q) => p[0] - q[0]);
    sizes.push(sizesHere[0]);
    curves.push([points.map((p) => p[0]), points.map((p) => p[1])]);
  }
  const grid = linspace(Math.min(...curves.map(([c]) => c[0])),
    Math.max(...curves.map(([c]) => c[c.length - 1])), nFlops);
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const compute = [];
  const optima = [];
  for (const g of grid) {
    let bestLoss = Infinity;
    let best = 0;
    curves.forEach(([curveC, curveL], i) => {
      const value = g >= curveC[0] && g <= curveC[curveC.length - 1] ? interp(g, curveC, curveL) : Infinity;
      if (value < bestLoss) {
        bestLoss = value;
        best = i;
      }
    });
    if (Number.isFinite(bestLoss) && sizes[best] > smallest && sizes[best] < largest) {
      compute.push(Math.exp(g));
      optima.push(sizes[best]);
    }
  }
  if (compute.length < 3) {
    throw new Error("the training curves give fewer than 3 budgets with an interior optimum; use more model sizes or a wider range of them");
  }
  return allocationFit("Approach 1: minimum over training curves", compute, optima, confidence);
}

/** Least-squares parabola y = c0 + c1·u + c2·u² (u = x − mean x); returns [c2, vertex x]. */
function parabolaVertex(x, y) {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const m = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
  for (let i = 0; i < x.length; i += 1) {
    const u = x[i] - mean;
    const row = [1, u, u * u];
    for (let r = 0; r < 3; r += 1) {
      for (let c = 0; c < 3; c += 1) m[r][c] += row[r] * row[c];
      m[r][3] += row[r] * y[i];
    }
  }
  for (let col = 0; col < 3; col += 1) { // Gaussian elimination, partial pivoting
    let pivot = col;
    for (let r = col + 1; r < 3; r += 1) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < 3; r += 1) {
      const factor = m[r][col] / m[col][col];
      for (let c = col; c < 4; c += 1) m[r][c] -= factor * m[col][c];
    }
  }
  const c2 = m[2][3] / m[2][2];
  const c1 = (m[1][3] - m[1][2] * c2) / m[1][1];
  return [c2, mean - c1 / (2 * c2)];
}

/**
 * fit_isoflop(budget, params, loss, confidence=0.95): Approach 2, a parabola in log N per
 * budget (vertex = N_opt), then N_opt ∝ C^a and D_opt ∝ C^b by fitPowerLaw.
 */
export function fitIsoflop(budget, params, loss, { confidence = 0.95 } = {}) {
  const c = finiteArray("budget", budget, { positive: true, minSize: MIN_RUNS });
  const n = finiteArray("params", params, { positive: true, minSize: MIN_RUNS });
  const lo = finiteArray("loss", loss, { positive: true, minSize: MIN_RUNS });
  sameLength({ budget: c, params: n, loss: lo });
  checkConfidence(confidence);
  const budgets = [];
  const optima = [];
  for (const value of [...new Set(c)].sort((u, v) => u - v)) {
    const pick = [];
    for (let i = 0; i < c.length; i += 1) if (c[i] === value) pick.push(i);
    const x = pick.map((i) => Math.log(n[i]));
    if (new Set(x).size < 3) continue;
    const [curvature, vertex] = parabolaVertex(x, pick.map((i) => lo[i]));
    if (!(curvature > 0)) continue;
    budgets.push(value);
    optima.push(Math.exp(vertex));
  }
  if (budgets.length < 3) {
    throw new Error(`budget must have at least 3 IsoFLOP profiles with 3 or more model sizes and a minimum; got ${budgets.length}`);
  }
  return allocationFit("Approach 2: IsoFLOP parabolas", budgets, optima, confidence);
}

/**
 * compare_approaches on the portable simulation (simulate_training_runs_portable): the
 * three approaches' a and b on the same runs. Options as the package's keyword arguments
 * (camelCase); `truth` a key of LAWS or a law object.
 */
export function compareApproaches(options = {}) {
  const { truth = "hoffmann2022", noise = 0.005, windowOffset = 0.0, windowDecades = 1.5,
    windowExponent = null, modelsPerBudget = 9, seed = 0, nBootstrap = 50, confidence = 0.95 } = options;
  const runs = simulateTrainingRuns({ truth, noise, windowOffset, windowDecades, windowExponent,
    modelsPerBudget, seed });
  const envelope = fitEnvelope(runs.curveRun, runs.curveParams, runs.curveTokens, runs.curveLoss, { confidence });
  const isoflop = fitIsoflop(runs.isoflopBudget, runs.isoflopParams, runs.isoflopLoss, { confidence });
  const parametric = fitParametric(...runs.finalRuns(), { nBootstrap, seed, confidence });
  return { runs, envelope, isoflop, parametric };
}

/** ApproachComparison.rows(compute_flops): truth first, then the three methods. */
export function comparisonRows(comparison, computeFlops = GOPHER_FLOPS) {
  const c = numberInRange("compute_flops", computeFlops, 0, null, { lowInclusive: false });
  const truth = comparison.runs.truth;
  const trueParams = computeOptimal(c, truth).params;
  const rows = [{ method: "truth", a: truth.a, b: truth.b, aCi: null, bCi: null, paramsAt: trueParams, paramsRatio: 1 }];
  for (const fit of [comparison.envelope, comparison.isoflop]) {
    const params = allocationOptimum(fit, c)[0];
    rows.push({ method: fit.method, a: fit.a, b: fit.b, aCi: fit.aCi, bCi: fit.bCi,
      paramsAt: params, paramsRatio: params / trueParams });
  }
  const p = comparison.parametric;
  const ci = p.intervals || {};
  const params = computeOptimal(c, p.law).params;
  rows.push({ method: "Approach 3: parametric fit", a: p.law.a, b: p.law.b, aCi: ci.a ?? null,
    bCi: ci.b ?? null, paramsAt: params, paramsRatio: params / trueParams });
  return rows;
}

export { getLaw, LAWS };
