// The live calculators of the static website: no kernel, no framework.
//
// Each calculator is a <div data-calculator="NAME"> written by scalinglaws.widgets'
// Calculator.to_html(): a JSON spec of its controls, its default results as a table and a
// PNG figure. This script builds the controls (native, labelled form elements), and on every
// input asks the calculator's view (views/NAME.js) to compute, describe and draw, using the
// formulas generated from the package (generated/formulas.js) and its data
// (generated/data.js). Bad input shows the package's message; the results and the figure
// are then withdrawn, never left stale beside the new controls.
import { format, readableNumbers } from "./pyformat.js";
import { InputError, finiteNumber, integerInRange, numberInRange } from "./validate.js";
import { renderFigure } from "./figure.js";

/** The calculators that have a view here; the others keep their default state and say so. */
const LIVE = new Set(["dennard", "moore", "accelerators", "allocation", "isoflop",
  "power-law-fit", "fit-your-runs", "fit-lab",
  "repetition", "data-quality", "data-runway", "mirage", "benchmark-reader",
  "lifetime", "inference-optimum", "serving", "energy", "reliability", "leap"]);
let counter = 0;

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

/** A slider's value (a real value, not an exponent for a log slider) from its position. */
function sliderValue(spec, position) {
  const raw = spec.scale === "log" ? Math.pow(10, position) : position;
  if (spec.integer) {
    return Math.round(raw);
  }
  // Snap to the step's decimals, as ipywidgets' readout does (0.1 + 0.2 → 0.3).
  if (spec.scale !== "log") {
    const decimals = Math.max(0, -Math.floor(Math.log10(spec.step) + 1e-9)) + 2;
    return Number(raw.toFixed(Math.min(decimals, 15)));
  }
  return raw;
}

/** A slider's readout and aria-valuetext: its format, with e-notation written as ×10ⁿ (as
 * every result is), so a screen reader says "10²⁷", not "1e+27". */
function readout(spec, value) {
  return spec.integer ? String(value)
    : readableNumbers(format(value, spec.readout_format || ".3g"));
}

/** One control: its row (label, input, readout), and how to read its value. */
function buildControl(spec, id, onInput) {
  const inputId = `${id}-${spec.name}`;
  const label = element("label", { for: inputId, text: spec.label });
  const row = element("div", { class: `sl-control sl-${spec.kind}` }, [label]);
  const describedBy = spec.help ? `${inputId}-help` : null;
  let input;
  let read;
  let set;
  if (spec.kind === "slider") {
    const log = spec.scale === "log";
    const min = log ? Math.log10(spec.min) : spec.min;
    const max = log ? Math.log10(spec.max) : spec.max;
    input = element("input", { type: "range", id: inputId, min, max, step: spec.step,
      "aria-describedby": describedBy });
    const output = element("output", { for: inputId, class: "sl-readout" });
    let current = spec.value;
    const show = () => {
      const text = readout(spec, current);
      output.textContent = text;
      input.setAttribute("aria-valuetext", text);
    };
    set = (value) => {
      current = value;
      input.value = String(log ? Math.log10(value) : value);
      show();
    };
    input.addEventListener("input", (event) => {
      current = sliderValue(spec, Number(input.value));
      show();
      onInput(event);
    });
    read = () => current;
    set(spec.value);
    row.append(input, output);
  } else if (spec.kind === "number") {
    input = element("input", { type: "text", id: inputId, value: String(spec.value),
      inputmode: spec.integer ? "numeric" : "decimal", autocomplete: "off",
      spellcheck: "false", "aria-describedby": describedBy });
    input.addEventListener("input", onInput);
    read = () => input.value;
    set = (value) => { input.value = String(value); };
    row.append(input);
  } else if (spec.kind === "choice") {
    input = element("select", { id: inputId, "aria-describedby": describedBy });
    spec.options.forEach(([text, value], index) => {
      const option = element("option", { value: String(index), text });
      if (JSON.stringify(value) === JSON.stringify(spec.value)) {
        option.selected = true;
      }
      input.append(option);
    });
    input.addEventListener("input", onInput);
    read = () => spec.options[Number(input.value)][1];
    set = (value) => {
      const index = spec.options.findIndex(([, option]) =>
        JSON.stringify(option) === JSON.stringify(value));
      input.value = String(index);
    };
    row.append(input);
  } else if (spec.kind === "textarea") {
    input = element("textarea", { id: inputId, rows: spec.rows, spellcheck: "false",
      "aria-describedby": describedBy });
    input.value = spec.value;
    // Typing in a text of runs refits them: wait for a pause (the results show as pending).
    input.addEventListener("input", (event) => onInput(event, 400));
    read = () => input.value;
    set = (value) => { input.value = value; };
    row.append(input);
  } else if (spec.kind === "file") {
    input = element("input", { type: "file", id: inputId, accept: spec.accept,
      "aria-describedby": describedBy });
    let files = [];
    input.addEventListener("change", async (event) => {
      const file = input.files && input.files[0];
      files = file ? [{ name: file.name, content: new Uint8Array(await file.arrayBuffer()) }] : [];
      onInput(event);
    });
    read = () => files;
    set = (value) => { files = value; };
    row.append(input);
  } else {
    throw new Error(`unknown control kind ${spec.kind}`);
  }
  if (spec.help) {
    row.append(element("small", { id: describedBy, class: "sl-help", text: spec.help }));
  }
  return { spec, row, input, read, set };
}

