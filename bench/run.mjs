// The benchmark suite behind `npm run bench` (bench/run.sh builds first).
// Measures, on the seed reports in tests/fixtures/:
//   native   analysis time per seed (median of many runs), MB/s over all seeds, peak RSS;
//            the medians' excess over the fastest runs, and the same for a loop touching
//            no memory timed between the runs (how much the host slowed those seconds)
//   wasm     the same per-seed times in Node, with the module the page uses, and the
//            WASM/native ratio from this same run (bytes in and out, as natively, into
//            one buffer kept between reports; a new array per report and the page's
//            string call beside it)
//   page     headless Chromium on dist/: cold load to ready, click-to-results for the
//            largest seed (the first click after load, pasted then clicked 1 s later, in
//            each of 5 cold pages, and the median of later clicks), bytes transferred
//            (gzip, as scripts/serve.mjs sends them), the load average around it
//   sizes    .wasm and JS raw and gzipped, dist/hezhang.html
//   batch    `hezhang check` over 1 000 copies of the seeds, reports/s with --jobs 1 and N
//   phases   time by phase of an analysis (input checks, lines, tables, sections, claims,
//            linking, rules, JSON), natively and in WebAssembly, from one harness
//   instructions  callgrind's count for one analysis of each seed (repeatable, unlike times)
//   scaling  bench/scaling.mjs --quick (time and memory against 1x and 10x input)
// then prints one table and writes it as JSON (build/bench/results.json).
//
// Times are never asserted by tests: they are reported here against the targets of
// issue 7, with the machine, its load and the date beside them. With
// HEZHANG_BENCH_STRICT=1 a missed target makes the exit status 1.
//
// Environment (paths relative to the repository root):
//   HEZHANG_BENCH_NATIVE_DIR  native build dir with cli/hezhang, bench/hezhang_bench (build/native)
//   HEZHANG_BENCH_WASM_DIR    wasm build dir with hezhang.mjs + hezhang.wasm     (build/wasm)
//   HEZHANG_BENCH_DIST        the page                                           (dist)
//   HEZHANG_BENCH_OUT         output directory                                   (build/bench)
//   HEZHANG_BENCH_SECONDS     minimum seconds of timing per seed and build       (1)
//   HEZHANG_BENCH_COPIES      batch size                                         (1000)
//   HEZHANG_BENCH_JOBS        --jobs for the parallel batch run                  (cores)
//   HEZHANG_BENCH_SKIP        comma-separated parts to skip: native,wasm,phases,page,batch,instructions,scaling
//   HEZHANG_BENCH_SCALING     'full' for the 100x scaling inputs too (minutes)   (quick)
//   HEZHANG_BENCH_SCALING_SECONDS  the scaling part is stopped after this         (600)
//   HEZHANG_CHROMIUM          browser binary                                     (/usr/bin/chromium)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync }
  from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const fromRoot = (p) => path.resolve(root, p);
const nativeDir = fromRoot(env.HEZHANG_BENCH_NATIVE_DIR || 'build/native');
const wasmDir = fromRoot(env.HEZHANG_BENCH_WASM_DIR || 'build/wasm');
const distDir = fromRoot(env.HEZHANG_BENCH_DIST || 'dist');
const outDir = fromRoot(env.HEZHANG_BENCH_OUT || 'build/bench');
const seconds = Number(env.HEZHANG_BENCH_SECONDS || 1);
const copies = Number(env.HEZHANG_BENCH_COPIES || 1000);
const parallelJobs = Number(env.HEZHANG_BENCH_JOBS || os.cpus().length);
const skip = new Set((env.HEZHANG_BENCH_SKIP || '').split(',').filter(Boolean));
const chromiumPath = env.HEZHANG_CHROMIUM || '/usr/bin/chromium';

const cli = path.join(nativeDir, 'cli/hezhang');
const benchBin = path.join(nativeDir, 'bench/hezhang_bench');
const fixturesDir = path.join(root, 'tests/fixtures');
const seeds = readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).sort()
  .map((name) => ({ name, file: path.join(fixturesDir, name), bytes: statSync(path.join(fixturesDir, name)).size }));
const largest = seeds.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const MB = 1e6;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

const results = {
  schema: 'hezhang.bench/1',
  date: new Date().toISOString(),
  machine: machine(),
  seeds: seeds.map(({ name, bytes }) => ({ name, bytes })),
};

