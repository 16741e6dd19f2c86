// Helpers the views share: ports of the widgets' text helpers (scalinglaws.widgets), so the
// page prints what describe() prints. The tests compare every row with Python's.
import * as numerics from "../numerics/index.js";
import { countInWords, format as pythonFormat, powerOfTenLabel, readableNumbers }
  from "../pyformat.js";

export { countInWords, powerOfTenLabel, readableNumbers };

/**
 * Python's format(value, spec) as the calculators show it: the package passes every result
 * and alt text through readable_numbers, so "1.01e+12" reads "1.01×10¹²" here too.
 */
export function format(value, spec = "") {
  return readableNumbers(pythonFormat(value, spec));
}

/** Okabe-Ito colours of scalinglaws.plotting.COLORS. */
export const COLORS = {
  blue: "#0072B2", orange: "#E69F00", green: "#009E73", vermillion: "#D55E00",
  purple: "#CC79A7", sky: "#56B4E9", yellow: "#F0E442", black: "#000000",
};

/** widgets.format_interval: "[-0.0812, -0.0705]". */
export function formatInterval(low, high, digits = 3) {
  return `[${format(low, `.${digits}g`)}, ${format(high, `.${digits}g`)}]`;
}

/** widgets.hardware._times: "×32". */
export function times(factor) {
  return `×${format(factor, ".3g")}`;
}

/** widgets.hardware._count: "2,300" below a million, else "3.09×10¹¹". */
export function count(value) {
  return value < 1e6 ? format(value, ",.0f") : powerOfTenLabel(value);
}

/** widgets.chinchilla._billions: "72.4 billion" up to a trillion, else countInWords. */
export function billions(value) {
  return value >= 1e9 && value < 999.95e9 ? `${format(value / 1e9, ",.1f")} billion`
    : countInWords(value);
}

/** numpy's (and Python's) round-half-even round() of a number to a whole number. */
export function roundHalfEven(value) {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) {
    return floor + 1;
  }
  if (diff < 0.5) {
    return floor;
  }
  return floor % 2 === 0 ? floor : floor + 1;
}

export function last(values) {
  return values[values.length - 1];
}

// --- Fits off the page's main thread ---------------------------------------------------------

let worker = null;
let asked = 0;
const waiting = new Map();

/** The numerics' worker, or null where a module worker cannot start: in the offline copy
 * opened from file:// (one bundled classic script, SL_BUNDLED_VIEWS), the fits run on the
 * page's thread, after the "computing" state is painted. */
function numericsWorker() {
  if (worker === null) {
    if (globalThis.SL_BUNDLED_VIEWS) {
      worker = false;
      return null;
    }
    try {
      worker = new Worker(new URL("../numerics/worker.js", import.meta.url), { type: "module" });
      worker.onmessage = ({ data }) => {
        const reply = waiting.get(data.id);
        waiting.delete(data.id);
        if (reply) {
          reply(data);
        }
      };
    } catch {
      worker = false;
    }
  }
  return worker || null;
}

/** numerics[name](...args) in the numerics' worker if there is one (else on this thread, after
 * the next paint): a Promise of its value, rejected with the numerics' Error message. */
export function inWorker(name, args) {
  const thread = numericsWorker();
  const reply = thread ? new Promise((resolve) => {
    asked += 1;
    waiting.set(asked, resolve);
    thread.postMessage({ id: asked, name, args });
  }) : new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => {
      try {
        resolve({ value: numerics[name](...args) });
      } catch (error) {
        resolve({ error: String(error.message) });
      }
    }, 0));
  });
  return reply.then((data) => {
    if (data.error !== undefined) {
      throw new Error(data.error);
    }
    return data.value;
  });
}
