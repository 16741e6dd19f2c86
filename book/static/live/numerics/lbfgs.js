// L-BFGS minimisation as scipy.optimize.minimize(method="L-BFGS-B") runs it without bounds
// (Byrd, Lu, Nocedal & Zhu 1995; Zhu et al. 1997): m = 10 correction pairs, the first step
// 1/‖d‖ then 1, the Moré-Thuente line search of MINPACK-2 (dcsrch/dcstep, ftol 1e-3,
// gtol 0.9, xtol 0.1, at most 20 evaluations), a memory reset when a search fails, and the
// same stopping tests: max |gᵢ| ≤ gtol, or (f_old − f)/max(|f_old|, |f|, 1) ≤ ftol.
// Without bounds L-BFGS-B's generalized Cauchy point and subspace step reduce to the
// two-loop recursion used here.

const EPS = 2.220446049250313e-16;
const STEP_MAX = 1e10;

/** MINPACK-2 dcstep: a safeguarded step for the line search; updates the interval in `s`. */
function cstep(s, stp, fp, dp, stpmin, stpmax) {
  const { stx, fx, dx, sty, fy, dy } = s;
  const sgnd = dp * Math.sign(dx);
  let stpf;
  if (fp > fx) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const m = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = m * Math.sqrt((theta / m) ** 2 - (dx / m) * (dp / m));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    s.brackt = true;
  } else if (sgnd < 0) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const m = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = m * Math.sqrt((theta / m) ** 2 - (dx / m) * (dp / m));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    s.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const m = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = m * Math.sqrt(Math.max(0, (theta / m) ** 2 - (dx / m) * (dp / m)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (s.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf)
        : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (s.brackt) {
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const m = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = m * Math.sqrt((theta / m) ** 2 - (dy / m) * (dp / m));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }
  if (fp > fx) {
    s.sty = stp;
    s.fy = fp;
    s.dy = dp;
  } else {
    if (sgnd < 0) {
      s.sty = stx;
      s.fy = fx;
      s.dy = dx;
    }
    s.stx = stp;
    s.fx = fp;
    s.dx = dp;
  }
  return stpf;
}

/**
 * MINPACK-2 dcsrch: find a step satisfying the strong Wolfe conditions along d.
 * `phi(stp)` returns [f, g·d, payload]. Returns {ok, stp, f, dg, payload, evaluations}.
 */
function moreThuente(phi, finit, ginit, stp0, stpmax, maxEvaluations,
                     { ftol = 1e-3, gtol = 0.9, xtol = 0.1 } = {}) {
  const stpmin = 0;
  const xtrapl = 1.1;
  const xtrapu = 4.0;
  let stp = stp0;
  let stage = 1;
  const gtest = ftol * ginit;
  let width = stpmax - stpmin;
  let width1 = width / 0.5;
  const s = { brackt: false, stx: 0, fx: finit, dx: ginit, sty: 0, fy: finit, dy: ginit };
  let stmin = 0;
  let stmax = stp + xtrapu * stp;
  for (let evaluation = 1; evaluation <= maxEvaluations; evaluation += 1) {
    const [f, g, payload] = phi(stp);
    const ftest = finit + stp * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;
    const done = { stp, f, dg: g, payload, evaluations: evaluation };
    if (f <= ftest && Math.abs(g) <= gtol * -ginit) return { ok: true, ...done };
    if (s.brackt && (stp <= stmin || stp >= stmax)) return { ok: true, warning: "rounding", ...done };
    if (s.brackt && stmax - stmin <= xtol * stmax) return { ok: true, warning: "xtol", ...done };
    if (stp === stpmax && f <= ftest && g <= gtest) return { ok: true, warning: "stpmax", ...done };
    if (stp === stpmin && (f > ftest || g >= gtest)) return { ok: true, warning: "stpmin", ...done };
    if (!Number.isFinite(f) || !Number.isFinite(g)) {
      // Not in dcsrch (scipy's objective here is always finite); shrink towards stx.
      stp = s.stx + 0.5 * (stp - s.stx);
      s.brackt = true;
      s.sty = stp * 2 - s.stx;
      continue;
    }
    if (stage === 1 && f <= s.fx && f > ftest) {
      const m = { brackt: s.brackt, stx: s.stx, fx: s.fx - s.stx * gtest, dx: s.dx - gtest,
        sty: s.sty, fy: s.fy - s.sty * gtest, dy: s.dy - gtest };
      stp = cstep(m, stp, f - stp * gtest, g - gtest, stmin, stmax);
      Object.assign(s, { brackt: m.brackt, stx: m.stx, sty: m.sty, fx: m.fx + m.stx * gtest,
        fy: m.fy + m.sty * gtest, dx: m.dx + gtest, dy: m.dy + gtest });
    } else {
      stp = cstep(s, stp, f, g, stmin, stmax);
    }
    if (s.brackt) {
      if (Math.abs(s.sty - s.stx) >= 0.66 * width1) stp = s.stx + 0.5 * (s.sty - s.stx);
      width1 = width;
      width = Math.abs(s.sty - s.stx);
      stmin = Math.min(s.stx, s.sty);
      stmax = Math.max(s.stx, s.sty);
    } else {
      stmin = stp + xtrapl * (stp - s.stx);
      stmax = stp + xtrapu * (stp - s.stx);
    }
    stp = Math.min(Math.max(stp, stpmin), stpmax);
    if ((s.brackt && (stp <= stmin || stp >= stmax)) || (s.brackt && stmax - stmin <= xtol * stmax)) {
      stp = s.stx;
    }
  }
  return { ok: false };
}

function dot(a, b) {
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += a[i] * b[i];
  return total;
}

function maxAbs(a) {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * Minimise f from x0. `fun(x)` returns [f, gradient] (gradient an array of x's length).
 *
 * @param {(x: Float64Array) => [number, ArrayLike<number>]} fun
 * @param {ArrayLike<number>} x0
 * @param {{maxiter?: number, ftol?: number, gtol?: number, m?: number, maxls?: number,
 *   maxfun?: number}} [options] scipy's names and defaults
 * @returns {{x: Float64Array, fun: number, jac: Float64Array, nit: number, nfev: number,
 *   success: boolean, message: string}}
 */
export function minimizeLbfgs(fun, x0, options = {}) {
  const { maxiter = 15000, ftol = 2.220446049250313e-9, gtol = 1e-5, m = 10, maxls = 20,
    maxfun = 15000 } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let [f, gradient] = fun(x);
  let g = Float64Array.from(gradient);
  let nfev = 1;
  const sList = [];
  const yList = [];
  const rhoList = [];
  const finish = (success, message, nit) => ({ x, fun: f, jac: g, nit, nfev, success, message });
  if (maxAbs(g) <= gtol) return finish(true, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL", 0);
  let iteration = 0;
  for (;;) {
    // Two-loop recursion: d = −H·g with H₀ = (s·y)/(y·y) of the newest pair.
    const q = Float64Array.from(g);
    const k = sList.length;
    const alphas = new Float64Array(k);
    for (let i = k - 1; i >= 0; i -= 1) {
      alphas[i] = rhoList[i] * dot(sList[i], q);
      for (let j = 0; j < n; j += 1) q[j] -= alphas[i] * yList[i][j];
    }
    if (k > 0) {
      const scale = dot(sList[k - 1], yList[k - 1]) / dot(yList[k - 1], yList[k - 1]);
      for (let j = 0; j < n; j += 1) q[j] *= scale;
    }
    for (let i = 0; i < k; i += 1) {
      const beta = rhoList[i] * dot(yList[i], q);
      for (let j = 0; j < n; j += 1) q[j] += sList[i][j] * (alphas[i] - beta);
    }
    const d = q.map((v) => -v);
    const gd = dot(g, d);
    if (!(gd < 0)) {
      if (k === 0) return finish(false, "ABNORMAL_TERMINATION_IN_LNSRCH", iteration);
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
      continue;
    }
    const dnorm = Math.sqrt(dot(d, d));
    const stp0 = iteration === 0 ? Math.min(1 / dnorm, STEP_MAX) : 1;
    const xOld = x;
    const gOld = g;
    const fOld = f;
    const phi = (stp) => {
      const trial = new Float64Array(n);
      for (let j = 0; j < n; j += 1) trial[j] = stp === 1 ? xOld[j] + d[j] : stp * d[j] + xOld[j];
      const [value, grad] = fun(trial);
      nfev += 1;
      return [value, dot(grad, d), [trial, Float64Array.from(grad)]];
    };
    const search = moreThuente(phi, fOld, gd, stp0, STEP_MAX, maxls);
    if (!search.ok) {
      if (k === 0) return finish(false, "ABNORMAL_TERMINATION_IN_LNSRCH", iteration);
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
      continue;
    }
    iteration += 1;
    [x, g] = search.payload;
    f = search.f;
    if (maxAbs(g) <= gtol) return finish(true, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL", iteration);
    if (fOld - f <= ftol * Math.max(Math.abs(fOld), Math.abs(f), 1)) {
      return finish(true, "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH", iteration);
    }
    if (iteration >= maxiter) return finish(false, "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT", iteration);
    if (nfev >= maxfun) return finish(false, "STOP: TOTAL NO. OF f AND g EVALUATIONS EXCEEDS LIMIT", iteration);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j += 1) {
      s[j] = x[j] - xOld[j];
      y[j] = g[j] - gOld[j];
    }
    const sy = dot(s, y);
    if (sy > EPS * -dot(gOld, s)) {
      if (sList.length === m) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
    }
  }
}