function machine() {
  const cpus = os.cpus();
  const version = (cmd, args) => {
    try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]; }
    catch { return null; }
  };
  let distro = null;
  try { distro = /PRETTY_NAME="([^"]*)"/.exec(readFileSync('/etc/os-release', 'utf8'))[1]; } catch {}
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: distro,
    node: process.version,
    gxx: version('g++', ['--version']),
    // Other work on the machine inflates every time below; say how busy it was.
    load_average_1m_at_start: Number(os.loadavg()[0].toFixed(2)),
  };
}

// --- native and wasm timings ------------------------------------------------------------
// Interleaved: each round times every seed natively, then in WebAssembly, so that
// the ratio compares runs made moments apart (other work on a shared machine comes
// and goes within seconds to minutes: whole rounds ran 1.5x slower, both builds
// alike). Per seed, the median of the rounds' medians; the WASM/native ratio is
// the median of the rounds' own ratios, each from runs a fraction of a second
// apart (with 3 rounds, a ratio of medians had moved between 1.50 and 1.95 in
// consecutive runs).

const ROUNDS = 9;

async function loadWasm() {
  const mjs = path.join(wasmDir, 'hezhang.mjs');
  const wasm = path.join(wasmDir, 'hezhang.wasm');
  if (!existsSync(mjs) || !existsSync(wasm)) throw new Error(`${mjs} / ${wasm} missing`);
  const { default: createHezhang } = await import(pathToFileURL(mjs).href);
  // The page's worker runs the same WebAssembly (inlined in hezhang.single.mjs).
  return createHezhang({ wasmBinary: readFileSync(wasm) });
}

// Node compiles each WebAssembly function quickly first (Liftoff) and again,
// optimised (TurboFan), once it has run a while, on other threads: until then
// the first seed timed ran up to 3x slower than later rounds (13.7 against
// 3.8 ms). Both entry points run on every seed for WARM_UP_SECONDS first, as
// the page's worker warms up before the first click (web/worker.js).
const WARM_UP_SECONDS = 2;
function warmUpWasm(module) {
  const inputs = seeds.map((seed) => {
    const bytes = new Uint8Array(readFileSync(seed.file));
    return { bytes, text: new TextDecoder().decode(bytes) };
  });
  const out = new Uint8Array(1 << 20);
  const start = performance.now();
  while (performance.now() - start < WARM_UP_SECONDS * 1000) {
    for (const { bytes, text } of inputs) {
      module.analyzeBytesInto(bytes, '{}', out);
      module.analyzeBytes(bytes, '{}');
      module.analyze(text, '{}');
    }
  }
}

// Times one entry point of the module on one seed: the warm-up calls first,
// then at least 10 calls and secs seconds.
function timeCalls(call, secs) {
  for (let w = 0; w < 3; ++w) call();
  const ms = [];
  const start = performance.now();
  while (ms.length < 10 || performance.now() - start < secs * 1000) {
    const t0 = performance.now();
    call();
    ms.push(performance.now() - t0);
  }
  return { runs: ms.length, median_ms: median(ms), min_ms: Math.min(...ms) };
}

// The WASM/native ratio times analyzeBytesInto: UTF-8 bytes in, the JSON's
// UTF-8 bytes out into one buffer kept from call to call, the very work the
// native harness times (analyze_to_json on the file's bytes, its heap kept
// between reports as the CLI keeps it). analyzeBytes, which returns a new
// array each time (the host's heap maps and faults in every one), and the
// string call the page makes (analyze: a JS string in and out) are timed too
// and shown beside it: that allocation and the strings' encoding and
// decoding are the host's work, which the native side never does.
function timeWasm(module, seed, secs) {
  const bytes = new Uint8Array(readFileSync(seed.file));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  // The options the CLI would pass, so the JSON is the native harness's JSON.
  const options = JSON.stringify({ name: seed.name, encoding: 'utf-8', input_bytes: bytes.length });
  const jsonBytes = module.analyzeBytes(bytes, options).length;
  const out = new Uint8Array(jsonBytes);
  return {
    json_bytes: jsonBytes,
    ...timeCalls(() => module.analyzeBytesInto(bytes, options, out), secs / 3),
    fresh_buffer: timeCalls(() => module.analyzeBytes(bytes, options), secs / 3),
    string_call: timeCalls(() => module.analyze(text, options), secs / 3),
  };
}

