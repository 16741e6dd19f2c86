// Reading a practitioner's training runs from CSV text or file bytes, with the limits,
// accepted column names and messages of scalinglaws.runs_csv.parse_runs_csv (the limits and
// names come from the package through package-data.js; the messages are checked against
// the package's in tests/test_live_numerics.py).

import { FLOPS_PER_PARAM_TOKEN, RUNS_CSV } from "./package-data.js";
import { pyRepr } from "./validate.js";

const { MAX_BYTES, MAX_ROWS, MIN_ROWS, MAX_COLUMNS, MAX_MESSAGE, ACCEPTED_NAMES } = RUNS_CSV;

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

function cp(text) {
  return Array.from(text);
}

/** _error: a message of at most MAX_MESSAGE characters (code points, as Python counts). */
function fail(message) {
  const chars = cp(message);
  const text = chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE - 1).join("")}…` : message;
  return new Error(text);
}

/** _shown: repr of a cell or name from the file, cut to ``limit`` characters. */
function shown(text, limit = 30) {
  const chars = cp(text);
  return pyRepr(chars.length <= limit ? text : `${chars.slice(0, limit - 1).join("")}…`);
}

/** _line_breaks: CR LF, CR and LF line ends, as the csv module counts them. */
function lineBreaks(text) {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "\n") count += 1;
    else if (ch === "\r") {
      count += 1;
      if (text[i + 1] === "\n") i += 1;
    }
  }
  return count;
}

function acceptedText(roles) {
  return `Accepted names: ${roles.map((role) => `${role}: ${ACCEPTED_NAMES[role].join(", ")}`).join("; ")}`;
}

function foundText(header) {
  const names = header.slice(0, 6).map((name) => shown(name, 20)).join(", ");
  const more = header.length > 6 ? ` and ${thousands(header.length - 6)} more` : "";
  return `[${names}${more}]`;
}

function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function columns(header, where) {
  const found = new Map();
  const keys = header.map((name) => (cp(name).length <= 64 ? key(name) : ""));
  keys.forEach((k, index) => {
    const role = LOOKUP.get(k);
    if (role === undefined) return;
    if (found.has(role)) {
      throw fail(`${where}: columns ${shown(header[found.get(role)], 40)} and ${shown(header[index], 40)} both name the ${role}; keep one`);
    }
    found.set(role, index);
  });
  if (found.has("tokens") && found.has("flops")) found.delete("flops");
  const missing = ["params", "loss"].filter((role) => !found.has(role));
  if (!found.has("tokens") && !found.has("flops")) missing.splice(1, 0, "tokens");
  if (missing.length) {
    const hints = [];
    const names = [...LOOKUP.keys()];
    for (let i = 0; i < Math.min(50, header.length); i += 1) {
      const name = header[i];
      const k = keys[i];
      const close = closestMatch(k, names);
      if (close && k && cp(name).length <= 40 && !LOOKUP.has(k)) {
        hints.push(`${shown(name, 20)} looks like ${pyRepr(close)}`);
      }
    }
    const hint = hints.length ? ` (${hints.slice(0, 3).join("; ")})` : "";
    const head = `${where}: missing column(s) for ${missing.join(" and ")}; found ${foundText(header)}${hint}. `;
    const roles = missing.includes("tokens") ? [...missing, "flops"] : missing;
    let accepted = acceptedText(roles);
    if (cp(head).length + cp(accepted).length > MAX_MESSAGE) {
      accepted = "Accepted names: params, tokens (or flops), loss, and their aliases";
    }
    throw fail(head + accepted);
  }
  return found;
}

const PY_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const DECIMAL = /\p{Nd}/u;

/** What float() sees: Unicode decimal digits as ASCII ones (as Python's float does). */
function asciiDigits(text) {
  let out = "";
  for (const ch of text) {
    if (ch >= "0" && ch <= "9") out += ch;
    else if (DECIMAL.test(ch)) {
      let zero = ch.codePointAt(0);
      while (DECIMAL.test(String.fromCodePoint(zero - 1))) zero -= 1;
      out += String((ch.codePointAt(0) - zero) % 10);
    } else out += ch;
  }
  return out;
}

function number(text, source, line, column) {
  const cell = pyStrip(text);
  const where = `${source}, line ${line}, column ${shown(column, 40)}`;
  if (cell === "") throw fail(`${where}: is empty; every run needs a value`);
  const length = cp(cell).length;
  if (length > 100) throw fail(`${where}: a cell of ${thousands(length)} characters is not a number`);
  const candidate = asciiDigits(pyStrip(cell.replaceAll("_", "")));
  if (!PY_FLOAT.test(candidate)) throw fail(`${where}: ${shown(cell)} is not a number`);
  const lower = candidate.toLowerCase().replace(/^[+-]/, "");
  const value = lower === "nan" ? NaN : lower.startsWith("inf")
    ? (candidate.startsWith("-") ? -Infinity : Infinity) : Number(candidate);
  if (!Number.isFinite(value)) throw fail(`${where}: ${shown(cell)} is not a finite number`);
  if (value <= 0) throw fail(`${where}: ${cell} must be > 0`);
  return value;
}

/** Lines of io.StringIO(text, newline=""): split after CR LF, CR or LF, ends kept. */
function physicalLines(text) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** _delimiter: commas, unless the first line that is not blank or a comment has none. */
function delimiterOf(lines) {
  for (const line of lines) {
    if (pyStrip(line) !== "" && !pyLstrip(line).startsWith("#")) {
      if (line.includes(",")) return ",";
      return line.includes(";") ? ";" : (line.includes("\t") ? "\t" : ",");
    }
  }
  return ",";
}

/**
 * Python's csv.reader (excel dialect, given delimiter) over the lines of
 * io.StringIO(text, newline=""): yields [first line, cells] per record, as _records keeps
 * them (blank and comment records skipped), at most ``most``.
 */
function records(lines, delimiter, most) {
  const EOL = null;
  const out = [];
  let lineNum = 0;
  let index = 0;
  while (out.length < most) {
    const first = lineNum + 1;
    // One call of the reader's __next__.
    let fields = [];
    let field = "";
    let state = "START_RECORD";
    let done = false;
    const save = () => {
      fields.push(field);
      field = "";
    };
    const processChar = (c) => {
      switch (state) {
        case "START_RECORD":
          if (c === EOL) return;
          if (c === "\n" || c === "\r") {
            state = "EAT_CRNL";
            return;
          }
          state = "START_FIELD";
        // falls through
        case "START_FIELD":
          if (c === "\n" || c === "\r" || c === EOL) {
            save();
            state = c === EOL ? "START_RECORD" : "EAT_CRNL";
          } else if (c === '"') state = "IN_QUOTED_FIELD";
          else if (c === delimiter) save();
          else {
            field += c;
            state = "IN_FIELD";
          }
          return;
        case "IN_FIELD":
          if (c === "\n" || c === "\r" || c === EOL) {
            save();
            state = c === EOL ? "START_RECORD" : "EAT_CRNL";
          } else if (c === delimiter) {
            save();
            state = "START_FIELD";
          } else field += c;
          return;
        case "IN_QUOTED_FIELD":
          if (c === EOL) return;
          if (c === '"') state = "QUOTE_IN_QUOTED_FIELD";
          else field += c;
          return;
        case "QUOTE_IN_QUOTED_FIELD":
          if (c === '"') {
            field += c;
            state = "IN_QUOTED_FIELD";
          } else if (c === delimiter) {
            save();
            state = "START_FIELD";
          } else if (c === "\n" || c === "\r" || c === EOL) {
            save();
            state = c === EOL ? "START_RECORD" : "EAT_CRNL";
          } else {
            field += c;
            state = "IN_FIELD";
          }
          return;
        default: // EAT_CRNL: a line from StringIO ends at its line break
          if (c === EOL) state = "START_RECORD";
      }
    };
    for (;;) {
      if (index >= lines.length) {
        if (field.length !== 0 || state === "IN_QUOTED_FIELD") {
          save();
          break;
        }
        done = true;
        break;
      }
      const line = lines[index];
      index += 1;
      lineNum += 1;
      for (const c of line) processChar(c);
      processChar(EOL);
      if (state === "START_RECORD") break;
    }
    if (done) break;
    const cells = fields;
    if (!cells.length || (cells.length === 1 && pyStrip(cells[0]) === "")) continue;
    if (pyLstrip(cells[0]).startsWith("#")) continue;
    out.push([first, cells]);
  }
  return out;
}

/** _cell_line: the line on which cell ``index`` of a record starting at ``first`` starts. */
function cellLine(first, cells, index) {
  let line = first;
  for (let i = 0; i < index; i += 1) line += lineBreaks(cells[i]);
  return line;
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
  source = String(source);
  if (cp(source).length > 60) source = `${cp(source).slice(0, 59).join("")}…`;
  let text = input;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input)
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (bytes.length > MAX_BYTES) {
      throw fail(`${source}: is ${thousands(bytes.length)} bytes; the limit is ${thousands(MAX_BYTES)} bytes (1 MB)`);
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const bad = firstInvalidUtf8(bytes.subarray(bom));
    if (bad >= 0) {
      // As Python's utf-8-sig codec: the error's start counts from after the BOM, and the
      // message reads the bytes of the whole file at that offset.
      const before = cp(new TextDecoder("utf-8").decode(bytes.subarray(0, bad)));
      const line = 1 + lineBreaks(before.join(""));
      const column = before.length - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
      throw fail(`${source}, line ${line}, character ${column}: is not UTF-8 text (byte 0x${bytes[bad].toString(16).padStart(2, "0")}); save it as CSV text in UTF-8`);
    }
    text = new TextDecoder("utf-8").decode(bytes); // drops one leading BOM, as utf-8-sig
  }
  if (typeof text !== "string") {
    throw fail(`text must be the CSV file's contents as str or bytes; got ${pyTypeName(text)}`);
  }
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_BYTES) {
    throw fail(`${source}: is ${thousands(size)} bytes; the limit is ${thousands(MAX_BYTES)} bytes (1 MB)`);
  }
  const nul = text.indexOf("\x00");
  if (nul >= 0) {
    const line = 1 + lineBreaks(text.slice(0, nul));
    throw fail(`${source}, line ${line}: contains NUL bytes; it is not a CSV text file`);
  }
  if (text.startsWith("\ufeff")) text = text.slice(1); // a byte-order mark pasted with the text
  const lines = physicalLines(text);
  const found0 = records(lines, delimiterOf(lines), MAX_ROWS + 2);
  if (!found0.length) {
    throw fail(`${source}: is empty; expected a header line and at least ${MIN_ROWS} runs`);
  }
  const [[headerLine, headerCells], ...rows] = found0;
  const where = `${source}, line ${headerLine} (header)`;
  if (headerCells.length > MAX_COLUMNS) {
    throw fail(`${where}: has ${thousands(headerCells.length)} columns; at most ${thousands(MAX_COLUMNS)} are accepted (params, tokens or flops, loss, and a few others)`);
  }
  const header = headerCells.map(pyStrip);
  const found = columns(header, where);
  if (rows.length > MAX_ROWS) {
    throw fail(`${source}, line ${rows[MAX_ROWS][0]}: more than ${thousands(MAX_ROWS)} rows; the limit is ${thousands(MAX_ROWS)} runs`);
  }
  const values = Object.fromEntries([...found.keys()].map((role) => [role, []]));
  const numbers = [];
  for (const [lineNumber, cells] of rows) {
    if (cells.length !== header.length) {
      const detail = cells.length > header.length
        ? `an extra cell after column ${shown(header[header.length - 1], 40)}`
        : `no cell for column ${shown(header[cells.length], 40)}`;
      throw fail(`${source}, line ${lineNumber}: has ${cells.length} cells, the header has ${header.length} (${detail})`);
    }
    for (const [role, index] of found) {
      values[role].push(number(cells[index], source, cellLine(lineNumber, cells, index), header[index]));
    }
    numbers.push(lineNumber);
  }
  if (numbers.length < MIN_ROWS) {
    throw fail(`${source}: has ${numbers.length} run(s); fitting E, A, B, α and β needs at least ${MIN_ROWS}`);
  }
  const params = values.params;
  const tokens = found.has("tokens") ? values.tokens
    : values.flops.map((c, i) => c / (FLOPS_PER_PARAM_TOKEN * params[i]));
  const columnNames = Object.fromEntries([...found].map(([role, index]) => [role, header[index]]));
  return { params, tokens, loss: values.loss, columns: columnNames, lines: numbers, source,
    nRuns: params.length };
}
