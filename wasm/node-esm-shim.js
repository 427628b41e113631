// Prepended (--extern-pre-js) to the ES-module build. Emscripten 3.1.6's
// Node code path uses CommonJS `require` and `__dirname`, which do not exist
// in an ES module; provide them in Node only. Browsers never run the import.
const { require, __dirname } = await (async () => {
  if (typeof process !== 'object' || !process.versions || !process.versions.node) return {};
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  return { require: createRequire(import.meta.url), __dirname: fileURLToPath(new URL('.', import.meta.url)) };
})();
