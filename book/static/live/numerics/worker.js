// A module worker that runs any export of index.js off the page's main thread, so a fit of
// a few hundred milliseconds never freezes the controls:
//   const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
//   worker.postMessage({ id: 1, name: "fitParametric", args: [params, tokens, loss, {}] });
//   worker.onmessage = ({ data }) => data.error ? showMessage(data.error) : show(data.value);
// Replies are {id, value} or {id, error} (the Error's message, as the package's ValueError).

import * as numerics from "./index.js";

function plain(value) {
  if (typeof value === "function") return undefined;
  if (ArrayBuffer.isView(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v !== "function")
      .map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

self.onmessage = ({ data }) => {
  const { id, name, args = [] } = data;
  try {
    if (typeof numerics[name] !== "function") throw new Error(`name must be an export of the numerics; got ${name}`);
    self.postMessage({ id, value: plain(numerics[name](...args)) });
  } catch (error) {
    self.postMessage({ id, error: String(error.message) });
  }
};
