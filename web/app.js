// 核账 page logic: input (paste, upload, drop, sample), the analysis worker, and the
// results (summary, findings, source view, tables view, checks ledger, exports), plus
// the <iframe> postMessage API for embedding (docs/embedding.md).
//
// Rules this file keeps:
// - The report text and everything derived from it (names, messages, cell text) is
//   untrusted: it reaches the DOM only through textContent / text nodes, never innerHTML.
// - The JSON report is rendered generically: unknown keys, statuses, rules and severities
//   are shown by their ids rather than dropped, so additions to the contract show up.
// - Stable hooks for automated tools (keep them): data-testid="report-input", "analyze",
//   "summary" (with data-errors / data-warnings / data-rounding once an analysis finished,
//   removed as soon as a new one starts), "finding" (data-lines="first-last");
//   <body data-state="ready"> once the WebAssembly module is loaded.
// - This file is also inlined verbatim into dist/hezhang.html (scripts/assemble-dist.mjs):
//   it imports nothing, and finds the inlined worker and sample through element ids.

// ---------------------------------------------------------------------------------------
// Text in two languages
// ---------------------------------------------------------------------------------------

const STRINGS = {
  zh: {
    skip: '跳到结果',
    title: '预决算报告核对',
    tagline: '检查政府部门预算、决算公开报告中的数字是否对得上。分析完全在本机浏览器中进行，报告内容不会离开这台电脑。',
    inputHeading: '报告',
    inputLabel: '报告文本（粘贴，或把 .txt / .md / .html / .csv 文件拖到这里）',
    placeholder: '在此粘贴预算或决算报告的文本……',
    analyze: '开始核对',
    cancel: '取消',
    upload: '上传文件',
    loadSample: '载入示例报告',
    loading: '正在加载分析模块……',
    ready: '分析模块已就绪（{ms} 毫秒）。请粘贴报告文本、上传文件或载入示例。',
    loadFailed: '分析模块加载失败：{msg}',
    busy: '正在分析……',
    done: '分析完成：{headline}共 {lines} 行，用时 {ms} 毫秒（其中核对 {analysisMs} 毫秒）。',
    cancelled: '已取消。分析模块正在重新加载……',
    failed: '分析出错：{msg}',
    empty: '请先粘贴报告文本，或上传一个文件。',
    badType: '只能读取 .txt、.md、.html、.htm、.csv 文件：“{name}” 不是。',
    readFailed: '无法读取文件“{name}”：{msg}',
    fileLoaded: '已载入文件“{name}”。',
    sampleLoaded: '已载入示例报告。',
    sampleFailed: '示例报告加载失败：{msg}',
    pasted: '粘贴的文本',
    sampleName: '示例报告',
    sourceName: '来源：{name}',
    encodingShown: '编码：{enc}',
    bytes: '{n} 字节',
    resultsHeading: '核对结果',
    summaryLabel: '核对摘要',
    viewsLabel: '视图',
    tabFindings: '问题与原文',
    tabTables: '表格',
    tabChecks: '核对项',
    filters: '显示',
    sevError: '错误',
    sevWarning: '警告',
    sevInfo: '尾差与提示',
    sourceHeading: '原文',
    exportJson: '导出 JSON',
    exportCsv: '导出 CSV',
    print: '打印核对摘要',
    footer: '核账在浏览器中用 WebAssembly 运行，不联网、不统计访问、不上传任何内容。',
    version: '版本 {v}',
    sumErrors: '重大错误',
    sumWarnings: '警告',
    sumRounding: '尾差（四舍五入范围内）',
    sumPassed: '通过的核对',
    headlineErrors: '发现 {n} 处数字对不上的重大错误。',
    headlineWarnings: '没有重大错误，但有 {n} 处需要留意的警告。',
    headlineClean: '没有发现问题。',
    headlineNothing: '没有找到可以核对的数字关系：这不表示报告没有问题。',
    headlineUnreadable: '无法分析这份输入。',
    docLine: '{kind}{year}{dept}{unit}',
    kindFinal: '决算',
    kindBudget: '预算',
    yearFmt: ' · {y} 年',
    unitFmt: ' · 单位：{u}',
    checkedLine: '共核对 {n} 项关系：{parts}。',
    noFindings: '没有发现问题：下列核对全部成立或仅有四舍五入尾差。',
    nothingChecked: '没有找到可以核对的表格或关系。核账能识别的是预算、决算公开报告中的标准表格（收入支出总表、支出决算表等）。',
    lineOne: '第 {a} 行',
    lineRange: '第 {a}–{b} 行',
    relatedLines: '相关行：{list}',
    expected: '应为',
    actual: '报告中',
    difference: '相差',
    gotoSource: '在原文中查看',
    familyCount: '{n} 处',
    claimsHeading: '正文中的数字',
    claimsLinked: '其中 {n} 个与表格对应',
    messagesHeading: '关于输入',
    tablesNone: '没有识别出表格。',
    tableLines: '第 {a}–{b} 行',
    tableUnit: '单位：{u}',
    tableTemplate: '表样：{t}',
    tableDeclaredEmpty: '报告声明此表为空表。',
    colLine: '行',
    cellFlag: '{rule}：{msg}',
    relatedFlag: '与第 {line} 行的问题有关',
    checksRule: '规则',
    checksTotal: '合计',
    checksNone: '没有核对任何关系。',
    requiredSections: '情况说明应有的部分',
    csvHeader: '规则,严重程度,性质,起始行,结束行,相关行,应为,报告中,相差,单位,说明',
  },
  en: {
    skip: 'Skip to results',
    title: 'budget report checker',
    tagline: 'Checks Chinese government budget and final-accounts reports for figures that do not add up. The analysis runs entirely in this browser: the report never leaves this computer.',
    inputHeading: 'Report',
    inputLabel: 'Report text (paste it, or drop a .txt / .md / .html / .csv file here)',
    placeholder: 'Paste the text of a budget or final-accounts report here…',
    analyze: 'Check',
    cancel: 'Cancel',
    upload: 'Upload a file',
    loadSample: 'Load the sample report',
    loading: 'Loading the analyzer…',
    ready: 'The analyzer is ready ({ms} ms). Paste a report, upload a file or load the sample.',
    loadFailed: 'The analyzer failed to load: {msg}',
    busy: 'Analysing…',
    done: 'Done: {headline} {lines} lines in {ms} ms ({analysisMs} ms of checking).',
    cancelled: 'Cancelled. Reloading the analyzer…',
    failed: 'The analysis failed: {msg}',
    empty: 'Paste the text of a report first, or upload a file.',
    badType: 'Only .txt, .md, .html, .htm and .csv files can be read; “{name}” is not one.',
    readFailed: 'Could not read “{name}”: {msg}',
    fileLoaded: 'Loaded “{name}”.',
    sampleLoaded: 'Sample report loaded.',
    sampleFailed: 'Could not load the sample report: {msg}',
    pasted: 'pasted text',
    sampleName: 'sample report',
    sourceName: 'Source: {name}',
    encodingShown: 'Encoding: {enc}',
    bytes: '{n} bytes',
    resultsHeading: 'Results',
    summaryLabel: 'Summary',
    viewsLabel: 'Views',
    tabFindings: 'Findings and text',
    tabTables: 'Tables',
    tabChecks: 'Checks',
    filters: 'Show',
    sevError: 'Errors',
    sevWarning: 'Warnings',
    sevInfo: 'Rounding and notes',
    sourceHeading: 'Report text',
    exportJson: 'Export JSON',
    exportCsv: 'Export CSV',
    print: 'Print the audit summary',
    footer: 'Hezhang runs in your browser with WebAssembly: no network, no analytics, nothing uploaded.',
    version: 'version {v}',
    sumErrors: 'material errors',
    sumWarnings: 'warnings',
    sumRounding: 'rounding differences',
    sumPassed: 'checks passed',
    headlineErrors: '{n} material error(s): figures that do not add up.',
    headlineWarnings: 'No material errors, but {n} warning(s) to look at.',
    headlineClean: 'No problems found.',
    headlineNothing: 'Nothing could be checked: this does not mean the report is correct.',
    headlineUnreadable: 'This input could not be analysed.',
    docLine: '{kind}{year}{dept}{unit}',
    kindFinal: 'Final accounts (决算)',
    kindBudget: 'Budget (预算)',
    yearFmt: ' · {y}',
    unitFmt: ' · unit: {u}',
    checkedLine: '{n} relations checked: {parts}.',
    noFindings: 'No problems found: every check below holds, or differs only by rounding.',
    nothingChecked: 'No table or relation that Hezhang can check was found. Hezhang reads the standard tables of budget and final-accounts disclosure reports (收入支出总表, 支出决算表, …).',
    lineOne: 'line {a}',
    lineRange: 'lines {a}–{b}',
    relatedLines: 'related lines: {list}',
    expected: 'expected',
    actual: 'printed',
    difference: 'difference',
    gotoSource: 'Show in the text',
    familyCount: '{n}',
    claimsHeading: 'Figures in the narrative',
    claimsLinked: '{n} matched to tables',
    messagesHeading: 'About the input',
    tablesNone: 'No tables were recognised.',
    tableLines: 'lines {a}–{b}',
    tableUnit: 'unit: {u}',
    tableTemplate: 'template: {t}',
    tableDeclaredEmpty: 'The report declares this table empty.',
    colLine: 'line',
    cellFlag: '{rule}: {msg}',
    relatedFlag: 'related to the finding on line {line}',
    checksRule: 'rule',
    checksTotal: 'total',
    checksNone: 'No relation was checked.',
    requiredSections: 'Required parts of the explanation',
    csvHeader: 'rule,severity,materiality,first_line,last_line,related_lines,expected,actual,difference,unit,message',
  },
};

