// Python's format(x, spec) for numbers, as the package's describe() texts use it:
// [sign][,][.precision][type] with type g, f, e or % (and no type = str(x) for integers).
// Rounding is Python's: the exact binary value rounded half to even, so the page prints the
// digits the package prints. Tested against Python in tests/test_live_format.py.

const SUPERSCRIPTS = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷",
  8: "⁸", 9: "⁹" };

// The exact decimal digits of |x| (101 significant digits) and its decimal exponent.
function decimalDigits(x) {
  const text = Math.abs(x).toExponential(100);
  const [mantissa, exponent] = text.split("e");
  return { digits: mantissa.replace(".", ""), exp: parseInt(exponent, 10) };
}

// Round a digit string d (d[0] has place value 10^exp) keeping `keep` digits, half to even.
// Returns { digits, exp } with exactly `keep` digits (keep may be 0: a bare carry or zero).
function roundDigits(d, exp, keep) {
  if (keep < 0) {
    return { digits: "", exp: exp, zero: true };
  }
  const head = d.slice(0, keep).padEnd(keep, "0");
  const rest = d.slice(keep);
  let up = false;
  if (rest.length && rest[0] > "5") {
    up = true;
  } else if (rest.length && rest[0] === "5") {
    const beyond = /[1-9]/.test(rest.slice(1));
    const last = keep > 0 ? Number(head[keep - 1]) : 0;
    up = beyond || last % 2 === 1;
  }
  if (!up) {
    return { digits: head, exp: exp };
  }
  const chars = head.split("");
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === "9") {
    chars[i] = "0";
    i -= 1;
  }
  if (i >= 0) {
    chars[i] = String(Number(chars[i]) + 1);
    return { digits: chars.join(""), exp: exp };
  }
  // All nines: a carry into a new leading digit.
  return { digits: "1" + chars.join(""), exp: exp + 1, carried: true };
}

