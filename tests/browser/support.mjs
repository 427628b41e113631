// Shared by the browser tests (tests/browser/*.test.mjs): paths, the CLI's expected
// reports, one Chromium and one server of dist/ per test file, pages that record their
// requests and errors, and the waits and checks every test uses. Not a test file itself.
//
// Environment: HEZHANG_CLI (default build/native/cli/hezhang), HEZHANG_DIST (dist),
// HEZHANG_CHROMIUM (/usr/bin/chromium), HEZHANG_ARTIFACTS (build/browser-artifacts).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { cliJson } from '../node/cli-json.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(root, process.env.HEZHANG_CLI || 'build/native/cli/hezhang');
export const dist = path.resolve(root, process.env.HEZHANG_DIST || 'dist');
export const artifacts = path.resolve(root, process.env.HEZHANG_ARTIFACTS || 'build/browser-artifacts');
const fixtures = path.join(root, 'tests/fixtures');
export const SEED_000 = path.join(fixtures, '000_9c8107d782db8362.txt');
export const SEED_002 = path.join(fixtures, '002_dc4432bf91a26f7a.txt');
export const SEED_003 = path.join(fixtures, '003_7723f8960340c19d.txt');
export const SEED_004 = path.join(fixtures, '004_b4f9d2b1ef90862f.txt');
export const TIMEOUT = 60_000; // analyses are slow under load (2 cores shared with compilers)

// The CLI's report for a file (exit 0 and 1 both mean "analysed").
export const cliReport = (file) => JSON.parse(cliJson(cli, file));

// Registers the file's before/after hooks: Chromium, and dist/ served on a free port.
// The returned object's browser and baseUrl are set once the hooks have run.
export function useBrowser() {
  const env = { browser: null, server: null, baseUrl: null };
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    ({ server: env.server, url: env.baseUrl } = await serve(dist, { port: 0 }));
    env.browser = await chromium.launch({
      executablePath: process.env.HEZHANG_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
    env.server?.closeAllConnections?.();
  });
  // A page that records every request and fails the test on script errors.
  env.openPage = async (url, { viewport = { width: 1280, height: 900 }, context } = {}) => {
    const ctx = context || await env.browser.newContext({ viewport, acceptDownloads: true });
    const page = await ctx.newPage();
    const log = { requests: [], errors: [], dialogs: [] };
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
    page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    if (url) {
      await page.goto(url);
      await waitForReady(page);
    }
    return { page, log, close: () => ctx.close() };
  };
  return env;
}

// The page has loaded its WebAssembly and can analyse.
export async function waitForReady(page) {
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached', timeout: TIMEOUT });
}

export async function waitForResults(page) {
  await page.waitForSelector('[data-testid="summary"][data-errors]', { state: 'attached', timeout: TIMEOUT });
}

export async function analyzeText(page, text) {
  await page.fill('[data-testid="report-input"]', text);
  await page.click('[data-testid="analyze"]');
  await waitForResults(page);
}

// The page shows what the CLI found: the summary counts and one element per finding,
// with the same line ranges.
export async function assertMatchesCli(page, expected) {
  const shown = await page.$eval('[data-testid="summary"]', (s) => ({ ...s.dataset }));
  assert.equal(shown.errors, String(expected.summary.errors), 'data-errors');
  assert.equal(shown.warnings, String(expected.summary.warnings), 'data-warnings');
  assert.equal(shown.rounding, String(expected.summary.rounding), 'data-rounding');
  assert.equal(shown.checks, String(expected.summary.checks), 'data-checks');
  assert.match(shown.analysisMs, /^\d+(\.\d+)?$/, 'data-analysis-ms');
  const lines = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => e.dataset.lines).sort());
  const want = expected.findings.map((f) => `${f.lines[0]}-${f.lines[f.lines.length - 1]}`).sort();
  assert.deepEqual(lines, want, 'one finding element per finding, with its lines');
}

// What Chromium itself exposes to assistive technology for the element matched by
// selector (role, name, description), through the DevTools protocol.
export async function axNode(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector });
    assert.ok(nodeId, `no element matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    const prop = (name) => node.properties?.find((p) => p.name === name)?.value?.value;
    return {
      role: node.role?.value, name: node.name?.value ?? '', description: node.description?.value ?? '',
      ignored: node.ignored, live: prop('live'), focusable: prop('focusable'), current: prop('current'),
    };
  } finally {
    await cdp.detach();
  }
}

// The whole accessibility tree as Chromium exposes it (ignored nodes left out).
export async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map((n) => ({
      role: n.role?.value, name: n.name?.value ?? '',
      focusable: n.properties?.some((p) => p.name === 'focusable' && p.value.value) ?? false,
      backendId: n.backendDOMNodeId,
    }));
  } finally {
    await cdp.detach();
  }
}