function timeNative(seed, secs) {
  return JSON.parse(execFileSync(benchBin, ['--min-seconds', String(secs), '--min-runs', '10', '--probe', seed.file],
    { encoding: 'utf8' }));
}

// Round results of one seed -> one summary.
const combine = (rounds) => ({
  runs: rounds.reduce((a, r) => a + r.runs, 0),
  median_ms: median(rounds.map((r) => r.median_ms)),
  min_ms: Math.min(...rounds.map((r) => r.min_ms)),
  round_medians_ms: rounds.map((r) => r.median_ms),
  // The native harness's probe, timed between the runs (bench/harness.cpp).
  ...(rounds[0].probe_min_ms !== undefined && {
    probe_median_ms: median(rounds.map((r) => r.probe_median_ms)),
    probe_min_ms: Math.min(...rounds.map((r) => r.probe_min_ms)),
  }),
});
// A field summed over the seeds (their bytes, medians, minimums, instructions).
const sumOf = (perSeed, field) => perSeed.reduce((a, s) => a + s[field], 0);

async function runTimings() {
  const doNative = !skip.has('native');
  if (doNative && !existsSync(benchBin)) {
    results.native = { error: `${benchBin} missing: build the target hezhang_bench` };
  }
  const nativeOk = doNative && !results.native;
  let module = null;
  if (skip.has('wasm')) results.wasm = { skipped: 'HEZHANG_BENCH_SKIP' };
  else {
    try { module = await loadWasm(); } catch (err) { results.wasm = { error: err.message }; }
    if (module) warmUpWasm(module);
  }
  if (!doNative) results.native = { skipped: 'HEZHANG_BENCH_SKIP' };
  log(`timing ${seeds.length} seeds: ${ROUNDS} rounds of ${(seconds / ROUNDS).toFixed(2)}s per seed and build`);
  const nat = seeds.map(() => []);
  const was = seeds.map(() => []);
  for (let r = 0; r < ROUNDS; ++r) {
    seeds.forEach((seed, i) => {
      if (nativeOk) nat[i].push(timeNative(seed, seconds / ROUNDS));
      if (module) was[i].push(timeWasm(module, seed, seconds / ROUNDS));
    });
  }
  if (nativeOk) {
    const perSeed = seeds.map((seed, i) => {
      const peak = JSON.parse(execFileSync(benchBin, ['--peak-rss', seed.file], { encoding: 'utf8' }));
      return {
        name: seed.name, bytes: seed.bytes, json_bytes: nat[i][0].json_bytes, ...combine(nat[i]),
        peak_rss_kb: peak.peak_rss_kb,
        // issue 7: peak memory <= 10 x input + 16 MB
        peak_rss_limit_kb: Math.round((10 * seed.bytes + 16 * 2 ** 20) / 1024),
      };
    });
    const totalBytes = sumOf(perSeed, 'bytes');
    const totalMs = sumOf(perSeed, 'median_ms');
    const totalMinMs = sumOf(perSeed, 'min_ms');
    results.native = { per_seed: perSeed, total_bytes: totalBytes, total_median_ms: totalMs,
      throughput_mb_s: totalBytes / MB / (totalMs / 1000), total_min_ms: totalMinMs,
      fastest_throughput_mb_s: totalBytes / MB / (totalMinMs / 1000),
      probe_median_over_min: sumOf(perSeed, 'probe_median_ms') / sumOf(perSeed, 'probe_min_ms') };
  }
  if (module) {
    const perSeed = seeds.map((seed, i) => ({ name: seed.name, bytes: seed.bytes,
      json_bytes: was[i][0].json_bytes, ...combine(was[i]), fresh_buffer: combine(was[i].map((r) => r.fresh_buffer)),
      string_call: combine(was[i].map((r) => r.string_call)) }));
    results.wasm = { entry_point: 'analyzeBytesInto', per_seed: perSeed,
      total_median_ms: sumOf(perSeed, 'median_ms'), total_min_ms: sumOf(perSeed, 'min_ms'),
      fresh_buffer_total_median_ms: sumOf(perSeed.map((s) => s.fresh_buffer), 'median_ms'),
      string_call_total_median_ms: sumOf(perSeed.map((s) => s.string_call), 'median_ms') };
  }
}

// --- artifact sizes -----------------------------------------------------------------

