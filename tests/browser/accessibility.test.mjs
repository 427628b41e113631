// The page for keyboard and screen-reader users (docs/accessibility.md): what Chromium
// exposes to assistive technology (roles, names, descriptions, live regions, read through
// the DevTools protocol), where focus goes, keyboard access to the tables view's flagged
// cells, visible focus, and the contrast of coloured text. Expected findings come from
// the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  SEED_000, TIMEOUT, analyzeText, artifacts, axNode, axTree, cliReport, useBrowser, waitForResults,
} from './support.mjs';

const env = useBrowser();

test('landmarks, headings, names of controls, the status line and the summary as exposed to screen readers', { timeout: 3 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000);
  const { page, log, close } = await env.openPage(env.baseUrl);

  // Before any analysis: the skip link leads nowhere yet, so it is not there.
  assert.equal(await page.locator('.skip').isVisible(), false);
  const status = await axNode(page, '[data-testid="status"]');
  assert.equal(status.role, 'status');
  assert.equal(status.live, 'polite', 'the status line is a polite live region');

  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  await page.click('#claims summary'); // the claims' buttons too
  await page.waitForSelector('#claims tbody tr', { state: 'attached', timeout: TIMEOUT });

  // Landmarks and named regions.
  for (const [role, name] of [['banner', undefined], ['main', undefined], ['contentinfo', undefined],
    ['region', '报告'], ['region', '核对结果'], ['region', '原文']]) {
    assert.equal(await page.getByRole(role, name ? { name, exact: true } : {}).count(), 1, `one ${role} ${name ?? ''}`);
  }
  // The controls, by role and name.
  for (const [role, name] of [['button', '开始核对'], ['button', '载入示例报告'], ['button', 'English'],
    ['button', '导出 JSON'], ['button', '导出 CSV'], ['button', '打印核对摘要'],
    ['textbox', '报告文本（粘贴，或把 .txt / .md / .html / .csv 文件拖到这里）'], ['button', '上传文件'],
    ['tab', '问题与原文'], ['tab', '表格'], ['tab', '核对项'], ['tablist', '视图']]) {
    assert.equal(await page.getByRole(role, { name, exact: true }).count(), 1, `${role} "${name}"`);
  }
  for (const sev of ['错误', '警告', '尾差与提示']) {
    assert.equal(await page.getByRole('checkbox', { name: new RegExp(`^${sev}`) }).count(), 1, `filter ${sev}`);
  }

  // Everything focusable has a role that says what it is and a name: no clickable
  // list items or table rows, no unnamed buttons.
  const tree = await axTree(page);
  const focusable = tree.filter((n) => n.focusable && n.role !== 'RootWebArea');
  assert.ok(focusable.length > expected.findings.length, 'the findings\' buttons are among the tab stops');
  for (const n of focusable) {
    assert.ok(['button', 'link', 'textbox', 'checkbox', 'tab', 'region', 'group', 'cell', 'DisclosureTriangle'].includes(n.role),
      `a focusable ${n.role} "${n.name}" (say what it is)`);
    assert.ok(n.name.trim() || n.role === 'cell', `a focusable ${n.role} without a name`);
  }
  // Each finding: a button named by its lines, described by its message, in a list item.
  const findingButtons = tree.filter((n) => n.role === 'button' && /^第 \d+(–\d+)? 行 · 在原文中查看$/.test(n.name));
  assert.equal(findingButtons.length, expected.findings.length + expected.claims.filter((c) => c.line || c.lines).length);
  const firstButton = await axNode(page, '[data-testid="finding"] button.goto');
  const firstMessage = await page.textContent('[data-testid="finding"] .msg');
  assert.equal(firstButton.description, firstMessage);
  assert.equal(await page.locator('[data-testid="finding"]').first().evaluate((li) => li.tagName + (li.getAttribute('tabindex') ?? '')), 'LI');

  // Headings: one h1, then no level skipped.
  const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 1);
  assert.equal(levels.filter((l) => l === 1).length, 1);
  levels.forEach((l, i) => assert.ok(i === 0 || l <= levels[i - 1] + 1, `heading h${l} after h${levels[i - 1]}`));

  // The summary: named by its verdict, described by its counts; the status line (live)
  // says the verdict too, so it is announced whether or not focus moves.
  const summary = await axNode(page, '[data-testid="summary"]');
  const headline = await page.textContent('#summary .headline');
  assert.equal(summary.name, headline);
  assert.match(summary.description, new RegExp(`^${expected.summary.errors}\\s*重大错误`));
  assert.ok((await page.textContent('[data-testid="status"]')).includes(headline), 'the status line gives the verdict');
  const skipRight = () => page.$eval('.skip', (a) => a.getBoundingClientRect().right);
  assert.ok(await skipRight() <= 0, 'the skip link is off screen until focused');
  await page.focus('.skip');
  assert.ok(await skipRight() > 0, 'once there are results, the skip link is there and shows on focus');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results', 'and leads to them');

  // In English, names follow.
  await page.click('[data-testid="lang"]');
  assert.equal(await page.getByRole('button', { name: 'Check', exact: true }).count(), 1);
  assert.equal(await page.getByRole('region', { name: 'Results', exact: true }).count(), 1);
  assert.ok((await page.textContent('[data-testid="status"]')).includes(await page.textContent('#summary .headline')),
    'the status line\'s verdict is in the new language');
  assert.deepEqual(log.errors, []);
  await close();
});

