// scripts/inline-wasm.mjs writes hezhang.single.mjs: the WebAssembly as a string of one
// character per byte. These tests run it on made-up "modules" with a stand-in loader
// that hands back the options it is given, so what the page's worker would instantiate
// can be compared byte by byte with the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/inline-wasm.mjs');

// The shape of Emscripten's output that the script edits: a factory named createHezhang
// and its default export. This one returns the options it was called with.
const LOADER = 'var createHezhang = (() => {\n  return (options) => Promise.resolve(options);\n})();\nexport default createHezhang;\n';

async function inline(bytes, name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hezhang-inline-'));
  try {
    writeFileSync(path.join(dir, 'loader.mjs'), LOADER);
    writeFileSync(path.join(dir, 'module.wasm'), bytes);
    const out = path.join(dir, `${name}.mjs`);
    execFileSync(process.execPath, [script, path.join(dir, 'loader.mjs'), path.join(dir, 'module.wasm'), out]);
    const source = readFileSync(out, 'utf8');
    const { default: create } = await import(pathToFileURL(out).href);
    return { source, options: await create({ print: 'kept' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The string literal between `const hezhangWasmText = "` and the `";` that closes it.
function dataString(source) {
  const start = source.indexOf('const hezhangWasmText = "') + 'const hezhangWasmText = "'.length;
  return source.slice(start, source.indexOf('";\n', start));
}

test('every byte value, in every neighbour, comes back as it went in', async () => {
  // All 256 values, then every pair of values (so each special byte sits next to
  // each other byte), then runs of the six bytes that are written as others.
  const bytes = [];
  for (let a = 0; a < 256; a++) bytes.push(a);
  for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b += 7) bytes.push(a, b);
  for (const special of [0x00, 0x0a, 0x0d, 0x22, 0x3c, 0x5c]) bytes.push(special, special, special);
  const input = Uint8Array.from(bytes);
  const { source, options } = await inline(input, 'all-bytes');
  assert.deepEqual(options.wasmBinary, input);
  // The caller's options are kept; the loader is told the file's name as it is, so it
  // resolves no URL against a blob: script URL.
  assert.equal(options.print, 'kept');
  assert.equal(options.locateFile('hezhang.wasm', 'blob:x'), 'hezhang.wasm');
  // One character per byte, none that a string literal or an HTML <script> element
  // would read otherwise.
  const text = dataString(source);
  assert.equal(text.length, input.length);
  for (const c of ['\0', '\n', '\r', '"', '<', '\\']) assert.ok(!text.includes(c), `no ${JSON.stringify(c)} in the string`);
});

test('the real module round-trips, and gzips to within 5% of the .wasm', async (t) => {
  const wasmPath = path.resolve(root, process.env.HEZHANG_WASM_DIR || 'build/wasm', 'hezhang.wasm');
  let wasm;
  try { wasm = readFileSync(wasmPath); } catch { t.skip(`${wasmPath} not built`); return; }
  const { source, options } = await inline(wasm, 'real');
  assert.deepEqual(Buffer.from(options.wasmBinary), wasm);
  const { gzipSync } = await import('node:zlib');
  const inlined = gzipSync(Buffer.from(dataString(source), 'utf8'), { level: 9 }).length;
  const alone = gzipSync(wasm, { level: 9 }).length;
  // base64 (-sSINGLE_FILE) was 39% over the .wasm; this is what the encoding is for.
  assert.ok(inlined < alone * 1.05, `inlined ${inlined} bytes gzipped, the .wasm ${alone}`);
});

test('a loader of another shape is refused, not half edited', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hezhang-inline-'));
  try {
    writeFileSync(path.join(dir, 'loader.mjs'), 'export default function createHezhang() {}\n');
    writeFileSync(path.join(dir, 'module.wasm'), Uint8Array.of(0, 97, 115, 109));
    const out = path.join(dir, 'out.mjs');
    assert.throws(() => execFileSync(process.execPath, [script, path.join(dir, 'loader.mjs'), path.join(dir, 'module.wasm'), out],
      { stdio: 'pipe' }), (err) => /expected one factory/.test(String(err.stderr)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
