// feed_server.mjs — the local feed server of the fetch tests: replays fixture
// feeds and GDELT files, and injects the faults real feeds produce, on
// several ports at once (each port is one "host" to the fetcher, which
// keeps its politeness per host and port). Node 20, no dependencies; the
// fault style follows tools/serve.mjs.
//
//   import { startFeedServer } from './feed_server.mjs'
//   const server = await startFeedServer({ root: 'tests/fixtures/ingest/server', hosts: 4 })
//   // -> { bases: ['http://127.0.0.1:PORT/', ...], log, close() }
//   node tests/ingest/feed_server.mjs [--root DIR] [--hosts N]   (prints the bases; try it with curl)
//
// Every request is logged in `log`: { host (index into bases), method, path,
// start, end (ms, Date.now()), aborted, status, ua, ifNoneMatch,
// ifModifiedSince, acceptEncoding }. `end` is when the response finished or,
// when `aborted`, when the server noticed that the client went (a little late).
//
// Routes (on every host):
//   /feeds/NAME                 the fixture feeds/NAME: strong ETag and Last-Modified, 304 on
//                               If-None-Match / If-Modified-Since, gzip when accepted
//   /lm-only/NAME, /etag-only/NAME   the same with only one validator
//   /fault/404, /fault/500      that status with an HTML page
//   /fault/429                  429 with no Content-Type, no Retry-After (as GDELT's host answers)
//   /fault/retry-after/S        429 with Retry-After: S
//   /fault/503-retry/S          503 with Retry-After: S
//   /fault/slow/NAME            headers and the first 64 bytes of NAME, then nothing until the client gives up
//   /fault/gzip-truncated/NAME  Content-Encoding: gzip, the compressed bytes cut in half
//   /fault/gzip-bomb/MB         Content-Encoding: gzip, MB megabytes of spaces (a tiny download)
//   /fault/charset/CS/NAME      NAME with "Content-Type: application/rss+xml; charset=CS"
//   /fault/html                 200 with an HTML maintenance page
//   /fault/empty                200 with an empty body
//   /fault/loop/a, /fault/loop/b   302 to each other
//   /fault/redirect/N/NAME      N redirects, then the feed
//   /fault/redirect-scheme      302 to an ftp:// URL
//   /fault/huge/MB              200, MB megabytes of RSS-looking text, with Content-Length
//   /fault/huge-chunked/MB      the same without Content-Length (chunked)
//   /gdeltv3/gal/feed.rss, /gdeltv3/gsg_docembed/feed.rss
//                               RSS listings of the gdelt/ fixtures, newest first, linking to
//   /gdeltv3/gal/FILE.gz, /gdeltv3/gsg_docembed/FILE.gz   the fixture gzipped (application/gzip)
//   /gdelt-429/...              429 without headers, for any path (a throttled GDELT host)
//   /gdelt-minutes/gal/feed.rss  an RSS feed of *articles* (no file links), as GDELT's may well be
//   /gdelt-minutes/{gal,gsg_docembed}/YYYYMMDDHHMMSS.*.json.gz   the kind's newest fixture, gzipped,
//                               for GAL stamps 1 or 6 minutes after a quarter hour and GSG stamps on
//                               it; 404 for any other minute

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../fixtures/ingest/server');

// Fixed, so a feed's validators stay the same across server restarts.
const LAST_MODIFIED = 'Mon, 30 Nov 2026 08:00:00 GMT';
const LAST_MODIFIED_MS = Date.parse(LAST_MODIFIED);

const FEED_TYPES = { '.xml': 'application/rss+xml', '.rss': 'application/rss+xml', '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml' };

