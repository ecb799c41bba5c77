// serve.mjs — the local web server for newsglobe's built site (page, wasm,
// map data, sample API), and the fault-injecting server of the browser tests.
//
//   node tools/serve.mjs --root build/site [--port 8080] [--host 127.0.0.1] [--faults]
//   import { startServer } from './serve.mjs'
//   const server = await startServer({ root, port: 0, faults: true })
//   // -> { url, port, close(), requests: [{ method, path, status }] }
//
// Node 20, no dependencies. Why our own server rather than any static one:
// wasm needs application/wasm to stream-compile, the API wants
// "application/json; charset=utf-8" and CORS (docs/api.md), and the tests need
// faults a real network produces (errors, HTML error pages, truncation, stalls,
// huge or mistyped bodies) on demand and repeatably.
//
// Every page is served under a strict Content-Security-Policy (PAGE_CSP: no
// eval, no inline script or style; docs/embedding.md says what each line
// allows and how an operator narrows it to their own hosts).
//
// Faults (only with faults: true / --faults): /__fault/{kind}/{rest} answers
// for the file at /{rest}, altered:
//   status/{code}  that status with an HTML error page
//   429/{seconds}  429 Too Many Requests with Retry-After
//   html           200 with an HTML page instead of the file
//   text           200 with text/plain "Invalid query"
//   truncate       the first half of the file's bytes
//   slow/{ms}      the file, after a delay
//   hang           headers never come; the request stays open until close()
//   huge           200 with a 64 MiB JSON-looking body, streamed
//   wrongtypes     the JSON with numbers turned into strings and arrays into
//                  objects in every other item of each list of objects, and
//                  lists of strings (an article's body) turned into objects
//   flaky/{n}      503 for the first n requests of that path, then the file

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

const gzip = promisify(zlib.gzip);

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.map', '.svg', '.bin', '.css', '.txt', '.ttf']);
const FINGERPRINTED = /^newsglobe\.[0-9a-f]{10}\.(js|wasm)$/;  // tools/fingerprint.mjs
// Precompressed copies beside a file (tools/precompress.mjs), best first.
const PRECOMPRESSED = [['br', '.br'], ['gzip', '.gz']];
const HUGE_BYTES = 64 * 1024 * 1024;

const contentType = (file) => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

// The app's pages (index.html, embed.html, the examples). Scripts come only
// from this origin and nothing inline runs; 'wasm-unsafe-eval' lets
// WebAssembly compile and allows no JavaScript eval. The news API may be any
// https server (?api=, GDELT) or one on this machine (an ingest's output
// served on another port), and story pictures come from the outlets.
const LOCAL_HOSTS = 'http://localhost:* http://127.0.0.1:*';
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `img-src 'self' data: https: ${LOCAL_HOSTS}`,
  `connect-src 'self' https: ${LOCAL_HOSTS}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
// The iframe page is made to be framed by any site; the others only by their own.
const pageCsp = (file) => `${PAGE_CSP}; frame-ancestors ${path.basename(file) === 'embed.html' ? '*' : "'self'"}`;
// The server's own error pages: their one inline style, and nothing else.
const ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// A small page in the app's colours, for 404s and injected error statuses.
function htmlPage(status, title, message) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status} ${escapeHtml(title)} · newsglobe</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #0b1220; color: #e2e8f0;
         font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 32rem; padding: 2rem; text-align: center; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  code { color: #93c5fd; word-break: break-all; }
  a { color: #60a5fa; }
</style>
</head>
<body>
<main>
  <h1>${status} · ${escapeHtml(title)}</h1>
  <p>${message}</p>
  <p><a href="/">Back to the globe</a></p>
</main>
</body>
</html>
`;
}

