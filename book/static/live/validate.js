// The package's input checks (scalinglaws._validate), with its messages, for the page's
// controls: a message names the argument, says what is allowed and shows what was given.
// Tested against Python in tests/test_live.py.
import { format } from "./pyformat.js";

/** The message of a rejected input: what the package's ValueError says. */
export class InputError extends Error {}

// _show: a float as .6g, an int as is, a string as Python's repr ('text').
function show(value) {
  if (typeof value === "string") {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const text = quote + value.replace(/\\/g, "\\\\") + quote;
    return text.length <= 40 ? text : text.slice(0, 37) + "...";
  }
  if (typeof value === "object" && value !== null && value.isFloat) {
    return format(value.value, ".6g");
  }
  return format(value, Number.isInteger(value) ? "" : ".6g");
}

function describeRange(low, high, lowInclusive, highInclusive) {
  if (low !== null && high !== null) {
    if (lowInclusive && highInclusive) {
      return `between ${format(low, "g")} and ${format(high, "g")} (inclusive)`;
    }
    return `in the range ${lowInclusive ? "[" : "("}${format(low, "g")}, ${format(high, "g")}`
      + `${highInclusive ? "]" : ")"}`;
  }
  if (low !== null) {
    return `${lowInclusive ? "at least" : "greater than"} ${format(low, "g")}`;
  }
  return `${highInclusive ? "at most" : "less than"} ${format(high, "g")}`;
}

/**
 * The number typed into a text box, as the package receives it: a finite number, or an
 * InputError with finite_number's message ("noise must be a finite number; got ''").
 * `isFloat` marks a float box, whose whole numbers Python shows as 20 (".6g" of 20.0).
 */
export function finiteNumber(name, text) {
  const trimmed = String(text).trim();
  const value = trimmed === "" ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new InputError(`${name} must be a finite number; got ${show(trimmed)}`);
  }
  return value;
}

/** number_in_range: the value, or an InputError with the package's message. */
export function numberInRange(name, value, low = null, high = null,
  { lowInclusive = true, highInclusive = true, isFloat = true } = {}) {
  const tooLow = low !== null && (lowInclusive ? value < low : value <= low);
  const tooHigh = high !== null && (highInclusive ? value > high : value >= high);
  if (tooLow || tooHigh) {
    const shown = isFloat ? format(value, ".6g") : show(value);
    throw new InputError(`${name} must be ${describeRange(low, high, lowInclusive,
      highInclusive)}; got ${shown}`);
  }
  return value;
}

/** integer_in_range: the whole number, or an InputError with the package's message. */
export function integerInRange(name, value, low = null, high = null) {
  if (!Number.isInteger(value)) {
    throw new InputError(`${name} must be a whole number; got ${show(value)}`);
  }
  return numberInRange(name, value, low, high, { isFloat: false });
}