const htmlPage = (title, text) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>${text}</p></body></html>
`;

function safeName(name) {
  return /^[A-Za-z0-9._-]+$/.test(name) && !name.startsWith('.') ? name : null;
}

// RSS-looking filler: valid-ish items repeated until `bytes`.
function filler(bytes) {
  const item = '<item><title>Filler</title><link>https://filler.example/x</link><description>'
    + 'x'.repeat(400) + '</description></item>\n';
  const head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>\n';
  const chunk = Buffer.from(item.repeat(Math.ceil(65536 / item.length)));
  return { head: Buffer.from(head), chunk, total: bytes };
}

export async function startFeedServer({ root = FIXTURES, hosts = 1, host = '127.0.0.1' } = {}) {
  const log = [];
  const servers = [];
  const open = new Set();
  const bases = [];

  async function fixture(dir, name) {
    const safe = safeName(name ?? '');
    if (!safe) return null;
    try {
      return await fs.readFile(path.join(root, dir, safe));
    } catch {
      return null;
    }
  }

  function send(res, entry, status, headers, body) {
    entry.status = status;
    res.writeHead(status, headers);
    res.end(body);
  }

  const sendHtml = (res, entry, status, title, text, extra = {}) => {
    const body = Buffer.from(htmlPage(title, text));
    send(res, entry, status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, ...extra }, body);
  };

  function serveFeed(req, res, entry, name, bytes, { etag = true, lastModified = true } = {}) {
    const tag = `"${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
    const type = (FEED_TYPES[path.extname(name)] ?? 'application/xml') + '; charset=utf-8';
    const headers = { 'Content-Type': type, Vary: 'Accept-Encoding' };
    if (etag) headers.ETag = tag;
    if (lastModified) headers['Last-Modified'] = LAST_MODIFIED;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified = etag && inm !== undefined ? inm === tag
      : lastModified && ims !== undefined && Date.parse(ims) >= LAST_MODIFIED_MS;
    if (notModified) {  // validators only, as many servers answer a 304
      const { 'Content-Type': _type, Vary: _vary, ...validators } = headers;
      return send(res, entry, 304, validators);
    }
    let body = bytes;
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = zlib.gzipSync(bytes);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    send(res, entry, 200, headers, body);
  }

  async function serveHuge(res, entry, megabytes, withLength) {
    const { head, chunk, total } = filler(Math.round(megabytes * 1024 * 1024));
    entry.status = 200;
    const headers = { 'Content-Type': 'application/rss+xml; charset=utf-8' };
    if (withLength) headers['Content-Length'] = total;
    res.writeHead(200, headers);
    let left = total - head.length;
    res.write(head);
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
    }
    if (!res.destroyed) res.end();
  }

  async function gdeltListing(req, res, entry, kind) {
    const suffix = kind === 'gal' ? '.gal.json' : '.gsg.docembed.json';
    const files = (await fs.readdir(path.join(root, 'gdelt'))).filter((f) => f.endsWith(suffix)).sort().reverse();
    const base = `http://${req.headers.host}/gdeltv3/${kind === 'gal' ? 'gal' : 'gsg_docembed'}/`;
    const items = files.map((f) => `    <item><title>${f}.gz</title><link>${base}${f}.gz</link>`
      + `<pubDate>${LAST_MODIFIED}</pubDate></item>`).join('\n');
    const body = Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>GDELT ${kind} files (test listing)</title><link>${base}</link>
${items}
</channel></rss>
`);
    send(res, entry, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Content-Length': body.length }, body);
  }

  async function gdeltMinutes(req, res, entry, kind, name) {
    const suffix = kind === 'gal' ? '.gal.json' : '.gsg.docembed.json';
    const files = (await fs.readdir(path.join(root, 'gdelt'))).filter((f) => f.endsWith(suffix)).sort().reverse();
    if (name === 'feed.rss') {
      const rows = (await fs.readFile(path.join(root, 'gdelt', files[0]), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      const items = rows.map((r) => `<item><title>${r.title}</title><link>${r.url}</link><pubDate>${LAST_MODIFIED}</pubDate></item>`);
      const body = Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Articles</title>
<link>http://${req.headers.host}/</link>${items.join('\n')}</channel></rss>
`);
      return send(res, entry, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Content-Length': body.length }, body);
    }
    const m = /^(\d{12})00(\.gal\.json|\.gsg\.docembed\.json)\.gz$/.exec(name ?? '');
    const minutes = kind === 'gal' ? [1, 6] : [0];
    if (!m || m[2] !== suffix || !minutes.includes(Number(m[1].slice(10)) % 15)) {
      return sendHtml(res, entry, 404, 'Not Found', 'No file for this minute.');
    }
    const body = zlib.gzipSync(await fs.readFile(path.join(root, 'gdelt', files[0])));
    return send(res, entry, 200, { 'Content-Type': 'application/gzip', 'Content-Length': body.length }, body);
  }

  async function handle(req, res, entry) {
    const parts = entry.path.split('/').filter(Boolean);
    const [top, kind, a, b] = parts;
    if (top === 'feeds' || top === 'lm-only' || top === 'etag-only') {
      const bytes = await fixture('feeds', kind);
      if (!bytes) return sendHtml(res, entry, 404, 'Not Found', 'No such feed.');
      return serveFeed(req, res, entry, kind, bytes, { etag: top !== 'lm-only', lastModified: top !== 'etag-only' });
    }
    if (top === 'gdeltv3' && (kind === 'gal' || kind === 'gsg_docembed')) {
      if (a === 'feed.rss') return gdeltListing(req, res, entry, kind === 'gal' ? 'gal' : 'gsg');
      const bytes = a?.endsWith('.gz') ? await fixture('gdelt', a.slice(0, -3)) : null;
      if (!bytes) return sendHtml(res, entry, 404, 'Not Found', 'No such file.');
      const body = zlib.gzipSync(bytes);
      return send(res, entry, 200, { 'Content-Type': 'application/gzip', 'Content-Length': body.length }, body);
    }
    if (top === 'gdelt-minutes' && (kind === 'gal' || kind === 'gsg_docembed')) return gdeltMinutes(req, res, entry, kind, a);
    if (top !== 'fault' && top !== 'gdelt-429') return sendHtml(res, entry, 404, 'Not Found', 'Nothing here.');
    switch (top === 'gdelt-429' ? '429' : kind) {
      case '404': return sendHtml(res, entry, 404, 'Not Found', 'This feed has moved or gone.');
      case '500': return sendHtml(res, entry, 500, 'Internal Server Error', 'Something broke.');
      case '429': {
        const body = Buffer.from('Please limit requests to one every 5 seconds.');
        entry.status = 429;
        res.writeHead(429, { 'Content-Length': body.length });  // no Content-Type, no Retry-After
        return res.end(body);
      }
      case 'retry-after': return sendHtml(res, entry, 429, 'Too Many Requests', 'Slow down.', { 'Retry-After': a });
      case '503-retry': return sendHtml(res, entry, 503, 'Service Unavailable', 'Back soon.', { 'Retry-After': a });
      case 'slow': {
        const bytes = await fixture('feeds', a);
        if (!bytes) return sendHtml(res, entry, 404, 'Not Found', 'No such feed.');
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': bytes.length });
        res.write(bytes.subarray(0, 64));
        return;  // the rest never comes; close() or the client ends it
      }
      case 'gzip-truncated': {
        const bytes = await fixture('feeds', a);
        if (!bytes) return sendHtml(res, entry, 404, 'Not Found', 'No such feed.');
        const gz = zlib.gzipSync(bytes);
        const cut = gz.subarray(0, Math.floor(gz.length / 2));
        return send(res, entry, 200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip',
          'Content-Length': cut.length }, cut);
      }
      case 'gzip-bomb': {
        const gz = zlib.gzipSync(Buffer.alloc(Math.round(Number(a) * 1024 * 1024), 0x20));
        return send(res, entry, 200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip',
          'Content-Length': gz.length }, gz);
      }
      case 'charset': {
        const bytes = await fixture('feeds', b);
        if (!bytes || !/^[A-Za-z0-9._-]+$/.test(a ?? '')) return sendHtml(res, entry, 404, 'Not Found', 'No such feed.');
        return send(res, entry, 200, { 'Content-Type': `application/rss+xml; charset=${a}`, 'Content-Length': bytes.length },
          bytes);
      }
      case 'html': return sendHtml(res, entry, 200, 'Maintenance', 'Our feeds are down for maintenance.');
      case 'empty': return send(res, entry, 200, { 'Content-Type': 'application/rss+xml', 'Content-Length': 0 });
      case 'loop':
        return send(res, entry, 302, { Location: `/fault/loop/${a === 'a' ? 'b' : 'a'}`, 'Content-Length': 0 });
      case 'redirect': {
        const n = Number(a);
        if (!Number.isInteger(n) || n < 1) break;
        const next = n === 1 ? `/feeds/${b}` : `/fault/redirect/${n - 1}/${b}`;
        return send(res, entry, 302, { Location: next, 'Content-Length': 0 });
      }
      case 'redirect-scheme':
        return send(res, entry, 302, { Location: 'ftp://files.example/feed.xml', 'Content-Length': 0 });
      case 'huge': return serveHuge(res, entry, Number(a), true);
      case 'huge-chunked': return serveHuge(res, entry, Number(a), false);
      default: break;
    }
    return sendHtml(res, entry, 400, 'Bad Request', 'Unknown fault.');
  }

  for (let i = 0; i < hosts; i++) {
    const server = http.createServer((req, res) => {
      const entry = { host: i, method: req.method, path: (req.url ?? '/').split('?')[0], start: Date.now(), end: null,
        status: null, ua: req.headers['user-agent'] ?? '', ifNoneMatch: req.headers['if-none-match'] ?? null,
        ifModifiedSince: req.headers['if-modified-since'] ?? null, acceptEncoding: req.headers['accept-encoding'] ?? '' };
      log.push(entry);
      open.add(res);
      // The last byte handed to the network: no later than the client sees the end.
      res.on('finish', () => { entry.end ??= Date.now(); });
      res.on('close', () => {
        entry.end ??= Date.now();
        entry.aborted = !res.writableFinished;  // the client left before the whole response was sent
        open.delete(res);
      });
      handle(req, res, entry).catch((err) => {
        if (!res.headersSent) sendHtml(res, entry, 500, 'Internal Server Error', String(err.message));
        else res.destroy();
      });
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => { server.off('error', reject); resolve(); });
    });
    servers.push(server);
    bases.push(`http://${host}:${server.address().port}/`);
  }

  let closing = null;
  const close = () => {
    closing ??= Promise.all(servers.map((s) => new Promise((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    }))).then(() => { for (const res of open) res.destroy(); });
    return closing;
  };
  return { bases, log, close };
}

// ---- command line -------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const server = await startFeedServer({ root: opt('--root', FIXTURES), hosts: Number(opt('--hosts', '1')) });
  for (const base of server.bases) console.log(`feed server at ${base}  (try ${base}feeds/alpha.xml, ${base}fault/loop/a)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