function group(integer) {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// |x| in fixed point with `precision` digits after the point.
function fixed(x, precision) {
  if (x === 0) {
    return precision > 0 ? "0." + "0".repeat(precision) : "0";
  }
  const { digits, exp } = decimalDigits(x);
  const keep = exp + 1 + precision;
  let rounded;
  if (keep < 0) {
    rounded = { digits: "", exp: exp };
  } else {
    rounded = roundDigits(digits, exp, keep);
  }
  const all = rounded.digits;
  const e = rounded.exp;
  if (all === "" || /^0*$/.test(all)) {
    return precision > 0 ? "0." + "0".repeat(precision) : "0";
  }
  // Digit i has place value 10^(e - i); place the point after place value 10^0.
  let intPart;
  let fracPart;
  if (e >= 0) {
    const padded = all.padEnd(e + 1 + precision, "0");
    intPart = padded.slice(0, e + 1);
    fracPart = padded.slice(e + 1, e + 1 + precision);
  } else {
    intPart = "0";
    fracPart = ("0".repeat(-e - 1) + all).slice(0, precision).padEnd(precision, "0");
  }
  return precision > 0 ? intPart + "." + fracPart : intPart;
}

// |x| in scientific notation with `precision` digits after the point: "3.09e+11".
function scientific(x, precision) {
  let digits;
  let exp;
  if (x === 0) {
    digits = "0".repeat(precision + 1);
    exp = 0;
  } else {
    const exact = decimalDigits(x);
    const rounded = roundDigits(exact.digits, exact.exp, precision + 1);
    digits = rounded.digits.slice(0, precision + 1);
    exp = rounded.exp;
  }
  const mantissa = precision > 0 ? digits[0] + "." + digits.slice(1) : digits[0];
  const sign = exp < 0 ? "-" : "+";
  return mantissa + "e" + sign + String(Math.abs(exp)).padStart(2, "0");
}

// |x| in Python's general format with `precision` significant digits.
function general(x, precision) {
  const p = precision === 0 ? 1 : precision;
  let exp = 0;
  if (x !== 0) {
    const exact = decimalDigits(x);
    exp = roundDigits(exact.digits, exact.exp, p).exp;
  }
  let text;
  if (exp >= -4 && exp < p) {
    text = fixed(x, p - 1 - exp);
    if (text.includes(".")) {
      text = text.replace(/0+$/, "").replace(/\.$/, "");
    }
    return text;
  }
  text = scientific(x, p - 1);
  let [mantissa, exponent] = text.split("e");
  if (mantissa.includes(".")) {
    mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
  }
  return mantissa + "e" + exponent;
}

const SPEC = /^([+\- ]?)(,?)(?:\.(\d+))?([gfe%]?)$/;

/**
 * Python's format(value, spec) for a number. Supports the sign (+, -, space), the ","
 * thousands separator, a precision and the types g, f, e, % (and "" for integers and g).
 */
export function format(value, spec = "") {
  const match = SPEC.exec(spec);
  if (!match) {
    throw new Error(`format spec not supported: ${spec}`);
  }
  const [, signFlag, comma, precisionText, typeText] = match;
  const negative = value < 0 || Object.is(value, -0);
  const sign = negative ? "-" : signFlag === "+" ? "+" : signFlag === " " ? " " : "";
  const percent = typeText === "%" ? "%" : "";
  if (Number.isNaN(value)) {
    return (signFlag === "+" ? "+" : signFlag === " " ? " " : "") + "nan" + percent;
  }
  if (!Number.isFinite(value)) {
    return sign + "inf" + percent;
  }
  const magnitude = Math.abs(value);
  let type = typeText;
  let precision = precisionText === undefined ? null : Number(precisionText);
  let body;
  if (type === "" && precision === null && Number.isInteger(value) && !Object.is(value, -0)
      && magnitude < 1e16) {
    body = String(magnitude);
  } else if (type === "" ) {
    // str() of a float (repr) when no precision; Python's "" type with a precision is like g
    // but keeps at least one digit after the point; the package does not use it.
    if (precision !== null) {
      throw new Error(`format spec not supported: ${spec}`);
    }
    body = reprFloat(magnitude);
  } else if (type === "f") {
    body = fixed(magnitude, precision === null ? 6 : precision);
  } else if (type === "e") {
    body = scientific(magnitude, precision === null ? 6 : precision);
  } else if (type === "%") {
    body = fixed(magnitude * 100, precision === null ? 6 : precision) + "%";
  } else {
    body = general(magnitude, precision === null ? 6 : precision);
  }
  if (comma) {
    const [integer, ...rest] = body.split(/(?=[.e%])/);
    body = group(integer) + rest.join("");
  }
  return sign + body;
}

// Python's repr of a positive finite float ("0.1", "1e+16", "2300.0", "1e-05").
function reprFloat(x) {
  if (x === 0) {
    return "0.0";
  }
  if (x >= 1e16 || x < 1e-4) {
    const [mantissa, exponent] = x.toExponential().split("e");
    const sign = exponent[0] === "-" ? "-" : "+";
    return mantissa + "e" + sign + exponent.replace(/^[+-]/, "").padStart(2, "0");
  }
  const text = String(x);
  return text.includes(".") ? text : text + ".0";
}

/** Python's str() of a number as the package's messages show it. */
export function str(value) {
  return format(value);
}

/**
 * The package's tick and count label (scalinglaws.plotting.power_of_ten_label):
 * "10⁶", "0.2", "3×10⁴", "3.09×10¹¹"; "" for values ≤ 0 or not finite.
 */
export function powerOfTenLabel(value) {
  if (!(value > 0) || !Number.isFinite(value)) {
    return "";
  }
  if (value >= 1e-2 && value < 1e4) {
    return format(value, "g");
  }
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / Math.pow(10, exponent);
  const power = "10" + String(exponent).split("").map((c) => SUPERSCRIPTS[c]).join("");
  if (Math.abs(mantissa - 1) < 1e-6) {
    return power;
  }
  return format(mantissa, ".3g") + "×" + power;
}

const E_NOTATION = /(?<![\w.])(\d+(?:\.\d+)?)e([+-]?)0*(\d+)(?!\w|\.\d)/g;
const NEGATIVE_ZERO = /(?<![\w.,])-(0(?:\.0+)?)(?!\w|[.,]\d)/g;

/**
 * The package's readable_numbers (scalinglaws.plotting): e-notation as powers of ten
 * ("1.01e+12" → "1.01×10¹²", "1e-05" → "10⁻⁵") and no "-0".
 */
export function readableNumbers(text) {
  return text.replace(E_NOTATION, (match, mantissa, sign, digits) => {
    const power = "10" + ((sign === "-" ? "-" : "") + digits).split("")
      .map((c) => SUPERSCRIPTS[c]).join("");
    return mantissa === "1" ? power : `${mantissa}×${power}`;
  }).replace(NEGATIVE_ZERO, "$1");
}

const SCALE_WORDS = [[1e6, "million"], [1e9, "billion"], [1e12, "trillion"]];

/** The package's count_in_words: "2,300", "4.5 million", "1.01 trillion", "3.61×10²⁹". */
export function countInWords(value) {
  if (!Number.isFinite(value) || Math.abs(value) < 1e6) {
    return readableNumbers(format(value, ",.0f"));
  }
  for (const [scale, word] of SCALE_WORDS) {
    const mantissa = format(value / scale, ".3g");
    if (!mantissa.includes("e")) {
      return `${mantissa} ${word}`;
    }
  }
  return readableNumbers(format(value, ".3g"));
}
