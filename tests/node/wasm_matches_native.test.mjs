// The WebAssembly module must produce byte-identical JSON to the native CLI
// for every fixture: one core, two builds, same bytes.
//
// Environment (defaults relative to the repository root):
//   HEZHANG_CLI       native CLI          (build/native/cli/hezhang)
//   HEZHANG_WASM_DIR  wasm build dir      (build/wasm) with hezhang.mjs,
//                     hezhang.wasm and hezhang.single.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliJson } from './cli-json.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(root, process.env.HEZHANG_CLI || 'build/native/cli/hezhang');
const wasmDir = path.resolve(root, process.env.HEZHANG_WASM_DIR || 'build/wasm');
const fixturesDir = path.join(root, 'tests/fixtures');
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).sort();

// Runs `hezhang check --format json NAME` in the fixtures directory, so the
// name the CLI reports is the basename, as for the WASM call.
// Refused inputs (exit 2) are compared too: their JSON says why.
function nativeJson(name, dir = fixturesDir) {
  const stdout = cliJson(cli, name, { cwd: dir, refusedOk: true });
  assert.ok(stdout.endsWith('\n'), 'CLI output ends with a newline');
  const body = stdout.slice(0, -1);
  assert.ok(!body.includes('\n'), 'one compact JSON line per file');
  return body;
}

// Every entry point: analyze (a string in, a string out), analyzeBytes
// (UTF-8 bytes in, the JSON's UTF-8 bytes out) and analyzeBytesInto (the same
// bytes, into the caller's buffer) must give the same JSON.
function wasmJson(module, name, dir = fixturesDir) {
  const bytes = readFileSync(path.join(dir, name));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const options = JSON.stringify({ name, encoding: 'utf-8', input_bytes: bytes.byteLength });
  const json = module.analyze(text, options);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const jsonBytes = module.analyzeBytes(new Uint8Array(bytes), options);
  assert.ok(jsonBytes instanceof Uint8Array, 'analyzeBytes returns a Uint8Array');
  assert.equal(utf8.decode(jsonBytes), json, 'analyzeBytes gives the same JSON');
  // A buffer exactly the JSON's size (the bound is inclusive), filled with
  // bytes the JSON cannot hold so that a short write would show.
  const out = new Uint8Array(jsonBytes.length).fill(0xff);
  const into = module.analyzeBytesInto(new Uint8Array(bytes), options, out);
  assert.ok(into.buffer === out.buffer && into.length === out.length, 'analyzeBytesInto writes into a buffer that fits');
  assert.equal(utf8.decode(into), json, 'analyzeBytesInto gives the same JSON');
  const fresh = module.analyzeBytesInto(new Uint8Array(bytes), options, out.subarray(1));
  assert.ok(fresh.buffer !== out.buffer, 'a buffer one byte short gets a new array');
  assert.equal(utf8.decode(fresh), json, 'and the same JSON');
  return json;
}

async function loadModule(file, moduleOptions = {}) {
  const { default: createHezhang } = await import(pathToFileURL(path.join(wasmDir, file)).href);
  return createHezhang(moduleOptions);
}

test('build artifacts are present', () => {
  for (const f of [cli, path.join(wasmDir, 'hezhang.mjs'), path.join(wasmDir, 'hezhang.wasm'),
    path.join(wasmDir, 'hezhang.single.mjs')]) {
    assert.ok(existsSync(f), `missing ${f}: run \`npm run build\``);
  }
  assert.ok(fixtures.length > 0, 'no fixtures found');
});

test('WASM output is byte-identical to the native CLI for every fixture', async (t) => {
  // Emscripten 3.1.6 would fetch() the .wasm by path in Node: hand it the bytes.
  const module = await loadModule('hezhang.mjs', {
    wasmBinary: readFileSync(path.join(wasmDir, 'hezhang.wasm')),
  });
  assert.equal(typeof module.version(), 'string');
  assert.throws(() => module.analyzeBytes('text', '{}'), TypeError, 'analyzeBytes takes a Uint8Array');
  assert.throws(() => module.analyzeBytesInto('text', '{}', new Uint8Array(8)), TypeError, 'analyzeBytesInto takes a Uint8Array');
  assert.throws(() => module.analyzeBytesInto(new Uint8Array(1), '{}', []), TypeError, 'and writes into one');
  for (const name of fixtures) {
    await t.test(name, () => {
      const native = nativeJson(name);
      const wasm = wasmJson(module, name);
      JSON.parse(wasm); // must be valid JSON
      assert.equal(wasm, native);
    });
  }
});

// Hostile input too (issue 6): the bad inputs and the kept fuzz inputs
// (crashes and corpus samples, tests/fuzz-regressions/<target>/) that are
// valid UTF-8, the only text the page hands the module.
test('WASM output is byte-identical to the native CLI for bad inputs and fuzz samples', async (t) => {
  const module = await loadModule('hezhang.mjs', {
    wasmBinary: readFileSync(path.join(wasmDir, 'hezhang.wasm')),
  });
  const regressions = path.join(root, 'tests/fuzz-regressions');
  const dirs = [path.join(root, 'tests/inputs'),
    ...readdirSync(regressions).map((d) => path.join(regressions, d)).filter((d) => statSync(d).isDirectory())];
  let compared = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => !f.endsWith('.md')).sort()) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(dir, name)));
      } catch {
        continue; // not UTF-8: the CLI would decode it as GB18030 first
      }
      compared += 1;
      await t.test(`${path.basename(dir)}/${name}`, () => {
        assert.equal(wasmJson(module, name, dir), nativeJson(name, dir));
      });
    }
  }
  assert.ok(compared >= 10, `only ${compared} samples compared`);
});

// Past 16 MB of JSON the binding hands it to JS as UTF-8, not UTF-16
// (wasm/binding.cpp): a report of figure-dense prose (about 19 bytes of JSON
// per byte) takes that path, and must give the same text.
test('WASM output is byte-identical to the native CLI for a report whose JSON passes 16 MB', async () => {
  const module = await loadModule('hezhang.mjs', {
    wasmBinary: readFileSync(path.join(wasmDir, 'hezhang.wasm')),
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hezhang-big-json-'));
  try {
    let text = '一、部门概况\n';
    for (let i = 0; text.length < 400000; ++i) text += `本年支出合计${i}.5万元，比上年增长${i % 100}%；`;
    writeFileSync(path.join(dir, 'dense.txt'), `${text}\n`);
    const native = nativeJson('dense.txt', dir);
    assert.ok(Buffer.byteLength(native) > 16 * 1024 * 1024, `only ${Buffer.byteLength(native)} bytes of JSON`);
    assert.equal(wasmJson(module, 'dense.txt', dir), native);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('single-file build loads and matches the native CLI', async () => {
  const module = await loadModule('hezhang.single.mjs');
  const name = fixtures[0];
  assert.equal(wasmJson(module, name), nativeJson(name));
});
