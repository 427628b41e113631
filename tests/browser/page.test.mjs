// End-to-end tests of the page in Chromium (playwright-core): dist/ served by
// scripts/serve.mjs, and dist/hezhang.html opened from file://. Every expected count
// comes from the native CLI on the same input, never from numbers written here.
// Shared set-up and helpers: tests/browser/support.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  SEED_000, SEED_002, SEED_003, SEED_004, TIMEOUT, artifacts, assertMatchesCli, analyzeText, cliReport,
  dist, useBrowser, waitForReady, waitForResults,
} from './support.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'hezhang-browser-'));
const started = Date.now(); // screenshots older than this are a previous run's
const env = useBrowser();
const openPage = (...args) => env.openPage(...args);

test('served page: pasted seed 000 gives the CLI summary; clicking a finding highlights its lines', { timeout: 4 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000);
  assert.ok(expected.findings.length > 0, 'seed 000 has findings to click');
  const { page, log, close } = await openPage(env.baseUrl);
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  await assertMatchesCli(page, expected);

  const first = page.locator('[data-testid="finding"]').first();
  const [a, b] = (await first.getAttribute('data-lines')).split('-').map(Number);
  await first.click();
  const highlighted = await page.$$eval('#source .ln[data-hl="main"]', (els) => els.map((e) => Number(e.dataset.line)));
  assert.deepEqual(highlighted, Array.from({ length: b - a + 1 }, (_, i) => a + i), 'exactly the finding\'s lines are highlighted');
  // ... and scrolled into the source box's visible area.
  const visible = await page.$eval(`#source .ln[data-line="${a}"]`, (ln) => {
    const box = ln.closest('#source').getBoundingClientRect();
    const r = ln.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  });
  assert.ok(visible, `line ${a} is scrolled into view`);
  assert.equal(await first.getAttribute('aria-current'), 'true');

  // Keyboard: Enter on another finding's button moves the highlight there.
  const second = page.locator('[data-testid="finding"]').nth(1);
  const [c] = (await second.getAttribute('data-lines')).split('-').map(Number);
  await second.locator('button.goto').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval(`#source .ln[data-line="${c}"]`, (e) => e.dataset.hl), 'main');
  assert.equal(await second.getAttribute('aria-current'), 'true');
  assert.equal(await first.getAttribute('aria-current'), null, 'only one finding is current');

  // The severity filter hides what is unticked.
  const infos = expected.findings.filter((f) => f.severity === 'info').length;
  await page.locator('#filters input[value="info"]').uncheck();
  assert.equal(await page.locator('[data-testid="finding"]:visible').count(), expected.findings.length - infos);
  await page.locator('#filters input[value="info"]').check();

  // Figures read from the narrative (claims), listed generically; a row shows its line.
  // The table is drawn on the details' toggle event, which comes after the click returns.
  assert.ok(expected.claims.length > 0, 'seed 000 has claims to list');
  await page.click('#claims summary');
  await page.waitForSelector('#claims tbody tr', { state: 'attached', timeout: TIMEOUT });
  assert.equal(await page.locator('#claims tbody tr').count(), expected.claims.length);
  await page.locator('#claims tbody tr').first().click();
  const line = expected.claims[0].line ?? expected.claims[0].lines[0];
  assert.equal(await page.$eval(`#source .ln[data-line="${line}"]`, (e) => e.dataset.hl), 'main');
  await page.click('#claims summary');

  await first.click();
  await page.$eval('#results', (r) => window.scrollTo(0, r.offsetTop));
  await page.screenshot({ path: path.join(artifacts, 'results.png') });
  // Tables view: the cell printing a wrong figure is coloured and says why (its
  // explanation: the tooltip that aria-describedby names).
  await page.click('#tab-tables');
  const flagged = await page.$$eval('#tables td.flag-error', (tds) => tds.map((td) => ({
    text: td.textContent, title: document.getElementById(td.getAttribute('aria-describedby'))?.textContent ?? '',
  })));
  const rowLines = new Set(expected.tables.flatMap((t) => t.rows.map((r) => r.line)));
  const errors = expected.findings.filter((f) => f.severity === 'error' && f.actual && rowLines.has(f.lines[0]));
  assert.ok(errors.length > 0);
  for (const f of errors) {
    const hit = flagged.find((c) => c.text.replace(/,/g, '') === f.actual && c.title.includes(f.message_zh));
    assert.ok(hit, `the cell printing ${f.actual} (line ${f.lines[0]}) is coloured with the failed relation as its tooltip`);
  }
  await page.locator('#tables td.flag-error').first().scrollIntoViewIfNeeded();
  await page.locator('#tables td.flag-error').first().hover(); // its tooltip in the picture
  await page.screenshot({ path: path.join(artifacts, 'tables.png') });
  await page.click('#tab-checks');
  assert.match(await page.textContent('#checks'), new RegExp(String(expected.summary.checks)));

  // English.
  await page.click('[data-testid="lang"]');
  await page.click('#tab-findings');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const messages = await page.$$eval('[data-testid="finding"] .msg', (els) => els.map((e) => e.textContent));
  for (const f of expected.findings) assert.ok(messages.includes(f.message_en), `English message shown: ${f.message_en}`);
  assert.deepEqual(log.errors, []);
  await close();
});