// Short names of the rule families (their registry is core/rules/engine.cpp); an id
// not listed here is shown as it is.
const RULES = {
  'formula.printed': { zh: '表下印刷的公式', en: 'Formulas printed under tables' },
  'hierarchy.sum': { zh: '合计与明细（类、款、项）', en: 'Totals against their items' },
  'template.columns': { zh: '栏与栏的关系', en: 'Column relations' },
  'template.rows': { zh: '总表的行关系', en: 'Summary-table rows' },
  'cross.tables': { zh: '表与表之间的同一数字', en: 'The same figure in several tables' },
  'cross.income_columns': { zh: '收入总表与收入决算表', en: 'Income lines against income columns' },
  'performance.targets': { zh: '绩效目标', en: 'Performance targets' },
  'performance.execution': { zh: '绩效自评的执行率与得分', en: 'Self-evaluation rates and scores' },
  'performance.scores': { zh: '绩效自评的总分', en: 'Self-evaluation total scores' },
  'tables.declared_empty': { zh: '空表与缺表', en: 'Empty and missing tables' },
  'three_public.items': { zh: '“三公”经费', en: '“Three public” expenses' },
  'names.consistent': { zh: '科目名称一致', en: 'Consistent item names' },
  'narrative.table': { zh: '情况说明与表格', en: 'Narrative against the tables' },
  'narrative.percent': { zh: '情况说明中的占比', en: 'Shares stated in the narrative' },
  'narrative.growth': { zh: '增减额与增减率', en: 'Changes and growth rates' },
  'narrative.completion': { zh: '预算完成率', en: 'Budget completion rates' },
  'narrative.parts': { zh: '各部分之和', en: 'Parts and their whole' },
  'narrative.repeated': { zh: '同一数字多次出现', en: 'Figures stated twice' },
  'narrative.sections': { zh: '情况说明是否齐全', en: 'Sections of the explanation' },
};

// Ledger statuses (docs/json-contract.md); unknown ones are shown by id.
const STATUSES = {
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '不成立', en: 'failed' },
  rounding: { zh: '尾差', en: 'rounding' },
  not_applicable: { zh: '不适用', en: 'not applicable' },
  insufficient_data: { zh: '数据不足', en: 'insufficient data' },
  ambiguous: { zh: '无法确定', en: 'ambiguous' },
};

const SEVERITIES = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'note' },
};
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

let lang = 'zh';

// A value in vars may be a function: it is called each time, in the current language.
function t(key, vars = {}) {
  const template = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const v = vars[name];
    return v == null ? '' : String(typeof v === 'function' ? v() : v);
  });
}

function named(table, id) {
  const entry = table[id];
  return entry ? entry[lang] : String(id);
}

function message(obj) {
  return (lang === 'en' ? obj.message_en : obj.message_zh) || obj.message_zh || obj.message_en || obj.id || '';
}

// ---------------------------------------------------------------------------------------
// Small DOM helpers: every string goes in as a text node.
// ---------------------------------------------------------------------------------------

const $ = (selector) => document.querySelector(selector);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const ui = {
  body: document.body,
  input: $('#report-input'),
  analyze: $('#analyze'),
  cancel: $('#cancel'),
  upload: $('#upload'),
  sample: $('#load-sample'),
  dropzone: $('#input-section'),
  sourceName: $('#source-name'),
  sourceEncoding: $('#source-encoding'),
  status: $('#status'),
  skip: $('.skip'),
  results: $('#results'),
  summary: $('#summary'),
  messages: $('#messages'),
  filters: $('#filters'),
  findings: $('#findings'),
  claims: $('#claims'),
  source: $('#source'),
  tables: $('#tables'),
  checks: $('#checks'),
  lang: $('#lang'),
  version: $('#version'),
  tabs: [...document.querySelectorAll('[role="tab"]')],
};

// ---------------------------------------------------------------------------------------
// The worker
// ---------------------------------------------------------------------------------------

// The worker always starts from a Blob, so that it inherits this page's CSP
// (connect-src 'none') whatever the host sends. Served: a module Blob importing
// worker.js; dist/hezhang.html: the whole worker (with the WebAssembly) is inlined in
// the page as a classic script (file:// pages cannot start module workers from Blobs).
function workerSource() {
  const inline = document.getElementById('hezhang-worker');
  if (inline) return { code: inline.textContent, type: 'classic' };
  return { code: `import ${JSON.stringify(new URL('worker.js', document.baseURI).href)};\n`, type: 'module' };
}

const engine = {
  worker: null,
  ready: null, // Promise<{type: 'ready', version}>
  version: '',
  nextId: 1,
  pending: new Map(), // id -> {resolve, reject}

  start() {
    const { code, type } = workerSource();
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const worker = new Worker(url, { type });
    this.worker = worker;
    ui.body.dataset.state = 'loading';
    this.ready = new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        const msg = event.data || {};
        if (msg.type === 'ready') {
          URL.revokeObjectURL(url);
          this.version = msg.version;
          resolve(msg);
        } else if (msg.type === 'result' || msg.type === 'error') {
          if (msg.id == null) { reject(new Error(msg.message)); return; }
          const p = this.pending.get(msg.id);
          if (!p) return;
          this.pending.delete(msg.id);
          if (msg.type === 'result') p.resolve(msg); else p.reject(new Error(msg.message));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const err = new Error(event.message || 'worker error');
        reject(err); // if it was still loading
        for (const p of this.pending.values()) p.reject(err); // if it died while analysing
        this.pending.clear();
      };
    });
    this.ready.catch(() => {}); // reported by whoever awaits it
    return this.ready;
  },

  analyze(text, options) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'analyze', id, text, options });
    });
  },

  // Gives the worker the sample (already loaded with the page: no request) to warm up
  // with once it is ready, off the critical path (worker.js says how).
  async warmUp() {
    const { worker } = this;
    try {
      worker.postMessage({ type: 'warm-up', text: await sampleText() });
    } catch { /* no sample: the worker warms up with its own tiny text */ }
  },

  // A WebAssembly call cannot be interrupted: drop the worker and start afresh.
  restart() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(Object.assign(new Error('cancelled'), { cancelled: true }));
    this.pending.clear();
    return this.start();
  },
};

