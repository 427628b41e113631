// <hezhang-checker> (web/hezhang-checker.js), the custom-element way to embed Hezhang,
// through its example page web/examples/element.html: the event's and the promise's
// reports equal the CLI's, the element shows them as text only, and nothing is fetched
// after load. Expected counts come from the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_000, SEED_004, TIMEOUT, artifacts, cliReport, useBrowser } from './support.mjs';

const env = useBrowser();

async function openExample() {
  const opened = await env.openPage(null);
  await opened.page.goto(new URL('examples/element.html', env.baseUrl).href);
  await opened.page.waitForSelector('[data-testid="element-state"][data-ready]', { state: 'attached', timeout: TIMEOUT });
  return opened;
}

test('the custom element example: the hezhang-report event and analyze() give the CLI\'s report', { timeout: 3 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_004);
  const { page, log, close } = await openExample();
  const atReady = log.requests.length;
  await page.evaluate(() => {
    window.hezhangEvents = [];
    document.addEventListener('hezhang-report', (e) => window.hezhangEvents.push(e.detail)); // bubbles out of the element
  });
  await page.fill('[data-testid="element-text"]', readFileSync(SEED_004, 'utf8'));
  await page.click('[data-testid="element-check"]');
  await page.waitForSelector('[data-testid="element-result"][data-errors]', { state: 'attached', timeout: TIMEOUT });

  const events = await page.evaluate(() => window.hezhangEvents.map((d) => ({ summary: d.summary, json: d.json, findings: d.report.findings.length })));
  assert.equal(events.length, 1, 'one event per analysis');
  assert.deepEqual(events[0].summary, expected.summary, 'the event\'s summary is the CLI\'s');
  const fromJson = JSON.parse(events[0].json);
  assert.deepEqual(fromJson.summary, expected.summary);
  assert.deepEqual(fromJson.findings, expected.findings, 'the same findings as the CLI');
  const shown = await page.$eval('[data-testid="element-result"]', (e) => ({ ...e.dataset }));
  assert.equal(shown.errors, String(expected.summary.errors));
  assert.equal(shown.warnings, String(expected.summary.warnings));
  assert.equal(shown.rounding, String(expected.summary.rounding));

  // Its shadow root lists one item per finding, with its lines.
  const items = await page.$eval('hezhang-checker', (h) => [...h.shadowRoot.querySelectorAll('li')].map((li) => li.dataset.lines));
  assert.deepEqual(items, expected.findings.map((f) => `${f.lines[0]}-${f.lines[f.lines.length - 1]}`));

  // analyze() resolves to the report; the text property runs one too.
  const viaMethod = await page.evaluate((text) => document.querySelector('hezhang-checker').analyze(text).then((r) => r.summary),
    readFileSync(SEED_000, 'utf8'));
  assert.deepEqual(viaMethod, cliReport(SEED_000).summary);
  await page.evaluate((text) => { document.querySelector('hezhang-checker').text = text; }, readFileSync(SEED_004, 'utf8'));
  await page.waitForFunction(() => window.hezhangEvents.length === 3, null, { timeout: TIMEOUT });
  assert.deepEqual(await page.evaluate(() => window.hezhangEvents[2].summary), expected.summary);
  assert.equal(await page.evaluate(() => document.querySelector('hezhang-checker').report.summary.errors), expected.summary.errors);

  // lang="en": the element's text follows.
  assert.ok(expected.findings.length > 0, 'seed 004 has findings whose messages to compare');
  await page.click('[data-testid="element-lang"]');
  const english = await page.$eval('hezhang-checker', (h) => [...h.shadowRoot.querySelectorAll('li')].map((li) => li.textContent));
  for (const f of expected.findings) assert.ok(english.some((t) => t.endsWith(f.message_en)), `English message shown: ${f.message_en}`);

  // Switching language while an analysis runs keeps saying so: the previous report's
  // counts and findings do not come back.
  const during = await page.evaluate(async (text) => {
    const checker = document.querySelector('hezhang-checker');
    const done = checker.analyze(text);
    checker.setAttribute('lang', 'en'); // the same language: the element redraws all the same
    const shown = { status: checker.shadowRoot.querySelector('[part="status"]').textContent, items: checker.shadowRoot.querySelectorAll('li').length };
    await done;
    return shown;
  }, readFileSync(SEED_000, 'utf8'));
  assert.deepEqual(during, { status: 'Checking…', items: 0 });

  // A non-string is refused with an error, not analysed.
  const refused = await page.evaluate(() => document.querySelector('hezhang-checker').analyze(42).then(() => 'analysed', (e) => e.name));
  assert.equal(refused, 'TypeError');

  await page.screenshot({ path: path.join(artifacts, 'element.png'), fullPage: true });
  assert.deepEqual(log.requests.slice(atReady), [], 'no request after the element was ready');
  assert.deepEqual(log.errors, []);
  await close();
});

test('the custom element shows report text as text: no element is created from it', { timeout: 2 * TIMEOUT }, async () => {
  const hostile = '<img src=x onerror="alert(1)">';
  // As a row name (printed with a space in seed 000), which findings quote.
  const text = readFileSync(SEED_000, 'utf8').replaceAll('社会保障就 业支出', hostile);
  const { page, log, close } = await openExample();
  const report = await page.evaluate((t) => document.querySelector('hezhang-checker').analyze(t).then((r) => r.findings.map((f) => f.message_zh)), text);
  assert.ok(report.some((m) => m.includes(hostile)), 'a finding quotes the hostile name');
  const inShadow = await page.$eval('hezhang-checker', (h) => ({
    elements: h.shadowRoot.querySelectorAll('img, script, svg').length,
    text: h.shadowRoot.textContent,
  }));
  assert.equal(inShadow.elements, 0, 'no img, script or svg in the element');
  assert.ok(inShadow.text.includes(hostile), 'the markup is shown literally');
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, []);
  await close();
});
