// <hezhang-checker>: Hezhang as a custom element, the second way to embed it in a web
// page (the first is the <iframe> of docs/embedding.md). The analysis runs in Hezhang's
// own worker (worker.js next to this file, or the `worker` attribute): nothing of the
// analysis is written again here.
//
//   <script type="module" src="/hezhang/hezhang-checker.js"></script>
//   <hezhang-checker lang="zh"></hezhang-checker>
//
//   const checker = document.querySelector('hezhang-checker');
//   await checker.ready;                            // the analyzer's version
//   const report = await checker.analyze(text);    // the hezhang.report/1 object
//   checker.addEventListener('hezhang-report', (e) => e.detail); // {report, json, summary, ms}
//   checker.text = text;                            // the same, answered by the event only
//
// Attributes: lang ("zh" by default, "en"; inherited from the page when absent), worker
// (the URL of Hezhang's worker.js; default: next to this file). Events (bubbling, crossing
// the shadow root): hezhang-report, hezhang-error ({message}). The element shows a short
// summary and the findings' messages in its shadow root, always as text, never markup.
//
// Content-Security-Policy of the page: script-src 'self' 'wasm-unsafe-eval' and
// worker-src 'self' (or the origin Hezhang is served from). Styles are a constructed
// style sheet, which needs no style-src. connect-src may be 'none'.

const WORKER = new URL('worker.js', import.meta.url).href;

const TEXT = {
  zh: {
    loading: '正在加载核账……', ready: '核账 {v} 已就绪。', busy: '正在核对……', failed: '核对出错：{msg}',
    done: '核对完成：{n} 处问题。',
    errors: '重大错误 {n}', warnings: '警告 {n}', rounding: '尾差 {n}', passed: '通过的核对 {n}',
    line: '第 {a} 行', lines: '第 {a}–{b} 行', findings: '发现的问题',
  },
  en: {
    loading: 'Loading Hezhang…', ready: 'Hezhang {v} is ready.', busy: 'Checking…', failed: 'The check failed: {msg}',
    done: 'Checked: {n} finding(s).',
    errors: '{n} material errors', warnings: '{n} warnings', rounding: '{n} rounding differences', passed: '{n} checks passed',
    line: 'line {a}', lines: 'lines {a}–{b}', findings: 'Findings',
  },
};

// One worker per worker URL, shared by the elements of a page; requests carry ids.
const clients = new Map();

function client(url) {
  if (!clients.has(url)) {
    const worker = new Worker(url, { type: 'module' });
    const pending = new Map(); // id -> {resolve, reject}
    let nextId = 1;
    const ready = new Promise((resolve, reject) => {
      worker.onmessage = ({ data: msg }) => {
        if (msg?.type === 'ready') { resolve(msg.version); return; }
        if (msg?.id == null) { reject(new Error(msg?.message || 'worker failed')); return; }
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.type === 'result') p?.resolve(msg); else p?.reject(new Error(msg.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const err = new Error(event.message || `could not start ${url}`);
        reject(err);
        for (const p of pending.values()) p.reject(err);
        pending.clear();
      };
    });
    const analyze = async (text, options) => {
      await ready;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'analyze', id, text, options });
      });
    };
    clients.set(url, { ready, analyze });
  }
  return clients.get(url);
}

