// Reading a practitioner's training runs from CSV text or file bytes, with the limits,
// accepted column names and messages of scalinglaws.runs_csv.parse_runs_csv (the limits and
// names come from the package through package-data.js; the messages are checked against
// the package's in tests/test_live_numerics.py).

import { FLOPS_PER_PARAM_TOKEN, RUNS_CSV } from "./package-data.js";
import { pyRepr } from "./validate.js";

const { MAX_BYTES, MAX_ROWS, MIN_ROWS, ACCEPTED_NAMES } = RUNS_CSV;

// Python's str.isspace() characters and str.splitlines() boundaries.
const PY_SPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
  + "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

function isSpace(ch) {
  return PY_SPACE.includes(ch);
}

/** Python's str.strip() (Unicode whitespace as Python defines it). */
export function pyStrip(text) {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && isSpace(chars[start])) start += 1;
  while (end > start && isSpace(chars[end - 1])) end -= 1;
  return chars.slice(start, end).join("");
}

function pyLstrip(text) {
  const chars = Array.from(text);
  let start = 0;
  while (start < chars.length && isSpace(chars[start])) start += 1;
  return chars.slice(start).join("");
}

/** Python's str.splitlines() (no line ends kept). */
export function splitLines(text) {
  if (text === "") return [];
  const parts = text.split(new RegExp(LINE_BREAKS.source, "g"));
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** One row of Python's csv.reader (excel dialect, not strict) for a line without line ends. */
export function csvRow(line, delimiter) {
  const cells = [];
  let field = "";
  let state = "start";
  for (const ch of line) {
    if (state === "start") {
      if (ch === '"') state = "quoted";
      else if (ch === delimiter) cells.push("");
      else {
        field += ch;
        state = "field";
      }
    } else if (state === "field") {
      if (ch === delimiter) {
        cells.push(field);
        field = "";
        state = "start";
      } else field += ch;
    } else if (state === "quoted") {
      if (ch === '"') state = "quote";
      else field += ch;
    } else if (ch === '"') {
      field += '"';
      state = "quoted";
    } else if (ch === delimiter) {
      cells.push(field);
      field = "";
      state = "start";
    } else {
      field += ch;
      state = "field";
    }
  }
  cells.push(field);
  return cells;
}

function key(name) {
  return Array.from(pyStrip(name).toLowerCase()).filter((ch) => !" -_".includes(ch)).join("");
}

const LOOKUP = new Map();
for (const [role, names] of Object.entries(ACCEPTED_NAMES)) {
  for (const name of names) LOOKUP.set(key(name), role); // as a dict comprehension: last wins
}

/** Matches of difflib.SequenceMatcher(None, a, b) (sum of its matching blocks' sizes). */
function matchingCharacters(a, b) {
  const b2j = new Map();
  b.forEach((ch, j) => {
    if (!b2j.has(ch)) b2j.set(ch, []);
    b2j.get(ch).push(j);
  });
  if (b.length >= 200) { // difflib's autojunk: drop characters more common than 1 % + 1
    const limit = Math.floor(b.length / 100) + 1;
    for (const [ch, indices] of [...b2j]) if (indices.length > limit) b2j.delete(ch);
  }
  const longest = (alo, ahi, blo, bhi) => {
    let [besti, bestj, bestsize] = [alo, blo, 0];
    let j2len = new Map();
    for (let i = alo; i < ahi; i += 1) {
      const next = new Map();
      for (const j of b2j.get(a[i]) || []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) || 0) + 1;
        next.set(j, k);
        if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti -= 1;
      bestj -= 1;
      bestsize += 1;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize += 1;
    }
    return [besti, bestj, bestsize];
  };
  let total = 0;
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k) {
      total += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  return total;
}

/** difflib.get_close_matches(word, possibilities, n=1, cutoff) → the best match or null. */
export function closestMatch(word, possibilities, cutoff = 0.6) {
  const b = Array.from(word);
  let best = null;
  for (const x of possibilities) {
    const a = Array.from(x);
    const size = a.length + b.length;
    const score = size ? (2 * matchingCharacters(a, b)) / size : 1;
    // heapq.nlargest over (score, x): ties go to the larger string.
    if (score >= cutoff && (best === null || score > best[0] || (score === best[0] && x > best[1]))) {
      best = [score, x];
    }
  }
  return best && best[1];
}

function acceptedText() {
  return `parameters as one of ${ACCEPTED_NAMES.params.join(", ")}; tokens as one of `
    + `${ACCEPTED_NAMES.tokens.join(", ")} (or FLOPs as one of ${ACCEPTED_NAMES.flops.join(", ")})`
    + `; loss as one of ${ACCEPTED_NAMES.loss.join(", ")}`;
}

function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function columns(header, where) {
  const found = new Map();
  header.forEach((name, index) => {
    const role = LOOKUP.get(key(name));
    if (role === undefined) return;
    if (found.has(role)) {
      throw new Error(`${where}: columns ${pyRepr(header[found.get(role)])} and ${pyRepr(name)} both name the ${role}; keep one`);
    }
    found.set(role, index);
  });
  if (found.has("tokens") && found.has("flops")) found.delete("flops");
  const missing = ["params", "loss"].filter((role) => !found.has(role));
  if (!found.has("tokens") && !found.has("flops")) missing.splice(1, 0, "tokens");
  if (missing.length) {
    const hints = [];
    for (const name of header) {
      const close = closestMatch(key(name), [...LOOKUP.keys()]);
      if (close && !LOOKUP.has(key(name))) hints.push(`${pyRepr(name)} looks like ${pyRepr(close)}`);
    }
    const hint = hints.length ? ` (${hints.join("; ")})` : "";
    throw new Error(`${where}: missing column(s) for ${missing.join(" and ")}; found ${pyRepr(header)}${hint}. Accepted names: ${acceptedText()}`);
  }
  return found;
}