function onEngineReady(promise) {
  const t0 = performance.now();
  promise.then(
    (msg) => {
      ui.body.dataset.state = 'ready';
      ui.analyze.disabled = false;
      ui.version.textContent = t('version', { v: msg.version });
      setStatus('ready', { ms: Math.round(performance.now() - t0) });
      embed.ready(msg.version);
      engine.warmUp();
    },
    (err) => {
      ui.body.dataset.state = 'error';
      setStatus('loadFailed', { msg: err.message }, true);
    },
  );
}

// ---------------------------------------------------------------------------------------
// Status line and input
// ---------------------------------------------------------------------------------------

let statusKey = { key: 'loading', vars: {}, error: false };

function setStatus(key, vars = {}, error = false) {
  statusKey = { key, vars, error };
  ui.status.textContent = t(key, vars);
  ui.status.classList.toggle('error', error);
}

// The text to analyse: a loaded file's exact decoded text (the text area normalises line
// ends) until the user edits it; then whatever the text area holds.
let source = null; // {text, name, encoding, bytes} or null for pasted text

// A text given as a string (pasted, the sample, an embedder's): UTF-8, its size in bytes.
function textInput(text, name) {
  return { text, name, encoding: 'utf-8', bytes: new TextEncoder().encode(text).length };
}

function showSource() {
  if (source) {
    ui.sourceName.textContent = `${t('sourceName', { name: source.name })} · ${t('bytes', { n: source.bytes })}`;
    ui.sourceEncoding.textContent = t('encodingShown', { enc: source.encoding.toUpperCase() });
    ui.sourceEncoding.dataset.encoding = source.encoding;
  } else {
    ui.sourceName.textContent = '';
    ui.sourceEncoding.textContent = '';
    delete ui.sourceEncoding.dataset.encoding;
  }
}

ui.input.addEventListener('input', () => {
  if (source) { source = null; showSource(); }
});

// UTF-16 when the bytes start with its byte-order mark (Windows' "Unicode" text; no
// UTF-8 or GB18030 text starts so); else UTF-8 if the bytes are valid UTF-8, else
// GB18030 (a superset of GBK and GB2312, which is what these reports use when they are
// not UTF-8). The CLI decides the same way.
function decode(bytes) {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      // Not valid UTF-16 after all: read on as below, and the checker says what it is.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const ACCEPTED = /\.(txt|md|html?|csv)$/i;

async function loadFile(file) {
  if (!ACCEPTED.test(file.name)) {
    setStatus('badType', { name: file.name }, true);
    return;
  }
  clearResultCounts(); // before reading: the shown counts are no longer this input's
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    setStatus('readFailed', { name: file.name, msg: err.message }, true);
    return;
  }
  const { text, encoding } = decode(bytes);
  ui.input.value = text;
  source = { text, name: file.name, encoding, bytes: bytes.byteLength };
  showSource();
  setStatus('fileLoaded', { name: file.name });
  runAnalysis();
}

ui.upload.addEventListener('change', () => {
  const file = ui.upload.files && ui.upload.files[0];
  if (file) loadFile(file);
  ui.upload.value = ''; // choosing the same file again still fires "change"
});

for (const type of ['dragenter', 'dragover']) {
  ui.dropzone.addEventListener(type, (event) => {
    if (!event.dataTransfer || ![...event.dataTransfer.types].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    ui.dropzone.classList.add('dragging');
  });
}
ui.dropzone.addEventListener('dragleave', (event) => {
  if (!ui.dropzone.contains(event.relatedTarget)) ui.dropzone.classList.remove('dragging');
});
ui.dropzone.addEventListener('drop', (event) => {
  ui.dropzone.classList.remove('dragging');
  const file = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});

// The sample: inlined in dist/hezhang.html; served, sample.js (preloaded with the page,
// so this import makes no request).
async function sampleText() {
  const inline = document.getElementById('hezhang-sample');
  if (inline) return JSON.parse(inline.textContent);
  return (await import('./sample.js')).default;
}

ui.sample.addEventListener('click', async () => {
  clearResultCounts();
  let text;
  try {
    text = await sampleText();
  } catch (err) {
    setStatus('sampleFailed', { msg: err.message }, true);
    return;
  }
  ui.input.value = text;
  source = textInput(text, t('sampleName'));
  showSource();
  setStatus('sampleLoaded');
  runAnalysis();
});

// ---------------------------------------------------------------------------------------
// Running an analysis
// ---------------------------------------------------------------------------------------

const SUMMARY_ATTRS = ['errors', 'warnings', 'rounding', 'infos', 'passed', 'checks', 'analysisMs'];

// Drops the previous result's counts at once, so that a tool waiting for them waits
// for the run that is starting ('busy'), or for one not started yet ('idle').
function clearResultCounts(state = 'busy') {
  for (const a of SUMMARY_ATTRS) delete ui.summary.dataset[a];
  ui.summary.dataset.state = state;
}

let current = null; // {report, json, text, input, ms, totalMs}
let busy = null; // the running analysis' promise

function currentInput() {
  return source || textInput(ui.input.value, t('pasted'));
}

async function analyzeInput(input) {
  await engine.ready;
  const options = { name: input.name, encoding: input.encoding, input_bytes: input.bytes };
  return engine.analyze(input.text, options);
}

// Where focus goes once the results are shown: to the summary (its headline is read
// out, and the keyboard goes on from the results), unless the user is typing, moved
// elsewhere meanwhile, or the run was not theirs (an embedder's). After the results'
// first frame: focus() scrolls, which would lay out the whole page at once first.
function focusSummary(startedFrom) {
  requestAnimationFrame(() => setTimeout(() => {
    const now = document.activeElement;
    const editing = now?.matches?.('textarea, input:not([type="file"]):not([type="checkbox"]), [contenteditable]');
    if (!now || now === document.body || (now === startedFrom && !editing)) ui.summary.focus();
  }, 0));
}

// From the page (button, upload, sample) or from the embedding parent (origin checked).
async function runAnalysis(input = currentInput(), { allowEmpty = false, moveFocus = true } = {}) {
  if (busy) return null;
  if (!input.text.length && !allowEmpty) {
    setStatus('empty', {}, true);
    ui.input.focus();
    return null;
  }
  clearResultCounts();
  ui.analyze.disabled = true;
  ui.cancel.hidden = false;
  setStatus('busy');
  const startedFrom = document.activeElement;
  const t0 = performance.now();
  busy = analyzeInput(input);
  try {
    const msg = await busy;
    const report = JSON.parse(msg.json);
    current = { report, json: msg.json, text: input.text, input, ms: msg.ms, totalMs: 0 };
    renderAll();
    current.totalMs = performance.now() - t0;
    setStatus('done', {
      headline: () => headlineOf(report).headline,
      lines: report.input?.lines ?? '?',
      ms: Math.round(current.totalMs),
      analysisMs: Math.round(msg.ms),
    });
    if (moveFocus) focusSummary(startedFrom);
    return current;
  } catch (err) {
    ui.summary.dataset.state = 'error';
    if (err.cancelled) setStatus('cancelled');
    else setStatus('failed', { msg: err.message }, true);
    throw err;
  } finally {
    busy = null;
    ui.cancel.hidden = true;
    ui.analyze.disabled = ui.body.dataset.state !== 'ready';
  }
}

ui.analyze.addEventListener('click', () => { runAnalysis().catch(() => {}); });
ui.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runAnalysis().catch(() => {});
  }
});
ui.cancel.addEventListener('click', () => onEngineReady(engine.restart()));

