// The package's Node entry: the WebAssembly core for scripts.
//
//   import { analyze } from 'hezhang';
//   const report = await analyze(text, { name: 'report.txt' });  // hezhang.report/1 object
//   console.log(report.summary.errors);
//
// analyze(text, options?)      -> Promise<object>  the report (docs/json-contract.md)
// analyzeToJson(text, options?) -> Promise<string> the same report as the CLI prints it
// analyzeBytes(bytes, options?, out?)
//                              -> Promise<Uint8Array> that JSON as UTF-8 bytes, from the
//                                  text's UTF-8 bytes (a Uint8Array or Buffer): no JS
//                                  string made either way, for scripts that read and
//                                  write files. With `out` (a Uint8Array kept from call
//                                  to call) the bytes are written into it when they fit
//                                  and out.subarray(0, n) is returned, valid until out
//                                  is used again; else a new Uint8Array.
// version()                    -> Promise<string>
// `text` is a string (decode files first: UTF-8, else GB18030, as the CLI and page do);
// `options` are those of the JSON contract; input_bytes defaults to the text's UTF-8 size.
// Needs the WebAssembly build (`npm run build`, or HEZHANG_WASM_DIR pointing at one).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const wasmDir = path.resolve(process.env.HEZHANG_WASM_DIR
  || path.join(path.dirname(fileURLToPath(import.meta.url)), '../build/wasm'));

let modulePromise = null;

function load() {
  modulePromise ??= (async () => {
    let wasmBinary;
    try {
      wasmBinary = await readFile(path.join(wasmDir, 'hezhang.wasm'));
    } catch {
      throw new Error(`hezhang: no WebAssembly build in ${wasmDir}; run \`npm run build\``);
    }
    const { default: createHezhang } = await import(pathToFileURL(path.join(wasmDir, 'hezhang.mjs')).href);
    // Emscripten 3.1.6 would fetch() the .wasm by path in Node: hand it the bytes.
    return createHezhang({ wasmBinary });
  })();
  return modulePromise;
}

export async function analyzeToJson(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('hezhang: text must be a string');
  const module = await load();
  const opts = { input_bytes: Buffer.byteLength(text, 'utf8'), ...options };
  return module.analyze(text, JSON.stringify(opts));
}

export async function analyzeBytes(bytes, options = {}, out = undefined) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('hezhang: bytes must be a Uint8Array');
  if (out !== undefined && !(out instanceof Uint8Array)) throw new TypeError('hezhang: out must be a Uint8Array');
  const module = await load();
  const optionsJson = JSON.stringify({ input_bytes: bytes.length, ...options });
  return out === undefined ? module.analyzeBytes(bytes, optionsJson) : module.analyzeBytesInto(bytes, optionsJson, out);
}

export async function analyze(text, options = {}) {
  return JSON.parse(await analyzeToJson(text, options));
}

export async function version() {
  return (await load()).version();
}