function parseNumber(text) {
  const trimmed = String(text).trim();
  return trimmed === "" ? NaN : Number(trimmed);
}

/** A typed number against the range the package accepts (the spec repeats it). */
function checkNumber(spec, value) {
  const low = spec.low ?? null;
  const high = spec.high ?? null;
  if (spec.integer) {
    return integerInRange(spec.name, value, low, high);
  }
  return numberInRange(spec.name, value, low, high, { lowInclusive: spec.low_inclusive });
}

/** Show rows in `container`: in place when the table has as many rows (no new layout boxes). */
function showRows(container, rows) {
  const existing = container.querySelector("table.sl-table");
  if (existing && existing.rows.length === rows.length) {
    rows.forEach(([label, text], i) => {
      const [th, td] = existing.rows[i].cells;
      if (th.textContent !== label) {
        th.textContent = label;
      }
      if (td.textContent !== text) {
        td.textContent = text;
      }
    });
    return;
  }
  container.replaceChildren(table(rows));
}

function table(rows) {
  const body = element("tbody");
  for (const [label, text] of rows) {
    body.append(element("tr", {}, [element("th", { scope: "row", text: label }),
      element("td", { text })]));
  }
  return element("table", { class: "sl-table" }, [body]);
}

/** A live calculator on one root element. */
class LiveCalculator {
  constructor(root, spec, view) {
    this.root = root;
    this.spec = spec;
    this.view = view;
    this.id = `sl-${spec.name}-${counter += 1}`;
    this.results = root.querySelector('[data-output="results"]');
    this.figure = root.querySelector('[data-output="figure"]');
    this.alert = element("div", { class: "sl-alert", role: "alert", hidden: true });
    const form = element("form", { class: "sl-controls", "aria-label": spec.title });
    form.addEventListener("submit", (event) => event.preventDefault());
    this.controls = spec.controls.map((control) =>
      buildControl(control, this.id, (event, delay) => this.schedule(event, delay)));
    for (const control of this.controls) {
      form.append(control.row);
    }
    this.results.before(form, this.alert);
    if (spec.action) {
      this.button = element("button", { type: "button", class: "sl-action", text: spec.action });
      this.actionResults = element("div", { class: "sl-results", "data-output": "action",
        "aria-live": "polite" });
      this.actionFigure = element("div", { class: "sl-figure", "data-output": "action-figure" });
      this.button.addEventListener("click", (event) => this.runAction(event));
      this.figure.after(this.button, this.actionResults, this.actionFigure);
    }
    this.width = 0;
    const observer = new ResizeObserver(() => {
      const width = this.figure.clientWidth;
      if (width && Math.abs(width - this.width) > 1) {
        this.width = width;
        this.redraw();
      }
    });
    observer.observe(this.figure);
    root.classList.add("sl-live");
    this.updateWhenNear();
    root.liveCalculator = this;
  }