test('focus after analysis: to the summary when the user started it from a button, not while typing', { timeout: 3 * TIMEOUT }, async () => {
  const text = readFileSync(SEED_000, 'utf8');
  const { page, log, close } = await env.openPage(env.baseUrl);
  const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);

  // Keyboard on the button.
  await page.fill('[data-testid="report-input"]', text);
  await page.focus('[data-testid="analyze"]');
  await page.keyboard.press('Enter');
  await waitForResults(page);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'summary', null, { timeout: TIMEOUT });
  assert.equal(await focused(), 'summary');
  const outline = await page.$eval('[data-testid="summary"]', (e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused summary shows it');
  // Tab goes on from the results, not from the top of the page.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('#results').contains(document.activeElement)));

  // Ctrl+Enter while typing: the text area keeps focus; the status line announces.
  await page.focus('[data-testid="report-input"]');
  await page.keyboard.press('Control+Enter');
  await waitForResults(page);
  // The page moves focus after the results' first frame and one more task (focusSummary):
  // wait past that, or this would pass before focus could have moved.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 50), 0))));
  assert.equal(await focused(), 'report-input', 'focus stays where the user is typing');
  assert.ok((await page.textContent('[data-testid="status"]')).includes(await page.textContent('#summary .headline')));

  // The sample button: focus moves to the results.
  await page.focus('[data-testid="load-sample"]');
  await page.keyboard.press('Enter');
  await waitForResults(page);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'summary', null, { timeout: TIMEOUT });
  assert.deepEqual(log.errors, []);
  await close();
});

