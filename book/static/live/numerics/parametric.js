// Approach 3 of Hoffmann et al. (2022): fit L(N, D) = E + A/N^α + B/D^β to training runs
// as scalinglaws.chinchilla.fit_parametric does: the Huber objective (δ = 1e-3) on log-loss
// with the log-sum-exp parametrisation and its exact gradient (eq. 11), a screen of the
// paper's 4,500-point initialisation grid, L-BFGS from the best `nStarts` points, one polish;
// then optionally a case-resampling bootstrap (multiplicity weights, each refit from the
// estimate) with percentile intervals, standard errors and optimal_interval.

import * as F from "../generated/formulas.js";
import { minimizeLbfgs } from "./lbfgs.js";
import {
  BOOTSTRAP_OPTIONS, HUBER_DELTA, INITIALISATION_GRID_AXES, LBFGS_OPTIONS, MIN_RUNS,
} from "./package-data.js";
import { PortableRandom } from "./random.js";
import { percentileInterval, sampleStd } from "./stats.js";
import { finiteArray, formatG, integerInRange, numberInRange, ptp, sameLength } from "./validate.js";

/** The paper's 4,500 starting points, rows (a, b, e, α, β), in itertools.product order. */
export function initialisationGrid() {
  const rows = [[]];
  let grid = rows;
  for (const axis of INITIALISATION_GRID_AXES) {
    const next = [];
    for (const row of grid) for (const value of axis) next.push([...row, value]);
    grid = next;
  }
  return grid;
}

/** Validated log N, log D, log L (the package's _data). */
export function checkRuns(params, tokens, loss) {
  const n = finiteArray("params", params, { positive: true, minSize: MIN_RUNS });
  const d = finiteArray("tokens", tokens, { positive: true, minSize: MIN_RUNS });
  const lo = finiteArray("loss", loss, { positive: true, minSize: MIN_RUNS });
  sameLength({ params: n, tokens: d, loss: lo });
  for (const [name, values] of [["params", n], ["tokens", d]]) {
    if (ptp(values) === 0) {
      throw new Error(`${name} must contain at least two different values to fit its exponent; got all equal to ${formatG(values[0], 6)}`);
    }
  }
  const distinct = new Set(Array.from(n, (v, i) => `${v},${d[i]}`)).size;
  if (distinct < MIN_RUNS) {
    throw new Error(`params and tokens must hold at least ${MIN_RUNS} different (params, tokens) runs to fit the law's 5 parameters; got ${distinct}`);
  }
  return { logN: Array.from(n, Math.log), logD: Array.from(d, Math.log), logL: Array.from(lo, Math.log) };
}

/**
 * Σ wᵢ·Huber_δ(LSE(a − α log Nᵢ, b − β log Dᵢ, e) − log Lᵢ) and its gradient (the package's
 * _objective_and_gradient); `weights` null for all ones.
 */
export function huberObjectiveAndGradient(theta, data, weights, delta) {
  const a = theta[0];
  const b = theta[1];
  const e = theta[2];
  const alpha = theta[3];
  const beta = theta[4];
  const { logN, logD, logL } = data;
  let value = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  let g4 = 0;
  for (let i = 0; i < logN.length; i += 1) {
    const x1 = a - alpha * logN[i];
    const x2 = b - beta * logD[i];
    const top = Math.max(Math.max(x1, x2), e);
    const p1 = Math.exp(x1 - top);
    const p2 = Math.exp(x2 - top);
    const p3 = Math.exp(e - top);
    const total = p1 + p2 + p3;
    const r = top + Math.log(total) - logL[i];
    const absR = Math.abs(r);
    let huber = absR <= delta ? 0.5 * r * r : delta * (absR - 0.5 * delta);
    let psi = Math.min(Math.max(r, -delta), delta) / total;
    if (weights) {
      huber *= weights[i];
      psi *= weights[i];
    }
    value += huber;
    const q1 = psi * p1;
    const q2 = psi * p2;
    g0 += q1;
    g1 += q2;
    g2 += psi * p3;
    g3 -= q1 * logN[i];
    g4 -= q2 * logD[i];
  }
  return [value, [g0, g1, g2, g3, g4]];
}

