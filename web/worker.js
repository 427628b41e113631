// Analysis worker (module worker): runs the WebAssembly core off the main thread.
//
// Protocol (postMessage, structured-clone objects):
//   page -> worker  {type: "analyze", id, text, options}
//                     options: {name, encoding, input_bytes} (see docs/json-contract.md)
//   worker -> page  {type: "ready", version}              once, when the module is
//                                                         instantiated and warmed up
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

// A tiny report analysed once before "ready": the first analysis pays for one-time
// work (compiling the core's regular expressions, the engine compiling the WebAssembly
// functions it meets), which should not land on the user's first click.
const WARM_UP = [
  '2020年部门决算', '一、收入支出决算总表', '金额单位：万元',
  '项目\t行次\t决算数', '一般公共预算财政拨款收入\t1\t10.00', '本年收入合计\t2\t10.00',
  '201\t一般公共服务支出\t6.00', '20101\t人大事务\t6.00', '205\t教育支出\t4.00', '合计\t\t10.00',
  '注：2行 = 1行', '二、收入情况说明', '2020年收入合计10.00万元，比上年增长25.0%。',
].join('\n');

const modulePromise = createHezhang().then((mod) => {
  mod.analyze(WARM_UP, '{}');
  return mod;
});

modulePromise.then(
  (mod) => postMessage({ type: 'ready', version: mod.version() }),
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