test('tables view by keyboard: only flagged cells are tab stops; focus shows the failed relation, Escape hides it', { timeout: 3 * TIMEOUT }, async () => {
  const expected = cliReport(SEED_000);
  const messages = expected.findings.map((f) => f.message_zh);
  const { page, log, close } = await env.openPage(env.baseUrl);
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  await page.focus('#tab-findings');
  await page.keyboard.press('ArrowRight'); // to the tables tab, which shows its panel
  assert.equal(await page.getAttribute('#tab-tables', 'aria-selected'), 'true');

  const flaggedCount = await page.locator('#tables td.flag').count();
  assert.ok(flaggedCount > 0, 'seed 000 has flagged cells');
  assert.equal(await page.locator('#tables td[tabindex]').count(), flaggedCount, 'tabindex on flagged cells only');
  assert.equal(await page.locator('#tables td.flag:not([tabindex="0"])').count(), 0);

  // Tab from the tab list until a flagged cell has focus.
  let cell = null;
  for (let i = 0; i < 40 && !cell; i++) {
    await page.keyboard.press('Tab');
    cell = await page.evaluate(() => (document.activeElement?.matches('td.flag') ? document.activeElement.getAttribute('aria-describedby') : null));
  }
  assert.ok(cell, 'a flagged cell is reached with Tab');
  const tip = page.locator(`#${cell}`);
  assert.equal(await tip.isVisible(), true, 'its explanation is shown on focus');
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  const explanation = await tip.textContent();
  assert.ok(messages.some((m) => explanation.includes(m)), `the explanation names a failed relation: ${explanation}`);
  const ax = await axNode(page, `td[aria-describedby="${cell}"]`);
  assert.equal(ax.description, explanation.replace(/\s+/g, ' ').trim(), 'screen readers get the explanation as the cell\'s description');
  // Shown next to the cell, and the focus is visible over the cell's colouring.
  const [cellBox, tipBox] = await Promise.all([page.locator(`td[aria-describedby="${cell}"]`).boundingBox(), tip.boundingBox()]);
  assert.ok(Math.abs(tipBox.y - (cellBox.y + cellBox.height)) < 8, 'the tooltip sits under its cell');
  const focusOutline = await page.$eval(`td[aria-describedby="${cell}"]`, (td) => getComputedStyle(td).outlineColor);
  await page.screenshot({ path: path.join(artifacts, 'tables-keyboard.png') });

  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false, 'Escape hides it');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), cell, 'and focus stays on the cell');

  // The next flagged cell: its own explanation, the previous one hidden.
  let next = null;
  for (let i = 0; i < 40 && !next; i++) {
    await page.keyboard.press('Tab');
    next = await page.evaluate((prev) => {
      const a = document.activeElement;
      return a?.matches('td.flag') && a.getAttribute('aria-describedby') !== prev ? a.getAttribute('aria-describedby') : null;
    }, cell);
  }
  assert.ok(flaggedCount > 1 && next, 'Tab reaches a second flagged cell');
  assert.equal(await page.locator(`#${next}`).isVisible(), true);
  assert.equal(await page.locator('#tables [role="tooltip"]:visible').count(), 1, 'one tooltip at a time');
  // Unfocused, the same kind of cell has another outline than when focused.
  const unfocused = await page.$eval(`td[aria-describedby="${cell}"]`, (td) => getComputedStyle(td).outlineColor);
  assert.notEqual(unfocused, focusOutline, 'focus changes the cell\'s outline');
  // Leaving the tables hides any tooltip.
  await page.focus('#tab-tables');
  assert.equal(await page.locator('#tables [role="tooltip"]:visible').count(), 0);
  assert.deepEqual(log.errors, []);
  await close();
});

test('coloured text meets WCAG AA contrast (4.5:1): flagged cells, badges, counts, highlighted source lines', { timeout: 3 * TIMEOUT }, async () => {
  const { page, log, close } = await env.openPage(env.baseUrl);
  await analyzeText(page, readFileSync(SEED_000, 'utf8'));
  await page.locator('[data-testid="finding"] button.goto').first().click(); // highlighted lines
  const sampleContrast = () => page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const selectors = ['td.flag', '.badge', '.sev', '.stat .n', '.stat .label', '.summary .headline', '.summary .doc',
      '.message', '.ln[data-hl]', '.ln', '.finding .msg', '.finding .related', '.figures dt', 'button.goto',
      '.count', '.ledger td', 'th.lineno', 'button.primary', '.status', '.tagline', 'footer'];
    const out = [];
    for (const sel of selectors) {
      for (const e of [...document.querySelectorAll(sel)].filter((x) => x.checkVisibility()).slice(0, 30)) {
        for (const pseudo of sel.startsWith('.ln') ? [null, '::before'] : [null]) {
          const fg = rgb(getComputedStyle(e, pseudo).color);
          const [a, b] = [lum(fg), lum(background(e))].sort((x, y) => y - x);
          out.push({ sel: sel + (pseudo || ''), text: (e.textContent || '').slice(0, 20), ratio: (a + 0.05) / (b + 0.05) });
        }
      }
    }
    return out;
  });
  const seen = new Set();
  const check = async () => {
    for (const r of await sampleContrast()) {
      seen.add(r.sel);
      assert.ok(r.ratio >= 4.5, `${r.sel} "${r.text}": contrast ${r.ratio.toFixed(2)}:1`);
    }
  };
  await check();
  await page.click('#tab-tables');
  await check();
  await page.click('#tab-checks');
  await check();
  for (const sel of ['td.flag', '.badge', '.stat .n', '.ln[data-hl]::before', '.ledger td']) assert.ok(seen.has(sel), `${sel} was measured`);
  assert.deepEqual(log.errors, []);
  await close();
});
