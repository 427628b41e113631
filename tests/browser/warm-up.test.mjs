// What the page does so that the user's first analysis is drawn as fast as later ones:
// Chinese text drawn with a font the stylesheet names, not one the browser must ask the
// system for character by character (style.css font stacks). Times are never asserted
// here: bench/run.mjs measures them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SEED_000, TIMEOUT, analyzeText, useBrowser } from './support.mjs';

const env = useBrowser();

// Chromium resolves a character missing from the fonts the stylesheet names by asking
// the browser process for a system font, once per character, and waits for the answer:
// on a busy machine that was most of the first results' layout. With the CJK font that
// scripts/setup.sh installs (fonts-wqy-microhei) named in both font stacks, Chinese text
// needs no such request. Counted from Chromium's trace ("fonts" category); a character
// that no installed font has shows that the trace does record the requests.
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
    // Requests made while laying out the page itself (not, say, its favicon, an SVG
    // document of its own).
    const events = JSON.parse(data).traceEvents;
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X');
    return events.filter((e) => e.name === 'FontCache::FallbackFontForCharacter').filter((e) => {
      const layout = layouts.find((l) => l.pid === e.pid && l.tid === e.tid && l.ts <= e.ts && e.ts <= l.ts + l.dur);
      return !layout || layout.args?.beginData?.frame === frameTree.frame.id;
    }).length;
  };

  const fallbacks = await trace(async () => {
    await page.goto(env.baseUrl);
    await page.waitForSelector('body[data-state="ready"]', { state: 'attached', timeout: TIMEOUT });
    await analyzeText(page, readFileSync(SEED_000, 'utf8'));
    await page.locator('#tab-tables').click();
    await page.waitForSelector('#tables table');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  });
  assert.equal(fallbacks, 0, 'no per-character font fallback for the page, the report text and the results');

  // The control: Meetei Mayek (U+ABC0…) is in neither font stack.
  const control = await trace(async () => {
    await page.evaluate(() => {
      const span = document.createElement('span');
      span.textContent = '\uabc0\uabc1\uabc2';
      document.querySelector('footer').append(span);
      return document.body.offsetHeight;
    });
  });
  assert.ok(control > 0, 'the trace records fallback requests (a character no listed font has)');
  assert.deepEqual(log.errors, []);
  await cdp.detach();
  await close();
});