function sizes() {
  const files = {
    'hezhang.wasm': path.join(wasmDir, 'hezhang.wasm'),
    'hezhang.mjs': path.join(wasmDir, 'hezhang.mjs'),
    'hezhang.single.mjs': path.join(wasmDir, 'hezhang.single.mjs'),
    'dist/hezhang.html': path.join(distDir, 'hezhang.html'),
  };
  const out = {};
  for (const [name, file] of Object.entries(files)) {
    if (!existsSync(file)) { out[name] = null; continue; }
    const buf = readFileSync(file);
    out[name] = { bytes: buf.length, gzip_bytes: gz(buf) };
  }
  return out;
}

// --- batch --------------------------------------------------------------------------

function runBatch() {
  const dir = path.join(outDir, 'batch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (let i = 0; i < copies; ++i) {
    const seed = seeds[i % seeds.length];
    const file = path.join(dir, `${String(i).padStart(4, '0')}_${seed.name}`);
    copyFileSync(seed.file, file);
    files.push(file);
    bytes += seed.bytes;
  }
  const run = (jobs) => {
    log(`batch: hezhang check --format json --jobs ${jobs} over ${copies} reports`);
    const t0 = performance.now();
    // JSON goes to /dev/null: what is measured is reading, analysing and printing.
    const r = spawnSync(cli, ['check', '--format', 'json', '--jobs', String(jobs), ...files],
      { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const s = (performance.now() - t0) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`batch run failed (${r.status}): ${r.stderr}`);
    return { jobs, seconds: s, reports_per_s: copies / s, mb_s: bytes / MB / s };
  };
  const one = run(1);
  const many = run(parallelJobs);
  return { reports: copies, bytes, jobs_1: one, [`jobs_${parallelJobs}`]: many, parallel: many,
    speedup: one.seconds / many.seconds };
}

// --- phases ---------------------------------------------------------------------------
// Where an analysis spends its time, and which phases WebAssembly slows most: the
// harness's --phases mode (a pass analyses every seed, each phase timed), natively and
// as the same program on the WebAssembly core (build/wasm/bench/hezhang_bench.cjs,
// built by bench/run.sh), in turn, PHASE_ROUNDS times; per phase its least time in a
// pass over all rounds (other work on this shared host slows passes, sometimes for
// seconds, never speeds one up: medians moved by a third between runs minutes apart).

const PHASE_PASSES = 40;
const PHASE_ROUNDS = 3;

function runPhases() {
  const wasmBench = path.join(wasmDir, 'bench/hezhang_bench.cjs');
  if (!existsSync(benchBin)) throw new Error(`${benchBin} missing: build the target hezhang_bench`);
  const files = seeds.map((s) => s.file);
  const args = ['--phases', '--min-runs', String(PHASE_PASSES), ...files];
  const rounds = { native: [], wasm: [] };
  for (let r = 0; r < PHASE_ROUNDS; ++r) {
    log(`phases: round ${r + 1} of ${PHASE_ROUNDS}, ${PHASE_PASSES} passes natively and in WebAssembly`);
    rounds.native.push(JSON.parse(execFileSync(benchBin, args, { encoding: 'utf8' })));
    if (existsSync(wasmBench)) rounds.wasm.push(JSON.parse(execFileSync(process.execPath, [wasmBench, ...args], { encoding: 'utf8' })));
  }
  const best = (list) => list.length ? Object.fromEntries(Object.keys(list[0].phases_min_ms)
    .map((k) => [k, Math.min(...list.map((x) => x.phases_min_ms[k]))])) : null;
  return { passes: PHASE_PASSES, files: files.length, native_ms: best(rounds.native), wasm_ms: best(rounds.wasm),
    wasm_missing: rounds.wasm.length ? undefined : `${wasmBench} missing: build the target hezhang_bench_wasm`, rounds };
}

// --- instructions (callgrind) --------------------------------------------------------
// Times on this shared host move by up to 2x within an hour; instruction counts do
// not, so they are what a change is judged by. Callgrind counts the harness with 1
// and with 5 timed analyses of a seed (the same 3 warm-ups and start-up in both): the
// difference over 4 is one analysis, text in to JSON out.

function runInstructions() {
  if (spawnSync('valgrind', ['--version']).status !== 0) return { skipped: 'valgrind not installed' };
  const count = (seed, runs) => {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', benchBin,
      '--min-seconds', '0', '--min-runs', String(runs), seed.file], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const m = /Collected : (\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`callgrind on ${seed.name} failed (${r.status}): ${r.stderr.slice(-300)}`);
    return Number(m[1]);
  };
  const perSeed = seeds.map((seed) => {
    log(`instructions: callgrind, ${seed.name}`);
    const per = Math.round((count(seed, 5) - count(seed, 1)) / 4);
    return { name: seed.name, bytes: seed.bytes, instructions: per, per_byte: per / seed.bytes };
  });
  const total = sumOf(perSeed, 'instructions');
  const bytes = sumOf(perSeed, 'bytes');
  return { per_seed: perSeed, total, per_byte: total / bytes };
}

