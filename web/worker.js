// Analysis worker (module worker): runs the WebAssembly core off the main thread.
//
// Protocol (postMessage, structured-clone objects):
//   page -> worker  {type: "analyze", id, text, options}
//                     options: {name, encoding, input_bytes} (see docs/json-contract.md)
//   worker -> page  {type: "ready", version, loadMs}      once, when the module is instantiated
//                   {type: "result", id, json, ms}        json: the report string (hezhang.report/1),
//                                                         ms: time spent in analyze() alone
//                   {type: "error", id, message}          id is null when the module failed to load
// Cancelling a runaway analysis: the page terminates this worker and starts a new one
// (a WebAssembly call cannot be interrupted from outside).
//
// The module is the single-file build (the WebAssembly inlined as base64): the page's
// Content-Security-Policy has connect-src 'none', so nothing may be fetch()ed, and a
// script import is the one way in. The worker is started from a Blob by the page, so it
// inherits that policy even when the host sends no CSP header.
import createHezhang from './hezhang.single.mjs';

const started = performance.now();
const modulePromise = createHezhang();

modulePromise.then(
  (mod) => postMessage({ type: 'ready', version: mod.version(), loadMs: performance.now() - started }),
  (err) => postMessage({ type: 'error', id: null, message: String(err && err.message || err) }),
);

self.onmessage = async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'analyze') return;
  try {
    const mod = await modulePromise;
    const t0 = performance.now();
    const json = mod.analyze(String(msg.text), JSON.stringify(msg.options || {}));
    postMessage({ type: 'result', id: msg.id, json, ms: performance.now() - t0 });
  } catch (err) {
    postMessage({ type: 'error', id: msg.id, message: String(err && err.message || err) });
  }
};
