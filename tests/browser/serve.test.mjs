// Tests of tools/serve.mjs, the server the browser tests run the app against:
// static files with the right headers, gzip, 404s, path traversal, and every
// injected fault. Run: node --test tests/browser/serve.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from '../../tools/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

let tmp, root, plain, faulty;

const countries = {
  version: 1,
  source: { name: 'test', sample: true },
  countries: [
    { iso: 'FR', name: 'France', story_count: 12 },
    { iso: 'DE', name: 'Germany', story_count: 7 },
    { iso: 'JP', name: 'Japan', story_count: 9 },
  ],
};
const article = { version: 1, id: 'fr-0001', headline: 'Łódź, Zürich, 東京', body: ['one', 'two'],
  sections: [{ heading: 'a', paragraphs: ['x'] }, { heading: 'b', paragraphs: ['y'] }] };

// Raw HTTP (no fetch): the path goes out exactly as written, nothing is
// decompressed behind our back, and sockets are never pooled.
function request(server, rawPath, { method = 'GET', headers = {}, timeout = 5000, maxBytes = Infinity } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method, headers, agent: false },
      (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= maxBytes) {
            res.destroy();
            resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), partial: true });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
    req.setTimeout(timeout, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsglobe-serve-'));
  root = path.join(tmp, 'site');
  await fs.mkdir(path.join(root, 'api', 'v1', 'articles'), { recursive: true });
  await fs.mkdir(path.join(root, 'fonts'));
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'outside the root');
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>newsglobe</title><canvas></canvas>');
  await fs.writeFile(path.join(root, 'newsglobe.js'), 'console.log("hello");\n'.repeat(50));
  await fs.writeFile(path.join(root, 'newsglobe.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await fs.writeFile(path.join(root, 'newsglobe.0123456789.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await fs.writeFile(path.join(root, 'world.bin'), Buffer.alloc(4096, 7));
  await fs.writeFile(path.join(root, 'fonts', 'NotoSans.ttf'), Buffer.alloc(64, 1));
  await fs.writeFile(path.join(root, 'picture.png'), Buffer.alloc(2048, 3));
  await fs.writeFile(path.join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await fs.writeFile(path.join(root, 'api', 'v1', 'countries.json'), JSON.stringify(countries, null, 1));
  await fs.writeFile(path.join(root, 'api', 'v1', 'articles', 'fr-0001.json'), JSON.stringify(article));
  plain = await startServer({ root, port: 0 });
  faulty = await startServer({ root, port: 0, faults: true });
});

after(async () => {
  await plain?.close();
  await faulty?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('serves files with their content types and CORS', async () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/newsglobe.js': 'text/javascript; charset=utf-8',
    '/newsglobe.wasm': 'application/wasm',
    '/api/v1/countries.json': 'application/json; charset=utf-8',
    '/logo.svg': 'image/svg+xml',
    '/fonts/NotoSans.ttf': 'font/ttf',
    '/world.bin': 'application/octet-stream',
  };
  for (const [p, type] of Object.entries(expected)) {
    const res = await request(plain, p);
    assert.equal(res.status, 200, p);
    assert.equal(res.headers['content-type'], type, p);
    assert.equal(res.headers['access-control-allow-origin'], '*', p);
  }
  const index = await request(plain, '/');
  assert.match(index.body.toString(), /<title>newsglobe<\/title>/);
  assert.equal(index.headers['cache-control'], 'no-cache');
  const wasm = await request(plain, '/newsglobe.wasm');
  assert.deepEqual([...wasm.body], [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  assert.equal(wasm.headers['cache-control'], 'no-cache', 'a name that outlives its content is revalidated');
});

test('the app code under its content name is kept a year; other names are revalidated', async () => {
  const named = await request(plain, '/newsglobe.0123456789.wasm');
  assert.equal(named.status, 200);
  assert.equal(named.headers['content-type'], 'application/wasm');
  assert.equal(named.headers['cache-control'], 'public, max-age=31536000, immutable');
  for (const p of ['/newsglobe.js', '/world.bin', '/fonts/NotoSans.ttf', '/api/v1/countries.json'])
    assert.equal((await request(plain, p)).headers['cache-control'], 'no-cache', p);
});

test('gzips compressible files only when the client accepts it', async () => {
  const original = await fs.readFile(path.join(root, 'api', 'v1', 'countries.json'));
  const zipped = await request(plain, '/api/v1/countries.json', { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(zipped.headers.vary, 'Accept-Encoding');
  assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
  assert.deepEqual(zlib.gunzipSync(zipped.body), original);
  const again = await request(plain, '/api/v1/countries.json', { headers: { 'accept-encoding': 'gzip' } });
  assert.deepEqual(again.body, zipped.body);  // from the cache, same bytes

  const identity = await request(plain, '/api/v1/countries.json');
  assert.equal(identity.headers['content-encoding'], undefined);
  assert.deepEqual(identity.body, original);
  const font = await request(plain, '/fonts/NotoSans.ttf', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(font.headers['content-encoding'], 'gzip', 'TrueType fonts compress to about half');
  const png = await request(plain, '/picture.png', { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(png.headers['content-encoding'], undefined, 'pictures are compressed already');
  assert.equal(png.body.length, 2048);
});

test('sends the precompressed brotli or gzip copy the client accepts, never a stale one', async () => {
  const js = path.join(root, 'newsglobe.js');
  const original = await fs.readFile(js);
  const run = promisify(execFile);
  await run(process.execPath, [path.join(here, '../../tools/precompress.mjs'), root]);
  const br = await request(plain, '/newsglobe.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.deepEqual(zlib.brotliDecompressSync(br.body), original);
  assert.deepEqual(br.body, await fs.readFile(js + '.br'), 'the copy on disk, not compressed again');
  const gz = await request(plain, '/newsglobe.js', { headers: { 'accept-encoding': 'gzip, br;q=0' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gz.body, await fs.readFile(js + '.gz'));
  assert.notEqual(gz.headers.etag, br.headers.etag, 'each encoding has its own tag');
  const revalidated = await request(plain, '/newsglobe.js', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag } });
  assert.equal(revalidated.status, 304);
  const identity = await request(plain, '/newsglobe.js');
  assert.equal(identity.headers['content-encoding'], undefined);
  assert.deepEqual(identity.body, original);
  assert.equal((await request(plain, '/newsglobe.js.br')).status, 200, 'the copies are files like any other');
  // the file changes after its copies were made: they are stale and not sent
  const changed = Buffer.from('console.log("changed");\n'.repeat(60));
  await fs.writeFile(js, changed);
  const later = new Date(Date.now() + 5000);
  await fs.utimes(js, later, later);
  const fresh = await request(plain, '/newsglobe.js', { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(fresh.headers['content-encoding'], 'gzip');
  assert.deepEqual(zlib.gunzipSync(fresh.body), changed);
  await fs.writeFile(js, original);
  await Promise.all(['.br', '.gz'].map((x) => fs.rm(js + x)));
});

test('answers HEAD with headers only, and revalidates with ETag', async () => {
  const head = await request(plain, '/newsglobe.js', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(Number(head.headers['content-length']), 'console.log("hello");\n'.length * 50);
  const revalidated = await request(plain, '/newsglobe.js', { headers: { 'if-none-match': head.headers.etag } });
  assert.equal(revalidated.status, 304);
  assert.equal(revalidated.body.length, 0);
  const post = await request(plain, '/', { method: 'POST' });
  assert.equal(post.status, 405);
});

test('missing files get a small HTML 404 page', async () => {
  const res = await request(plain, '/api/v1/countries/XX/stories-1.json');
  assert.equal(res.status, 404);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(res.body.toString(), /Not found/);
  assert.match(res.body.toString(), /\/api\/v1\/countries\/XX\/stories-1\.json/);
  const escaped = await request(plain, '/%3Cscript%3E');
  assert.doesNotMatch(escaped.body.toString(), /<script>/);
});

test('rejects paths that leave the root', async () => {
  const attempts = ['/../secret.txt', '/%2e%2e/secret.txt', '/api/..%2f..%2f..%2fsecret.txt', '/..%5csecret.txt',
    '/api/%2e%2e/%2e%2e/secret.txt', '/%00index.html', '/%E0%A4%A'];
  for (const attempt of attempts) {
    const res = await request(plain, attempt);
    assert.ok(res.status === 400 || res.status === 404, `${attempt} -> ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /outside the root/, attempt);
  }
});

test('logs every request with its status', async () => {
  const before = plain.requests.length;
  await request(plain, '/logo.svg');
  await request(plain, '/nope.json', { method: 'HEAD' });
  assert.deepEqual(plain.requests.slice(before), [
    { method: 'GET', path: '/logo.svg', status: 200 },
    { method: 'HEAD', path: '/nope.json', status: 404 },
  ]);
});

test('fault paths are plain 404s unless faults are enabled', async () => {
  const res = await request(plain, '/__fault/text/api/v1/countries.json');
  assert.equal(res.status, 404);
});

test('fault status/{code} answers that status with an HTML page', async () => {
  const res = await request(faulty, '/__fault/status/503/api/v1/countries.json');
  assert.equal(res.status, 503);
  assert.match(res.headers['content-type'], /^text\/html/);
  assert.match(res.body.toString(), /Service Unavailable/);
  assert.equal(res.headers['access-control-allow-origin'], '*');
});

test('fault 429/{seconds} sends Retry-After', async () => {
  const res = await request(faulty, '/__fault/429/7/api/v1/countries.json');
  assert.equal(res.status, 429);
  assert.equal(res.headers['retry-after'], '7');
});

test('faults html and text answer 200 with a body that is not JSON', async () => {
  const html = await request(faulty, '/__fault/html/api/v1/countries.json');
  assert.equal(html.status, 200);
  assert.match(html.headers['content-type'], /^text\/html/);
  assert.match(html.body.toString(), /^<!doctype html>/);
  const text = await request(faulty, '/__fault/text/api/v1/countries.json');
  assert.equal(text.status, 200);
  assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(text.body.toString(), 'Invalid query');
});

test('fault truncate sends the first half of the file', async () => {
  const original = await fs.readFile(path.join(root, 'api', 'v1', 'countries.json'));
  const res = await request(faulty, '/__fault/truncate/api/v1/countries.json');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(res.body, original.subarray(0, Math.floor(original.length / 2)));
  assert.throws(() => JSON.parse(res.body.toString()));
});

test('fault slow/{ms} delays, then serves the file', async () => {
  const start = performance.now();
  const res = await request(faulty, '/__fault/slow/200/api/v1/countries.json');
  assert.ok(performance.now() - start >= 190);
  assert.equal(res.status, 200);
  assert.equal(JSON.parse(res.body.toString()).countries.length, 3);
});

test('fault hang never answers; the client has to time out', async () => {
  await assert.rejects(request(faulty, '/__fault/hang/api/v1/countries.json', { timeout: 300 }),
    (err) => err.code === 'TIMEOUT' || err.code === 'ECONNRESET');
  const entry = faulty.requests.findLast((r) => r.path === '/__fault/hang/api/v1/countries.json');
  assert.equal(entry.status, null);
});

test('fault huge streams a 64 MiB JSON-looking body', async () => {
  const res = await request(faulty, '/__fault/huge/api/v1/countries.json', { maxBytes: 4 * 1024 * 1024 });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(Number(res.headers['content-length']), 64 * 1024 * 1024);
  assert.ok(res.partial && res.body.length >= 4 * 1024 * 1024);
  assert.match(res.body.subarray(0, 64).toString(), /^\{"version":1,"countries":\[\{"iso":"ZZ"/);
});

test('fault wrongtypes mistypes fields inside lists, keeping the document', async () => {
  const index = JSON.parse((await request(faulty, '/__fault/wrongtypes/api/v1/countries.json')).body.toString());
  assert.equal(index.version, 1);
  assert.equal(index.countries[0].story_count, 12);
  assert.equal(index.countries[1].story_count, '7');
  assert.equal(index.countries[2].story_count, 9);
  const a = JSON.parse((await request(faulty, '/__fault/wrongtypes/api/v1/articles/fr-0001.json')).body.toString());
  assert.equal(a.headline, 'Łódź, Zürich, 東京');
  assert.deepEqual(a.body, { 0: 'one', 1: 'two' });
  assert.deepEqual(a.sections.map((s) => s.heading), ['a', 'b']);
  assert.deepEqual(a.sections[1].paragraphs, { 0: 'y' });
});

test('fault flaky/{n} fails n times per path, then serves', async () => {
  const p = '/__fault/flaky/2/api/v1/countries.json';
  assert.equal((await request(faulty, p)).status, 503);
  assert.equal((await request(faulty, p)).status, 503);
  assert.equal((await request(faulty, p)).status, 200);
  assert.equal((await request(faulty, p)).status, 200);
  assert.equal((await request(faulty, '/__fault/flaky/1/api/v1/articles/fr-0001.json')).status, 503);
});

test('unknown faults are bad requests', async () => {
  assert.equal((await request(faulty, '/__fault/explode/api/v1/countries.json')).status, 400);
  assert.equal((await request(faulty, '/__fault/status/abc/api/v1/countries.json')).status, 400);
});

test('close() ends hanging requests and stalled streams promptly', async () => {
  const server = await startServer({ root, port: 0, faults: true });
  const hanging = request(server, '/__fault/hang/index.html', { timeout: 10000 }).catch((err) => err);
  // A client that stops reading keeps the huge stream open on backpressure.
  const stalled = new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: server.port, path: '/__fault/huge/index.html', agent: false }, (res) => {
      res.pause();
      resolve(res);
    }).on('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const start = performance.now();
  await server.close();
  assert.ok(performance.now() - start < 1000);
  assert.ok((await hanging) instanceof Error, 'the hanging request is cut');
  // Reading again drains what was buffered, then finds the stream cut short.
  const res = await stalled;
  const complete = await new Promise((resolve) => {
    res.on('error', () => {});
    res.on('close', () => resolve(res.complete));
    res.resume();
  });
  assert.equal(complete, false, 'the stalled stream is cut');
});