// --- the page in headless Chromium ----------------------------------------------------

async function runPage() {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html missing`);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} missing (apt-get install chromium)`);
  const { chromium } = await import('playwright-core');
  const { serve } = await import(pathToFileURL(path.join(root, 'scripts/serve.mjs')).href);
  const { server, url } = await serve(distDir, { port: 0 });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const report = readFileSync(largest.file, 'utf8');
  const loadBefore = os.loadavg()[0];
  // One click, measured in the page: from the click to the summary's data-errors (set
  // when the results are shown) plus the next frame; data-analysis-ms is the worker's
  // own time.
  const click = (page) => page.evaluate(() => new Promise((resolve) => {
    const summary = document.querySelector('[data-testid="summary"]');
    const button = document.querySelector('[data-testid="analyze"]');
    summary.removeAttribute('data-errors');
    let t0;
    const obs = new MutationObserver(() => {
      if (!summary.hasAttribute('data-errors')) return;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve({
        ms: performance.now() - t0,
        analysis_ms: Number(summary.dataset.analysisMs ?? NaN),
        errors: Number(summary.dataset.errors),
      }), 0));
    });
    obs.observe(summary, { attributes: true, attributeFilter: ['data-errors'] });
    t0 = performance.now();
    button.click();
  }));
  try {
    // Five cold pages: a fresh context (empty cache, its own renderer) each time.
    //  - cold load: from navigation start to <body data-state="ready">, recorded inside
    //    the page by an observer;
    //  - the first click: the largest seed pasted (Ctrl+V from the clipboard, as a person
    //    does: 0.2-0.5 s, where page.fill types it line by line and took 4-8 s, so that
    //    its click came long after the warm-up was over), then 1 s (a person takes
    //    longer to paste and click), then the click; the median of the five;
    //  - in the last page, five more clicks: click to results once warm.
    const loads = [];
    const firstClicks = [];
    const clicks = [];
    let transfer = null;
    for (let i = 0; i < 5; ++i) {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
      const responses = [];
      context.on('response', (r) => responses.push(r));
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.body?.dataset.state === 'ready') {
            window.__hezhangReadyMs = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
      });
      await page.goto(url);
      await page.waitForFunction(() => window.__hezhangReadyMs !== undefined, null, { timeout: 60_000 });
      loads.push(await page.evaluate(() => window.__hezhangReadyMs));
      if (i === 0) {
        const sizes = await Promise.all(responses.map(async (r) => {
          const s = await r.request().sizes();
          return { url: r.url().replace(url, ''), body: s.responseBodySize, headers: s.responseHeadersSize };
        }));
        transfer = {
          requests: sizes.length,
          body_bytes: sizes.reduce((a, s) => a + s.body, 0),
          with_headers_bytes: sizes.reduce((a, s) => a + s.body + s.headers, 0),
          files: sizes,
        };
      }
      await page.evaluate((text) => navigator.clipboard.writeText(text), report);
      const pasteStart = Date.now();
      await page.focus('[data-testid="report-input"]');
      await page.keyboard.press('Control+V');
      const expected = report.replace(/\r\n?/g, '\n');
      await page.waitForFunction((n) => document.querySelector('[data-testid="report-input"]').value.length >= n,
        expected.length, { timeout: 60_000 });
      const pasteMs = Date.now() - pasteStart;
      if (await page.$eval('[data-testid="report-input"]', (a) => a.value) !== expected) throw new Error('the paste differs from the seed');
      await page.waitForTimeout(1000);
      firstClicks.push({ ...await click(page), paste_ms: pasteMs,
        ready_to_click_ms: await page.evaluate(() => performance.now() - window.__hezhangReadyMs) });
      if (i === 4) for (let k = 0; k < 5; ++k) clicks.push(await click(page));
      await context.close();
    }
    const first = firstClicks.map((c) => c.ms);
    return {
      url_served: 'dist/ via scripts/serve.mjs (gzip)',
      cold_load_ms: median(loads), cold_loads_ms: loads,
      click_to_results_ms: median(clicks.map((c) => c.ms)),
      worker_analysis_ms: median(clicks.map((c) => c.analysis_ms)),
      clicks,
      first_click_ms: median(first), first_click_analysis_ms: median(firstClicks.map((c) => c.analysis_ms)),
      first_clicks: firstClicks,
      largest_seed: largest.name,
      transfer,
      load_average_1m: { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)) },
    };
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections?.();
  }
}