test('switching language keeps the selected finding, its highlight and the open claims list', { timeout: 3 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000);
  assert.ok(expected.findings.length > 2 && expected.claims.length > 0);
  const { page, log, close } = await openPage(env.baseUrl);
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  // Not the first finding, so that "first one marked" cannot pass by accident.
  const chosen = page.locator('[data-testid="finding"]').nth(2);
  const index = await chosen.getAttribute('data-index');
  const lines = await chosen.getAttribute('data-lines');
  await chosen.locator('button.goto').click();
  await page.click('#claims summary');
  await page.waitForSelector('#claims tbody tr', { state: 'attached', timeout: TIMEOUT });
  const mainLines = () => page.$$eval('#source .ln[data-hl="main"]', (els) => els.map((e) => e.dataset.line).join(','));
  const highlighted = await mainLines();
  assert.ok(highlighted.length > 0);

  for (const [want, htmlLang] of [['en', 'en'], ['zh', 'zh-CN']]) {
    await page.click('[data-testid="lang"]');
    assert.equal(await page.getAttribute('html', 'lang'), htmlLang, `switched to ${want}`);
    const current = await page.$$eval('[data-testid="finding"][aria-current="true"]', (els) => els.map((e) => ({
      index: e.dataset.index, lines: e.dataset.lines, selected: e.classList.contains('selected'),
      button: e.querySelector('button.goto')?.getAttribute('aria-current') ?? null,
    })));
    assert.deepEqual(current, [{ index, lines, selected: true, button: 'true' }], `the chosen finding is still current after switching to ${want}`);
    assert.equal(await page.locator('.finding.selected').count(), 1);
    assert.equal(await mainLines(), highlighted, 'its lines are still highlighted');
    assert.equal(await page.$eval('#claims details', (d) => d.open), true, 'the claims list is still open');
    await page.waitForSelector('#claims tbody tr', { state: 'attached', timeout: TIMEOUT });
    assert.equal(await page.locator('#claims tbody tr').count(), expected.claims.length);
  }
  // A new analysis starts with nothing chosen.
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  assert.equal(await page.locator('[data-testid="finding"][aria-current]').count(), 0);
  assert.deepEqual(log.errors, []);
  await close();
});