// Decodes a request path and maps it into root; null when the path is
// malformed or tries to leave root (.., encoded slashes, NUL bytes).
function resolveInRoot(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

// Numbers become strings and arrays become objects, in every other item of
// each list of objects; lists of strings become objects. Required top-level
// fields stay intact, so a robust client keeps the rest of the document.
function mistype(value, depth = 0) {
  if (Array.isArray(value)) {
    if (depth > 0 && value.length > 0 && value.every((v) => typeof v === 'string')) {
      return Object.fromEntries(value.map((v, i) => [String(i), v]));
    }
    return value.map((item, i) => (item && typeof item === 'object' && !Array.isArray(item) && i % 2 === 1
      ? breakTypes(item)
      : mistype(item, depth + 1)));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mistype(v, depth + 1)]));
  }
  return value;
}

function breakTypes(item) {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => {
    if (typeof v === 'number') return [k, String(v)];
    if (Array.isArray(v)) return [k, Object.fromEntries(v.map((x, i) => [String(i), x]))];
    return [k, v];
  }));
}

// Parses /__fault/{kind}/[{param}/]{rest}; null when it is not a fault path.
function parseFault(pathname) {
  const match = /^\/__fault\/([a-z0-9]+)\/(.*)$/.exec(pathname);
  if (!match) return null;
  const [, kind, after] = match;
  const withParam = new Set(['status', '429', 'slow', 'flaky']);
  if (!withParam.has(kind)) return { kind, param: null, rest: '/' + after };
  const slash = after.indexOf('/');
  const param = slash < 0 ? after : after.slice(0, slash);
  const rest = slash < 0 ? '/' : after.slice(slash);
  return /^\d+$/.test(param) ? { kind, param: Number(param), rest } : { kind, param: NaN, rest };
}

