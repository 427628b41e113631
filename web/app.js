// Placeholder page logic: sends the text to the worker, renders the tables.
// Everything is rendered with textContent (the report text is untrusted).
const input = document.querySelector('[data-testid="report-input"]');
const analyzeButton = document.querySelector('[data-testid="analyze"]');
const sampleButton = document.querySelector('[data-testid="load-sample"]');
const summary = document.querySelector('[data-testid="summary"]');
const tbody = document.querySelector('#tables tbody');

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
let pendingId = 0;

function setSummary(text, isError = false) {
  summary.textContent = text;
  summary.classList.toggle('error', isError);
}

function render(report) {
  tbody.replaceChildren();
  const tables = Array.isArray(report.tables) ? report.tables : [];
  for (const t of tables) {
    const tr = document.createElement('tr');
    const rows = Array.isArray(t.rows) ? t.rows.length : (t.row_count ?? '');
    for (const value of [t.id, t.template ?? t.template_id, t.title, rows]) {
      const td = document.createElement('td');
      td.textContent = value == null ? '' : String(value);
      tr.append(td);
    }
    tbody.append(tr);
  }
  const findings = Array.isArray(report.findings) ? report.findings.length : 0;
  const errors = (Array.isArray(report.messages) ? report.messages : [])
    .filter((m) => m.severity === 'error');
  if (errors.length) {
    setSummary(`无法分析：${errors.map((m) => m.message_zh || m.id).join('；')}`, true);
  } else {
    setSummary(`识别出 ${tables.length} 张表格，发现 ${findings} 处问题。`);
  }
}

worker.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'ready') {
    analyzeButton.disabled = false;
    setSummary('分析模块已就绪。请粘贴报告文本或载入示例。');
  } else if (msg.type === 'result' && msg.id === pendingId) {
    analyzeButton.disabled = false;
    try {
      render(JSON.parse(msg.json));
    } catch (err) {
      setSummary(`结果无法解析：${err}`, true);
    }
  } else if (msg.type === 'error') {
    analyzeButton.disabled = msg.id === null;
    setSummary(`出错了：${msg.message}`, true);
  }
};
worker.onerror = (event) => setSummary(`分析模块加载失败：${event.message || '未知错误'}`, true);

analyzeButton.addEventListener('click', () => {
  const text = input.value;
  pendingId = nextId++;
  analyzeButton.disabled = true;
  setSummary('正在分析……');
  worker.postMessage({
    type: 'analyze',
    id: pendingId,
    text,
    options: { name: '粘贴的文本', encoding: 'utf-8', input_bytes: new TextEncoder().encode(text).length },
  });
});

sampleButton.addEventListener('click', async () => {
  try {
    const response = await fetch('fixtures/sample.txt');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    input.value = await response.text();
    setSummary('已载入示例报告，点击“开始核对”。');
  } catch (err) {
    setSummary(`示例加载失败：${err.message}`, true);
  }
});