// ---------------------------------------------------------------------------------------
// Rendering the report
// ---------------------------------------------------------------------------------------

function renderAll() {
  selectedFinding = null;
  claimsOpen = false;
  ui.results.hidden = false;
  ui.skip.hidden = false; // it leads to the results, which exist now
  renderReport(current.report);
  renderSource(current.text);
}

// The results as before any analysis: nothing drawn, no counts, hidden.
function clearResults() {
  current = null;
  selectedFinding = null;
  claimsOpen = false;
  findingsList = [];
  tablesRendered = false;
  checksRendered = false;
  tip.hide();
  for (const node of [ui.summary, ui.messages, ui.findings, ui.claims, ui.source, ui.tables, ui.checks]) node.replaceChildren();
  clearResultCounts('idle');
  ui.summary.className = 'summary';
  for (const span of ui.filters.querySelectorAll('[data-count]')) span.textContent = '';
  clearSource();
  ui.results.hidden = true;
  ui.skip.hidden = true;
}

// The first results drawn cost far more than later ones: the drawing code is compiled
// at its first run (on a busy machine the main thread then also waits on the
// WebAssembly compiler's threads), and the browser sets up each font, size and weight
// the results use. (Chinese characters no longer cost a request to the browser's main
// process each: style.css names the CJK fonts.) So at start-up, while the worker loads,
// this small report, with one of each thing the results show, is drawn out of sight
// (.results.warming: laid out, never painted), one view per task, each laid out and
// cleared within its task: no frame shows it and no accessibility tree holds it
// (tests/browser/warm-up.test.mjs). Not once the user has started an analysis.
const WARM_UP = {
  text: '收入支出决算总表\n金额单位：万元\n本年收入合计\t12.00\n2020年收入合计10.00万元，增长25.0%。',
  report: {
    input: { lines: 4 },
    document: { kind: 'final_accounts', year: 2020, department: '部门', unit: '万元' },
    messages: [{ id: 'warm-up', severity: 'warning', line: 1, message_zh: '表格单位按“万元”读取。', message_en: 'Read in 万元.' }],
    tables: [{
      id: 't1', label: '表1', title: '收入支出决算总表', template: 'final.summary', lines: [1, 3], unit: '万元',
      declared_empty: false,
      columns: [{ index: 0, group: 0, header: '项目', key: 'name' }, { index: 1, group: 0, header: '决算数', key: 'amount' }],
      rows: [{ line: 3, group: 0, code: '', name: '本年收入合计', cells: [{ column: 1, text: '12.00', kind: 'amount', value: '12.00' }] }],
    }],
    claims: [{ line: 4, text: '10.00万元', subject: 'income_year', relation: 'value', value: '10.00', unit: '万元' }],
    findings: [
      { rule: 'formula.printed', severity: 'error', materiality: 'material', lines: [3, 3], related_lines: [4],
        expected: '10.00', actual: '12.00', difference: '2.00', unit: '万元', message_zh: '本年收入合计决算数为 12.00 万元，应为 10.00 万元（相差 2.00 万元）。' },
      { rule: 'narrative.growth', severity: 'warning', materiality: 'material', lines: [4, 4],
        expected: '25.0', actual: '20.0', difference: '5.0', unit: '%', message_zh: '比上年增长率应为 25.0%。' },
      { rule: 'hierarchy.sum', severity: 'info', materiality: 'rounding', lines: [3, 3],
        expected: '12.01', actual: '12.00', difference: '0.01', unit: '万元', message_zh: '合计与明细之和相差 0.01 万元，在四舍五入范围内。' },
    ],
    checks: [{ rule: 'formula.printed', status: 'failed' }, { rule: 'hierarchy.sum', status: 'rounding' }, { rule: 'template.rows', status: 'passed' }],
    required_sections: [{ topic: 'income', state: 'present', line: 4 }],
    summary: { checks: 3, passed: 1, failed: 1, rounding: 1, errors: 1, warnings: 1, infos: 1, claims_linked: 0 },
  },
};

// One view of the warm-up report drawn and laid out, then everything cleared.
function warmUpStep(draw) {
  if (current || busy || ui.summary.dataset.state !== 'idle') return false;
  // No catch: a drawing error here is the same bug a real report would meet, and the
  // browser tests fail on any page error.
  try {
    ui.results.classList.add('warming');
    current = { report: WARM_UP.report, ms: 0 }; // what the drawing reads of a run
    ui.results.hidden = false;
    draw(WARM_UP.report);
    void ui.results.offsetHeight; // style and layout: the fonts are looked up here
  } finally {
    clearResults();
    ui.results.classList.remove('warming');
  }
  return true;
}

function warmUpDrawing() {
  const steps = [
    (report) => renderReport(report),
    () => { renderSource(WARM_UP.text); lineElement(1); },
    (report) => { renderTables(report); renderChecks(report); ui.claims.append(objectTable(report.claims, 'claims-table', '')); },
  ];
  const next = () => { if (steps.length && warmUpStep(steps.shift())) setTimeout(next, 0); };
  setTimeout(next, 0);
}

// Everything drawn from the report: after each run, and again in the other language.
// The tables and checks panels are drawn when shown (or printed), not every time.
function renderReport(report) {
  renderSummary(report);
  renderMessages(report);
  renderFindings(report);
  renderClaims(report);
  tablesRendered = false;
  checksRendered = false;
  if (!$('#panel-tables').hidden) renderTables(report);
  if (!$('#panel-checks').hidden) renderChecks(report);
}

function lineLabel(first, last) {
  return first === last || !last ? t('lineOne', { a: first }) : t('lineRange', { a: first, b: last });
}

function firstLast(f) {
  // The contract has lines:[first,last]; first_line/last_line are accepted too.
  const lines = Array.isArray(f.lines) ? f.lines : [];
  const first = Number(f.first_line ?? lines[0] ?? f.line ?? 0);
  const last = Number(f.last_line ?? lines[lines.length - 1] ?? first);
  return [first, Math.max(first, last)];
}

function statusCounts(report) {
  // Every status, known or new: from the ledger when present, else from the summary.
  const counts = new Map();
  for (const c of report.checks || []) counts.set(c.status, (counts.get(c.status) || 0) + 1);
  if (!counts.size && report.summary) {
    for (const s of Object.keys(STATUSES)) if (report.summary[s]) counts.set(s, report.summary[s]);
  }
  return counts;
}

// A message of severity error: nothing of the input could be read.
function unreadable(report) {
  return (report.messages || []).some((m) => m.severity === 'error');
}

// Relations actually decided (not "not applicable", "insufficient data" or "ambiguous"):
// with none, "no findings" would be a false reassurance.
function evaluatedChecks(summary = {}) {
  return (summary.passed || 0) + (summary.failed || 0) + (summary.rounding || 0);
}

function checkedLine(report) {
  const counts = statusCounts(report);
  const parts = [...counts].map(([s, n]) => `${named(STATUSES, s)} ${n}`).join(lang === 'zh' ? '，' : ', ');
  const total = report.summary?.checks ?? [...counts.values()].reduce((a, b) => a + b, 0);
  return t('checkedLine', { n: total, parts });
}

// The one-sentence verdict (summary banner and status line) and its tone.
function headlineOf(report) {
  const s = report.summary || {};
  if (unreadable(report)) return { headline: t('headlineUnreadable'), tone: 'error' };
  if (s.errors) return { headline: t('headlineErrors', { n: s.errors }), tone: 'error' };
  if (s.warnings) return { headline: t('headlineWarnings', { n: s.warnings }), tone: 'warning' };
  if (!evaluatedChecks(s)) return { headline: t('headlineNothing'), tone: 'nothing' };
  return { headline: t('headlineClean'), tone: 'clean' };
}