  /** Compute and draw for the first time when the calculator comes within a screen's height
   * of the viewport (or at the reader's first input, or a call to `set`, whichever is first).
   * Until then it shows the kernel's rendering of the same default settings, so loading a
   * chapter does no work for calculators the reader has not reached. */
  updateWhenNear() {
    if (typeof IntersectionObserver === "undefined") {
      this.update(null);
      return;
    }
    this.near = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && this.near) {
        this.update(null);
      }
    }, { rootMargin: "100% 0px" });
    this.near.observe(this.root);
  }

  /** The controls' values by name (a typed number that does not parse is NaN). */
  values() {
    const values = {};
    for (const control of this.controls) {
      const value = control.read();
      values[control.spec.name] = control.spec.kind === "number" ? parseNumber(value) : value;
    }
    return values;
  }

  /** Set controls by name (as a reader would) and recompute: for tests and the bench. */
  set(values) {
    for (const [name, value] of Object.entries(values)) {
      const control = this.controls.find((candidate) => candidate.spec.name === name);
      if (!control) {
        throw new Error(`unknown control ${name}`);
      }
      control.set(value);
    }
    this.update(null);
    return this.error;
  }

  /** The view's result for the controls' values, after the package's checks of typed numbers
   * (of those the package checks for these values: view.checked, default all). */
  compute() {
    const values = this.values();
    const checked = this.view.checked ? this.view.checked(values) : null;
    for (const control of this.controls) {
      const { spec } = control;
      if (spec.kind === "number" && (checked === null || checked.includes(spec.name))) {
        checkNumber(spec, finiteNumber(spec.name, control.read()));
      }
    }
    return this.view.compute(values);
  }

  /** Update now, or after `delay` ms of no input, showing the results as pending meanwhile. */
  schedule(event, delay = 0) {
    clearTimeout(this.timer);
    if (!delay) {
      this.update(event);
      return;
    }
    this.root.setAttribute("aria-busy", "true");
    this.root.classList.add("sl-pending");
    this.timer = setTimeout(() => this.update(null), delay);
  }

  update(event) {
    if (this.near) {
      this.near.disconnect();
      this.near = null;
    }
    this.root.removeAttribute("aria-busy");
    this.root.classList.remove("sl-pending");
    const start = event ? event.timeStamp : performance.now();
    this.generation = (this.generation || 0) + 1; // a pending refinement is now stale
    try {
      this.show(this.compute());
    } catch (error) {
      this.showError(error);
    }
    if (this.button) {
      this.clearAction();
    }
    this.markRepaint(start);
    this.settled = this.refine(start);
  }

  show(result) {
    this.result = result;
    this.error = null;
    this.alert.hidden = true;
    this.alert.textContent = "";
    showRows(this.results, this.view.describe(this.result));
    this.redraw();
  }

  /** A view's result may come first without its slow part (fit your runs' point fit before
   * its bootstrap intervals: `result.pending`); the view's `refine(result)` then computes the
   * rest off the main thread and the calculator shows it, unless the controls moved meanwhile.
   * Returns a Promise that settles when the shown result is final (tests wait on it); the
   * update to the final result is measured as `sl-refine:NAME`. */
  refine(start) {
    if (this.error !== null || !this.result || !this.result.pending || !this.view.refine) {
      return Promise.resolve();
    }
    const generation = this.generation;
    this.root.setAttribute("aria-busy", "true");
    return this.view.refine(this.result).then((result) => {
      if (generation === this.generation) {
        this.show(result);
      }
    }, (error) => {
      if (generation === this.generation) {
        this.showError(error);
      }
    }).finally(() => {
      if (generation === this.generation) {
        this.root.removeAttribute("aria-busy");
        this.markRepaint(start, "sl-refine");
      }
    });
  }

  markRepaint(start, measure = "sl-update") {
    const name = this.spec.name;
    requestAnimationFrame(() => {
      setTimeout(() => {
        performance.measure(`${measure}:${name}`, { start, end: performance.now() });
      }, 0);
    });
  }

  redraw() {
    if (this.error !== null || this.result === undefined || !this.view.figure) {
      return;
    }
    // The width the ResizeObserver saw: reading clientWidth here would force a layout.
    const width = this.width || this.figure.clientWidth || 640;
    this.figure.replaceChildren(renderFigure(this.view.figure(this.result), width));
  }

  showError(error) {
    // The package's checks (ours and the numerics library's) throw an InputError or a plain
    // Error with the package's message; anything else (a TypeError, say) is a bug.
    const expected = error instanceof InputError || error.constructor === Error;
    const message = expected ? error.message
      : `Unexpected error (${error.name}): ${error.message}`;
    if (!expected) {
      console.warn(error);
    }
    this.result = undefined;
    this.error = message;
    this.alert.textContent = `Check the input: ${message}`;
    this.alert.hidden = false;
    this.results.replaceChildren(element("p", { class: "sl-empty",
      text: "No result until the input is fixed." }));
    this.figure.replaceChildren();
  }

  clearAction() {
    this.actionRun = (this.actionRun || 0) + 1; // a pending action's result is now stale
    this.button.disabled = false;
    this.root.removeAttribute("aria-busy");
    this.actionResult = undefined;
    this.actionResults.replaceChildren(element("p", { class: "sl-empty",
      text: `Press “${this.spec.action}” to run it on these settings.` }));
    this.actionFigure.replaceChildren();
  }

  /** Press the action's button; return its result (or a Promise of it). A view's action
   * may return a Promise (the fit lab's fits, in a worker): the results then show as pending
   * until it settles, and a result that settles after the controls moved is dropped. Click to
   * result is measured as `sl-action:NAME`. */
  runAction(event) {
    const start = event ? event.timeStamp : performance.now();
    if (this.near) {
      this.update(null);
    }
    if (this.error !== null) {
      return undefined;
    }
    const run = this.actionRun;
    let pending;
    try {
      pending = this.view.action(this.values(), this.result);
    } catch (error) {
      return this.actionFailed(error, run, start);
    }
    if (!(pending instanceof Promise)) {
      return this.showAction(pending, run, start);
    }
    this.button.disabled = true;
    this.root.setAttribute("aria-busy", "true");
    this.actionResults.replaceChildren(element("p", { class: "sl-empty sl-computing",
      text: this.view.actionPending || "Computing…" }));
    this.actionFigure.replaceChildren();
    return pending.then((result) => this.showAction(result, run, start),
      (error) => this.actionFailed(error, run, start));
  }

  showAction(result, run, start) {
    if (run !== this.actionRun) {
      return undefined;
    }
    this.button.disabled = false;
    this.root.removeAttribute("aria-busy");
    try {
      this.actionResult = result;
      this.actionResults.replaceChildren(table(this.view.describeAction(this.actionResult)));
      if (this.view.actionFigure) {
        // The main figure's observed width (the same column): reading clientWidth here would
        // force a layout of the whole page after the new table.
        const width = this.width || this.actionFigure.clientWidth || 640;
        this.actionFigure.replaceChildren(
          renderFigure(this.view.actionFigure(this.actionResult), width));
      }
    } catch (error) {
      return this.actionFailed(error, run, start);
    }
    this.markAction(start);
    return this.actionResult;
  }

  actionFailed(error, run, start) {
    if (run !== this.actionRun) {
      return undefined;
    }
    this.showError(error);
    this.clearAction();
    this.markAction(start);
    return undefined;
  }

  markAction(start) {
    const name = this.spec.name;
    requestAnimationFrame(() => setTimeout(() => {
      performance.measure(`sl-action:${name}`, { start, end: performance.now() });
    }, 0));
  }
}

async function start(root) {
  const source = root.querySelector("script.sl-spec");
  if (!source || root.liveCalculator) {
    return;
  }
  const spec = JSON.parse(source.textContent);
  if (!LIVE.has(spec.name)) {
    root.querySelector('[data-output="results"]').before(element("p", { class: "sl-empty",
      text: "This calculator computes only in Jupyter, Binder or Colab; shown here with its "
        + "default settings." }));
    return;
  }
  try {
    // The offline copy's one classic script (tools/downloads.py, esbuild) brings every view,
    // as browsers run no modules from file://; the website imports each from views/ here.
    const bundled = globalThis.SL_BUNDLED_VIEWS;
    const view = bundled ? bundled[spec.name]
      : await import(new URL(`./views/${spec.name}.js`, import.meta.url).href);
    new LiveCalculator(root, spec, view);
  } catch (error) {
    console.error(`calculator ${spec.name} could not start`, error);
  }
}

function startAll() {
  const roots = Array.from(document.querySelectorAll("[data-calculator]"));
  return Promise.all(roots.map(start)).then(() => {
    document.documentElement.dataset.calculatorsReady = "true";
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startAll);
} else {
  startAll();
}
