// Example embedder for Hezhang's postMessage API (docs/embedding.md).
// 1. Frame Hezhang with ?origin=<this page's origin>: it answers that origin only.
// 2. Wait for {type: "hezhang:ready"}, then send {type: "hezhang:analyze", id, text, name}.
// 3. Receive {type: "hezhang:result", id, json, summary, ms} (json: the hezhang.report/1
//    document) or {type: "hezhang:error", id, message}.
// Check event.origin and event.source on every message, as Hezhang does.
const HEZHANG_URL = new URL('../index.html', import.meta.url); // wherever Hezhang is hosted
const hezhangOrigin = HEZHANG_URL.origin;

const frame = document.getElementById('hezhang');
const text = document.getElementById('text');
const send = document.getElementById('send');
const state = document.getElementById('state');
const result = document.getElementById('result');

const src = new URL(HEZHANG_URL);
src.searchParams.set('origin', location.origin);
frame.src = src.href;

let nextId = 1;
window.addEventListener('message', (event) => {
  if (event.origin !== hezhangOrigin || event.source !== frame.contentWindow) return;
  const msg = event.data;
  if (msg.type === 'hezhang:ready') {
    state.textContent = `Hezhang ${msg.version} ready · 已就绪`;
    state.dataset.ready = 'true';
    send.disabled = false;
  } else if (msg.type === 'hezhang:result') {
    const s = msg.summary;
    // Text only: the report's contents never become markup.
    result.textContent = `errors ${s.errors}, warnings ${s.warnings}, rounding ${s.rounding}, checks ${s.checks} (${Math.round(msg.ms)} ms) · 错误 ${s.errors}，警告 ${s.warnings}`;
    Object.assign(result.dataset, { id: String(msg.id), errors: s.errors, warnings: s.warnings, rounding: s.rounding });
    send.disabled = false;
  } else if (msg.type === 'hezhang:error') {
    result.textContent = `error: ${msg.message}`;
    send.disabled = false;
  }
});

send.addEventListener('click', () => {
  send.disabled = true;
  result.textContent = '…';
  for (const k of ['id', 'errors', 'warnings', 'rounding']) delete result.dataset[k];
  frame.contentWindow.postMessage({ type: 'hezhang:analyze', id: nextId++, text: text.value, name: 'example.txt' }, hezhangOrigin);
});
