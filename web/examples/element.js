// Example page for <hezhang-checker> (docs/embedding.md): analyse the text area's text
// with checker.analyze(), show the counts from the hezhang-report event.
const checker = document.getElementById('checker');
const text = document.getElementById('text');
const check = document.getElementById('check');
const langButton = document.getElementById('lang');
const state = document.getElementById('state');
const result = document.getElementById('result');

await customElements.whenDefined('hezhang-checker');
checker.ready.then((version) => {
  state.textContent = `Hezhang ${version} ready · 已就绪`;
  state.dataset.ready = 'true';
  check.disabled = false;
}, (err) => { state.textContent = `Hezhang failed to load: ${err.message}`; });

checker.addEventListener('hezhang-report', (event) => {
  const s = event.detail.summary;
  // Text only: the report's contents never become markup.
  result.textContent = `errors ${s.errors}, warnings ${s.warnings}, rounding ${s.rounding}, checks ${s.checks} (${Math.round(event.detail.ms)} ms) · 错误 ${s.errors}，警告 ${s.warnings}`;
  Object.assign(result.dataset, { errors: s.errors, warnings: s.warnings, rounding: s.rounding });
});
checker.addEventListener('hezhang-error', (event) => { result.textContent = `error: ${event.detail.message}`; });

check.addEventListener('click', async () => {
  check.disabled = true;
  result.textContent = '…';
  for (const k of ['errors', 'warnings', 'rounding']) delete result.dataset[k];
  try {
    await checker.analyze(text.value, { name: 'example.txt' });
  } catch { /* shown by the hezhang-error listener */ }
  check.disabled = false;
});

langButton.addEventListener('click', () => {
  const en = checker.getAttribute('lang') !== 'en';
  checker.setAttribute('lang', en ? 'en' : 'zh');
  langButton.textContent = en ? '中文' : 'English';
});