/**
 * The objective at every grid point (the package's _objective_many). The grid is a product,
 * so exp(a − α log N) and exp(b − β log D) are computed once per (a, α) and (b, β) pair and
 * the log-sum-exp is log(e₁ + e₂ + e₃): no overflow for the grid's a, b ≤ 25, e ≤ 1.
 */
function gridObjectives(grid, data, delta) {
  const { logN, logD, logL } = data;
  const n = logN.length;
  const cache1 = new Map();
  const cache2 = new Map();
  const terms = (cache, scale, slope, logs) => {
    const id = `${scale},${slope}`;
    if (!cache.has(id)) cache.set(id, Float64Array.from(logs, (v) => Math.exp(scale - slope * v)));
    return cache.get(id);
  };
  return grid.map(([a, b, e, alpha, beta]) => {
    const t1 = terms(cache1, a, alpha, logN);
    const t2 = terms(cache2, b, beta, logD);
    const t3 = Math.exp(e);
    let value = 0;
    for (let i = 0; i < n; i += 1) {
      const absR = Math.abs(Math.log(t1[i] + t2[i] + t3) - logL[i]);
      value += absR <= delta ? 0.5 * absR ** 2 : delta * (absR - 0.5 * delta);
    }
    return value;
  });
}

function minimise(start, data, weights, delta, options) {
  return minimizeLbfgs((theta) => huberObjectiveAndGradient(theta, data, weights, delta), start, options);
}

/** The law's five numbers and the implied a = β/(α+β), b = α/(α+β), G (eq. 4). */
export function lawFromTheta(theta) {
  const [a, b, e, alpha, beta] = theta;
  const law = { E: Math.exp(e), A: Math.exp(a), B: Math.exp(b), alpha, beta };
  return { ...law, a: F.law_a(law), b: F.law_b(law), G: F.law_g(law) };
}

function quantities(theta) {
  const law = lawFromTheta(theta);
  return { E: law.E, A: law.A, B: law.B, alpha: law.alpha, beta: law.beta, a: law.a, b: law.b };
}

/** Bootstrap refits on resampled runs (multiplicity weights from PortableRandom(seed)). */
function bootstrap(theta, data, delta, nResamples, seed) {
  const rng = new PortableRandom(seed);
  const size = data.logN.length;
  const thetas = [];
  for (let i = 0; i < nResamples; i += 1) {
    const weights = new Float64Array(size);
    for (let j = 0; j < size; j += 1) weights[rng.integers(0, size)] += 1;
    const result = minimise(theta, data, weights, delta, BOOTSTRAP_OPTIONS);
    const ok = Array.from(result.x).every(Number.isFinite) && result.x[3] > 0 && result.x[4] > 0;
    thetas.push(ok ? Array.from(result.x) : [NaN, NaN, NaN, NaN, NaN]);
  }
  return thetas;
}

function summarise(thetas, confidence) {
  const intervals = {};
  const standardErrors = {};
  const rows = thetas.map(quantities);
  for (const name of ["E", "A", "B", "alpha", "beta", "a", "b"]) {
    const values = rows.map((row) => row[name]);
    intervals[name] = percentileInterval(values, confidence);
    standardErrors[name] = sampleStd(values);
  }
  return { intervals, standardErrors };
}

/**
 * fit_parametric(params, tokens, loss, n_bootstrap, seed, confidence, delta, n_starts).
 *
 * @param {number[]} params model sizes N (> 0), at least 5 runs
 * @param {number[]} tokens training tokens D (> 0)
 * @param {number[]} loss final losses L (> 0, nats per token)
 * @param {{nBootstrap?: number, seed?: number, confidence?: number, delta?: number,
 *   nStarts?: number}} [options]
 * @returns {{law: {E:number, A:number, B:number, alpha:number, beta:number, a:number, b:number,
 *   G:number}, theta:number[], objective:number, nPoints:number, nStarts:number,
 *   nBootstrap:number, confidence:number, intervals:object|null, standardErrors:object|null,
 *   bootstrapThetas:number[][]|null}}
 */
