// Chapter 4's iterative part: the best split of a compute budget between model size and
// epochs when unique data is capped (scalinglaws.datalimits.data_constrained_optimum), on
// top of the generated closed forms. scipy's bounded scalar minimiser is ported step for
// step (minimizeScalarBounded), so the page finds the package's optimum, not a nearby one.
import * as D from "../generated/datalimits_formulas.js";
import * as F from "../generated/formulas.js";
import { linspace } from "./simulate.js";

const SQRT_EPS = Math.sqrt(2.2e-16);
const GOLDEN_MEAN = 0.5 * (3.0 - Math.sqrt(5.0));

const sign = (value) => (value > 0 ? 1 : value < 0 ? -1 : 0);

/**
 * scipy.optimize.minimize_scalar(fun, bounds=[low, high], method="bounded",
 * options={xatol, maxiter}): Brent's method with golden-section steps (scipy's
 * _minimize_scalar_bounded) → {x, fun, nfev, success}.
 */
export function minimizeScalarBounded(fun, [low, high], { xatol = 1e-5, maxiter = 500 } = {}) {
  if (!(Number.isFinite(low) && Number.isFinite(high))) {
    throw new Error("Optimization bounds must be finite scalars.");
  }
  if (low > high) {
    throw new Error("The lower bound exceeds the upper bound.");
  }
  let flag = 0;
  let a = low;
  let b = high;
  let fulc = a + GOLDEN_MEAN * (b - a);
  let nfc = fulc;
  let xf = fulc;
  let rat = 0.0;
  let e = 0.0;
  let x = xf;
  let fx = fun(x);
  let num = 1;
  let fu = Infinity;
  let ffulc = fx;
  let fnfc = fx;
  let xm = 0.5 * (a + b);
  let tol1 = SQRT_EPS * Math.abs(xf) + xatol / 3.0;
  let tol2 = 2.0 * tol1;
  while (Math.abs(xf - xm) > tol2 - 0.5 * (b - a)) {
    let golden = true;
    if (Math.abs(e) > tol1) {
      golden = false;
      let r = (xf - nfc) * (fx - ffulc);
      let q = (xf - fulc) * (fx - fnfc);
      let p = (xf - fulc) * q - (xf - nfc) * r;
      q = 2.0 * (q - r);
      if (q > 0.0) {
        p = -p;
      }
      q = Math.abs(q);
      r = e;
      e = rat;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
        rat = (p + 0.0) / q;
        x = xf + rat;
        if (x - a < tol2 || b - x < tol2) {
          rat = tol1 * (sign(xm - xf) + (xm - xf === 0 ? 1 : 0));
        }
      } else {
        golden = true;
      }
    }
    if (golden) {
      e = xf >= xm ? a - xf : b - xf;
      rat = GOLDEN_MEAN * e;
    }
    x = xf + (sign(rat) + (rat === 0 ? 1 : 0)) * Math.max(Math.abs(rat), tol1);
    fu = fun(x);
    num += 1;
    if (fu <= fx) {
      if (x >= xf) {
        a = xf;
      } else {
        b = xf;
      }
      fulc = nfc;
      ffulc = fnfc;
      nfc = xf;
      fnfc = fx;
      xf = x;
      fx = fu;
    } else {
      if (x < xf) {
        a = x;
      } else {
        b = x;
      }
      if (fu <= fnfc || nfc === xf) {
        fulc = nfc;
        ffulc = fnfc;
        nfc = x;
        fnfc = fu;
      } else if (fu <= ffulc || fulc === xf || fulc === nfc) {
        fulc = x;
        ffulc = fu;
      }
    }
    xm = 0.5 * (a + b);
    tol1 = SQRT_EPS * Math.abs(xf) + xatol / 3.0;
    tol2 = 2.0 * tol1;
    if (num >= maxiter) {
      flag = 1;
      break;
    }
  }
  if (Number.isNaN(xf) || Number.isNaN(fx) || Number.isNaN(fu)) {
    flag = 2;
  }
  return { x: xf, fun: fx, nfev: num, success: flag === 0 };
}

/** chinchilla.compute_optimal(c, law) for one budget, with the generated eq. 4 and law loss. */
export function chinchillaOptimum(c, law) {
  const params = F.optimal_params(law, c);
  const tokens = F.optimal_tokens(law, c);
  return { compute_flops: c, params, tokens, loss: F.law_loss(law, params, tokens),
    tokens_per_param: tokens / params };
}

/**
 * data_constrained_optimum(computeFlops, uniqueTokens, law) for a data-constrained law
 * ({E, A, B, alpha, beta, rd_star, rn_star}), its arguments already checked: the loss along
 * 6ND = C on a grid of six decades around Chinchilla's N_opt, refined by the bounded
 * minimiser → {compute_flops, unique_tokens, params, tokens, epochs, loss, chinchilla:
 * {params, tokens, loss, tokens_per_param}, chinchilla_epochs, chinchilla_loss, law}.
 */
export function dataConstrainedOptimum(computeFlops, uniqueTokens, law) {
  const c = computeFlops;
  const unique = uniqueTokens;
  const chinchilla = chinchillaOptimum(c, law);
  const lossAt = (logParams) => {
    const n = Math.exp(logParams);
    const d = c / (D.FLOPS_PER_PARAM_TOKEN * n);
    return D.data_constrained_loss(n, d, Math.min(unique, d), law);
  };
  const centre = Math.log(chinchilla.params);
  const ln10 = Math.log(10);
  const grid = Array.from(linspace(-3, 3, 121), (v) => centre + v * ln10);
  let best = 0;
  let bestLoss = Infinity;
  grid.forEach((point, i) => {
    const loss = lossAt(point);
    if (loss < bestLoss) { // numpy's argmin: the first of equal minima
      best = i;
      bestLoss = loss;
    }
  });
  const low = grid[Math.max(best - 1, 0)];
  const high = grid[Math.min(best + 1, grid.length - 1)];
  const result = minimizeScalarBounded(lossAt, [low, high], { xatol: 1e-9 });
  const params = Math.exp(result.x);
  const tokens = c / (D.FLOPS_PER_PARAM_TOKEN * params);
  const chinUnique = Math.min(unique, chinchilla.tokens);
  return {
    compute_flops: c, unique_tokens: unique, params, tokens,
    epochs: tokens / Math.min(unique, tokens), loss: result.fun, chinchilla,
    chinchilla_epochs: chinchilla.tokens / chinUnique,
    chinchilla_loss: D.data_constrained_loss(chinchilla.params, chinchilla.tokens, chinUnique,
      law),
    law,
  };
}