export async function startServer({ root, port = 8080, host = '127.0.0.1', faults = false, logLimit = Infinity,
                                    onRequest = null } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = await fs.realpath(path.resolve(root));
  const requests = [];
  const gzipCache = new Map();  // file -> { key, bytes }
  const flakyCounts = new Map();
  const open = new Set();       // responses still going: ended by close()
  const timers = new Set();

  function send(res, entry, status, headers, body, head) {
    entry.status = status;
    res.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff', ...headers });
    res.end(head ? undefined : body);
  }

  function sendHtml(res, entry, status, title, message, head, extra = {}) {
    const body = Buffer.from(htmlPage(status, title, message));
    send(res, entry, status, { 'Content-Type': CONTENT_TYPES['.html'], 'Content-Length': body.length,
      'Cache-Control': 'no-cache', 'Content-Security-Policy': ERROR_PAGE_CSP, ...extra }, body, head);
  }

  const notFound = (res, entry, pathname, head) =>
    sendHtml(res, entry, 404, 'Not found', `There is nothing at <code>${escapeHtml(pathname)}</code>.`, head);

  // The file's bytes, or null when it does not exist (or is outside root).
  async function readFile(file) {
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      const real = await fs.realpath(file);
      if (!real.startsWith(rootDir + path.sep)) return null;
      return { file, stat, bytes: await fs.readFile(file) };
    } catch {
      return null;
    }
  }

  // Compressed bytes are cached per file until its size or mtime changes.
  async function gzipped(found) {
    const key = `${found.stat.size}:${found.stat.mtimeMs}`;
    const cached = gzipCache.get(found.file);
    if (cached?.key === key) return cached.bytes;
    const bytes = await gzip(found.bytes);
    gzipCache.set(found.file, { key, bytes });
    return bytes;
  }

  // The file's precompressed copy in the best encoding the request accepts
  // (only one at least as new as the file: a stale copy is never sent).
  async function precompressed(req, found) {
    const accepted = new Set((req.headers['accept-encoding'] ?? '').split(',')
      .map((e) => e.trim().split(';')).filter(([, q]) => !/^q=0(\.0*)?$/.test((q ?? '').trim())).map(([e]) => e.toLowerCase()));
    for (const [encoding, suffix] of PRECOMPRESSED) {
      if (!accepted.has(encoding)) continue;
      try {
        const stat = await fs.stat(found.file + suffix);
        if (stat.mtimeMs >= found.stat.mtimeMs) return { encoding, bytes: await fs.readFile(found.file + suffix) };
      } catch { /* no copy */ }
    }
    return null;
  }

  async function serveFile(req, res, entry, found, head) {
    const ext = path.extname(found.file).toLowerCase();
    // The app's code under names taken from its content (tools/fingerprint.mjs)
    // never changes: kept a year without asking. Every other file keeps its
    // name across builds, so browsers revalidate it (cheaply, through the ETag).
    const fingerprinted = FINGERPRINTED.test(path.basename(found.file));
    const headers = { 'Content-Type': contentType(found.file),
      'Cache-Control': fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache' };
    if (ext === '.html') headers['Content-Security-Policy'] = pageCsp(found.file);
    let body = found.bytes, encoding = '';
    if (COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      const copy = await precompressed(req, found);
      if (copy) {
        ({ encoding, bytes: body } = copy);
      } else if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = await gzipped(found);
        encoding = 'gzip';
      }
      if (encoding) headers['Content-Encoding'] = encoding;
    }
    // one tag per file version and encoding (the bytes differ)
    headers.ETag = `"${found.stat.size.toString(16)}-${Math.floor(found.stat.mtimeMs).toString(16)}${encoding ? '-' + encoding : ''}"`;
    if (req.headers['if-none-match'] === headers.ETag) return send(res, entry, 304, headers, undefined, true);
    headers['Content-Length'] = body.length;
    send(res, entry, 200, headers, body, head);
  }

  function wait(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { timers.delete(timer); resolve(); }, ms);
      timers.add(timer);
    });
  }

  function streamHuge(res, entry, head) {
    const prefix = '{"version":1,"countries":[';
    const item = '{"iso":"ZZ","name":"Filler","story_count":1},';
    const suffix = '{"iso":"ZZ","story_count":0}]}';
    const chunk = Buffer.from(item.repeat(Math.floor(65536 / item.length)));
    entry.status = 200;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': CONTENT_TYPES['.json'],
      'Content-Length': HUGE_BYTES, 'Cache-Control': 'no-cache' });
    if (head) return res.end();
    let left = HUGE_BYTES - prefix.length - suffix.length;
    res.write(prefix);
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.length ? chunk : Buffer.from(' '.repeat(left));  // JSON allows the padding
        left -= piece.length;
        if (!res.write(piece)) return res.once('drain', pump);
      }
      if (!res.destroyed) res.end(suffix);
    };
    pump();
  }

  async function serveFault(req, res, entry, fault, head) {
    const { kind, param, rest } = fault;
    const restFile = () => resolveInRoot(rootDir, rest);
    switch (kind) {
      case 'status':
        if (!(param >= 200 && param <= 599)) break;
        return sendHtml(res, entry, param, http.STATUS_CODES[param] ?? 'Error',
          'The server could not answer this request.', head);
      case '429':
        if (!Number.isFinite(param)) break;
        return sendHtml(res, entry, 429, 'Too Many Requests', 'Slow down and try again later.', head,
          { 'Retry-After': String(param) });
      case 'html':
        return sendHtml(res, entry, 200, 'Maintenance', 'The news service is down for maintenance.', head);
      case 'text': {
        const body = Buffer.from('Invalid query');
        return send(res, entry, 200, { 'Content-Type': CONTENT_TYPES['.txt'], 'Content-Length': body.length },
          body, head);
      }
      case 'hang':
        entry.status = null;  // never answered
        return;
      case 'huge':
        return streamHuge(res, entry, head);
      case 'flaky': {
        if (!Number.isFinite(param)) break;
        const seen = flakyCounts.get(rest) ?? 0;
        flakyCounts.set(rest, seen + 1);
        if (seen < param) {
          return sendHtml(res, entry, 503, 'Service Unavailable', 'Temporarily unavailable, try again.', head);
        }
        return serveStatic(req, res, entry, rest, head);
      }
      case 'slow':
        if (!Number.isFinite(param)) break;
        await wait(param);
        if (res.destroyed) return;
        return serveStatic(req, res, entry, rest, head);
      case 'truncate': {
        const file = restFile();
        const found = file && await readFile(file);
        if (!found) return notFound(res, entry, rest, head);
        const body = found.bytes.subarray(0, Math.floor(found.bytes.length / 2));
        return send(res, entry, 200, { 'Content-Type': contentType(found.file), 'Content-Length': body.length },
          body, head);
      }
      case 'wrongtypes': {
        const file = restFile();
        const found = file && await readFile(file);
        if (!found) return notFound(res, entry, rest, head);
        let body;
        try {
          body = Buffer.from(JSON.stringify(mistype(JSON.parse(found.bytes.toString('utf8'))), null, 1));
        } catch {
          body = found.bytes;  // not JSON: nothing to mistype
        }
        return send(res, entry, 200, { 'Content-Type': contentType(found.file), 'Content-Length': body.length },
          body, head);
      }
      default:
        break;
    }
    return sendHtml(res, entry, 400, 'Bad request', `Unknown fault <code>${escapeHtml(req.url)}</code>.`, head);
  }

  async function serveStatic(req, res, entry, rawPath, head) {
    const file = resolveInRoot(rootDir, rawPath);
    if (!file) {
      return sendHtml(res, entry, 400, 'Bad request', 'That path is not allowed.', head);
    }
    const found = await readFile(file);
    if (!found) return notFound(res, entry, rawPath, head);
    return serveFile(req, res, entry, found, head);
  }

  async function handle(req, res, entry) {
    const rawPath = entry.path;
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      onRequest?.(entry);
    });

    const head = req.method === 'HEAD';
    if (req.method === 'OPTIONS') {
      return send(res, entry, 204, { 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '86400' }, undefined, true);
    }
    if (req.method !== 'GET' && !head) {
      return sendHtml(res, entry, 405, 'Method Not Allowed', 'Only GET and HEAD are served here.', false,
        { Allow: 'GET, HEAD, OPTIONS' });
    }
    const fault = faults ? parseFault(rawPath) : null;
    if (fault) return serveFault(req, res, entry, fault, head);
    return serveStatic(req, res, entry, rawPath, head);
  }

  const server = http.createServer((req, res) => {
    const entry = { method: req.method, path: (req.url ?? '/').split('?')[0] || '/', status: null };
    requests.push(entry);
    if (requests.length > logLimit) requests.shift();
    handle(req, res, entry).catch((err) => {
      if (!res.headersSent) {
        sendHtml(res, entry, 500, 'Internal Server Error', escapeHtml(err.message), false);
      } else {
        res.destroy();
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing = null;
  function close() {
    closing ??= new Promise((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of open) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  }

  return { url: `http://${urlHost}:${actualPort}/`, port: actualPort, close, requests };
}

// ---- command line -------------------------------------------------------------

function parseArgs(argv) {
  const options = { root: null, port: 8080, host: '127.0.0.1', faults: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value after ${arg}`);
      return argv[++i];
    };
    if (arg === '--root') options.root = value();
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--faults') options.faults = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!options.root) throw new Error('--root is required');
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port wants a number from 0 to 65535');
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    await fs.access(path.join(options.root, 'index.html'));
  } catch (err) {
    const missing = err.code === 'ENOENT' ? `no index.html in ${options.root}: build the site first` : err.message;
    console.error(`serve.mjs: ${missing}`);
    console.error('usage: node tools/serve.mjs --root build/site [--port 8080] [--host 127.0.0.1] [--faults]');
    process.exit(2);
  }
  let server;
  try {
    server = await startServer({ ...options, logLimit: 1000,
      onRequest: (r) => console.log(`${r.method} ${r.path} ${r.status ?? '-'}`) });
  } catch (err) {
    console.error(`serve.mjs: cannot listen on ${options.host}:${options.port}: ${err.message}`);
    process.exit(1);
  }
  const shown = options.host === '127.0.0.1' || options.host === '::1' ? 'localhost' : options.host;
  console.log(`newsglobe is being served at http://${shown}:${server.port}/`);
  if (options.faults) console.log('fault injection is on: /__fault/{kind}/...');
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