// --- scaling (bench/scaling.mjs, by the hostile-input work: linear time and memory) ------

function runScaling() {
  const script = path.join(root, 'bench/scaling.mjs');
  log(`scaling: ${path.relative(root, script)}`);
  // 1x and 10x unless HEZHANG_BENCH_SCALING=full (100x inputs take minutes each);
  // never more than HEZHANG_BENCH_SCALING_SECONDS (600) in all.
  // coreutils timeout signals the whole process group: the CLI runs it started too.
  const limit = String(Number(env.HEZHANG_BENCH_SCALING_SECONDS || 600));
  const args = ['-s', 'KILL', limit, process.execPath, script, '--cli', cli,
    ...(env.HEZHANG_BENCH_SCALING === 'full' ? [] : ['--quick'])];
  const r = spawnSync('timeout', args,
    { cwd: root, encoding: 'utf8', env: { ...env, HEZHANG_CLI: cli }, maxBuffer: 1 << 26 });
  if (r.status === 137 || r.signal === 'SIGKILL') return { script: path.relative(root, script), status: null, error: `stopped after ${limit} s` };
  // Its own table, kept as printed; its JSON (build/bench/scaling.json) has the numbers.
  return { script: path.relative(root, script), status: r.status, output: r.stdout.trim().split('\n').slice(-40) };
}

// --- run, table, JSON ------------------------------------------------------------------

async function part(name, fn) {
  if (skip.has(name)) { results[name] = { skipped: 'HEZHANG_BENCH_SKIP' }; return; }
  try {
    results[name] = await fn();
  } catch (err) {
    log(`${name}: ${err.message}`);
    results[name] = { error: err.message };
  }
}

try {
  await runTimings();
} catch (err) {
  log(`timings: ${err.message}`);
  results.native ??= { error: err.message };
}
results.sizes = sizes();
await part('phases', runPhases);
await part('page', runPage);
await part('batch', runBatch);
await part('instructions', runInstructions);
await part('scaling', runScaling);