test('phone width: no horizontal page scroll, results readable', { timeout: 2 * TIMEOUT }, async () => {
  const { page, log, close } = await openPage(env.baseUrl, { viewport: { width: 375, height: 800 } });
  await analyzeText(page, readFileSync(SEED_004, 'utf8'));
  await page.locator('[data-testid="finding"]').first().click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a phone screen`);
  await page.screenshot({ path: path.join(artifacts, 'phone.png'), fullPage: false });
  assert.deepEqual(log.errors, []);
  await close();
});

test('served page: seed 003 uploaded as UTF-8, GB18030, UTF-16, a web page and a GB18030 CSV gives the CLI summary; the encoding is shown', { timeout: 4 * TIMEOUT }, async () => {
  const gbFile = path.join(tmp, '003-gb18030.txt');
  execFileSync('sh', ['-c', 'iconv -f UTF-8 -t GB18030 "$1" > "$2"', 'sh', SEED_003, gbFile]);
  const expectedUtf8 = cliReport(SEED_003);
  const expectedGb = cliReport(gbFile);
  assert.equal(expectedGb.input.encoding, 'gb18030');
  const { page, log, close } = await openPage(env.baseUrl);

  await page.setInputFiles('[data-testid="upload"]', SEED_003);
  await waitForResults(page);
  await assertMatchesCli(page, expectedUtf8);
  assert.equal(await page.getAttribute('[data-testid="encoding"]', 'data-encoding'), 'utf-8');

  await page.setInputFiles('[data-testid="upload"]', gbFile);
  await waitForResults(page);
  await assertMatchesCli(page, expectedGb);
  assert.equal(await page.getAttribute('[data-testid="encoding"]', 'data-encoding'), 'gb18030');
  assert.match(await page.textContent('[data-testid="encoding"]'), /GB18030/);
  assert.match(await page.textContent('[data-testid="source-info"]'), /003-gb18030\.txt/);

  // UTF-16 with a byte-order mark (Windows' "Unicode" text): converted, and the
  // same report as the CLI gives for the same file.
  const utf16File = path.join(tmp, '003-utf16.txt');
  writeFileSync(utf16File, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(SEED_003, 'utf8'), 'utf16le')]));
  const expectedUtf16 = cliReport(utf16File);
  assert.equal(expectedUtf16.input.encoding, 'utf-16le');
  await page.setInputFiles('[data-testid="upload"]', utf16File);
  await waitForResults(page);
  await assertMatchesCli(page, expectedUtf16);
  assert.equal(await page.getAttribute('[data-testid="encoding"]', 'data-encoding'), 'utf-16le');

  // Saved as a web page (.html), each cell on a line of its own as word processors
  // write a row: the same report as the UTF-8 text, but for the lines it cites.
  const htmlFile = path.join(tmp, '003.html');
  const htmlLines = ['<html><head><style>td { border: 1px solid; }</style></head><body><table>'];
  for (const line of readFileSync(SEED_003, 'utf8').split('\n')) {
    if (line.includes('\t')) htmlLines.push('<tr>', ...line.split('\t').map((c) => `<td>${c || '&nbsp;'}</td>`), '</tr>');
    else if (line.startsWith('#')) htmlLines.push(`<h3>${line.replace(/^#+\s*/, '')}</h3>`);
    else htmlLines.push(`<p>${line}</p>`);
  }
  writeFileSync(htmlFile, htmlLines.concat('</table></body></html>').join('\n'));
  const expectedHtml = cliReport(htmlFile);
  for (const key of ['errors', 'warnings', 'rounding', 'checks']) assert.equal(expectedHtml.summary[key], expectedUtf8.summary[key], key);
  await page.setInputFiles('[data-testid="upload"]', htmlFile);
  await waitForResults(page);
  await assertMatchesCli(page, expectedHtml);

  // Saved by a spreadsheet as CSV in GB18030 (as one in China saves it): each
  // row's cells between commas, a figure with a thousands comma quoted; the
  // same summary as the text.
  const csvUtf8 = path.join(tmp, '003-utf8.csv'), csvFile = path.join(tmp, '003.csv');
  const csvField = (c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  writeFileSync(csvUtf8, readFileSync(SEED_003, 'utf8').split('\n')
    .map((line) => (line.includes('\t') ? line.split('\t').map(csvField).join(',') : line)).join('\n'));
  execFileSync('sh', ['-c', 'iconv -f UTF-8 -t GB18030 "$1" > "$2"', 'sh', csvUtf8, csvFile]);
  const expectedCsv = cliReport(csvFile);
  assert.equal(expectedCsv.input.encoding, 'gb18030');
  for (const key of ['errors', 'warnings', 'rounding', 'checks']) assert.equal(expectedCsv.summary[key], expectedUtf8.summary[key], key);
  await page.setInputFiles('[data-testid="upload"]', csvFile);
  await waitForResults(page);
  await assertMatchesCli(page, expectedCsv);
  assert.match(await page.textContent('[data-testid="source-info"]'), /003\.csv/);

  // Dropped on the input area: the same.
  await page.fill('[data-testid="report-input"]', '');
  const bytes = [...readFileSync(gbFile)];
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped.txt', { type: 'text/plain' }));
    const zone = document.querySelector('[data-testid="dropzone"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await waitForResults(page);
  await assertMatchesCli(page, expectedGb);
  assert.equal(await page.getAttribute('[data-testid="encoding"]', 'data-encoding'), 'gb18030');

  // A file type it cannot read is refused with a message, not analysed.
  await page.setInputFiles('[data-testid="upload"]', { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  assert.match(await page.textContent('[data-testid="status"]'), /\.txt/);
  assert.deepEqual(log.errors, []);
  await close();
});

test('a text with nothing checkable says so; findings export as JSON and CSV', { timeout: 2 * TIMEOUT }, async () => {
  const prose = path.join(tmp, 'prose.txt');
  writeFileSync(prose, '部门概况\n本部门负责本市的数据资源管理工作。\n下设办公室、规划处两个内设机构。\n');
  const expected = cliReport(prose);
  const { passed, failed, rounding } = expected.summary;
  assert.equal(passed + failed + rounding, 0, 'nothing in it can be checked');
  const { page, log, close } = await openPage(env.baseUrl);
  await analyzeText(page, readFileSync(prose, 'utf8'));
  await assertMatchesCli(page, expected);
  assert.equal(await page.locator('[data-testid="no-findings"]').count(), 1);
  assert.equal(await page.getAttribute('[data-testid="summary"]', 'class'), 'summary tone-nothing', 'not presented as a clean report');

  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  const expected000 = cliReport(SEED_000);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const exported = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  // Same report as the CLI's but for the name the input was given.
  exported.input.name = expected000.input.name;
  assert.deepEqual(exported, expected000);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'CSV starts with a byte-order mark');
  const rows = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(rows.length, expected000.findings.length + 1, 'a header and one row per finding');
  assert.deepEqual(log.errors, []);
  await close();
});

test('a long analysis can be cancelled, and the page works again', { timeout: 3 * TIMEOUT }, async () => {
  const { page, log, close } = await openPage(env.baseUrl);
  // Seconds of work: 40 000 sentences of figures (a report pasted many times
  // would not do: only its first copy is read, in milliseconds). Set directly:
  // typing megabytes through page.fill takes longer than analysing them.
  const prose = Array.from({ length: 40000 }, (_, i) => `本年支出合计${i}.5万元，比上年增长${i % 100}%。`).join('\n');
  await page.$eval('[data-testid="report-input"]', (area, text) => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, `一、部门概况\n${prose}\n`);
  await page.click('[data-testid="analyze"]');
  await page.waitForSelector('[data-testid="summary"][data-state="busy"]', { state: 'attached' });
  await page.click('[data-testid="cancel"]');
  await page.waitForSelector('[data-testid="summary"][data-state="error"]', { state: 'attached', timeout: TIMEOUT });
  assert.equal(await page.getAttribute('[data-testid="summary"]', 'data-errors'), null, 'no counts from a cancelled run');
  assert.equal(await page.isVisible('[data-testid="cancel"]'), false);
  await waitForReady(page);
  await analyzeText(page, readFileSync(SEED_004, 'utf8'));
  await assertMatchesCli(page, cliReport(SEED_004));
  assert.deepEqual(log.errors, []);
  await close();
});

test('printing shows the summary, findings and every table, not the input or the source', { timeout: 2 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000);
  const { page, log, close } = await openPage(env.baseUrl);
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  for (const hidden of ['[data-testid="report-input"]', '#source', '[role="tablist"]']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
  }
  assert.ok(await page.isVisible('[data-testid="summary"]'));
  assert.equal(await page.locator('.table-block:visible').count(), expected.tables.length, 'every table is printed');
  const breaks = await page.$$eval('.table-block', (els) => els.map((e) => getComputedStyle(e).breakBefore));
  assert.ok(breaks.every((b) => b === 'page'), 'each table starts a page');
  assert.deepEqual(log.errors, []);
  await close();
});

test('no request beyond the page\'s own files, and none at all after load; connections are forbidden', { timeout: 3 * TIMEOUT }, async () => {
  const { page, log, close } = await openPage(env.baseUrl);
  const own = new Set(['', 'index.html', 'style.css', 'app.js', 'worker.js', 'hezhang.single.mjs', 'sample.js', 'favicon.svg']);
  const origin = new URL(env.baseUrl).origin;
  for (const url of log.requests) {
    if (url.startsWith(`blob:${origin}/`)) continue; // the worker, started from a Blob made by the page
    assert.ok(url.startsWith(`${origin}/`) && own.has(url.slice(origin.length + 1)), `unexpected request ${url}`);
  }
  const atLoad = log.requests.length;

  // Everything a user does: sample, analysis, findings, tabs, language, upload, paste.
  await page.click('[data-testid="load-sample"]');
  await waitForResults(page);
  await page.locator('[data-testid="finding"]').first().click();
  for (const tab of ['#tab-tables', '#tab-checks', '#tab-findings']) await page.click(tab);
  await page.click('[data-testid="lang"]');
  await page.setInputFiles('[data-testid="upload"]', SEED_004);
  await waitForResults(page);
  await analyzeText(page, readFileSync(SEED_002, 'utf8'));
  assert.deepEqual(log.requests.slice(atLoad), [], 'requests after the page had loaded');

  // And the policy forbids them anyway, for the page and for its worker.
  const pageFetch = await page.evaluate(() => fetch('/index.html').then(() => 'allowed', () => 'blocked'));
  assert.equal(pageFetch, 'blocked');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /connect-src 'none'/);
  await close();
});

test('report text containing HTML is shown as text: no script runs, no element is created', { timeout: 3 * TIMEOUT }, async () => {
  const hostile = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '<svg onload=alert(3)>'];
  // The payloads as a table row name (so they reach findings and the tables view) and as lines.
  // (The row's name is printed with a space in seed 000; findings quote it.)
  const text = `${hostile.join('\n')}\n${readFileSync(SEED_000, 'utf8').replaceAll('社会保障就 业支出', hostile[1])}`;
  const { page, log, close } = await openPage(env.baseUrl);
  const scriptsBefore = await page.locator('script').count();
  await analyzeText(page, text);
  await page.locator('[data-testid="finding"]').first().click();
  if (await page.locator('#claims summary').count()) await page.click('#claims summary');
  await page.click('#tab-tables');
  await page.click('#tab-checks');
  await page.click('#tab-findings');
  // The file name is untrusted too.
  await page.setInputFiles('[data-testid="upload"]', { name: '<img src=x onerror=alert(4)>.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await waitForResults(page);
  await page.click('#tab-tables');

  assert.deepEqual(log.dialogs, [], 'no dialog opened');
  assert.equal(await page.locator('img, svg').count(), 0, 'no img or svg element created');
  assert.equal(await page.locator('script').count(), scriptsBefore, 'no script element created');
  const lines = await page.$$eval('#source .ln', (els) => els.slice(0, 3).map((e) => e.textContent));
  assert.deepEqual(lines, hostile, 'the markup is shown literally in the source view');
  const quoting = await page.$$eval('[data-testid="finding"] .msg', (els, h) => els.filter((e) => e.textContent.includes(h)).length, hostile[1]);
  assert.ok(quoting > 0, 'findings quote the markup, as text');
  assert.ok(await page.$$eval('#tables td', (tds, h) => tds.some((td) => td.textContent === h), hostile[1]), 'the tables view shows it as a cell\'s text');
  assert.match(await page.textContent('[data-testid="source-info"]'), /<img src=x onerror=alert\(4\)>\.txt/);
  assert.deepEqual(log.errors, []);
  await close();
});

test('dist/hezhang.html works from file:// with no network', { timeout: 3 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000);
  const fileUrl = pathToFileURL(path.join(dist, 'hezhang.html')).href;
  const { page, log, close } = await openPage(fileUrl);
  await page.click('[data-testid="load-sample"]'); // the sample is inlined too
  await waitForResults(page);
  for (const key of ['errors', 'warnings', 'rounding', 'checks']) {
    assert.equal(await page.getAttribute('[data-testid="summary"]', `data-${key}`), String(expected.summary[key]));
  }
  await analyzeText(page, readFileSync(SEED_003, 'utf8'));
  await assertMatchesCli(page, cliReport(SEED_003));
  for (const url of log.requests) {
    assert.ok(url === fileUrl || url.startsWith('blob:') || url.startsWith('data:'), `unexpected request ${url}`);
  }
  assert.deepEqual(log.errors, []);
  await close();
});

test('embedding: the iframe answers the origin named in its URL, and nobody else', { timeout: 3 * TIMEOUT }, async () => {
  // Two embedding sites: blank pages served by the test on loopback ports (Chromium
  // does not let a page it considers public, such as a routed one, frame a local one).
  const sites = [];
  for (let i = 0; i < 2; i++) {
    const site = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>embedder</title><body></body>');
    });
    await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
    sites.push(site);
  }
  const [parent, evil] = sites.map((site) => `http://127.0.0.1:${site.address().port}`);
  const { page, close } = await openPage(null);
  const text = readFileSync(SEED_004, 'utf8');
  const expected = cliReport(SEED_004);
  const hezhang = new URL('index.html', env.baseUrl);

  // frames: [{origin: the ?origin= it is given, blind: send it a request without
  // waiting for it to be ready}] -> the messages each frame sent to this page, in order.
  // Resolves at the first result or error from any frame.
  const talk = (frames) => page.evaluate(({ src, frames, text }) => new Promise((resolve) => {
    const target = new URL(src).origin;
    const got = frames.map(() => []);
    const done = () => resolve(got);
    const nodes = [];
    window.addEventListener('message', (event) => {
      const i = nodes.findIndex((f) => f.contentWindow === event.source);
      if (i < 0 || event.origin !== target) return;
      got[i].push(event.data);
      if (event.data.type === 'hezhang:ready') {
        event.source.postMessage({ type: 'hezhang:analyze', id: 42, text, name: 'r.txt' }, target);
      }
      if (event.data.type === 'hezhang:result' || event.data.type === 'hezhang:error') done();
    });
    for (const { origin, blind } of frames) {
      const f = document.createElement('iframe');
      const u = new URL(src);
      u.searchParams.set('origin', origin);
      f.src = u.href;
      if (blind) {
        f.addEventListener('load', () => f.contentWindow.postMessage({ type: 'hezhang:analyze', id: 1, text, name: 'r.txt' }, target));
      }
      nodes.push(f);
      document.body.append(f);
    }
    setTimeout(done, 50_000);
  }), { src: hezhang.href, frames, text });

  await page.goto(`${parent}/embedder.html`);
  // Named correctly: ready, then the result of the text sent.
  const [good] = await talk([{ origin: parent }]);
  assert.deepEqual(good.map((m) => m.type), ['hezhang:ready', 'hezhang:result']);
  assert.equal(good[1].id, 42);
  const report = JSON.parse(good[1].json);
  assert.deepEqual(report.summary, expected.summary);
  assert.deepEqual(good[1].summary, expected.summary);

  // Another site framing it with the first one's name gets nothing; a frame naming
  // that site (its real parent) answers, which shows the silence is not slowness.
  await page.goto(`${evil}/embedder.html`);
  const [spoofed, honest] = await talk([{ origin: parent, blind: true }, { origin: evil }]);
  assert.deepEqual(honest.map((m) => m.type), ['hezhang:ready', 'hezhang:result']);
  assert.deepEqual(spoofed, [], 'a frame told to answer another origin says nothing to its parent');
  await close();
  for (const site of sites) site.close();
});

