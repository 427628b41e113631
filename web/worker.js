// Analysis worker (module worker): runs the WebAssembly core off the main thread.
//
// Protocol (postMessage, structured-clone objects):
//   page -> worker  {type: "analyze", id, text, options}
//                     options: {name, encoding, input_bytes} (see the JSON contract)
//   worker -> page  {type: "ready", version}             once, when the module is loaded
//                   {type: "result", id, json}           json: report string (hezhang.report/1)
//                   {type: "error", id, message}          id is null for load failures
import createHezhang from './hezhang.mjs';

const modulePromise = createHezhang();

modulePromise.then(
  (mod) => postMessage({ type: 'ready', version: mod.version() }),
  (err) => postMessage({ type: 'error', id: null, message: String(err) }),
);

self.onmessage = async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'analyze') return;
  try {
    const mod = await modulePromise;
    const json = mod.analyze(String(msg.text), JSON.stringify(msg.options || {}));
    postMessage({ type: 'result', id: msg.id, json });
  } catch (err) {
    postMessage({ type: 'error', id: msg.id, message: String(err) });
  }
};