const rows = [];  // [what, value, target, ok]
const fmt = (x, d = 2) => (x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
const kb = (b) => `${(b / 1024).toFixed(0)} KiB`;
const targets = [];
const check = (name, value, limit, cmp) => {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  const ok = cmp === '<=' ? value <= limit : value >= limit;
  targets.push({ name, value, limit, cmp, ok });
  return ok ? 'ok' : 'MISSED';
};
const n = results.native;
const w = results.wasm;
// The median over rounds of (WASM time / native time) in that round, for the given seeds.
const pairedRatio = (wasmSeeds, nativeSeeds, key = (s) => s.round_medians_ms) => {
  const total = (list, r) => list.reduce((a, s) => a + key(s)[r], 0);
  return median(key(nativeSeeds[0]).map((_, r) => total(wasmSeeds, r) / total(nativeSeeds, r)));
};
if (n?.per_seed) {
  n.per_seed.forEach((s, i) => {
    const ws = w?.per_seed?.[i];
    const ratio = ws ? pairedRatio([ws], [s]) : undefined;
    if (ws) ws.ratio_to_native = ratio;
    rows.push([`seed ${s.name.slice(0, 3)} (${kb(s.bytes)}) native ms`, fmt(s.median_ms, 3), '< 2',
      check(`native ms ${s.name}`, s.median_ms, 2, '<=')]);
    if (ws) rows.push([`seed ${s.name.slice(0, 3)} wasm ms, bytes (× native)`, `${fmt(ws.median_ms, 3)} (${fmt(ratio)}×)`,
      '≤ 1.5×', check(`wasm/native ${s.name}`, ratio, 1.5, '<=')]);
  });
  rows.push(['native throughput, all seeds', `${fmt(n.throughput_mb_s, 1)} MB/s`, '≥ 50',
    check('native MB/s', n.throughput_mb_s, 50, '>=')]);
  // How much the host's other work inflates the medians: on a quiet host the
  // medians are a few percent over the minimums, on a busy one half as much
  // again. Shown so a miss can be read as the code's or the host's, never
  // judged (the target is the median's).
  rows.push(['native throughput, fastest runs; medians / minimums (host noise)',
    `${fmt(n.fastest_throughput_mb_s, 1)} MB/s; ${fmt(n.total_median_ms / n.total_min_ms)}×`, '', '']);
  // The same excess for a loop that touches no memory, timed between the
  // runs: what the host alone does to those seconds.
  rows.push(['the host: a loop touching no memory, between the runs; medians / minimums',
    `${fmt(n.probe_median_over_min)}×`, '', '']);
  const worst = n.per_seed.reduce((a, s) => (s.peak_rss_kb / s.peak_rss_limit_kb > a.peak_rss_kb / a.peak_rss_limit_kb ? s : a));
  rows.push([`peak RSS (worst: ${worst.name.slice(0, 3)})`, `${(worst.peak_rss_kb / 1024).toFixed(1)} MB`,
    `≤ ${(worst.peak_rss_limit_kb / 1024).toFixed(1)} MB`, check('peak RSS KB', worst.peak_rss_kb, worst.peak_rss_limit_kb, '<=')]);
} else rows.push(['native', n?.error || n?.skipped || '–', '', '']);
if (w?.per_seed && n?.per_seed) {
  w.ratio_to_native = pairedRatio(w.per_seed, n.per_seed);
  w.ratio_of_medians = w.total_median_ms / n.total_median_ms;
  rows.push(['wasm/native, all seeds, bytes in and out (into one buffer)', `${fmt(w.ratio_to_native)}× (of medians: ${fmt(w.ratio_of_medians)}×)`,
    '≤ 1.5×', check('wasm/native', w.ratio_to_native, 1.5, '<=')]);
  // The same with a new Uint8Array per report (analyzeBytes): the host's allocation.
  w.fresh_buffer_ratio_to_native = pairedRatio(w.per_seed.map((s) => s.fresh_buffer), n.per_seed);
  rows.push(['wasm/native, all seeds, a new array per report (analyzeBytes)', `${fmt(w.fresh_buffer_ratio_to_native)}× (${fmt(w.fresh_buffer_total_median_ms)} ms)`, '', '']);
  // The page's call: the same plus a JS string made of the input and of the JSON.
  w.string_call_ratio_to_native = pairedRatio(w.per_seed.map((s) => s.string_call), n.per_seed);
  rows.push(['wasm/native, all seeds, string call (analyze)', `${fmt(w.string_call_ratio_to_native)}× (${fmt(w.string_call_total_median_ms)} ms)`, '', '']);
  // Other work on a shared host slows some runs, never speeds one up: the
  // fastest runs are the steadiest comparison of the code (shown, not judged).
  w.fastest_ratio_to_native = w.total_min_ms / n.total_min_ms;
  rows.push(['wasm/native, all seeds, fastest runs', `${fmt(w.fastest_ratio_to_native)}× (${fmt(w.total_min_ms)} / ${fmt(n.total_min_ms)} ms)`, '', '']);
} else if (!w?.per_seed) rows.push(['wasm', w?.error || w?.skipped || '–', '', '']);
const ph = results.phases;
if (ph?.native_ms) {
  const sum = (o) => Object.values(o).reduce((a, x) => a + x, 0);
  const cell = (nat, was) => (was ? `${fmt(nat)} / ${fmt(was)} ms (${fmt(was / nat)}×)` : `${fmt(nat)} ms`);
  for (const [k, v] of Object.entries(ph.native_ms))
    rows.push([`phase ${k}, least ms per pass of the seeds (native / wasm)`, cell(v, ph.wasm_ms?.[k]), '', '']);
  rows.push(['phases, all (native / wasm)', cell(sum(ph.native_ms), ph.wasm_ms && sum(ph.wasm_ms)), '', '']);
  if (ph.wasm_missing) rows.push(['phases in wasm', ph.wasm_missing, '', '']);
} else rows.push(['phases', ph?.error || ph?.skipped || '–', '', '']);
const sz = results.sizes;
// The target's 450 KB read as 450 000 bytes, the stricter of its two readings.
if (sz['hezhang.wasm']) rows.push(['hezhang.wasm raw / gzip', `${kb(sz['hezhang.wasm'].bytes)} / ${kb(sz['hezhang.wasm'].gzip_bytes)}`,
  '≤ 450 000 B gz', check('wasm gzip bytes', sz['hezhang.wasm'].gzip_bytes, 450 * 1000, '<=')]);
for (const f of ['hezhang.mjs', 'hezhang.single.mjs', 'dist/hezhang.html'])
  if (sz[f]) rows.push([`${f} raw / gzip`, `${kb(sz[f].bytes)} / ${kb(sz[f].gzip_bytes)}`, '', '']);
const p = results.page;
if (p?.cold_load_ms !== undefined) {
  rows.push(['page cold load to ready', `${fmt(p.cold_load_ms, 0)} ms`, '≤ 1000', check('cold load ms', p.cold_load_ms, 1000, '<=')]);
  rows.push([`page click to results (${p.largest_seed.slice(0, 3)})`, `${fmt(p.click_to_results_ms, 0)} ms (worker ${fmt(p.worker_analysis_ms, 0)})`,
    '≤ 100', check('click to results ms', p.click_to_results_ms, 100, '<=')]);
  rows.push(['page first click (median of 5 cold pages)', `${fmt(p.first_click_ms, 0)} ms (worker ${fmt(p.first_click_analysis_ms, 0)})`,
    '≤ 100', check('first click ms', p.first_click_ms, 100, '<=')]);
  rows.push([`page transfer (${p.transfer.requests} requests)`, `${kb(p.transfer.body_bytes)} gzip`, '', '']);
} else rows.push(['page', p?.error || p?.skipped || '–', '', '']);
const b = results.batch;
if (b?.jobs_1) {
  rows.push([`batch ${b.reports} reports, --jobs 1`, `${fmt(b.jobs_1.reports_per_s, 0)} reports/s`, '≥ 1000',
    check('batch reports/s per core', b.jobs_1.reports_per_s, 1000, '>=')]);
  rows.push([`batch, --jobs ${b.parallel.jobs}`, `${fmt(b.parallel.reports_per_s, 0)} reports/s (${fmt(b.speedup)}×)`, '', '']);
} else rows.push(['batch', b?.error || b?.skipped || '–', '', '']);
const ins = results.instructions;
if (ins?.per_seed) {
  const M = (x) => `${(x / 1e6).toFixed(2)} M`;
  rows.push(['instructions per analysis (callgrind), per seed',
    ins.per_seed.map((s) => `${s.name.slice(0, 3)} ${M(s.instructions)}`).join(', '), '', '']);
  rows.push(['instructions, all seeds', `${M(ins.total)} (${fmt(ins.per_byte, 0)} per input byte)`, '', '']);
} else rows.push(['instructions (callgrind)', ins?.error || ins?.skipped || '–', '', '']);
if (results.scaling?.status !== undefined)
  rows.push([`scaling (${results.scaling.script})`, results.scaling.status === 0 ? 'ran, see scaling.json' : (results.scaling.error || `exit ${results.scaling.status}`), '', '']);

results.table = rows.map(([what, value, target, status]) => ({ what, value, target, status }));
results.targets = targets;
mkdirSync(outDir, { recursive: true });
const jsonFile = path.join(outDir, 'results.json');
writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);

const head = ['what', 'value', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
const line = (r) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
const m = results.machine;
console.log(`\nHezhang benchmarks, ${results.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB, ` +
  `${m.os}, Node ${m.node}; load average ${m.load_average_1m_at_start} at start\n`);
console.log(line(head));
console.log(`|${widths.map((x) => '-'.repeat(x + 2)).join('|')}|`);
rows.forEach((r) => console.log(line(r)));
const missed = targets.filter((t) => !t.ok);
console.log(`\n${targets.length - missed.length}/${targets.length} targets met; JSON: ${path.relative(root, jsonFile)}`);
if (env.HEZHANG_BENCH_STRICT === '1' && missed.length) process.exitCode = 1;