function renderSummary(report) {
  const s = report.summary || {};
  const errors = s.errors ?? 0;
  const warnings = s.warnings ?? 0;
  const { headline, tone } = headlineOf(report);

  const stat = (n, key, cls) => el('div', { class: `stat ${cls}` },
    el('span', { class: 'n', text: String(n) }), el('span', { class: 'label', text: t(key) }));
  const passed = `${s.passed ?? 0}/${s.checks ?? 0}`;
  const doc = report.document || {};
  const kind = doc.kind === 'final_accounts' ? t('kindFinal') : doc.kind === 'budget' ? t('kindBudget') : '';
  const docLine = t('docLine', {
    kind,
    year: doc.year ? t('yearFmt', { y: doc.year }) : '',
    dept: doc.department ? ` · ${doc.department}` : '',
    unit: doc.unit ? t('unitFmt', { u: doc.unit }) : '',
  }).replace(/^ · /, '');

  ui.summary.replaceChildren(
    el('p', { class: 'headline', id: 'summary-headline', text: headline }),
    el('div', { class: 'stats', id: 'summary-stats' },
      stat(errors, 'sumErrors', 'error'),
      stat(warnings, 'sumWarnings', 'warning'),
      stat(s.rounding ?? 0, 'sumRounding', 'rounding'),
      stat(passed, 'sumPassed', 'passed')),
    docLine ? el('p', { class: 'doc', text: docLine }) : null,
  );
  ui.summary.className = `summary tone-${tone}`;
  const d = ui.summary.dataset;
  d.errors = String(errors);
  d.warnings = String(warnings);
  d.rounding = String(s.rounding ?? 0);
  d.infos = String(s.infos ?? 0);
  d.passed = String(s.passed ?? 0);
  d.checks = String(s.checks ?? 0);
  d.analysisMs = current.ms.toFixed(1);
  d.state = 'done';
}

function renderMessages(report) {
  const list = report.messages || [];
  if (!list.length) { ui.messages.replaceChildren(); return; }
  ui.messages.replaceChildren(
    el('h3', { text: t('messagesHeading') }),
    el('ul', {}, ...list.map((m) => el('li', { class: `message sev-${m.severity}`, dataset: { id: m.id || '' } },
      el('span', { class: 'badge', text: named(SEVERITIES, m.severity) }), ' ',
      m.line ? el('span', { class: 'where', text: `${lineLabel(m.line, m.line)} · ` }) : null,
      message(m)))),
  );
}

// |a| compared with |b| for exact decimal strings ("-72.00", "0.01"): no floating point.
function compareAbsDecimal(a, b) {
  const norm = (s) => {
    const m = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(String(s || '').trim());
    if (!m) return null;
    return { int: m[1].replace(/^0+/, ''), frac: (m[2] || '').replace(/0+$/, '') };
  };
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  if (x.int.length !== y.int.length) return x.int.length - y.int.length;
  if (x.int !== y.int) return x.int < y.int ? -1 : 1;
  return x.frac === y.frac ? 0 : x.frac < y.frac ? -1 : 1;
}

function sameDecimal(a, b) {
  if (a == null || a === '' || b == null || b === '') return false;
  return compareAbsDecimal(a, b) === 0 && String(a).trim().startsWith('-') === String(b).trim().startsWith('-');
}

function byImportance(a, b) {
  return compareAbsDecimal(b.difference, a.difference)
    || (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3)
    || firstLast(a)[0] - firstLast(b)[0];
}

// A finding: a list item that a click anywhere selects; its line label is the button
// that keyboard and screen-reader users press (named "lines … · show in the text",
// described by the message).
function findingElement(f, index) {
  const [first, last] = firstLast(f);
  const related = (f.related_lines || []).filter((n) => n < first || n > last);
  const sev = f.severity || 'info';
  const figures = [];
  const unit = f.unit ? ` ${f.unit}` : '';
  if (f.expected !== undefined && f.expected !== '') figures.push([t('expected'), f.expected + unit]);
  if (f.actual !== undefined && f.actual !== '') figures.push([t('actual'), f.actual + unit]);
  if (f.difference !== undefined && f.difference !== '') figures.push([t('difference'), f.difference + unit]);
  const msgId = `finding-msg-${index}`;
  return el('li', {
    class: `finding sev-${sev} mat-${f.materiality || ''}`,
    dataset: { testid: 'finding', lines: `${first}-${last}`, severity: sev, materiality: f.materiality || '', rule: f.rule || '', index: String(index) },
  },
  el('div', { class: 'finding-head' },
    el('span', { class: `badge sev-${sev}`, text: f.materiality === 'rounding' ? named(STATUSES, 'rounding') : named(SEVERITIES, sev) }),
    gotoButton(first, last, { 'aria-describedby': msgId })),
  el('p', { class: 'msg', id: msgId, text: message(f) }),
  figures.length ? el('dl', { class: 'figures' },
    ...figures.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])) : null,
  related.length ? el('p', { class: 'related', text: t('relatedLines', { list: related.join(', ') }) }) : null);
}

// The button that shows lines in the source view (findings, claims): the line label,
// then "show in the text" for screen readers.
function gotoButton(first, last, props = {}) {
  return el('button', { type: 'button', class: 'goto', ...props },
    lineLabel(first, last), el('span', { class: 'visually-hidden', text: ` · ${t('gotoSource')}` }));
}

let findingsList = []; // the findings in display order, index = data-index
// The finding the user chose: the report's own object, so that the choice survives the
// list being drawn again (language switch); cleared by a new analysis.
let selectedFinding = null;

function renderFindings(report) {
  const findings = Array.isArray(report.findings) ? report.findings : [];
  const frag = document.createDocumentFragment();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] || 0) + 1;
  for (const [sev, n] of Object.entries(counts)) {
    const span = ui.filters.querySelector(`[data-count="${sev}"]`);
    if (span) span.textContent = `(${n})`;
  }

  if (!findings.length) {
    const s = report.summary || {};
    if (!unreadable(report)) {
      const clean = evaluatedChecks(s) > 0;
      frag.append(el('p', { class: `none ${clean ? 'clean' : 'nothing'}`, dataset: { testid: 'no-findings' }, text: clean ? t('noFindings') : t('nothingChecked') }));
      if (s.checks) frag.append(el('p', { class: 'checked', text: checkedLine(report) }));
    }
    findingsList = [];
    ui.findings.replaceChildren(frag);
    return;
  }

  // Group by rule family; families with the worst severity and largest difference first.
  const groups = new Map();
  for (const f of findings) {
    if (!groups.has(f.rule)) groups.set(f.rule, []);
    groups.get(f.rule).push(f);
  }
  for (const list of groups.values()) list.sort(byImportance);
  const ordered = [...groups].sort(([, a], [, b]) =>
    Math.min(...a.map((f) => SEVERITY_RANK[f.severity] ?? 3)) - Math.min(...b.map((f) => SEVERITY_RANK[f.severity] ?? 3))
    || byImportance(a[0], b[0]));

  findingsList = [];
  for (const [rule, list] of ordered) {
    const ol = el('ol', { class: 'finding-list' });
    for (const f of list) {
      const li = findingElement(f, findingsList.length);
      if (f === selectedFinding) markSelected(li);
      findingsList.push(f);
      ol.append(li);
    }
    frag.append(el('section', { class: 'family', dataset: { rule } },
      el('h3', {}, named(RULES, rule), ' ', el('code', { text: rule }), ' ',
        el('span', { class: 'count', text: t('familyCount', { n: list.length }) })),
      ol));
  }
  frag.append(el('p', { class: 'checked', text: checkedLine(report) }));
  ui.findings.replaceChildren(frag);
  applyFilters();
}