test('the example embedding page (web/examples/) works', { timeout: 2 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_004);
  const { page, log, close } = await openPage(null);
  await page.goto(new URL('examples/embed.html', env.baseUrl).href);
  await page.waitForSelector('[data-testid="embed-state"][data-ready]', { state: 'attached', timeout: TIMEOUT });
  await page.fill('[data-testid="embed-text"]', readFileSync(SEED_004, 'utf8'));
  await page.click('[data-testid="embed-send"]');
  await page.waitForSelector('[data-testid="embed-result"][data-errors]', { state: 'attached', timeout: TIMEOUT });
  const shown = await page.$eval('[data-testid="embed-result"]', (e) => ({ ...e.dataset }));
  assert.equal(shown.errors, String(expected.summary.errors));
  assert.equal(shown.warnings, String(expected.summary.warnings));
  // The framed page shows the findings too.
  const frame = page.frameLocator('[data-testid="embed-frame"]');
  assert.equal(await frame.locator('[data-testid="finding"]').count(), expected.findings.length);
  assert.deepEqual(log.errors, []);
  await close();
});

// Keep the artifacts' directory listing in the test output.
test('screenshots were written', () => {
  for (const name of ['results.png', 'tables.png', 'phone.png']) {
    const file = path.join(artifacts, name);
    assert.ok(statSync(file).mtimeMs >= started - 1000, `${name} written by this run, not left by an earlier one`);
    assert.ok(readFileSync(file).length > 1000, `${name} written`);
  }
  writeFileSync(path.join(artifacts, 'README.txt'), 'Screenshots from tests/browser/*.test.mjs (look at them): results.png, tables.png,\n'
    + 'phone.png (page.test.mjs), tables-keyboard.png (accessibility.test.mjs), element.png (element.test.mjs).\n');
});
