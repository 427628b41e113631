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