function applyFilters() {
  const shown = new Set([...ui.filters.querySelectorAll('input:checked')].map((i) => i.value));
  const known = new Set(['error', 'warning', 'info']);
  for (const li of ui.findings.querySelectorAll('.finding')) {
    const sev = li.dataset.severity;
    li.hidden = known.has(sev) && !shown.has(sev);
  }
  for (const fam of ui.findings.querySelectorAll('.family')) {
    fam.hidden = !fam.querySelector('.finding:not([hidden])');
  }
}
ui.filters.addEventListener('change', applyFilters);

// Claims (figures read from the narrative): a table whose columns are whatever keys
// the claims carry, so the contract can grow without this page changing.
function cellText(value) {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map(cellText).join('–');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// A table of objects whose columns are the keys they carry. A row with a line starts
// with a button that shows that line in the source view (a click anywhere on the row
// does too: class "claim", handled below).
function objectTable(items, cls, label) {
  const keys = [];
  for (const c of items) for (const k of Object.keys(c)) if (!keys.includes(k)) keys.push(k);
  const tbody = el('tbody');
  for (const c of items) {
    const [first, last] = firstLast(c);
    tbody.append(el('tr', { class: 'claim', dataset: first ? { lines: `${first}-${last}` } : {} },
      el('td', {}, first ? gotoButton(first, last) : null),
      ...keys.map((k) => el('td', { text: cellText(c[k]) }))));
  }
  return scrollRegion(label, el('table', { class: cls },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('colLine') }), ...keys.map((k) => el('th', { scope: 'col', text: k })))),
    tbody));
}

// A box that scrolls sideways: focusable, so that the keyboard can scroll it, and named.
function scrollRegion(label, child) {
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label }, child);
}

let claimsOpen = false; // the claims list is open; cleared by a new analysis

function renderClaims(report) {
  const claims = Array.isArray(report.claims) ? report.claims : [];
  if (!claims.length) { ui.claims.replaceChildren(); return; }
  const linked = report.summary?.claims_linked;
  const details = el('details', {},
    el('summary', { text: `${t('claimsHeading')} (${claims.length}${linked != null ? ` · ${t('claimsLinked', { n: linked })}` : ''})` }));
  // Drawn when first opened: a long report has thousands.
  details.addEventListener('toggle', () => {
    claimsOpen = details.open;
    if (details.open && !details.querySelector('table')) details.append(objectTable(claims, 'claims-table', t('claimsHeading')));
  });
  details.open = claimsOpen; // drawn again (language switch): as the user left it
  ui.claims.replaceChildren(details);
}

// ---------------------------------------------------------------------------------------
// Source view: line numbers, highlighted lines. Lines are drawn in chunks as they scroll
// into view, so a 20 MB report does not build hundreds of thousands of elements at once.
// ---------------------------------------------------------------------------------------

const CHUNK = 200;
let sourceLines = [];
let chunkObserver = null;
const highlight = { main: new Set(), related: new Set() };

// Same line ends as the core: \r\n, \n and a lone \r; a final line end opens no new line.
function splitLines(text) {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function clearSource() {
  sourceLines = [];
  highlight.main.clear();
  highlight.related.clear();
  if (chunkObserver) chunkObserver.disconnect();
  chunkObserver = null;
}

function renderSource(text) {
  clearSource();
  sourceLines = splitLines(text);
  chunkObserver = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) fillChunk(e.target);
  }, { root: ui.source, rootMargin: '600px 0px' });
  const frag = document.createDocumentFragment();
  for (let start = 0; start < sourceLines.length; start += CHUNK) {
    const n = Math.min(CHUNK, sourceLines.length - start);
    const chunk = el('div', { class: 'chunk', dataset: { first: String(start + 1), count: String(n) } });
    chunk.style.setProperty('--lines', String(n));
    frag.append(chunk);
    chunkObserver.observe(chunk);
  }
  ui.source.replaceChildren(frag);
  ui.source.style.setProperty('--digits', String(String(sourceLines.length).length));
  // Not now: setting scrollTop forces a layout of the whole page before the results
  // are even complete; in the next frame it joins the layout that happens anyway.
  requestAnimationFrame(() => { ui.source.scrollTop = 0; });
}

function fillChunk(chunk) {
  if (chunk.dataset.filled) return;
  chunk.dataset.filled = '1';
  chunkObserver.unobserve(chunk);
  const first = Number(chunk.dataset.first);
  const n = Number(chunk.dataset.count);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < n; i++) {
    const line = first + i;
    const div = document.createElement('div');
    div.className = 'ln';
    div.dataset.line = String(line);
    div.textContent = sourceLines[line - 1];
    const hl = highlight.main.has(line) ? 'main' : highlight.related.has(line) ? 'related' : null;
    if (hl) div.dataset.hl = hl;
    frag.append(div);
  }
  chunk.append(frag);
  chunk.classList.add('filled');
}

function lineElement(line) {
  if (line < 1 || line > sourceLines.length) return null;
  const chunk = ui.source.children[Math.floor((line - 1) / CHUNK)];
  if (!chunk) return null;
  fillChunk(chunk);
  return chunk.children[(line - 1) % CHUNK];
}

function setHighlight(main, related) {
  // One pass over the drawn lines (not a selector query per highlighted line).
  for (const node of ui.source.querySelectorAll('.ln[data-hl]')) delete node.dataset.hl;
  highlight.main.clear();
  highlight.related.clear();
  for (const line of related) highlight.related.add(line);
  for (const line of main) { highlight.related.delete(line); highlight.main.add(line); }
  for (const [set, value] of [[highlight.related, 'related'], [highlight.main, 'main']]) {
    for (const line of set) {
      const node = lineElement(line);
      if (node) node.dataset.hl = value;
    }
  }
}

function showLines(first, last, related = []) {
  const main = [];
  for (let l = first; l <= last && main.length < 5000; l++) main.push(l);
  setHighlight(main, related);
  const node = lineElement(first);
  if (!node) return;
  // Scroll the source box only (not the list the user is reading), then make sure the
  // box itself is on screen (on a phone it sits below the list).
  const box = ui.source; // position: relative, so offsetTop is within the box
  const top = node.offsetTop;
  box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  const rect = box.getBoundingClientRect();
  if (rect.bottom < 0 || rect.top > window.innerHeight) box.scrollIntoView({ block: 'nearest' });
}

// The selected finding carries aria-current on the list item (a stable hook) and on its
// button (which is what a screen reader is on when it is pressed).
function markSelected(li) {
  for (const node of ui.findings.querySelectorAll('[aria-current]')) node.removeAttribute('aria-current');
  for (const node of ui.findings.querySelectorAll('.finding.selected')) node.classList.remove('selected');
  li.classList.add('selected');
  li.setAttribute('aria-current', 'true');
  li.querySelector('.goto')?.setAttribute('aria-current', 'true');
}

function selectFinding(li) {
  markSelected(li);
  const f = findingsList[Number(li.dataset.index)];
  selectedFinding = f;
  const [first, last] = firstLast(f);
  showLines(first, last, f.related_lines || []);
}

// A click anywhere on a finding, or its button pressed (Enter and Space click buttons).
ui.findings.addEventListener('click', (event) => {
  const li = event.target.closest('.finding');
  if (li) selectFinding(li);
});
for (const container of [ui.claims, ui.checks]) {
  container.addEventListener('click', (event) => {
    const row = event.target.closest('.claim[data-lines]');
    if (!row) return;
    if ($('#panel-findings').hidden) selectTab($('#tab-findings'));
    const [first, last] = row.dataset.lines.split('-').map(Number);
    showLines(first, last);
  });
}

