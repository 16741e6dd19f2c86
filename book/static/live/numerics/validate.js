// Input checks with the messages of scalinglaws/_validate.py, so the page shows what the
// package's ValueError says. Each check throws a RangeError-free plain Error whose message
// names the argument, what is allowed and what was given.

/** Python's format(value, ".{precision}g") for a finite or non-finite number. */
export function formatG(value, precision = 6) {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const p = precision === 0 ? 1 : precision;
  const exponent = Number(value.toExponential(p - 1).split("e")[1]);
  let text;
  if (exponent < -4 || exponent >= p) {
    let [mantissa, exp] = value.toExponential(p - 1).split("e");
    if (mantissa.includes(".")) mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
    const sign = exp[0] === "-" ? "-" : "+";
    const digits = exp.replace(/^[+-]/, "").padStart(2, "0");
    text = `${mantissa}e${sign}${digits}`;
  } else {
    text = value.toFixed(Math.max(0, p - 1 - exponent));
    if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  }
  return text;
}

// What Python's str.isprintable() rejects: control, format, surrogate, private, unassigned
// and separator characters other than the space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr of a str (single quotes unless the text holds a single quote only). */
export function pyRepr(text) {
  if (typeof text !== "string") {
    if (Array.isArray(text)) return `[${text.map(pyRepr).join(", ")}]`;
    if (typeof text === "number") return show(text);
    return String(text);
  }
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      if (code < 0x100) out += `\\x${code.toString(16).padStart(2, "0")}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, "0")}`;
      else out += `\\U${code.toString(16).padStart(8, "0")}`;
    } else out += ch;
  }
  return quote + out + quote;
}

/** Short form of a rejected value, as _validate._show: floats with .6g, others as repr. */
export function show(value) {
  if (typeof value === "number") {
    return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : formatG(value, 6);
  }
  const text = typeof value === "string" ? pyRepr(value) : String(value);
  return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
}

export function finiteNumber(name, value) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${name} must be a finite number; got ${show(value)}`);
  }
  return value;
}

function describeRange(low, high, lowInclusive, highInclusive) {
  if (low != null && high != null) {
    if (lowInclusive && highInclusive) {
      return `between ${formatG(low)} and ${formatG(high)} (inclusive)`;
    }
    return `in the range ${lowInclusive ? "[" : "("}${formatG(low)}, ${formatG(high)}${highInclusive ? "]" : ")"}`;
  }
  if (low != null) return `${lowInclusive ? "at least" : "greater than"} ${formatG(low)}`;
  return `${highInclusive ? "at most" : "less than"} ${formatG(high)}`;
}

/** number_in_range(name, value, low, high, low_inclusive=, high_inclusive=). */
export function numberInRange(name, value, low = null, high = null,
                              { lowInclusive = true, highInclusive = true } = {}) {
  const number = finiteNumber(name, value);
  const tooLow = low != null && (lowInclusive ? number < low : number <= low);
  const tooHigh = high != null && (highInclusive ? number > high : number >= high);
  if (tooLow || tooHigh) {
    throw new Error(`${name} must be ${describeRange(low, high, lowInclusive, highInclusive)}; got ${show(value)}`);
  }
  return number;
}

export function integerInRange(name, value, low = null, high = null) {
  const number = finiteNumber(name, value);
  if (!Number.isInteger(number)) throw new Error(`${name} must be a whole number; got ${show(value)}`);
  numberInRange(name, number, low, high);
  return number;
}

/** finite_array(name, values, positive=, min_size=): a Float64Array copy. */
export function finiteArray(name, values, { positive = false, minSize = 1 } = {}) {
  if (values == null || typeof values === "string" || typeof values[Symbol.iterator] !== "function") {
    throw new Error(`${name} must be a sequence of numbers; got ${show(values)}`);
  }
  const list = Array.from(values);
  if (list.some((v) => typeof v !== "number")) {
    throw new Error(`${name} must be a sequence of numbers; got ${show(String(list))}`);
  }
  const array = Float64Array.from(list);
  if (array.length < minSize) {
    throw new Error(`${name} must have at least ${minSize} values; got ${array.length}`);
  }
  for (let i = 0; i < array.length; i += 1) {
    if (!Number.isFinite(array[i])) throw new Error(`${name} must be finite; got ${formatG(array[i])} at index ${i}`);
  }
  if (positive) {
    for (let i = 0; i < array.length; i += 1) {
      if (array[i] <= 0) {
        throw new Error(`${name} must be > 0 everywhere (a logarithm is taken); got ${formatG(array[i])} at index ${i}`);
      }
    }
  }
  return array;
}

/** same_length({x: xs, y: ys}): the common length, or an Error naming the arguments. */
export function sameLength(arrays) {
  const names = Object.keys(arrays);
  const lengths = names.map((name) => arrays[name].length);
  if (new Set(lengths).size > 1) {
    throw new Error(`${names.join(" and ")} must have the same length; got ${lengths.join(" and ")}`);
  }
  return lengths[0];
}

/** numpy.ptp: max - min. */
export function ptp(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return high - low;
}
