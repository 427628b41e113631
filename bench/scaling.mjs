// Linear time and bounded memory (issue 6, item 4): generated inputs of 1×,
// 10× and 100× the largest seed, in four shapes, each analysed by the native
// CLI under /usr/bin/time. Prints a table (bytes, seconds, peak RSS, time and
// memory per MB relative to 1×) and writes build/bench/scaling.json.
//
//   node bench/scaling.mjs [--cli PATH] [--quick]
//
// Shapes:
//   reports     the largest seed pasted N times (the repeat is detected, and
//               only the first copy is checked: the cost is the reading)
//   huge_table  one 支出决算表 with N× the seed's bytes of coded rows
//   long_line   one line of N× prose (100× is over 5 MB; the line limit is raised)
//   open_paragraph  N× the seed's bytes of prose lines with no sentence end
//   csv_sheet   one 支出决算表 saved as CSV, N× the seed's bytes of rows
//   comma_prose N× the seed's bytes of prose lines with ASCII commas
//   tiny_tables N× 1 000 two-row tables (100 000 at 100×; the table limit is raised)
// Linear: per-MB time and memory stay flat as N grows (memory per MB falls,
// since the fixed cost of the process is spread over more bytes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const cliArg = args.indexOf('--cli');
const cli = path.resolve(root, cliArg >= 0 ? args[cliArg + 1] : process.env.HEZHANG_CLI || 'build/native/cli/hezhang');
const quick = args.includes('--quick');
// Inputs in a fresh temporary directory (removed at the end): two runs at
// once must not overwrite each other's files.
const outDir = mkdtempSync(path.join(os.tmpdir(), 'hezhang-scaling-'));

if (!existsSync(cli)) {
  console.error(`scaling: no CLI at ${cli}: run \`npm run build\` first`);
  process.exit(1);
}
if (!existsSync('/usr/bin/time')) {
  console.error('scaling: /usr/bin/time is missing (Debian package "time")');
  process.exit(1);
}

// The largest seed is the unit of size.
const fixturesDir = path.join(root, 'tests/fixtures');
const seedName = readdirSync(fixturesDir).filter((f) => f.endsWith('.txt'))
  .sort((a, b) => statSync(path.join(fixturesDir, b)).size - statSync(path.join(fixturesDir, a)).size)[0];
const seed = readFileSync(path.join(fixturesDir, seedName), 'utf8');
const unit = Buffer.byteLength(seed);

function repeatTo(bytes, make) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; ++i) {
    const s = make(i);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

const shapes = {
  reports: { make: (n) => (seed.endsWith('\n') ? seed : `${seed}\n`).repeat(n), flags: [] },
  huge_table: {
    make: (n) => '支出决算表\n公开03表\n金额单位：万元\n项目\t\t本年支出合计\t基本支出\t项目支出\n'
      + '功能分类科目编码\t科目名称\t\t\t\n'
      + repeatTo(n * unit, (i) => `${2010101 + (i % 90)}\t行政运行${i}\t${(i % 997) + 1}.25\t${(i % 997) + 1}.00\t0.25\n`),
    flags: ['--max-cells', '100000000'],
  },
  long_line: {
    make: (n) => `一、部门概况\n${repeatTo(n * unit, (i) => `本年支出合计${i}.5万元，比上年增长${i % 100}%；`)}\n`,
    flags: ['--max-line-bytes', '100000000'],
  },
  // Not in the issue's list: a paragraph of many lines and no sentence end
  // (PDF text without 。) keeps one sentence open across all of them.
  open_paragraph: {
    make: (n) => `一、部门概况\n${repeatTo(n * unit, (i) => `本年支出合计${i}.5万元比上年增长${i % 100}%\n`)}`,
    flags: [],
  },
  // A sheet saved as CSV: every row's fields between commas, the run of
  // lines read for a sheet once.
  csv_sheet: {
    make: (n) => '支出决算表,,,,\n公开03表,,,,\n金额单位：万元,,,,\n项目,,本年支出合计,基本支出,项目支出\n'
      + '功能分类科目编码,科目名称,,,\n'
      + repeatTo(n * unit, (i) => `${2010101 + (i % 90)},行政运行${i},"1,${String((i % 997) + 1).padStart(3, '0')}.25",${(i % 997) + 1}.00,0.25\n`),
    flags: ['--max-cells', '100000000'],
  },
  // Prose with ASCII commas on every line and no \r: one long run of lines
  // that only look like a sheet's, read once.
  comma_prose: {
    make: (n) => `一、部门概况\n${repeatTo(n * unit, (i) => `本年支出1,234,${String(i % 1000).padStart(3, '0')}.89元,较上年增长${i % 100}%,主要是人员增加\n`)}`,
    flags: [],
  },
  tiny_tables: {
    make: (n) => Array.from({ length: n * 1000 },
      (_, i) => `表${i}\n项目\t金额\n合计\t${i}.00\n\n`).join(''),
    flags: ['--max-tables', '1000000'],
  },
};

function measure(file, flags) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cli, 'check', '--format', 'json', ...flags, file],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cli} exited ${r.status} on ${file}: ${r.stderr}`);
  // Wall time from here (finer than time's 10 ms); peak RSS from time.
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number(r.stderr.trim().split('\n').pop().split(' ')[1]);
  const report = JSON.parse(r.stdout.split('\n')[0]);
  return { seconds, peak_rss_mb: kb / 1024, tables: report.tables.length,
    messages: report.messages.map((m) => m.id) };
}

const factors = quick ? [1, 10] : [1, 10, 100];
const results = [];
for (const [shape, { make, flags }] of Object.entries(shapes)) {
  let base;
  for (const n of factors) {
    const file = path.join(outDir, `${shape}_${n}x.txt`);
    writeFileSync(file, make(n));
    const bytes = statSync(file).size;
    const m = measure(file, flags);
    const mb = bytes / (1024 * 1024);
    const row = { shape, factor: n, bytes, ...m, seconds_per_mb: m.seconds / mb, rss_mb_per_mb: m.peak_rss_mb / mb };
    base = base || row;
    row.time_per_mb_vs_1x = base.seconds_per_mb > 0 ? row.seconds_per_mb / base.seconds_per_mb : null;
    results.push(row);
    rmSync(file);
  }
}
rmSync(outDir, { recursive: true, force: true });

const fmt = (x, d = 2) => (x === null || Number.isNaN(x) ? '-' : x.toFixed(d));
console.log(`scaling: ${cli} on ${os.cpus()[0].model}, ${os.cpus().length} cores; unit ${seedName} (${unit} bytes)`);
console.log('| input | × | MB | seconds | peak RSS MB | s/MB | s/MB vs 1× | tables | messages |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.shape} | ${r.factor} | ${fmt(r.bytes / 1048576)} | ${fmt(r.seconds)} | ${fmt(r.peak_rss_mb, 1)} | `
    + `${fmt(r.seconds_per_mb, 3)} | ${fmt(r.time_per_mb_vs_1x)} | ${r.tables} | ${r.messages.join(' ')} |`);
}
const summary = { date: new Date().toISOString(), cli, cpu: os.cpus()[0].model, cores: os.cpus().length,
  unit: { file: seedName, bytes: unit }, results };
mkdirSync(path.join(root, 'build/bench'), { recursive: true });
writeFileSync(path.join(root, 'build/bench/scaling.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log('scaling: wrote build/bench/scaling.json');