// ---------------------------------------------------------------------------------------
// Tables view (drawn when first shown, and before printing)
// ---------------------------------------------------------------------------------------

let tablesRendered = false;

// Which cells each finding points at: on the finding's own lines, the cells printing the
// figure found wrong (its "actual"); a finding with no figure (e.g. a name) marks the
// code and name. Lines related to a finding are marked more lightly.
function cellFlags(report) {
  const flags = new Map(); // line -> [{finding, actual}]
  const related = new Map(); // line -> first line of the finding
  for (const f of report.findings || []) {
    const [first, last] = firstLast(f);
    for (let l = first; l <= last && l - first < 5000; l++) {
      if (!flags.has(l)) flags.set(l, []);
      flags.get(l).push(f);
    }
    for (const l of f.related_lines || []) if (!related.has(l)) related.set(l, first);
  }
  return { flags, related };
}

function flagTitle(list) {
  return list.map((f) => t('cellFlag', { rule: named(RULES, f.rule), msg: message(f) })).join('\n\n');
}

function renderTable(table, marks) {
  const tips = []; // the explanations of this table's flagged cells
  const columns = Array.isArray(table.columns) ? table.columns : [];
  const rows = Array.isArray(table.rows) ? table.rows : [];
  const [a, b] = Array.isArray(table.lines) ? table.lines : [0, 0];
  const meta = [t('tableLines', { a, b })];
  if (table.unit) meta.push(t('tableUnit', { u: table.unit }));
  if (table.template) meta.push(t('tableTemplate', { t: table.template }));
  const title = [table.label, table.title].filter(Boolean).join(' ') || table.id;

  // One table row per source line; side-by-side groups (收入 | 支出) share the line.
  const byLine = new Map();
  for (const r of rows) {
    if (!byLine.has(r.line)) byLine.set(r.line, new Map());
    byLine.get(r.line).set(r.group ?? 0, r);
  }
  const thead = el('thead', {}, el('tr', {},
    el('th', { scope: 'col', text: t('colLine') }),
    ...columns.map((c) => el('th', { scope: 'col', text: c.number ? `${c.header} (${c.number})` : c.header || '' }))));
  const tbody = el('tbody');
  for (const [line, groups] of [...byLine].sort((x, y) => x[0] - y[0])) {
    const flagged = marks.flags.get(line) || [];
    const tr = el('tr', { dataset: { line: String(line) } },
      el('th', { scope: 'row', class: 'lineno', text: String(line) }));
    const cellsFor = columns.map((c) => {
      const row = groups.get(c.group ?? 0);
      if (!row) return { text: '', kind: 'empty' };
      if (c.key === 'code') return { text: row.code || '', kind: 'code', inferred: row.code_inferred };
      if (c.key === 'name') return { text: row.name || '', kind: 'name' };
      if (c.key === 'row_no') return { text: row.row_number || '', kind: 'text' };
      const cell = (row.cells || []).find((x) => x.column === c.index);
      return cell ? { text: cell.text ?? '', kind: cell.kind || 'text', value: cell.value } : { text: '', kind: 'empty' };
    });
    // Each finding marks the cells printing its figure; when several do (a total equal to
    // its only item), those whose column the message names.
    const placed = new Set();
    const hitsByCell = cellsFor.map(() => []);
    for (const f of flagged) {
      let at = [...cellsFor.keys()].filter((i) => cellsFor[i].value != null && (typeof f.column === 'number'
        ? f.column === columns[i].index
        : sameDecimal(f.actual, cellsFor[i].value)));
      if (at.length > 1) {
        const text = `${f.message_zh || ''} ${f.message_en || ''}`;
        const named = at.filter((i) => columns[i].header && text.includes(columns[i].header));
        if (named.length) at = named;
      }
      for (const i of at) hitsByCell[i].push(f);
      if (at.length) placed.add(f);
    }
    const tds = cellsFor.map((cell, i) => {
      const td = el('td', { class: `k-${cell.kind}`, text: cell.text });
      if (cell.inferred) td.classList.add('inferred');
      if (hitsByCell[i].length) markCell(td, hitsByCell[i], tips);
      return td;
    });
    // A finding that names no figure found in the row (or no figure at all) marks the name.
    const unplaced = flagged.filter((f) => !placed.has(f));
    if (unplaced.length) {
      const nameIdx = [cellsFor.findIndex((c) => c.kind === 'name'), cellsFor.findIndex((c) => c.kind === 'code')]
        .find((i) => i >= 0);
      const td = tds[nameIdx ?? 0];
      if (td) markCell(td, unplaced, tips);
    }
    const marked = placed.size || unplaced.length;
    if (!marked && marks.related.has(line)) {
      tr.classList.add('related');
      tr.title = t('relatedFlag', { line: marks.related.get(line) });
      tr.firstChild.append(el('span', { class: 'visually-hidden', text: ` (${tr.title})` })); // for screen readers
    }
    tr.append(...tds);
    tbody.append(tr);
  }
  const block = el('section', { class: 'table-block', dataset: { table: table.id || '' } },
    el('h3', { text: title }),
    el('p', { class: 'meta', text: meta.join(' · ') }),
    table.declared_empty ? el('p', { class: 'note', text: t('tableDeclaredEmpty') + (table.empty_note ? ` ${table.empty_note}` : '') }) : null,
    rows.length ? scrollRegion(title, el('table', {}, thead, tbody)) : null,
    ...tips);
  return block;
}

// A flagged cell is a tab stop described by its explanation (aria-describedby), a
// tooltip shown while the cell has focus or the pointer; Escape hides it (see below).
// Only flagged cells are focusable: the rest of the table is read with the screen
// reader's table commands.
let tipCount = 0; // ids of the explanations, unique on the page

function markCell(td, list, tips) {
  const worst = list.reduce((w, f) => ((SEVERITY_RANK[f.severity] ?? 3) < (SEVERITY_RANK[w.severity] ?? 3) ? f : w));
  td.classList.add('flag', worst.materiality === 'rounding' ? 'flag-rounding' : `flag-${worst.severity}`);
  const id = `cell-tip-${++tipCount}`;
  td.tabIndex = 0;
  td.setAttribute('aria-describedby', id);
  tips.push(el('div', { id, role: 'tooltip', class: 'cell-tip', hidden: true, text: flagTitle(list) }));
}

const tip = {
  shown: null, // {cell, box}

  show(cell) {
    const box = document.getElementById(cell.getAttribute('aria-describedby'));
    if (!box || this.shown?.box === box) return;
    this.hide();
    box.hidden = false;
    // Below the cell, within the table's block (position: relative), kept inside it.
    const block = cell.closest('.table-block').getBoundingClientRect();
    const r = cell.getBoundingClientRect();
    box.style.top = `${r.bottom - block.top}px`;
    box.style.left = `${Math.max(0, Math.min(r.left - block.left, block.width - box.offsetWidth))}px`;
    this.shown = { cell, box };
  },

  hide() {
    if (this.shown) this.shown.box.hidden = true;
    this.shown = null;
  },
};
ui.tables.addEventListener('focusin', (event) => {
  if (event.target.matches('td.flag')) tip.show(event.target);
});
ui.tables.addEventListener('focusout', (event) => {
  if (tip.shown?.cell === event.target) tip.hide();
});
// The pointer may move from the cell onto its tooltip (to read or select it).
ui.tables.addEventListener('mouseover', (event) => {
  const cell = event.target.closest('td.flag');
  if (cell) tip.show(cell);
});
ui.tables.addEventListener('mouseout', (event) => {
  const { shown } = tip;
  if (!shown || document.activeElement === shown.cell) return;
  const to = event.relatedTarget;
  if (!to || !(shown.cell.contains(to) || shown.box.contains(to))) tip.hide();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && tip.shown) tip.hide();
});