let sheet = null; // shared by every element's shadow root
function styles() {
  if (!sheet && 'adoptedStyleSheets' in Document.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { display: block; font: inherit; color: inherit; }
      :host([hidden]) { display: none; }
      .status { margin: 0.25rem 0; }
      .status.error { color: #a4161a; font-weight: 600; }
      .counts { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.25rem 0; font-weight: 600; }
      .counts .errors { color: #a4161a; }
      .counts .warnings { color: #7a4a00; }
      ol { margin: 0.25rem 0; padding-left: 1.5rem; }
      li { margin: 0.2rem 0; overflow-wrap: anywhere; }
      .where { font-weight: 600; }`);
  }
  return sheet ? [sheet] : [];
}

export class HezhangChecker extends HTMLElement {
  static get observedAttributes() { return ['lang']; }

  #shadow;
  #status;
  #counts;
  #list;
  #state = { key: 'loading', vars: {} };
  #text = '';
  #report = null;
  #latest = 0; // the last analysis asked for: only it is shown

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = styles();
    this.#status = this.#el('p', 'status');
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('part', 'status');
    this.#counts = this.#el('p', 'counts');
    this.#counts.setAttribute('part', 'summary');
    this.#list = this.#el('ol', 'findings');
    this.#list.setAttribute('part', 'findings');
    this.#shadow.append(this.#status, this.#counts, this.#list);
  }

  connectedCallback() {
    this.#show(this.#state.key, this.#state.vars);
    this.ready.then((v) => { if (this.#state.key === 'loading') this.#show('ready', { v }); },
      (err) => this.#show('failed', { msg: err.message }));
  }

  // The language changed: what is shown, again in it (the last report only when it is
  // what is shown, not while an analysis runs or after one failed).
  attributeChangedCallback() {
    if (this.#state.key === 'done') this.#render(this.#report);
    else this.#show(this.#state.key, this.#state.vars);
  }

  // Resolves to the analyzer's version once the worker has loaded it.
  get ready() {
    return client(this.#workerUrl()).ready;
  }

  get text() { return this.#text; }

  set text(value) {
    this.analyze(String(value ?? '')).catch(() => {}); // reported by the hezhang-error event
  }

  // The last report shown (the hezhang.report/1 object), or null.
  get report() { return this.#report; }

  // Analyses text (a string); options: {name} (shown as the input's name in the JSON).
  // Resolves to the report object; the event hezhang-report carries it too, with the
  // exact JSON text (byte for byte what `hezhang check --format json` prints).
  async analyze(text, { name = 'text' } = {}) {
    if (typeof text !== 'string') throw new TypeError('hezhang-checker: text must be a string');
    this.#text = text;
    const run = ++this.#latest;
    this.#show('busy');
    try {
      const options = { name: String(name), encoding: 'utf-8', input_bytes: new TextEncoder().encode(text).length };
      const msg = await client(this.#workerUrl()).analyze(text, options);
      const report = JSON.parse(msg.json);
      if (run === this.#latest) {
        this.#report = report;
        this.#render(report);
      }
      this.dispatchEvent(new CustomEvent('hezhang-report', {
        bubbles: true, composed: true, detail: { report, json: msg.json, summary: report.summary, ms: msg.ms },
      }));
      return report;
    } catch (err) {
      if (run === this.#latest) this.#show('failed', { msg: err.message });
      this.dispatchEvent(new CustomEvent('hezhang-error', { bubbles: true, composed: true, detail: { message: err.message } }));
      throw err;
    }
  }

  #workerUrl() {
    const attr = this.getAttribute('worker');
    return attr ? new URL(attr, document.baseURI).href : WORKER;
  }

  #lang() {
    const lang = this.closest('[lang]')?.getAttribute('lang') || '';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  #t(key, vars = {}) {
    return TEXT[this.#lang()][key].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
  }

  #el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  #show(key, vars = {}) {
    this.#state = { key, vars };
    this.#status.textContent = this.#t(key, vars);
    this.#status.classList.toggle('error', key === 'failed');
    if (key === 'busy' || key === 'failed') { this.#counts.replaceChildren(); this.#list.replaceChildren(); }
  }

  // Counts and findings, as text only: a message may quote the report's own words.
  #render(report) {
    const s = report.summary || {};
    const zh = this.#lang() === 'zh';
    const findings = Array.isArray(report.findings) ? report.findings : [];
    this.#show('done', { n: findings.length });
    this.#counts.replaceChildren(
      this.#el('span', 'errors', this.#t('errors', { n: s.errors ?? 0 })),
      this.#el('span', 'warnings', this.#t('warnings', { n: s.warnings ?? 0 })),
      this.#el('span', 'rounding', this.#t('rounding', { n: s.rounding ?? 0 })),
      this.#el('span', 'passed', this.#t('passed', { n: `${s.passed ?? 0}/${s.checks ?? 0}` })));
    this.#list.setAttribute('aria-label', this.#t('findings'));
    this.#list.replaceChildren(...findings.map((f) => {
      const [a, b] = Array.isArray(f.lines) ? [f.lines[0], f.lines[f.lines.length - 1]] : [0, 0];
      const li = this.#el('li', `finding sev-${f.severity || 'info'}`);
      li.dataset.lines = `${a}-${b}`;
      li.append(this.#el('span', 'where', `${a === b ? this.#t('line', { a }) : this.#t('lines', { a, b })} · `),
        (zh ? f.message_zh : f.message_en) || f.message_zh || f.message_en || f.id || '');
      return li;
    }));
  }
}

if (!customElements.get('hezhang-checker')) customElements.define('hezhang-checker', HezhangChecker);