export function fitParametric(params, tokens, loss, options = {}) {
  const { nBootstrap = 0, seed = 0, confidence = 0.95, delta = HUBER_DELTA, nStarts = 10 } = options;
  const data = checkRuns(params, tokens, loss);
  integerInRange("n_bootstrap", nBootstrap, 0, 10000);
  integerInRange("seed", seed, 0, 2 ** 32 - 1);
  numberInRange("confidence", confidence, 0, 1, { lowInclusive: false, highInclusive: false });
  numberInRange("delta", delta, 0, 1, { lowInclusive: false });
  integerInRange("n_starts", nStarts, 1, 4500);
  const grid = initialisationGrid();
  const first = gridObjectives(grid, data, delta);
  const order = first.map((_, i) => i).sort((i, j) => first[i] - first[j] || i - j);
  let best = null;
  for (const index of order.slice(0, nStarts)) {
    const result = minimise(grid[index], data, null, delta, LBFGS_OPTIONS);
    if (best === null || result.fun < best.fun) best = result;
  }
  const polished = minimise(best.x, data, null, delta, LBFGS_OPTIONS);
  if (polished.fun <= best.fun) best = polished;
  const theta = Array.from(best.x);
  const [alpha, beta] = [theta[3], theta[4]];
  if (!(alpha > 0 && beta > 0)) {
    throw new Error(`loss must fall as params and tokens grow for L = E + A/N^α + B/D^β to fit; the best fit to these runs has α = ${formatG(alpha, 3)} and β = ${formatG(beta, 3)} (both must be > 0)`);
  }
  let intervals = null;
  let standardErrors = null;
  let bootstrapThetas = null;
  if (nBootstrap) {
    bootstrapThetas = bootstrap(theta, data, delta, nBootstrap, seed);
    ({ intervals, standardErrors } = summarise(bootstrapThetas, confidence));
  }
  return { law: lawFromTheta(theta), theta, objective: best.fun, nPoints: data.logN.length,
    nStarts: nStarts + 1, nBootstrap, confidence, intervals, standardErrors, bootstrapThetas };
}

/** compute_optimal for one budget: N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b and the loss there
 * (the package's formulas, generated/formulas.js). */
export function computeOptimal(computeFlops, law) {
  const params = F.optimal_params(law, computeFlops);
  const tokens = F.optimal_tokens(law, computeFlops);
  const loss = F.law_loss(law, params, tokens);
  return { computeFlops, params, tokens, loss, tokensPerParam: tokens / params };
}

const bootstrapLawsOf = new WeakMap();

/** The laws of a fit's finite bootstrap refits, made once per fit (a figure asks for the
 * interval at 25 budgets, the budget slider at each step). */
function bootstrapLaws(fit) {
  if (!bootstrapLawsOf.has(fit)) {
    bootstrapLawsOf.set(fit, fit.bootstrapThetas.filter((t) => t.every(Number.isFinite))
      .map(lawFromTheta));
  }
  return bootstrapLawsOf.get(fit);
}

const OPTIMUM_QUANTITIES = [["params", "params"], ["tokens", "tokens"],
  ["tokens_per_param", "tokensPerParam"], ["loss", "loss"]];

/** optimal_interval(fit, compute_flops): percentile intervals of N_opt, D_opt, D/N and loss
 * (only those named in `names`, if given: a figure's band needs N_opt alone). */
export function optimalInterval(fit, computeFlops, names = null) {
  if (!fit || !fit.bootstrapThetas) throw new Error("fit must be a ParametricFit made with n_bootstrap > 0");
  const c = numberInRange("compute_flops", computeFlops, 0, null, { lowInclusive: false });
  const laws = bootstrapLaws(fit);
  if (laws.length === 0) throw new Error("fit has no successful bootstrap refits");
  const wanted = OPTIMUM_QUANTITIES.filter(([n]) => !names || names.includes(n));
  // N_opt alone (a figure's band, at 25 budgets for up to 10,000 refits): only its formula
  const optima = wanted.length === 1 && wanted[0][0] === "params"
    ? laws.map((law) => ({ params: F.optimal_params(law, c) }))
    : laws.map((law) => computeOptimal(c, law));
  const out = {};
  for (const [name, key] of wanted) {
    const values = optima.map((o) => o[key]);
    if (!values.some(Number.isFinite)) {
      throw new Error(`fit has no bootstrap refit with a finite optimum ${name} at ${formatG(c, 3)} FLOPs`);
    }
    out[name] = percentileInterval(values, fit.confidence);
  }
  return out;
}