function renderTables(report) {
  tablesRendered = true;
  tip.hide();
  const tables = Array.isArray(report.tables) ? report.tables : [];
  if (!tables.length) { ui.tables.replaceChildren(el('p', { text: t('tablesNone') })); return; }
  const marks = cellFlags(report);
  const frag = document.createDocumentFragment();
  for (const table of tables) frag.append(renderTable(table, marks));
  ui.tables.replaceChildren(frag);
}

// ---------------------------------------------------------------------------------------
// Checks ledger: counts per rule and status
// ---------------------------------------------------------------------------------------

let checksRendered = false;

function renderChecks(report) {
  checksRendered = true;
  const checks = Array.isArray(report.checks) ? report.checks : [];
  if (!checks.length) { ui.checks.replaceChildren(el('p', { text: t('checksNone') })); return; }
  const statuses = [...statusCounts(report).keys()];
  const byRule = new Map();
  for (const c of checks) {
    if (!byRule.has(c.rule)) byRule.set(c.rule, new Map());
    const m = byRule.get(c.rule);
    m.set(c.status, (m.get(c.status) || 0) + 1);
  }
  const table = el('table', { class: 'ledger' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('checksRule') }),
      ...statuses.map((s) => el('th', { scope: 'col', class: `st-${s}`, text: named(STATUSES, s) })),
      el('th', { scope: 'col', text: t('checksTotal') }))),
    el('tbody', {}, ...[...byRule].map(([rule, m]) => el('tr', {},
      el('th', { scope: 'row' }, named(RULES, rule), ' ', el('code', { text: rule })),
      ...statuses.map((s) => el('td', { class: m.get(s) ? `st-${s}` : 'zero', text: String(m.get(s) || 0) })),
      el('td', { text: String([...m.values()].reduce((x, y) => x + y, 0)) })))));
  const sections = Array.isArray(report.required_sections) ? report.required_sections : [];
  ui.checks.replaceChildren(el('p', { text: checkedLine(report) }), scrollRegion(t('tabChecks'), table),
    sections.length ? el('h3', { text: t('requiredSections') }) : null,
    sections.length ? objectTable(sections, 'claims-table', t('requiredSections')) : null);
}

// ---------------------------------------------------------------------------------------
// Tabs, language, export, print
// ---------------------------------------------------------------------------------------

function selectTab(tab, focus = false) {
  for (const other of ui.tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-tables' && current && !tablesRendered) renderTables(current.report);
  if (tab.id === 'tab-checks' && current && !checksRendered) renderChecks(current.report);
}
for (const tab of ui.tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (event) => {
    const i = ui.tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ui.tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(ui.tabs[(next + ui.tabs.length) % ui.tabs.length], true);
  });
}

function applyLanguage(next) {
  lang = next;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  document.title = lang === 'zh' ? '核账 · 预决算报告核对' : 'Hezhang · budget report checker';
  ui.lang.textContent = lang === 'zh' ? 'English' : '中文';
  ui.lang.lang = lang === 'zh' ? 'en' : 'zh-CN';
  if (engine.version) ui.version.textContent = t('version', { v: engine.version });
  ui.status.textContent = t(statusKey.key, statusKey.vars);
  showSource();
  if (current) renderReport(current.report); // keeps the selected finding (selectedFinding)
  try { localStorage.setItem('hezhang.lang', lang); } catch { /* storage may be unavailable (file://, sandbox) */ }
}
ui.lang.addEventListener('click', () => applyLanguage(lang === 'zh' ? 'en' : 'zh'));

function baseName() {
  const name = (current?.input?.name || 'report').replace(/\.[^.]*$/, '');
  return `hezhang-${name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}`;
}

function download(filename, type, parts) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A field that a spreadsheet would run as a formula (=, +, @, or a "-" not starting a
// number) gets a leading apostrophe; quotes are doubled.
function csvField(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+@\t\r]/.test(s) || (/^-/.test(s) && !/^-\d+(\.\d+)?$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function findingsCsv(report) {
  const rows = [t('csvHeader')];
  for (const f of report.findings || []) {
    const [first, last] = firstLast(f);
    rows.push([f.rule, f.severity, f.materiality, first, last, (f.related_lines || []).join(' '),
      f.expected, f.actual, f.difference, f.unit, message(f)].map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

$('#export-json').addEventListener('click', () => {
  if (current) download(`${baseName()}.json`, 'application/json', [current.json]);
});
$('#export-csv').addEventListener('click', () => {
  // With a byte-order mark, spreadsheet programs read the file as UTF-8.
  if (current) download(`${baseName()}-findings.csv`, 'text/csv;charset=utf-8', ['\ufeff', findingsCsv(current.report)]);
});
$('#print').addEventListener('click', () => window.print());
window.addEventListener('beforeprint', () => {
  if (current && !tablesRendered) renderTables(current.report);
});

// ---------------------------------------------------------------------------------------
// Embedding: <iframe src=".../index.html?origin=https://embedder.example"> (docs/embedding.md)
// Only the window that framed us, at exactly the origin named in the URL, is heard or
// answered; results go back only for texts that window sent.
// ---------------------------------------------------------------------------------------

const params = new URLSearchParams(location.search);

const embed = {
  origin: null,
  active: false,
  announced: false,

  init() {
    const origin = params.get('origin');
    if (window.parent === window || !origin) return;
    let parsed;
    try { parsed = new URL(origin).origin; } catch { return; }
    // "null" (file://, sandboxed frames) names no one in particular: refuse it.
    if (parsed === 'null' || parsed !== origin.replace(/\/$/, '')) return;
    this.origin = parsed;
    this.active = true;
    document.body.classList.add('embedded');
    window.addEventListener('message', (event) => this.onMessage(event));
  },

  post(msg) {
    if (this.active) window.parent.postMessage(msg, this.origin);
  },

  ready(version) {
    if (!this.active || this.announced) return;
    this.announced = true;
    this.post({ type: 'hezhang:ready', version });
  },

  async onMessage(event) {
    if (event.source !== window.parent || event.origin !== this.origin) return;
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || msg.type !== 'hezhang:analyze') {
      if (msg && typeof msg === 'object' && typeof msg.type === 'string' && msg.type.startsWith('hezhang:')) {
        this.post({ type: 'hezhang:error', id: msg.id ?? null, message: `unknown message type ${msg.type}` });
      }
      return;
    }
    const { id = null } = msg;
    if (typeof msg.text !== 'string') {
      this.post({ type: 'hezhang:error', id, message: 'text must be a string' });
      return;
    }
    if (msg.lang === 'zh' || msg.lang === 'en') applyLanguage(msg.lang);
    await engine.ready.catch(() => {});
    while (busy) await busy.catch(() => {});
    const name = typeof msg.name === 'string' && msg.name ? msg.name : t('pasted');
    ui.input.value = msg.text;
    source = textInput(msg.text, name);
    showSource();
    try {
      const result = await runAnalysis(source, { allowEmpty: true, moveFocus: false });
      if (!result) throw new Error('busy');
      this.post({ type: 'hezhang:result', id, json: result.json, summary: result.report.summary, ms: result.ms });
    } catch (err) {
      this.post({ type: 'hezhang:error', id, message: err.message });
    }
  },
};

// ---------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------

{
  let stored = null;
  try { stored = localStorage.getItem('hezhang.lang'); } catch { /* see applyLanguage */ }
  const wanted = params.get('lang') || stored;
  if (wanted === 'en') applyLanguage('en');
}
embed.init();
onEngineReady(engine.start());
warmUpDrawing();