const PY_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

function number(text, source, line, column) {
  const cell = pyStrip(text);
  const where = `${source}, line ${line}, column ${pyRepr(column)}`;
  if (cell === "") throw new Error(`${where}: is empty; every run needs a value`);
  const candidate = pyStrip(cell.replaceAll("_", ""));
  if (!PY_FLOAT.test(candidate)) {
    throw new Error(`${where}: ${pyRepr(Array.from(cell).slice(0, 30).join(""))} is not a number`);
  }
  const lower = candidate.toLowerCase().replace(/^[+-]/, "");
  const value = lower === "nan" ? NaN : lower.startsWith("inf")
    ? (candidate.startsWith("-") ? -Infinity : Infinity) : Number(candidate);
  if (!Number.isFinite(value)) throw new Error(`${where}: ${pyRepr(cell)} is not a finite number`);
  if (value <= 0) throw new Error(`${where}: ${cell} must be > 0`);
  return value;
}

/** Index of the first byte Python's UTF-8 decoder rejects, or -1 when the bytes are valid. */
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const byte = bytes[i + k];
      const lo = k === 1 ? low : 0x80;
      const hi = k === 1 ? high : 0xbf;
      if (byte === undefined || byte < lo || byte > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

function pyTypeName(value) {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (Array.isArray(value)) return "list";
  return "dict";
}

/**
 * parse_runs_csv(text, source="runs.csv"): training runs from CSV text (a string) or a
 * file's bytes (Uint8Array or ArrayBuffer, decoded as UTF-8 with an optional BOM).
 *
 * @returns {{params:number[], tokens:number[], loss:number[], columns:object,
 *   lines:number[], source:string, nRuns:number}}
 * @throws {Error} with the package's message naming the file, line and column
 */
export function parseRunsCsv(input, source = "runs.csv") {
  let text = input;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input)
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (bytes.length > MAX_BYTES) {
      throw new Error(`${source}: is ${thousands(bytes.length)} bytes; the limit is ${thousands(MAX_BYTES)} bytes (1 MB)`);
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const bad = firstInvalidUtf8(bytes.subarray(bom));
    if (bad >= 0) throw new Error(`${source}: is not UTF-8 text (byte ${bad}); save it as CSV text`);
    text = new TextDecoder("utf-8").decode(bytes); // drops one leading BOM, as utf-8-sig
  }
  if (typeof text !== "string") {
    throw new Error(`text must be the CSV file's contents as str or bytes; got ${pyTypeName(text)}`);
  }
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_BYTES) {
    throw new Error(`${source}: is ${thousands(size)} bytes; the limit is ${thousands(MAX_BYTES)} bytes (1 MB)`);
  }
  if (text.includes("\x00")) throw new Error(`${source}: contains NUL bytes; it is not a CSV text file`);
  const lines = splitLines(text).map((line, i) => [i + 1, line])
    .filter(([, line]) => pyStrip(line) !== "" && !pyLstrip(line).startsWith("#"));
  if (!lines.length) {
    throw new Error(`${source}: is empty; expected a header line and at least ${MIN_ROWS} runs`);
  }
  const first = lines[0][1];
  let delimiter = ",";
  if (!first.includes(",")) delimiter = first.includes(";") ? ";" : (first.includes("\t") ? "\t" : ",");
  const [headerLine, headerText] = lines[0];
  const header = csvRow(headerText, delimiter).map(pyStrip);
  const found = columns(header, `${source}, line ${headerLine} (header)`);
  const rows = lines.slice(1);
  if (rows.length > MAX_ROWS) {
    throw new Error(`${source}: has ${thousands(rows.length)} rows; the limit is ${thousands(MAX_ROWS)} runs`);
  }
  const values = Object.fromEntries([...found.keys()].map((role) => [role, []]));
  const numbers = [];
  for (const [lineNumber, line] of rows) {
    const cells = csvRow(line, delimiter);
    if (cells.length !== header.length) {
      throw new Error(`${source}, line ${lineNumber}: has ${cells.length} cells, the header has ${header.length}`);
    }
    for (const [role, index] of found) values[role].push(number(cells[index], source, lineNumber, header[index]));
    numbers.push(lineNumber);
  }
  if (numbers.length < MIN_ROWS) {
    throw new Error(`${source}: has ${numbers.length} run(s); fitting E, A, B, α and β needs at least ${MIN_ROWS}`);
  }
  const params = values.params;
  const tokens = found.has("tokens") ? values.tokens
    : values.flops.map((c, i) => c / (FLOPS_PER_PARAM_TOKEN * params[i]));
  const columnNames = Object.fromEntries([...found].map(([role, index]) => [role, header[index]]));
  return { params, tokens, loss: values.loss, columns: columnNames, lines: numbers, source,
    nRuns: params.length };
}
