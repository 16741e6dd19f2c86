// A small portable random generator, identical bit for bit to scalinglaws/portable_random.py:
// xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, 53-bit uniform doubles, and
// standard normals by Marsaglia's polar method with a logarithm written in plain IEEE
// arithmetic (so that Python's and the browser's libm cannot make the draws differ).

import { integerInRange } from "./validate.js";

function splitmix32(state) {
  let z = (state + 0x9e3779b9) >>> 0;
  const next = z;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [next, (z ^ (z >>> 16)) >>> 0];
}

function rotl(x, k) {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const SQRT_HALF = Math.SQRT1_2;
const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const LG = [6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
  2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01,
  1.479819860511658591e-01];

/**
 * Natural logarithm of 0 < s ≤ 1 using only +, −, ×, ÷ (fdlibm's e_log.c reduction and
 * polynomial): s = m·2^k with m in [√½, √2), log s = k·ln 2 + log(1 + f), f = m − 1.
 */
export function portableLog(s) {
  let m = s;
  let k = 0;
  while (m < SQRT_HALF) {
    m *= 2;
    k -= 1;
  }
  const f = m - 1;
  const r = f / (2 + f);
  const z = r * r;
  const w = z * z;
  const t1 = w * (LG[1] + w * (LG[3] + w * LG[5]));
  const t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])));
  const hfsq = 0.5 * f * f;
  const series = t1 + t2;
  return k * LN2_HI - ((hfsq - (r * (hfsq + series) + k * LN2_LO)) - f);
}

/**
 * A seeded generator (seed: whole number in [0, 2³² − 1], as the package's seeds).
 * Methods: nextUint32(), random() in [0, 1), integers(low, high) in [low, high),
 * standardNormal(), standardNormals(size).
 */
export class PortableRandom {
  constructor(seed = 0) {
    integerInRange("seed", seed, 0, 2 ** 32 - 1);
    let state = seed >>> 0;
    this.s = new Uint32Array(4);
    for (let i = 0; i < 4; i += 1) {
      const [next, value] = splitmix32(state);
      state = next;
      this.s[i] = value;
    }
    this.spare = null;
  }

  nextUint32() {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  random() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A whole number in [low, high): floor(low + random()·(high − low)). */
  integers(low, high) {
    return low + Math.floor(this.random() * (high - low));
  }

  /** One standard normal draw (Marsaglia's polar method; the pair's second draw is kept). */
  standardNormal() {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    for (;;) {
      const u = 2 * this.random() - 1;
      const v = 2 * this.random() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * portableLog(s)) / s);
        this.spare = v * factor;
        return u * factor;
      }
    }
  }

  /** `size` standard normal draws as a Float64Array. */
  standardNormals(size) {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i += 1) out[i] = this.standardNormal();
    return out;
  }
}
