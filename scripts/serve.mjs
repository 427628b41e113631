// A tiny zero-dependency static file server for dist/ (npm start, browser tests, benchmarks).
//   node scripts/serve.mjs [DIR]     PORT (default 8080; 0 = any free port), HOST (default 127.0.0.1)
// Prints "Serving DIR on http://localhost:PORT/" once listening.
// From Node: `const { server, url } = await serve(dir, { port: 0 })`.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.txt', '.md', '.svg']);

// The same policy as the page's <meta> (web/index.html), plus what only a header can
// say. frame-src 'self': web/examples/ frames the page. No frame-ancestors: the page
// is meant to be embedded (its postMessage API checks origins itself).
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; " +
    "img-src 'self' data:; connect-src 'none'; frame-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

// gzip responses, compressed once per file version (the page is ~1 MB, ~0.45 MB gzipped).
const gzipAsync = promisify(gzip);
const gzipCache = new Map(); // file -> {mtimeMs, size, body}
async function gzipped(file, info) {
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.body;
  const body = await gzipAsync(await readFile(file), { level: 9 });
  gzipCache.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
  return body;
}

function send(res, status, body) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

export function createStaticServer(dir) {
  const root = path.resolve(dir);
  return createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
    let rel;
    const pathname = new URL(req.url, 'http://x').pathname;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'bad request\n');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + path.posix.normalize(rel));
    if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(res, 404, 'not found\n');
    }
    if (info.isDirectory()) {
      res.writeHead(301, { ...SECURITY_HEADERS, Location: pathname + '/' });
      return res.end();
    }
    const ext = path.extname(file).toLowerCase();
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[ext] || 'application/octet-stream',
      Vary: 'Accept-Encoding',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      let body;
      try {
        body = await gzipped(file, info);
      } catch {
        return send(res, 500, 'read error\n');
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, { ...headers, 'Content-Length': info.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
}

// Resolves once listening; url ends with "/".
export function serve(dir, { port = 8080, host = '127.0.0.1' } = {}) {
  const server = createStaticServer(dir);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
      resolve({ server, url: `http://${shown}:${server.address().port}/` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(process.argv[2] || 'dist');
  const { server, url } = await serve(root, {
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST || '127.0.0.1',
  });
  console.log(`Serving ${root} on ${url}  (Ctrl+C to stop)`);
  // Ctrl+C / kill: stop cleanly (exit 0), so `npm start` does not report an error.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close();
      server.closeAllConnections?.();
      process.exit(0);
    });
  }
}
