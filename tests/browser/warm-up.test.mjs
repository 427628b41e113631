// What the page does at start-up so that the user's first analysis is drawn as fast as
// later ones (app.js warmUpDrawing, style.css font stacks): the results drawn once out of
// sight and cleared, never shown, never in the accessibility tree, never in the way of
// an analysis; and Chinese text drawn with a font the stylesheet names, not one the
// browser must ask the system for character by character. Times are never asserted here:
// bench/run.mjs measures them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEED_000, TIMEOUT, analyzeText, assertMatchesCli, axTree, cliReport, useBrowser, waitForReady, waitForResults,
} from './support.mjs';

const env = useBrowser();

// Before app.js runs: counts the finding elements added to the page, and checks before
// every frame (requestAnimationFrame) that no results are showing, until __rec.stopped.
function recordResults() {
  const rec = { findingsAdded: 0, frames: 0, shown: [] };
  window.__rec = rec;
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        rec.findingsAdded += (n.matches('[data-testid="finding"]') ? 1 : 0) + n.querySelectorAll('[data-testid="finding"]').length;
      }
    }
  }).observe(document, { childList: true, subtree: true });
  const check = () => {
    if (rec.stopped) return;
    const results = document.getElementById('results');
    if (results) {
      rec.frames++;
      const what = [];
      if (!results.hidden) what.push('results not hidden');
      if (results.classList.contains('warming')) what.push('.warming');
      if (document.querySelector('[data-testid="finding"], #source .ln, #tables table, #checks table')) what.push('results drawn');
      if (document.querySelector('[data-testid="summary"][data-errors]')) what.push('summary counts');
      if (what.length) rec.shown.push(what.join(', '));
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

test('before any analysis the results are drawn once out of sight, then nothing of them is shown, left or exposed', { timeout: 3 * TIMEOUT }, async () => {
  const { page, log, close } = await env.openPage(null);
  await page.addInitScript(recordResults);
  await page.goto(env.baseUrl);
  await waitForReady(page);
  // The warm-up ran: finding elements were added (and, below, removed again).
  await page.waitForFunction(() => window.__rec.findingsAdded > 0, null, { timeout: TIMEOUT });
  // A few more frames, then no frame may have shown any of it.
  const frames = await page.evaluate(() => window.__rec.frames);
  await page.waitForFunction((n) => window.__rec.frames >= n + 5, frames, { timeout: TIMEOUT });
  const rec = await page.evaluate(() => { window.__rec.stopped = true; return window.__rec; });
  assert.deepEqual(rec.shown, [], 'no frame showed results before an analysis');

  const state = await page.evaluate(() => {
    const summary = document.querySelector('[data-testid="summary"]');
    const empty = (sel) => document.querySelector(sel).childNodes.length === 0;
    return {
      resultsHidden: document.getElementById('results').hidden,
      skipHidden: document.querySelector('.skip').hidden,
      warming: document.querySelectorAll('.warming').length,
      summaryAttrs: Object.keys(summary.dataset).sort(),
      summaryState: summary.dataset.state,
      summaryClass: summary.className,
      empty: ['#summary', '#messages', '#findings', '#claims', '#source', '#tables', '#checks'].filter(empty),
      counts: [...document.querySelectorAll('#filters [data-count]')].map((s) => s.textContent),
      tips: document.querySelectorAll('[role="tooltip"]').length,
      focus: document.activeElement === document.body,
    };
  });
  assert.deepEqual(state, {
    resultsHidden: true, skipHidden: true, warming: 0,
    summaryAttrs: ['state', 'testid'], summaryState: 'idle', summaryClass: 'summary',
    empty: ['#summary', '#messages', '#findings', '#claims', '#source', '#tables', '#checks'],
    counts: ['', '', ''], tips: 0, focus: true,
  }, 'the results are as before any analysis');
  const tree = await axTree(page);
  const leaked = tree.filter((n) => /在原文中查看|Show in the text|重大错误|material errors/.test(n.name));
  assert.deepEqual(leaked, [], 'nothing of the warm-up is in the accessibility tree');

  // And the first real analysis is drawn whole.
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  await assertMatchesCli(page, cliReport(SEED_000));
  assert.deepEqual(log.errors, []);
  await close();
});

test('the warm-up never runs while an analysis is under way', { timeout: 3 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000); // the sample
  const { page, log, close } = await env.openPage(null);
  // Every value the summary's data-state takes, and "load the sample" pressed as soon as
  // the page's script has run (DOMContentLoaded), while the warm-up has steps to go.
  await page.addInitScript(() => {
    window.__states = []; // the value before each change
    new MutationObserver((records) => {
      for (const r of records) if (r.target.id === 'summary') window.__states.push(r.oldValue);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
    document.addEventListener('DOMContentLoaded', () => document.querySelector('[data-testid="load-sample"]').click());
  });
  await page.goto(env.baseUrl);
  await waitForResults(page);
  await assertMatchesCli(page, expected);
  // Every value it took, in order (repeats merged): once the analysis has made it
  // "busy", nothing may make it anything but "done".
  const states = (await page.evaluate(() => [...window.__states, document.getElementById('summary').dataset.state]))
    .filter((v, i, all) => v !== all[i - 1]);
  const from = states.indexOf('busy');
  assert.ok(from >= 0, `the analysis set "busy" (${states.join(' ')})`);
  assert.deepEqual(states.slice(from), ['busy', 'done'], `data-state after the analysis started: ${states.join(' ')}`);
  assert.deepEqual(log.errors, []);
  await close();
});

// Chromium resolves a character missing from the fonts the stylesheet names by asking
// the browser process for a system font, once per character, and waits for the answer:
// on a busy machine that was most of the first results' layout. With the CJK font that
// scripts/setup.sh installs (fonts-wqy-microhei) named in both font stacks and in the
// favicon, Chinese text needs no such request. Counted from Chromium's trace ("fonts"
// category); a character that no installed font has shows that the trace does record
// the requests.
test('Chinese text is drawn with a font the stylesheet names: no per-character fallback requests', { timeout: 3 * TIMEOUT }, async () => {
  const { page, log, close } = await env.openPage(null);
  const cdp = await page.context().newCDPSession(page);
  const trace = async (fn) => {
    await cdp.send('Tracing.start', { categories: 'fonts,devtools.timeline', transferMode: 'ReturnAsStream' });
    await fn();
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    let data = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      data += chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    // Every request, wherever it was made: the favicon (an SVG image, laid out in a
    // frame of its own, sometimes outside any Layout event of the trace) names the same
    // CJK fonts, so nothing on the page needs one.
    // With each request, what it happened within (the enclosing events of its thread:
    // Layout, Paint, a timer, a click's handler...), for the message if any is found.
    const events = JSON.parse(data).traceEvents;
    // Only once the stylesheet is parsed: Chromium may lay the page out while the
    // render-blocking style.css is still on its way (a lifecycle update of its own, never
    // painted; about 1 run in 8 here: 12 requests, the text parsed so far in the default font).
    // What the stylesheet names is then not yet in force, so those say nothing of it.
    const parsed = events.find((e) => e.name === 'ParseAuthorStyleSheet' &&
      /\/style\.css$/.test(e.args?.data?.styleSheetUrl || ''));
    const requests = events.filter((e) => e.name === 'FontCache::FallbackFontForCharacter' &&
      (!parsed || e.pid !== parsed.pid || e.ts >= parsed.ts + (parsed.dur || 0)));
    const within = new Set();
    for (const r of requests) {
      const around = events.filter((e) => e.ph === 'X' && e !== r && e.pid === r.pid && e.tid === r.tid &&
        e.ts <= r.ts && e.ts + (e.dur || 0) >= r.ts + (r.dur || 0));
      within.add(around.map((e) => e.name + (e.args?.data?.type ? `(${e.args.data.type})` : '')).join(' > ') || '(no enclosing event)');
    }
    return { count: requests.length, within: [...within].slice(0, 8).join('; ') };
  };

  const fallbacks = await trace(async () => {
    await page.goto(env.baseUrl);
    await waitForReady(page);
    await analyzeText(page, readFileSync(SEED_000, 'utf8'));
    await page.locator('#tab-tables').click();
    await page.waitForSelector('#tables table');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  });
  assert.equal(fallbacks.count, 0,
    `no per-character font fallback for the page, the report text and the results (requested within: ${fallbacks.within})`);

  // The control: Meetei Mayek (U+ABC0…) is in neither font stack.
  const control = await trace(async () => {
    await page.evaluate(() => {
      const span = document.createElement('span');
      span.textContent = '\uabc0\uabc1\uabc2';
      document.querySelector('footer').append(span);
      return document.body.offsetHeight;
    });
  });
  assert.ok(control.count > 0, 'the trace records fallback requests (a character no listed font has)');
  assert.deepEqual(log.errors, []);
  await cdp.detach();
  await close();
});
