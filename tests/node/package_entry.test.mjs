// `import 'hezhang'` (package.json exports -> wasm/index.mjs) gives Node scripts the
// same report as the CLI, as an object, as the identical JSON string, or as its bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, analyzeBytes, analyzeToJson, version } from 'hezhang';
import { cliJson } from './cli-json.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(root, process.env.HEZHANG_CLI || 'build/native/cli/hezhang');
const fixtures = path.join(root, 'tests/fixtures');
const name = '004_b4f9d2b1ef90862f.txt';

test('the package entry analyses text like the CLI', async () => {
  const stdout = cliJson(cli, name, { cwd: fixtures });
  const text = readFileSync(path.join(fixtures, name), 'utf8');
  assert.equal(await analyzeToJson(text, { name }), stdout.trimEnd());
  const report = await analyze(text, { name });
  assert.deepEqual(report, JSON.parse(stdout));
  assert.equal(typeof await version(), 'string');
  await assert.rejects(analyze(Buffer.from(text)), TypeError);
});

test('the package entry analyses bytes like the CLI', async () => {
  const stdout = cliJson(cli, name, { cwd: fixtures });
  const json = await analyzeBytes(readFileSync(path.join(fixtures, name)), { name });
  assert.ok(json instanceof Uint8Array);
  assert.equal(Buffer.from(json).toString('utf8'), stdout.trimEnd());
  await assert.rejects(analyzeBytes('text'), TypeError);
});

test('the package entry writes the bytes into a buffer of the caller when they fit', async () => {
  const expected = cliJson(cli, name, { cwd: fixtures }).trimEnd();
  const bytes = readFileSync(path.join(fixtures, name));
  // Room to spare, at an offset in a larger buffer: the JSON lands at the view's start.
  const backing = new Uint8Array(Buffer.byteLength(expected) + 64);
  const out = backing.subarray(16);
  const json = await analyzeBytes(bytes, { name }, out);
  assert.equal(json.buffer, backing.buffer, 'written into the buffer given');
  assert.equal(json.byteOffset, 16);
  assert.equal(Buffer.from(json).toString('utf8'), expected);
  // Too small: a new array, the same bytes, the buffer given left alone.
  const small = new Uint8Array(8);
  const fresh = await analyzeBytes(bytes, { name }, small);
  assert.notEqual(fresh.buffer, small.buffer);
  assert.equal(Buffer.from(fresh).toString('utf8'), expected);
  assert.deepEqual([...small], new Array(8).fill(0));
  await assert.rejects(analyzeBytes(bytes, { name }, [0, 0]), TypeError);
});
