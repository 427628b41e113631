// Analysis worker (module worker): runs the WebAssembly core off the main thread.
//
// Protocol (postMessage, structured-clone objects):
//   page -> worker  {type: "analyze", id, text, options}
//                     options: {name, encoding, input_bytes} (see docs/json-contract.md)
//                   {type: "warm-up", text}               optional: a typical report to warm up
//                                                         with (the page sends its sample); no answer
//   worker -> page  {type: "ready", version}              once, when the module is instantiated
//                   {type: "result", id, json, ms}        json: the report string (hezhang.report/1),
//                                                         ms: time spent in analyze() alone
//                   {type: "error", id, message}          id is null when the module failed to load
// Cancelling a runaway analysis: the page terminates this worker and starts a new one
// (a WebAssembly call cannot be interrupted from outside).
//
// The module is the single-file build (the WebAssembly inlined, scripts/inline-wasm.mjs): the page's
// Content-Security-Policy has connect-src 'none', so nothing may be fetch()ed, and a
// script import is the one way in. The worker is started from a Blob by the page, so it
// inherits that policy even when the host sends no CSP header.
import createHezhang from './hezhang.single.mjs';

// Warming up, after "ready" (never delaying it). The first analyses pay for one-time
// work: the core's regular expressions compiled, each WebAssembly function compiled at
// its first call, then compiled again, optimised, once it has run a while. Without
// warming up, that lands on the user's first click (several times a later click's
// time). So once ready, the worker analyses this tiny report, then the text the page
// sends with "warm-up", in slices: each step is one task, so a request waits for one
// step at most, and the first request ends the warm-up (what is left warms itself).
// The slices go round WARM_UP_ROUNDS times, then the whole text once, last and so
// already warm (it runs the rules that compare tables across the report): a function
// is optimised only once it has run enough, and with one round of slices the user's
// first analysis still set off optimising dozens of functions, on threads that took
// the CPU from it and from the page (seed 003 after the sample, 2 cores under load:
// 120-240 ms of optimising during the first click; 1-3 ms with this warm-up).
const WARM_UP = [
  '2020年部门决算', '一、收入支出决算总表', '金额单位：万元',
  '项目\t行次\t决算数', '一般公共预算财政拨款收入\t1\t10.00', '本年收入合计\t2\t10.00',
  '201\t一般公共服务支出\t6.00', '20101\t人大事务\t6.00', '205\t教育支出\t4.00', '合计\t\t10.00',
  '注：2行 = 1行', '二、收入情况说明', '2020年收入合计10.00万元，比上年增长25.0%。',
].join('\n');

const SLICE_CHARS = 3000; // one warm-up step: about 100 lines of a report
const WARM_UP_ROUNDS = 3;
// The last step analyses the whole text: a request may wait for that one step, so it
// is kept to a report's size (the page's sample is about 19 000 characters).
const MAX_WARM_UP_CHARS = 60_000;

const warmUp = {
  queue: [WARM_UP], // texts still to analyse
  mod: null, // set when the module is ready
  scheduled: false,
  over: false, // a request came

  // A text cut at line ends into slices of about SLICE_CHARS, WARM_UP_ROUNDS times over,
  // then the whole of it.
  add(text) {
    if (this.over) return;
    text = String(text).slice(0, MAX_WARM_UP_CHARS);
    const slices = [];
    for (let at = 0; at < text.length;) {
      const end = text.indexOf('\n', at + SLICE_CHARS);
      const next = end < 0 ? text.length : end + 1;
      slices.push(text.slice(at, next));
      at = next;
    }
    for (let round = 0; round < WARM_UP_ROUNDS; round++) this.queue.push(...slices);
    this.queue.push(text);
    this.schedule();
  },

  schedule() {
    if (this.mod && this.queue.length && !this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.step(), 0);
    }
  },

  step() {
    this.scheduled = false;
    const text = this.queue.shift();
    if (text === undefined) return;
    try { this.mod.analyze(text, '{}'); } catch { this.queue.length = 0; return; } // a real request will say
    this.schedule();
  },

  stop() {
    this.over = true;
    this.queue.length = 0;
  },
};

const modulePromise = createHezhang();

modulePromise.then(
  (mod) => {
    postMessage({ type: 'ready', version: mod.version() });
    warmUp.mod = mod;
    warmUp.schedule();
  },
  (err) => postMessage({ type: 'error', id: null, message: String(err && err.message || err) }),
);

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg && msg.type === 'warm-up') warmUp.add(msg.text);
  if (!msg || msg.type !== 'analyze') return;
  warmUp.stop();
  try {
    const mod = await modulePromise;
    const t0 = performance.now();
    const json = mod.analyze(String(msg.text), JSON.stringify(msg.options || {}));
    postMessage({ type: 'result', id: msg.id, json, ms: performance.now() - t0 });
  } catch (err) {
    postMessage({ type: 'error', id: msg.id, message: String(err && err.message || err) });
  }
};
