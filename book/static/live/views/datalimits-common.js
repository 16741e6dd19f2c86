// What chapter 4's three views share: ports of scalinglaws.widgets.datalimits' text helpers,
// its laws (exported from the package) and the package's input checks of these functions.
import { DATA } from "../generated/data.js";
import { numberInRange } from "../validate.js";
import { countInWords, format } from "./common.js";

export const DL = DATA.datalimits;

/** widgets.datalimits._billions: "44.5 billion" below a trillion, else "10.4 trillion". */
export function billions(value) {
  return value < 999.5e9 ? `${format(value / 1e9, ",.3g")} billion` : countInWords(value);
}

/** widgets.datalimits._tokens: "15.63 trillion" up to a thousand trillion, else billions(). */
export function tokens(value) {
  return value >= 1e12 && value < 999.95e12 ? `${format(value / 1e12, ",.4g")} trillion`
    : billions(value);
}

/** number_in_range over datalimits.RANGES[fn][name] (low inclusive unless told). */
export function inRange(fn, name, value, options = {}) {
  const [low, high] = DL.ranges[fn][name];
  return numberInRange(name, value, low, high, options);
}

/** A number greater than 0 (number_in_range(name, value, 0, None, low_inclusive=False)). */
export function positive(name, value) {
  return numberInRange(name, value, 0, null, { lowInclusive: false });
}

/** datalimits.get_data_law for the drop-down's keys. */
export function dataLaw(key) {
  const law = DL.data_laws[key];
  if (!law) {
    throw new Error(`unknown data-constrained law ${key}`);
  }
  return { ...law, ceiling: 1.0 + law.rd_star };
}
